//! Retention and pruning of ended jobs, and fee accounting.

use crate::{mock::*, *};
use frame_support::traits::fungible::{Inspect, InspectHold};
use opg_inference_primitives::ComparisonPolicy;

#[test]
fn ended_jobs_leave_state_after_the_retention_period() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, attestors) = assigned_job(model, 1);
		let out = output([0.5, 0.5]);
		commit_as(attestors[0], job, &out);
		reveal_as(attestors[0], job, &out);
		next_block();
		let ended = System::block_number();
		roll_to(ended + RETENTION - 1);
		assert!(Jobs::<Test>::contains_key(job), "kept during the retention period");
		inference_events();
		roll_to(ended + RETENTION);
		assert!(!Jobs::<Test>::contains_key(job));
		assert!(!Inputs::<Test>::contains_key(job));
		assert!(!Results::<Test>::contains_key(job));
		assert_eq!(Models::<Test>::get(model).unwrap().jobs, 0);
		assert_eq!(inference_events(), vec![Event::JobPruned { job_id: job }]);
		assert!(Inference::job_details(job).is_none());
	});
}

#[test]
fn failed_jobs_are_pruned_too() {
	ExtBuilder::default().attestors(vec![11]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		// Silent round, no larger set to escalate to: fails at the commit deadline.
		roll_to(System::block_number() + COMMIT_WINDOW);
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Failed { .. }));
		roll_to(System::block_number() + RETENTION);
		assert!(!Jobs::<Test>::contains_key(job));
	});
}

/// Every attestor of the job commits and reveals a different output.
fn split_reveals(job: JobId, attestors: &[AccountId]) {
	let outputs: Vec<_> = (0..attestors.len()).map(|i| output([i as f32, 0.0])).collect();
	for (a, out) in attestors.iter().zip(&outputs) {
		commit_as(*a, job, out);
	}
	for (a, out) in attestors.iter().zip(&outputs) {
		reveal_as(*a, job, out);
	}
}

#[test]
fn fee_accounting_sums_to_zero() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let issuance = Balances::total_issuance();
		let everyone: Vec<AccountId> = [ALICE, BOB].into_iter().chain(Attestors::get()).collect();
		let total = |who: &[AccountId]| who.iter().map(Balances::total_balance).sum::<Balance>();
		let before = total(&everyone);

		// One job finalised by two of three, one liar; one job that fails and is refunded.
		let (job, attestors) = assigned_job(model, 3);
		let (truth, lie) = (output([0.25, 0.75]), output([0.9, 0.1]));
		for (a, out) in attestors.iter().zip([&truth, &truth, &lie]) {
			commit_as(*a, job, out);
		}
		for (a, out) in attestors.iter().zip([&truth, &truth, &lie]) {
			reveal_as(*a, job, out);
		}
		// Split reveals in both rounds: no quorum, the whole fee is refunded.
		let (failing, first) = assigned_job(model, 3);
		split_reveals(failing, &first);
		roll_to(System::block_number() + 1 + ASSIGNMENT_DELAY);
		split_reveals(failing, &attestors_of(failing));
		next_block();
		assert!(matches!(
			Jobs::<Test>::get(failing).unwrap().phase,
			JobPhase::Failed { reason: FailureReason::NoQuorum, .. }
		));

		assert_eq!(Balances::total_issuance(), issuance, "nothing minted or burned");
		assert_eq!(total(&everyone), before, "every unit is accounted for");
		assert_eq!(Balances::balance_on_hold(&HoldReason::JobFee.into(), &ALICE), 0);
		let paid = 2 * ATTESTATION_FEE;
		assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - paid);
		let earned: Balance =
			attestors.iter().map(|a| Balances::free_balance(a) - INITIAL_BALANCE).sum();
		assert_eq!(earned, paid);
	});
}
