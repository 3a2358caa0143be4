//! # Attestation economics pallet
//!
//! What honest and dishonest inference attestors gain and lose. It implements
//! [`pallet_inference::OnJobOutcome`]: the inference pallet calls it once for every ended round
//! of a job, with who agreed with the quorum, who disagreed, whose reveal did not match its
//! commitment, and who stayed absent.
//!
//! - **Rewards.** Every attestor in the agreeing quorum earns [`Config::PointsPerAttestation`]
//!   era reward points through [`RewardsReporter::reward_by_ids`]: staking pays the era's
//!   validator payout in proportion to points, to the validator and its nominators. The job's
//!   fee share is paid by the inference pallet itself.
//! - **Faults.** A reveal that disagrees with the finalised quorum, or that does not match its
//!   commitment, is an [`AttestationFault`] reported through [`ReportOffence`]: staking slashes
//!   [`Config::FaultSlash`] of the offender's exposure, nominators included, after its slash
//!   deferral (so governance can cancel a wrong slash).
//! - **Withholding.** An attestor that committed and then did not reveal, in a round where
//!   someone else revealed, is an [`AttestationFault`] too: watching the honest reveals and
//!   staying silent after committing to a wrong answer must cost what revealing it costs.
//! - **Absence.** An assigned attestor that never commits earns nothing for the job. In a round
//!   where someone revealed a valid outcome (so the model could be fetched and run), its
//!   absences are counted per session; the [`Config::AbsenceThreshold`]-th absence of a session
//!   is an [`AttestationAbsence`], slashed [`Config::AbsenceSlash`]. A round nobody could act in
//!   (an unavailable or unrunnable model) costs the validators nothing: its submitter pays.
//!
//! - **Challenges.** Attestors whose result a public challenge overturned are reported for a
//!   fault with the challenger as the offence's reporter, so staking pays the challenger its
//!   share of the slash (`SlashRewardFraction`). The inference pallet hands over the faults of
//!   attestors who disagreed with a quorum only once the result is irreversible.
//!
//! Offences are queued when a round ends and reported from `on_initialize`, at most
//! [`Config::MaxReportsPerBlock`] per block: a slash computation reaches every nominator of the
//! offender, so it must not run inside the attestors' own reveal transactions, whose weight would
//! otherwise have to cover it. An offender is identified through the validator set when its
//! report is made; one that left the set by then is skipped with
//! [`Event::OffenceNotReported`].
//!
//! The parameters and the reasoning behind their values are in `docs/tokenomics.md`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
mod offence;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use offence::{AttestationAbsence, AttestationFault};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	traits::{Get, RewardsReporter, ValidatorSet, ValidatorSetWithIdentification},
	weights::Weight,
};
use pallet_inference::{OnJobOutcome, RoundOutcome};
use sp_runtime::traits::Convert;
use sp_staking::{offence::ReportOffence, SessionIndex};

const LOG_TARGET: &str = "runtime::attestation-economics";

/// Sets up what the benchmarks' worst case needs in a runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `n` accounts active validators, each exposed with as many nominators as a slash
	/// reaches, and returns them.
	fn validators(n: u32) -> Vec<AccountId>;
}

