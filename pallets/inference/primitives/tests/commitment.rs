//! Tests of commit-reveal and outcome agreement.

use codec::{Decode, Encode, MaxEncodedLen};
use opg_inference_primitives::*;

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn success(values: &[f32]) -> InferenceOutcome {
	let tensor = Tensor::from_f32(vec![values.len() as u32], values).unwrap();
	InferenceOutcome::Success(bounded_tensors(vec![tensor]).unwrap())
}

/// Known-answer vectors. The expected preimages follow the layout documented in the crate docs
/// and the digests were computed independently with Python's `hashlib.blake2b(digest_size=32)`.
#[test]
fn known_answer_vectors() {
	let outcome = success(&[1.0, -2.0]);
	let preimage = commitment_preimage(&[0x11; 32], 42, &outcome, &[0x22; 32]);
	assert_eq!(
		hex(&preimage),
		[
			"6f70672f636f6d6d69742f7631", // "opg/commit/v1"
			"80",                         // compact(32)
			&"11".repeat(32),             // attestor
			"2a00000000000000",           // job id 42
			"00",                         // Success
			"04",                         // one tensor
			"000402000000200000803f000000c0",
			&"22".repeat(32), // salt
		]
		.concat()
	);
	assert_eq!(
		hex(&commitment(&[0x11; 32], 42, &outcome, &[0x22; 32])),
		"716902ec0663d2deb7cdded29c602050af2fceed85dfe14f10a1312cad5c1b49"
	);

	let failure = InferenceOutcome::Failure(error_code::TIMEOUT);
	assert_eq!(
		hex(&commitment_preimage(&[0x33; 32], 7, &failure, &[0x44; 32])),
		[
			"6f70672f636f6d6d69742f7631",
			"80",
			&"33".repeat(32),
			"0700000000000000",
			"01",
			"0600",
			&"44".repeat(32),
		]
		.concat()
	);
	assert_eq!(
		hex(&commitment(&[0x33; 32], 7, &failure, &[0x44; 32])),
		"f57dea67cd9250ef89818a0002d051202be2cf3120111c9ac56b6a92e2848c72"
	);
	assert_eq!(&COMMITMENT_DOMAIN, b"opg/commit/v1");
}

#[test]
fn every_input_is_bound() {
	let attestor = [0x11u8; 32];
	let outcome = success(&[1.0, -2.0]);
	let salt = [0x22u8; 32];
	let base = commitment(&attestor, 42, &outcome, &salt);

	let mut variants = Vec::new();
	for i in 0..32 {
		let mut other = attestor;
		other[i] ^= 1;
		variants.push(commitment(&other, 42, &outcome, &salt));
		let mut other_salt = salt;
		other_salt[i] ^= 0x80;
		variants.push(commitment(&attestor, 42, &outcome, &other_salt));
	}
	// Longer or shorter account ids are not confused with each other.
	variants.push(commitment(&[0x11; 33], 42, &outcome, &salt));
	variants.push(commitment(&[0x11; 31], 42, &outcome, &salt));
	variants.push(commitment(&[], 42, &outcome, &salt));
	for job in [0, 41, 43, 42 | 1 << 32, u64::MAX] {
		variants.push(commitment(&attestor, job, &outcome, &salt));
	}
	variants.push(commitment(&attestor, 42, &success(&[1.0, -2.0000002]), &salt));
	variants.push(commitment(&attestor, 42, &success(&[1.0]), &salt));
	variants.push(commitment(&attestor, 42, &success(&[-0.0, -2.0]), &salt));
	variants.push(commitment(&attestor, 42, &InferenceOutcome::Success(Tensors::default()), &salt));
	for code in 0..=8 {
		variants.push(commitment(&attestor, 42, &InferenceOutcome::Failure(code), &salt));
	}
	// Same bytes, different element type.
	let as_i32 = Tensor::new(
		ElementType::I32,
		vec![2],
		Tensor::from_f32(vec![2], &[1.0, -2.0]).unwrap().data.to_vec(),
	)
	.unwrap();
	variants.push(commitment(
		&attestor,
		42,
		&InferenceOutcome::Success(bounded_tensors(vec![as_i32]).unwrap()),
		&salt,
	));

	for (i, v) in variants.iter().enumerate() {
		assert_ne!(*v, base, "variant {i} collides with the base commitment");
		for (j, w) in variants.iter().enumerate().skip(i + 1) {
			assert_ne!(v, w, "variants {i} and {j} collide");
		}
	}
	// Deterministic.
	assert_eq!(commitment(&attestor, 42, &outcome, &salt), base);
}

