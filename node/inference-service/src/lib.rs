//! # OPG Chain inference service
//!
//! The HTTP service through which a validator's off-chain worker runs ONNX models natively: the
//! worker sends `POST /v1/infer` with a SCALE-encoded
//! [`InferRequest`](opg_inference_primitives::InferRequest) and gets back a SCALE-encoded
//! [`InferResponse`](opg_inference_primitives::InferResponse) (see
//! [`opg_inference_primitives::service`] for the protocol). The worker reaches the service
//! through the runtime's offchain HTTP API, so the service may run inside the node (the usual
//! case, started with [`InferenceService::start`]) or on another machine.
//!
//! ## Serving a request
//!
//! 1. The body is read under [`ServiceConfig::request_timeout`] and at most
//!    [`MAX_REQUEST_BYTES`](opg_inference_primitives::service::MAX_REQUEST_BYTES) (`413`
//!    above, `400` when it does not decode, `408` when it does not arrive in time).
//! 2. If the model was already loaded with the request's signature and its plan is still in
//!    the engine's cache, it is run at once. Otherwise its ONNX bytes are looked up, in order,
//!    in the [`ModelStore`] (`<models_dir>/<hex hash>.onnx`), in the node's
//!    [`IndexedModels`] (bytes of inline models, which reached the node through offchain
//!    indexing) and, when the request carries a URI, fetched from `http://`, `https://` or
//!    `ipfs://` (through [`ServiceConfig::ipfs_gateway`]). Every copy is checked against the
//!    model hash; indexed and fetched bytes are written to the store. The model is then loaded
//!    by the engine with the request's signature. Concurrent requests for a model share one
//!    acquisition, which goes on when the requester hangs up, so a slow download or load
//!    eventually completes even if every single request times out.
//! 3. The answer is always `200` with an [`InferResponse`](opg_inference_primitives::InferResponse):
//!    - `Outcome(Success(outputs))` when the model ran;
//!    - `Outcome(Failure(code))` for a deterministic engine failure
//!      ([`EngineError::is_deterministic`](opg_inference_engine::EngineError::is_deterministic)),
//!      which every honest validator reaches and may commit to;
//!    - `Unavailable { code, reason }` for anything local to this machine: the model bytes
//!      could not be obtained (`MODEL_UNAVAILABLE`), a timeout, a resource limit. The worker
//!      must retry later and never commit to it.
//!
//!    Outputs are checked by the engine against the model's signature, so they always fit in
//!    [`Tensors`](opg_inference_primitives::Tensors); should they not, the request gets the
//!    deterministic `Failure(OUTPUT_SIGNATURE)`, like any output the signature rejects.
//!
//! `GET /health` answers `200 ok`; other paths answer `404`, other methods `405`.
//!
//! ## Resources
//!
//! Each connection is served by its own task, at most [`ServiceConfig::max_connections`] at
//! once (further ones wait in the listen backlog), and carries requests one after the other
//! (HTTP keep-alive, which the off-chain worker's client uses: no TCP handshake per
//! inference). Request headers and body must arrive within [`ServiceConfig::request_timeout`],
//! so an idle connection is closed after it. A connection takes new requests for
//! `request_timeout + fetch_timeout + engine.load_timeout + engine.timeout`, the longest one
//! request may take; then it finishes the request in progress, within as long again, and is
//! closed whatever it is doing. Inference itself is bounded by the
//! [`Engine`](opg_inference_engine::Engine)'s limits ([`ServiceConfig::engine`]). A fetch is
//! bounded by the registered model size (which the chain bounds by `MaxRemoteModelBytes`), the
//! engine's model limit (`engine.max_model_bytes`, which the node sets from the same chain
//! constant) and [`ServiceConfig::fetch_timeout`], and follows at most 5 redirects.
//!
//! Anyone who can register a model URI makes validators send a `GET` to it: run the service
//! where such requests cannot reach anything sensitive.
//!
//! ## Metrics
//!
//! With a Prometheus registry, [`InferenceService::new`] registers:
//!
//! | Metric                                      | Counts                                                  |
//! |---------------------------------------------|---------------------------------------------------------|
//! | `opg_inference_requests_total`              | `POST /v1/infer` requests                               |
//! | `opg_inference_latency_seconds`             | histogram of the time to answer a decoded request       |
//! | `opg_inference_failures_total{kind}`        | failed engine loads and runs by [`EngineErrorKind::name`](opg_inference_engine::EngineErrorKind::name), failed model acquisitions (`model_unavailable`) and rejected requests (`bad_request`, `request_too_large`, `request_timeout`) |
//! | `opg_inference_cache_hits_total`            | engine plan cache lookups that found the plan           |
//! | `opg_inference_cache_misses_total`          | engine plan cache lookups that did not                  |
//! | `opg_inference_model_fetches_total{source}` | model bytes obtained from `store`, `indexed` or `uri`, and acquisitions that found none (`unavailable`) |

