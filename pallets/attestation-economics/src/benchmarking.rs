//! Benchmarks of the attestation economics (frame-benchmarking v2), each at its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use pallet_inference::RoundOutcome;

fn outcome<T: Config>(
	agreed: Vec<T::AccountId>,
	disagreed: Vec<T::AccountId>,
	absent: Vec<T::AccountId>,
) -> RoundOutcome<T::AccountId, u128> {
	RoundOutcome {
		job_id: 0,
		round: 0,
		valid_reveals: (agreed.len() + disagreed.len()) as u32,
		agreed,
		disagreed,
		mismatched: Vec::new(),
		withheld: Vec::new(),
		absent,
		fee_shares: Vec::new(),
		quorum: true,
		// A challenger credited as the reporter of every fault: the larger queued report.
		reporter: Some(account::<T::AccountId>("challenger", 0, 0)),
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A round of `n` attestors, bounded above by three rounds of `n`: all agree (points), all
	/// disagree (one queued fault each), all reach the absence threshold (one queued absence
	/// each).
	#[benchmark]
	fn on_round_end(n: Linear<1, 16>) {
		let attestors: Vec<T::AccountId> =
			(0..n).map(|i| account::<T::AccountId>("attestor", i, 0)).collect();
		AbsenceSession::<T>::put(T::ValidatorSet::session_index());
		for attestor in &attestors {
			Absences::<T>::insert(attestor, T::AbsenceThreshold::get().saturating_sub(1));
		}
		// Absences count only in a round where someone revealed: another attestor did.
		let mut absent = outcome::<T>(Vec::new(), Vec::new(), attestors.clone());
		absent.valid_reveals = 1;
		let rounds = [
			outcome::<T>(attestors.clone(), Vec::new(), Vec::new()),
			outcome::<T>(Vec::new(), attestors.clone(), Vec::new()),
			absent,
		];

		#[block]
		{
			for round in &rounds {
				<Pallet<T> as OnJobOutcome<T::AccountId, u128>>::on_round_end(round);
			}
		}

		assert_eq!(ReportQueue::<T>::get().len(), 2 * n);
	}

	/// The first round of a new session clears the previous session's `c` absence counters.
	#[benchmark]
	fn clear_absences(c: Linear<0, { T::MaxTrackedAttestors::get() }>) {
		for i in 0..c {
			Absences::<T>::insert(account::<T::AccountId>("absent", i, 0), 1);
		}
		let session = T::ValidatorSet::session_index();
		AbsenceSession::<T>::put(session.wrapping_add(1));
		let cleared;

		#[block]
		{
			cleared = Pallet::<T>::roll_session(session);
		}

		assert_eq!(cleared, c);
		assert_eq!(Absences::<T>::count(), 0);
	}

	/// `on_initialize` reporting `k` faults of distinct validators, exposed by a challenger, each exposed with a full
	/// page of nominators, so staking computes a slash for every one of them.
	#[benchmark]
	fn report_offences(k: Linear<0, { T::MaxReportsPerBlock::get() }>) {
		let validators = T::BenchmarkHelper::validators(k);
		let session = T::ValidatorSet::session_index();
		// Each with a reporter, whom staking records to pay a share of the slash.
		let reporter = account::<T::AccountId>("challenger", 0, 0);
		for (round, validator) in validators.iter().enumerate() {
			let kind = OffenceKind::Fault { job_id: 0, round: round as u32 };
			Pallet::<T>::enqueue(validator, session, kind, Some(&reporter));
		}

		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}

		assert!(ReportQueue::<T>::get().is_empty());
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
