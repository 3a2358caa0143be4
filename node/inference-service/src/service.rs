//! The [`InferenceService`]: model acquisition and inference behind the HTTP server.

use crate::{
	fetch::Fetcher,
	metrics::{Failure, Metrics, Source},
	server::{self, Limits},
	store::hex,
	IndexedModels, ModelStore, ServiceConfig, ServiceError, WorkerCommand, WorkerPool, LOG_TARGET,
};
use codec::Encode;
use futures::{
	channel::oneshot,
	future::{BoxFuture, Shared},
	FutureExt,
};
use opg_inference_engine::{EngineConfig, EngineError, EngineStats, ExecutionMode};
use opg_inference_primitives::{
	bounded_tensors, error_code, InferRequest, InferResponse, InferenceOutcome, ModelSignature,
	ResourceBounds, Tensor, Tensors,
};
use std::{
	collections::HashMap,
	future::Future,
	net::{SocketAddr, TcpListener},
	sync::{Arc, Mutex, MutexGuard, PoisonError},
	time::Instant,
};
use substrate_prometheus_endpoint::Registry;

/// Why a request gets no successful outcome.
#[derive(Clone, Debug)]
enum Refusal {
	/// A deterministic failure, answered as `Outcome(Failure(code))`.
	Failure(u16),
	/// A local failure, answered as `Unavailable { code, reason }`.
	Unavailable { code: u16, reason: String },
}

impl Refusal {
	/// The refusal of an engine error, by its determinism.
	fn engine(error: &EngineError) -> Self {
		if error.is_deterministic() {
			Refusal::Failure(error.code())
		} else {
			Refusal::Unavailable { code: error.code(), reason: error.to_string() }
		}
	}

	/// The model bytes could not be obtained.
	fn unavailable(reason: String) -> Self {
		Refusal::Unavailable { code: error_code::MODEL_UNAVAILABLE, reason }
	}

	fn into_response(self) -> InferResponse {
		match self {
			Refusal::Failure(code) => InferResponse::Outcome(InferenceOutcome::Failure(code)),
			Refusal::Unavailable { code, reason } => {
				InferResponse::Unavailable { code, reason: reason.into_bytes() }
			}
		}
	}
}

/// What a request says about its model.
struct Model {
	hash: [u8; 32],
	size: u32,
	signature: ModelSignature,
	bounds: ResourceBounds,
	execution: ExecutionMode,
	uri: Option<Vec<u8>>,
}

/// How a cached model was loaded: its signature, bounds and execution mode.
type LoadedAs = (ModelSignature, ResourceBounds, ExecutionMode);

/// The workers of each execution mode. tract selects its kernels once per process, so a
/// deterministic model runs in workers that pinned the portable kernels before anything else;
/// each pool starts its workers when first needed.
struct WorkerPools {
	fastest: WorkerPool,
	deterministic: WorkerPool,
}

impl WorkerPools {
	fn new(command: WorkerCommand, config: EngineConfig, memory_limit_bytes: u64) -> Self {
		let deterministic =
			EngineConfig { execution: ExecutionMode::Deterministic, ..config.clone() };
		WorkerPools {
			fastest: WorkerPool::new(
				command.clone(),
				EngineConfig { execution: ExecutionMode::Fastest, ..config },
				memory_limit_bytes,
			),
			deterministic: WorkerPool::new(command, deterministic, memory_limit_bytes),
		}
	}

	fn of(&self, execution: ExecutionMode) -> &WorkerPool {
		match execution {
			ExecutionMode::Fastest => &self.fastest,
			ExecutionMode::Deterministic => &self.deterministic,
		}
	}

	fn stats(&self) -> EngineStats {
		self.fastest.stats().combined(&self.deterministic.stats())
	}
}

/// The outcome of acquiring and loading a model.
type Prepared = Result<(), Refusal>;
/// An acquisition and load in progress, awaited by every request that needs it.
type Flight = Shared<BoxFuture<'static, Prepared>>;
/// A model hash and the hash of the encoded signature, bounds and execution mode it is loaded
/// with.
type FlightKey = ([u8; 32], [u8; 32]);

