//! Property tests: random sequences of calls from random accounts. After every step the
//! pallet's invariants hold and every unit of the currency is accounted for (free + held +
//! paid + burnt); in the end every job ends.

use crate::{mock::*, *};
use frame_support::traits::fungible::Inspect;
use opg_inference_primitives::ComparisonPolicy;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Action {
	Register { who: u8, seed: u8, by_uri: bool },
	Retire { who: u8, seed: u8 },
	Submit { who: u8, seed: u8, redundancy: u8, fee: u8 },
	Attest { liar: Option<u8> },
	Roll { blocks: u8 },
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		(0..3u8, 0..3u8, any::<bool>()).prop_map(|(who, seed, by_uri)| Action::Register {
			who,
			seed,
			by_uri
		}),
		(0..3u8, 0..3u8).prop_map(|(who, seed)| Action::Retire { who, seed }),
		(0..3u8, 0..3u8, 0..7u8, 0..80u8).prop_map(|(who, seed, redundancy, fee)| Action::Submit {
			who,
			seed,
			redundancy,
			fee
		}),
		(0..3u8, 0..3u8, 0..7u8, 0..80u8).prop_map(|(who, seed, redundancy, fee)| Action::Submit {
			who,
			seed,
			redundancy,
			fee
		}),
		proptest::option::of(0..5u8).prop_map(|liar| Action::Attest { liar }),
		(1..8u8).prop_map(|blocks| Action::Roll { blocks }),
	]
}

const ACCOUNTS: [AccountId; 3] = [ALICE, BOB, POOR];

fn account(who: u8) -> AccountId {
	ACCOUNTS[who as usize % ACCOUNTS.len()]
}

/// Every attestor commits to, then reveals, the true output; `liar` (an index into the
/// attestors) the wrong one. Refused calls are fine: the point is that nothing breaks.
fn attest(liar: Option<u8>) {
	let (truth, lie) = (output([0.5, 0.5]), output([0.9, 0.1]));
	for (index, attestor) in Attestors::get().into_iter().enumerate() {
		let outcome = if liar == Some(index as u8) { &lie } else { &truth };
		for job_id in AttestorJobs::<Test>::get(attestor) {
			let commit = vec![(job_id, commitment_of(attestor, job_id, outcome))];
			let _ = Inference::commit(RuntimeOrigin::signed(attestor), commit.try_into().unwrap());
			let reveal = vec![Reveal { job_id, outcome: outcome.clone(), salt: salt(attestor) }];
			let _ = Inference::reveal(RuntimeOrigin::signed(attestor), reveal.try_into().unwrap());
		}
	}
}

fn apply(action: &Action) {
	match *action {
		Action::Register { who, seed, by_uri: false } => {
			let _ = Inference::register_model(
				RuntimeOrigin::signed(account(who)),
				onnx(seed),
				metadata(ComparisonPolicy::Ulps { max_ulps: 4 }, 1 + u32::from(seed)),
			);
		}
		Action::Register { who, seed, by_uri: true } => {
			let _ = Inference::register_model_by_uri(
				RuntimeOrigin::signed(account(who)),
				model_hash(&onnx(seed)),
				64,
				b"https://example.com/m.onnx".to_vec().try_into().unwrap(),
				metadata(ComparisonPolicy::Exact, 1),
			);
		}
		Action::Retire { who, seed } => {
			let _ = Inference::retire_model(
				RuntimeOrigin::signed(account(who)),
				model_hash(&onnx(seed)),
			);
		}
		Action::Submit { who, seed, redundancy, fee } => {
			let _ = Inference::submit_job(
				RuntimeOrigin::signed(account(who)),
				model_hash(&onnx(seed)),
				input(),
				(redundancy > 0).then_some(u32::from(redundancy)),
				Balance::from(fee),
			);
		}
		Action::Attest { liar } => attest(liar),
		Action::Roll { blocks } => roll_to(System::block_number() + u64::from(blocks)),
	}
}

/// Units burnt so far: the fees of jobs nobody could run.
fn burnt() -> Balance {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Inference(Event::JobFailed { burnt, .. }) => Some(burnt),
			_ => None,
		})
		.sum()
}

fn check_conservation(issued: Balance) -> Result<(), TestCaseError> {
	let everyone = ACCOUNTS.into_iter().chain(Attestors::get());
	let held_and_free: Balance = everyone.map(|who| Balances::total_balance(&who)).sum();
	prop_assert_eq!(held_and_free, Balances::total_issuance(), "free + held is the issuance");
	prop_assert_eq!(Balances::total_issuance() + burnt(), issued, "only burnt units are gone");
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn random_calls_keep_the_invariants_and_every_job_ends(
		actions in proptest::collection::vec(action(), 1..40)
	) {
		ExtBuilder::default().build().execute_with(|| -> Result<(), TestCaseError> {
			let issued = Balances::total_issuance();
			for action in &actions {
				apply(action);
				Inference::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
				check_conservation(issued)?;
			}
			roll_to(System::block_number() + 100);
			for (job_id, job) in Jobs::<Test>::iter() {
				prop_assert!(job.is_done(), "job {} still {:?}", job_id, job.phase);
			}
			check_conservation(issued)
		})?;
	}
}
