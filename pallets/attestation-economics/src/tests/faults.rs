//! Wrong and mismatched reveals: one fault offence per attestor and round, reported from
//! `on_initialize`.

use crate::{mock::*, AttestationFault, Event, NotReported, OffenceKind, WeightInfo};
use codec::Encode;
use sp_runtime::Perbill;
use sp_staking::offence::Offence;

fn fault_slot(job_id: u64, round: u32, offender: AccountId) -> Vec<u8> {
	(job_id, round, (offender, ()).encode()).encode()
}

#[test]
fn disagreeing_and_mismatched_attestors_are_queued_then_reported() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(9, &[1, 2], &[3], &[4], &[]));
		let kind = OffenceKind::Fault { job_id: 9, round: 0 };
		assert!(events().contains(&Event::OffenceQueued { offender: 3, kind }));
		assert!(events().contains(&Event::OffenceQueued { offender: 4, kind }));
		assert!(reports().is_empty(), "nothing is reported inside the round's transaction");

		next_block();

		let report = |offender| Report {
			kind: *b"opg:attest-fault",
			slot: fault_slot(9, 0, offender),
			session: 0,
			offenders: vec![offender],
			fraction: Perbill::from_percent(5),
			reporters: vec![],
		};
		assert_eq!(reports(), vec![report(3), report(4)]);
		assert!(events().contains(&Event::OffenceReported { offender: 3, kind, session: 0 }));
		assert!(events().contains(&Event::OffenceReported { offender: 4, kind, session: 0 }));
	});
}

#[test]
fn the_slash_is_the_configured_fraction_whatever_the_number_of_offenders() {
	let fault = AttestationFault {
		session_index: 4,
		validator_set_count: 10,
		job_id: 1,
		round: 2,
		offender: 7u64,
		slash: Perbill::from_percent(5),
	};
	assert_eq!(fault.slash_fraction(1), Perbill::from_percent(5));
	assert_eq!(fault.slash_fraction(3), Perbill::from_percent(5));
	assert_eq!(fault.slot(), (1, 2, 7u64.encode()));
	assert_eq!(fault.session_index(), 4);
	assert_eq!(fault.validator_set_count(), 10);
	assert_eq!(fault.offenders(), vec![7]);
}

#[test]
fn reports_are_spread_over_blocks_oldest_first() {
	ExtBuilder::default().validators((1..=10).collect()).build_and_execute(|| {
		end_round(&round(1, &[1, 2, 3, 4, 5], &[6, 7, 8, 9, 10], &[], &[]));

		next_block();
		assert_eq!(reports().len(), 2);
		next_block();
		assert_eq!(reports().len(), 4);
		next_block();
		let offenders: Vec<_> = reports().into_iter().flat_map(|r| r.offenders).collect();
		assert_eq!(offenders, vec![6, 7, 8, 9, 10]);
		assert!(crate::ReportQueue::<Test>::get().is_empty());
		let idle = <() as WeightInfo>::report_offences(0) + <() as WeightInfo>::clear_absences(0);
		assert_eq!(next_block(), idle);
	});
}

#[test]
fn each_round_is_its_own_offence() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(9, &[1, 2], &[3], &[], &[]));
		let mut next = round(9, &[1, 2, 4], &[3], &[], &[]);
		next.round = 1;
		end_round(&next);
		next_block();

		let slots: Vec<_> = reports().into_iter().map(|r| r.slot).collect();
		assert_eq!(slots, vec![fault_slot(9, 0, 3), fault_slot(9, 1, 3)]);
	});
}

#[test]
fn a_second_report_of_the_same_round_is_refused_and_said_so() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(5, &[1, 2], &[3], &[], &[]));
		next_block();
		end_round(&round(5, &[1, 2], &[3], &[], &[]));
		next_block();

		assert_eq!(reports().len(), 1);
		assert!(events().contains(&Event::OffenceNotReported {
			offender: 3,
			kind: OffenceKind::Fault { job_id: 5, round: 0 },
			reason: NotReported::Duplicate
		}));
	});
}

#[test]
fn an_offender_that_left_the_validator_set_is_skipped_with_an_event() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(6, &[1, 2], &[3], &[4], &[]));
		Validators::set(vec![1, 2, 3]);
		next_block();

		let offenders: Vec<_> = reports().into_iter().flat_map(|r| r.offenders).collect();
		assert_eq!(offenders, vec![3]);
		assert!(events().contains(&Event::OffenceNotReported {
			offender: 4,
			kind: OffenceKind::Fault { job_id: 6, round: 0 },
			reason: NotReported::NotIdentified
		}));
	});
}

#[test]
fn a_full_queue_drops_the_offence_with_an_event() {
	ExtBuilder::default().validators((1..=10).collect()).build_and_execute(|| {
		MaxPendingReports::set(3);
		end_round(&round(1, &[1, 2, 3, 4, 5], &[6, 7, 8, 9], &[], &[]));
		MaxPendingReports::set(64);

		assert_eq!(crate::ReportQueue::<Test>::get().len(), 3);
		assert!(events().contains(&Event::OffenceNotReported {
			offender: 9,
			kind: OffenceKind::Fault { job_id: 1, round: 0 },
			reason: NotReported::QueueFull
		}));
		roll_to(5);
		assert_eq!(reports().len(), 3);
	});
}

#[test]
fn committing_then_withholding_costs_what_a_wrong_reveal_costs() {
	ExtBuilder::default().build_and_execute(|| {
		// 3 saw the honest reveals of 1 and 2 and kept its committed answer to itself.
		let mut outcome = round(4, &[1, 2], &[], &[], &[]);
		outcome.withheld = vec![3];
		end_round(&outcome);
		end_round(&round(5, &[1, 2], &[3], &[], &[]));
		next_block();
		let withheld = reports().into_iter().find(|r| r.slot == fault_slot(4, 0, 3));
		let wrong = reports().into_iter().find(|r| r.slot == fault_slot(5, 0, 3));
		let (withheld, wrong) = (withheld.expect("reported"), wrong.expect("reported"));
		assert_eq!(withheld.kind, wrong.kind, "both are attestation faults");
		assert_eq!(withheld.fraction, wrong.fraction, "slashed alike");
		assert_eq!(withheld.offenders, vec![3]);
	});
}

#[test]
fn a_challenger_that_overturned_a_result_is_the_reporter_of_the_overturned_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		// The re-execution (3 and 4) overturned the result of 1 and 2, challenged by 9.
		let mut outcome = round(5, &[3, 4], &[1, 2], &[], &[]);
		outcome.round = 1;
		outcome.reporter = Some(9);
		end_round(&outcome);
		next_block();

		let reported = reports();
		assert_eq!(reported.len(), 2);
		for (report, offender) in reported.iter().zip([1, 2]) {
			assert_eq!(report.offenders, vec![offender]);
			assert_eq!(report.slot, fault_slot(5, 1, offender));
			assert_eq!(report.reporters, vec![9], "the challenger is paid a share of the slash");
		}
		assert_eq!(points(), vec![(3, 10), (4, 10)], "the re-execution's quorum is rewarded");
	});
}

#[test]
fn faults_nobody_exposed_have_no_reporter() {
	ExtBuilder::default().build_and_execute(|| {
		let mut outcome = round(6, &[1, 2], &[3], &[4], &[]);
		outcome.reporter = None;
		end_round(&outcome);
		next_block();
		assert!(reports().iter().all(|r| r.reporters.is_empty()));
	});
}
