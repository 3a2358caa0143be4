//! The [`Engine`]: loads models into a plan cache and runs them under resource limits.

use crate::{
	cache::{ModelHash, PlanCache},
	compile::{compile, CompiledModel},
	convert,
	error::EngineError,
	portable, session,
	stats::{EngineCounters, EngineStats},
	worker::{run_bounded, Upkeep, WorkerThreads},
};
use opg_inference_primitives::{ExecutionMode, ModelSignature, ResourceBounds, Tensor};
use std::{
	sync::{Arc, Mutex, PoisonError},
	time::{Duration, Instant},
};
use tract_onnx::prelude::{IntoTValue, TValue, TVec};

/// ResourceBounds of an [`Engine`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EngineConfig {
	/// Largest ONNX model accepted by [`Engine::load`], in bytes.
	pub max_model_bytes: usize,
	/// Largest total number of elements over all the inputs of one [`Engine::run`], a
	/// zero-length axis counting as one (so that an empty tensor cannot carry an unbounded
	/// axis). It also bounds the dynamic axes of signatures when a model's needs are bounded
	/// at load (see [`EngineConfig::max_tensor_bytes`]).
	pub max_input_elements: u64,
	/// Largest total size, in bytes, of the tensors of one inference: constants, inputs and
	/// every intermediate result (sub-graph bodies included), bounded at load for the largest
	/// inputs the signature admits (dynamic axes bounded through
	/// [`EngineConfig::max_input_elements`]), as if nothing were freed. Also bounds the
	/// constants tract computes while loading the model. A model above it is refused with
	/// [`EngineError::ResourceBound`], a deterministic failure: every validator must use the
	/// value the chain mandates (the default), like the engine version.
	pub max_tensor_bytes: u64,
	/// Largest number of multiply-accumulates of one inference (matrix products,
	/// convolutions, ... as counted by tract's cost model), bounded at load like
	/// [`EngineConfig::max_tensor_bytes`] and mandated by the chain likewise.
	pub max_macs: u64,
	/// Largest number of compiled plans kept in the cache. With `0` nothing can be loaded.
	pub max_cached_plans: usize,
	/// Largest approximate memory of the compiled plans kept in the cache, in bytes. A model
	/// whose plan alone is larger cannot be loaded.
	pub max_cached_bytes: usize,
	/// Wall-clock limit of one [`Engine::run`], waiting for a free slot included.
	pub timeout: Duration,
	/// Wall-clock limit of one [`Engine::load`] that parses and optimises a model, waiting for
	/// a free slot included.
	pub load_timeout: Duration,
	/// Largest number of loads and inferences running at once, each on one core (abandoned
	/// ones included, see [`Engine::run`]). Values below 1 count as 1.
	pub max_concurrency: usize,
	/// How every model of this engine runs. [`ExecutionMode::Deterministic`] pins tract to its
	/// portable kernels for the whole process (see the crate documentation, "Deterministic
	/// mode"): create such an engine before anything else in the process uses tract.
	pub execution: ExecutionMode,
}

/// The default [`EngineConfig::max_concurrency`]: half the available cores, at least one, so
/// inference never takes every core of the node.
pub fn default_concurrency() -> usize {
	std::thread::available_parallelism().map_or(1, |cores| cores.get() / 2).max(1)
}

impl EngineConfig {
	/// The bounds a model must respect, as the chain states them.
	pub fn bounds(&self) -> ResourceBounds {
		ResourceBounds {
			max_tensor_bytes: self.max_tensor_bytes,
			max_macs: self.max_macs,
			max_input_elements: self.max_input_elements,
		}
	}
}

