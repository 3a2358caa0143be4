//! Tests of output comparison policies, focused on edge cases.

use codec::{Decode, Encode};
use opg_inference_primitives::*;

const EXACT: ComparisonPolicy = ComparisonPolicy::Exact;
const NUMERIC_EQ: ComparisonPolicy = ComparisonPolicy::AbsRel { abs_e9: 0, rel_e9: 0 };

const fn ulps(max_ulps: u32) -> ComparisonPolicy {
	ComparisonPolicy::Ulps { max_ulps }
}

const fn abs_rel(abs_e9: u64, rel_e9: u32) -> ComparisonPolicy {
	ComparisonPolicy::AbsRel { abs_e9, rel_e9 }
}

/// Every policy that tolerates *something*, from the loosest down.
const LOOSE: [ComparisonPolicy; 3] =
	[ulps(u32::MAX), abs_rel(u64::MAX, TOLERANCE_SCALE), abs_rel(u64::MAX, 0)];

fn f32t(values: &[f32]) -> Tensor {
	Tensor::from_f32(vec![values.len() as u32], values).unwrap()
}

fn f64t(values: &[f64]) -> Tensor {
	Tensor::from_f64(vec![values.len() as u32], values).unwrap()
}

fn agree32(policy: ComparisonPolicy, a: f32, b: f32) -> bool {
	let verdict = tensors_agree(&policy, &f32t(&[a]), &f32t(&[b]));
	assert_eq!(verdict, tensors_agree(&policy, &f32t(&[b]), &f32t(&[a])), "asymmetric");
	verdict
}

fn agree64(policy: ComparisonPolicy, a: f64, b: f64) -> bool {
	let verdict = tensors_agree(&policy, &f64t(&[a]), &f64t(&[b]));
	assert_eq!(verdict, tensors_agree(&policy, &f64t(&[b]), &f64t(&[a])), "asymmetric");
	verdict
}

fn next_up32(x: f32, steps: u32) -> f32 {
	f32::from_bits(x.to_bits() + steps)
}

#[test]
fn policy_validation() {
	assert_eq!(EXACT.validate(), Ok(()));
	assert_eq!(ulps(u32::MAX).validate(), Ok(()));
	assert_eq!(NUMERIC_EQ.validate(), Ok(()));
	assert_eq!(abs_rel(u64::MAX, TOLERANCE_SCALE).validate(), Ok(()));
	assert_eq!(
		abs_rel(0, TOLERANCE_SCALE + 1).validate(),
		Err(PolicyError::RelativeToleranceTooLarge)
	);
	assert_eq!(ComparisonPolicy::default(), EXACT);

	// An invalid policy never reports agreement, not even for identical tensors.
	let t = Tensor::from_i32(vec![1], &[1]).unwrap();
	assert!(!tensors_agree(&abs_rel(0, u32::MAX), &t, &t));
	assert!(!outputs_agree(
		&abs_rel(0, u32::MAX),
		core::slice::from_ref(&t),
		core::slice::from_ref(&t)
	));

	for policy in [EXACT, ulps(3), abs_rel(5, 7), ComparisonPolicy::Deterministic] {
		assert_eq!(ComparisonPolicy::decode(&mut &policy.encode()[..]), Ok(policy));
	}
	assert_eq!(ComparisonPolicy::Deterministic.encode(), [3u8]);
	assert!(ComparisonPolicy::decode(&mut &[4u8][..]).is_err());
}

#[test]
fn nan_agrees_only_with_nan() {
	let payloads = [
		f32::NAN,
		-f32::NAN,
		f32::from_bits(0x7f80_0001), // signalling, smallest payload
		f32::from_bits(0xffff_ffff),
		f32::from_bits(0x7fc1_2345),
	];
	for &a in &payloads {
		for &b in &payloads {
			assert!(agree32(ulps(0), a, b));
			assert!(agree32(NUMERIC_EQ, a, b));
			assert_eq!(agree32(EXACT, a, b), a.to_bits() == b.to_bits());
		}
		for other in [0.0, -0.0, 1.0, f32::MAX, f32::INFINITY, f32::NEG_INFINITY] {
			for policy in LOOSE {
				assert!(!agree32(policy, a, other), "{a:?} vs {other:?} under {policy:?}");
			}
		}
	}

	let nan64 = [f64::NAN, -f64::NAN, f64::from_bits(0x7ff0_0000_0000_0001)];
	for &a in &nan64 {
		for &b in &nan64 {
			assert!(agree64(ulps(0), a, b));
			assert!(agree64(NUMERIC_EQ, a, b));
		}
		for policy in LOOSE {
			assert!(!agree64(policy, a, 0.0));
			assert!(!agree64(policy, a, f64::MIN));
			assert!(!agree64(policy, a, f64::INFINITY));
		}
	}
}

