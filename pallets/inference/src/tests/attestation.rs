//! Commit-reveal attestation, the quorum, escalation, and the attacks they defend against.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, GetDispatchInfo, Pays},
	BoundedVec,
};
use opg_inference_primitives::{ComparisonPolicy, InferenceOutcome};
use sp_core::H256;

fn phase(job: JobId) -> JobPhase<u64> {
	Jobs::<Test>::get(job).unwrap().phase
}

fn last_outcome() -> RoundOutcome<AccountId, Balance> {
	Outcomes::get().last().cloned().expect("a round ended")
}

fn sorted(mut v: Vec<AccountId>) -> Vec<AccountId> {
	v.sort();
	v
}

/// Attesting is a duty: commits and reveals take the block's operational share, ahead of
/// ordinary transactions at any tip, so a pool kept full of submissions cannot starve the
/// attestations that end them. Submissions stay ordinary.
#[test]
fn commits_and_reveals_are_operational_and_submissions_are_not() {
	let commit =
		Call::<Test>::commit { commitments: BoundedVec::truncate_from(vec![(0, [0; 32])]) };
	let reveal = Call::<Test>::reveal {
		reveals: BoundedVec::truncate_from(vec![Reveal {
			job_id: 0,
			outcome: output([0.5, 0.5]),
			salt: [0; 32],
		}]),
	};
	let submit = Call::<Test>::submit_job {
		model: H256::zero(),
		input: Default::default(),
		redundancy: None,
		max_fee: 0,
	};
	assert_eq!(commit.get_dispatch_info().class, DispatchClass::Operational);
	assert_eq!(reveal.get_dispatch_info().class, DispatchClass::Operational);
	assert_eq!(submit.get_dispatch_info().class, DispatchClass::Normal);
}

#[test]
fn honest_attestors_finalise_the_job() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		for a in &attestors {
			commit_as(*a, job, &out);
		}
		assert!(matches!(phase(job), JobPhase::Revealing { .. }), "all commits open reveals");
		inference_events();
		for a in &attestors {
			reveal_as(*a, job, &out);
		}
		let now = System::block_number() + 1;
		assert_eq!(phase(job), JobPhase::Resolving { at: now }, "resolved in the next block");
		roll_to(now);
		assert_eq!(phase(job), JobPhase::Finalized { at: now });
		assert_eq!(Results::<Test>::get(job), Some(out.clone()));
		let result_hash = H256::from(sp_io::hashing::blake2_256(&out.encode()));
		assert_eq!(Jobs::<Test>::get(job).unwrap().result_hash, Some(result_hash));
		assert!(inference_events().contains(&Event::JobFinalized {
			job_id: job,
			result_hash,
			agreed: 3,
			fee_paid: 3 * ATTESTATION_FEE,
			challengeable_until: now + CHALLENGE_WINDOW,
		}));
		let outcome = last_outcome();
		assert!(outcome.quorum);
		assert_eq!(sorted(outcome.agreed), sorted(attestors.clone()));
		assert!(outcome.disagreed.is_empty() && outcome.absent.is_empty());
		for a in &attestors {
			assert_eq!(Balances::free_balance(a), INITIAL_BALANCE + ATTESTATION_FEE);
			assert!(AttestorJobs::<Test>::get(a).is_empty());
		}
		assert_eq!(Inference::job_details(job).unwrap().result, Some(out));
	});
}

