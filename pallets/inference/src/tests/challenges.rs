//! Public challenges: the window, the bond, the re-execution round and its three verdicts, and
//! the dissenters reported only once a result is irreversible.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use opg_inference_primitives::{ComparisonPolicy, InferenceOutcome};
use sp_core::H256;

const CHALLENGER: AccountId = BOB;

fn right() -> InferenceOutcome {
	output([0.25, 0.75])
}

fn wrong() -> InferenceOutcome {
	output([0.75, 0.25])
}

fn hash_of(outcome: &InferenceOutcome) -> H256 {
	H256::from(sp_io::hashing::blake2_256(&outcome.encode()))
}

fn job(job_id: JobId) -> JobOf<Test> {
	Jobs::<Test>::get(job_id).unwrap()
}

fn settlement(job_id: JobId) -> Option<SettlementOf<Test>> {
	Inference::job_details(job_id).unwrap().settlement
}

fn bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ChallengeBond.into(), &who)
}

fn last_outcome() -> RoundOutcome<AccountId, Balance> {
	Outcomes::get().last().cloned().expect("a round ended")
}

fn sorted(mut v: Vec<AccountId>) -> Vec<AccountId> {
	v.sort();
	v
}

/// Every attestor of the job's current round commits and reveals what `answer` says, then the
/// round resolves. Returns the block it resolved in.
fn attest(job_id: JobId, answer: impl Fn(AccountId) -> InferenceOutcome) -> u64 {
	let attestors = attestors_of(job_id);
	for a in &attestors {
		commit_as(*a, job_id, &answer(*a));
	}
	for a in &attestors {
		reveal_as(*a, job_id, &answer(*a));
	}
	next_block();
	System::block_number()
}

/// A redundancy-3 job whose first two attestors (the quorum) reveal `quorum_says` and the
/// third `minority_says`. Returns the job, the quorum and the minority.
fn split_job(
	quorum_says: InferenceOutcome,
	minority_says: InferenceOutcome,
) -> (JobId, Vec<AccountId>, AccountId) {
	let model = register(ComparisonPolicy::Exact, 3);
	let (job_id, attestors) = assigned_job(model, 3);
	let minority = attestors[2];
	attest(job_id, |a| if a == minority { minority_says.clone() } else { quorum_says.clone() });
	(job_id, attestors[..2].to_vec(), minority)
}

/// Rolls to the draw of a challenge made now; returns the re-execution's attestors.
fn drawn_for_challenge(job_id: JobId) -> Vec<AccountId> {
	roll_to(System::block_number() + ASSIGNMENT_DELAY);
	attestors_of(job_id)
}

