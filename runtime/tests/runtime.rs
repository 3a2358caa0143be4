//! Runtime configuration tests: genesis presets, session keys and staking economics.

use codec::{Decode, Encode};
use opg_runtime::{
	currency::*, genesis_config_presets, AccountId, Balance, Balances, Runtime, SessionKeys, System,
};
use sp_core::crypto::{KeyTypeId, Ss58Codec};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::traits::OpaqueKeys;
use sp_staking::EraPayout;

mod common;
use common::preset_storage;

#[test]
fn every_preset_is_listed_and_unknown_names_are_not() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names, vec![DEV_RUNTIME_PRESET.to_string(), LOCAL_TESTNET_RUNTIME_PRESET.into()]);
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn development_preset_builds_with_alice_validating() {
	preset_storage(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![alice.clone()]);
		assert_eq!(pallet_staking::ValidatorCount::<Runtime>::get(), 1);
		let ledger = pallet_staking::Ledger::<Runtime>::get(&alice).expect("Alice is bonded");
		assert_eq!(ledger.active, genesis_config_presets::VALIDATOR_STAKE);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.clone()));
		assert_eq!(
			Balances::total_issuance(),
			12 * genesis_config_presets::ENDOWMENT,
			"the twelve well-known dev accounts are funded"
		);
		assert_eq!(
			pallet_babe::Authorities::<Runtime>::get()[0].0,
			Sr25519Keyring::Alice.public().into()
		);
		assert_eq!(
			pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()[0].0,
			Ed25519Keyring::Alice.public().into()
		);
	});
}

#[test]
fn local_testnet_preset_builds_with_three_validators() {
	preset_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let expected: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.into_iter()
				.map(|k| k.to_account_id())
				.collect();
		let mut validators = pallet_session::Validators::<Runtime>::get();
		validators.sort();
		let mut sorted = expected.clone();
		sorted.sort();
		assert_eq!(validators, sorted);
		assert_eq!(pallet_staking::ValidatorCount::<Runtime>::get(), 3);
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 3);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 3);
		for v in &expected {
			assert!(pallet_session::NextKeys::<Runtime>::get(v).is_some(), "{v} has keys");
		}
		assert_eq!(pallet_staking::MinValidatorBond::<Runtime>::get(), MIN_VALIDATOR_BOND);
		assert_eq!(pallet_staking::MinNominatorBond::<Runtime>::get(), MIN_NOMINATOR_BOND);
		assert_eq!(System::block_number(), 0);
	});
}

#[test]
fn session_keys_decode_into_babe_grandpa_and_inference_keys() {
	let keys = SessionKeys {
		babe: Sr25519Keyring::Bob.public().into(),
		grandpa: Ed25519Keyring::Bob.public().into(),
		inference: Sr25519Keyring::Bob.public().into(),
	};
	let encoded = keys.encode();
	assert_eq!(encoded.len(), 96, "three 32-byte public keys");
	let raw = SessionKeys::decode_into_raw_public_keys(&encoded).expect("valid keys decode");
	assert_eq!(
		raw,
		vec![
			(Sr25519Keyring::Bob.public().to_vec(), KeyTypeId(*b"babe")),
			(Ed25519Keyring::Bob.public().to_vec(), KeyTypeId(*b"gran")),
			(Sr25519Keyring::Bob.public().to_vec(), KeyTypeId(*b"infr")),
		]
	);
	assert_eq!(SessionKeys::decode(&mut &encoded[..]).unwrap(), keys);
	assert_eq!(
		SessionKeys::key_ids(),
		&[KeyTypeId(*b"babe"), KeyTypeId(*b"gran"), KeyTypeId(*b"infr")]
	);
	assert!(SessionKeys::decode_into_raw_public_keys(&encoded[..95]).is_none());
}