#[test]
fn a_lying_minority_loses() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Ulps { max_ulps: 4 }, 3);
		let (job, attestors) = assigned_job(model, 3);
		let truth = output([0.25, 0.75]);
		// Another CPU: a couple of ULPs away, within the policy.
		let close = output([f32::from_bits(0.25f32.to_bits() + 2), 0.75]);
		let lie = output([0.9, 0.1]);
		let revealed = [&truth, &close, &lie];
		for (a, out) in attestors.iter().zip(revealed) {
			commit_as(*a, job, out);
		}
		for (a, out) in attestors.iter().zip(revealed) {
			reveal_as(*a, job, out);
		}
		next_block();
		assert!(matches!(phase(job), JobPhase::Finalized { .. }));
		assert_eq!(Results::<Test>::get(job), Some(truth));
		let outcome = last_outcome();
		assert_eq!(sorted(outcome.agreed), sorted(attestors[..2].to_vec()));
		assert_eq!(Balances::free_balance(attestors[2]), INITIAL_BALANCE, "the liar earns nothing");
		// Charged once the result is irreversible, when its challenge window closes.
		roll_to(System::block_number() + CHALLENGE_WINDOW);
		assert_eq!(last_outcome().disagreed, vec![attestors[2]]);
	});
}

#[test]
fn a_copying_attacker_cannot_win() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let (honest, copier) = (attestors[0], attestors[1]);
		let out = output([0.25, 0.75]);
		let honest_commitment = commitment_of(honest, job, &out);
		commit_as(honest, job, &out);
		// The copier posts the honest attestor's commitment as its own...
		assert_ok!(Inference::commit(
			RuntimeOrigin::signed(copier),
			vec![(job, honest_commitment)].try_into().unwrap()
		));
		commit_as(attestors[2], job, &out);
		// ...and cannot open it: the commitment binds the attestor's account.
		assert_ok!(Inference::reveal(
			RuntimeOrigin::signed(copier),
			vec![Reveal { job_id: job, outcome: out.clone(), salt: salt(honest) }]
				.try_into()
				.unwrap()
		));
		assert!(
			inference_events().contains(&Event::RevealMismatched { job_id: job, attestor: copier })
		);
		reveal_as(honest, job, &out);
		reveal_as(attestors[2], job, &out);
		next_block();
		let outcome = last_outcome();
		assert_eq!(outcome.mismatched, vec![copier]);
		assert!(!outcome.agreed.contains(&copier));
		assert_eq!(Balances::free_balance(copier), INITIAL_BALANCE);
	});
}

#[test]
fn outputs_stay_hidden_until_every_commitment_is_in() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		commit_as(attestors[0], job, &out);
		assert_noop!(
			refused(Inference::reveal(
				RuntimeOrigin::signed(attestors[0]),
				vec![Reveal { job_id: job, outcome: out, salt: salt(attestors[0]) }]
					.try_into()
					.unwrap()
			)),
			Error::<Test>::RevealsNotOpen
		);
	});
}

#[test]
fn duplicate_late_and_foreign_commits_are_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		let outsider = *Attestors::get().iter().find(|a| !attestors.contains(a)).unwrap();
		let commit = |who: AccountId, job_id: JobId| {
			refused(Inference::commit(
				RuntimeOrigin::signed(who),
				vec![(job_id, commitment_of(who, job_id, &out))].try_into().unwrap(),
			))
		};
		assert_noop!(commit(outsider, job), Error::<Test>::NotAssigned);
		assert_noop!(commit(attestors[0], 99), Error::<Test>::JobNotFound);
		assert_noop!(
			refused(Inference::commit(RuntimeOrigin::signed(attestors[0]), Default::default())),
			Error::<Test>::InvalidBatch
		);
		assert_ok!(commit(attestors[0], job));
		assert_noop!(commit(attestors[0], job), Error::<Test>::AlreadyCommitted);
		roll_to(System::block_number() + COMMIT_WINDOW + 1);
		assert_noop!(commit(attestors[1], job), Error::<Test>::CommitWindowClosed);
	});
}

