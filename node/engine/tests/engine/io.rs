//! Tensor file formats: round trips for every format and element type, and error cases.

use crate::support;
use opg_inference_engine::io::{self, json, npy, pb, IoError, TensorFormat};
use opg_inference_primitives::{ElementType, Tensor, TensorError};
use prost::Message;
use tract_onnx::pb::TensorProto;

/// One tensor per element type, with edge values.
fn samples() -> Vec<Tensor> {
	vec![
		Tensor::from_f32(
			vec![2, 4],
			&[0.0, -0.0, 1.0, -1.5e-7, f32::MAX, f32::MIN_POSITIVE, 1e-45, 0.1],
		)
		.expect("f32"),
		Tensor::from_f64(vec![3], &[f64::MIN, 5e-324, std::f64::consts::PI]).expect("f64"),
		Tensor::from_i8(vec![3], &[i8::MIN, 0, i8::MAX]).expect("i8"),
		Tensor::from_u8(vec![1, 2], &[0, u8::MAX]).expect("u8"),
		Tensor::from_i16(vec![2], &[i16::MIN, i16::MAX]).expect("i16"),
		Tensor::from_i32(vec![2, 1, 1], &[i32::MIN, i32::MAX]).expect("i32"),
		Tensor::from_i64(vec![2], &[i64::MIN, i64::MAX]).expect("i64"),
		Tensor::from_bool(vec![2, 2], &[true, false, false, true]).expect("bool"),
		Tensor::from_f32(vec![], &[42.0]).expect("scalar"),
		Tensor::from_i64(vec![0, 3], &[]).expect("empty"),
	]
}

/// Non-finite floats: bit-exact in `.npy` and `.pb`, NaN payload lost in JSON.
fn specials() -> Tensor {
	Tensor::from_f32(vec![3], &[f32::INFINITY, f32::NEG_INFINITY, f32::from_bits(0x7fc0_0001)])
		.expect("specials")
}

#[test]
fn every_format_round_trips_every_element_type() {
	for format in [TensorFormat::Npy, TensorFormat::Pb, TensorFormat::Json] {
		let mut count = 0;
		for tensor in samples() {
			let bytes = format.encode(&tensor).expect("encode");
			assert_eq!(format.decode(&bytes).expect("decode"), tensor, "{format:?}");
			count += 1;
		}
		assert!(count >= ElementType::ALL.len());
	}
	for format in [TensorFormat::Npy, TensorFormat::Pb] {
		let bytes = format.encode(&specials()).expect("encode");
		assert_eq!(format.decode(&bytes).expect("decode"), specials(), "{format:?}");
	}
	let json = json::encode(&specials());
	assert_eq!(
		json,
		"{\"type\":\"f32\",\"shape\":[3],\"data\":[\"Infinity\",\"-Infinity\",\"NaN\"]}\n"
	);
	let back = json::decode(json.as_bytes()).expect("decode").to_f32_vec().expect("f32");
	assert_eq!(back[..2], [f32::INFINITY, f32::NEG_INFINITY]);
	assert_eq!(back[2].to_bits(), 0x7fc0_0000);
}

#[test]
fn json_floats_round_trip_bit_for_bit() {
	// A deterministic spread of f32 and f64 bit patterns (xorshift), finite ones only.
	let mut state = 0x9e37_79b9_7f4a_7c15u64;
	let mut next = move || {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		state
	};
	let f32s: Vec<f32> =
		(0..4096).map(|_| f32::from_bits(next() as u32)).filter(|x| x.is_finite()).collect();
	let f64s: Vec<f64> =
		(0..4096).map(|_| f64::from_bits(next())).filter(|x| x.is_finite()).collect();
	let a = Tensor::from_f32(vec![u32::try_from(f32s.len()).expect("len")], &f32s).expect("f32");
	let b = Tensor::from_f64(vec![u32::try_from(f64s.len()).expect("len")], &f64s).expect("f64");
	for tensor in [a, b] {
		assert_eq!(json::decode(json::encode(&tensor).as_bytes()).expect("decode"), tensor);
	}
}

#[test]
fn numpy_files_are_read_and_rewritten_identically() {
	// The fixtures were written by numpy.save: re-encoding gives the same bytes.
	let dir = support::fixtures_dir();
	let mut count = 0;
	for entry in std::fs::read_dir(&dir).expect("fixtures") {
		let path = entry.expect("entry").path();
		if path.extension().is_some_and(|e| e == "npy") {
			let bytes = std::fs::read(&path).expect("read");
			let tensor = npy::decode(&bytes).expect("decode");
			assert_eq!(npy::encode(&tensor), bytes, "{}", path.display());
			count += 1;
		}
	}
	assert!(count >= 6);
}

fn npy_with_header(major: u8, header: &str, data: &[u8]) -> Vec<u8> {
	let mut bytes = b"\x93NUMPY".to_vec();
	bytes.extend_from_slice(&[major, 0]);
	if major == 1 {
		bytes.extend_from_slice(&u16::try_from(header.len()).expect("len").to_le_bytes());
	} else {
		bytes.extend_from_slice(&u32::try_from(header.len()).expect("len").to_le_bytes());
	}
	bytes.extend_from_slice(header.as_bytes());
	bytes.extend_from_slice(data);
	bytes
}