#[test]
fn a_dissenter_is_reported_only_when_the_window_closes() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, quorum, minority) = split_job(right(), wrong());
		let at = System::block_number();
		assert_eq!(job(job_id).phase, JobPhase::Finalized { at });
		assert!(inference_events().contains(&Event::JobFinalized {
			job_id,
			result_hash: hash_of(&right()),
			agreed: 2,
			fee_paid: 2 * ATTESTATION_FEE,
			challengeable_until: at + CHALLENGE_WINDOW,
		}));
		let round = last_outcome();
		assert_eq!(sorted(round.agreed), sorted(quorum.clone()), "the quorum is paid at once");
		assert!(round.disagreed.is_empty(), "the dissenter is not reported yet");
		let bond = CHALLENGE_BOND_BASE + 10 * ATTESTATION_FEE / 2;
		assert_eq!(
			settlement(job_id),
			Some(Settlement::Challengeable { until: at + CHALLENGE_WINDOW, bond })
		);

		roll_to(at + CHALLENGE_WINDOW);

		let closed = last_outcome();
		assert_eq!(closed.disagreed, vec![minority]);
		assert_eq!(closed.reporter, None);
		assert!(closed.agreed.is_empty(), "nobody is paid twice");
		assert!(inference_events().contains(&Event::ResultIrreversible { job_id, dissenters: 1 }));
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
		assert!(!Disputes::<Test>::contains_key(job_id));
		assert_noop!(
			Inference::challenge(RuntimeOrigin::signed(CHALLENGER), job_id, hash_of(&wrong())),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn a_unanimous_result_needs_no_state_and_becomes_irreversible() {
	ExtBuilder::default().build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job_id, _) = assigned_job(model, 3);
		let at = attest(job_id, |_| right());
		assert!(!Disputes::<Test>::contains_key(job_id));
		assert_eq!(Agenda::<Test>::iter().count(), 0, "nothing to do when the window closes");
		assert!(matches!(settlement(job_id), Some(Settlement::Challengeable { .. })));
		roll_to(at + CHALLENGE_WINDOW);
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
		assert_noop!(
			Inference::challenge(RuntimeOrigin::signed(CHALLENGER), job_id, hash_of(&wrong())),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn a_challenge_overturns_a_wrong_quorum_and_clears_the_honest_minority() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, liars, honest) = split_job(wrong(), right());
		let before = Balances::free_balance(CHALLENGER);
		let bond = CHALLENGE_BOND_BASE + 10 * ATTESTATION_FEE / 2;

		assert_ok!(Inference::challenge(
			RuntimeOrigin::signed(CHALLENGER),
			job_id,
			hash_of(&right())
		));
		assert_eq!(bond_held(CHALLENGER), bond);
		assert!(inference_events().contains(&Event::JobChallenged {
			job_id,
			challenger: CHALLENGER,
			claimed: hash_of(&right()),
			bond,
			redundancy: 3,
		}));
		assert_eq!(settlement(job_id), Some(Settlement::Challenged { challenger: CHALLENGER }));
		assert_eq!(Results::<Test>::get(job_id), Some(wrong()), "the result stands meanwhile");

		let fresh = drawn_for_challenge(job_id);
		assert!(fresh.iter().all(|a| !liars.contains(a)), "the quorum is left out of the draw");
		assert!(fresh.contains(&honest));
		let at = attest(job_id, |_| right());

		assert_eq!(Results::<Test>::get(job_id), Some(right()));
		assert_eq!(job(job_id).result_hash, Some(hash_of(&right())));
		assert_eq!(job(job_id).phase, JobPhase::Finalized { at });
		assert!(inference_events().contains(&Event::ResultOverturned {
			job_id,
			challenger: CHALLENGER,
			previous_hash: hash_of(&wrong()),
			result_hash: hash_of(&right()),
			challengeable_until: Some(at + CHALLENGE_WINDOW),
		}));
		assert_eq!(bond_held(CHALLENGER), 0);
		assert_eq!(Balances::free_balance(CHALLENGER), before, "the bond is returned");
		let round = last_outcome();
		assert_eq!(sorted(round.agreed), sorted(fresh));
		assert!(round.disagreed.is_empty(), "the overturned quorum waits for the new window");

		roll_to(at + CHALLENGE_WINDOW);
		let closed = last_outcome();
		assert!(!closed.disagreed.contains(&honest), "the honest minority is never reported");
		assert_eq!(sorted(closed.disagreed), sorted(liars));
		assert_eq!(closed.reporter, Some(CHALLENGER), "the challenger reports the liars");
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
	});
}

#[test]
fn a_failed_challenge_pays_the_re_execution_from_the_bond_and_burns_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, _, minority) = split_job(right(), wrong());
		let before = Balances::free_balance(CHALLENGER);
		let issuance = Balances::total_issuance();
		let bond = CHALLENGE_BOND_BASE + 10 * ATTESTATION_FEE / 2;
		assert_ok!(Inference::challenge(
			RuntimeOrigin::signed(CHALLENGER),
			job_id,
			hash_of(&wrong())
		));
		let fresh = drawn_for_challenge(job_id);
		let paid_before: Vec<Balance> = fresh.iter().map(Balances::free_balance).collect();
		attest(job_id, |_| right());

		let paid = ATTESTATION_FEE * fresh.len() as Balance;
		assert!(inference_events().contains(&Event::ResultConfirmed {
			job_id,
			challenger: CHALLENGER,
			paid,
			burnt: bond - paid,
		}));
		for (a, was) in fresh.iter().zip(paid_before) {
			assert_eq!(Balances::free_balance(a), was + ATTESTATION_FEE);
		}
		assert_eq!(Balances::free_balance(CHALLENGER), before - bond);
		assert_eq!(Balances::total_issuance(), issuance - (bond - paid));
		assert_eq!(Results::<Test>::get(job_id), Some(right()));
		assert!(last_outcome().disagreed.contains(&minority), "confirmed wrong: reported now");
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
		assert_noop!(
			Inference::challenge(RuntimeOrigin::signed(CHALLENGER), job_id, hash_of(&wrong())),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn a_re_execution_without_a_quorum_leaves_the_result_and_returns_the_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, _, minority) = split_job(right(), wrong());
		let before = Balances::free_balance(CHALLENGER);
		assert_ok!(Inference::challenge(
			RuntimeOrigin::signed(CHALLENGER),
			job_id,
			hash_of(&wrong())
		));
		drawn_for_challenge(job_id);
		// Nobody of the re-execution commits.
		roll_to(System::block_number() + COMMIT_WINDOW);

		assert!(inference_events()
			.contains(&Event::ChallengeUnresolved { job_id, challenger: CHALLENGER }));
		assert_eq!(Balances::free_balance(CHALLENGER), before);
		assert_eq!(Results::<Test>::get(job_id), Some(right()));
		assert!(matches!(job(job_id).phase, JobPhase::Finalized { .. }));
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
		assert!(Outcomes::get().iter().all(|o| !o.disagreed.contains(&minority)));
	});
}

