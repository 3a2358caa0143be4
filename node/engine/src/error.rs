//! Errors of the engine and how they map to on-chain failure codes.

use opg_inference_primitives::error_code;
use std::fmt;

/// Which side of a [`ModelSignature`](opg_inference_primitives::ModelSignature) a mismatch is
/// on.
#[derive(Clone, Copy, PartialEq, Eq, Debug, codec::Encode, codec::Decode)]
pub enum SignatureSide {
	/// The model's inputs.
	Inputs,
	/// The model's outputs.
	Outputs,
}

impl fmt::Display for SignatureSide {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			SignatureSide::Inputs => "inputs",
			SignatureSide::Outputs => "outputs",
		})
	}
}

/// Everything that can go wrong while loading or running a model.
///
/// Each error maps to one of the on-chain failure codes of
/// [`error_code`] through [`EngineError::code`], and
/// says through [`EngineError::is_deterministic`] whether every honest attestor running the
/// same engine version would hit it too. Only deterministic failures may be revealed on chain;
/// the others describe this machine (its limits, its load, its copy of the model) and must be
/// treated as an abstention.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error, codec::Encode, codec::Decode)]
pub enum EngineError {
	/// The model is larger than [`EngineConfig::max_model_bytes`](crate::EngineConfig).
	#[error("model is {actual} bytes, the limit is {limit}")]
	ModelTooLarge {
		/// Size of the model, in bytes.
		actual: u64,
		/// Configured limit, in bytes.
		limit: u64,
	},
	/// The blake2-256 hash of the model bytes is not the expected one.
	#[error("model hash mismatch: expected {}, got {}", hex(expected), hex(actual))]
	HashMismatch {
		/// Hash the caller expected (the model id).
		expected: [u8; 32],
		/// Hash of the bytes actually given.
		actual: [u8; 32],
	},
	/// The bytes are not an ONNX model tract can parse and type, or the model is malformed
	/// (dangling edges, inconsistent shapes, invalid attributes, ...).
	#[error("invalid model: {detail}")]
	InvalidModel {
		/// What tract reported.
		detail: String,
	},
	/// The model uses an operator tract does not implement, one the engine refuses (random
	/// operators), or a configuration of an operator that tract computes wrong (see
	/// `known_wrong.rs`: every validator would agree on the wrong result).
	#[error("unsupported operator: {name}{}", reason_suffix(.reason))]
	UnsupportedOperator {
		/// ONNX operator type, prefixed by its domain when not the default one.
		name: String,
		/// Why a registered operator is refused: the node, the attribute and what tract gets
		/// wrong. `None` for an operator tract does not implement.
		reason: Option<String>,
	},
	/// The model feeds the result of float arithmetic into a discrete operation (`ArgMax`, a
	/// comparison, a `Cast` to an integer, `Floor`, ...). Floats computed by the model may
	/// differ in their last bits between CPUs, and a discrete operation turns that difference
	/// into a different class, flag or integer, so honest validators would disagree. The rule
	/// is in the crate documentation, under "Agreement across CPUs".
	#[error(
		"node {node:?} ({op}) turns the result of float arithmetic into a discrete value; \
		 floats differ in their last bits between CPUs, so validators would disagree on it: \
		 output the float scores (e.g. the logits) and take the argmax or threshold in the \
		 application, or quantise the model to integer operators"
	)]
	FloatToDiscrete {
		/// The refused node: its name, else its first output's name.
		node: String,
		/// Its ONNX operator type.
		op: String,
	},
	/// The engine runs in [`ExecutionMode::Deterministic`](crate::ExecutionMode) and the model
	/// uses an operator, attribute or element type outside the set its portable kernels cover
	/// (listed in the crate documentation, under "Deterministic mode"): its outputs could
	/// differ in their last bits between CPUs.
	#[error(
		"node {node:?} ({op}) is outside the deterministic mode's operators: {reason}; \
		 rewrite it with covered operators, or register the model with a tolerance policy"
	)]
	NotDeterministic {
		/// The refused node: its name, else its first output's name (empty for a graph input
		/// or initializer).
		node: String,
		/// Its ONNX operator type, or `input`/`initializer`.
		op: String,
		/// What is not covered.
		reason: String,
	},
	/// The model may need more memory or work than the engine's bounds
	/// ([`EngineConfig::max_tensor_bytes`](crate::EngineConfig),
	/// [`EngineConfig::max_macs`](crate::EngineConfig)) for some input its signature admits, or
	/// its needs cannot be bounded before running it (a size that depends on values the model
	/// computes). Found at load, before anything large is allocated.
	#[error("model exceeds the engine's resource bounds: {detail}")]
	ResourceBound {
		/// What exceeds which bound, and how to avoid it.
		detail: String,
	},
	/// The model's graph does not match the declared signature.
	#[error("model {side} do not match the signature: {detail}")]
	SignatureMismatch {
		/// Inputs or outputs.
		side: SignatureSide,
		/// What differs.
		detail: String,
	},
	/// The signature itself is invalid (no inputs or no outputs).
	#[error("invalid signature: {detail}")]
	InvalidSignature {
		/// What is wrong with it.
		detail: String,
	},
	/// The inputs do not match the model's signature or are not valid canonical tensors.
	#[error("invalid input: {detail}")]
	InvalidInput {
		/// What is wrong with them.
		detail: String,
	},
	/// The inputs hold more elements than
	/// [`EngineConfig::max_input_elements`](crate::EngineConfig).
	#[error("inputs hold {actual} elements, the limit is {limit}")]
	InputTooLarge {
		/// Total number of input elements.
		actual: u64,
		/// Configured limit.
		limit: u64,
	},
	/// tract reported an error while running the model (e.g. an input value out of the range
	/// an operator accepts).
	#[error("model execution failed: {detail}")]
	Execution {
		/// What tract reported.
		detail: String,
	},
	/// The model's outputs do not match its signature, or cannot be represented as canonical
	/// tensors (unsupported element type, more than
	/// [`MAX_TENSOR_BYTES`](opg_inference_primitives::MAX_TENSOR_BYTES) bytes).
	#[error("invalid output: {detail}")]
	InvalidOutput {
		/// What is wrong with them.
		detail: String,
	},
	/// No compiled plan for this model hash: it was never loaded, or it was evicted.
	#[error("model {} is not loaded", hex(hash))]
	ModelNotLoaded {
		/// The model id.
		hash: [u8; 32],
	},
	/// Loading or running did not finish within the configured time.
	#[error("timed out after {millis} ms")]
	Timeout {
		/// The limit that was exceeded, in milliseconds.
		millis: u128,
	},
	/// Every inference slot stayed busy until the deadline of the call.
	#[error("all {slots} inference slots stayed busy for {millis} ms")]
	Busy {
		/// Number of slots ([`EngineConfig::max_concurrency`](crate::EngineConfig)).
		slots: u64,
		/// How long the call waited, in milliseconds.
		millis: u128,
	},
	/// A local resource could not be obtained (e.g. no worker thread could be spawned).
	#[error("resource exhausted: {detail}")]
	ResourceExhausted {
		/// What was missing.
		detail: String,
	},
	/// tract panicked. The panic was contained; the engine remains usable.
	#[error("inference engine panicked: {message}")]
	Panicked {
		/// The panic message, when it was a string.
		message: String,
	},
	/// The engine runs in [`ExecutionMode::Deterministic`](crate::ExecutionMode) but tract
	/// selected CPU-specific kernels in this process before the engine could pin the portable
	/// ones (kernels are chosen once per process): a local misconfiguration, never revealed.
	#[error(
		"the portable kernels of the deterministic mode are not in use in this process (tract \
		 selected {isa}); run deterministic models in a process of their own"
	)]
	PortableKernelsUnavailable {
		/// The instruction set tract selected kernels for.
		isa: String,
	},
}

