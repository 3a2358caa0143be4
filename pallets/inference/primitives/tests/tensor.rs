//! Tests of tensor construction, validation and typed access.

use codec::{Decode, Encode, MaxEncodedLen};
use opg_inference_primitives::*;

fn raw(element_type: ElementType, shape: &[u32], data: &[u8]) -> Tensor {
	Tensor {
		element_type,
		shape: Shape::truncate_from(shape.to_vec()),
		data: TensorData::truncate_from(data.to_vec()),
	}
}

#[test]
fn element_type_properties() {
	let expected = [
		(ElementType::F32, 4, true, "f32"),
		(ElementType::F64, 8, true, "f64"),
		(ElementType::I8, 1, false, "i8"),
		(ElementType::U8, 1, false, "u8"),
		(ElementType::I16, 2, false, "i16"),
		(ElementType::I32, 4, false, "i32"),
		(ElementType::I64, 8, false, "i64"),
		(ElementType::Bool, 1, false, "bool"),
	];
	for (index, (ty, size, float, name)) in expected.into_iter().enumerate() {
		assert_eq!(ElementType::ALL[index], ty);
		assert_eq!(ty.size_bytes(), size);
		assert_eq!(ty.is_float(), float);
		assert_eq!(ty.is_integer(), !float && ty != ElementType::Bool);
		assert_eq!(ty.name(), name);
		assert_eq!(ty.to_string(), name);
		assert_eq!(ty.encode(), vec![index as u8]);
		assert_eq!(ty as u8, index as u8);
		assert_eq!(ElementType::decode(&mut &[index as u8][..]), Ok(ty));
	}
	assert!(ElementType::decode(&mut &[8u8][..]).is_err());
	assert!(ElementType::decode(&mut &[255u8][..]).is_err());
}

#[test]
fn new_accepts_valid_tensors() {
	let t = Tensor::new(ElementType::F32, vec![2, 3], vec![0; 24]).unwrap();
	assert_eq!(t.element_count(), Ok(6));
	assert_eq!(t.rank(), 2);

	// Scalar: empty shape, one element.
	let s = Tensor::new(ElementType::I64, vec![], vec![0; 8]).unwrap();
	assert_eq!(s.element_count(), Ok(1));
	assert_eq!(s.rank(), 0);
	assert_eq!(
		Tensor::new(ElementType::I64, vec![], vec![]),
		Err(TensorError::DataLengthMismatch { expected: 8, actual: 0 })
	);

	// Zero-sized dimensions: no elements, whatever the other extents.
	let e = Tensor::new(ElementType::F64, vec![0, 5], vec![]).unwrap();
	assert_eq!(e.element_count(), Ok(0));
	let e = Tensor::new(ElementType::F64, vec![u32::MAX, u32::MAX, 0], vec![]).unwrap();
	assert_eq!(e.element_count(), Ok(0));
	assert_eq!(
		Tensor::new(ElementType::U8, vec![0], vec![1]),
		Err(TensorError::DataLengthMismatch { expected: 0, actual: 1 })
	);

	// Maximum rank and maximum size.
	Tensor::new(ElementType::U8, vec![1; MAX_RANK as usize], vec![9]).unwrap();
	Tensor::new(ElementType::U8, vec![MAX_TENSOR_BYTES], vec![0; MAX_TENSOR_BYTES as usize])
		.unwrap();
	Tensor::new(ElementType::F64, vec![MAX_TENSOR_BYTES / 8], vec![0; MAX_TENSOR_BYTES as usize])
		.unwrap();
}

#[test]
fn new_rejects_invalid_tensors() {
	assert_eq!(
		Tensor::new(ElementType::U8, vec![1; MAX_RANK as usize + 1], vec![0]),
		Err(TensorError::RankTooLarge)
	);
	assert_eq!(
		Tensor::new(ElementType::U8, vec![MAX_TENSOR_BYTES + 1], vec![0; 1 << 20 | 1]),
		Err(TensorError::TooLarge)
	);
	// Shape implies too many bytes, although the element count fits in u32.
	assert_eq!(
		Tensor::new(ElementType::F32, vec![MAX_TENSOR_BYTES / 4 + 1], vec![]),
		Err(TensorError::TooLarge)
	);
	assert_eq!(Tensor::new(ElementType::I64, vec![u32::MAX], vec![]), Err(TensorError::TooLarge));
	assert_eq!(
		Tensor::new(ElementType::U8, vec![65536, 65536], vec![]),
		Err(TensorError::ShapeOverflow)
	);
	assert_eq!(
		Tensor::new(ElementType::U8, vec![u32::MAX; 8], vec![]),
		Err(TensorError::ShapeOverflow)
	);
	assert_eq!(
		Tensor::new(ElementType::I16, vec![3], vec![0; 5]),
		Err(TensorError::DataLengthMismatch { expected: 6, actual: 5 })
	);
	assert_eq!(
		Tensor::new(ElementType::Bool, vec![3], vec![0, 1, 2]),
		Err(TensorError::InvalidBool)
	);
	assert_eq!(Tensor::new(ElementType::Bool, vec![1], vec![0xff]), Err(TensorError::InvalidBool));
	Tensor::new(ElementType::Bool, vec![2], vec![0, 1]).unwrap();
}