#[test]
fn npy_headers_and_errors() {
	let data: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|x| x.to_le_bytes()).collect();
	let expected = Tensor::from_f32(vec![2], &[1.0, 2.0]).expect("tensor");
	let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n";
	for major in [1, 2, 3] {
		assert_eq!(npy::decode(&npy_with_header(major, header, &data)), Ok(expected.clone()));
	}
	// Other key orders and quoting, as other writers produce.
	let other = "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}";
	assert_eq!(npy::decode(&npy_with_header(1, other, &data)), Ok(expected));

	let case = |header: &str, data: &[u8]| npy::decode(&npy_with_header(1, header, data));
	assert_eq!(
		case("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", &data),
		Err(IoError::FortranOrder)
	);
	assert_eq!(
		case("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", &data),
		Err(IoError::BigEndian(">f4".into()))
	);
	assert_eq!(
		case("{'descr': '<f2', 'fortran_order': False, 'shape': (4,), }", &data),
		Err(IoError::UnsupportedDtype("<f2".into()))
	);
	assert_eq!(
		case("{'descr': '<u4', 'fortran_order': False, 'shape': (2,), }", &data),
		Err(IoError::UnsupportedDtype("<u4".into()))
	);
	assert_eq!(
		case("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", &data),
		Err(IoError::Truncated { expected: 12, actual: 8 })
	);
	assert_eq!(
		case("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", &data),
		Err(IoError::TrailingData { expected: 4, actual: 8 })
	);
	assert_eq!(
		case("{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }", &[2]),
		Err(IoError::InvalidTensor(TensorError::InvalidBool))
	);
	assert_eq!(
		case("{'descr': '|u1', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,1), }", &[0]),
		Err(IoError::InvalidTensor(TensorError::RankTooLarge))
	);
	assert_eq!(
		case("{'descr': '|u1', 'fortran_order': False, 'shape': (4294967296,), }", &[]),
		Err(IoError::InvalidTensor(TensorError::ShapeOverflow))
	);
	assert_eq!(
		case("{'descr': '|u1', 'fortran_order': False, 'shape': (2097152,), }", &[]),
		Err(IoError::InvalidTensor(TensorError::TooLarge))
	);
	for header in [
		"{'descr': '<f4', 'fortran_order': False}",
		"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
		"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'shape': (2,)}",
		"{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}",
		"{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} trailing",
		"{'descr': '<f4', 'fortran_order': False, 'shape': (2,",
		"{'descr': '<f4",
		"",
	] {
		assert!(matches!(case(header, &data), Err(IoError::InvalidNpyHeader(_))), "{header}");
	}
	assert_eq!(npy::decode(b"NUMPY"), Err(IoError::NotNpy));
	assert_eq!(
		npy::decode(&npy_with_header(4, "{}", &[])),
		Err(IoError::UnsupportedNpyVersion { major: 4, minor: 0 })
	);
	// A declared header length past the end of the file.
	let mut truncated = npy_with_header(1, header, &[]);
	truncated.truncate(20);
	assert!(matches!(npy::decode(&truncated), Err(IoError::InvalidNpyHeader(_))));
}

