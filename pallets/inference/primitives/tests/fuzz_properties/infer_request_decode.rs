//! Property of the `infer_request_decode` fuzz target
//! (`fuzz/fuzz_targets/infer_request_decode.rs`), replayed on the committed seeds and
//! regressions by `tests/fuzz_replay.rs`.
//!
//! The inference service (`node/inference-service/src/server.rs`, `infer`) refuses bodies
//! longer than [`MAX_REQUEST_BYTES`] and decodes the rest with `InferRequest::decode_all`; this
//! is that decode, followed by the checks the engine applies to the request before running
//! anything (signature, inputs). None of it panics, and whatever decodes re-encodes to exactly
//! the body (the encoding is canonical) and is checked consistently: inputs accepted by the
//! signature are valid canonical tensors, and an invalid signature accepts nothing.

use codec::{DecodeAll, Encode};
use opg_inference_primitives::{
	service::MAX_REQUEST_BYTES, validate_all, InferRequest, SignatureError, MAX_TENSORS,
};

/// Checks the property on `body`; panics if it does not hold.
pub fn check(body: &[u8]) {
	if u32::try_from(body.len()).map_or(true, |len| len > MAX_REQUEST_BYTES) {
		// The service answers 413 without decoding.
		return;
	}
	let Ok(request) = InferRequest::decode_all(&mut &body[..]) else { return };
	assert_eq!(request.encode(), body, "a decoded request re-encodes to other bytes");
	// The service keys its loads by the encoding of the signature and the bounds.
	let _ = sp_crypto_hashing::blake2_256(&(&request.signature, request.bounds).encode());
	let signature_valid = request.signature.validate().is_ok();
	assert!(request.signature.inputs.len() <= MAX_TENSORS as usize);
	assert!(request.signature.outputs.len() <= MAX_TENSORS as usize);
	match request.signature.check_inputs(&request.inputs) {
		Ok(()) => {
			assert!(signature_valid, "an invalid signature accepted inputs");
			assert!(validate_all(&request.inputs).is_ok(), "accepted inputs are invalid");
			assert_eq!(request.inputs.len(), request.signature.inputs.len());
			for (spec, tensor) in request.signature.inputs.iter().zip(request.inputs.iter()) {
				assert_eq!(spec.matches(tensor), Ok(()));
			}
		}
		Err(SignatureError::NoInputs | SignatureError::NoOutputs) => {
			assert!(!signature_valid);
		}
		Err(SignatureError::InvalidTensor { index, error }) => {
			let tensor = request.inputs.get(index as usize).expect("index of an input");
			assert_eq!(tensor.validate(), Err(error));
		}
		Err(_) => assert!(signature_valid),
	}
}
