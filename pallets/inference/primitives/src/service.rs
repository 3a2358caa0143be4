//! The protocol between a node's off-chain worker and its inference service.
//!
//! The worker sends `POST /v1/infer` with the SCALE encoding of an [`InferRequest`]; the service
//! answers `200` with the SCALE encoding of an [`InferResponse`]. `GET /health` answers `200` when
//! the service is up. The worker reaches the service through the runtime's standard offchain
//! HTTP API, so the runtime needs no custom host function, and the service may run on another
//! machine (`opg-node --inference-endpoint`).

use crate::{InferenceOutcome, ModelSignature, Tensors};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// Path of the inference endpoint.
pub const INFER_PATH: &str = "/v1/infer";
/// Path of the health endpoint.
pub const HEALTH_PATH: &str = "/health";
/// Largest request body the service accepts: inputs are bounded far below this on chain.
pub const MAX_REQUEST_BYTES: u32 = 2 * 1024 * 1024;

/// Run a registered model on an input.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct InferRequest {
	/// blake2-256 of the ONNX bytes.
	pub model: [u8; 32],
	/// Size of the ONNX bytes, as registered.
	pub size: u32,
	/// The declared signature, checked against the graph.
	pub signature: ModelSignature,
	/// Where to fetch the bytes when they were registered by URI; `None` for inline models,
	/// whose bytes reached the node through offchain indexing.
	pub uri: Option<Vec<u8>>,
	/// The input tensors, in graph order.
	pub inputs: Tensors,
}

/// The service's answer.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub enum InferResponse {
	/// An outcome every honest node computes alike: outputs, or a deterministic model error
	/// ([`crate::error_code::is_deterministic`]). Safe to commit to.
	#[codec(index = 0)]
	Outcome(InferenceOutcome),
	/// A local failure (model not yet available, timeout, resource limit, busy): retry later,
	/// never commit to it. Carries an [`crate::error_code`] and a human-readable reason.
	#[codec(index = 1)]
	Unavailable {
		/// The local failure's [`crate::error_code`].
		code: u16,
		/// What went wrong, UTF-8, for logs.
		reason: Vec<u8>,
	},
}