/// The state shared by every connection.
pub(crate) struct State {
	engines: WorkerPools,
	store: ModelStore,
	indexed: Arc<dyn IndexedModels>,
	fetcher: Fetcher,
	metrics: Option<Metrics>,
	/// How each cached model was loaded.
	loaded: Mutex<HashMap<[u8; 32], LoadedAs>>,
	flights: Mutex<HashMap<FlightKey, Flight>>,
}

/// Locks a mutex; the data behind every mutex here stays valid if a holder panics.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
	mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs blocking work (file system, database, engine) off the async threads.
async fn blocking<T: Send + 'static>(
	work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Refusal> {
	tokio::task::spawn_blocking(work).await.map_err(|error| Refusal::Unavailable {
		code: error_code::RESOURCE_LIMIT,
		reason: format!("a blocking task failed: {error}"),
	})
}

/// Removes a flight from the table when its task ends, however it ends (a dropped task
/// answers its waiters through the closed channel).
struct Landing {
	state: Arc<State>,
	key: FlightKey,
}

impl Drop for Landing {
	fn drop(&mut self) {
		lock(&self.state.flights).remove(&self.key);
	}
}

impl State {
	/// Runs the metrics update `update`, if metrics are registered.
	pub(crate) fn with_metrics(&self, update: impl FnOnce(&Metrics)) {
		if let Some(metrics) = &self.metrics {
			update(metrics);
		}
	}

	/// Answers a decoded request.
	pub(crate) async fn infer(self: &Arc<Self>, request: InferRequest) -> InferResponse {
		let start = Instant::now();
		let response = match self.try_infer(request).await {
			Ok(outputs) => InferResponse::Outcome(InferenceOutcome::Success(outputs)),
			Err(refusal) => refusal.into_response(),
		};
		self.with_metrics(|metrics| {
			metrics.answered(start.elapsed());
			metrics.engine(&self.engines.stats());
		});
		response
	}

	async fn try_infer(self: &Arc<Self>, request: InferRequest) -> Result<Tensors, Refusal> {
		let InferRequest { model, size, signature, bounds, execution, uri, inputs } = request;
		let model = Arc::new(Model { hash: model, size, signature, bounds, execution, uri });
		let inputs: Arc<[Tensor]> = inputs.into_inner().into();
		if !self.is_loaded(&model) {
			self.prepare(&model).await?;
		}
		let outputs = match self.run(&model, inputs.clone()).await? {
			Err(EngineError::ModelNotLoaded { .. }) => {
				// Evicted by other models since it was loaded: load it again, once.
				self.prepare(&model).await?;
				self.run(&model, inputs).await?
			}
			outputs => outputs,
		}
		.map_err(|error| Refusal::engine(&error))?;
		// The engine checked the outputs against the signature, which bounds them.
		bounded_tensors(outputs).map_err(|_| Refusal::Failure(error_code::OUTPUT_SIGNATURE))
	}

	/// Whether the workers of the model's mode hold its plan, loaded with its signature and
	/// bounds.
	fn is_loaded(&self, model: &Model) -> bool {
		let same = lock(&self.loaded).get(&model.hash).is_some_and(|(signature, bounds, mode)| {
			*signature == model.signature && *bounds == model.bounds && *mode == model.execution
		});
		same && self.engines.of(model.execution).cached(&model.hash)
	}

	async fn run(
		self: &Arc<Self>,
		model: &Model,
		inputs: Arc<[Tensor]>,
	) -> Result<Result<Vec<Tensor>, EngineError>, Refusal> {
		let (state, hash, execution) = (self.clone(), model.hash, model.execution);
		blocking(move || state.engines.of(execution).run(hash, &inputs)).await
	}