#[test]
fn validate_catches_directly_built_and_decoded_tensors() {
	assert_eq!(raw(ElementType::I32, &[2], &[0; 8]).validate(), Ok(()));
	assert_eq!(
		raw(ElementType::I32, &[2], &[0; 7]).validate(),
		Err(TensorError::DataLengthMismatch { expected: 8, actual: 7 })
	);
	assert_eq!(raw(ElementType::Bool, &[1], &[2]).validate(), Err(TensorError::InvalidBool));
	assert_eq!(
		raw(ElementType::U8, &[70000, 70000], &[]).validate(),
		Err(TensorError::ShapeOverflow)
	);
	assert_eq!(
		raw(ElementType::U8, &[70000, 70000], &[]).element_count(),
		Err(TensorError::ShapeOverflow)
	);

	// Decoding enforces bounds but not the data/shape invariant.
	let bad = raw(ElementType::F32, &[3], &[1, 2, 3]);
	let decoded = Tensor::decode(&mut &bad.encode()[..]).unwrap();
	assert_eq!(decoded, bad);
	assert!(decoded.validate().is_err());
}

#[test]
fn decoding_enforces_bounds_before_allocating() {
	// u8 tensor, rank 1, dim 0, data length claimed to be MAX_TENSOR_BYTES + 1 (4-byte compact).
	let len = (MAX_TENSOR_BYTES + 1) << 2 | 0b10;
	let mut bytes = vec![3u8, 0x04, 0, 0, 0, 0];
	bytes.extend_from_slice(&len.to_le_bytes());
	assert!(Tensor::decode(&mut &bytes[..]).is_err());

	// Rank 9.
	let mut bytes = vec![3u8, 9 << 2];
	bytes.extend_from_slice(&[1, 0, 0, 0].repeat(9));
	bytes.extend_from_slice(&[0x04, 0]);
	assert!(Tensor::decode(&mut &bytes[..]).is_err());

	// Nine tensors.
	let one = Tensor::from_u8(vec![], &[0]).unwrap();
	let nine = vec![one; 9];
	assert!(Tensors::decode(&mut &nine.encode()[..]).is_err());
	assert!(Tensors::decode(&mut &nine[..8].to_vec().encode()[..]).is_ok());
}

#[test]
fn typed_round_trips() {
	let floats = [0.0f32, -0.0, 1.5, f32::MIN_POSITIVE, f32::INFINITY, f32::from_bits(0x7fc0_1234)];
	let t = Tensor::from_f32(vec![2, 3], &floats).unwrap();
	let back = t.to_f32_vec().unwrap();
	assert_eq!(
		back.iter().map(|f| f.to_bits()).collect::<Vec<_>>(),
		floats.iter().map(|f| f.to_bits()).collect::<Vec<_>>()
	);
	assert_eq!(&t.data[..4], &[0, 0, 0, 0]);
	assert_eq!(&t.data[4..8], &[0, 0, 0, 0x80]);
	assert_eq!(&t.data[20..24], &[0x34, 0x12, 0xc0, 0x7f]);

	let doubles = [f64::MAX, -0.0, f64::from_bits(0xfff8_0000_0000_0001)];
	let t = Tensor::from_f64(vec![3], &doubles).unwrap();
	assert_eq!(
		t.to_f64_vec().unwrap().iter().map(|f| f.to_bits()).collect::<Vec<_>>(),
		doubles.iter().map(|f| f.to_bits()).collect::<Vec<_>>()
	);

	let i8s = [i8::MIN, -1, 0, i8::MAX];
	assert_eq!(Tensor::from_i8(vec![4], &i8s).unwrap().to_i8_vec().unwrap(), i8s);
	let u8s = [0u8, 255];
	assert_eq!(Tensor::from_u8(vec![2, 1], &u8s).unwrap().to_u8_vec().unwrap(), u8s);
	let i16s = [i16::MIN, 0x0102];
	let t = Tensor::from_i16(vec![2], &i16s).unwrap();
	assert_eq!(&t.data[2..], &[0x02, 0x01]);
	assert_eq!(t.to_i16_vec().unwrap(), i16s);
	let i32s = [i32::MIN, i32::MAX, 7];
	assert_eq!(Tensor::from_i32(vec![3], &i32s).unwrap().to_i32_vec().unwrap(), i32s);
	let i64s = [i64::MIN, i64::MAX];
	assert_eq!(Tensor::from_i64(vec![1, 2], &i64s).unwrap().to_i64_vec().unwrap(), i64s);
	let bools = [true, false, true];
	let t = Tensor::from_bool(vec![3], &bools).unwrap();
	assert_eq!(t.data.to_vec(), vec![1, 0, 1]);
	assert_eq!(t.to_bool_vec().unwrap(), bools);

	let scalar = Tensor::from_values(vec![], &[42i32]).unwrap();
	assert_eq!(scalar.element_type, ElementType::I32);
	assert_eq!(scalar.to_vec::<i32>().unwrap(), vec![42]);
	let empty = Tensor::from_f32(vec![4, 0], &[]).unwrap();
	assert_eq!(empty.to_f32_vec().unwrap(), Vec::<f32>::new());
}