#[test]
fn reveal_without_commit_and_double_reveal_are_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		commit_as(attestors[0], job, &out);
		commit_as(attestors[1], job, &out);
		// The third never commits; the window closes with two of three: reveals open.
		roll_to(System::block_number() + COMMIT_WINDOW);
		assert!(matches!(phase(job), JobPhase::Revealing { .. }));
		let reveal = |who: AccountId| {
			refused(Inference::reveal(
				RuntimeOrigin::signed(who),
				vec![Reveal { job_id: job, outcome: out.clone(), salt: salt(who) }]
					.try_into()
					.unwrap(),
			))
		};
		assert_noop!(reveal(attestors[2]), Error::<Test>::NoCommitment);
		assert_ok!(reveal(attestors[0]));
		assert_noop!(reveal(attestors[0]), Error::<Test>::AlreadyRevealed);
		let oversized = InferenceOutcome::Success(
			vec![opg_inference_primitives::Tensor::from_values::<f32>(vec![65, 1], &[0.0; 65])
				.unwrap()]
			.try_into()
			.unwrap(),
		);
		assert_noop!(
			refused(Inference::reveal(
				RuntimeOrigin::signed(attestors[1]),
				vec![Reveal { job_id: job, outcome: oversized, salt: salt(attestors[1]) }]
					.try_into()
					.unwrap()
			)),
			Error::<Test>::InvalidOutput
		);
		assert_ok!(reveal(attestors[1]));
		next_block();
		// Two of three agree: quorum; the one that never committed is absent.
		assert!(matches!(phase(job), JobPhase::Finalized { .. }));
		assert_eq!(last_outcome().absent, vec![attestors[2]]);
	});
}

#[test]
fn silent_rounds_escalate_then_the_job_fails_as_unavailable_and_its_last_round_is_burnt() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let before = Balances::free_balance(ALICE);
		let (job, first) = assigned_job(model, 2);
		assert_eq!(first.len(), 2);
		// Nobody commits: the round ends without quorum at the commit deadline.
		roll_to(System::block_number() + COMMIT_WINDOW);
		let outcome = last_outcome();
		assert!(!outcome.quorum);
		assert_eq!(sorted(outcome.absent), sorted(first));
		assert!(inference_events().contains(&Event::JobEscalated {
			job_id: job,
			round: 1,
			redundancy: 5
		}));
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		assert_eq!(attestors_of(job).len(), 5, "a larger set");
		// MaxEscalations is 1: a second silent round fails the job. Nobody could run it: the
		// submitter pays the last round's five attestation fees, burnt, and gets the rest back.
		let issuance = Balances::total_issuance();
		roll_to(System::block_number() + COMMIT_WINDOW);
		assert!(matches!(phase(job), JobPhase::Failed { reason: FailureReason::Unavailable, .. }));
		assert!(inference_events().contains(&Event::JobFailed {
			job_id: job,
			reason: FailureReason::Unavailable,
			refunded: 10 * ATTESTATION_FEE - 5 * ATTESTATION_FEE,
			burnt: 5 * ATTESTATION_FEE
		}));
		assert_eq!(Balances::free_balance(ALICE), before - 5 * ATTESTATION_FEE);
		assert_eq!(Balances::total_issuance(), issuance - 5 * ATTESTATION_FEE, "burnt");
	});
}

#[test]
fn split_reveals_escalate() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let outs = [output([0.1, 0.9]), output([0.2, 0.8]), output([0.3, 0.7])];
		for (a, out) in attestors.iter().zip(&outs) {
			commit_as(*a, job, out);
		}
		for (a, out) in attestors.iter().zip(&outs) {
			reveal_as(*a, job, out);
		}
		next_block();
		let outcome = last_outcome();
		assert!(!outcome.quorum);
		assert!(outcome.agreed.is_empty() && outcome.disagreed.is_empty(), "nobody judged");
		assert_eq!(Jobs::<Test>::get(job).unwrap().round, 1);
		assert!(Reveals::<Test>::iter_prefix(job).next().is_none(), "old reveals cleared");
	});
}

