//! The hostile corpus of `fixtures/hostile/` (written by `fixtures/hostile.py`): memory and
//! time bombs, malformed files, and edge values. Every model must end in a typed error or, for
//! the edge values, the right outputs, quickly and in little memory; never in a panic, contained
//! or not, nor an abort.

use crate::support;
use opg_inference_engine::{describe, EngineError};
use opg_inference_primitives::{error_code, ElementType, ModelSignature, Tensor};
use serde_json::Value;
use std::{
	path::PathBuf,
	time::{Duration, Instant},
};

/// Longest time one model may take, load and run included. The bombs are refused before any
/// work: this is orders of magnitude above what they take.
const MAX_SECONDS_PER_MODEL: u64 = 20;

/// Largest peak resident memory of the test process. Each bomb asks for 6 GB or more.
const MAX_PEAK_RSS_BYTES: u64 = 2 << 30;

fn hostile_dir() -> PathBuf {
	support::fixtures_dir().join("hostile")
}

enum Expect {
	/// The error kind of `Engine::load`, as `EngineErrorKind::name`.
	Refuse(String),
	/// Inputs and expected outputs (onnxruntime's).
	Run { inputs: Vec<Tensor>, outputs: Vec<Tensor> },
}

struct Case {
	name: String,
	onnx: Vec<u8>,
	signature: ModelSignature,
	expect: Expect,
}

fn cases() -> Vec<Case> {
	let dir = hostile_dir();
	let manifest: Value = serde_json::from_slice(
		&std::fs::read(dir.join("manifest.json")).expect("hostile manifest"),
	)
	.expect("manifest");
	manifest["models"]
		.as_array()
		.expect("models")
		.iter()
		.map(|entry| {
			let name = entry["name"].as_str().expect("name").to_owned();
			let onnx = std::fs::read(dir.join(entry["file"].as_str().expect("file")))
				.unwrap_or_else(|e| panic!("{name}: {e}"));
			let signature = ModelSignature::new(
				support::specs(&entry["signature"]["inputs"]),
				support::specs(&entry["signature"]["outputs"]),
			)
			.expect("signature");
			let expect = match entry["refuse"].as_str() {
				Some(kind) => Expect::Refuse(kind.to_owned()),
				None => Expect::Run {
					inputs: support::tensors_in(&dir, &entry["run"]["inputs"]),
					outputs: support::tensors_in(&dir, &entry["run"]["outputs"]),
				},
			};
			Case { name, onnx, signature, expect }
		})
		.collect()
}

/// Equal element types, shapes and values, a NaN matching any NaN.
fn same_outputs(actual: &[Tensor], expected: &[Tensor]) -> bool {
	actual.len() == expected.len()
		&& actual.iter().zip(expected).all(|(a, e)| {
			a.element_type == e.element_type
				&& a.shape == e.shape
				&& match a.element_type {
					ElementType::F32 => {
						let (a, e) = (a.to_f32_vec().expect("f32"), e.to_f32_vec().expect("f32"));
						a.iter()
							.zip(&e)
							.all(|(a, e)| (a.is_nan() && e.is_nan()) || a.to_bits() == e.to_bits())
					}
					_ => a.data == e.data,
				}
		})
}

/// Peak resident memory of this process (`VmHWM`), in bytes.
fn peak_rss_bytes() -> Option<u64> {
	let status = std::fs::read_to_string("/proc/self/status").ok()?;
	let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
	let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
	Some(kib * 1024)
}

