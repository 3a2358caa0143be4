//! Types stored and emitted by the inference pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*, traits::fungible::Inspect, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::{ComparisonPolicy, InferenceOutcome, ModelSignature, Tensors};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a model: blake2-256 of its ONNX bytes.
pub type ModelHash = H256;
/// Identifier of a job, assigned sequentially from 0.
pub type JobId = u64;
/// An attestor's commitment: see [`opg_inference_primitives::commitment`].
pub type Commitment = [u8; 32];

pub(crate) type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub(crate) type ModelInfoOf<T> = ModelInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as crate::Config>::MaxNameLength,
	<T as crate::Config>::MaxUriLength,
>;
pub(crate) type JobOf<T> = Job<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as crate::Config>::MaxRedundancy,
>;
pub(crate) type ModelMetadataOf<T> = ModelMetadata<<T as crate::Config>::MaxNameLength>;
pub(crate) type DisputeOf<T> = Dispute<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as crate::Config>::MaxRedundancy,
	DissentBound<T>,
>;
pub(crate) type SettlementOf<T> =
	Settlement<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Most attestors a [`Dispute`] can hold in dissent: a round's dissenters plus the quorum it
/// overturned.
pub struct DissentBound<T>(core::marker::PhantomData<T>);
impl<T: crate::Config> Get<u32> for DissentBound<T> {
	fn get() -> u32 {
		T::MaxRedundancy::get().saturating_mul(2)
	}
}

/// What the registrant declares about a model.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(NameLength))]
pub struct ModelMetadata<NameLength: Get<u32>> {
	/// Human-readable name, UTF-8.
	pub name: BoundedVec<u8, NameLength>,
	/// The registrant's version number of this model.
	pub version: u32,
	/// Input and output tensors of the graph.
	pub signature: ModelSignature,
	/// How two attestors' outputs are compared.
	pub policy: ComparisonPolicy,
	/// Attestors per job when the submitter does not choose.
	pub default_redundancy: u32,
}

/// Where nodes get a model's bytes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(UriLength))]
pub enum ModelSource<UriLength: Get<u32>> {
	/// The bytes came with the registration and were handed to nodes by offchain indexing.
	Inline,
	/// Nodes fetch the bytes from this `https://` or `ipfs://` URI and check their hash. Unproven:
	/// a registration with the bytes supersedes it.
	Uri(BoundedVec<u8, UriLength>),
	/// As [`ModelSource::Uri`], proven by a finalised job: a quorum of validators fetched the
	/// bytes, checked their hash and ran them.
	ProvenUri(BoundedVec<u8, UriLength>),
}

impl<UriLength: Get<u32>> ModelSource<UriLength> {
	/// The URI nodes fetch the bytes from, if the model was registered by URI.
	pub fn uri(&self) -> Option<&BoundedVec<u8, UriLength>> {
		match self {
			ModelSource::Inline => None,
			ModelSource::Uri(uri) | ModelSource::ProvenUri(uri) => Some(uri),
		}
	}
}

/// Whether a model accepts new jobs.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ModelStatus {
	/// New jobs are accepted.
	Active,
	/// The owner retired it: no new jobs; running jobs finish.
	Retired,
}

/// A registered model.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(NameLength, UriLength))]
pub struct ModelInfo<AccountId, Balance, BlockNumber, NameLength: Get<u32>, UriLength: Get<u32>> {
	/// Who registered it, paid its deposit and may retire it.
	pub owner: AccountId,
	/// The declared metadata.
	pub metadata: ModelMetadata<NameLength>,
	/// Size of the ONNX bytes.
	pub size: u32,
	/// Where the bytes are.
	pub source: ModelSource<UriLength>,
	/// Deposit held from the owner while the model is active.
	pub deposit: Balance,
	/// Active or retired.
	pub status: ModelStatus,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Jobs in storage that refer to this model; a retired model leaves storage at zero.
	pub jobs: u32,
}

/// One assigned attestor's progress in the current round.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Assignment<AccountId> {
	/// The attestor.
	pub attestor: AccountId,
	/// Its commitment, once posted.
	pub commitment: Option<Commitment>,
	/// What its reveal showed, once posted.
	pub reveal: RevealState,
}

/// The state of an attestor's reveal.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum RevealState {
	/// Nothing revealed yet.
	Pending,
	/// The reveal matched the commitment; the outcome is in `Reveals`.
	Valid,
	/// The reveal did not match the commitment: a fault.
	Mismatched,
}