#[test]
fn an_agreed_model_error_ends_the_job_as_failed() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let error = InferenceOutcome::Failure(opg_inference_primitives::error_code::INVALID_INPUT);
		for a in &attestors {
			commit_as(*a, job, &error);
		}
		for a in &attestors {
			reveal_as(*a, job, &error);
		}
		next_block();
		assert!(matches!(
			phase(job),
			JobPhase::Failed { reason: FailureReason::ModelError(_), .. }
		));
		assert_eq!(Results::<Test>::get(job), Some(error));
		for a in &attestors {
			assert_eq!(Balances::free_balance(a), INITIAL_BALANCE + ATTESTATION_FEE, "paid");
		}
	});
}

#[test]
fn reveals_close_at_the_deadline_and_the_quorum_decides() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		for a in &attestors {
			commit_as(*a, job, &out);
		}
		reveal_as(attestors[0], job, &out);
		reveal_as(attestors[1], job, &out);
		roll_to(System::block_number() + REVEAL_WINDOW);
		assert!(matches!(phase(job), JobPhase::Finalized { .. }));
		assert_eq!(last_outcome().withheld, vec![attestors[2]], "committed, never revealed");
		assert!(last_outcome().absent.is_empty());
		assert_noop!(
			refused(Inference::reveal(
				RuntimeOrigin::signed(attestors[2]),
				vec![Reveal { job_id: job, outcome: out, salt: salt(attestors[2]) }]
					.try_into()
					.unwrap()
			)),
			Error::<Test>::RevealsNotOpen
		);
	});
}

#[test]
fn one_batch_covers_many_jobs() {
	ExtBuilder::default().attestors(vec![11]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let jobs: Vec<JobId> = (0..3).map(|_| submit(model, 1)).collect();
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let out = output([0.5, 0.5]);
		assert_ok!(Inference::commit(
			RuntimeOrigin::signed(11),
			jobs.iter()
				.map(|j| (*j, commitment_of(11, *j, &out)))
				.collect::<Vec<_>>()
				.try_into()
				.unwrap()
		));
		let info = Inference::reveal(
			RuntimeOrigin::signed(11),
			jobs.iter()
				.map(|j| Reveal { job_id: *j, outcome: out.clone(), salt: salt(11) })
				.collect::<Vec<_>>()
				.try_into()
				.unwrap(),
		)
		.unwrap();
		assert_eq!(info.pays_fee, Pays::No, "a clean attestation batch is free");
		next_block();
		for j in jobs {
			assert!(matches!(phase(j), JobPhase::Finalized { .. }));
		}
	});
}

#[test]
fn outcomes_that_cannot_be_agreed_on_are_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, attestors) = assigned_job(model, 1);
		let who = attestors[0];
		let wrong_shape = InferenceOutcome::Success(
			vec![opg_inference_primitives::Tensor::from_values::<f32>(vec![1, 3], &[0.0; 3])
				.unwrap()]
			.try_into()
			.unwrap(),
		);
		let timeout = InferenceOutcome::Failure(opg_inference_primitives::error_code::TIMEOUT);
		let unknown = InferenceOutcome::Failure(999);
		commit_as(who, job, &output([0.5, 0.5]));
		for outcome in [wrong_shape, timeout, unknown] {
			assert_noop!(
				refused(Inference::reveal(
					RuntimeOrigin::signed(who),
					vec![Reveal { job_id: job, outcome, salt: salt(who) }].try_into().unwrap()
				)),
				Error::<Test>::InvalidOutput
			);
		}
		reveal_as(who, job, &output([0.5, 0.5]));
		next_block();
		assert!(matches!(phase(job), JobPhase::Finalized { .. }));
	});
}

