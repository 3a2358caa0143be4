//! The protocol between a node's off-chain worker and its inference service.
//!
//! The worker sends `POST /v1/infer` with the SCALE encoding of an [`InferRequest`]; the service
//! answers `200` with the SCALE encoding of an [`InferResponse`]. `GET /health` answers `200` when
//! the service is up. The worker reaches the service through the runtime's standard offchain
//! HTTP API, so the runtime needs no custom host function, and the service may run on another
//! machine (`opg-node --inference-endpoint`).

use crate::{ExecutionMode, InferenceOutcome, ModelSignature, Tensors};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Path of the inference endpoint.
pub const INFER_PATH: &str = "/v1/infer";
/// Path of the health endpoint.
pub const HEALTH_PATH: &str = "/health";
/// Largest request body the service accepts: inputs are bounded far below this on chain.
pub const MAX_REQUEST_BYTES: u32 = 2 * 1024 * 1024;
/// Requests a client keeps in flight at once, and connections the service serves at once by
/// default: the off-chain worker sends a run's requests in waves of this many, so it never
/// waits on a connection the service has not accepted.
pub const MAX_REQUESTS_IN_FLIGHT: u32 = 64;

/// The resource bounds a model must respect for every input its signature admits, computed
/// by the engine at load from the optimised graph. A model above them is refused with the
/// deterministic [`RESOURCE_BOUND`](crate::error_code::RESOURCE_BOUND), so every honest
/// validator must apply the same bounds: the chain mandates them (the inference pallet's
/// `ResourceBounds` constant) and the off-chain worker sends them with every request.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
)]
pub struct ResourceBounds {
	/// Largest total size, in bytes, of the tensors of one inference: constants, inputs and
	/// every intermediate result, as if nothing were freed, for the largest inputs admitted.
	pub max_tensor_bytes: u64,
	/// Largest number of multiply-accumulates of one inference.
	pub max_macs: u64,
	/// Largest total number of elements over the inputs of one inference, a zero-length axis
	/// counting as one. It also bounds the dynamic axes of signatures at load.
	pub max_input_elements: u64,
}

impl ResourceBounds {
	/// OPG Chain's bounds: 2 GiB of tensors, 2^36 (about 69 G) multiply-accumulates and
	/// 4 Mi input elements per inference.
	///
	/// 2 GiB of tensors is far above what models of a few hundred MiB need for reasonable
	/// inputs, and sizes a validator's inference memory. 2^36 multiply-accumulates take
	/// several seconds on one core, about the inference timeout: a model refused for its work
	/// would mostly time out anyway, but not deterministically.
	pub const OPG: ResourceBounds = ResourceBounds {
		max_tensor_bytes: 2 << 30,
		max_macs: 1 << 36,
		max_input_elements: 4 << 20,
	};
}

/// Run a registered model on an input.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct InferRequest {
	/// blake2-256 of the ONNX bytes.
	pub model: [u8; 32],
	/// Size of the ONNX bytes, as registered.
	pub size: u32,
	/// The declared signature, checked against the graph.
	pub signature: ModelSignature,
	/// The bounds the chain mandates, which the model must respect.
	pub bounds: ResourceBounds,
	/// How to run the model: [`ExecutionMode::Deterministic`] for a model registered under
	/// [`ComparisonPolicy::Deterministic`](crate::ComparisonPolicy::Deterministic).
	pub execution: ExecutionMode,
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