#[test]
fn typed_errors() {
	assert_eq!(
		Tensor::from_f32(vec![3], &[1.0, 2.0]),
		Err(TensorError::DataLengthMismatch { expected: 12, actual: 8 })
	);
	assert_eq!(Tensor::from_u8(vec![1; 9], &[1]), Err(TensorError::RankTooLarge));
	assert_eq!(Tensor::from_u8(vec![1 << 21], &[]), Err(TensorError::TooLarge));
	assert_eq!(Tensor::from_u8(vec![1 << 16, 1 << 16], &[]), Err(TensorError::ShapeOverflow));

	let t = Tensor::from_i32(vec![1], &[1]).unwrap();
	assert_eq!(t.to_f32_vec(), Err(TensorError::ElementTypeMismatch));
	assert_eq!(t.to_i64_vec(), Err(TensorError::ElementTypeMismatch));
	assert_eq!(raw(ElementType::Bool, &[1], &[5]).to_bool_vec(), Err(TensorError::InvalidBool));
	assert_eq!(
		raw(ElementType::I32, &[2], &[0; 4]).to_i32_vec(),
		Err(TensorError::DataLengthMismatch { expected: 8, actual: 4 })
	);
}

#[test]
fn element_count_helpers() {
	assert_eq!(element_count_of(&[]), Ok(1));
	assert_eq!(element_count_of(&[2, 3, 4]), Ok(24));
	assert_eq!(element_count_of(&[u32::MAX, 1]), Ok(u32::MAX));
	assert_eq!(element_count_of(&[u32::MAX, 2]), Err(TensorError::ShapeOverflow));
	assert_eq!(element_count_of(&[u32::MAX, 2, 0]), Ok(0));
	assert_eq!(expected_data_len(ElementType::I64, &[3]), Ok(24));
	assert_eq!(expected_data_len(ElementType::I64, &[1; 9]), Err(TensorError::RankTooLarge));
	assert_eq!(expected_data_len(ElementType::I64, &[u32::MAX]), Err(TensorError::TooLarge));
}

#[test]
fn tensor_lists() {
	let good = Tensor::from_u8(vec![1], &[1]).unwrap();
	let bad = raw(ElementType::Bool, &[1], &[3]);
	assert_eq!(validate_all(&[]), Ok(()));
	assert_eq!(validate_all(&vec![good.clone(); 8]), Ok(()));
	assert_eq!(validate_all(&vec![good.clone(); 9]), Err(TensorError::TooManyTensors));
	assert_eq!(validate_all(&[good.clone(), bad.clone()]), Err(TensorError::InvalidBool));

	let list = bounded_tensors(vec![good.clone(); 8]).unwrap();
	assert_eq!(list.len(), 8);
	assert_eq!(validate_all(&list), Ok(()));
	assert_eq!(bounded_tensors(vec![good.clone(); 9]), Err(TensorError::TooManyTensors));
	assert_eq!(bounded_tensors(vec![bad]), Err(TensorError::InvalidBool));
}

#[test]
fn codec_round_trip_and_bounds() {
	let t = Tensor::from_i16(vec![2, 2], &[1, -2, 3, -4]).unwrap();
	assert_eq!(Tensor::decode(&mut &t.encode()[..]), Ok(t));

	// element type + compact rank + 8 dims + 4-byte compact length + data.
	assert_eq!(Tensor::max_encoded_len(), 1 + 1 + 32 + 4 + (1 << 20));
	assert_eq!(Tensors::max_encoded_len(), 1 + 8 * Tensor::max_encoded_len());

	let errors = [
		TensorError::RankTooLarge,
		TensorError::TooLarge,
		TensorError::ShapeOverflow,
		TensorError::DataLengthMismatch { expected: 1, actual: u32::MAX },
		TensorError::InvalidBool,
		TensorError::TooManyTensors,
		TensorError::ElementTypeMismatch,
	];
	for (index, error) in errors.into_iter().enumerate() {
		let encoded = error.encode();
		assert_eq!(encoded[0], index as u8);
		assert_eq!(TensorError::decode(&mut &encoded[..]), Ok(error));
		assert!(!error.to_string().is_empty());
	}
	assert_eq!(
		TensorError::DataLengthMismatch { expected: 8, actual: 4 }.to_string(),
		"tensor data is 4 bytes, shape requires 8"
	);
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip() {
	let t = Tensor::from_u8(vec![2], &[1, 2]).unwrap();
	let json = serde_json::to_string(&t).unwrap();
	assert_eq!(json, r#"{"element_type":"U8","shape":[2],"data":[1,2]}"#);
	assert_eq!(serde_json::from_str::<Tensor>(&json).unwrap(), t);
	// Bounds are enforced when deserializing.
	assert!(serde_json::from_str::<Tensor>(
		r#"{"element_type":"U8","shape":[1,1,1,1,1,1,1,1,1],"data":[]}"#
	)
	.is_err());
}