#[test]
fn a_bad_item_is_skipped_and_the_rest_of_its_batch_lands() {
	ExtBuilder::default().attestors(vec![11]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let jobs: Vec<JobId> = (0..3).map(|_| submit(model, 1)).collect();
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let out = output([0.5, 0.5]);
		// One commitment to a job that does not exist: skipped, the other two land.
		let commits = vec![
			(jobs[0], commitment_of(11, jobs[0], &out)),
			(99, commitment_of(11, 99, &out)),
			(jobs[1], commitment_of(11, jobs[1], &out)),
		];
		inference_events();
		let info = Inference::commit(RuntimeOrigin::signed(11), commits.try_into().unwrap())
			.expect("the batch lands");
		assert_eq!(
			info.actual_weight,
			Some(<() as WeightInfo>::commit(2)),
			"charged for the two items taken"
		);
		assert!(inference_events().contains(&Event::AttestationSkipped {
			job_id: 99,
			attestor: 11,
			error: Error::<Test>::JobNotFound.into()
		}));
		commit_as(11, jobs[2], &out);
		// One oversized output among three reveals: skipped with its reason, the others land.
		let oversized = InferenceOutcome::Success(
			vec![opg_inference_primitives::Tensor::from_values::<f32>(vec![65, 2], &[0.0; 130])
				.unwrap()]
			.try_into()
			.unwrap(),
		);
		let reveals = vec![
			Reveal { job_id: jobs[0], outcome: out.clone(), salt: salt(11) },
			Reveal { job_id: jobs[1], outcome: oversized, salt: salt(11) },
			Reveal { job_id: jobs[2], outcome: out.clone(), salt: salt(11) },
		];
		assert_ok!(Inference::reveal(RuntimeOrigin::signed(11), reveals.try_into().unwrap()));
		assert!(inference_events().contains(&Event::AttestationSkipped {
			job_id: jobs[1],
			attestor: 11,
			error: Error::<Test>::InvalidOutput.into()
		}));
		next_block();
		assert!(matches!(phase(jobs[0]), JobPhase::Finalized { .. }));
		assert!(matches!(phase(jobs[2]), JobPhase::Finalized { .. }));
		assert!(
			matches!(phase(jobs[1]), JobPhase::Revealing { .. }),
			"still open to a good reveal"
		);
	});
}

#[test]
fn a_batch_of_only_bad_items_fails_with_the_first_reason() {
	ExtBuilder::default().build_and_execute(|| {
		let out = output([0.5, 0.5]);
		let commits = vec![(7, commitment_of(11, 7, &out)), (8, commitment_of(11, 8, &out))];
		assert_noop!(
			refused(Inference::commit(RuntimeOrigin::signed(11), commits.try_into().unwrap())),
			Error::<Test>::JobNotFound
		);
	});
}

#[test]
fn withholding_after_committing_is_reported_apart_from_absence() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		commit_as(attestors[0], job, &out);
		commit_as(attestors[1], job, &out);
		roll_to(System::block_number() + COMMIT_WINDOW);
		reveal_as(attestors[0], job, &out);
		roll_to(System::block_number() + REVEAL_WINDOW);
		let outcome = last_outcome();
		assert!(!outcome.quorum, "one reveal of three is no quorum");
		assert_eq!(outcome.valid_reveals, 1, "but someone could run the model");
		assert_eq!(outcome.withheld, vec![attestors[1]]);
		assert_eq!(outcome.absent, vec![attestors[2]]);
	});
}

#[test]
fn one_commitment_opens_the_reveals_so_silence_can_be_charged() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job, attestors) = assigned_job(model, 3);
		let out = output([0.25, 0.75]);
		commit_as(attestors[0], job, &out);
		roll_to(System::block_number() + COMMIT_WINDOW);
		assert!(matches!(phase(job), JobPhase::Revealing { .. }), "one commitment is enough");
		reveal_as(attestors[0], job, &out);
		next_block();
		let outcome = last_outcome();
		assert!(!outcome.quorum);
		assert_eq!(outcome.valid_reveals, 1, "the model could be run");
		assert_eq!(sorted(outcome.absent), sorted(attestors[1..].to_vec()));
		assert_eq!(Jobs::<Test>::get(job).unwrap().round, 1, "escalated, not failed");
	});
}
