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
//! verify them. The registrant's deposit is held while the model is active;
//! [`Pallet::retire_model`] stops new jobs, lets running jobs finish and releases it.
//!
//! ## Jobs
//!
//! [`Pallet::submit_job`] checks the input against the model's signature and holds the fee.
//! [`Config::AssignmentDelay`] blocks later, `on_initialize` draws the attestors from the active
//! validators with randomness from a block after the submission, so a submitter cannot pick them.
//! Each attestor posts `commitment(attestor, job, outcome, salt)` with [`Pallet::commit`], then,
//! once every commitment is in or the commit window closed, the outcome and salt with
//! [`Pallet::reveal`]. Both take a bounded batch, so one extrinsic per block covers all of an
//! attestor's jobs. Reveals are grouped under the model's comparison policy; a quorum
//! ([`Config::Quorum`] of the assigned attestors) finalises the job. Without a quorum the job
//! escalates to a fresh, larger set of attestors, up to [`Config::MaxEscalations`] times, and
//! then fails with its fee refunded. Every round's outcome (who agreed, disagreed, revealed a
//! mismatch or stayed absent) goes to [`Config::OnOutcome`]. Ended jobs leave state after
//! [`Config::RetentionPeriod`]; their events and result hash stay queryable.
//!
//! The life cycle, the commitment scheme and every call, event and error are described in
//! `docs/inference.md`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod jobs;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod tests;
pub mod types;
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
	/// The current attestors, in a deterministic order.
	fn attestors() -> Vec<AccountId>;
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
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use opg_inference_primitives::{ComparisonPolicy, InferenceOutcome, ModelSignature, Tensors};
	use sp_core::H256;
	use sp_runtime::{traits::Saturating, Perbill};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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
		/// Largest ONNX model registered by URI.
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
		/// Largest job input, in canonical-tensor data bytes.
		#[pallet::constant]
		type MaxInputBytes: Get<u32>;
		/// Largest revealed output, in canonical-tensor data bytes.
		#[pallet::constant]
		type MaxOutputBytes: Get<u32>;
		/// Most attestors of one round (and so of one job).
		#[pallet::constant]
		type MaxRedundancy: Get<u32>;
		/// Paid to each attestor in the agreeing quorum.
		#[pallet::constant]
		type AttestationFee: Get<BalanceOf<Self>>;
		/// Blocks between a submission (or escalation) and the draw of attestors; at least 2, so
		/// the randomness comes from a block whose author the submitter could not know.
		#[pallet::constant]
		type AssignmentDelay: Get<BlockNumberFor<Self>>;
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
		/// Jobs handled per block by the agenda (assignments, deadlines and pruning).
		#[pallet::constant]
		type MaxAgendaPerBlock: Get<u32>;
		/// Most unfinished jobs assigned to one attestor.
		#[pallet::constant]
		type MaxJobsPerAttestor: Get<u32>;
		/// Most items in one `commit` or `reveal` batch.
		#[pallet::constant]
		type MaxBatch: Get<u32>;
	}

	/// Why funds are held by this pallet.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered model.
		ModelDeposit,
		/// The fee of an unfinished job.
		JobFee,
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

	/// Jobs to look at in a block: to assign, to close a window of, or to prune.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(JobId, AgendaItem), T::MaxAgendaPerBlock>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered.
		ModelRegistered { model: ModelHash, owner: T::AccountId, size: u32, deposit: BalanceOf<T> },
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
		/// A quorum agreed on the output; its hash is `result_hash`.
		JobFinalized { job_id: JobId, result_hash: H256, agreed: u32, fee_paid: BalanceOf<T> },
		/// The job ended without an output; `refunded` went back to the submitter.
		JobFailed { job_id: JobId, reason: FailureReason, refunded: BalanceOf<T> },
		/// No quorum formed; a fresh, larger set of attestors will be drawn.
		JobEscalated { job_id: JobId, round: u32, redundancy: u32 },
		/// An ended job left state after its retention period.
		JobPruned { job_id: JobId },
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
		/// The comparison policy is malformed (a relative tolerance above 100%).
		InvalidPolicy,
		/// The URI does not start with `https://` or `ipfs://`, or is empty.
		InvalidUri,
		/// The redundancy is zero, above `MaxRedundancy`, or above the number of validators.
		InvalidRedundancy,
		/// The input does not match the model's input signature, or a tensor is malformed.
		InvalidInput,
		/// The input is larger than `MaxInputBytes`.
		InputTooLarge,
		/// `max_fee` does not cover `AttestationFee` for every requested attestor.
		FeeTooLow,
		/// The account cannot pay the deposit or the fee.
		InsufficientBalance,
		/// The agenda of the coming blocks is full; submit again in a later block.
		AgendaFull,
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_agenda(now)
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
			assert!(T::MaxBatch::get() >= 1, "MaxBatch must be at least 1");
			assert!(
				T::MaxBatch::get() <= T::MaxJobsPerAttestor::get(),
				"a batch cannot hold more jobs than an attestor can have"
			);
			assert!(!T::Quorum::get().is_zero(), "Quorum must be positive");
			let limits = <T as frame_system::Config>::BlockWeights::get();
			let max_extrinsic = limits
				.get(frame_support::dispatch::DispatchClass::Normal)
				.max_extrinsic
				.unwrap_or(limits.max_block);
			assert!(
				Self::reveal_weight(T::MaxBatch::get()).all_lte(max_extrinsic),
				"a full reveal batch must fit in a block: lower MaxBatch, MaxRedundancy or \
				 MaxOutputBytes"
			);
			let agenda = Self::resolve_weight(T::MaxRedundancy::get())
				.saturating_mul(T::MaxAgendaPerBlock::get().into());
			assert!(
				agenda.all_lte(limits.max_block / 2),
				"a full agenda must fit in half a block: lower MaxAgendaPerBlock"
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
		/// held from the caller.
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
		/// from `uri` (`https://` or `ipfs://`) and verify against the hash.
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
			let mut info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
			ensure!(info.owner == who, Error::<T>::NotModelOwner);
			ensure!(info.status == ModelStatus::Active, Error::<T>::ModelRetired);
			let released = T::Currency::release(
				&HoldReason::ModelDeposit.into(),
				&who,
				info.deposit,
				Precision::BestEffort,
			)?;
			info.status = ModelStatus::Retired;
			info.deposit = Zero::zero();
			if info.jobs == 0 {
				Models::<T>::remove(model);
			} else {
				Models::<T>::insert(model, info);
			}
			Self::deposit_event(Event::ModelRetired { model, deposit_released: released });
			Ok(())
		}

		/// Submits an inference job: `input` must match the model's input signature;
		/// `redundancy` attestors (the model's default when `None`) compute it; `max_fee` is
		/// held and must cover `AttestationFee` per attestor. Unspent fee is refunded.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_job(Pallet::<T>::input_bytes(input)))]
		pub fn submit_job(
			origin: OriginFor<T>,
			model: ModelHash,
			input: Tensors,
			redundancy: Option<u32>,
			max_fee: BalanceOf<T>,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			Self::do_submit(submitter, model, input, redundancy, max_fee).map(|_| ())
		}

		/// Posts commitments for a batch of jobs, each
		/// `commitment(attestor, job_id, outcome, salt)`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::commit(commitments.len() as u32))]
		pub fn commit(
			origin: OriginFor<T>,
			commitments: BoundedVec<(JobId, Commitment), T::MaxBatch>,
		) -> DispatchResult {
			let who = Self::ensure_attestor(origin)?;
			ensure!(!commitments.is_empty(), Error::<T>::InvalidBatch);
			let now = frame_system::Pallet::<T>::block_number();
			for (job_id, commitment) in commitments {
				Self::do_commit(&who, job_id, commitment, now)?;
			}
			Ok(())
		}

		/// Reveals the outcomes and salts of a batch of committed jobs. A reveal that does not
		/// match its commitment is recorded as a fault, not rejected. When the last attestor of
		/// a job reveals, the job is resolved at once.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::reveal_weight(reveals.len() as u32))]
		pub fn reveal(
			origin: OriginFor<T>,
			reveals: BoundedVec<Reveal, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = Self::ensure_attestor(origin)?;
			ensure!(!reveals.is_empty(), Error::<T>::InvalidBatch);
			let now = frame_system::Pallet::<T>::block_number();
			let count = reveals.len() as u32;
			let mut resolved = 0u32;
			for reveal in reveals {
				if Self::do_reveal(&who, reveal, now)? {
					resolved.saturating_inc();
				}
			}
			let mut actual = T::WeightInfo::reveal(count);
			if resolved > 0 {
				actual.saturating_accrue(
					Self::resolve_weight(T::MaxRedundancy::get()).saturating_mul(resolved.into()),
				);
			}
			Ok(Some(actual).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The attestor a signed origin acts for.
		fn ensure_attestor(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
			let signer = ensure_signed(origin)?;
			T::Attestors::attestor_of(&signer).ok_or_else(|| Error::<T>::NotAssigned.into())
		}

		/// Registers a model after checking its metadata and holding the deposit.
		pub(crate) fn do_register(
			owner: T::AccountId,
			model: ModelHash,
			size: u32,
			source: ModelSource<T::MaxUriLength>,
			metadata: ModelMetadataOf<T>,
		) -> DispatchResult {
			ensure!(size > 0, Error::<T>::EmptyModel);
			ensure!(!Models::<T>::contains_key(model), Error::<T>::ModelAlreadyRegistered);
			Self::check_metadata(&metadata)?;
			let per_byte = match source {
				ModelSource::Inline => T::ModelDepositPerByte::get().saturating_mul(size.into()),
				ModelSource::Uri(_) => Zero::zero(),
			};
			let deposit = T::ModelDepositBase::get().saturating_add(per_byte);
			T::Currency::hold(&HoldReason::ModelDeposit.into(), &owner, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Models::<T>::insert(
				model,
				ModelInfo {
					owner: owner.clone(),
					metadata,
					size,
					source,
					deposit,
					status: ModelStatus::Active,
					registered_at: frame_system::Pallet::<T>::block_number(),
					jobs: 0,
				},
			);
			Self::deposit_event(Event::ModelRegistered { model, owner, size, deposit });
			Ok(())
		}

		fn check_metadata(metadata: &ModelMetadataOf<T>) -> DispatchResult {
			Self::check_signature(&metadata.signature)?;
			Self::check_policy(&metadata.policy)?;
			ensure!(
				metadata.default_redundancy >= 1
					&& metadata.default_redundancy <= T::MaxRedundancy::get(),
				Error::<T>::InvalidRedundancy
			);
			Ok(())
		}

		fn check_signature(signature: &ModelSignature) -> DispatchResult {
			signature.validate().map_err(|_| Error::<T>::InvalidModelSignature.into())
		}

		fn check_policy(policy: &ComparisonPolicy) -> DispatchResult {
			policy.validate().map_err(|_| Error::<T>::InvalidPolicy.into())
		}

		/// Total data bytes of a list of tensors, saturating.
		pub fn input_bytes(tensors: &Tensors) -> u32 {
			tensors.iter().fold(0u32, |acc, t| acc.saturating_add(t.data.len() as u32))
		}

		/// Submits a job; returns its id.
		pub(crate) fn do_submit(
			submitter: T::AccountId,
			model: ModelHash,
			input: Tensors,
			redundancy: Option<u32>,
			max_fee: BalanceOf<T>,
		) -> Result<JobId, DispatchError> {
			let mut info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
			ensure!(info.status == ModelStatus::Active, Error::<T>::ModelRetired);
			ensure!(
				Self::input_bytes(&input) <= T::MaxInputBytes::get(),
				Error::<T>::InputTooLarge
			);
			info.metadata.signature.check_inputs(&input).map_err(|_| Error::<T>::InvalidInput)?;
			let redundancy = redundancy.unwrap_or(info.metadata.default_redundancy);
			let available = T::Attestors::attestors().len() as u32;
			ensure!(
				redundancy >= 1 && redundancy <= T::MaxRedundancy::get() && redundancy <= available,
				Error::<T>::InvalidRedundancy
			);
			ensure!(
				max_fee >= T::AttestationFee::get().saturating_mul(redundancy.into()),
				Error::<T>::FeeTooLow
			);

			let job_id = NextJobId::<T>::get();
			let now = frame_system::Pallet::<T>::block_number();
			let assign_at = now.saturating_add(T::AssignmentDelay::get());
			Self::schedule(assign_at, job_id, AgendaItem::Advance).ok_or(Error::<T>::AgendaFull)?;
			T::Currency::hold(&HoldReason::JobFee.into(), &submitter, max_fee)
				.map_err(|_| Error::<T>::InsufficientBalance)?;

			info.jobs.saturating_inc();
			Models::<T>::insert(model, info);
			NextJobId::<T>::put(job_id.saturating_add(1));
			Inputs::<T>::insert(job_id, input);
			Jobs::<T>::insert(
				job_id,
				Job {
					model,
					submitter: submitter.clone(),
					redundancy,
					max_fee,
					submitted_at: now,
					round: 0,
					phase: JobPhase::Assigning { at: assign_at },
					assignments: BoundedVec::new(),
					result_hash: None,
				},
			);
			Self::deposit_event(Event::JobSubmitted {
				job_id,
				model,
				submitter,
				redundancy,
				max_fee,
			});
			Ok(job_id)
		}

		/// Weight of a `reveal` batch of `n` items, each possibly resolving its job.
		pub fn reveal_weight(n: u32) -> Weight {
			T::WeightInfo::reveal(n).saturating_add(
				Self::resolve_weight(T::MaxRedundancy::get()).saturating_mul(n.into()),
			)
		}

		/// Weight of resolving one round of `attestors` attestors, with the outcome handler.
		pub fn resolve_weight(attestors: u32) -> Weight {
			T::WeightInfo::resolve(attestors).saturating_add(T::OnOutcome::max_weight(attestors))
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