/// A validator as offences identify it: its validator id and full identification.
pub type IdentificationTuple<T> = (
	<<T as Config>::ValidatorSet as ValidatorSet<<T as frame_system::Config>::AccountId>>::ValidatorId,
	<<T as Config>::ValidatorSet as ValidatorSetWithIdentification<
		<T as frame_system::Config>::AccountId,
	>>::Identification,
);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_inference::JobId;
	use sp_runtime::Perbill;

	/// The in-code storage version: 1 since pending reports carry their reporter (see
	/// [`crate::migrations::v1`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The validator set, with the identification offences carry (the historical session
		/// pallet in the runtime).
		type ValidatorSet: ValidatorSetWithIdentification<Self::AccountId>;
		/// Receives era reward points (pallet-staking).
		type Rewards: RewardsReporter<Self::AccountId>;
		/// Receives offences (pallet-offences, which hands them to staking for slashing).
		type ReportOffence: ReportOffence<
				Self::AccountId,
				IdentificationTuple<Self>,
				AttestationFault<IdentificationTuple<Self>>,
			> + ReportOffence<
				Self::AccountId,
				IdentificationTuple<Self>,
				AttestationAbsence<IdentificationTuple<Self>>,
			>;
		/// Weights of this pallet's outcome handling and reports.
		type WeightInfo: WeightInfo;
		/// Sets up the benchmarks' worst case.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;

		/// Era reward points for each attestation that agreed with the quorum.
		#[pallet::constant]
		type PointsPerAttestation: Get<u32>;
		/// Share of the exposure slashed for a reveal that disagrees with the quorum or does not
		/// match its commitment.
		#[pallet::constant]
		type FaultSlash: Get<Perbill>;
		/// Share of the exposure slashed when an attestor reaches [`Config::AbsenceThreshold`]
		/// absences in a session.
		#[pallet::constant]
		type AbsenceSlash: Get<Perbill>;
		/// Absences within one session that make an offence; at least 1.
		#[pallet::constant]
		type AbsenceThreshold: Get<u32>;
		/// Most attestors whose absences one session counts. At least twice the largest
		/// validator set: rounds that straddle a session change bring the previous session's
		/// attestors.
		#[pallet::constant]
		type MaxTrackedAttestors: Get<u32>;
		/// Most offences waiting to be reported.
		#[pallet::constant]
		type MaxPendingReports: Get<u32>;
		/// Most offences reported per block.
		#[pallet::constant]
		type MaxReportsPerBlock: Get<u32>;
	}

	/// Absences of each attestor in the session [`AbsenceSession`]. Cleared in the first block
	/// of the next session; at most [`Config::MaxTrackedAttestors`] entries.
	#[pallet::storage]
	pub type Absences<T: Config> =
		CountedStorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

	/// The session whose absences [`Absences`] counts.
	#[pallet::storage]
	pub type AbsenceSession<T: Config> = StorageValue<_, SessionIndex, ValueQuery>;

	/// Offences waiting to be reported, by queue position; positions
	/// `[ReportQueue.head, ReportQueue.tail)` are occupied.
	#[pallet::storage]
	pub type PendingReports<T: Config> =
		StorageMap<_, Twox64Concat, u32, PendingReport<T::AccountId>>;

	/// The ends of the queue of [`PendingReports`]; at most [`Config::MaxPendingReports`] apart.
	#[pallet::storage]
	pub type ReportQueue<T: Config> = StorageValue<_, QueueEnds, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The agreeing attestors of a round earned era reward points.
		AttestorsRewarded { job_id: JobId, round: u32, attestors: u32, points_each: u32 },
		/// An attestor stayed absent; it has `absences` in the session so far.
		AbsenceRecorded { attestor: T::AccountId, session: SessionIndex, absences: u32 },
		/// An offence was queued, to be reported within a few blocks.
		OffenceQueued { offender: T::AccountId, kind: OffenceKind },
		/// An offence was reported to staking, which slashes it after its deferral.
		OffenceReported { offender: T::AccountId, kind: OffenceKind, session: SessionIndex },
		/// An offence was dropped.
		OffenceNotReported { offender: T::AccountId, kind: OffenceKind, reason: NotReported },
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Starts the absence count of a new session, then reports queued offences. Runs before
		/// the inference pallet's hook in the runtime, so rounds that end in `on_initialize`
		/// already count in the new session.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let cleared = Self::roll_session(T::ValidatorSet::session_index());
			let reported = Self::report_pending(T::MaxReportsPerBlock::get());
			T::WeightInfo::report_offences(reported)
				.saturating_add(T::WeightInfo::clear_absences(cleared))
		}

		fn integrity_test() {
			assert!(T::AbsenceThreshold::get() >= 1, "AbsenceThreshold must be at least 1");
			assert!(T::MaxReportsPerBlock::get() >= 1, "MaxReportsPerBlock must be at least 1");
			assert!(
				T::MaxPendingReports::get() >= T::MaxReportsPerBlock::get(),
				"MaxPendingReports must hold at least one block of reports"
			);
			assert!(
				T::AbsenceSlash::get() <= T::FaultSlash::get(),
				"an absence must not cost more than a wrong answer, or absence becomes the \
				 cheaper way to cheat"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The validator identification of `who`, if it has one now.
	fn identify(who: &T::AccountId) -> Option<IdentificationTuple<T>> {
		let validator =
			<T::ValidatorSet as ValidatorSet<T::AccountId>>::ValidatorIdOf::convert(who.clone())?;
		let identification =
			<T::ValidatorSet as ValidatorSetWithIdentification<T::AccountId>>::IdentificationOf::convert(
				validator.clone(),
			)?;
		Some((validator, identification))
	}

	/// Starts counting absences afresh when the session changed since the last count. Returns
	/// how many counters it cleared.
	fn roll_session(session: SessionIndex) -> u32 {
		if AbsenceSession::<T>::get() == session {
			return 0;
		}
		// The counter, not the removal's result: that counts only keys already committed to the
		// database, not those written earlier in the same block.
		let tracked = Absences::<T>::count();
		let _ = Absences::<T>::clear(T::MaxTrackedAttestors::get(), None);
		AbsenceSession::<T>::put(session);
		tracked
	}

	/// Queues an offence of `offender`, exposed by `reporter` if anyone, or drops it with an
	/// event when the queue is full.
	fn enqueue(
		offender: &T::AccountId,
		session: SessionIndex,
		kind: OffenceKind,
		reporter: Option<&T::AccountId>,
	) {
		let mut queue = ReportQueue::<T>::get();
		if queue.len() >= T::MaxPendingReports::get() {
			log::warn!(target: LOG_TARGET, "offence of {offender:?} dropped: the queue is full");
			Self::deposit_event(Event::OffenceNotReported {
				offender: offender.clone(),
				kind,
				reason: NotReported::QueueFull,
			});
			return;
		}
		PendingReports::<T>::insert(
			queue.tail,
			PendingReport {
				offender: offender.clone(),
				session,
				kind,
				reporter: reporter.cloned(),
			},
		);
		queue.tail = queue.tail.wrapping_add(1);
		ReportQueue::<T>::put(queue);
		Self::deposit_event(Event::OffenceQueued { offender: offender.clone(), kind });
	}

	/// Reports up to `limit` queued offences, oldest first. Returns how many it took.
	pub(crate) fn report_pending(limit: u32) -> u32 {
		let mut queue = ReportQueue::<T>::get();
		let mut taken = 0;
		while taken < limit && !queue.is_empty() {
			if let Some(report) = PendingReports::<T>::take(queue.head) {
				Self::report(report);
			}
			queue.head = queue.head.wrapping_add(1);
			taken += 1;
		}
		if taken > 0 {
			ReportQueue::<T>::put(queue);
		}
		taken
	}

	/// Hands one offence to [`Config::ReportOffence`].
	fn report(report: PendingReport<T::AccountId>) {
		let PendingReport { offender, session, kind, reporter } = report;
		let reporters: Vec<T::AccountId> = reporter.into_iter().collect();
		let not_reported = |reason| {
			Self::deposit_event(Event::OffenceNotReported {
				offender: offender.clone(),
				kind,
				reason,
			})
		};
		let Some(identification) = Self::identify(&offender) else {
			return not_reported(NotReported::NotIdentified);
		};
		let validator_set_count = T::ValidatorSet::validators().len() as u32;
		let result = match kind {
			OffenceKind::Fault { job_id, round } => T::ReportOffence::report_offence(
				reporters,
				AttestationFault {
					session_index: session,
					validator_set_count,
					job_id,
					round,
					offender: identification,
					slash: T::FaultSlash::get(),
				},
			),
			OffenceKind::Absence => T::ReportOffence::report_offence(
				reporters,
				AttestationAbsence {
					session_index: session,
					validator_set_count,
					offender: identification,
					slash: T::AbsenceSlash::get(),
				},
			),
		};
		match result {
			Ok(()) => Self::deposit_event(Event::OffenceReported { offender, kind, session }),
			Err(error) => not_reported(error.into()),
		}
	}

	fn record_absences(absent: &[T::AccountId], session: SessionIndex) {
		let threshold = T::AbsenceThreshold::get();
		for attestor in absent {
			if !Absences::<T>::contains_key(attestor)
				&& Absences::<T>::count() >= T::MaxTrackedAttestors::get()
			{
				log::warn!(
					target: LOG_TARGET,
					"absence of {attestor:?} not counted: MaxTrackedAttestors reached"
				);
				continue;
			}
			let absences = Absences::<T>::mutate(attestor, |count| {
				*count = count.saturating_add(1);
				*count
			});
			Self::deposit_event(Event::AbsenceRecorded {
				attestor: attestor.clone(),
				session,
				absences,
			});
			if absences == threshold {
				Self::enqueue(attestor, session, OffenceKind::Absence, None);
			}
		}
	}

	/// Invariants: the counter of [`Absences`] is exact and no entry is zero; the queue holds
	/// exactly its occupied positions, at most [`Config::MaxPendingReports`] of them.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let entries = Absences::<T>::iter_values().collect::<Vec<_>>();
		frame_support::ensure!(
			entries.len() as u32 == Absences::<T>::count(),
			"Absences counter differs from its entries"
		);
		frame_support::ensure!(entries.iter().all(|n| *n > 0), "an Absences entry is zero");
		let queue = ReportQueue::<T>::get();
		frame_support::ensure!(
			queue.len() <= T::MaxPendingReports::get(),
			"more pending reports than MaxPendingReports"
		);
		frame_support::ensure!(
			PendingReports::<T>::iter_keys().count() as u32 == queue.len(),
			"PendingReports differs from the queue's length"
		);
		frame_support::ensure!(
			(0..queue.len()).all(|i| PendingReports::<T>::contains_key(queue.head.wrapping_add(i))),
			"a queued position is empty"
		);
		Ok(())
	}
}

