//! Property of the `tensor_decode` fuzz target (`fuzz/fuzz_targets/tensor_decode.rs`), replayed
//! on the committed seeds and regressions by `tests/fuzz_replay.rs`.
//!
//! The same bytes are decoded, with `decode_all` as the runtime and the service do, as a
//! [`Tensor`], a [`Tensors`] list and an [`InferenceOutcome`] (what an attestor reveals).
//! Decoding never panics, and whatever decodes:
//!
//! - re-encodes to exactly the input bytes (the encoding is canonical: no other byte string
//!   decodes to the same value) and fits in `max_encoded_len`;
//! - is valid per [`Tensor::validate`] iff [`Tensor::new`] accepts the same parts, and then
//!   reads back element by element into the same tensor, bit for bit;
//! - if invalid, agrees with nothing, not even itself.

use codec::{DecodeAll, Encode, MaxEncodedLen};
use opg_inference_primitives::{
	bounded_tensors, outcomes_agree, tensors_agree, validate_all, ComparisonPolicy, Element,
	ElementType, InferenceOutcome, Tensor, TensorError, Tensors,
};

/// Checks the property on `data`; panics if it does not hold.
pub fn check(data: &[u8]) {
	if let Ok(tensor) = Tensor::decode_all(&mut &data[..]) {
		assert_canonical(&tensor, data, Tensor::max_encoded_len());
		check_tensor(&tensor);
	}
	if let Ok(tensors) = Tensors::decode_all(&mut &data[..]) {
		assert_canonical(&tensors, data, Tensors::max_encoded_len());
		check_tensors(&tensors);
	}
	if let Ok(outcome) = InferenceOutcome::decode_all(&mut &data[..]) {
		assert_canonical(&outcome, data, InferenceOutcome::max_encoded_len());
		match &outcome {
			InferenceOutcome::Success(tensors) => {
				check_tensors(tensors);
				let valid = validate_all(tensors).is_ok();
				// A success agrees with itself iff its outputs are valid (the policy is).
				assert_eq!(outcomes_agree(&ComparisonPolicy::Exact, &outcome, &outcome), valid);
			}
			InferenceOutcome::Failure(_) => {
				assert!(outcomes_agree(&ComparisonPolicy::Exact, &outcome, &outcome));
			}
		}
	}
}

fn assert_canonical(value: &impl Encode, data: &[u8], max_encoded_len: usize) {
	let encoded = value.encode();
	assert_eq!(encoded, data, "a decoded value re-encodes to other bytes");
	assert!(encoded.len() <= max_encoded_len, "longer than max_encoded_len");
}

fn check_tensors(tensors: &Tensors) {
	tensors.iter().for_each(check_tensor);
	let valid = validate_all(tensors).is_ok();
	assert_eq!(valid, tensors.iter().all(|t| t.validate().is_ok()));
	let rebuilt = bounded_tensors(tensors.to_vec());
	assert_eq!(rebuilt.is_ok(), valid, "bounded_tensors and validate_all disagree");
	if let Ok(rebuilt) = rebuilt {
		assert_eq!(&rebuilt, tensors);
	}
}

fn check_tensor(tensor: &Tensor) {
	let validity = tensor.validate();
	let rebuilt = Tensor::new(tensor.element_type, tensor.shape.to_vec(), tensor.data.to_vec());
	assert_eq!(
		rebuilt.as_ref().err(),
		validity.err().as_ref(),
		"Tensor::new and validate disagree"
	);
	// Whatever the policy is, an invalid tensor agrees with nothing.
	let agrees = tensors_agree(&ComparisonPolicy::Exact, tensor, tensor);
	assert_eq!(agrees, validity.is_ok(), "self-agreement must be validity");
	let Ok(rebuilt) = rebuilt else { return };
	assert_eq!(&rebuilt, tensor);
	match tensor.element_type {
		ElementType::F32 => round_trip::<f32>(tensor),
		ElementType::F64 => round_trip::<f64>(tensor),
		ElementType::I8 => round_trip::<i8>(tensor),
		ElementType::U8 => round_trip::<u8>(tensor),
		ElementType::I16 => round_trip::<i16>(tensor),
		ElementType::I32 => round_trip::<i32>(tensor),
		ElementType::I64 => round_trip::<i64>(tensor),
		ElementType::Bool => round_trip::<bool>(tensor),
	}
}

/// A valid tensor reads as `T` and is rebuilt from the values bit for bit; reading it as any
/// other element type is refused.
fn round_trip<T: Element>(tensor: &Tensor) {
	let values = tensor.to_vec::<T>().expect("a valid tensor reads as its element type");
	let count = tensor.element_count().expect("a valid tensor has an element count");
	assert_eq!(u32::try_from(values.len()).ok(), Some(count));
	let rebuilt = Tensor::from_values(tensor.shape.to_vec(), &values).expect("rebuilt");
	assert_eq!(&rebuilt, tensor, "typed round trip changed the tensor");
	if T::ELEMENT_TYPE != ElementType::U8 {
		assert_eq!(tensor.to_vec::<u8>(), Err(TensorError::ElementTypeMismatch));
	}
}