/// The kinds of [`EngineError`], without their details: labels for metrics.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum EngineErrorKind {
	/// [`EngineError::ModelTooLarge`].
	ModelTooLarge,
	/// [`EngineError::HashMismatch`].
	HashMismatch,
	/// [`EngineError::InvalidModel`].
	InvalidModel,
	/// [`EngineError::UnsupportedOperator`].
	UnsupportedOperator,
	/// [`EngineError::FloatToDiscrete`].
	FloatToDiscrete,
	/// [`EngineError::NotDeterministic`].
	NotDeterministic,
	/// [`EngineError::ResourceBound`].
	ResourceBound,
	/// [`EngineError::SignatureMismatch`].
	SignatureMismatch,
	/// [`EngineError::InvalidSignature`].
	InvalidSignature,
	/// [`EngineError::InvalidInput`].
	InvalidInput,
	/// [`EngineError::InputTooLarge`].
	InputTooLarge,
	/// [`EngineError::Execution`].
	Execution,
	/// [`EngineError::InvalidOutput`].
	InvalidOutput,
	/// [`EngineError::ModelNotLoaded`].
	ModelNotLoaded,
	/// [`EngineError::Timeout`].
	Timeout,
	/// [`EngineError::Busy`].
	Busy,
	/// [`EngineError::ResourceExhausted`].
	ResourceExhausted,
	/// [`EngineError::Panicked`].
	Panicked,
	/// [`EngineError::PortableKernelsUnavailable`].
	PortableKernelsUnavailable,
}