impl<T: Config, Balance> OnJobOutcome<T::AccountId, Balance> for Pallet<T> {
	fn on_round_end(outcome: &RoundOutcome<T::AccountId, Balance>) -> Weight {
		let session = T::ValidatorSet::session_index();
		// `on_initialize` rolled the session already, unless a round ended before it ran.
		let cleared = Self::roll_session(session);

		if !outcome.agreed.is_empty() {
			let points = T::PointsPerAttestation::get();
			T::Rewards::reward_by_ids(outcome.agreed.iter().map(|who| (who.clone(), points)));
			Self::deposit_event(Event::AttestorsRewarded {
				job_id: outcome.job_id,
				round: outcome.round,
				attestors: outcome.agreed.len() as u32,
				points_each: points,
			});
		}
		let fault = OffenceKind::Fault { job_id: outcome.job_id, round: outcome.round };
		for offender in &outcome.disagreed {
			Self::enqueue(offender, session, fault, outcome.reporter.as_ref());
		}
		for offender in &outcome.mismatched {
			Self::enqueue(offender, session, fault, None);
		}
		// Silence is only charged where an honest node could have acted: in a round where
		// someone revealed a valid outcome (the model could be fetched and run).
		if outcome.valid_reveals > 0 {
			for offender in &outcome.withheld {
				Self::enqueue(offender, session, fault, None);
			}
			Self::record_absences(&outcome.absent, session);
		}

		let attestors = (outcome.agreed.len()
			+ outcome.disagreed.len()
			+ outcome.mismatched.len()
			+ outcome.withheld.len()
			+ outcome.absent.len()) as u32;
		T::WeightInfo::on_round_end(attestors)
			.saturating_add(T::WeightInfo::clear_absences(cleared))
	}

	/// Without the session roll, which `on_initialize` does before any round of the block ends.
	fn max_weight(attestors: u32) -> Weight {
		T::WeightInfo::on_round_end(attestors)
	}
}
