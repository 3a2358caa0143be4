//! # Inference pallet
//!
//! A content-addressed registry of ONNX models and inference jobs whose outputs are computed by
//! several independent validators and finalised on chain only when a quorum of them agrees.
//!
//! ## Models
//!
//! A model is identified by the blake2-256 hash of its ONNX bytes. [`Pallet::register_model`]
//! takes the bytes (up to [`Config::MaxModelBytes`]), keeps only the hash and metadata in state
//! and hands the bytes to nodes through offchain indexing under [`model_index_key`]. Large models
//! are registered by hash, size and URI with [`Pallet::register_model_by_uri`]; nodes fetch and
//! verify them. A URI registration is *unproven* until a job on it is finalised (a quorum of
//! validators fetched the bytes, checked the hash and ran them); until then, whoever registers
//! the same hash with its bytes supersedes it, so nobody can squat a hash without the bytes.
//! The registrant's deposit is held while the model is active; [`Pallet::retire_model`] stops
//! new jobs, lets running jobs finish and releases it. Metadata never changes after
//! registration: a dApp that pins a hash pins its signature and comparison policy.
//!
//! ## Jobs
//!
//! The life cycle, one module per step, in the order things happen:
//!
//! 1. `submission`: [`Pallet::submit_job`] checks the input against the model's signature and
//!    holds the fee;
//! 2. `assignment`: [`Config::AssignmentDelay`] blocks later the attestors are drawn from the
//!    active, enabled validators with randomness from a block after the submission; a job gets
//!    the redundancy it paid for or waits (at most [`Config::MaxAssignmentWait`] blocks) for
//!    attestors with room, then fails with its fee refunded;
//! 3. `attestation`: each attestor posts `commitment(attestor, job, outcome, salt)` with
//!    [`Pallet::commit`], then, once every commitment is in or the commit window closed, the
//!    outcome and salt with [`Pallet::reveal`]. Both take a batch whose bad items are skipped
//!    with [`Event::AttestationSkipped`], so one extrinsic per block covers all of an attestor's
//!    jobs;
//! 4. `resolution`: once every committed attestor revealed (the next block) or the reveal window
//!    closed, reveals are grouped under the model's comparison policy; a quorum
//!    ([`Config::Quorum`] of the assigned attestors) finalises the job. Without a quorum the job
//!    escalates to a fresh, larger set of attestors, up to [`Config::MaxEscalations`] times, and
//!    then fails. Every round's outcome goes to [`Config::OnOutcome`];
//! 5. `challenge`: an agreed result is final at once for those who accept the quorum, and
//!    irreversible [`Config::ChallengeWindow`] blocks later. Until then anyone who re-executed
//!    the job and got another outcome can [`Pallet::challenge`] it with a bond: a re-execution
//!    round drawn from the active validators outside the standing quorum confirms the result
//!    (the bond pays for it), overturns it (the overturned quorum is reported, the challenger
//!    credited as the reporter and its bond returned) or ends without a quorum (the result
//!    stands, the bond is returned). The faults of attestors who disagreed with a result are
//!    reported only once it is irreversible, so an honest minority is never charged for a
//!    result that a challenge overturns;
//! 6. `pruning`: ended jobs leave state after [`Config::RetentionPeriod`], in `on_idle`.
//!
//! Deadlines live in the `agenda`: one entry per unfinished job, at the block its phase is due,
//! handled from `on_initialize` within [`Config::AgendaWeight`]; entries that do not fit wait for
//! the next block, so a burst of jobs is delayed, never lost. `views` answers the runtime API and
//! `invariants` holds `try_state`.
//!
//! The life cycle, the commitment scheme and every call, event and error are described in
//! `docs/inference.md`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod agenda;
mod assignment;
mod attestation;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod challenge;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod lifecycle;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod offchain;
mod pruning;
mod registry;
mod resolution;
mod submission;
#[cfg(test)]
mod tests;
pub mod types;
mod views;
pub mod weights;

pub use opg_inference_primitives as primitives;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::weights::Weight;

/// Receives how each round of a job ended: the hook for rewards and slashing.
pub trait OnJobOutcome<AccountId, Balance> {
	/// Called once per ended round. Returns the weight it used.
	fn on_round_end(outcome: &RoundOutcome<AccountId, Balance>) -> Weight;
	/// An upper bound of [`Self::on_round_end`]'s weight for a round of `attestors` attestors.
	fn max_weight(attestors: u32) -> Weight;
}

impl<AccountId, Balance> OnJobOutcome<AccountId, Balance> for () {
	fn on_round_end(_: &RoundOutcome<AccountId, Balance>) -> Weight {
		Weight::zero()
	}
	fn max_weight(_: u32) -> Weight {
		Weight::zero()
	}
}

