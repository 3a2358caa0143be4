//! Models whose discrete results would depend on the CPU are refused at load; discrete
//! operations on raw inputs are not.

use crate::support;
use opg_inference_engine::{EngineError, EngineErrorKind};
use opg_inference_primitives::{error_code, Tensor};

#[test]
fn argmax_of_a_float_mlp_is_refused() {
	let model = support::argmax_model();
	let engine = support::engine();
	let error = engine.load(model.hash, &model.onnx, &model.signature).expect_err("refused");
	assert_eq!(error, EngineError::FloatToDiscrete { node: "class".into(), op: "ArgMax".into() });
	assert_eq!(error.code(), error_code::FLOAT_TO_DISCRETE);
	assert_eq!(error.code(), 8);
	assert!(error.is_deterministic());
	assert!(error_code::is_deterministic(error.code()));
	// The message says how to avoid the refusal.
	let message = error.to_string();
	assert!(message.contains("output the float scores"), "{message}");
	assert!(message.contains("quantise the model"), "{message}");
	assert!(!engine.cached(&model.hash));
	assert_eq!(engine.stats().failures(EngineErrorKind::FloatToDiscrete), 1);
	// Refused again, identically: the verdict depends on the graph alone.
	let again = engine.load(model.hash, &model.onnx, &model.signature).expect_err("refused");
	assert_eq!(again, error);
}

#[test]
fn threshold_on_a_raw_input_is_accepted() {
	let model = support::threshold_model();
	let engine = support::engine();
	engine.load(model.hash, &model.onnx, &model.signature).expect("accepted");
	let input = Tensor::from_f32(vec![1, 4], &[0.25, 0.5, 0.75, f32::NAN]).expect("input");
	let outputs = engine.run(model.hash, &[input]).expect("run");
	let flags = Tensor::from_bool(vec![1, 4], &[false, false, true, false]).expect("flags");
	assert_eq!(outputs, vec![flags]);
}

/// The float and integer reference models are not affected by the rule.
#[test]
fn reference_fixtures_are_accepted() {
	let engine = support::engine();
	for fixture in support::all_fixtures() {
		let loaded = engine.load(fixture.hash, &fixture.onnx, &fixture.signature);
		assert!(loaded.is_ok(), "{}: {loaded:?}", fixture.name);
	}
}
