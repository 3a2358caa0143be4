//! Commit-reveal of inference outcomes.
//!
//! An attestor first publishes [`commitment`]`(attestor, job_id, outcome, salt)`, then, once
//! the commit phase is over, reveals `outcome` and `salt`; the chain recomputes the commitment
//! (see [`verify_reveal`]). The preimage is laid out byte by byte in the
//! [crate documentation](crate#commitment-preimage).
//!
//! Binding the attestor account and the job id into the preimage means a commitment copied
//! from another attestor, or from another job, never verifies for the copier: they cannot
//! replay someone else's commitment and later reveal the victim's outcome as their own.

use crate::{
	compare::{outputs_agree, ComparisonPolicy},
	tensor::Tensors,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Domain separator at the start of every commitment preimage (13 bytes, no length prefix).
pub const COMMITMENT_DOMAIN: [u8; 13] = *b"opg/commit/v1";

/// Random 32-byte salt chosen by the attestor for each commitment; it keeps an outcome secret
/// until it is revealed. Never reuse a salt.
pub type Salt = [u8; 32];

/// A 32-byte blake2b-256 commitment.
pub type Commitment = [u8; 32];

pub mod error_code {
	//! Failure codes of [`InferenceOutcome::Failure`](super::InferenceOutcome::Failure).
	//!
	//! | Code | Constant                 | Meaning                                                | Deterministic |
	//! |------|--------------------------|--------------------------------------------------------|---------------|
	//! | 1    | [`INVALID_INPUT`]        | Inputs rejected by the model or its signature          | yes           |
	//! | 2    | [`UNSUPPORTED_OPERATOR`] | The model uses an operator/opset the executor lacks    | yes*          |
	//! | 3    | [`MODEL_EXECUTION`]      | The executor reported an error while running the model | yes*          |
	//! | 4    | [`OUTPUT_SIGNATURE`]     | Outputs do not match the model's declared signature    | yes           |
	//! | 5    | [`RESOURCE_LIMIT`]       | Local memory or compute limits were exceeded           | no            |
	//! | 6    | [`TIMEOUT`]              | Execution exceeded the local time limit                | no            |
	//! | 7    | [`MODEL_UNAVAILABLE`]    | The model could not be fetched or loaded locally       | no            |
	//! | 8    | [`FLOAT_TO_DISCRETE`]    | The model makes float arithmetic results discrete      | yes*          |
	//! | 9    | [`RESOURCE_BOUND`]       | The model may exceed the executor's memory/work bounds | yes*          |
	//! | 10   | [`NOT_DETERMINISTIC`]    | A deterministic model uses an operator outside the set | yes*          |
	//!
	//! *Deterministic* failures depend only on the model, the inputs and (for the starred codes)
	//! the executor version mandated by the chain, so honest attestors agree on them and the chain
	//! may settle a job on them. Non-deterministic failures depend on the attestor's machine or
	//! network; honest attestors may disagree, so the chain should treat them as abstentions
	//! rather than as a verdict about the job. Codes `0` and `11..=u16::MAX` are unassigned
	//! ([`is_known`] returns `false`); the chain should reject reveals carrying them.
	//!
	//! [`FLOAT_TO_DISCRETE`] exists because floats computed by a model may differ in their last
	//! bits between CPUs (SIMD kernels differ), which the comparison policies absorb, but a
	//! discrete operation (`ArgMax`, a comparison, a cast to an integer, ...) would turn that
	//! difference into a different answer and honest attestors would be outvoted. Executors
	//! refuse such models at load, from the graph alone, so every honest attestor reports this
	//! code instead of a CPU-dependent answer.
	//!
	//! [`RESOURCE_BOUND`] differs from [`RESOURCE_LIMIT`]: it is computed at load from the
	//! model, its signature and the executor's bounds on memory and work (mandated by the chain
	//! with the executor version), before anything runs, so every honest attestor reaches it;
	//! [`RESOURCE_LIMIT`] describes the attestor's own machine.
	//!
	//! [`NOT_DETERMINISTIC`] is the answer to a model registered under
	//! [`ComparisonPolicy::Deterministic`](crate::ComparisonPolicy::Deterministic) that uses an
	//! operator, attribute or element type the executor's deterministic mode does not cover:
	//! its outputs could differ in their last bits between CPUs, which an exact comparison
	//! cannot absorb. Decided at load from the graph alone.

	/// Inputs rejected by the model or its signature.
	pub const INVALID_INPUT: u16 = 1;
	/// The model uses an operator or opset version the executor does not support.
	pub const UNSUPPORTED_OPERATOR: u16 = 2;
	/// The executor reported an error while running the model.
	pub const MODEL_EXECUTION: u16 = 3;
	/// The model's outputs do not match its declared signature.
	pub const OUTPUT_SIGNATURE: u16 = 4;
	/// Local memory or compute limits were exceeded.
	pub const RESOURCE_LIMIT: u16 = 5;
	/// Execution exceeded the local time limit.
	pub const TIMEOUT: u16 = 6;
	/// The model could not be fetched or loaded locally.
	pub const MODEL_UNAVAILABLE: u16 = 7;
	/// The model feeds the result of float arithmetic into a discrete operation (an argmax, a
	/// comparison, a cast to an integer, ...), whose answer would then depend on the CPU.
	pub const FLOAT_TO_DISCRETE: u16 = 8;
	/// For some input its signature admits, the model may need more memory or work than the
	/// executor's bounds allow, or its needs cannot be bounded before running it.
	pub const RESOURCE_BOUND: u16 = 9;
	/// The model is registered as deterministic but uses an operator, attribute or element
	/// type outside the executor's deterministic set.
	pub const NOT_DETERMINISTIC: u16 = 10;

	/// Whether `code` is one of the codes defined in this module.
	pub const fn is_known(code: u16) -> bool {
		matches!(code, INVALID_INPUT..=NOT_DETERMINISTIC)
	}

	/// Whether `code` is a deterministic failure that honest attestors agree on (see the
	/// [module documentation](self)). Unknown codes are not deterministic.
	pub const fn is_deterministic(code: u16) -> bool {
		matches!(
			code,
			INVALID_INPUT
				| UNSUPPORTED_OPERATOR
				| MODEL_EXECUTION
				| OUTPUT_SIGNATURE
				| FLOAT_TO_DISCRETE
				| RESOURCE_BOUND
				| NOT_DETERMINISTIC
		)
	}
}

/// The result of running a job's model on its inputs.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum InferenceOutcome {
	/// The model ran and produced these outputs.
	#[codec(index = 0)]
	Success(Tensors),
	/// The model could not be run; the value is one of the [`error_code`]s.
	#[codec(index = 1)]
	Failure(u16),
}

