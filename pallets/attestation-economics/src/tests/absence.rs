//! Absences: counted per session, reported once at the threshold.

use crate::{mock::*, AbsenceSession, Absences, Event, NotReported, OffenceKind, WeightInfo};
use codec::Encode;
use sp_runtime::Perbill;

#[test]
fn absences_below_the_threshold_are_only_recorded() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(1, &[1, 2, 3], &[], &[], &[4]));
		end_round(&round(2, &[1, 2, 3], &[], &[], &[4]));
		next_block();

		assert!(reports().is_empty());
		assert_eq!(Absences::<Test>::get(4), 2);
		assert!(events().contains(&Event::AbsenceRecorded {
			attestor: 4,
			session: 0,
			absences: 2
		}));
	});
}

#[test]
fn the_threshold_th_absence_of_a_session_is_an_offence_reported_once() {
	ExtBuilder::default().build_and_execute(|| {
		for job in 0..5 {
			end_round(&round(job, &[1, 2, 3], &[], &[], &[4]));
		}
		next_block();

		assert_eq!(
			reports(),
			vec![Report {
				kind: *b"opg:attest-absnt",
				slot: 0u32.encode(),
				session: 0,
				offenders: vec![4],
				fraction: Perbill::from_percent(1),
				reporters: vec![],
			}]
		);
		assert!(events().contains(&Event::OffenceReported {
			offender: 4,
			kind: OffenceKind::Absence,
			session: 0
		}));
		assert_eq!(Absences::<Test>::get(4), 5);
	});
}

#[test]
fn a_new_session_starts_counting_afresh() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(1, &[1, 2], &[], &[], &[3, 4]));
		end_round(&round(2, &[1, 2], &[], &[], &[3, 4]));
		Session::set(1);
		end_round(&round(3, &[1, 2, 3], &[], &[], &[4]));
		next_block();

		assert_eq!(AbsenceSession::<Test>::get(), 1);
		assert!(!Absences::<Test>::contains_key(3));
		assert_eq!(Absences::<Test>::get(4), 1);
		assert!(reports().is_empty());
	});
}

#[test]
fn the_same_attestor_is_reported_again_in_a_later_session() {
	ExtBuilder::default().absence_threshold(1).build_and_execute(|| {
		end_round(&round(1, &[1, 2], &[], &[], &[4]));
		next_block();
		Session::set(1);
		end_round(&round(2, &[1, 2], &[], &[], &[4]));
		next_block();

		let sessions: Vec<_> = reports().into_iter().map(|r| r.session).collect();
		assert_eq!(sessions, vec![0, 1]);
	});
}

#[test]
fn the_offence_keeps_the_session_it_happened_in() {
	ExtBuilder::default().absence_threshold(1).build_and_execute(|| {
		end_round(&round(1, &[1, 2], &[], &[], &[4]));
		Session::set(1);
		next_block();

		assert_eq!(reports()[0].session, 0);
		assert_eq!(reports()[0].slot, 0u32.encode());
	});
}

#[test]
fn an_absent_non_validator_is_counted_but_not_reported() {
	ExtBuilder::default().absence_threshold(1).build_and_execute(|| {
		Validators::set(vec![1, 2]);
		end_round(&round(1, &[1, 2], &[], &[], &[9]));
		next_block();

		assert!(reports().is_empty());
		assert!(events().contains(&Event::OffenceNotReported {
			offender: 9,
			kind: OffenceKind::Absence,
			reason: NotReported::NotIdentified
		}));
	});
}

#[test]
fn counters_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		MaxTrackedAttestors::set(2);
		end_round(&round(1, &[4], &[], &[], &[1, 2, 3]));
		assert_eq!(Absences::<Test>::count(), 2);
		assert!(!Absences::<Test>::contains_key(3));
		// Attestors already tracked keep counting.
		end_round(&round(2, &[4], &[], &[], &[1]));
		MaxTrackedAttestors::set(200);
		assert_eq!(Absences::<Test>::get(1), 2);
	});
}

#[test]
fn the_round_that_clears_a_session_pays_for_it() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(1, &[4], &[], &[], &[1, 2, 3]));
		let same_session = end_round(&round(2, &[1], &[], &[], &[]));
		Session::set(1);
		let new_session = end_round(&round(3, &[1], &[], &[], &[]));

		assert_eq!(
			new_session - same_session,
			<() as WeightInfo>::clear_absences(3) - <() as WeightInfo>::clear_absences(0)
		);
		assert_eq!(Absences::<Test>::count(), 0);
	});
}

#[test]
fn the_first_block_of_a_session_clears_the_counters() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(1, &[1, 2], &[], &[], &[3, 4]));
		next_block();
		assert_eq!(Absences::<Test>::count(), 2);

		Session::set(1);
		let rolled = next_block();

		assert_eq!(AbsenceSession::<Test>::get(), 1);
		assert_eq!(Absences::<Test>::count(), 0);
		let idle = next_block();
		assert_eq!(
			rolled - idle,
			<() as WeightInfo>::clear_absences(2) - <() as WeightInfo>::clear_absences(0)
		);
	});
}

#[test]
fn silence_in_a_round_nobody_could_act_in_costs_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// An unavailable model: nobody revealed; one attestor had even committed.
		let mut silent = round(1, &[], &[], &[], &[1, 2, 3]);
		silent.withheld = vec![4];
		for _ in 0..AbsenceThreshold::get() {
			end_round(&silent);
		}
		next_block();
		assert_eq!(Absences::<Test>::count(), 0, "no absence counted");
		assert!(reports().is_empty(), "no offence");
	});
}
