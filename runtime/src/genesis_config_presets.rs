//! Genesis presets: `development` (Alice validates alone) and `local_testnet` (Alice, Bob and
//! Charlie validate). Both fund the well-known dev accounts, make Alice the sudo key, and open
//! one nomination pool, run by Alice's stash account, that nominates the genesis validators.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_genesis_pools::GenesisPool;
use pallet_inference::crypto::Public as InferenceId;
use pallet_staking::StakerStatus;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	currency::{MIN_NOMINATOR_BOND, MIN_VALIDATOR_BOND, OPG},
	pools, AccountId, BabeConfig, Balance, BalancesConfig, GenesisPoolsConfig,
	NominationPoolsConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, StakingConfig,
	SudoConfig, BABE_GENESIS_EPOCH_CONFIG,
};

/// Free balance of every funded dev account at genesis.
pub const ENDOWMENT: Balance = 1_000_000 * OPG;
/// Self-stake of every genesis validator.
pub const VALIDATOR_STAKE: Balance = 100_000 * OPG;
/// The bond of the genesis pool's depositor.
pub const GENESIS_POOL_STAKE: Balance = 10_000 * OPG;
/// The genesis pool's metadata, the name wallets show.
pub const GENESIS_POOL_NAME: &[u8] = b"OPG genesis pool";

/// The genesis pool's depositor, holding all its roles: the `//Alice//stash` dev account.
pub fn genesis_pool_depositor() -> AccountId {
	Sr25519Keyring::AliceStash.to_account_id()
}

/// A genesis validator: its stash account and its session keys.
pub struct GenesisValidator {
	pub stash: AccountId,
	pub keys: SessionKeys,
}

/// The genesis validator derived from a well-known dev seed (`//Alice`, `//Bob`, ...).
pub fn dev_validator(account: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	let babe: BabeId = account.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	let inference: InferenceId = account.public().into();
	GenesisValidator {
		stash: account.to_account_id(),
		keys: SessionKeys { babe, grandpa, inference },
	}
}

/// The genesis state for the given validators, funded accounts and sudo key, with the pools'
/// parameters and one open pool of [`genesis_pool_depositor`] nominating the validators.
pub fn opg_genesis(
	validators: Vec<GenesisValidator>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	let validator_count = validators.len() as u32;
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| (v.stash.clone(), v.stash.clone(), v.keys.clone()))
				.collect::<Vec<_>>(),
		},
		staking: StakingConfig {
			validator_count,
			minimum_validator_count: 1,
			invulnerables: validators.iter().map(|v| v.stash.clone()).collect::<Vec<_>>(),
			stakers: validators
				.iter()
				.map(|v| {
					(v.stash.clone(), v.stash.clone(), VALIDATOR_STAKE, StakerStatus::Validator)
				})
				.collect::<Vec<_>>(),
			min_validator_bond: MIN_VALIDATOR_BOND,
			min_nominator_bond: MIN_NOMINATOR_BOND,
			slash_reward_fraction: sp_runtime::Perbill::from_percent(10),
		},
		nomination_pools: NominationPoolsConfig {
			min_join_bond: pools::MIN_JOIN_BOND,
			min_create_bond: pools::MIN_CREATE_BOND,
			max_pools: Some(pools::MAX_POOLS),
			max_members_per_pool: None,
			max_members: Some(pools::MAX_MEMBERS),
			global_max_commission: Some(pools::MAX_COMMISSION),
		},
		genesis_pools: GenesisPoolsConfig {
			pools: vec![GenesisPool {
				depositor: genesis_pool_depositor(),
				bond: GENESIS_POOL_STAKE,
				nominations: validators.iter().map(|v| v.stash.clone()).collect::<Vec<_>>(),
				metadata: GENESIS_POOL_NAME.to_vec(),
			}],
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The `development` preset: Alice validates alone.
pub fn development_config_genesis() -> Value {
	opg_genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: Alice, Bob and Charlie validate.
pub fn local_testnet_genesis() -> Value {
	opg_genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to a string cannot fail; qed")
			.into_bytes(),
	)
}

/// The names of the presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