impl EngineErrorKind {
	/// Every kind, in declaration order.
	pub const ALL: [EngineErrorKind; 19] = [
		EngineErrorKind::ModelTooLarge,
		EngineErrorKind::HashMismatch,
		EngineErrorKind::InvalidModel,
		EngineErrorKind::UnsupportedOperator,
		EngineErrorKind::FloatToDiscrete,
		EngineErrorKind::NotDeterministic,
		EngineErrorKind::ResourceBound,
		EngineErrorKind::SignatureMismatch,
		EngineErrorKind::InvalidSignature,
		EngineErrorKind::InvalidInput,
		EngineErrorKind::InputTooLarge,
		EngineErrorKind::Execution,
		EngineErrorKind::InvalidOutput,
		EngineErrorKind::ModelNotLoaded,
		EngineErrorKind::Timeout,
		EngineErrorKind::Busy,
		EngineErrorKind::ResourceExhausted,
		EngineErrorKind::Panicked,
		EngineErrorKind::PortableKernelsUnavailable,
	];

	/// Position of the kind in [`EngineErrorKind::ALL`].
	pub const fn index(self) -> usize {
		self as usize
	}

	/// A `snake_case` label, e.g. `"unsupported_operator"`.
	pub const fn name(self) -> &'static str {
		match self {
			EngineErrorKind::ModelTooLarge => "model_too_large",
			EngineErrorKind::HashMismatch => "hash_mismatch",
			EngineErrorKind::InvalidModel => "invalid_model",
			EngineErrorKind::UnsupportedOperator => "unsupported_operator",
			EngineErrorKind::FloatToDiscrete => "float_to_discrete",
			EngineErrorKind::NotDeterministic => "not_deterministic",
			EngineErrorKind::ResourceBound => "resource_bound",
			EngineErrorKind::SignatureMismatch => "signature_mismatch",
			EngineErrorKind::InvalidSignature => "invalid_signature",
			EngineErrorKind::InvalidInput => "invalid_input",
			EngineErrorKind::InputTooLarge => "input_too_large",
			EngineErrorKind::Execution => "execution",
			EngineErrorKind::InvalidOutput => "invalid_output",
			EngineErrorKind::ModelNotLoaded => "model_not_loaded",
			EngineErrorKind::Timeout => "timeout",
			EngineErrorKind::Busy => "busy",
			EngineErrorKind::ResourceExhausted => "resource_exhausted",
			EngineErrorKind::Panicked => "panicked",
			EngineErrorKind::PortableKernelsUnavailable => "portable_kernels_unavailable",
		}
	}
}

impl EngineError {
	/// The kind of this error.
	pub fn kind(&self) -> EngineErrorKind {
		match self {
			EngineError::ModelTooLarge { .. } => EngineErrorKind::ModelTooLarge,
			EngineError::HashMismatch { .. } => EngineErrorKind::HashMismatch,
			EngineError::InvalidModel { .. } => EngineErrorKind::InvalidModel,
			EngineError::UnsupportedOperator { .. } => EngineErrorKind::UnsupportedOperator,
			EngineError::FloatToDiscrete { .. } => EngineErrorKind::FloatToDiscrete,
			EngineError::NotDeterministic { .. } => EngineErrorKind::NotDeterministic,
			EngineError::ResourceBound { .. } => EngineErrorKind::ResourceBound,
			EngineError::SignatureMismatch { .. } => EngineErrorKind::SignatureMismatch,
			EngineError::InvalidSignature { .. } => EngineErrorKind::InvalidSignature,
			EngineError::InvalidInput { .. } => EngineErrorKind::InvalidInput,
			EngineError::InputTooLarge { .. } => EngineErrorKind::InputTooLarge,
			EngineError::Execution { .. } => EngineErrorKind::Execution,
			EngineError::InvalidOutput { .. } => EngineErrorKind::InvalidOutput,
			EngineError::ModelNotLoaded { .. } => EngineErrorKind::ModelNotLoaded,
			EngineError::Timeout { .. } => EngineErrorKind::Timeout,
			EngineError::Busy { .. } => EngineErrorKind::Busy,
			EngineError::ResourceExhausted { .. } => EngineErrorKind::ResourceExhausted,
			EngineError::Panicked { .. } => EngineErrorKind::Panicked,
			EngineError::PortableKernelsUnavailable { .. } => {
				EngineErrorKind::PortableKernelsUnavailable
			}
		}
	}