#[test]
fn reveal_verification() {
	let attestor = [5u8; 32];
	let outcome = success(&[0.25]);
	let salt = [9u8; 32];
	let c = commitment(&attestor, 1, &outcome, &salt);
	assert!(verify_reveal(&c, &attestor, 1, &outcome, &salt));
	assert!(!verify_reveal(&c, &attestor, 1, &outcome, &[8u8; 32]));
	assert!(!verify_reveal(&c, &attestor, 1, &success(&[0.5]), &salt));
	assert!(!verify_reveal(&c, &attestor, 2, &outcome, &salt));
	// A copier publishing someone else's commitment cannot open it as their own.
	assert!(!verify_reveal(&c, &[6u8; 32], 1, &outcome, &salt));
}

#[test]
fn outcome_agreement() {
	let policy = ComparisonPolicy::Ulps { max_ulps: 1 };
	let a = success(&[1.0]);
	let b = success(&[f32::from_bits(1.0f32.to_bits() + 1)]);
	let c = success(&[f32::from_bits(1.0f32.to_bits() + 2)]);
	assert!(outcomes_agree(&policy, &a, &b));
	assert!(!outcomes_agree(&policy, &a, &c));
	assert!(!outcomes_agree(&ComparisonPolicy::Exact, &a, &b));

	let timeout = InferenceOutcome::Failure(error_code::TIMEOUT);
	let invalid = InferenceOutcome::Failure(error_code::INVALID_INPUT);
	assert!(outcomes_agree(&policy, &timeout, &timeout.clone()));
	assert!(!outcomes_agree(&policy, &timeout, &invalid));
	for failure in [&timeout, &invalid] {
		assert!(!outcomes_agree(&policy, &a, failure));
		assert!(!outcomes_agree(&policy, failure, &a));
	}
	let empty = InferenceOutcome::Success(Tensors::default());
	assert!(!outcomes_agree(&policy, &empty, &InferenceOutcome::Failure(0)));
	assert!(!outcomes_agree(&policy, &empty, &a));
	// Failures agree on the code even under an invalid policy; successes never do.
	let invalid_policy = ComparisonPolicy::AbsRel { abs_e9: 0, rel_e9: u32::MAX };
	assert!(outcomes_agree(&invalid_policy, &timeout, &timeout));
	assert!(!outcomes_agree(&invalid_policy, &a, &a));
}

#[test]
fn error_codes() {
	use error_code::*;
	let all = [
		(INVALID_INPUT, 1, true),
		(UNSUPPORTED_OPERATOR, 2, true),
		(MODEL_EXECUTION, 3, true),
		(OUTPUT_SIGNATURE, 4, true),
		(RESOURCE_LIMIT, 5, false),
		(TIMEOUT, 6, false),
		(MODEL_UNAVAILABLE, 7, false),
		(FLOAT_TO_DISCRETE, 8, true),
		(RESOURCE_BOUND, 9, true),
		(NOT_DETERMINISTIC, 10, true),
	];
	for (code, value, deterministic) in all {
		assert_eq!(code, value);
		assert!(is_known(code));
		assert_eq!(is_deterministic(code), deterministic);
	}
	for unknown in [0, 11, 1000, u16::MAX] {
		assert!(!is_known(unknown));
		assert!(!is_deterministic(unknown));
	}
}

#[test]
fn outcome_codec() {
	for outcome in [
		success(&[1.0, f32::NAN]),
		InferenceOutcome::Success(Tensors::default()),
		InferenceOutcome::Failure(error_code::MODEL_UNAVAILABLE),
	] {
		let encoded = outcome.encode();
		assert_eq!(InferenceOutcome::decode(&mut &encoded[..]), Ok(outcome));
	}
	assert!(InferenceOutcome::decode(&mut &[2u8, 0, 0][..]).is_err());
	assert_eq!(InferenceOutcome::max_encoded_len(), 1 + Tensors::max_encoded_len());
}

#[cfg(feature = "serde")]
#[test]
fn outcome_serde() {
	let outcome = InferenceOutcome::Failure(3);
	let json = serde_json::to_string(&outcome).unwrap();
	assert_eq!(json, r#"{"Failure":3}"#);
	assert_eq!(serde_json::from_str::<InferenceOutcome>(&json).unwrap(), outcome);
	let outcome = success(&[1.0]);
	let json = serde_json::to_string(&outcome).unwrap();
	assert_eq!(serde_json::from_str::<InferenceOutcome>(&json).unwrap(), outcome);
}
