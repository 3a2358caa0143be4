//! # OPG Chain runtime
//!
//! BABE block production, GRANDPA finality, nominated proof-of-stake with the OPG token, and the
//! verifiable-inference pallets. Pallet configuration lives in [`configs`], runtime APIs in
//! [`apis`] and the `development` / `local_testnet` genesis presets in
//! [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!`-style macros recurse deeply.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_support::{
	construct_runtime, derive_impl, parameter_types,
	traits::{KeyOwnerProofSystem, Randomness, StorageInfo},
	weights::{
		constants::{
			BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND,
		},
		IdentityFee, Weight,
	},
	StorageValue,
};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use sp_runtime::{Perbill, Permill};

/// Opaque types, for the node: it knows blocks and extrinsics only as bytes.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers with `session.setKeys`.
		pub struct SessionKeys {
			pub babe: Babe,
			pub grandpa: Grandpa,
			pub inference: Inference,
		}
	}
}
pub use opaque::SessionKeys;

/// Declares [`VERSION`] with the given `spec_version`, a literal: `runtime_version` writes it
/// into the Wasm's `runtime_version` section, which is how `system.setCode` reads a new
/// runtime's version.
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime's version. `system.setCode` takes a runtime of the same `spec_name` and a
		/// higher `spec_version`.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("opg"),
			impl_name: alloc::borrow::Cow::Borrowed("opg-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}
// Bump both. `increment-spec-version` is for tests only: build.rs builds this runtime with it,
// one `spec_version` up, as the runtime the end-to-end upgrade test sets.
#[cfg(not(feature = "increment-spec-version"))]
runtime_version!(101);
#[cfg(feature = "increment-spec-version")]
runtime_version!(102);

/// The OPG token: 18 decimals, and the units the runtime is configured in.
pub mod currency {
	use super::Balance;

	/// Decimal places of the OPG token.
	pub const DECIMALS: u8 = 18;
	/// The ticker shown by wallets.
	pub const SYMBOL: &str = "OPG";
	/// One OPG.
	pub const OPG: Balance = 1_000_000_000_000_000_000;
	/// One thousandth of an OPG.
	pub const MILLI_OPG: Balance = OPG / 1_000;
	/// One millionth of an OPG.
	pub const MICRO_OPG: Balance = OPG / 1_000_000;

	/// The smallest balance an account may hold: 0.01 OPG.
	pub const EXISTENTIAL_DEPOSIT: Balance = 10 * MILLI_OPG;
	/// The smallest self-stake a validator candidate may bond.
	pub const MIN_VALIDATOR_BOND: Balance = 10_000 * OPG;
	/// The smallest stake a nominator may bond.
	pub const MIN_NOMINATOR_BOND: Balance = 100 * OPG;
}

/// Nomination pools: the parameters the genesis presets give `pallet-nomination-pools`. They are
/// storage, not constants of the code: root changes them with `nominationPools.setConfigs`.
pub mod pools {
	use super::{currency::OPG, Balance, Perbill};

	/// The smallest bond with which a holder joins a pool: 1 OPG, a hundredth of the minimum
	/// nominator bond, so that holders of a few OPG stake too. A member is a few storage
	/// entries, not a voter of the election (its pool is), which is why the floor can be this
	/// low; each member still keeps at least 1 OPG bonded for the state it takes.
	pub const MIN_JOIN_BOND: Balance = OPG;
	/// The smallest bond that creates a pool: 1,000 OPG, ten times the minimum nominator bond.
	/// The depositor's bond stays in the pool until the pool is destroyed: an operator puts at
	/// stake, and at risk of slashing, what ten direct nominators would.
	pub const MIN_CREATE_BOND: Balance = 1_000 * OPG;
	/// At most 256 pools. Each is one voter of the election, which reads at most 22,500: pools
	/// can never crowd out direct nominators.
	pub const MAX_POOLS: u32 = 256;
	/// At most 100,000 members across all pools: a member is a few hundred bytes of state (its
	/// membership, its delegation, its hold), so all of them stay within tens of megabytes. No
	/// bound per pool: a member's calls cost the same whatever the size of its pool.
	pub const MAX_MEMBERS: u32 = 100_000;
	/// No pool takes more than 10% commission of its members' rewards, on top of the
	/// validators' own commission, which staking takes before paying the pool.
	pub const MAX_COMMISSION: Perbill = Perbill::from_percent(10);
}

/// Block, epoch, session and era durations.
pub mod time {
	use super::BlockNumber;

	/// The target block time. BABE's slot duration equals it.
	#[cfg(not(feature = "fast-runtime"))]
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	#[cfg(feature = "fast-runtime")]
	pub const MILLI_SECS_PER_BLOCK: u64 = 3000;
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	pub const HOURS: BlockNumber = MINUTES * 60;
	pub const DAYS: BlockNumber = HOURS * 24;

	/// A BABE epoch, which is also a session: 1 hour (10 blocks, 30 s, with `fast-runtime`).
	#[cfg(not(feature = "fast-runtime"))]
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = HOURS;
	#[cfg(feature = "fast-runtime")]
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = 10;
	pub const EPOCH_DURATION_IN_SLOTS: u64 = EPOCH_DURATION_IN_BLOCKS as u64;

	/// Sessions per staking era: 6 hours (1 minute with `fast-runtime`).
	#[cfg(not(feature = "fast-runtime"))]
	pub const SESSIONS_PER_ERA: sp_staking::SessionIndex = 6;
	#[cfg(feature = "fast-runtime")]
	pub const SESSIONS_PER_ERA: sp_staking::SessionIndex = 2;

	/// Eras a stake stays bonded after `unbond`: 7 days (2 minutes with `fast-runtime`).
	#[cfg(not(feature = "fast-runtime"))]
	pub const BONDING_DURATION: sp_staking::EraIndex = 28;
	#[cfg(feature = "fast-runtime")]
	pub const BONDING_DURATION: sp_staking::EraIndex = 2;

	/// Eras a slash waits before it is applied, so governance can cancel an unjust one.
	#[cfg(not(feature = "fast-runtime"))]
	pub const SLASH_DEFER_DURATION: sp_staking::EraIndex = 27;
	#[cfg(feature = "fast-runtime")]
	pub const SLASH_DEFER_DURATION: sp_staking::EraIndex = 1;

	/// BABE's probability of a primary slot: 1/4, the rest filled by secondary VRF slots.
	pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);
}

