//! The attestation economics against the real staking, session and offences pallets, on the
//! `local_testnet` genesis: points for the quorum, deferred slashes for faults and absences.

use frame_support::traits::Hooks;
use opg_runtime::{
	genesis_config_presets::VALIDATOR_STAKE, AccountId, AttestationEconomics, Runtime,
	RuntimeEvent, System,
};
use pallet_inference::{OnJobOutcome, RoundOutcome};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

mod common;

fn local_testnet() -> sp_io::TestExternalities {
	let mut ext = common::preset_storage(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.execute_with(|| {
		System::set_block_number(1);
		// Genesis validators are invulnerable; these tests are about what a slash does.
		pallet_staking::Invulnerables::<Runtime>::kill();
	});
	ext
}

fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

fn outcome(
	job_id: u64,
	agreed: Vec<AccountId>,
	disagreed: Vec<AccountId>,
	absent: Vec<AccountId>,
) -> RoundOutcome<AccountId, opg_runtime::Balance> {
	RoundOutcome {
		job_id,
		round: 0,
		valid_reveals: (agreed.len() + disagreed.len()) as u32,
		agreed,
		disagreed,
		mismatched: Vec::new(),
		withheld: Vec::new(),
		absent,
		fee_shares: Vec::new(),
		quorum: true,
		reporter: None,
	}
}

/// Ends a round, then runs the next block's `on_initialize`, which reports queued offences.
fn end_round(outcome: &RoundOutcome<AccountId, opg_runtime::Balance>) {
	<AttestationEconomics as OnJobOutcome<_, _>>::on_round_end(outcome);
	let next = System::block_number() + 1;
	System::set_block_number(next);
	AttestationEconomics::on_initialize(next);
}

/// `(validator, fraction)` of every `SlashReported` event so far.
fn slashes_reported() -> Vec<(AccountId, Perbill)> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Staking(pallet_staking::Event::SlashReported {
				validator,
				fraction,
				..
			}) => Some((validator, fraction)),
			_ => None,
		})
		.collect()
}

#[test]
fn the_quorum_earns_era_points() {
	local_testnet().execute_with(|| {
		let (alice, bob) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob));
		end_round(&outcome(1, vec![alice.clone(), bob.clone()], Vec::new(), Vec::new()));

		let era = pallet_staking::ActiveEra::<Runtime>::get().expect("genesis starts era 0").index;
		let points = pallet_staking::ErasRewardPoints::<Runtime>::get(era);
		assert_eq!(points.individual.get(&alice), Some(&20));
		assert_eq!(points.individual.get(&bob), Some(&20));
		assert_eq!(points.total, 40);
	});
}

#[test]
fn a_wrong_answer_is_slashed_five_percent_after_the_deferral() {
	local_testnet().execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		let quorum = vec![account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob)];
		end_round(&outcome(2, quorum, vec![charlie.clone()], Vec::new()));

		assert_eq!(slashes_reported(), vec![(charlie.clone(), Perbill::from_percent(5))]);
		let due = opg_runtime::time::SLASH_DEFER_DURATION + 1;
		let unapplied = pallet_staking::UnappliedSlashes::<Runtime>::get(due);
		assert_eq!(unapplied.len(), 1);
		assert_eq!(unapplied[0].validator, charlie);
		// The exposure, not the bond: the election's vote weights round stakes slightly.
		let own = pallet_staking::ErasStakersOverview::<Runtime>::get(0, &charlie)
			.expect("Charlie is exposed in era 0")
			.own;
		assert!(VALIDATOR_STAKE - own < VALIDATOR_STAKE / 1_000_000_000);
		assert_eq!(unapplied[0].own, Perbill::from_percent(5) * own);
		assert_eq!(pallet_offences::Reports::<Runtime>::iter().count(), 1);
	});
}

#[test]
fn committing_then_staying_silent_is_slashed_like_a_wrong_answer() {
	local_testnet().execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		let quorum = vec![account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob)];
		let mut silent = outcome(3, quorum, Vec::new(), Vec::new());
		silent.withheld = vec![charlie.clone()];
		end_round(&silent);
		assert_eq!(slashes_reported(), vec![(charlie, Perbill::from_percent(5))]);
	});
}

#[test]
fn the_fifth_absence_of_a_session_is_slashed_a_tenth_of_a_percent() {
	local_testnet().execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		let quorum = vec![account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob)];
		for job in 0..4 {
			end_round(&outcome(job, quorum.clone(), Vec::new(), vec![charlie.clone()]));
		}
		assert!(slashes_reported().is_empty(), "four absences are tolerated");

		end_round(&outcome(4, quorum.clone(), Vec::new(), vec![charlie.clone()]));
		end_round(&outcome(5, quorum, Vec::new(), vec![charlie.clone()]));

		assert_eq!(slashes_reported(), vec![(charlie, Perbill::from_parts(1_000_000))]);
	});
}

#[test]
fn the_absence_count_rolls_before_inference_rounds_end() {
	use frame_support::traits::PalletsInfoAccess;
	let names: Vec<_> =
		opg_runtime::AllPalletsWithSystem::infos().into_iter().map(|info| info.name).collect();
	let position = |name| names.iter().position(|n| *n == name).expect("pallet in the runtime");
	assert!(
		position("AttestationEconomics") < position("Inference"),
		"hooks run in declaration order: {names:?}"
	);
}

#[test]
fn a_challenger_that_overturned_a_quorum_is_the_reporter_staking_pays() {
	local_testnet().execute_with(|| {
		let (alice, bob) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob));
		let ferdie = account(Sr25519Keyring::Ferdie);
		// The re-execution (Charlie) overturned Alice's and Bob's result; Ferdie challenged.
		let mut overturned =
			outcome(4, vec![account(Sr25519Keyring::Charlie)], Vec::new(), Vec::new());
		overturned.round = 1;
		overturned.disagreed = vec![alice.clone(), bob.clone()];
		overturned.reporter = Some(ferdie.clone());
		end_round(&overturned);
		// Two reports a block: both are in.
		let fault = Perbill::from_percent(5);
		assert_eq!(slashes_reported(), vec![(alice, fault), (bob, fault)]);

		let due = opg_runtime::time::SLASH_DEFER_DURATION + 1;
		let unapplied = pallet_staking::UnappliedSlashes::<Runtime>::get(due);
		assert_eq!(unapplied.len(), 2);
		for slash in &unapplied {
			assert_eq!(slash.reporters, vec![ferdie.clone()], "paid its share when applied");
			assert!(slash.payout > 0, "a share of the slash for the reporter");
		}
	});
}
