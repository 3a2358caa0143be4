//! Job submission and the draw of attestors.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use opg_inference_primitives::{ComparisonPolicy, Dim, ElementType, Tensor};

fn held_fee(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::JobFee.into(), &who)
}

#[test]
fn submit_job_holds_the_fee_and_schedules_the_draw() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		inference_events();
		assert_ok!(Inference::submit_job(RuntimeOrigin::signed(ALICE), model, input(), None, 30));
		let job = Jobs::<Test>::get(0).unwrap();
		assert_eq!(job.redundancy, 3, "the model's default");
		assert_eq!(job.phase, JobPhase::Assigning { at: 1 + ASSIGNMENT_DELAY });
		assert_eq!(held_fee(ALICE), 30);
		assert_eq!(Inputs::<Test>::get(0), Some(input()));
		assert_eq!(Models::<Test>::get(model).unwrap().jobs, 1);
		assert_eq!(NextJobId::<Test>::get(), 1);
		assert_eq!(
			inference_events(),
			vec![Event::JobSubmitted {
				job_id: 0,
				model,
				submitter: ALICE,
				redundancy: 3,
				max_fee: 30
			}]
		);
		assert_eq!(Inference::pending_jobs(10), vec![0]);
	});
}

#[test]
fn bad_submissions_get_clear_errors_and_lose_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let submit = |model, input, redundancy, fee| {
			Inference::submit_job(RuntimeOrigin::signed(ALICE), model, input, redundancy, fee)
		};
		assert_noop!(submit(model_hash(b"nope"), input(), None, 30), Error::<Test>::ModelNotFound);
		let wrong_width = vec![Tensor::from_values::<f32>(vec![1, 3], &[1.0, 2.0, 3.0]).unwrap()];
		assert_noop!(
			submit(model, wrong_width.try_into().unwrap(), None, 30),
			Error::<Test>::InvalidInput
		);
		let wrong_type = vec![Tensor::from_values::<i32>(vec![1, 4], &[1, 2, 3, 4]).unwrap()];
		assert_noop!(
			submit(model, wrong_type.try_into().unwrap(), None, 30),
			Error::<Test>::InvalidInput
		);
		let too_big = vec![Tensor::from_values::<f32>(vec![65, 4], &[0.0; 260]).unwrap()];
		assert_noop!(
			submit(model, too_big.try_into().unwrap(), None, 10_000),
			Error::<Test>::InputTooLarge
		);
		assert_noop!(submit(model, input(), Some(0), 30), Error::<Test>::InvalidRedundancy);
		assert_noop!(submit(model, input(), Some(6), 60), Error::<Test>::InvalidRedundancy);
		assert_noop!(submit(model, input(), Some(3), 29), Error::<Test>::FeeTooLow);
		assert_noop!(
			Inference::submit_job(RuntimeOrigin::signed(POOR), model, input(), Some(3), 60),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn redundancy_cannot_exceed_the_validator_set() {
	ExtBuilder::default().attestors(vec![11, 12]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		assert_noop!(
			Inference::submit_job(RuntimeOrigin::signed(ALICE), model, input(), Some(3), 30),
			Error::<Test>::InvalidRedundancy
		);
	});
}

#[test]
fn attestors_are_drawn_after_submission_and_are_distinct() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let job = submit(model, 3);
		roll_to(1 + ASSIGNMENT_DELAY - 1);
		assert!(attestors_of(job).is_empty(), "no attestor before the draw block");
		roll_to(1 + ASSIGNMENT_DELAY);
		let mut attestors = attestors_of(job);
		assert_eq!(attestors.len(), 3);
		attestors.sort();
		attestors.dedup();
		assert_eq!(attestors.len(), 3, "distinct");
		assert!(attestors.iter().all(|a| Attestors::get().contains(a)));
		for a in &attestors {
			assert_eq!(AttestorJobs::<Test>::get(a).into_inner(), vec![job]);
		}
		let events = inference_events();
		assert!(events.contains(&Event::AttestorsAssigned {
			job_id: job,
			round: 0,
			attestors: attestors_of(job)
		}));
		assert_eq!(
			Jobs::<Test>::get(job).unwrap().phase,
			JobPhase::Committing { deadline: 1 + ASSIGNMENT_DELAY + COMMIT_WINDOW }
		);
	});
}

#[test]
fn the_draw_varies_with_randomness() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 2);
		let draws: Vec<Vec<AccountId>> = (0..3)
			.map(|_| {
				let (job, _) = assigned_job(model, 2);
				attestors_of(job)
			})
			.collect();
		assert!(draws.windows(2).any(|w| w[0] != w[1]), "draws differ: {draws:?}");
	});
}

#[test]
fn the_draw_falls_back_to_the_parent_hash_without_vrf_output() {
	ExtBuilder::default().build_and_execute(|| {
		RandomnessAvailable::set(false);
		let model = register(ComparisonPolicy::Exact, 2);
		let (job, attestors) = assigned_job(model, 2);
		assert_eq!(attestors.len(), 2);
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Committing { .. }));
	});
}