#![deny(missing_docs)]
#![cfg_attr(
	not(test),
	deny(clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unwrap_used)
)]

mod client;
mod fetch;
mod metrics;
mod sandbox;
mod server;
mod service;
mod store;

pub use client::{check_health, infer_http, ClientError, ServiceConnection};
pub use sandbox::{
	default_memory_limit, run_inference_worker, Confinement, WorkerCommand, WorkerPool,
};
pub use service::InferenceService;
pub use store::{IndexedModels, ModelStore};

use opg_inference_engine::EngineConfig;
use std::{
	io,
	net::{Ipv4Addr, SocketAddr, SocketAddrV4},
	path::PathBuf,
	time::Duration,
};
use substrate_prometheus_endpoint::PrometheusError;

/// Target of the service's log messages.
const LOG_TARGET: &str = "inference-service";

/// Where the service listens by default: `127.0.0.1:9955`.
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 9955));

/// The default [`ServiceConfig::ipfs_gateway`]: a local IPFS node (e.g. Kubo).
pub const DEFAULT_IPFS_GATEWAY: &str = "http://127.0.0.1:8080";

/// Configuration of an [`InferenceService`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ServiceConfig {
	/// Address to listen on. Port `0` picks a free port ([`InferenceService::start`] reports
	/// it).
	pub listen: SocketAddr,
	/// Directory of the [`ModelStore`]; created if missing.
	pub models_dir: PathBuf,
	/// Limits of the inference engine, which runs in [`ServiceConfig::engine`]`.max_concurrency`
	/// worker processes (see [`WorkerPool`]).
	pub engine: EngineConfig,
	/// How to start an inference worker.
	pub worker: WorkerCommand,
	/// Address space of each worker, in bytes; `None` for [`default_memory_limit`] of
	/// [`ServiceConfig::engine`].
	pub worker_memory_bytes: Option<u64>,
	/// Base URL of the IPFS HTTP gateway: `ipfs://CID/path` is fetched from
	/// `{ipfs_gateway}/ipfs/CID/path`.
	pub ipfs_gateway: String,
	/// Wall-clock limit of one fetch, redirects included.
	pub fetch_timeout: Duration,
	/// Largest number of connections served at once; at least
	/// [`MAX_REQUESTS_IN_FLIGHT`](opg_inference_primitives::service::MAX_REQUESTS_IN_FLIGHT)
	/// for an off-chain worker's waves of requests to be served without waiting.
	pub max_connections: usize,
	/// Time allowed to a client to send its request headers, and then its body.
	pub request_timeout: Duration,
}

impl ServiceConfig {
	/// The defaults, storing models in `models_dir` and running them in workers started with
	/// `worker`: listen on [`DEFAULT_LISTEN`], the default [`EngineConfig`], workers' memory
	/// from it, [`DEFAULT_IPFS_GATEWAY`], fetches within 120 s, an off-chain worker's requests
	/// in flight as connections, 30 s to send a request.
	pub fn new(models_dir: impl Into<PathBuf>, worker: WorkerCommand) -> Self {
		ServiceConfig {
			listen: DEFAULT_LISTEN,
			models_dir: models_dir.into(),
			engine: EngineConfig::default(),
			worker,
			worker_memory_bytes: None,
			ipfs_gateway: DEFAULT_IPFS_GATEWAY.to_owned(),
			fetch_timeout: Duration::from_secs(120),
			max_connections: opg_inference_primitives::service::MAX_REQUESTS_IN_FLIGHT as usize,
			request_timeout: Duration::from_secs(30),
		}
	}
}

/// Why an [`InferenceService`] could not be created or started.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
	/// The model store directory could not be created.
	#[error("cannot open the model store {path}: {source}")]
	Store {
		/// The directory.
		path: PathBuf,
		/// What the file system said.
		source: io::Error,
	},
	/// The listening socket could not be bound (e.g. the port is in use).
	#[error("cannot listen on {addr}: {source}")]
	Bind {
		/// The configured address.
		addr: SocketAddr,
		/// What the system said.
		source: io::Error,
	},
	/// The metrics could not be registered (e.g. registered twice on one registry).
	#[error("cannot register the inference metrics: {0}")]
	Prometheus(#[from] PrometheusError),
	/// The TLS client used for `https://` fetches could not be configured.
	#[error("cannot configure TLS: {0}")]
	Tls(#[from] rustls::Error),
}