/// The BABE epoch configuration at genesis.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: time::PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// The ss58 address prefix of OPG Chain accounts (registered range for new networks).
pub const SS58_PREFIX: u16 = 4242;

/// Block number type.
pub type BlockNumber = u32;
/// Signature type for transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// Account identifier: the public key behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in the smallest unit (10^-18 OPG).
pub type Balance = u128;
/// Transaction nonce.
pub type Nonce = u32;
/// Hash type.
pub type Hash = sp_core::H256;
/// Address format of transactions.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Signed block, as served by RPC.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked in this order on every signed transaction.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to apply on runtime upgrade: each runs once, guarded by its pallet's storage
/// version.
pub type Migrations = (
	pallet_inference::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_attestation_economics::migrations::v1::MigrateV0ToV1<Runtime>,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(20)]
	pub type Staking = pallet_staking;
	#[runtime::pallet_index(21)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(22)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(23)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(24)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(25)]
	pub type VoterList = pallet_bags_list<Instance1>;
	#[runtime::pallet_index(26)]
	pub type NominationPools = pallet_nomination_pools;
	#[runtime::pallet_index(27)]
	pub type DelegatedStaking = pallet_delegated_staking;
	// After the staking and pools pallets: genesis builds run in this order, and a genesis pool
	// needs its depositor's funds, its validators and the pools' parameters.
	#[runtime::pallet_index(28)]
	pub type GenesisPools = pallet_genesis_pools;

	// Before Inference: its hooks run first, so a new session's absence count starts before
	// any round of the block ends.
	#[runtime::pallet_index(29)]
	pub type AttestationEconomics = pallet_attestation_economics;
	#[runtime::pallet_index(30)]
	pub type Inference = pallet_inference;

	#[runtime::pallet_index(40)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(41)]
	pub type Sudo = pallet_sudo;
}