impl Default for EngineConfig {
	/// 64 MiB models, the chain's bounds ([`ResourceBounds::OPG`]: 4 Mi input elements, 2 GiB
	/// of tensors and 2^36 multiply-accumulates per inference), 16 plans and 1 GiB of plans in
	/// the cache, 10 s per inference, 60 s per load, [`default_concurrency`] slots, the fastest
	/// kernels.
	fn default() -> Self {
		let ResourceBounds { max_tensor_bytes, max_macs, max_input_elements } = ResourceBounds::OPG;
		EngineConfig {
			max_model_bytes: 64 << 20,
			max_input_elements,
			max_tensor_bytes,
			max_macs,
			max_cached_plans: 16,
			max_cached_bytes: 1 << 30,
			timeout: Duration::from_secs(10),
			load_timeout: Duration::from_secs(60),
			max_concurrency: default_concurrency(),
			execution: ExecutionMode::Fastest,
		}
	}
}

/// A model loaded by [`Engine::load`].
///
/// The plan itself stays in the engine's cache; run it with [`Engine::run`] and the hash.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ModelHandle {
	hash: ModelHash,
	signature: ModelSignature,
	approx_bytes: usize,
	from_cache: bool,
}

impl ModelHandle {
	/// The model id: the blake2-256 hash of its ONNX bytes.
	pub fn hash(&self) -> [u8; 32] {
		self.hash
	}

	/// The signature the model was checked against.
	pub fn signature(&self) -> &ModelSignature {
		&self.signature
	}

	/// Approximate memory held by the compiled plan, in bytes.
	pub fn approx_bytes(&self) -> usize {
		self.approx_bytes
	}

	/// Whether the plan was already cached, so the load did not parse nor optimise anything.
	pub fn from_cache(&self) -> bool {
		self.from_cache
	}
}

/// Runs ONNX models natively with tract, under limits.
///
/// An engine is `Send + Sync`: share one (e.g. in an `Arc`) between every task of the node.
/// [`Engine::load`] and [`Engine::run`] block the calling thread (up to
/// [`EngineConfig::load_timeout`] and [`EngineConfig::timeout`] respectively): call them from
/// a blocking context (e.g. `tokio::task::spawn_blocking`), never from an async executor
/// thread.
pub struct Engine {
	config: EngineConfig,
	threads: Arc<WorkerThreads>,
	cache: Mutex<PlanCache<CompiledModel>>,
	counters: EngineCounters,
}

impl Engine {
	/// An engine with no model loaded. In [`ExecutionMode::Deterministic`] it pins tract to
	/// its portable kernels for the rest of the process, if tract selected none yet; otherwise
	/// every load fails with [`EngineError::PortableKernelsUnavailable`].
	pub fn new(config: EngineConfig) -> Self {
		if config.execution == ExecutionMode::Deterministic {
			// Checked again by every load, which reports the failure.
			let _ = portable::select_portable_kernels();
		}
		Engine {
			threads: WorkerThreads::new(
				config.max_concurrency,
				Upkeep { idle: session::forget_unloaded, exit: session::forget_all },
			),
			cache: Mutex::new(PlanCache::new(config.max_cached_plans, config.max_cached_bytes)),
			counters: EngineCounters::default(),
			config,
		}
	}

	/// The engine's limits.
	pub fn config(&self) -> &EngineConfig {
		&self.config
	}

