//! The agenda under load: bursts larger than one block's budget, late deadlines, and entries
//! that leave with the phase they were for.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Get, Hooks},
};
use opg_inference_primitives::ComparisonPolicy;

fn held_fee(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::JobFee.into(), &who)
}

/// How each ended job ended, from the events so far: `true` when finalised.
fn endings() -> std::collections::BTreeMap<JobId, bool> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Inference(Event::JobFinalized { job_id, .. }) => Some((job_id, true)),
			RuntimeEvent::Inference(Event::JobFailed { job_id, .. }) => Some((job_id, false)),
			_ => None,
		})
		.collect()
}

/// Rolls block by block with honest attestors until every job ended (it may be pruned since).
fn run_until_every_job_ended(
	jobs: &[JobId],
	out: &opg_inference_primitives::InferenceOutcome,
	limit: u64,
) {
	let start = System::block_number();
	while jobs.iter().any(|j| !endings().contains_key(j)) {
		assert!(
			System::block_number() - start < limit,
			"jobs still unfinished after {limit} blocks"
		);
		attest_honestly(out);
		next_block();
	}
}

#[test]
fn a_burst_larger_than_the_agenda_budget_ends_every_job_and_settles_every_fee() {
	ExtBuilder::default().build_and_execute(|| {
		// Two of the agenda's heaviest items per block, twenty attestor slots, forty jobs
		// submitted in one block: the draws spill over many blocks and jobs wait for room.
		AgendaItemsPerBlock::set(2);
		// Jobs wait for room as long as the burst lasts, as on a chain sized for its load.
		AssignmentWait::set(100);
		let model = register(ComparisonPolicy::Exact, 1);
		let jobs: Vec<JobId> = (0..40).map(|_| submit(model, 1)).collect();
		let out = output([0.5, 0.5]);
		run_until_every_job_ended(&jobs, &out, 400);
		let endings = endings();
		for job in &jobs {
			assert_eq!(endings.get(job), Some(&true), "job {job} finalised");
		}
		assert_eq!(held_fee(ALICE), 0, "no fee left held");
		assert_eq!(
			Balances::free_balance(ALICE),
			INITIAL_BALANCE - 40 * ATTESTATION_FEE,
			"each job paid exactly one attestation"
		);
		assert!(Agenda::<Test>::iter().next().is_none(), "nothing left on the agenda");
		assert!(Attestors::get().iter().all(|a| AttestorJobs::<Test>::get(a).is_empty()));
	});
}

#[test]
fn a_deadline_handled_late_still_ends_its_job() {
	ExtBuilder::default().build_and_execute(|| {
		AgendaItemsPerBlock::set(1);
		let model = register(ComparisonPolicy::Exact, 1);
		let jobs: Vec<JobId> = (0..6).map(|_| submit(model, 1)).collect();
		// Nobody ever attests: every job must still reach its end, at its deadlines or later.
		roll_to(System::block_number() + 60);
		let failed: Vec<JobId> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Inference(Event::JobFailed {
					job_id,
					reason: FailureReason::Unavailable,
					..
				}) => Some(job_id),
				_ => None,
			})
			.collect();
		for job in &jobs {
			assert!(failed.contains(job), "job {job} ended");
		}
		assert_eq!(held_fee(ALICE), 0);
	});
}

#[test]
fn a_phase_that_ends_early_takes_its_deadline_off_the_agenda() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 2);
		let (job, attestors) = assigned_job(model, 2);
		let JobPhase::Committing { deadline } = Jobs::<Test>::get(job).unwrap().phase else {
			panic!("committing")
		};
		let out = output([0.5, 0.5]);
		commit_as(attestors[0], job, &out);
		next_block();
		commit_as(attestors[1], job, &out);
		assert!(!Agenda::<Test>::contains_key(deadline, job), "the commit deadline is gone");
		let JobPhase::Revealing { deadline } = Jobs::<Test>::get(job).unwrap().phase else {
			panic!("revealing")
		};
		for a in &attestors {
			reveal_as(*a, job, &out);
		}
		assert!(!Agenda::<Test>::contains_key(deadline, job), "the reveal deadline is gone");
		let now = System::block_number();
		assert!(Agenda::<Test>::contains_key(now + 1, job), "resolved in the next block");
		next_block();
		assert!(Agenda::<Test>::iter().next().is_none());
	});
}