#[test]
fn pb_typed_fields_and_errors() {
	let base = TensorProto { dims: vec![2], ..TensorProto::default() };
	let decode = |proto: TensorProto| pb::decode(&proto.encode_to_vec());
	let typed = [
		(
			TensorProto { data_type: 1, float_data: vec![1.5, -2.0], ..base.clone() },
			Tensor::from_f32(vec![2], &[1.5, -2.0]),
		),
		(
			TensorProto { data_type: 11, double_data: vec![1.5, -2.0], ..base.clone() },
			Tensor::from_f64(vec![2], &[1.5, -2.0]),
		),
		(
			TensorProto { data_type: 3, int32_data: vec![-128, 127], ..base.clone() },
			Tensor::from_i8(vec![2], &[-128, 127]),
		),
		(
			TensorProto { data_type: 2, int32_data: vec![0, 255], ..base.clone() },
			Tensor::from_u8(vec![2], &[0, 255]),
		),
		(
			TensorProto { data_type: 5, int32_data: vec![-32768, 7], ..base.clone() },
			Tensor::from_i16(vec![2], &[-32768, 7]),
		),
		(
			TensorProto { data_type: 6, int32_data: vec![i32::MIN, 7], ..base.clone() },
			Tensor::from_i32(vec![2], &[i32::MIN, 7]),
		),
		(
			TensorProto { data_type: 7, int64_data: vec![i64::MIN, 7], ..base.clone() },
			Tensor::from_i64(vec![2], &[i64::MIN, 7]),
		),
		(
			TensorProto { data_type: 9, int32_data: vec![1, 0], ..base.clone() },
			Tensor::from_bool(vec![2], &[true, false]),
		),
	];
	for (proto, expected) in typed {
		assert_eq!(decode(proto), Ok(expected.expect("tensor")));
	}
	assert_eq!(
		decode(TensorProto { data_type: 3, int32_data: vec![0, 128], ..base.clone() }),
		Err(IoError::InvalidValue { index: 1, detail: "128 is out of range for i8".into() })
	);
	assert!(matches!(
		decode(TensorProto { data_type: 9, int32_data: vec![0, 2], ..base.clone() }),
		Err(IoError::InvalidValue { index: 1, .. })
	));
	assert_eq!(
		decode(TensorProto { data_type: 1, float_data: vec![1.0], ..base.clone() }),
		Err(IoError::ValueCount { expected: 2, actual: 1 })
	);
	assert_eq!(
		decode(TensorProto { data_type: 1, raw_data: vec![0; 7], ..base.clone() }),
		Err(IoError::Truncated { expected: 8, actual: 7 })
	);
	assert_eq!(
		decode(TensorProto { data_type: 1, raw_data: vec![0; 9], ..base.clone() }),
		Err(IoError::TrailingData { expected: 8, actual: 9 })
	);
	assert_eq!(
		decode(TensorProto { data_type: 10, ..base.clone() }),
		Err(IoError::UnsupportedDataType(10))
	);
	assert_eq!(
		decode(TensorProto { data_type: 1, data_location: Some(1), ..base.clone() }),
		Err(IoError::ExternalData)
	);
	assert!(matches!(
		decode(TensorProto { data_type: 1, dims: vec![-1], ..base.clone() }),
		Err(IoError::Protobuf(_))
	));
	assert!(matches!(
		decode(TensorProto {
			data_type: 1,
			raw_data: vec![0; 8],
			float_data: vec![1.0, 2.0],
			..base.clone()
		}),
		Err(IoError::Protobuf(_))
	));
	assert_eq!(
		decode(TensorProto { data_type: 1, dims: vec![1; 9], ..base }),
		Err(IoError::InvalidTensor(TensorError::RankTooLarge))
	);
	assert!(matches!(pb::decode(&[0xff, 0xff, 0xff]), Err(IoError::Protobuf(_))));
}

#[test]
fn json_errors() {
	let case = |text: &str| json::decode(text.as_bytes());
	assert_eq!(
		case(r#"{"type": "i32", "shape": [2], "data": [1, -7]}"#),
		Ok(Tensor::from_i32(vec![2], &[1, -7]).expect("tensor"))
	);
	assert_eq!(
		case(r#"{"type": "f32", "shape": [3], "data": [1, 2]}"#),
		Err(IoError::ValueCount { expected: 3, actual: 2 })
	);
	assert!(matches!(case(r#"{"type": "f16", "shape": [], "data": [1]}"#), Err(IoError::Json(_))));
	assert!(matches!(
		case(r#"{"type": "f32", "shape": [1], "data": [1], "x": 0}"#),
		Err(IoError::Json(_))
	));
	assert!(matches!(case(r#"{"type": "f32", "shape": [1]}"#), Err(IoError::Json(_))));
	assert!(matches!(case("not json"), Err(IoError::Json(_))));
	for (text, index) in [
		(r#"{"type": "i8", "shape": [2], "data": [1, 128]}"#, 1),
		(r#"{"type": "u8", "shape": [1], "data": [-1]}"#, 0),
		(r#"{"type": "i32", "shape": [1], "data": [1.0]}"#, 0),
		(r#"{"type": "f32", "shape": [2], "data": [1, 1e39]}"#, 1),
		(r#"{"type": "f64", "shape": [1], "data": ["nan"]}"#, 0),
		(r#"{"type": "f64", "shape": [1], "data": [true]}"#, 0),
		(r#"{"type": "bool", "shape": [1], "data": [1]}"#, 0),
	] {
		assert!(
			matches!(case(text), Err(IoError::InvalidValue { index: i, .. }) if i == index),
			"{text}"
		);
	}
	assert_eq!(
		case(r#"{"type": "u8", "shape": [2097152], "data": []}"#),
		Err(IoError::InvalidTensor(TensorError::TooLarge))
	);
}

#[test]
fn files_by_extension() {
	let dir = std::env::temp_dir().join(format!("opg-engine-io-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let tensor = samples().remove(0);
	for name in ["t.npy", "t.pb", "t.json", "T.NPY"] {
		let path = dir.join(name);
		io::write_tensor(&path, &tensor).expect("write");
		assert_eq!(io::read_tensor(&path), Ok(tensor.clone()), "{name}");
	}
	let unknown = dir.join("t.bin");
	assert_eq!(io::write_tensor(&unknown, &tensor), Err(IoError::UnknownFormat(unknown.clone())));
	assert!(matches!(io::read_tensor(&dir.join("missing.npy")), Err(IoError::Io { .. })));
	// An oversized file is refused without being parsed.
	let big = dir.join("big.npy");
	let limit = TensorFormat::Npy.max_input_bytes();
	std::fs::write(&big, vec![0u8; usize::try_from(limit + 1).expect("size")]).expect("write");
	assert_eq!(io::read_tensor(&big), Err(IoError::TooLarge { bytes: limit + 1, limit }));
	std::fs::remove_dir_all(&dir).expect("cleanup");
}
