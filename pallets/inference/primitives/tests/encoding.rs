//! Byte-level tests of the canonical encodings documented in the crate docs.

use codec::{Decode, DecodeAll, Encode};
use opg_inference_primitives::*;

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn documented_tensor_examples() {
	let t = Tensor::from_f32(vec![2], &[1.0, -2.0]).unwrap();
	assert_eq!(hex(&t.encode()), "000402000000200000803f000000c0");
	let s = Tensor::from_u8(vec![], &[7]).unwrap();
	assert_eq!(hex(&s.encode()), "03000407");
	assert_eq!(Tensor::decode(&mut &s.encode()[..]), Ok(s));
}

#[test]
fn every_element_type_layout() {
	assert_eq!(
		hex(&Tensor::from_f64(vec![1], &[1.0]).unwrap().encode()),
		"01 04 01000000 20 000000000000f03f".replace(' ', "")
	);
	assert_eq!(hex(&Tensor::from_i8(vec![2], &[-1, 2]).unwrap().encode()), "02040200000008ff02");
	assert_eq!(hex(&Tensor::from_i16(vec![1], &[-2]).unwrap().encode()), "04040100000008feff");
	assert_eq!(
		hex(&Tensor::from_i32(vec![1], &[0x0102_0304]).unwrap().encode()),
		"0504010000001004030201"
	);
	assert_eq!(
		hex(&Tensor::from_i64(vec![2, 1], &[-1, 1]).unwrap().encode()),
		"06080200000001000000 40 ffffffffffffffff 0100000000000000".replace(' ', "")
	);
	assert_eq!(
		hex(&Tensor::from_bool(vec![3], &[true, false, true]).unwrap().encode()),
		"0704030000000c010001"
	);
}

#[test]
fn compact_length_forms() {
	// 64 bytes of data: two-byte compact (64 << 2 | 1 = 0x0101).
	let t = Tensor::from_f32(vec![16], &[0.0; 16]).unwrap();
	let encoded = t.encode();
	assert_eq!(hex(&encoded[..8]), "0004100000000101");
	assert_eq!(encoded.len(), 8 + 64);

	// 2^14 bytes: four-byte compact (2^14 << 2 | 2 = 0x00010002).
	let t = Tensor::new(ElementType::U8, vec![1 << 14], vec![0; 1 << 14]).unwrap();
	let encoded = t.encode();
	assert_eq!(hex(&encoded[..10]), "03040040000002000100");
	assert_eq!(encoded.len(), 10 + (1 << 14));

	// Maximum size: 2^20 << 2 | 2 = 0x00400002.
	let t = Tensor::new(ElementType::U8, vec![MAX_TENSOR_BYTES], vec![0; 1 << 20]).unwrap();
	let encoded = t.encode();
	assert_eq!(hex(&encoded[..10]), "03040000100002004000");
}

#[test]
fn non_canonical_compact_is_rejected() {
	// u8 scalar 7 with the rank written as a two-byte compact (0 << 2 | 1, 0x00).
	assert!(Tensor::decode(&mut &[3u8, 0x01, 0x00, 0x04, 7][..]).is_err());
	// ... and with the data length written as a two-byte compact.
	assert!(Tensor::decode(&mut &[3u8, 0x00, 0x05, 0x00, 7][..]).is_err());
	assert!(Tensor::decode(&mut &[3u8, 0x00, 0x04, 7][..]).is_ok());
}

#[test]
fn outcome_policy_and_signature_layouts() {
	assert_eq!(InferenceOutcome::Failure(error_code::TIMEOUT).encode(), vec![1, 6, 0]);
	assert_eq!(InferenceOutcome::Failure(0x0102).encode(), vec![1, 2, 1]);
	assert_eq!(InferenceOutcome::Success(Tensors::default()).encode(), vec![0, 0]);
	let one = bounded_tensors(vec![Tensor::from_u8(vec![], &[7]).unwrap()]).unwrap();
	assert_eq!(hex(&InferenceOutcome::Success(one).encode()), "000403000407");

	assert_eq!(ComparisonPolicy::Exact.encode(), vec![0]);
	assert_eq!(hex(&ComparisonPolicy::Ulps { max_ulps: 4 }.encode()), "0104000000");
	assert_eq!(
		hex(&ComparisonPolicy::AbsRel { abs_e9: 1, rel_e9: 2 }.encode()),
		"02010000000000000002000000"
	);

	let signature = ModelSignature::new(
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Dynamic, Dim::Fixed(3)]).unwrap()],
		vec![TensorSpec::new(ElementType::I64, vec![]).unwrap()],
	)
	.unwrap();
	assert_eq!(hex(&signature.encode()), "04 00 08 01 0003000000 04 06 00".replace(' ', ""));
	assert_eq!(ModelSignature::decode(&mut &signature.encode()[..]), Ok(signature));
}

#[test]
fn trailing_and_truncated_input() {
	let t = Tensor::from_u8(vec![2], &[1, 2]).unwrap();
	let encoded = t.encode();
	assert!(Tensor::decode(&mut &encoded[..encoded.len() - 1]).is_err());
	let mut extended = encoded.clone();
	extended.push(0);
	assert!(Tensor::decode_all(&mut &extended[..]).is_err());
	assert_eq!(Tensor::decode_all(&mut &encoded[..]), Ok(t));
}