#[test]
fn corpus() {
	let engine = support::engine_with(|config| {
		config.timeout = Duration::from_secs(MAX_SECONDS_PER_MODEL);
		config.load_timeout = Duration::from_secs(MAX_SECONDS_PER_MODEL);
	});
	let cases = cases();
	assert!(cases.len() >= 20, "{} models", cases.len());
	for case in cases {
		let name = &case.name;
		let start = Instant::now();
		// The command line describes a model on its own thread before loading it.
		if let Err(error) = describe(&case.onnx) {
			assert!(!matches!(error, EngineError::Panicked { .. }), "{name}: describe: {error}");
		}
		let hash = sp_crypto_hashing::blake2_256(&case.onnx);
		let loaded = engine.load(hash, &case.onnx, &case.signature);
		match &case.expect {
			Expect::Refuse(kind) => {
				let error = loaded.expect_err(name);
				println!("{name}: {error}");
				assert_eq!(error.kind().name(), kind, "{name}: {error}");
				assert!(error.is_deterministic(), "{name}: {error}");
				if kind == "resource_bound" {
					assert_eq!(error.code(), error_code::RESOURCE_BOUND, "{name}");
				}
				assert!(!engine.cached(&hash), "{name}");
			}
			Expect::Run { inputs, outputs } => {
				loaded.unwrap_or_else(|e| panic!("{name}: load: {e}"));
				let actual =
					engine.run(hash, inputs).unwrap_or_else(|e| panic!("{name}: run: {e}"));
				assert!(same_outputs(&actual, outputs), "{name}: {actual:?} vs {outputs:?}");
			}
		}
		let elapsed = start.elapsed();
		assert!(elapsed < Duration::from_secs(MAX_SECONDS_PER_MODEL), "{name}: {elapsed:?}");
	}
	if let Some(peak) = peak_rss_bytes() {
		println!("peak resident memory: {} MiB", peak >> 20);
		assert!(peak < MAX_PEAK_RSS_BYTES, "peak resident memory {peak} bytes");
	}
}

/// The bounds are configuration: a model within them loads, the same model refused under
/// tighter ones.
#[test]
fn bounds_are_configurable() {
	let fixture = support::fixture("mlp");
	let tight = support::engine_with(|config| config.max_tensor_bytes = 64);
	let error = tight.load(fixture.hash, &fixture.onnx, &fixture.signature).expect_err("bytes");
	assert!(matches!(error, EngineError::ResourceBound { .. }), "{error}");
	assert_eq!(error.code(), error_code::RESOURCE_BOUND);
	let (onnx, hash, signature, _) = support::slow_model();
	let slow = support::engine_with(|config| config.max_macs = 1 << 30);
	let error = slow.load(hash, &onnx, &signature).expect_err("macs");
	assert!(
		matches!(&error, EngineError::ResourceBound { detail } if detail.contains("multiply")),
		"{error}"
	);
	support::engine().load(hash, &onnx, &signature).expect("within the default bounds");
}

/// Dynamic axes are bounded through the input element limit: the bound of a model with a
/// dynamic batch follows `max_input_elements`.
#[test]
fn dynamic_axes_are_bounded_by_the_input_limit() {
	let fixture = support::fixture("mlp");
	let mut dynamic = fixture.signature.clone();
	dynamic.inputs[0].shape[0] = opg_inference_primitives::Dim::Dynamic;
	dynamic.outputs[0].shape[0] = opg_inference_primitives::Dim::Dynamic;
	dynamic.outputs[1].shape[0] = opg_inference_primitives::Dim::Dynamic;
	// With a batch up to 4 Mi / 8 rows, the MLP's tensors take far more than 1 MiB...
	let small = support::engine_with(|config| config.max_tensor_bytes = 1 << 20);
	let error = small.load(fixture.hash, &fixture.onnx, &dynamic).expect_err("large batches");
	assert!(matches!(error, EngineError::ResourceBound { .. }), "{error}");
	// ... and less with at most 64 input elements (a batch of 8).
	let few = support::engine_with(|config| {
		config.max_tensor_bytes = 1 << 20;
		config.max_input_elements = 64;
	});
	few.load(fixture.hash, &fixture.onnx, &dynamic).expect("small batches");
	let empty = Tensor::from_f32(vec![0, 8], &[]).expect("empty");
	let outputs = few.run(fixture.hash, std::slice::from_ref(&empty)).expect("empty batch");
	assert!(outputs.iter().all(|output| output.shape.to_vec() == vec![0, 4]));
	// An empty tensor cannot smuggle an unbounded axis: zero-length axes count as one.
	let seven = support::engine_with(|config| config.max_input_elements = 7);
	seven.load(fixture.hash, &fixture.onnx, &dynamic).expect("load");
	let error = seven.run(fixture.hash, &[empty]).expect_err("8 counted elements");
	assert_eq!(error, EngineError::InputTooLarge { actual: 8, limit: 7 });
}