	/// The on-chain failure code of this error, one of the
	/// [`error_code`] constants:
	///
	/// | Error                                                     | Code                   |
	/// |-----------------------------------------------------------|------------------------|
	/// | `InvalidInput`, `SignatureMismatch { side: Inputs, .. }`  | `INVALID_INPUT`        |
	/// | `UnsupportedOperator`                                     | `UNSUPPORTED_OPERATOR` |
	/// | `FloatToDiscrete`                                         | `FLOAT_TO_DISCRETE`    |
	/// | `NotDeterministic`                                        | `NOT_DETERMINISTIC`    |
	/// | `ResourceBound`                                           | `RESOURCE_BOUND`       |
	/// | `InvalidModel`, `Execution`                               | `MODEL_EXECUTION`      |
	/// | `InvalidOutput`, `InvalidSignature`                       | `OUTPUT_SIGNATURE`     |
	/// | `SignatureMismatch { side: Outputs, .. }`                 | `OUTPUT_SIGNATURE`     |
	/// | `ModelTooLarge`, `InputTooLarge`, `Busy`                  | `RESOURCE_LIMIT`       |
	/// | `ResourceExhausted`, `Panicked`                           | `RESOURCE_LIMIT`       |
	/// | `Timeout`                                                 | `TIMEOUT`              |
	/// | `HashMismatch`, `ModelNotLoaded`                          | `MODEL_UNAVAILABLE`    |
	/// | `PortableKernelsUnavailable`                              | `MODEL_UNAVAILABLE`    |
	///
	/// A panic is reported as a resource failure: tract panics on internal invariant
	/// violations and capacity overflows, and nothing guarantees another machine panics too.
	/// `ResourceBound` differs from `RESOURCE_LIMIT` in that it is computed from the model and
	/// the engine's bounds alone, before running anything: every attestor running the same
	/// engine version with the bounds the chain mandates reaches it.
	pub fn code(&self) -> u16 {
		match self {
			EngineError::InvalidInput { .. } => error_code::INVALID_INPUT,
			EngineError::SignatureMismatch { side: SignatureSide::Inputs, .. } => {
				error_code::INVALID_INPUT
			}
			EngineError::UnsupportedOperator { .. } => error_code::UNSUPPORTED_OPERATOR,
			EngineError::FloatToDiscrete { .. } => error_code::FLOAT_TO_DISCRETE,
			EngineError::NotDeterministic { .. } => error_code::NOT_DETERMINISTIC,
			EngineError::ResourceBound { .. } => error_code::RESOURCE_BOUND,
			EngineError::InvalidModel { .. } | EngineError::Execution { .. } => {
				error_code::MODEL_EXECUTION
			}
			EngineError::InvalidOutput { .. }
			| EngineError::InvalidSignature { .. }
			| EngineError::SignatureMismatch { side: SignatureSide::Outputs, .. } => {
				error_code::OUTPUT_SIGNATURE
			}
			EngineError::ModelTooLarge { .. }
			| EngineError::InputTooLarge { .. }
			| EngineError::Busy { .. }
			| EngineError::ResourceExhausted { .. }
			| EngineError::Panicked { .. } => error_code::RESOURCE_LIMIT,
			EngineError::Timeout { .. } => error_code::TIMEOUT,
			EngineError::HashMismatch { .. }
			| EngineError::ModelNotLoaded { .. }
			| EngineError::PortableKernelsUnavailable { .. } => error_code::MODEL_UNAVAILABLE,
		}
	}