#[test]
fn minimum_bonds_are_above_the_existential_deposit() {
	// Checked when the test compiles: a violation fails the build of the test suite.
	const { assert!(MIN_NOMINATOR_BOND > EXISTENTIAL_DEPOSIT) };
	const { assert!(MIN_VALIDATOR_BOND > MIN_NOMINATOR_BOND) };
	const { assert!(genesis_config_presets::VALIDATOR_STAKE >= MIN_VALIDATOR_BOND) };
	const { assert!(genesis_config_presets::ENDOWMENT > genesis_config_presets::VALIDATOR_STAKE) };
}

/// Yearly rate of an era payout, as a share of issuance.
fn yearly(payout: Balance, issuance: Balance, era_millis: u64) -> f64 {
	payout as f64 * (365.25 * 24.0 * 3600.0 * 1000.0 / era_millis as f64) / issuance as f64
}

#[test]
fn era_payout_follows_the_documented_inflation_curve() {
	let issuance = 12 * genesis_config_presets::ENDOWMENT;
	let era_millis = (opg_runtime::time::EPOCH_DURATION_IN_BLOCKS as u64)
		* opg_runtime::time::MILLI_SECS_PER_BLOCK
		* opg_runtime::time::SESSIONS_PER_ERA as u64;
	let payout = |staked_percent: u128| {
		<Runtime as pallet_staking::Config>::EraPayout::era_payout(
			issuance / 100 * staked_percent,
			issuance,
			era_millis,
		)
	};
	let rates: Vec<(u128, f64, f64)> = [0u128, 10, 25, 50, 60, 75, 90]
		.into_iter()
		.map(|p| {
			let (to_stakers, remainder) = payout(p);
			(p, yearly(to_stakers, issuance, era_millis), yearly(remainder, issuance, era_millis))
		})
		.collect();
	println!("staked %, stakers' yearly rate, unminted remainder's yearly rate: {rates:?}");
	let rate = |p: u128| rates.iter().find(|r| r.0 == p).map(|r| r.1).unwrap();
	// docs/tokenomics.md: 2.5% with nothing staked, rising to the peak at the ideal 50%, then
	// falling off.
	assert!((rate(0) - 0.025).abs() < 0.001, "{}", rate(0));
	assert!(rate(10) < rate(25) && rate(25) < rate(50), "rises to the ideal stake");
	assert!(rate(60) < rate(50) && rate(75) < rate(60) && rate(90) < rate(75), "falls off");
	assert!((rate(50) - 0.10).abs() < 0.001, "10% at the ideal stake: {}", rate(50));
	assert!(
		rates.iter().all(|(_, r, rest)| *r > 0.0 && (r + rest - 0.10).abs() < 0.001),
		"non-zero, and with the remainder the 10% cap"
	);
}

#[test]
fn staking_durations_are_consistent() {
	let bonding: u32 = <Runtime as pallet_staking::Config>::BondingDuration::get();
	let defer: u32 = <Runtime as pallet_staking::Config>::SlashDeferDuration::get();
	assert!(defer < bonding, "a deferred slash must land before the stake unbonds");
	assert!(defer > 0, "governance gets at least one era to cancel a slash");
	assert_eq!(opg_runtime::BABE_GENESIS_EPOCH_CONFIG.c, opg_runtime::time::PRIMARY_PROBABILITY);
}

#[test]
fn accounts_use_the_opg_address_format() {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let address = alice.to_ss58check_with_version(opg_runtime::SS58_PREFIX.into());
	let (decoded, version) = AccountId::from_ss58check_with_version(&address).unwrap();
	assert_eq!(decoded, alice);
	assert_eq!(u16::from(version), 4242);
	assert_eq!(DECIMALS, 18);
	assert_eq!(SYMBOL, "OPG");
	assert_eq!(OPG, 10u128.pow(DECIMALS as u32));
}

#[test]
fn every_pallet_passes_its_integrity_test() {
	use frame_support::traits::IntegrityTest;
	sp_io::TestExternalities::default()
		.execute_with(opg_runtime::AllPalletsWithSystem::integrity_test);
}
