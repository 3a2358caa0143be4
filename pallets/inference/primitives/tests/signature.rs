//! Tests of model signatures.

use codec::{Decode, Encode, MaxEncodedLen};
use opg_inference_primitives::*;

fn spec(element_type: ElementType, shape: Vec<Dim>) -> TensorSpec {
	TensorSpec::new(element_type, shape).unwrap()
}

/// Inputs: f32 [batch, 3] and i64 scalar. Outputs: f32 [batch, 10] and bool [batch].
fn classifier() -> ModelSignature {
	ModelSignature::new(
		vec![
			spec(ElementType::F32, vec![Dim::Dynamic, Dim::Fixed(3)]),
			spec(ElementType::I64, vec![]),
		],
		vec![
			spec(ElementType::F32, vec![Dim::Dynamic, Dim::Fixed(10)]),
			spec(ElementType::Bool, vec![Dim::Dynamic]),
		],
	)
	.unwrap()
}

fn f32s(shape: Vec<u32>) -> Tensor {
	let count = shape.iter().product::<u32>() as usize;
	Tensor::from_f32(shape, &vec![0.5; count]).unwrap()
}

#[test]
fn validate_requires_inputs_and_outputs() {
	let one = vec![spec(ElementType::U8, vec![])];
	assert_eq!(classifier().validate(), Ok(()));
	assert_eq!(
		ModelSignature::new(vec![], one.clone()).unwrap().validate(),
		Err(SignatureError::NoInputs)
	);
	assert_eq!(
		ModelSignature::new(one.clone(), vec![]).unwrap().validate(),
		Err(SignatureError::NoOutputs)
	);
	assert_eq!(
		ModelSignature::new(vec![], vec![]).unwrap().validate(),
		Err(SignatureError::NoInputs)
	);

	// An invalid signature accepts nothing.
	let no_outputs = ModelSignature::new(one, vec![]).unwrap();
	let input = Tensor::from_u8(vec![], &[1]).unwrap();
	assert_eq!(no_outputs.check_inputs(&[input]), Err(SignatureError::NoOutputs));
	assert_eq!(no_outputs.check_outputs(&[]), Err(SignatureError::NoOutputs));
}

#[test]
fn constructors_enforce_bounds() {
	assert_eq!(
		TensorSpec::new(ElementType::U8, vec![Dim::Dynamic; MAX_RANK as usize + 1]),
		Err(TensorError::RankTooLarge)
	);
	TensorSpec::new(ElementType::U8, vec![Dim::Dynamic; MAX_RANK as usize]).unwrap();
	let s = spec(ElementType::U8, vec![]);
	assert_eq!(
		ModelSignature::new(vec![s.clone(); 9], vec![s.clone()]),
		Err(TensorError::TooManyTensors)
	);
	assert_eq!(
		ModelSignature::new(vec![s.clone()], vec![s.clone(); 9]),
		Err(TensorError::TooManyTensors)
	);
	ModelSignature::new(vec![s.clone(); 8], vec![s; 8]).unwrap();
}

#[test]
fn accepts_matching_tensors() {
	let sig = classifier();
	let scalar = Tensor::from_i64(vec![], &[5]).unwrap();
	sig.check_inputs(&[f32s(vec![4, 3]), scalar.clone()]).unwrap();
	// Dynamic axes accept any extent, including zero.
	sig.check_inputs(&[f32s(vec![0, 3]), scalar.clone()]).unwrap();
	sig.check_inputs(&[f32s(vec![1000, 3]), scalar]).unwrap();
	sig.check_outputs(&[f32s(vec![2, 10]), Tensor::from_bool(vec![2], &[true, false]).unwrap()])
		.unwrap();

	// Fixed(0) matches an empty axis only.
	let empty = spec(ElementType::F32, vec![Dim::Fixed(0)]);
	empty.matches(&f32s(vec![0])).unwrap();
	assert_eq!(
		empty.matches(&f32s(vec![1])),
		Err(SignatureError::Dimension { index: 0, axis: 0, expected: 0, actual: 1 })
	);
	assert!(Dim::Dynamic.accepts(u32::MAX));
	assert!(Dim::Fixed(3).accepts(3));
	assert!(!Dim::Fixed(3).accepts(4));
}

