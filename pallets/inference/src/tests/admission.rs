//! Admission control: under load, submissions are refused up front, with nothing held, rather
//! than admitted to wait on the agenda and fail.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	dispatch::DispatchResultWithPostInfo,
	traits::{fungible::InspectHold, Get},
	weights::RuntimeDbWeight,
};
use opg_inference_primitives::ComparisonPolicy;

fn held_fee(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::JobFee.into(), &who)
}

fn try_submit(model: ModelHash) -> DispatchResultWithPostInfo {
	Inference::submit_job(RuntimeOrigin::signed(ALICE), model, input(), Some(1), ATTESTATION_FEE)
}

/// Submits and expects a refusal with `error`, charged two reads, that changed no state.
fn assert_refused(model: ModelHash, error: Error<Test>) {
	let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let refusal = try_submit(model).expect_err("refused");
	assert_eq!(refusal.error, error.into());
	let reads = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(2);
	assert_eq!(refusal.post_info.actual_weight, Some(reads), "charged only the reads");
	assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before, "nothing changed");
}

#[test]
fn submissions_are_refused_while_every_attestor_is_full_and_admitted_once_one_has_room() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let slots = Attestors::get().len() as u32 * JOBS_PER_ATTESTOR;
		// One job more than the attestors have room for, all admitted: nothing is full yet.
		let jobs: Vec<JobId> = (0..=slots).map(|_| submit(model, 1)).collect();
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let waiting: Vec<JobId> = jobs
			.into_iter()
			.filter(|j| matches!(Jobs::<Test>::get(j).unwrap().phase, JobPhase::Assigning { .. }))
			.collect();
		assert_eq!(waiting.len(), 1, "one job waits for room");
		assert_eq!(AttestorsFullSince::<Test>::get(), Some(System::block_number()));

		let (free, held) = (Balances::free_balance(ALICE), held_fee(ALICE));
		assert_refused(model, Error::<Test>::AttestorsBusy);
		assert_eq!((Balances::free_balance(ALICE), held_fee(ALICE)), (free, held), "nothing held");

		// The attestors finish their jobs: room again, the waiting job is drawn first, and
		// submissions are admitted again.
		let out = output([0.5, 0.5]);
		attest_honestly(&out);
		next_block();
		attest_honestly(&out);
		next_block();
		assert_eq!(AttestorsFullSince::<Test>::get(), None);
		next_block();
		assert!(!attestors_of(waiting[0]).is_empty(), "the job that waited was drawn");
		assert_ok!(try_submit(model));
	});
}

#[test]
fn a_job_short_of_attestors_for_another_reason_does_not_close_admission() {
	ExtBuilder::default().attestors(vec![11, 12]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		// Both attestors are admitted at redundancy 2, then one leaves the set: the draw comes
		// up short for want of attestors, not of room.
		submit(model, 2);
		Attestors::set(vec![11]);
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		assert_eq!(AttestorsFullSince::<Test>::get(), None);
		assert_ok!(try_submit(model));
	});
}

#[test]
fn submissions_are_refused_while_the_agenda_runs_behind_and_admitted_once_it_caught_up() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		// One agenda item a block against ten draws due in one block: the agenda falls behind.
		AgendaItemsPerBlock::set(1);
		let jobs: Vec<JobId> = (0..10).map(|_| submit(model, 1)).collect();
		let due = System::block_number() + ASSIGNMENT_DELAY;
		roll_to(due + MAX_AGENDA_LAG + 1);
		assert!(System::block_number() - AgendaCursor::<Test>::get() > MAX_AGENDA_LAG);
		assert_refused(model, Error::<Test>::AgendaBehind);

		// With its budget back the agenda catches up, and every admitted job was drawn.
		AgendaItemsPerBlock::set(64);
		next_block();
		assert!(jobs.iter().all(|j| !attestors_of(*j).is_empty()));
		assert_ok!(try_submit(model));
	});
}