	/// Acquires and loads `model`, joining the flight already doing it if any. The work goes
	/// on in its own task if the request is dropped.
	async fn prepare(self: &Arc<Self>, model: &Arc<Model>) -> Prepared {
		let loaded_as = (&model.signature, model.bounds, model.execution);
		let key = (model.hash, sp_crypto_hashing::blake2_256(&loaded_as.encode()));
		let (flight, sender) = {
			let mut flights = lock(&self.flights);
			match flights.get(&key) {
				Some(flight) => (flight.clone(), None),
				None => {
					let (sender, receiver) = oneshot::channel();
					let flight = receiver
						.map(|prepared| {
							prepared.unwrap_or_else(|_| {
								Err(Refusal::Unavailable {
									code: error_code::RESOURCE_LIMIT,
									reason: "loading the model was interrupted".to_owned(),
								})
							})
						})
						.boxed()
						.shared();
					flights.insert(key, flight.clone());
					(flight, Some(sender))
				}
			}
		};
		// Spawned without holding the lock, which the landing takes.
		if let Some(sender) = sender {
			let (state, model) = (self.clone(), model.clone());
			let landing = Landing { state: self.clone(), key };
			tokio::spawn(async move {
				let prepared = state.acquire_and_load(&model).await;
				drop(landing);
				// Nobody may be waiting any more.
				let _ = sender.send(prepared);
			});
		}
		flight.await
	}

	async fn acquire_and_load(self: &Arc<Self>, model: &Arc<Model>) -> Prepared {
		let bytes = self.acquire(model).await?;
		let (state, model) = (self.clone(), model.clone());
		blocking(move || {
			let pool = state.engines.of(model.execution);
			pool.load(model.hash, &bytes, &model.signature, &model.bounds)?;
			log::info!(
				target: LOG_TARGET,
				"Loaded model {} ({:?} kernels)",
				hex(&model.hash),
				model.execution
			);
			let mut loaded = lock(&state.loaded);
			loaded.retain(|hash, (_, _, mode)| state.engines.of(*mode).cached(hash));
			loaded.insert(model.hash, (model.signature.clone(), model.bounds, model.execution));
			Ok(())
		})
		.await?
		.map_err(|error: EngineError| Refusal::engine(&error))
	}

	/// The bytes of `model`, from the store, the index or its URI, in this order.
	async fn acquire(self: &Arc<Self>, model: &Model) -> Result<Vec<u8>, Refusal> {
		let (state, hash) = (self.clone(), model.hash);
		let acquired = match blocking(move || state.local_copy(&hash)).await? {
			Some(local) => Ok(local),
			None => self.download(model).await.map(|bytes| (bytes, Source::Uri)),
		};
		match acquired {
			Ok((bytes, source)) => {
				self.with_metrics(|metrics| metrics.acquired(source));
				Ok(bytes)
			}
			Err(refusal) => {
				log::debug!(target: LOG_TARGET, "Model {} is unavailable: {refusal:?}", hex(&hash));
				self.with_metrics(|metrics| {
					metrics.acquired(Source::Unavailable);
					metrics.failed(Failure::ModelUnavailable);
				});
				Err(refusal)
			}
		}
	}

	/// The bytes of model `hash` from the store or the index (then written to the store).
	fn local_copy(&self, hash: &[u8; 32]) -> Option<(Vec<u8>, Source)> {
		if let Some(bytes) = self.store.get(hash) {
			return Some((bytes, Source::Store));
		}
		let bytes = self.indexed.get(hash)?;
		if sp_crypto_hashing::blake2_256(&bytes) != *hash {
			log::warn!(target: LOG_TARGET, "The indexed copy of model {} is corrupt", hex(hash));
			return None;
		}
		self.keep(&bytes);
		Some((bytes, Source::Indexed))
	}