/// Where a job is in its life cycle (see `docs/inference.md` for the diagram).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum JobPhase<BlockNumber> {
	/// Attestors are drawn at this block, from randomness the submitter could not know.
	Assigning { at: BlockNumber },
	/// Assigned attestors post commitments until the deadline.
	Committing { deadline: BlockNumber },
	/// Committed attestors reveal until the deadline.
	Revealing { deadline: BlockNumber },
	/// A quorum agreed on a successful output, stored in `Results`.
	Finalized { at: BlockNumber },
	/// The job ended without an output.
	Failed { at: BlockNumber, reason: FailureReason },
	/// Every committed attestor revealed before the deadline: the round is resolved at `at`.
	Resolving { at: BlockNumber },
}

impl<BlockNumber: Copy> JobPhase<BlockNumber> {
	/// The block the phase ends at, for an unfinished job.
	pub fn due(&self) -> Option<BlockNumber> {
		match *self {
			JobPhase::Assigning { at } | JobPhase::Resolving { at } => Some(at),
			JobPhase::Committing { deadline } | JobPhase::Revealing { deadline } => Some(deadline),
			JobPhase::Finalized { .. } | JobPhase::Failed { .. } => None,
		}
	}
}

/// Why a job ended without an output.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum FailureReason {
	/// A quorum agreed that the model rejects this input, with this error code.
	ModelError(u16),
	/// No quorum after the last escalation round; the fee was refunded.
	NoQuorum,
	/// Too few active validators with room to assign the job's redundancy within
	/// `MaxAssignmentWait`; the fee was refunded.
	NotEnoughAttestors,
	/// No attestor of the last round revealed an outcome: nobody could fetch or run the model.
	/// The round's attestation fees were burnt, the rest refunded.
	Unavailable,
}

/// An inference job.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxRedundancy))]
pub struct Job<AccountId, Balance, BlockNumber, MaxRedundancy: Get<u32>> {
	/// The model to run.
	pub model: ModelHash,
	/// Who submitted and pays.
	pub submitter: AccountId,
	/// Attestors requested for the first round.
	pub redundancy: u32,
	/// The fee held from the submitter; the unspent part is refunded.
	pub max_fee: Balance,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// Round number: 0 for the first assignment, +1 per escalation.
	pub round: u32,
	/// Where the job is.
	pub phase: JobPhase<BlockNumber>,
	/// The attestors of the current round, in assignment order.
	pub assignments: BoundedVec<Assignment<AccountId>, MaxRedundancy>,
	/// blake2-256 of the SCALE encoding of the agreed outcome, once the job ended by agreement.
	pub result_hash: Option<H256>,
}

impl<AccountId: PartialEq, Balance, BlockNumber, MaxRedundancy: Get<u32>>
	Job<AccountId, Balance, BlockNumber, MaxRedundancy>
{
	/// Index of `who` among the current round's attestors.
	pub fn position(&self, who: &AccountId) -> Option<usize> {
		self.assignments.iter().position(|a| &a.attestor == who)
	}

	/// Whether the job has ended (finalized or failed).
	pub fn is_done(&self) -> bool {
		matches!(self.phase, JobPhase::Finalized { .. } | JobPhase::Failed { .. })
	}
}

/// How one round of a job ended, for the [`crate::OnJobOutcome`] handler.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RoundOutcome<AccountId, Balance> {
	/// The job.
	pub job_id: JobId,
	/// The round.
	pub round: u32,
	/// Revealed the outcome the quorum agreed on. Empty when no quorum formed.
	pub agreed: Vec<AccountId>,
	/// Revealed an outcome the quorum disagreed with.
	pub disagreed: Vec<AccountId>,
	/// Revealed something that did not match their commitment.
	pub mismatched: Vec<AccountId>,
	/// Committed but never revealed: withheld their answer.
	pub withheld: Vec<AccountId>,
	/// Assigned but never committed.
	pub absent: Vec<AccountId>,
	/// Reveals that matched their commitment: when zero, nobody could act in this round.
	pub valid_reveals: u32,
	/// Fee paid to each agreeing attestor.
	pub fee_shares: Vec<(AccountId, Balance)>,
	/// Whether a quorum formed (the job ended with this round).
	pub quorum: bool,
	/// The challenger whose challenge exposed the faults of `disagreed`, when a re-execution
	/// overturned a result: the reporter of their offences.
	pub reporter: Option<AccountId>,
}

/// A challenge of a job's agreed result, while its re-execution round runs.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Challenge<AccountId, Balance> {
	/// Who challenged, and whose bond is held.
	pub challenger: AccountId,
	/// The bond held from the challenger.
	pub bond: Balance,
	/// The hash of the outcome the challenger claims is right.
	pub claimed: H256,
}

