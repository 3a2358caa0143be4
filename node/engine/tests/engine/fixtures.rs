//! The fixtures agree with their onnxruntime references.

use crate::support::{self, max_difference, perturbed};
use opg_inference_primitives::{outputs_agree, ComparisonPolicy, Dim, ModelSignature, Tensor};

#[test]
fn fixtures_match_onnxruntime() {
	let engine = support::engine();
	for fixture in support::all_fixtures() {
		let handle = engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
		assert!(!handle.from_cache());
		let outputs = engine.run(fixture.hash, &fixture.inputs).expect("run");
		let difference = max_difference(&outputs, &fixture.outputs);
		println!(
			"{}: largest difference vs onnxruntime: {} ULP, {:e} absolute (policy {:?})",
			fixture.name, difference.ulps, difference.abs, fixture.policy
		);
		assert!(
			outputs_agree(&fixture.policy, &outputs, &fixture.outputs),
			"{}: {outputs:?} vs {:?}",
			fixture.name,
			fixture.outputs
		);
		assert!(
			!outputs_agree(&fixture.policy, &outputs, &perturbed(&fixture.outputs)),
			"{}: a perturbed reference must be rejected",
			fixture.name
		);
	}
}

#[test]
fn integer_model_is_bit_exact() {
	let fixture = support::fixture("int8");
	assert_eq!(fixture.policy, ComparisonPolicy::Exact);
	let engine = support::engine();
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
	assert_eq!(engine.run(fixture.hash, &fixture.inputs).expect("run"), fixture.outputs);
}

/// The MLP declares its batch axis as `dim_param: "batch"`: with a dynamic signature one
/// symbolic plan serves every batch size.
#[test]
fn dynamic_batch_axis() {
	let fixture = support::fixture("mlp");
	let mut signature = fixture.signature.clone();
	signature.inputs[0].shape[0] = Dim::Dynamic;
	for output in signature.outputs.iter_mut() {
		output.shape[0] = Dim::Dynamic;
	}
	let engine = support::engine();
	engine.load(fixture.hash, &fixture.onnx, &signature).expect("load");
	let row = fixture.inputs[0].to_f32_vec().expect("f32");
	let batch: Vec<f32> = row
		.iter()
		.chain(row.iter().map(|x| x * 0.5).collect::<Vec<_>>().iter())
		.chain(&row)
		.copied()
		.collect();
	let input = Tensor::from_f32(vec![3, 8], &batch).expect("batch");
	let outputs = engine.run(fixture.hash, &[input]).expect("run");
	for (output, reference) in outputs.iter().zip(&fixture.outputs) {
		assert_eq!(output.shape.to_vec(), vec![3, 4]);
		let values = output.to_f32_vec().expect("f32");
		for row in [0, 2] {
			let slice = Tensor::from_f32(vec![1, 4], &values[row * 4..row * 4 + 4]).expect("row");
			assert!(outputs_agree(&fixture.policy, &[slice], std::slice::from_ref(reference)));
		}
	}
	// Still one plan, whatever the batch size.
	let single = engine.run(fixture.hash, &fixture.inputs).expect("batch of one");
	assert!(outputs_agree(&fixture.policy, &single, &fixture.outputs));
	assert_eq!(engine.stats().cached_plans, 1);
}

/// The signature in the manifest is the one the fixtures are registered with.
#[test]
fn manifest_signatures_are_valid() {
	for fixture in support::all_fixtures() {
		let ModelSignature { inputs, outputs } = &fixture.signature;
		fixture.signature.validate().expect("valid signature");
		fixture.signature.check_inputs(&fixture.inputs).expect("inputs match");
		fixture.signature.check_outputs(&fixture.outputs).expect("outputs match");
		assert_eq!((inputs.len(), outputs.len()), (fixture.inputs.len(), fixture.outputs.len()));
		assert_eq!(sp_crypto_hashing::blake2_256(&fixture.onnx), fixture.hash, "{}", fixture.name);
	}
}