impl InferenceOutcome {
	/// The hash an agreed outcome is known by on chain: the job's `result_hash` (storage,
	/// events, the runtime API) and the `claimed` hash of a challenge. The blake2-256 of the
	/// outcome's SCALE encoding.
	pub fn hash(&self) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&self.encode())
	}
}

/// The exact bytes hashed by [`commitment`]: the SCALE encoding of the tuple
/// `(COMMITMENT_DOMAIN, attestor, job_id, outcome, salt)`.
///
/// `attestor` is the raw account id bytes (32 bytes for an `AccountId32`) and is encoded as a
/// byte vector, i.e. with a compact length prefix.
pub fn commitment_preimage(
	attestor: &[u8],
	job_id: u64,
	outcome: &InferenceOutcome,
	salt: &Salt,
) -> Vec<u8> {
	(&COMMITMENT_DOMAIN, attestor, job_id, outcome, salt).encode()
}

/// `blake2_256(`[`commitment_preimage`]`(attestor, job_id, outcome, salt))`.
pub fn commitment(
	attestor: &[u8],
	job_id: u64,
	outcome: &InferenceOutcome,
	salt: &Salt,
) -> Commitment {
	sp_crypto_hashing::blake2_256(&commitment_preimage(attestor, job_id, outcome, salt))
}

/// Whether a revealed `(outcome, salt)` opens `commitment` for this attestor and job.
pub fn verify_reveal(
	commitment: &Commitment,
	attestor: &[u8],
	job_id: u64,
	outcome: &InferenceOutcome,
	salt: &Salt,
) -> bool {
	self::commitment(attestor, job_id, outcome, salt) == *commitment
}

/// Whether two outcomes agree under `policy`.
///
/// Two successes agree iff their outputs agree ([`outputs_agree`]); two failures agree iff
/// they carry the same code (whatever the policy, and whether or not the code is
/// [deterministic](error_code::is_deterministic)); a success never agrees with a failure.
pub fn outcomes_agree(
	policy: &ComparisonPolicy,
	a: &InferenceOutcome,
	b: &InferenceOutcome,
) -> bool {
	match (a, b) {
		(InferenceOutcome::Success(a), InferenceOutcome::Success(b)) => outputs_agree(policy, a, b),
		(InferenceOutcome::Failure(a), InferenceOutcome::Failure(b)) => a == b,
		_ => false,
	}
}
