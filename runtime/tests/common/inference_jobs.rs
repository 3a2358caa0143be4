//! Inference jobs in the runtime's integration tests: the blocks in which the inference pallets'
//! hooks run, and a small model's metadata and input. Included with `#[path]` by the tests that
//! submit jobs, so that the others do not compile it.

use frame_support::traits::Hooks;
use opg_runtime::{AttestationEconomics, Inference, Runtime, System};
use pallet_inference::{
	primitives::{ComparisonPolicy, Dim, ElementType, ModelSignature, Tensor, TensorSpec, Tensors},
	ModelMetadata,
};

/// Runs the hooks of the inference pallets for the next `n` blocks.
pub fn roll(n: u32) {
	for _ in 0..n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AttestationEconomics::on_initialize(next);
		Inference::on_initialize(next);
	}
}

/// A model named `name` of one `[1, 4]` f32 input and one `[1, 2]` f32 output, compared exactly,
/// at redundancy 3.
pub fn metadata(
	name: &[u8],
) -> ModelMetadata<<Runtime as pallet_inference::Config>::MaxNameLength> {
	let spec = |n| TensorSpec {
		element_type: ElementType::F32,
		shape: vec![Dim::Fixed(1), Dim::Fixed(n)].try_into().unwrap(),
	};
	ModelMetadata {
		name: name.to_vec().try_into().unwrap(),
		version: 1,
		signature: ModelSignature {
			inputs: vec![spec(4)].try_into().unwrap(),
			outputs: vec![spec(2)].try_into().unwrap(),
		},
		policy: ComparisonPolicy::Exact,
		default_redundancy: 3,
	}
}

/// The model's input, `[[1, 2, 3, 4]]`.
pub fn input() -> Tensors {
	vec![Tensor::from_values::<f32>(vec![1, 4], &[1.0, 2.0, 3.0, 4.0]).unwrap()].try_into().unwrap()
}
