//! Property of the `model_load` fuzz target (`fuzz/fuzz_targets/model_load.rs`), replayed on
//! the committed seeds and regressions by `fuzz_replay.rs`.
//!
//! The input is a signature header followed by ONNX bytes, loaded with [`Engine::load`] under
//! the hash of those bytes and small bounds; a model that loads is run twice on zeros of the
//! shapes its signature declares (dynamic axes of extent 1). Every load and run must end,
//! quickly, in a result or a typed error that is not a panic (contained or not), a timeout or
//! a busy engine; a model that loads is cached under its hash and signature, and its outputs
//! match the signature and are the same, bit for bit, on both runs.
//!
//! Header (every byte string is an input; missing bytes read as zero):
//!
//! - one byte: the number of inputs (low nibble) and of outputs (high nibble), modulo 9, so
//!   that invalid signatures (no input or no output) are explored too;
//! - each input spec, then each output spec: a byte whose low 3 bits are the element type
//!   (`ElementType::ALL` order) and whose high 5 bits, modulo 9, are the rank; then one byte
//!   per axis: `0xff` is `Dim::Dynamic`, `0xfe` is followed by a little-endian `u32` extent,
//!   any other value is that extent.
//!
//! `fuzz/seed.py` writes this header in front of the fixtures and the hostile corpus.

use opg_inference_engine::{Engine, EngineConfig, EngineError, ExecutionMode};
use opg_inference_primitives::{
	error_code, expected_data_len, Dim, ElementType, ModelSignature, Tensor, TensorSpec, MAX_RANK,
	MAX_TENSORS,
};
use std::time::Duration;

/// An engine with bounds small enough for a fuzzer: inferences of at most 64 MiB of tensors
/// and 2^26 multiply-accumulates, loads and runs of at most 10 s each (the fuzzer's own
/// `-timeout` is above their sum), one at a time.
pub fn engine() -> Engine {
	Engine::new(EngineConfig {
		max_model_bytes: 1 << 20,
		max_input_elements: 1 << 16,
		max_tensor_bytes: 64 << 20,
		max_macs: 1 << 26,
		max_cached_plans: 4,
		max_cached_bytes: 64 << 20,
		timeout: Duration::from_secs(10),
		load_timeout: Duration::from_secs(10),
		max_concurrency: 1,
		execution: ExecutionMode::Fastest,
	})
}

/// Splits an input into its signature and ONNX bytes (see the module documentation).
pub fn split(data: &[u8]) -> (ModelSignature, &[u8]) {
	let mut rest = data;
	let mut byte = || match rest.split_first() {
		Some((&first, tail)) => {
			rest = tail;
			first
		}
		None => 0,
	};
	let counts = byte();
	let mut specs = |count: u8| -> Vec<TensorSpec> {
		(0..count % (MAX_TENSORS as u8 + 1))
			.map(|_| {
				let head = byte();
				let element_type = ElementType::ALL[usize::from(head & 7)];
				let rank = (head >> 3) % (MAX_RANK as u8 + 1);
				let dims = (0..rank)
					.map(|_| match byte() {
						0xff => Dim::Dynamic,
						0xfe => Dim::Fixed(u32::from_le_bytes([byte(), byte(), byte(), byte()])),
						extent => Dim::Fixed(u32::from(extent)),
					})
					.collect();
				TensorSpec::new(element_type, dims).expect("at most MAX_RANK axes")
			})
			.collect()
	};
	let inputs = specs(counts & 0x0f);
	let outputs = specs(counts >> 4);
	let signature = ModelSignature::new(inputs, outputs).expect("at most MAX_TENSORS specs");
	(signature, rest)
}

/// Zeros of the shapes of `specs`, dynamic axes of extent 1; `None` if a shape is too large
/// for a canonical tensor.
fn zeros(specs: &[TensorSpec]) -> Option<Vec<Tensor>> {
	specs
		.iter()
		.map(|spec| {
			let shape: Vec<u32> = spec
				.shape
				.iter()
				.map(|dim| match dim {
					Dim::Fixed(extent) => *extent,
					Dim::Dynamic => 1,
				})
				.collect();
			let len = expected_data_len(spec.element_type, &shape).ok()?;
			Tensor::new(spec.element_type, shape, vec![0; len as usize]).ok()
		})
		.collect()
}

/// A typed error that every call may end in: not a panic, nor a timeout or a busy engine (the
/// fuzzer runs one call at a time, on small models under small bounds).
fn assert_typed(stage: &str, error: &EngineError) {
	assert!(
		!matches!(
			error,
			EngineError::Panicked { .. } | EngineError::Timeout { .. } | EngineError::Busy { .. }
		),
		"{stage}: {error}"
	);
	assert!(error_code::is_known(error.code()), "{stage}: unknown code of {error}");
}

/// Checks the property on `data` with `engine` (from [`engine`]); panics if it does not hold.
pub fn check(engine: &Engine, data: &[u8]) {
	let (signature, onnx) = split(data);
	let hash = sp_crypto_hashing::blake2_256(onnx);
	match engine.load(hash, onnx, &signature) {
		Err(error) => {
			assert_typed("load", &error);
			assert!(!engine.cached(&hash), "a refused model is cached: {error}");
		}
		Ok(handle) => {
			assert!(signature.validate().is_ok(), "loaded with an invalid signature");
			assert_eq!((handle.hash(), handle.signature()), (hash, &signature));
			assert!(!handle.from_cache());
			let again = engine.load(hash, onnx, &signature).expect("a cached model loads");
			assert!(again.from_cache());
			if let Some(inputs) = zeros(&signature.inputs) {
				match engine.run(hash, &inputs) {
					Err(error) => assert_typed("run", &error),
					Ok(outputs) => {
						assert_eq!(signature.check_outputs(&outputs), Ok(()));
						let second = engine.run(hash, &inputs).expect("the first run succeeded");
						assert_eq!(outputs, second, "two runs on the same inputs differ");
					}
				}
			}
			assert!(engine.evict(&hash));
		}
	}
}