#[test]
fn infinities() {
	for policy in [EXACT, ulps(0), NUMERIC_EQ] {
		assert!(agree32(policy, f32::INFINITY, f32::INFINITY));
		assert!(agree32(policy, f32::NEG_INFINITY, f32::NEG_INFINITY));
		assert!(agree64(policy, f64::INFINITY, f64::INFINITY));
		assert!(agree64(policy, f64::NEG_INFINITY, f64::NEG_INFINITY));
	}
	for policy in LOOSE {
		assert!(!agree32(policy, f32::INFINITY, f32::NEG_INFINITY));
		assert!(!agree64(policy, f64::INFINITY, f64::NEG_INFINITY));
		// The largest finite value is one step from infinity on the integer line, but a
		// finite value never agrees with an infinity.
		assert!(!agree32(policy, f32::MAX, f32::INFINITY));
		assert!(!agree32(policy, f32::MIN, f32::NEG_INFINITY));
		assert!(!agree64(policy, f64::MAX, f64::INFINITY));
		assert!(!agree64(policy, 0.0, f64::INFINITY));
	}
	assert_eq!(f32::MAX.to_bits() + 1, f32::INFINITY.to_bits());
}

#[test]
fn signed_zeros() {
	assert!(!agree32(EXACT, 0.0, -0.0));
	assert!(agree32(ulps(0), 0.0, -0.0));
	assert!(agree32(NUMERIC_EQ, 0.0, -0.0));
	assert!(!agree64(EXACT, 0.0, -0.0));
	assert!(agree64(ulps(0), 0.0, -0.0));
	assert!(agree64(NUMERIC_EQ, -0.0, 0.0));
}

#[test]
fn subnormals_are_one_ulp_apart() {
	let tiny32 = f32::from_bits(1);
	assert!(!agree32(ulps(0), tiny32, 0.0));
	assert!(agree32(ulps(1), tiny32, 0.0));
	assert!(agree32(ulps(1), tiny32, -0.0));
	assert!(agree32(ulps(1), -tiny32, 0.0));
	// Across zero: -tiny, 0, +tiny.
	assert!(!agree32(ulps(1), -tiny32, tiny32));
	assert!(agree32(ulps(2), -tiny32, tiny32));
	// From the largest subnormal to the smallest normal.
	assert!(agree32(ulps(1), f32::from_bits(0x007f_ffff), f32::MIN_POSITIVE));
	assert!(!agree32(ulps(0), f32::from_bits(0x007f_ffff), f32::MIN_POSITIVE));

	let tiny64 = f64::from_bits(1);
	assert!(!agree64(ulps(0), tiny64, 0.0));
	assert!(agree64(ulps(1), tiny64, -0.0));
	assert!(agree64(ulps(2), -tiny64, tiny64));
	assert!(!agree64(ulps(1), -tiny64, tiny64));

	// AbsRel works on subnormals too (no flush to zero).
	assert!(!agree64(NUMERIC_EQ, tiny64, 0.0));
	assert!(agree64(abs_rel(1, 0), tiny64, 0.0));
	assert!(!agree32(NUMERIC_EQ, tiny32, 0.0));
	assert!(agree32(abs_rel(0, 600_000_000), tiny32, next_up32(tiny32, 1)));
}