	/// Fetches `model` from its URI and writes it to the store.
	async fn download(self: &Arc<Self>, model: &Model) -> Result<Vec<u8>, Refusal> {
		let hash = hex(&model.hash);
		let Some(uri) = &model.uri else {
			return Err(Refusal::unavailable(format!(
				"model {hash} is neither stored nor indexed, and has no URI"
			)));
		};
		let bytes = self
			.fetcher
			.fetch(uri, &model.hash, model.size)
			.await
			.map_err(|error| Refusal::unavailable(format!("model {hash}: {error}")))?;
		log::info!(target: LOG_TARGET, "Fetched model {hash} ({} bytes)", bytes.len());
		let state = self.clone();
		blocking(move || {
			state.keep(&bytes);
			bytes
		})
		.await
	}

	/// Writes verified model bytes to the store; a failure only costs a later acquisition.
	fn keep(&self, bytes: &[u8]) {
		if let Err(error) = self.store.import(bytes) {
			log::warn!(target: LOG_TARGET, "Cannot write a model to {}: {error}", self.store.dir().display());
		}
	}
}

/// The inference service: an HTTP server answering the off-chain worker's inference requests
/// with the native engine, run in worker processes ([`WorkerPool`]).
///
/// Create it with [`InferenceService::new`], then bind it with [`InferenceService::start`] and
/// spawn the returned future on a tokio runtime.
pub struct InferenceService {
	listen: SocketAddr,
	limits: Limits,
	state: Arc<State>,
}

impl InferenceService {
	/// Opens the model store, creates the engine and, given a `registry`, registers the
	/// metrics on it. `indexed` serves the bytes of inline models.
	///
	/// Needs no async runtime.
	///
	/// # Errors
	///
	/// [`ServiceError::Store`], [`ServiceError::Prometheus`] or [`ServiceError::Tls`].
	pub fn new(
		config: ServiceConfig,
		indexed: Arc<dyn IndexedModels>,
		registry: Option<&Registry>,
	) -> Result<Self, ServiceError> {
		let store = ModelStore::open(&config.models_dir)
			.map_err(|source| ServiceError::Store { path: config.models_dir.clone(), source })?;
		let fetcher = Fetcher::new(
			config.ipfs_gateway.clone(),
			u64::try_from(config.engine.max_model_bytes).unwrap_or(u64::MAX),
			config.fetch_timeout,
		)?;
		let metrics = registry.map(Metrics::register).transpose()?;
		let limits = Limits {
			max_connections: config.max_connections,
			request_timeout: config.request_timeout,
			connection_timeout: config
				.request_timeout
				.saturating_add(config.fetch_timeout)
				.saturating_add(config.engine.load_timeout)
				.saturating_add(config.engine.timeout),
		};
		let memory = config
			.worker_memory_bytes
			.unwrap_or_else(|| crate::default_memory_limit(&config.engine));
		let state = State {
			engines: WorkerPools::new(config.worker, config.engine, memory),
			store,
			indexed,
			fetcher,
			metrics,
			loaded: Mutex::default(),
			flights: Mutex::default(),
		};
		Ok(InferenceService { listen: config.listen, limits, state: Arc::new(state) })
	}

	/// Binds [`ServiceConfig::listen`] and returns the bound address (the actual port when
	/// port `0` was configured) and the server, a future to spawn on a tokio runtime (it needs
	/// the `net`, `time` and `rt` drivers) that serves until dropped.
	///
	/// Binding happens here, so a port conflict is reported at once; it needs no async
	/// runtime.
	///
	/// # Errors
	///
	/// [`ServiceError::Bind`] if the address cannot be bound.
	pub fn start(
		self,
	) -> Result<(SocketAddr, impl Future<Output = ()> + Send + 'static), ServiceError> {
		let addr = self.listen;
		let bind_error = |source| ServiceError::Bind { addr, source };
		let listener = TcpListener::bind(addr).map_err(bind_error)?;
		listener.set_nonblocking(true).map_err(bind_error)?;
		let bound = listener.local_addr().map_err(bind_error)?;
		log::info!(target: LOG_TARGET, "Inference service listening on http://{bound}");
		Ok((bound, server::serve(listener, self.state, self.limits)))
	}
}