/// The accounts that may be assigned as attestors: the active validator set.
pub trait AttestorSet<AccountId> {
	/// The accounts that may be drawn now, in a deterministic order: active validators that
	/// are neither disabled (after an offence) nor chilled.
	fn attestors() -> Vec<AccountId>;
	/// At least as many as [`Self::attestors`] returns, read more cheaply: submissions check
	/// their redundancy against it without reading every validator. A job whose redundancy
	/// passes this bound but finds too few attestors at its draw waits, then fails with a
	/// refund, as any job that finds too few attestors with room.
	fn attestor_count() -> u32 {
		Self::attestors().len() as u32
	}
	/// The attestor a transaction signer acts for: its own account, or the validator whose
	/// `infr` session key signed. `None` when the signer is neither.
	fn attestor_of(signer: &AccountId) -> Option<AccountId>;
	/// Replaces the attestors, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_attestors(attestors: Vec<AccountId>);
}

/// The key type of attestor keys in the session keys: `infr`.
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"infr");

/// The attestor key: sr25519 under [`KEY_TYPE`], and its signing identity for the off-chain
/// worker's transactions.
pub mod crypto {
	use super::KEY_TYPE;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// Signs the worker's transactions with the `infr` key, for runtimes with `MultiSignature`.
	pub struct AttestorAuthId;
	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for AttestorAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

/// Offchain-indexing key under which the bytes of an inline model are handed to nodes.
pub fn model_index_key(model: &ModelHash) -> Vec<u8> {
	let mut key = b"opg/model/".to_vec();
	key.extend_from_slice(model.as_bytes());
	key
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::{DispatchErrorWithPostInfo, Pays, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use opg_inference_primitives::{InferenceOutcome, Tensors};
	use sp_core::H256;
	use sp_runtime::{traits::Saturating, Perbill};

	/// The in-code storage version: 1 since the agenda became a weight-bounded double map and
	/// pruning got its own queue (see [`crate::migrations::v1`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ frame_system::offchain::CreateSignedTransaction<Call<Self>>
	{
		/// The key the off-chain worker signs attestations with (the `infr` session key).
		type AuthorityId: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>;
		/// The currency of fees and deposits.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who may be assigned as an attestor.
		type Attestors: AttestorSet<Self::AccountId>;
		/// Randomness for the draw of attestors; BABE's per-block VRF output in the runtime.
		type Randomness: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;
		/// Receives every ended round: rewards and slashing.
		type OnOutcome: OnJobOutcome<Self::AccountId, BalanceOf<Self>>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Largest ONNX model registered with its bytes.
		#[pallet::constant]
		type MaxModelBytes: Get<u32>;
		/// Largest ONNX model registered by URI. Nodes fetch exactly the registered size, which
		/// this bounds, and size their engine's model limit from this runtime constant.
		#[pallet::constant]
		type MaxRemoteModelBytes: Get<u32>;
		/// Longest model name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;
		/// Longest model URI, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;
		/// Deposit held for every registered model.
		#[pallet::constant]
		type ModelDepositBase: Get<BalanceOf<Self>>;
		/// Deposit held per byte of a model registered with its bytes (nodes store them).
		#[pallet::constant]
		type ModelDepositPerByte: Get<BalanceOf<Self>>;
		/// Largest job input, in canonical-tensor data bytes (zero-length axes counted as 1).
		#[pallet::constant]
		type MaxInputBytes: Get<u32>;
		/// Largest revealed output, in canonical-tensor data bytes.
		#[pallet::constant]
		type MaxOutputBytes: Get<u32>;
		/// Largest `max_ulps` of an `Ulps` comparison policy.
		#[pallet::constant]
		type MaxUlps: Get<u32>;
		/// Largest absolute tolerance of an `AbsRel` policy, in units of 10^-9.
		#[pallet::constant]
		type MaxAbsTolerance: Get<u64>;
		/// Largest relative tolerance of an `AbsRel` policy, in units of 10^-9.
		#[pallet::constant]
		type MaxRelTolerance: Get<u32>;
		/// The resources (tensor memory, multiply-accumulates, input elements) a model may need
		/// for one inference. The off-chain worker sends them with every request, and the
		/// validators' engines refuse a model above them with the deterministic
		/// `RESOURCE_BOUND` (code 9) before running it: all alike, since the bounds come from
		/// here rather than from each node.
		#[pallet::constant]
		type InferenceBounds: Get<opg_inference_primitives::ResourceBounds>;
		/// Most attestors of one round (and so of one job).
		#[pallet::constant]
		type MaxRedundancy: Get<u32>;
		/// Most accounts [`Config::Attestors`] returns (in the runtime, the most validators of
		/// a session). The block's first draw reads them all, and the agenda keeps room for
		/// that.
		#[pallet::constant]
		type MaxAttestors: Get<u32>;
		/// Paid to each attestor in the agreeing quorum.
		#[pallet::constant]
		type AttestationFee: Get<BalanceOf<Self>>;
		/// Blocks between a submission (or escalation) and the draw of attestors; at least 2, so
		/// the randomness comes from a block whose author the submitter could not know.
		#[pallet::constant]
		type AssignmentDelay: Get<BlockNumberFor<Self>>;
		/// Blocks a job waits for enough attestors with room before it fails with a refund.
		#[pallet::constant]
		type MaxAssignmentWait: Get<BlockNumberFor<Self>>;
		/// Blocks the assigned attestors have to commit.
		#[pallet::constant]
		type CommitWindow: Get<BlockNumberFor<Self>>;
		/// Blocks the committed attestors have to reveal.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;
		/// Share of the assigned attestors that must agree (rounded up, at least one).
		#[pallet::constant]
		type Quorum: Get<Perbill>;
		/// Escalation rounds after the first before a job fails.
		#[pallet::constant]
		type MaxEscalations: Get<u32>;
		/// Blocks an ended job stays in state before it is pruned.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;
		/// Weight `on_initialize` may spend on the agenda (draws, deadlines, resolutions) per
		/// block; what does not fit is handled in the next blocks.
		#[pallet::constant]
		type AgendaWeight: Get<Weight>;
		/// Most blocks the agenda may run behind before submissions are refused with
		/// [`Error::AgendaBehind`]: a job admitted while the chain catches up would only wait
		/// longer, and its draw would take weight from the jobs already waiting.
		#[pallet::constant]
		type MaxAgendaLag: Get<BlockNumberFor<Self>>;
		/// Most unfinished jobs assigned to one attestor.
		#[pallet::constant]
		type MaxJobsPerAttestor: Get<u32>;
		/// Most items in one `commit` or `reveal` batch.
		#[pallet::constant]
		type MaxBatch: Get<u32>;
		/// Blocks after a job's result is agreed during which it can be challenged; at least 1.
		/// The result is irreversible when the window closes.
		#[pallet::constant]
		type ChallengeWindow: Get<BlockNumberFor<Self>>;
		/// The fixed part of a challenge's bond. It pays the re-execution's attestation fees
		/// when the challenge fails, so it must cover `AttestationFee` for `MaxRedundancy`
		/// attestors.
		#[pallet::constant]
		type ChallengeBondBase: Get<BalanceOf<Self>>;
		/// The part of a challenge's bond proportional to the job's fee: the more a job is
		/// worth, the more a frivolous challenge of it costs.
		#[pallet::constant]
		type ChallengeBondShare: Get<Perbill>;
		/// Most challenges of one job. A challenge that overturns a result opens a new window
		/// for the new result until this many were made.
		#[pallet::constant]
		type MaxChallenges: Get<u32>;
	}

	/// Why funds are held by this pallet.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered model.
		ModelDeposit,
		/// The fee of an unfinished job.
		JobFee,
		/// The bond of a challenge being re-executed.
		ChallengeBond,
	}

	/// Registered models by hash.
	#[pallet::storage]
	pub type Models<T: Config> = StorageMap<_, Identity, ModelHash, ModelInfoOf<T>>;

	/// The id of the next job.
	#[pallet::storage]
	pub type NextJobId<T: Config> = StorageValue<_, JobId, ValueQuery>;

	/// Jobs until they are pruned.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, JobOf<T>>;

	/// The input of each job, until it is pruned.
	#[pallet::storage]
	pub type Inputs<T: Config> = StorageMap<_, Twox64Concat, JobId, Tensors>;

	/// Valid reveals of the current round: job and attestor index to outcome.
	#[pallet::storage]
	pub type Reveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Twox64Concat, u32, InferenceOutcome>;

	/// The agreed outcome of each ended job, until it is pruned.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, JobId, InferenceOutcome>;

	/// Unfinished jobs in which an attestor is assigned.
	#[pallet::storage]
	pub type AttestorJobs<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<JobId, T::MaxJobsPerAttestor>,
		ValueQuery,
	>;

	/// Set at the block where a draw found too few attestors with room, because they all had
	/// `MaxJobsPerAttestor` unfinished jobs; cleared when an assignment ends and frees room.
	/// While it is set, submissions are refused with [`Error::AttestorsBusy`]: the jobs already
	/// waiting are drawn first, and no job is admitted only to fail `NotEnoughAttestors`.
	#[pallet::storage]
	pub type AttestorsFullSince<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The agenda: every unfinished job once, under the block its phase is due (for a job
	/// waiting for attestors, the next block it tries again).
	#[pallet::storage]
	pub type Agenda<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, JobId, ()>;

	/// The first block whose agenda may still hold entries.
	#[pallet::storage]
	pub type AgendaCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Jobs whose agreed result has dissenters or was challenged: who stands behind the result,
	/// who disagreed, and the challenge being re-executed (see [`Dispute`]).
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, JobId, DisputeOf<T>>;

	/// Ended jobs in the order they ended, with the block from which they may be pruned.
	#[pallet::storage]
	pub type PruneQueue<T: Config> = StorageMap<_, Twox64Concat, u64, (JobId, BlockNumberFor<T>)>;

	/// Positions of the first and one past the last entry of [`PruneQueue`].
	#[pallet::storage]
	pub type PruneQueueRange<T: Config> = StorageValue<_, (u64, u64), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered.
		ModelRegistered { model: ModelHash, owner: T::AccountId, size: u32, deposit: BalanceOf<T> },
		/// An unproven URI registration was replaced by a registration with the model's bytes;
		/// the previous owner's deposit was released.
		ModelSuperseded {
			model: ModelHash,
			previous_owner: T::AccountId,
			deposit_released: BalanceOf<T>,
		},
		/// A URI model was fetched, checked and run by a quorum: it can no longer be superseded.
		ModelProven { model: ModelHash },
		/// A model was retired: no new jobs; its deposit was released.
		ModelRetired { model: ModelHash, deposit_released: BalanceOf<T> },
		/// A job was submitted and its fee held.
		JobSubmitted {
			job_id: JobId,
			model: ModelHash,
			submitter: T::AccountId,
			redundancy: u32,
			max_fee: BalanceOf<T>,
		},
		/// Fewer attestors than the job's redundancy have room; the draw is tried again at
		/// `retry_at`.
		AssignmentDelayed {
			job_id: JobId,
			available: u32,
			needed: u32,
			retry_at: BlockNumberFor<T>,
		},
		/// Attestors were drawn for a round of a job.
		AttestorsAssigned { job_id: JobId, round: u32, attestors: Vec<T::AccountId> },
		/// An attestor committed to an outcome.
		Committed { job_id: JobId, attestor: T::AccountId },
		/// Every commitment is in or the commit window closed: reveals are open.
		RevealsOpened { job_id: JobId, deadline: BlockNumberFor<T> },
		/// An attestor revealed an outcome matching its commitment.
		Revealed { job_id: JobId, attestor: T::AccountId },
		/// An attestor revealed something that does not match its commitment: a fault.
		RevealMismatched { job_id: JobId, attestor: T::AccountId },
		/// An item of a `commit` or `reveal` batch was skipped; the rest of the batch landed.
		AttestationSkipped { job_id: JobId, attestor: T::AccountId, error: DispatchError },
		/// A quorum agreed on the output; its hash is `result_hash`. It can be challenged before
		/// block `challengeable_until`, and is irreversible from then on.
		JobFinalized {
			job_id: JobId,
			result_hash: H256,
			agreed: u32,
			fee_paid: BalanceOf<T>,
			challengeable_until: BlockNumberFor<T>,
		},
		/// The job ended without an output; `refunded` went back to the submitter and `burnt`
		/// was burnt from its fee.
		JobFailed {
			job_id: JobId,
			reason: FailureReason,
			refunded: BalanceOf<T>,
			burnt: BalanceOf<T>,
		},
		/// No quorum formed; a fresh, larger set of attestors will be drawn.
		JobEscalated { job_id: JobId, round: u32, redundancy: u32 },
		/// An ended job left state after its retention period.
		JobPruned { job_id: JobId },
		/// A job's agreed result was challenged; a re-execution round of `redundancy` attestors
		/// outside its quorum will be drawn.
		JobChallenged {
			job_id: JobId,
			challenger: T::AccountId,
			claimed: H256,
			bond: BalanceOf<T>,
			redundancy: u32,
		},
		/// The re-execution agreed with the challenged result: it stands and is irreversible.
		/// The bond paid `paid` to the re-execution's attestors; the rest, `burnt`, was burnt.
		ResultConfirmed {
			job_id: JobId,
			challenger: T::AccountId,
			paid: BalanceOf<T>,
			burnt: BalanceOf<T>,
		},
		/// The re-execution's quorum disagreed with the challenged result and replaced it; the
		/// challenger's bond was returned. The new result can be challenged before
		/// `challengeable_until`, or is irreversible at once when that is `None`.
		ResultOverturned {
			job_id: JobId,
			challenger: T::AccountId,
			previous_hash: H256,
			result_hash: H256,
			challengeable_until: Option<BlockNumberFor<T>>,
		},
		/// The re-execution reached no quorum or could not be drawn: the challenged result
		/// stands and is irreversible; the challenger's bond was returned.
		ChallengeUnresolved { job_id: JobId, challenger: T::AccountId },
		/// A job's challenge window closed: its result is irreversible and the attestors who
		/// disagreed with it were reported.
		ResultIrreversible { job_id: JobId, dissenters: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A model with these bytes is already registered. Use the existing hash.
		ModelAlreadyRegistered,
		/// The model is larger than `MaxModelBytes` (inline) or `MaxRemoteModelBytes` (by URI).
		/// Register large models by URI.
		ModelTooLarge,
		/// A model must have at least one byte.
		EmptyModel,
		/// No model with this hash is registered.
		ModelNotFound,
		/// The model is retired and takes no new jobs.
		ModelRetired,
		/// Only the model's owner may retire it.
		NotModelOwner,
		/// The model's input/output signature is malformed: it needs at least one input and
		/// one output, each with a valid shape.
		InvalidModelSignature,
		/// The declared outputs, with every dynamic axis at 1, already exceed `MaxOutputBytes`:
		/// no job of this model could ever be revealed.
		OutputsTooLarge,
		/// The comparison policy is malformed (a relative tolerance above 100%), or is a
		/// tolerance on a model with integer or bool outputs, which must use `Exact` (or
		/// `Deterministic`).
		InvalidPolicy,
		/// The comparison policy's tolerance is above the chain's bound (`MaxUlps`,
		/// `MaxAbsTolerance` or `MaxRelTolerance`): it would let any output agree.
		ToleranceTooLarge,
		/// The URI does not start with `https://` or `ipfs://`, or is empty.
		InvalidUri,
		/// The redundancy is zero, above `MaxRedundancy`, or above the number of validators.
		InvalidRedundancy,
		/// The input does not match the model's input signature, or a tensor is malformed.
		InvalidInput,
		/// The input is larger than `MaxInputBytes` (zero-length axes counted as 1).
		InputTooLarge,
		/// `max_fee` does not cover `AttestationFee` for every requested attestor.
		FeeTooLow,
		/// The account cannot pay the deposit or the fee.
		InsufficientBalance,
		/// No job with this id (it may have been pruned).
		JobNotFound,
		/// The caller is not an attestor of this job's current round (nor the `infr` key of
		/// one).
		NotAssigned,
		/// The job is not accepting commitments: the window closed or the job ended.
		CommitWindowClosed,
		/// The caller already committed to this job.
		AlreadyCommitted,
		/// The job is not accepting reveals: commitments are still being collected, or the
		/// reveal window closed.
		RevealsNotOpen,
		/// The caller did not commit to this job, so it has nothing to reveal.
		NoCommitment,
		/// The caller already revealed for this job.
		AlreadyRevealed,
		/// The revealed output does not fit the model's output signature or `MaxOutputBytes`, or
		/// the revealed error code is not a deterministic model failure (a timeout or a local
		/// resource limit cannot be agreed on: such jobs must not be revealed).
		InvalidOutput,
		/// A batch must hold between one and `MaxBatch` items.
		InvalidBatch,
		/// The job has no agreed result to challenge: it is unfinished, or failed without a
		/// quorum.
		NotChallengeable,
		/// The job's result is irreversible: its challenge window closed, a challenge already
		/// settled it, or it was overturned `MaxChallenges` times.
		ChallengeWindowClosed,
		/// The job's result is already being re-executed for a challenge; watch its outcome.
		ChallengeInProgress,
		/// The claimed outcome is the job's result: there is nothing to challenge.
		ClaimMatchesResult,
		/// Every active validator is in the result's quorum: no fresh attestor can re-execute
		/// it.
		NoFreshAttestors,
		/// The agenda runs more than `MaxAgendaLag` blocks behind, so a new job would wait
		/// longer than its deadlines allow for. Submit again in a few blocks.
		AgendaBehind,
		/// Every attestor has `MaxJobsPerAttestor` unfinished jobs (see
		/// [`AttestorsFullSince`]). Submit again once some of them end, a few blocks later.
		AttestorsBusy,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_agenda(now)
		}

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune_expired(now, remaining)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_offchain_worker(now)
		}

		fn integrity_test() {
			assert!(
				T::AssignmentDelay::get() >= 2u32.into(),
				"AssignmentDelay must be at least 2 blocks"
			);
			assert!(T::CommitWindow::get() >= 1u32.into(), "CommitWindow must be at least 1");
			assert!(T::RevealWindow::get() >= 1u32.into(), "RevealWindow must be at least 1");
			assert!(T::MaxRedundancy::get() >= 1, "MaxRedundancy must be at least 1");
			assert!(
				T::MaxAttestors::get() >= T::MaxRedundancy::get(),
				"MaxAttestors must allow a round of MaxRedundancy attestors"
			);
			let bounds = T::InferenceBounds::get();
			assert!(
				bounds.max_tensor_bytes > 0 && bounds.max_macs > 0 && bounds.max_input_elements > 0,
				"InferenceBounds that are zero refuse every model"
			);
			assert!(T::MaxBatch::get() >= 1, "MaxBatch must be at least 1");
			assert!(T::ChallengeWindow::get() >= 1u32.into(), "ChallengeWindow must be at least 1");
			assert!(
				T::RetentionPeriod::get() > T::ChallengeWindow::get(),
				"a result must stay in state longer than it can be challenged: raise \
				 RetentionPeriod"
			);
			assert!(
				T::ChallengeBondBase::get()
					>= T::AttestationFee::get().saturating_mul(T::MaxRedundancy::get().into()),
				"ChallengeBondBase must pay a failed challenge's re-execution at MaxRedundancy"
			);
			assert!(
				T::MaxBatch::get() <= T::MaxJobsPerAttestor::get(),
				"a batch cannot hold more jobs than an attestor can have"
			);
			assert!(!T::Quorum::get().is_zero(), "Quorum must be positive");
			assert!(
				T::MaxRelTolerance::get() <= opg_inference_primitives::TOLERANCE_SCALE,
				"MaxRelTolerance cannot exceed 100%"
			);
			let limits = <T as frame_system::Config>::BlockWeights::get();
			let max_extrinsic =
				limits.get(DispatchClass::Operational).max_extrinsic.unwrap_or(limits.max_block);
			assert!(
				T::WeightInfo::reveal(T::MaxBatch::get(), T::MaxOutputBytes::get())
					.all_lte(max_extrinsic)
					&& T::WeightInfo::commit(T::MaxBatch::get()).all_lte(max_extrinsic),
				"a full commit or reveal batch must fit in a block: lower MaxBatch"
			);
			assert!(
				Self::max_agenda_item_weight().all_lte(T::AgendaWeight::get()),
				"the agenda's budget must fit its heaviest item: raise AgendaWeight"
			);
			assert!(
				T::AgendaWeight::get().all_lte(limits.max_block / 2),
				"the agenda may take at most half a block: lower AgendaWeight"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a model from its ONNX bytes. The bytes are hashed, handed to nodes by
		/// offchain indexing and not kept in state; a deposit proportional to their size is
		/// held from the caller. Supersedes an unproven URI registration of the same hash.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model(onnx.len() as u32))]
		pub fn register_model(
			origin: OriginFor<T>,
			onnx: Vec<u8>,
			metadata: ModelMetadataOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let size = u32::try_from(onnx.len()).map_err(|_| Error::<T>::ModelTooLarge)?;
			ensure!(size <= T::MaxModelBytes::get(), Error::<T>::ModelTooLarge);
			let model = ModelHash::from(sp_io::hashing::blake2_256(&onnx));
			Self::do_register(owner, model, size, ModelSource::Inline, metadata)?;
			sp_io::offchain_index::set(&model_index_key(&model), &onnx);
			Ok(())
		}

		/// Registers a model by the blake2-256 hash and size of its ONNX bytes, which nodes fetch
		/// from `uri` (`https://` or `ipfs://`) and verify against the hash. Until a job on it is
		/// finalised, a registration with the bytes supersedes it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_model_by_uri())]
		pub fn register_model_by_uri(
			origin: OriginFor<T>,
			model: ModelHash,
			size: u32,
			uri: BoundedVec<u8, T::MaxUriLength>,
			metadata: ModelMetadataOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			ensure!(size <= T::MaxRemoteModelBytes::get(), Error::<T>::ModelTooLarge);
			ensure!(
				uri.starts_with(b"https://") || uri.starts_with(b"ipfs://"),
				Error::<T>::InvalidUri
			);
			ensure!(uri.len() > "ipfs://".len(), Error::<T>::InvalidUri);
			Self::do_register(owner, model, size, ModelSource::Uri(uri), metadata)
		}

		/// Retires a model: it takes no new jobs, running jobs finish, and the owner's deposit
		/// is released. Only the owner may call it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_model())]
		pub fn retire_model(origin: OriginFor<T>, model: ModelHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire(who, model)
		}

		/// Submits an inference job: `input` must match the model's input signature;
		/// `redundancy` attestors (the model's default when `None`) compute it; `max_fee` is
		/// held and must cover `AttestationFee` per attestor. Unspent fee is refunded.
		///
		/// Refused with [`Error::AgendaBehind`] or [`Error::AttestorsBusy`] while the chain is
		/// at capacity (see `docs/inference.md`, "Admission control"); such a refusal holds
		/// nothing and is charged only the two reads that decided it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_job(Pallet::<T>::input_bytes(input)))]
		pub fn submit_job(
			origin: OriginFor<T>,
			model: ModelHash,
			input: Tensors,
			redundancy: Option<u32>,
			max_fee: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let submitter = ensure_signed(origin)?;
			match Self::do_submit(submitter, model, input, redundancy, max_fee) {
				Ok(_) => Ok(().into()),
				Err(error)
					if error == Error::<T>::AgendaBehind.into()
						|| error == Error::<T>::AttestorsBusy.into() =>
				{
					let actual_weight = Some(T::DbWeight::get().reads(2));
					Err(DispatchErrorWithPostInfo {
						post_info: PostDispatchInfo { actual_weight, pays_fee: Pays::Yes },
						error,
					})
				}
				Err(error) => Err(error.into()),
			}
		}

		/// Posts commitments for a batch of jobs, each
		/// `commitment(attestor, job_id, outcome, salt)`. An item that cannot be taken is
		/// skipped with [`Event::AttestationSkipped`]; the call fails only if every item does.
		///
		/// Commits and reveals are operational: a validator's duty, they take the block's
		/// reserved share and go ahead of ordinary transactions, so a pool full of submissions
		/// cannot hold back the attestations that end them. A sender that is not an attestor
		/// pays the fee and gets [`Error::NotAssigned`].
		#[pallet::call_index(4)]
		#[pallet::weight((T::WeightInfo::commit(commitments.len() as u32), DispatchClass::Operational))]
		pub fn commit(
			origin: OriginFor<T>,
			commitments: BoundedVec<(JobId, Commitment), T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = Self::ensure_attestor(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			Self::attest_batch(
				&who,
				commitments.into_iter(),
				|job_id, commitment| Self::do_commit(&who, job_id, commitment, now),
				T::WeightInfo::commit,
			)
		}

		/// Reveals the outcomes and salts of a batch of committed jobs. A reveal that does not
		/// match its commitment is recorded as a fault, not rejected; an item that cannot be
		/// taken is skipped with [`Event::AttestationSkipped`]. When the last attestor of a job
		/// reveals, the job is resolved in the next block.
		#[pallet::call_index(5)]
		#[pallet::weight((
			Pallet::<T>::reveal_weight(reveals.len() as u32, Pallet::<T>::output_bytes(reveals)),
			DispatchClass::Operational,
		))]
		pub fn reveal(
			origin: OriginFor<T>,
			reveals: BoundedVec<Reveal, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = Self::ensure_attestor(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let bytes = Self::output_bytes(&reveals);
			Self::attest_batch(
				&who,
				reveals.into_iter().map(|r| (r.job_id, r)),
				|_, reveal| Self::do_reveal(&who, reveal, now),
				|taken| Self::reveal_weight(taken, bytes),
			)
		}

		/// Challenges a job's agreed result, before its window closes, claiming the outcome
		/// whose hash (blake2-256 of its SCALE encoding) is `claimed`: `opg-node verify-job
		/// --challenge` computes it. Holds [`Pallet::challenge_bond`] from the caller and
		/// starts a re-execution round drawn from the active validators outside the result's
		/// quorum. The claim is recorded; the re-execution decides.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(origin: OriginFor<T>, job_id: JobId, claimed: H256) -> DispatchResult {
			let challenger = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			Self::do_challenge(challenger, job_id, claimed, now)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The attestor a signed origin acts for.
		fn ensure_attestor(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
			let signer = ensure_signed(origin)?;
			T::Attestors::attestor_of(&signer).ok_or_else(|| Error::<T>::NotAssigned.into())
		}

		/// Applies `apply` to every item of a batch, skipping (with an event) the items it
		/// refuses. Charges `weight` of the items taken plus a read per skipped item; fails with
		/// the first item's error when no item was taken.
		fn attest_batch<I>(
			who: &T::AccountId,
			items: impl ExactSizeIterator<Item = (JobId, I)>,
			mut apply: impl FnMut(JobId, I) -> DispatchResult,
			weight: impl Fn(u32) -> Weight,
		) -> DispatchResultWithPostInfo {
			ensure!(items.len() > 0, Error::<T>::InvalidBatch);
			let (mut taken, mut skipped) = (0u32, 0u32);
			let mut first_error = None;
			for (job_id, item) in items {
				match apply(job_id, item) {
					Ok(()) => taken.saturating_inc(),
					Err(error) => {
						skipped.saturating_inc();
						first_error.get_or_insert(error);
						Self::deposit_event(Event::AttestationSkipped {
							job_id,
							attestor: who.clone(),
							error,
						});
					}
				}
			}
			let actual = weight(taken).saturating_add(T::DbWeight::get().reads(skipped.into()));
			// Attesting is a validator's duty, paid by the job's fee: a batch whose every item
			// was taken costs its sender nothing (not even its length, which grows with outputs).
			let pays_fee = if skipped == 0 { Pays::No } else { Pays::Yes };
			let post_info = PostDispatchInfo { actual_weight: Some(actual), pays_fee };
			match first_error {
				Some(error) if taken == 0 => Err(DispatchErrorWithPostInfo { post_info, error }),
				_ => Ok(post_info),
			}
		}

		/// Total data bytes of a list of tensors, saturating.
		pub fn input_bytes(tensors: &Tensors) -> u32 {
			tensors.iter().fold(0u32, |acc, t| acc.saturating_add(t.data.len() as u32))
		}

		/// Data bytes of an outcome's tensors: what revealing, comparing and storing it costs
		/// in proportion to.
		pub fn outcome_bytes(outcome: &InferenceOutcome) -> u32 {
			match outcome {
				InferenceOutcome::Success(tensors) => Self::input_bytes(tensors),
				InferenceOutcome::Failure(_) => 0,
			}
		}

		/// The outcomes of a batch of reveals, in data bytes.
		pub fn output_bytes(reveals: &[Reveal]) -> u32 {
			reveals
				.iter()
				.fold(0u32, |total, r| total.saturating_add(Self::outcome_bytes(&r.outcome)))
		}

		/// The `b` component for `total` bytes of a weight benchmarked with `b` bytes in each of
		/// `max_items` items (the other component at its maximum): the slope of `b` is then
		/// `max_items` times the cost of a byte, so `total` bytes, however they are spread over
		/// the items, cost `total / max_items` of `b`, rounded up.
		pub fn bytes_component(total: u32, max_items: u32) -> u32 {
			total.div_ceil(max_items.max(1))
		}

		/// Weight of a `reveal` batch of `items` reveals carrying `bytes` of outputs in all.
		pub fn reveal_weight(items: u32, bytes: u32) -> Weight {
			T::WeightInfo::reveal(items, Self::bytes_component(bytes, T::MaxBatch::get()))
		}

		/// Weight of resolving one round of `attestors` attestors revealing outputs of up to
		/// `MaxOutputBytes`, with the outcome handler: a challenge's re-execution round also
		/// hands it the quorum it overturns.
		pub fn resolve_weight(attestors: u32) -> Weight {
			T::WeightInfo::resolve(attestors, T::MaxOutputBytes::get())
				.max(T::WeightInfo::settle_challenge(attestors))
				.saturating_add(T::OnOutcome::max_weight(attestors.saturating_mul(2)))
		}

		/// The heaviest thing one agenda entry can do: a draw (the block's first, which reads
		/// the attestors) or a resolution at the largest redundancy.
		pub fn max_agenda_item_weight() -> Weight {
			let r = T::MaxRedundancy::get();
			Self::resolve_weight(r)
				.max(
					T::WeightInfo::assign(r)
						.saturating_add(T::WeightInfo::draw_pool(T::MaxAttestors::get())),
				)
				.max(T::WeightInfo::close_commits())
				.max(Self::close_window_weight())
		}
	}
}

impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = crypto::Public;
}

/// Attestor keys need no per-session bookkeeping: the runtime maps a signing key to its
/// validator through the session pallet's key owners.
impl<T: Config> frame_support::traits::OneSessionHandler<T::AccountId> for Pallet<T> {
	type Key = crypto::Public;

	fn on_genesis_session<'a, I>(_validators: I)
	where
		I: Iterator<Item = (&'a T::AccountId, Self::Key)> + 'a,
	{
	}

	fn on_new_session<'a, I>(_changed: bool, _validators: I, _queued: I)
	where
		I: Iterator<Item = (&'a T::AccountId, Self::Key)> + 'a,
	{
	}

	fn on_disabled(_validator_index: u32) {}
}
