//! Per-inference latency of the inference service over HTTP, the validator's real path, on the
//! models written by `scripts/bench/models.py` (run through `scripts/bench/engine.sh`, which
//! prints it next to the engine, raw tract and onnxruntime):
//!
//! ```text
//! cargo bench -p opg-inference-service --bench service_latency -- MODELS_DIR RUNS
//! ```
//!
//! `service-http`: the service as `opg-node` starts it (default limits, models run in
//! `opg-inference-worker` processes), each model imported into its store under its content
//! hash and loaded on the first request, like a stored model; one client connection kept
//! alive between requests (as the off-chain worker's HTTP client keeps it) sends SCALE
//! `InferRequest`s to `POST /v1/infer`. Each request's time covers encoding the request, the
//! HTTP round trip, the copies to and from the worker, the run and decoding the answer.
//!
//! Each model is warmed up once (which loads it), then timed `RUNS` times; one JSON line per
//! model: `{"model", "runner", "runs", "median_ms", "min_ms", "max_ms"}`.

use opg_inference_engine::{describe, io};
use opg_inference_primitives::{
	bounded_tensors, ExecutionMode, InferRequest, InferResponse, InferenceOutcome, ResourceBounds,
};
use opg_inference_service::{
	IndexedModels, InferenceService, ModelStore, ServiceConfig, ServiceConnection, WorkerCommand,
};
use std::{path::PathBuf, sync::Arc, time::Duration};

#[path = "../../engine/benches/timing/mod.rs"]
mod timing;

use timing::{measure, BenchResult};

/// Time allowed to one request, the first one's load included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);

/// No inline model: every model comes from the store.
struct NothingIndexed;

impl IndexedModels for NothingIndexed {
	fn get(&self, _hash: &[u8; 32]) -> Option<Vec<u8>> {
		None
	}
}

/// Times `request` `runs` times after one warm-up and prints the JSON line.
fn time_requests(
	model: &str,
	runs: usize,
	connection: &mut ServiceConnection,
	request: &InferRequest,
) -> BenchResult<()> {
	measure(model, "service-http", runs, || match connection.infer(request, REQUEST_TIMEOUT)? {
		InferResponse::Outcome(InferenceOutcome::Success(_)) => Ok(()),
		other => Err(format!("{model}: {other:?}").into()),
	})
}

fn main() -> BenchResult<()> {
	// `cargo bench` appends `--bench`; the two positional arguments are ours.
	let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
	let [directory, runs] = args.as_slice() else {
		return Err("usage: service_latency MODELS_DIR RUNS".into());
	};
	let directory = PathBuf::from(directory);
	let runs: usize = runs.parse()?;
	let models: Vec<String> =
		serde_json::from_slice(&std::fs::read(directory.join("models.json"))?)?;

	let store_dir = tempfile::tempdir()?;
	let store = ModelStore::open(store_dir.path())?;
	let worker = WorkerCommand {
		program: env!("CARGO_BIN_EXE_opg-inference-worker").into(),
		args: Vec::new(),
	};
	let mut config = ServiceConfig::new(store_dir.path(), worker);
	config.listen = "127.0.0.1:0".parse()?;
	let service = InferenceService::new(config, Arc::new(NothingIndexed), None)?;
	let (address, server) = service.start()?;
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
	runtime.spawn(server);
	let mut connection = ServiceConnection::new(&format!("http://{address}"))?;

	for model in &models {
		let onnx = std::fs::read(directory.join(format!("{model}.onnx")))?;
		let input = io::read_tensor(&directory.join(format!("{model}.input0.npy")))?;
		let request = InferRequest {
			model: store.import(&onnx)?,
			size: u32::try_from(onnx.len())?,
			signature: describe(&onnx)?,
			bounds: ResourceBounds::OPG,
			execution: ExecutionMode::Fastest,
			uri: None,
			inputs: bounded_tensors(vec![input]).map_err(|e| format!("{e:?}"))?,
		};
		time_requests(model, runs, &mut connection, &request)?;
	}
	runtime.shutdown_background();
	Ok(())
}