#[test]
fn reports_which_tensor_failed() {
	let sig = classifier();
	let scalar = Tensor::from_i64(vec![], &[5]).unwrap();

	assert_eq!(
		sig.check_inputs(&[f32s(vec![4, 3])]),
		Err(SignatureError::WrongTensorCount { expected: 2, actual: 1 })
	);
	assert_eq!(
		sig.check_inputs(&vec![scalar.clone(); 12]),
		Err(SignatureError::WrongTensorCount { expected: 2, actual: 12 })
	);
	assert_eq!(
		sig.check_inputs(&[f32s(vec![4, 3]), Tensor::from_i32(vec![], &[5]).unwrap()]),
		Err(SignatureError::ElementType {
			index: 1,
			expected: ElementType::I64,
			actual: ElementType::I32
		})
	);
	assert_eq!(
		sig.check_inputs(&[f32s(vec![4, 3]), Tensor::from_i64(vec![1], &[5]).unwrap()]),
		Err(SignatureError::Rank { index: 1, expected: 0, actual: 1 })
	);
	assert_eq!(
		sig.check_inputs(&[f32s(vec![12]), scalar.clone()]),
		Err(SignatureError::Rank { index: 0, expected: 2, actual: 1 })
	);
	assert_eq!(
		sig.check_inputs(&[f32s(vec![4, 4]), scalar.clone()]),
		Err(SignatureError::Dimension { index: 0, axis: 1, expected: 3, actual: 4 })
	);
	assert_eq!(
		sig.check_outputs(&[f32s(vec![2, 10]), Tensor::from_u8(vec![2], &[1, 0]).unwrap()]),
		Err(SignatureError::ElementType {
			index: 1,
			expected: ElementType::Bool,
			actual: ElementType::U8
		})
	);
	// The first failing tensor is reported.
	assert_eq!(
		sig.check_outputs(&[f32s(vec![2, 9]), f32s(vec![2])]),
		Err(SignatureError::Dimension { index: 0, axis: 1, expected: 10, actual: 9 })
	);
}

#[test]
fn invalid_tensors_are_reported_first() {
	let sig = classifier();
	let bad_bool = Tensor {
		element_type: ElementType::Bool,
		shape: Shape::truncate_from(vec![2]),
		data: TensorData::truncate_from(vec![1, 2]),
	};
	assert_eq!(
		sig.check_outputs(&[f32s(vec![2, 10]), bad_bool.clone()]),
		Err(SignatureError::InvalidTensor { index: 1, error: TensorError::InvalidBool })
	);
	// Even when the element type would also be wrong.
	let short = Tensor {
		element_type: ElementType::U8,
		shape: Shape::truncate_from(vec![4]),
		data: TensorData::truncate_from(vec![1]),
	};
	assert_eq!(
		spec(ElementType::F32, vec![Dim::Dynamic]).matches(&short),
		Err(SignatureError::InvalidTensor {
			index: 0,
			error: TensorError::DataLengthMismatch { expected: 4, actual: 1 }
		})
	);
}

#[test]
fn codec_round_trip() {
	let sig = classifier();
	assert_eq!(ModelSignature::decode(&mut &sig.encode()[..]), Ok(sig));
	// 2 compact counts + 16 specs * (type + compact rank + 8 * (index + u32)).
	assert_eq!(ModelSignature::max_encoded_len(), 2 + 16 * (2 + 8 * 5));

	let errors = [
		SignatureError::NoInputs,
		SignatureError::NoOutputs,
		SignatureError::WrongTensorCount { expected: 1, actual: 2 },
		SignatureError::ElementType {
			index: 3,
			expected: ElementType::F32,
			actual: ElementType::F64,
		},
		SignatureError::Rank { index: 1, expected: 2, actual: 3 },
		SignatureError::Dimension { index: 1, axis: 2, expected: 3, actual: 4 },
		SignatureError::InvalidTensor { index: 7, error: TensorError::TooLarge },
	];
	for (index, error) in errors.into_iter().enumerate() {
		let encoded = error.encode();
		assert_eq!(encoded[0], index as u8);
		assert_eq!(SignatureError::decode(&mut &encoded[..]), Ok(error));
		assert!(!error.to_string().is_empty());
	}
	assert_eq!(
		SignatureError::Dimension { index: 1, axis: 2, expected: 3, actual: 4 }.to_string(),
		"tensor 1, axis 2: expected extent 3, got 4"
	);
}