#[test]
fn the_agenda_never_spends_more_than_its_budget() {
	ExtBuilder::default().build_and_execute(|| {
		AgendaItemsPerBlock::set(1);
		let model = register(ComparisonPolicy::Exact, 1);
		let submitted = 200;
		for _ in 0..submitted {
			assert_ok!(Inference::submit_job(
				RuntimeOrigin::signed(ALICE),
				model,
				input(),
				Some(1),
				ATTESTATION_FEE
			));
		}
		roll_to(System::block_number() + ASSIGNMENT_DELAY - 1);
		let due = System::block_number() + 1;
		System::set_block_number(due);
		let used = Inference::on_initialize(due);
		assert!(used.all_lte(AgendaBudget::get()), "{used:?} within {:?}", AgendaBudget::get());
		let left = Agenda::<Test>::iter_prefix(due).count();
		assert!(left > 0 && left < submitted, "{left} of {submitted} draws left for later blocks");
		assert_eq!(AgendaCursor::<Test>::get(), due, "the cursor waits at the unfinished block");
		// One heavy item's room a block: the rest drain over the next blocks, none lost.
		roll_to(due + submitted as u64);
		assert_eq!(Agenda::<Test>::iter_prefix(due).count(), 0, "handled in the next blocks");
	});
}

#[test]
fn without_idle_weight_nothing_is_pruned() {
	ExtBuilder::default().attestors(vec![11]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let job = submit(model, 1);
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		attest_honestly(&output([0.5, 0.5]));
		next_block();
		attest_honestly(&output([0.5, 0.5]));
		next_block();
		assert!(Jobs::<Test>::get(job).unwrap().is_done());
		System::set_block_number(System::block_number() + RETENTION + 1);
		assert_eq!(Inference::on_idle(System::block_number(), Weight::zero()), Weight::zero());
		assert!(Jobs::<Test>::contains_key(job), "kept until there is idle weight");
		Inference::on_idle(System::block_number(), Weight::MAX);
		assert!(!Jobs::<Test>::contains_key(job));
	});
}

#[test]
fn an_ordinary_round_is_charged_its_own_resolution_not_the_heaviest() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, attestors) = assigned_job(model, 1);
		let out = output([0.25, 0.75]);
		attestors.iter().for_each(|a| commit_as(*a, job, &out));
		attestors.iter().for_each(|a| reveal_as(*a, job, &out));
		let at = System::block_number() + 1;
		assert_eq!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Resolving { at });
		System::set_block_number(at);
		Inference::unschedule(at, job);

		let charged = Inference::advance(job, at, at, &mut Default::default());

		assert_eq!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Finalized { at });
		let read = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(1);
		assert_eq!(
			charged,
			<() as WeightInfo>::resolve(
				1,
				Inference::bytes_component(Inference::outcome_bytes(&out), 5),
			)
			.saturating_add(read)
		);
		// The agenda keeps room for a challenge's settlement, but charges what happened.
		assert!(charged.any_lt(Inference::resolve_weight(1)), "{charged:?}");
	});
}

#[test]
fn the_draws_of_a_block_read_the_attestors_once_and_share_their_room() {
	ExtBuilder::default().attestors(vec![11, 12]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		// Attestor 12 is full and 11 has room for one job more.
		for attestor in [11, 12] {
			AttestorJobs::<Test>::mutate(attestor, |jobs| {
				let room = if attestor == 11 { 1 } else { 0 };
				while (jobs.len() as u32) < JOBS_PER_ATTESTOR - room {
					jobs.try_push(1_000 + jobs.len() as u64).unwrap();
				}
			});
		}
		let first = Inference::do_submit(ALICE, model, input(), Some(1), ATTESTATION_FEE).unwrap();
		let second = Inference::do_submit(ALICE, model, input(), Some(1), ATTESTATION_FEE).unwrap();
		let at = System::block_number() + ASSIGNMENT_DELAY;
		System::set_block_number(at);
		Inference::unschedule(at, first);
		Inference::unschedule(at, second);

		let mut pool = Default::default();
		let charged_first = Inference::advance(first, at, at, &mut pool);
		let charged_second = Inference::advance(second, at, at, &mut pool);

		let assign = <() as WeightInfo>::assign(1);
		assert_eq!(charged_first, assign.saturating_add(<() as WeightInfo>::draw_pool(2)));
		assert_eq!(charged_second, assign, "the pool is read once a block");
		assert_eq!(attestors_of(first), vec![11]);
		// 11's last room went to the first job: the second waits, and submissions stop.
		assert!(attestors_of(second).is_empty());
		assert_eq!(AttestorsFullSince::<Test>::get(), Some(at));
		// Cleaned up as the agenda would have left it for the test's invariants.
		for attestor in [11, 12] {
			AttestorJobs::<Test>::mutate(attestor, |jobs| jobs.retain(|j| *j < 1_000));
		}
	});
}