/// What a job whose agreed result can still change keeps until the result is irreversible: who
/// stands behind the result, who disagreed, and the challenge being re-executed. Only jobs
/// with dissenters or a challenge have one; a unanimous, unchallenged result needs none.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxQuorum, MaxDissent))]
pub struct Dispute<AccountId, Balance, BlockNumber, MaxQuorum: Get<u32>, MaxDissent: Get<u32>>
where
	AccountId: Clone + PartialEq + core::fmt::Debug,
	Balance: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
{
	/// The round whose quorum set the standing result.
	pub round: u32,
	/// The attestors whose reveals agreed with the standing result: left out of a
	/// re-execution's draw, and reported if it overturns them.
	pub quorum: BoundedVec<AccountId, MaxQuorum>,
	/// The attestors whose reveals disagreed with the standing result (and, after an
	/// overturn, the quorum it overturned): reported as faults when the result becomes
	/// irreversible, cleared if a re-execution overturns it.
	pub dissent: BoundedVec<AccountId, MaxDissent>,
	/// The challenger whose challenge set the standing result, credited as the reporter of the
	/// dissent's faults (staking pays reporters a share of the slash).
	pub reporter: Option<AccountId>,
	/// The block the result's window closes at, where the agenda reports its dissent; `None`
	/// while a challenge is re-executed and once the result is irreversible.
	pub closes_at: Option<BlockNumber>,
	/// Challenges made on the job so far, at most `MaxChallenges`.
	pub challenges: u32,
	/// The challenge being re-executed, if any.
	pub challenge: Option<Challenge<AccountId, Balance>>,
}

/// Whether a job's agreed result can still change, as the runtime API tells it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Settlement<AccountId, Balance, BlockNumber> {
	/// The result may be challenged with `challenge` before block `until`, for a bond of
	/// `bond`.
	Challengeable {
		/// The first block in which a challenge is refused.
		until: BlockNumber,
		/// The bond a challenge holds.
		bond: Balance,
	},
	/// A challenge by `challenger` is being re-executed; the result stands meanwhile.
	Challenged {
		/// Who challenged.
		challenger: AccountId,
	},
	/// The result can no longer change.
	Irreversible,
}

/// A reveal as submitted: the job, the outcome and the commitment's salt.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Reveal {
	/// The job.
	pub job_id: JobId,
	/// The computed outcome: output tensors or a model error code.
	pub outcome: InferenceOutcome,
	/// The salt of the commitment.
	pub salt: [u8; 32],
}

/// A job's input, as stored: the canonical tensors.
pub type JobInput = Tensors;

/// A job as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct JobDetails<AccountId, Balance, BlockNumber> {
	/// The job's id.
	pub id: JobId,
	/// The model to run.
	pub model: ModelHash,
	/// Who submitted it.
	pub submitter: AccountId,
	/// Attestors requested for the current round.
	pub redundancy: u32,
	/// The fee held.
	pub max_fee: Balance,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// The current round.
	pub round: u32,
	/// Where the job is.
	pub phase: JobPhase<BlockNumber>,
	/// The current round's attestors, and whether each committed and revealed.
	pub attestors: Vec<(AccountId, bool, RevealState)>,
	/// The input tensors.
	pub input: Tensors,
	/// The agreed outcome, once the job ended by agreement.
	pub result: Option<InferenceOutcome>,
	/// Hash of the agreed outcome's SCALE encoding.
	pub result_hash: Option<H256>,
	/// Whether the agreed result can still change; `None` while there is none.
	pub settlement: Option<Settlement<AccountId, Balance, BlockNumber>>,
}

/// A model as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ModelDetails<AccountId, Balance, BlockNumber> {
	/// blake2-256 of the ONNX bytes.
	pub hash: ModelHash,
	/// The registrant.
	pub owner: AccountId,
	/// Name, UTF-8.
	pub name: Vec<u8>,
	/// The registrant's version number.
	pub version: u32,
	/// Input and output signature.
	pub signature: ModelSignature,
	/// How outputs are compared.
	pub policy: ComparisonPolicy,
	/// Default attestors per job.
	pub default_redundancy: u32,
	/// Size of the ONNX bytes.
	pub size: u32,
	/// `None` for a model registered with its bytes, else the URI to fetch them from.
	pub uri: Option<Vec<u8>>,
	/// Deposit held.
	pub deposit: Balance,
	/// Active or retired.
	pub status: ModelStatus,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Jobs in state that use it.
	pub jobs: u32,
}

/// The fee a job would hold, as the runtime API quotes it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct FeeQuote<Balance> {
	/// The least `max_fee` `submit_job` accepts for these rounds: `attestation_fee` times the
	/// largest round's attestors. A job whose first round agrees is paid only that round.
	pub max_fee: Balance,
	/// Paid to each agreeing attestor.
	pub attestation_fee: Balance,
	/// Attestors of each round the fee covers: the first, then each escalation quoted.
	pub rounds: Vec<u32>,
}