	/// Whether the failure is a property of the model and the inputs alone (invalid input,
	/// unsupported operator, float results made discrete, resource bounds of the model,
	/// signature mismatch, malformed model, execution error, invalid output), so that every honest attestor running the same engine version reaches it.
	///
	/// Non-deterministic failures (timeouts, local resource limits, panics, a missing or
	/// corrupt local copy of the model) depend on this machine and must never be revealed on
	/// chain. Always equal to
	/// [`error_code::is_deterministic`]
	/// of [`EngineError::code`].
	pub fn is_deterministic(&self) -> bool {
		match self {
			EngineError::InvalidInput { .. }
			| EngineError::UnsupportedOperator { .. }
			| EngineError::FloatToDiscrete { .. }
			| EngineError::NotDeterministic { .. }
			| EngineError::ResourceBound { .. }
			| EngineError::SignatureMismatch { .. }
			| EngineError::InvalidSignature { .. }
			| EngineError::InvalidModel { .. }
			| EngineError::Execution { .. }
			| EngineError::InvalidOutput { .. } => true,
			EngineError::ModelTooLarge { .. }
			| EngineError::HashMismatch { .. }
			| EngineError::InputTooLarge { .. }
			| EngineError::ModelNotLoaded { .. }
			| EngineError::Timeout { .. }
			| EngineError::Busy { .. }
			| EngineError::ResourceExhausted { .. }
			| EngineError::Panicked { .. }
			| EngineError::PortableKernelsUnavailable { .. } => false,
		}
	}
}

/// ` (reason)`, or nothing.
fn reason_suffix(reason: &Option<String>) -> String {
	reason.as_ref().map(|reason| format!(" ({reason})")).unwrap_or_default()
}

/// Lower-case hexadecimal encoding of a hash.
pub fn hex(bytes: &[u8]) -> String {
	use fmt::Write;
	bytes.iter().fold(String::with_capacity(bytes.len().saturating_mul(2)), |mut out, byte| {
		// Writing to a `String` cannot fail.
		let _ = write!(out, "{byte:02x}");
		out
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn one_of_each() -> Vec<EngineError> {
		let detail = String::from("x");
		vec![
			EngineError::ModelTooLarge { actual: 2, limit: 1 },
			EngineError::HashMismatch { expected: [0; 32], actual: [1; 32] },
			EngineError::InvalidModel { detail: detail.clone() },
			EngineError::UnsupportedOperator { name: detail.clone(), reason: None },
			EngineError::FloatToDiscrete { node: detail.clone(), op: detail.clone() },
			EngineError::NotDeterministic {
				node: detail.clone(),
				op: detail.clone(),
				reason: detail.clone(),
			},
			EngineError::ResourceBound { detail: detail.clone() },
			EngineError::SignatureMismatch { side: SignatureSide::Inputs, detail: detail.clone() },
			EngineError::InvalidSignature { detail: detail.clone() },
			EngineError::InvalidInput { detail: detail.clone() },
			EngineError::InputTooLarge { actual: 2, limit: 1 },
			EngineError::Execution { detail: detail.clone() },
			EngineError::InvalidOutput { detail: detail.clone() },
			EngineError::ModelNotLoaded { hash: [2; 32] },
			EngineError::Timeout { millis: 1 },
			EngineError::Busy { slots: 1, millis: 1 },
			EngineError::ResourceExhausted { detail: detail.clone() },
			EngineError::Panicked { message: detail.clone() },
			EngineError::PortableKernelsUnavailable { isa: detail },
		]
	}

	#[test]
	fn kinds_are_listed_in_order() {
		let errors = one_of_each();
		assert_eq!(errors.len(), EngineErrorKind::ALL.len());
		for (index, (error, kind)) in errors.iter().zip(EngineErrorKind::ALL).enumerate() {
			assert_eq!(error.kind(), kind);
			assert_eq!(kind.index(), index);
		}
	}

	#[test]
	fn determinism_agrees_with_the_code_table() {
		let mut errors = one_of_each();
		errors.push(EngineError::SignatureMismatch {
			side: SignatureSide::Outputs,
			detail: String::new(),
		});
		for error in errors {
			assert!(error_code::is_known(error.code()), "{error}");
			assert_eq!(
				error.is_deterministic(),
				error_code::is_deterministic(error.code()),
				"{error}"
			);
		}
	}

	#[test]
	fn hashes_display_as_hex() {
		assert_eq!(hex(&[0x00, 0xab, 0x10]), "00ab10");
		let error = EngineError::ModelNotLoaded { hash: [0xff; 32] };
		assert_eq!(error.to_string(), format!("model {} is not loaded", "ff".repeat(32)));
	}
}