	fn cache(&self) -> std::sync::MutexGuard<'_, PlanCache<CompiledModel>> {
		// Cache operations never panic half-way; a poisoned lock still holds a valid cache.
		self.cache.lock().unwrap_or_else(PoisonError::into_inner)
	}

	/// Loads a model: checks its size and hash, parses it, checks that tract supports every
	/// operator and that the graph matches `signature`, optimises it into a plan and caches the
	/// plan under `expected_hash`.
	///
	/// The model must respect the engine's bounds ([`EngineConfig::max_tensor_bytes`],
	/// [`EngineConfig::max_macs`], [`EngineConfig::max_input_elements`]); see
	/// [`Engine::load_within`] for others.
	///
	/// If a plan for `expected_hash` with the same signature and bounds is cached, only the size
	/// and hash are checked. A cached plan with another signature or other bounds is recompiled
	/// and replaced.
	/// Parsing and optimisation run on one of the engine's worker threads, under
	/// [`EngineConfig::load_timeout`]; a load that times out finishes in the background and its
	/// plan is dropped.
	///
	/// # Errors
	///
	/// [`EngineError::ModelTooLarge`], [`EngineError::HashMismatch`],
	/// [`EngineError::InvalidSignature`], [`EngineError::InvalidModel`],
	/// [`EngineError::UnsupportedOperator`], [`EngineError::FloatToDiscrete`],
	/// [`EngineError::ResourceBound`], [`EngineError::SignatureMismatch`],
	/// [`EngineError::ResourceExhausted`] (including a plan larger than
	/// [`EngineConfig::max_cached_bytes`]), [`EngineError::Timeout`], [`EngineError::Busy`] or
	/// [`EngineError::Panicked`].
	pub fn load(
		&self,
		expected_hash: [u8; 32],
		onnx: &[u8],
		signature: &ModelSignature,
	) -> Result<ModelHandle, EngineError> {
		self.load_within(expected_hash, onnx, signature, &self.config.bounds())
	}

	/// [`Engine::load`] under `bounds` rather than the engine's own: the bounds the chain
	/// mandates, which the inference service receives with each request. The plan keeps them:
	/// its runs take at most `bounds.max_input_elements` input elements.
	///
	/// # Errors
	///
	/// As [`Engine::load`].
	pub fn load_within(
		&self,
		expected_hash: [u8; 32],
		onnx: &[u8],
		signature: &ModelSignature,
		bounds: &ResourceBounds,
	) -> Result<ModelHandle, EngineError> {
		let result = self.load_inner(expected_hash, onnx, signature, bounds);
		if let Err(error) = &result {
			self.counters.failed(error);
		}
		result
	}

	fn load_inner(
		&self,
		expected_hash: [u8; 32],
		onnx: &[u8],
		signature: &ModelSignature,
		bounds: &ResourceBounds,
	) -> Result<ModelHandle, EngineError> {
		if onnx.len() > self.config.max_model_bytes {
			return Err(EngineError::ModelTooLarge {
				actual: u64::try_from(onnx.len()).unwrap_or(u64::MAX),
				limit: u64::try_from(self.config.max_model_bytes).unwrap_or(u64::MAX),
			});
		}
		let actual = sp_crypto_hashing::blake2_256(onnx);
		if actual != expected_hash {
			return Err(EngineError::HashMismatch { expected: expected_hash, actual });
		}
		let cached = self.cache().get(&expected_hash);
		let same =
			|model: &Arc<CompiledModel>| &model.signature == signature && model.bounds == *bounds;
		if let Some(model) = cached.filter(same) {
			self.counters.lookup(true);
			return Ok(ModelHandle {
				hash: expected_hash,
				signature: model.signature.clone(),
				approx_bytes: model.approx_bytes,
				from_cache: true,
			});
		}
		self.counters.lookup(false);
		let (bytes, declared, limits) = (onnx.to_vec(), signature.clone(), *bounds);
		let execution = self.config.execution;
		let model = run_bounded(&self.threads, self.config.load_timeout, move || {
			compile(&bytes, &declared, &limits, execution)
		})?;
		let approx_bytes = model.approx_bytes;
		self.cache().insert(expected_hash, Arc::new(model), approx_bytes).map_err(|too_large| {
			EngineError::ResourceExhausted {
				detail: format!(
					"the plan needs about {} bytes, the plan cache holds {}",
					too_large.bytes, too_large.budget
				),
			}
		})?;
		Ok(ModelHandle {
			hash: expected_hash,
			signature: signature.clone(),
			approx_bytes,
			from_cache: false,
		})
	}

	/// Whether a plan for `hash` is cached (without counting a lookup nor refreshing its
	/// recency).
	pub fn cached(&self, hash: &[u8; 32]) -> bool {
		self.cache().contains(hash)
	}

	/// Drops the plan of `hash`, e.g. when the model is deregistered; whether it was cached.
	pub fn evict(&self, hash: &[u8; 32]) -> bool {
		self.cache().remove(hash)
	}

	/// Runs the cached plan of model `hash` on `inputs`.
	///
	/// The inputs are checked against the model's signature and
	/// [`EngineConfig::max_input_elements`], copied into tract tensors and run on one of the
	/// engine's [`EngineConfig::max_concurrency`] worker threads, with panics contained; the
	/// thread reuses the tract state of its previous run of the model when the plan has no
	/// operator state (`session.rs`). The outputs are copied into canonical tensors
	/// (little-endian, row-major, floats bit for bit) and checked against the signature.
	///
	/// The call returns after [`EngineConfig::timeout`] at the latest. tract cannot be
	/// interrupted: an inference that timed out goes on in the background until it ends,
	/// keeping its thread (and its memory) meanwhile, then its result is dropped.
	///
	/// # Errors
	///
	/// [`EngineError::ModelNotLoaded`], [`EngineError::InvalidInput`],
	/// [`EngineError::InputTooLarge`], [`EngineError::Execution`],
	/// [`EngineError::InvalidOutput`], [`EngineError::Timeout`], [`EngineError::Busy`],
	/// [`EngineError::ResourceExhausted`] or [`EngineError::Panicked`].
	pub fn run(&self, hash: [u8; 32], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
		let start = Instant::now();
		let result = self.run_inner(hash, inputs);
		self.counters.ran(&result, start.elapsed());
		result
	}

	fn run_inner(&self, hash: [u8; 32], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
		let cached = self.cache().get(&hash);
		self.counters.lookup(cached.is_some());
		let model = cached.ok_or(EngineError::ModelNotLoaded { hash })?;
		model
			.signature
			.check_inputs(inputs)
			.map_err(|e| EngineError::InvalidInput { detail: e.to_string() })?;
		// Inputs on which tract would panic or compute a wrong answer (`known_wrong.rs`).
		model.guards.check(inputs)?;
		// Zero-length axes count as one: the bounds computed at load rely on every axis
		// being bounded, an empty tensor's too.
		let elements = inputs.iter().fold(0u64, |total, tensor| {
			let count = tensor
				.shape
				.iter()
				.fold(1u64, |count, &dim| count.saturating_mul(u64::from(dim.max(1))));
			total.saturating_add(count)
		});
		if elements > model.bounds.max_input_elements {
			return Err(EngineError::InputTooLarge {
				actual: elements,
				limit: model.bounds.max_input_elements,
			});
		}
		let tract_inputs: TVec<TValue> = inputs
			.iter()
			.map(|tensor| convert::to_tract(tensor).map(IntoTValue::into_tvalue))
			.collect::<Result<_, _>>()?;
		run_bounded(&self.threads, self.config.timeout, move || execute(&model, tract_inputs))
	}

	/// A snapshot of the counters.
	pub fn stats(&self) -> EngineStats {
		let (cached_plans, cached_bytes) = {
			let cache = self.cache();
			(cache.len(), cache.bytes())
		};
		self.counters.snapshot(self.threads.in_use(), cached_plans, cached_bytes)
	}
}

/// Runs a plan on a worker thread and converts its outputs.
fn execute(model: &Arc<CompiledModel>, inputs: TVec<TValue>) -> Result<Vec<Tensor>, EngineError> {
	let outputs = session::run_plan(model, inputs)
		.map_err(|e| EngineError::Execution { detail: format!("{e:#}") })?;
	let outputs =
		outputs.iter().map(|value| convert::from_tract(value)).collect::<Result<Vec<_>, _>>()?;
	model
		.signature
		.check_outputs(&outputs)
		.map_err(|e| EngineError::InvalidOutput { detail: e.to_string() })?;
	Ok(outputs)
}