#[test]
fn ulps_thresholds() {
	let one = 1.0f32;
	let one_ulp = next_up32(one, 1);
	let seven_ulps = next_up32(one, 7);
	assert!(agree32(ulps(0), one, one));
	assert!(!agree32(ulps(0), one, one_ulp));
	assert!(agree32(ulps(1), one, one_ulp));
	assert!(agree32(ulps(8), one, one_ulp));
	assert!(!agree32(ulps(0), one, seven_ulps));
	assert!(!agree32(ulps(1), one, seven_ulps));
	assert!(!agree32(ulps(6), one, seven_ulps));
	assert!(agree32(ulps(7), one, seven_ulps));
	assert!(agree32(ulps(8), one, seven_ulps));

	// Across an exponent boundary the distance is still one.
	assert!(agree32(ulps(1), f32::from_bits(0x3f7f_ffff), 1.0));
	// Negative values.
	assert!(agree32(ulps(1), -1.0, f32::from_bits(0xbf80_0001)));
	assert!(!agree32(ulps(1), -1.0, f32::from_bits(0xbf80_0002)));
	// Signs differ: distance is the sum of both distances to zero.
	assert!(!agree32(ulps(2 * 0x3f80_0000 - 1), -1.0, 1.0));
	assert!(agree32(ulps(2 * 0x3f80_0000), -1.0, 1.0));
	// The whole finite f32 range fits in u32 distances, without overflow.
	assert!(agree32(ulps(u32::MAX), f32::MIN, f32::MAX));
	assert!(!agree32(ulps(2 * 0x7f7f_ffff - 1), f32::MIN, f32::MAX));

	// f64 distances can exceed 2^64 / 2 without overflow.
	assert!(!agree64(ulps(u32::MAX), f64::MIN, f64::MAX));
	assert!(agree64(ulps(3), 1.0, f64::from_bits(1.0f64.to_bits() + 3)));
	assert!(!agree64(ulps(2), 1.0, f64::from_bits(1.0f64.to_bits() + 3)));

	// Every element must agree.
	let a = f32t(&[1.0, 2.0, 3.0]);
	let b = f32t(&[1.0, next_up32(2.0, 2), 3.0]);
	assert!(tensors_agree(&ulps(2), &a, &b));
	assert!(!tensors_agree(&ulps(1), &a, &b));
}

#[test]
fn integer_tolerances() {
	let i8t = |v: &[i8]| Tensor::from_i8(vec![v.len() as u32], v).unwrap();
	assert!(!tensors_agree(&EXACT, &i8t(&[5]), &i8t(&[6])));
	assert!(!tensors_agree(&ulps(0), &i8t(&[5]), &i8t(&[6])));
	assert!(tensors_agree(&ulps(1), &i8t(&[5]), &i8t(&[6])));
	assert!(tensors_agree(&ulps(1), &i8t(&[-1]), &i8t(&[0])));
	assert!(!tensors_agree(&ulps(254), &i8t(&[i8::MIN]), &i8t(&[i8::MAX])));
	assert!(tensors_agree(&ulps(255), &i8t(&[i8::MIN]), &i8t(&[i8::MAX])));
	// Signed, not unsigned, interpretation: -1 (0xff) is next to 0.
	assert!(!tensors_agree(&ulps(1), &i8t(&[-1]), &i8t(&[1])));

	let u8t = |v: &[u8]| Tensor::from_u8(vec![v.len() as u32], v).unwrap();
	assert!(tensors_agree(&ulps(255), &u8t(&[0]), &u8t(&[255])));
	assert!(!tensors_agree(&ulps(254), &u8t(&[0]), &u8t(&[255])));

	let i16t = |v: &[i16]| Tensor::from_i16(vec![v.len() as u32], v).unwrap();
	assert!(tensors_agree(&ulps(65535), &i16t(&[i16::MIN]), &i16t(&[i16::MAX])));
	let i32t = |v: &[i32]| Tensor::from_i32(vec![v.len() as u32], v).unwrap();
	assert!(tensors_agree(&ulps(u32::MAX), &i32t(&[i32::MIN]), &i32t(&[i32::MAX])));
	assert!(!tensors_agree(&ulps(u32::MAX - 1), &i32t(&[i32::MIN]), &i32t(&[i32::MAX])));

	// i64 extremes: |MIN - MAX| = 2^64 - 1 must not overflow.
	let i64t = |v: &[i64]| Tensor::from_i64(vec![v.len() as u32], v).unwrap();
	let (lo, hi) = (i64t(&[i64::MIN]), i64t(&[i64::MAX]));
	for policy in LOOSE {
		assert!(!tensors_agree(&policy, &lo, &hi));
		assert!(!tensors_agree(&policy, &hi, &lo));
	}
	assert!(tensors_agree(&ulps(1), &i64t(&[i64::MAX]), &i64t(&[i64::MAX - 1])));
	assert!(tensors_agree(&ulps(0), &lo, &lo));
	assert!(tensors_agree(&NUMERIC_EQ, &lo, &lo));
	// rel = 1e-9 of 2^63 is ~9.2e9, far more than 1.
	assert!(tensors_agree(&abs_rel(0, 1), &i64t(&[i64::MAX]), &i64t(&[i64::MAX - 1])));
	assert!(tensors_agree(&abs_rel(0, 1), &lo, &i64t(&[i64::MIN + 9_000_000_000])));
	assert!(!tensors_agree(&abs_rel(0, 1), &lo, &i64t(&[i64::MIN + 10_000_000_000])));
}