#[test]
fn a_job_waits_for_attestors_with_room_instead_of_running_short() {
	ExtBuilder::default().attestors(vec![11, 12]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		// Single-attestor jobs fill both attestors.
		let fillers: Vec<JobId> = (0..2 * JOBS_PER_ATTESTOR).map(|_| submit(model, 1)).collect();
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let job = submit(model, 2);
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		assert!(attestors_of(job).is_empty(), "not drawn short when it paid for two");
		let now = System::block_number();
		assert!(inference_events().contains(&Event::AssignmentDelayed {
			job_id: job,
			available: 0,
			needed: 2,
			retry_at: now + 1
		}));
		// One filler of each attestor ends: the waiting job gets both.
		let out = output([0.5, 0.5]);
		let ended: Vec<JobId> = [11, 12]
			.iter()
			.map(|a| *fillers.iter().find(|j| attestors_of(**j) == vec![*a]).unwrap())
			.collect();
		for j in &ended {
			let a = attestors_of(*j)[0];
			commit_as(a, *j, &out);
			reveal_as(a, *j, &out);
		}
		roll_to(now + 2);
		let mut drawn = attestors_of(job);
		drawn.sort();
		assert_eq!(drawn, vec![11, 12]);
	});
}

#[test]
fn a_job_that_finds_no_room_in_time_fails_with_a_full_refund() {
	ExtBuilder::default().attestors(vec![11]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		for _ in 0..JOBS_PER_ATTESTOR {
			submit(model, 1);
		}
		next_block();
		let job = submit(model, 1);
		let before = Balances::free_balance(ALICE) + ATTESTATION_FEE * 10;
		// The fillers hold the only attestor until their commit deadline, after this.
		roll_to(System::block_number() + ASSIGNMENT_DELAY + AssignmentWait::get() - 1);
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Assigning { .. }));
		next_block();
		assert!(matches!(
			Jobs::<Test>::get(job).unwrap().phase,
			JobPhase::Failed { reason: FailureReason::NotEnoughAttestors, .. }
		));
		assert_eq!(Balances::free_balance(ALICE), before, "the whole fee came back");
		let running = ATTESTATION_FEE * 10 * Balance::from(JOBS_PER_ATTESTOR);
		assert_eq!(held_fee(ALICE), running, "only the running jobs' fees are held");
	});
}

#[test]
fn inputs_count_their_zero_length_axes_as_one() {
	ExtBuilder::default().build_and_execute(|| {
		let mut meta = metadata(ComparisonPolicy::Exact, 1);
		meta.signature.inputs[0].shape = vec![Dim::Dynamic, Dim::Dynamic].try_into().unwrap();
		assert_ok!(Inference::register_model(RuntimeOrigin::signed(BOB), onnx(9), meta));
		let model = model_hash(&onnx(9));
		let submit = |shape: Vec<u32>| {
			let empty = Tensor::new(ElementType::F32, shape, vec![]).unwrap();
			Inference::submit_job(
				RuntimeOrigin::signed(ALICE),
				model,
				vec![empty].try_into().unwrap(),
				Some(1),
				ATTESTATION_FEE,
			)
		};
		// No data, but a model would allocate along the billion-long axis.
		assert_noop!(submit(vec![0, 1_000_000_000]), Error::<Test>::InputTooLarge);
		assert_noop!(submit(vec![1_000_000, 0]), Error::<Test>::InputTooLarge);
		assert_ok!(submit(vec![0, 4]));
	});
}

#[test]
fn a_quote_covers_the_rounds_asked_for_and_refuses_what_submit_job_refuses() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 2);
		let quote = Inference::quote(model, None, 0).unwrap();
		assert_eq!(quote.rounds, vec![2], "the model's default redundancy");
		assert_eq!(quote.max_fee, 2 * ATTESTATION_FEE);
		assert_eq!(quote.attestation_fee, ATTESTATION_FEE);
		// Each escalation 2r + 1 attestors, at most MaxRedundancy (5), at most MaxEscalations (1).
		let quote = Inference::quote(model, Some(2), 3).unwrap();
		assert_eq!(quote.rounds, vec![2, 5]);
		assert_eq!(quote.max_fee, 5 * ATTESTATION_FEE);
		// What the quote says is enough is accepted.
		assert_ok!(Inference::submit_job(
			RuntimeOrigin::signed(ALICE),
			model,
			input(),
			Some(2),
			quote.max_fee
		));

		assert_eq!(
			Inference::quote(model, Some(6), 0),
			Err(Error::<Test>::InvalidRedundancy.into())
		);
		assert_eq!(
			Inference::quote(model, Some(0), 0),
			Err(Error::<Test>::InvalidRedundancy.into())
		);
		assert_eq!(
			Inference::quote(sp_core::H256::repeat_byte(9), None, 0),
			Err(Error::<Test>::ModelNotFound.into())
		);
		assert_ok!(Inference::retire_model(RuntimeOrigin::signed(BOB), model));
		assert_eq!(Inference::quote(model, None, 0), Err(Error::<Test>::ModelRetired.into()));
	});
}