#[test]
fn an_overturned_result_can_be_challenged_until_max_challenges() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, _, _) = split_job(wrong(), right());
		assert_ok!(Inference::challenge(
			RuntimeOrigin::signed(CHALLENGER),
			job_id,
			hash_of(&right())
		));
		drawn_for_challenge(job_id);
		attest(job_id, |_| right());
		let first_quorum = Disputes::<Test>::get(job_id).unwrap().quorum.into_inner();

		// A second challenge, by Alice, claims the first answer back.
		assert_ok!(Inference::challenge(RuntimeOrigin::signed(ALICE), job_id, hash_of(&wrong())));
		let fresh = drawn_for_challenge(job_id);
		assert!(fresh.iter().all(|a| !first_quorum.contains(a)));
		attest(job_id, |_| wrong());

		// The last challenge allowed: the result is irreversible at once.
		assert!(inference_events().iter().any(|e| matches!(
			e,
			Event::ResultOverturned { challengeable_until: None, challenger: ALICE, .. }
		)));
		assert_eq!(settlement(job_id), Some(Settlement::Irreversible));
		let round = last_outcome();
		assert_eq!(round.reporter, Some(ALICE));
		assert!(first_quorum.iter().all(|a| round.disagreed.contains(a)));
		assert_noop!(
			Inference::challenge(RuntimeOrigin::signed(CHALLENGER), job_id, hash_of(&right())),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn challenges_are_refused_with_a_reason() {
	ExtBuilder::default().build_and_execute(|| {
		let challenge = |who, job_id, claimed| {
			Inference::challenge(RuntimeOrigin::signed(who), job_id, claimed)
		};
		assert_noop!(challenge(CHALLENGER, 99, H256::zero()), Error::<Test>::JobNotFound);
		let (job_id, _, _) = split_job(right(), wrong());
		let pending = submit(Jobs::<Test>::get(job_id).expect("split job").model, 3);
		assert_noop!(challenge(CHALLENGER, pending, H256::zero()), Error::<Test>::NotChallengeable);
		assert_noop!(
			challenge(CHALLENGER, job_id, hash_of(&right())),
			Error::<Test>::ClaimMatchesResult
		);
		assert_noop!(
			challenge(POOR, job_id, hash_of(&wrong())),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(challenge(CHALLENGER, job_id, hash_of(&wrong())));
		assert_noop!(
			challenge(ALICE, job_id, hash_of(&wrong())),
			Error::<Test>::ChallengeInProgress
		);
	});
}

#[test]
fn a_result_backed_by_every_validator_has_nobody_to_re_execute_it() {
	ExtBuilder::default().attestors(vec![11, 12, 13]).build_and_execute(|| {
		let model = register(ComparisonPolicy::Exact, 3);
		let (job_id, _) = assigned_job(model, 3);
		attest(job_id, |_| right());
		assert_noop!(
			Inference::challenge(RuntimeOrigin::signed(CHALLENGER), job_id, hash_of(&wrong())),
			Error::<Test>::NoFreshAttestors
		);
	});
}

#[test]
fn a_job_still_disputed_when_its_retention_ends_is_pruned_later() {
	ExtBuilder::default().build_and_execute(|| {
		let (job_id, _, _) = split_job(right(), wrong());
		assert_ok!(Inference::challenge(
			RuntimeOrigin::signed(CHALLENGER),
			job_id,
			hash_of(&wrong())
		));
		// Its retention ends while the re-execution runs (the runtime's is a day, far longer
		// than a window and a round, but nothing may be lost if it were not).
		let now = System::block_number();
		let (start, _) = PruneQueueRange::<Test>::get();
		PruneQueue::<Test>::mutate(start, |entry| *entry = Some((job_id, now)));
		Inference::prune_expired(now, Weight::MAX);
		assert!(Jobs::<Test>::contains_key(job_id), "kept while challenged");
		let (_, end) = PruneQueueRange::<Test>::get();
		assert_eq!(PruneQueue::<Test>::get(end - 1), Some((job_id, now + RETENTION)));
	});
}