#[test]
fn integer_abs_rel_is_exact() {
	let i32t = |v: &[i32]| Tensor::from_i32(vec![v.len() as u32], v).unwrap();
	// 1% relative tolerance.
	let one_percent = abs_rel(0, 10_000_000);
	assert!(tensors_agree(&one_percent, &i32t(&[100]), &i32t(&[101])));
	assert!(!tensors_agree(&one_percent, &i32t(&[100]), &i32t(&[102])));
	assert!(tensors_agree(&one_percent, &i32t(&[-100]), &i32t(&[-101])));
	assert!(!tensors_agree(&one_percent, &i32t(&[0]), &i32t(&[1])));
	// Absolute tolerance 1.0, exactly at the boundary.
	assert!(tensors_agree(&abs_rel(1_000_000_000, 0), &i32t(&[7]), &i32t(&[8])));
	assert!(!tensors_agree(&abs_rel(999_999_999, 0), &i32t(&[7]), &i32t(&[8])));
	assert!(!tensors_agree(&NUMERIC_EQ, &i32t(&[7]), &i32t(&[8])));
	assert!(tensors_agree(&NUMERIC_EQ, &i32t(&[7]), &i32t(&[7])));
}

#[test]
fn bool_is_always_exact() {
	let t = Tensor::from_bool(vec![2], &[true, false]).unwrap();
	let u = Tensor::from_bool(vec![2], &[true, true]).unwrap();
	for policy in [EXACT, ulps(0), NUMERIC_EQ] {
		assert!(tensors_agree(&policy, &t, &t));
	}
	for policy in [EXACT, ulps(u32::MAX), abs_rel(u64::MAX, TOLERANCE_SCALE)] {
		assert!(!tensors_agree(&policy, &t, &u));
	}
}

#[test]
fn abs_rel_floats() {
	// f32 values are widened exactly: 1.001f32 is 1.00100004673..., more than 1e-3 from 1.
	assert!(!agree32(abs_rel(1_000_000, 0), 1.0, 1.001));
	assert!(agree32(abs_rel(1_000_047, 0), 1.0, 1.001));
	assert!(!agree32(abs_rel(1_000_046, 0), 1.0, 1.001));
	assert!(agree32(abs_rel(0, 1_000_000), 1000.0, 1001.0));
	assert!(!agree32(abs_rel(0, 999_000), 1000.0, 1001.0));

	// Huge values: relative tolerance scales, absolute tolerance is irrelevant.
	assert!(agree64(abs_rel(0, 1_000), 1e300, 1.0000001e300));
	assert!(!agree64(abs_rel(u64::MAX, 10), 1e300, 1.0000001e300));
	assert!(agree64(abs_rel(0, 1), f64::MAX, f64::MAX));
	assert!(agree64(abs_rel(0, 1), f64::MAX, f64::from_bits(f64::MAX.to_bits() - 1)));
	// |MAX - MIN| overflows to infinity, which exceeds any finite tolerance.
	assert!(!agree64(abs_rel(u64::MAX, TOLERANCE_SCALE), f64::MAX, f64::MIN));
	assert!(!agree32(abs_rel(u64::MAX, TOLERANCE_SCALE), f32::MAX, f32::MIN));
	// A 100% relative tolerance accepts anything of the same sign.
	assert!(agree64(abs_rel(0, TOLERANCE_SCALE), 1e-300, 1e300));
	assert!(!agree64(abs_rel(0, TOLERANCE_SCALE), -1.0, 1.0));

	// Tiny values: absolute tolerance dominates.
	assert!(agree64(abs_rel(1, 0), 1e-300, 2e-300));
	assert!(!agree64(NUMERIC_EQ, 1e-300, 2e-300));
	assert!(!agree64(abs_rel(0, 100_000_000), 1e-300, 2e-300));
	assert!(agree64(abs_rel(0, 600_000_000), 1e-300, 2e-300));
	assert!(agree64(abs_rel(1, 0), 0.0, 1e-9));
	assert!(!agree64(abs_rel(1, 0), 0.0, 1.1e-9));
	// The largest absolute tolerance (~1.8e10).
	assert!(agree64(abs_rel(u64::MAX, 0), -9e9, 9e9));
	assert!(!agree64(abs_rel(u64::MAX, 0), -1e10, 1e10));
}

#[test]
fn types_and_shapes_must_match() {
	let f = Tensor::from_f32(vec![2, 3], &[1.0; 6]).unwrap();
	let transposed = Tensor::from_f32(vec![3, 2], &[1.0; 6]).unwrap();
	let flat = Tensor::from_f32(vec![6], &[1.0; 6]).unwrap();
	let same_bytes_i32 = Tensor::new(ElementType::I32, vec![2, 3], f.data.to_vec()).unwrap();
	let all = [EXACT, ulps(0), NUMERIC_EQ, ulps(u32::MAX), abs_rel(u64::MAX, TOLERANCE_SCALE)];
	for policy in all {
		assert!(tensors_agree(&policy, &f, &f));
		assert!(!tensors_agree(&policy, &f, &transposed));
		assert!(!tensors_agree(&policy, &f, &flat));
		assert!(!tensors_agree(&policy, &f, &same_bytes_i32));
	}

	// Empty tensors of the same type and shape agree.
	let e = Tensor::from_f64(vec![0, 4], &[]).unwrap();
	for policy in all {
		assert!(tensors_agree(&policy, &e, &e.clone()));
	}
	assert!(!tensors_agree(&EXACT, &e, &Tensor::from_f64(vec![4, 0], &[]).unwrap()));
}

#[test]
fn invalid_tensors_never_agree() {
	let bad = Tensor {
		element_type: ElementType::F32,
		shape: Shape::truncate_from(vec![2]),
		data: TensorData::truncate_from(vec![0; 7]),
	};
	let bad_bool = Tensor {
		element_type: ElementType::Bool,
		shape: Shape::truncate_from(vec![1]),
		data: TensorData::truncate_from(vec![2]),
	};
	for policy in [EXACT, ulps(u32::MAX), abs_rel(u64::MAX, TOLERANCE_SCALE)] {
		assert!(!tensors_agree(&policy, &bad, &bad));
		assert!(!tensors_agree(&policy, &bad_bool, &bad_bool));
	}
}

#[test]
fn output_lists() {
	let a = f32t(&[1.0]);
	let b = f32t(&[next_up32(1.0, 1)]);
	let i = Tensor::from_i8(vec![], &[3]).unwrap();
	assert!(outputs_agree(&EXACT, &[], &[]));
	assert!(outputs_agree(&ulps(1), &[a.clone(), i.clone()], &[b.clone(), i.clone()]));
	assert!(!outputs_agree(&ulps(0), &[a.clone(), i.clone()], &[b.clone(), i.clone()]));
	assert!(!outputs_agree(&ulps(1), &[a.clone(), i.clone()], core::slice::from_ref(&b)));
	assert!(!outputs_agree(&ulps(1), &[a.clone(), i.clone()], &[i.clone(), a.clone()]));
	assert!(!outputs_agree(&ulps(1), &[a], &[]));
}

#[test]
fn special_value_table_is_symmetric_and_consistent() {
	// Interesting f32 bit patterns: every pair, every policy.
	let values = [
		0x0000_0000u32,
		0x8000_0000,
		0x0000_0001,
		0x8000_0001,
		0x007f_ffff,
		0x0080_0000,
		0x3f80_0000,
		0xbf80_0000,
		0x7f7f_ffff,
		0xff7f_ffff,
		0x7f80_0000,
		0xff80_0000,
		0x7fc0_0000,
		0xffc0_0001,
		0x7f80_0001,
	];
	let policies =
		[EXACT, ulps(0), ulps(1), ulps(u32::MAX), NUMERIC_EQ, abs_rel(1, 1), LOOSE[1], LOOSE[2]];
	for &a in &values {
		for &b in &values {
			let (x, y) = (f32::from_bits(a), f32::from_bits(b));
			for policy in policies {
				let verdict = agree32(policy, x, y);
				if x.is_nan() || y.is_nan() {
					let expected = if policy == EXACT { a == b } else { x.is_nan() && y.is_nan() };
					assert_eq!(verdict, expected, "{a:#x} {b:#x} {policy:?}");
				} else if x.is_infinite() || y.is_infinite() {
					assert_eq!(verdict, a == b, "{a:#x} {b:#x} {policy:?}");
				} else if a == b {
					assert!(verdict);
				}
			}
		}
	}
}
