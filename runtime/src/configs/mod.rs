//! Pallet configuration: one block per pallet, in the order of `construct_runtime`.

mod bag_thresholds;

use frame_election_provider_support::{
	bounds::{ElectionBounds, ElectionBoundsBuilder},
	onchain, SequentialPhragmen,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Defensive, Nothing},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
	PalletId,
};
use frame_system::{limits::BlockLength, EnsureRoot};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_core::U256;
use sp_runtime::{
	curve::PiecewiseLinear,
	traits::{Bounded, Convert, OpaqueKeys, Verify},
	FixedPointNumber, FixedU128, Perbill, Perquintill,
};
use sp_staking::{EraIndex, SessionIndex};
use sp_version::RuntimeVersion;

use super::{
	currency::*, time::*, AccountId, AttestationEconomics, Babe, Balance, Balances, Block,
	BlockNumber, DelegatedStaking, Hash, Historical, NominationPools, Nonce, Offences,
	OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Session, SessionKeys, Signature, SignedPayload,
	Staking, System, Timestamp, TxExtension, UncheckedExtrinsic, VoterList, SS58_PREFIX, VERSION,
};

// ---------------------------------------------------------------------------------------------
// System
// ---------------------------------------------------------------------------------------------

/// Normal transactions may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	/// A third of the block time is for execution; the rest for propagation and import.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(
				WEIGHT_REF_TIME_PER_SECOND.saturating_mul(MILLI_SECS_PER_BLOCK / 3) / 1000,
				u64::MAX,
			),
			NORMAL_DISPATCH_RATIO,
		);
	/// 5 MiB blocks, enough for a model registered with its bytes.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
	pub const BlockHashCount: BlockNumber = 2400;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl frame_system::offchain::SigningTypes for Runtime {
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
}

impl<C> frame_system::offchain::CreateTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extension = TxExtension;

	fn create_transaction(call: RuntimeCall, extension: TxExtension) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_transaction(call, extension)
	}
}

/// Signed transactions of off-chain workers (attestations): immortal-ish, tip-less, paying fees.
impl<C> frame_system::offchain::CreateSignedTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<
		A: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		public: <Signature as Verify>::Signer,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		use codec::Encode;
		use sp_runtime::{generic::Era, traits::StaticLookup, SaturatedConversion};

		let period = u64::from(BlockHashCount::get())
			.checked_next_power_of_two()
			.map(|c| c / 2)
			.unwrap_or(2);
		let current_block = System::block_number().saturated_into::<u64>().saturating_sub(1);
		let extension: TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::mortal(period, current_block)),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		);
		let payload = SignedPayload::new(call, extension)
			.map_err(|e| log::warn!(target: "runtime", "unsigned-able payload: {e:?}"))
			.ok()?;
		let signature = payload.using_encoded(|bytes| A::sign(bytes, public))?;
		let address = <Runtime as frame_system::Config>::Lookup::unlookup(account);
		let (call, extension, _) = payload.deconstruct();
		Some(UncheckedExtrinsic::new_signed(call, address, signature, extension))
	}
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

// ---------------------------------------------------------------------------------------------
// Babe
// ---------------------------------------------------------------------------------------------

parameter_types! {
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
	/// Equivocation reports stay valid for as long as the offender's stake stays bonded.
	pub const ReportLongevity: u64 =
		BondingDuration::get() as u64 * SessionsPerEra::get() as u64 * EpochDuration::get();
	pub const MaxAuthorities: u32 = 100;
	pub const MaxNominators: u32 = 512;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxNominators;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

// ---------------------------------------------------------------------------------------------
// Timestamp
// ---------------------------------------------------------------------------------------------

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Authorship
// ---------------------------------------------------------------------------------------------

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	/// Staking gives block authors era points.
	type EventHandler = Staking;
}

// ---------------------------------------------------------------------------------------------
// Balances
// ---------------------------------------------------------------------------------------------

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	/// Dust below the existential deposit is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = ConstU32<8>;
	type DoneSlashHandler = ();
}

// ---------------------------------------------------------------------------------------------
// TransactionPayment
// ---------------------------------------------------------------------------------------------

/// Maps weight to fee so that a transaction of the base extrinsic weight costs 1 milli-OPG.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLI_OPG;
		let q =
			Balance::from(frame_support::weights::constants::ExtrinsicBaseWeight::get().ref_time());
		smallvec::smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

parameter_types! {
	/// 10 micro-OPG per byte: a 150-byte transfer pays 1.5 milli-OPG for its length.
	pub const TransactionByteFee: Balance = 10 * MICRO_OPG;
	/// Blocks a quarter full keep the fee multiplier steady; fuller blocks raise it.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(3, 100_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned: they offset staking inflation (see `docs/tokenomics.md`).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Staking
// ---------------------------------------------------------------------------------------------

// Yearly inflation as a function of the staked share of issuance: 2.5% at no stake, rising to
// 10% at the ideal 50% staked, then falling off. See `docs/tokenomics.md`.
pallet_staking_reward_curve::build! {
	const REWARD_CURVE: PiecewiseLinear<'static> = curve!(
		min_inflation: 0_025_000,
		max_inflation: 0_100_000,
		ideal_stake: 0_500_000,
		falloff: 0_050_000,
		max_piece_count: 40,
		test_precision: 0_005_000,
	);
}

parameter_types! {
	pub const SessionsPerEra: SessionIndex = SESSIONS_PER_ERA;
	pub const BondingDuration: EraIndex = BONDING_DURATION;
	pub const SlashDeferDuration: EraIndex = SLASH_DEFER_DURATION;
	pub const RewardCurve: &'static PiecewiseLinear<'static> = &REWARD_CURVE;
	pub const MaxExposurePageSize: u32 = 256;
	pub const MaxValidatorSet: u32 = 100;
	pub const HistoryDepth: u32 = 84;
	/// An election reads at most 22,500 voters and 1,000 targets.
	pub ElectionBoundsOnChain: ElectionBounds = ElectionBoundsBuilder::default()
		.voters_count(22_500.into())
		.targets_count(1_000.into())
		.build();
}

/// The on-chain sequential Phragmén election that picks each era's validators.
pub struct OnChainSeqPhragmen;
impl onchain::Config for OnChainSeqPhragmen {
	type System = Runtime;
	type Solver = SequentialPhragmen<AccountId, sp_runtime::Perbill>;
	type DataProvider = Staking;
	type WeightInfo = frame_election_provider_support::weights::SubstrateWeight<Runtime>;
	type MaxWinnersPerPage = MaxValidatorSet;
	type MaxBackersPerWinner = MaxNominators;
	type Sort = ConstBool<true>;
	type Bounds = ElectionBoundsOnChain;
}

/// Benchmark sizes for pallet-staking.
pub struct StakingBenchmarkingConfig;
impl pallet_staking::BenchmarkingConfig for StakingBenchmarkingConfig {
	type MaxNominators = ConstU32<1000>;
	type MaxValidators = ConstU32<100>;
}

impl pallet_staking::Config for Runtime {
	type OldCurrency = Balances;
	type Currency = Balances;
	type CurrencyBalance = Balance;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type CurrencyToVote = sp_staking::currency_to_vote::U128CurrencyToVote;
	type RewardRemainder = ();
	type RuntimeEvent = RuntimeEvent;
	/// Slashed stake is burned.
	type Slash = ();
	type Reward = ();
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	type AdminOrigin = EnsureRoot<AccountId>;
	type SessionInterface = Self;
	type EraPayout = pallet_staking::ConvertCurve<RewardCurve>;
	type NextNewSession = Session;
	type MaxExposurePageSize = MaxExposurePageSize;
	type MaxValidatorSet = MaxValidatorSet;
	type ElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type GenesisElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type VoterList = VoterList;
	type TargetList = pallet_staking::UseValidatorsMap<Self>;
	type NominationsQuota = pallet_staking::FixedNominationsQuota<16>;
	type MaxUnlockingChunks = ConstU32<32>;
	type HistoryDepth = HistoryDepth;
	type MaxControllersInDeprecationBatch = ConstU32<100>;
	/// A slash of a pool's bonded account becomes the pool's pending slash, which each member's
	/// delegation pays in proportion (see the nomination pools below); unbonding sub-pools
	/// shrink with the chunks slashed.
	type EventListeners = (NominationPools, DelegatedStaking);
	type Filter = Nothing;
	type BenchmarkingConfig = StakingBenchmarkingConfig;
	type WeightInfo = pallet_staking::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Offences
// ---------------------------------------------------------------------------------------------

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Staking;
}

// ---------------------------------------------------------------------------------------------
// Historical
// ---------------------------------------------------------------------------------------------

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_staking::UnitIdentificationOf<Self>;
}

// ---------------------------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------------------------

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, Staking>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the validators are disabled at once, so finality keeps going.
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ();
}

// ---------------------------------------------------------------------------------------------
// Grandpa
// ---------------------------------------------------------------------------------------------

parameter_types! {
	pub const MaxSetIdSessionEntries: u32 = BondingDuration::get() * SessionsPerEra::get();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxNominators;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

// ---------------------------------------------------------------------------------------------
// VoterList (bags-list)
// ---------------------------------------------------------------------------------------------

parameter_types! {
	pub const BagThresholds: &'static [u64] = &bag_thresholds::THRESHOLDS;
}

type VoterBagsListInstance = pallet_bags_list::Instance1;
impl pallet_bags_list::Config<VoterBagsListInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_bags_list::weights::SubstrateWeight<Runtime>;
	/// Staking is the source of truth for vote weights.
	type ScoreProvider = Staking;
	type BagThresholds = BagThresholds;
	type MaxAutoRebagPerBlock = ConstU32<5>;
	type Score = frame_election_provider_support::VoteWeight;
}

// ---------------------------------------------------------------------------------------------
// NominationPools
// ---------------------------------------------------------------------------------------------

parameter_types! {
	pub const PoolsPalletId: PalletId = PalletId(*b"py/nopls");
	/// An open pool's points may fall to a tenth of their first worth (a 90% slash); past that
	/// it takes no new member and anyone may set it destroying. Points thus stay within ten
	/// per OPG, and the reward arithmetic on them within bounds.
	pub const MaxPointsToBalance: u8 = 10;
	/// Unbonding sub-pools, one per unlock era: the bonding duration plus four eras in which
	/// unlocked funds keep their own points-to-balance ratio before merging into the era-less
	/// pool (whose ratio averages past slashes). The pallet requires more than the bonding
	/// duration, so that a slash finds every sub-pool it may reach.
	pub const MaxUnbondingPools: u32 = BondingDuration::get() + 4;
	/// A pool's metadata: its name as wallets show it.
	pub const MaxPoolMetadataLen: u32 = 256;
}

/// Balances into the 256-bit arithmetic of the pools' reward counters.
pub struct BalanceToU256;
impl Convert<Balance, U256> for BalanceToU256 {
	fn convert(balance: Balance) -> U256 {
		balance.into()
	}
}

/// Results of the pools' 256-bit arithmetic back into balances. They fit: each is at most a
/// balance that exists; a result that did not would saturate, and be reported as a defect.
pub struct U256ToBalance;
impl Convert<U256, Balance> for U256ToBalance {
	fn convert(n: U256) -> Balance {
		n.try_into().defensive_unwrap_or(Balance::MAX)
	}
}

impl pallet_nomination_pools::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// The release's reference weights, priced with this runtime's database weights, as for
	/// staking: the pools' calls are mostly staking's and balances' storage operations, and
	/// their benchmarks need a crate of their own (`pallet-nomination-pools-benchmarking`) on
	/// top of a staking set-up this runtime does not benchmark.
	type WeightInfo = pallet_nomination_pools::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	/// Rewards per point, with 18 decimals. Points are at most 10 per OPG and every pool keeps
	/// its depositor's bond (at least 1,000 OPG), so counters, and their products with points,
	/// stay many orders of magnitude within 128 bits for any issuance OPG could reach.
	type RewardCounter = FixedU128;
	type PalletId = PoolsPalletId;
	type MaxPointsToBalance = MaxPointsToBalance;
	/// As many unbonding chunks per member as staking allows per staker.
	type MaxUnbonding = <Runtime as pallet_staking::Config>::MaxUnlockingChunks;
	type BalanceToU256 = BalanceToU256;
	type U256ToBalance = U256ToBalance;
	/// Members' stake stays in their own accounts, held and delegated to the pool, whose bonded
	/// account stakes it as a virtual staker: the adapter the release recommends for new
	/// runtimes (`TransferStake` is deprecated). See `docs/staking.md` for how slashes reach
	/// members.
	type StakeAdapter =
		pallet_nomination_pools::adapter::DelegateStake<Runtime, Staking, DelegatedStaking>;
	type MaxUnbondingPools = MaxUnbondingPools;
	type MaxMetadataLen = MaxPoolMetadataLen;
	/// Sudo sets the pools' parameters (`setConfigs`) and may change any pool's roles.
	type AdminOrigin = EnsureRoot<AccountId>;
	type BlockNumberProvider = System;
	/// An account may stake directly and through one pool at once: staking and delegation put
	/// separate holds on its balance, so no OPG backs two stakes.
	type Filter = Nothing;
}

// ---------------------------------------------------------------------------------------------
// DelegatedStaking
// ---------------------------------------------------------------------------------------------

parameter_types! {
	pub const DelegatedStakingPalletId: PalletId = PalletId(*b"py/dlstk");
	/// Whoever applies a member's pending slash (`nominationPools.applySlash`, free of fees when
	/// it succeeds) gets 1% of it; the rest is burned, as staking burns its slashes.
	pub const PoolSlashRewardFraction: Perbill = Perbill::from_percent(1);
}

impl pallet_delegated_staking::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type PalletId = DelegatedStakingPalletId;
	type Currency = Balances;
	type OnSlash = ();
	type SlashRewardFraction = PoolSlashRewardFraction;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoreStaking = Staking;
}

// ---------------------------------------------------------------------------------------------
// GenesisPools
// ---------------------------------------------------------------------------------------------

impl pallet_genesis_pools::Config for Runtime {}

// ---------------------------------------------------------------------------------------------
// Inference
// ---------------------------------------------------------------------------------------------

/// Attestors are the active validators of the current session, less those disabled after an
/// offence and those that chilled (they stay in the session's set until the era ends, but asked
/// to stop validating).
pub struct ActiveValidators;
impl pallet_inference::AttestorSet<AccountId> for ActiveValidators {
	fn attestors() -> alloc::vec::Vec<AccountId> {
		let disabled = Session::disabled_validators();
		pallet_session::Validators::<Runtime>::get()
			.into_iter()
			.enumerate()
			.filter(|(index, _)| !disabled.contains(&(*index as u32)))
			.map(|(_, validator)| validator)
			.filter(|validator| pallet_staking::Validators::<Runtime>::contains_key(validator))
			.collect()
	}
	/// The session's validators that are not disabled: two reads, where `attestors` reads
	/// every validator's staking preferences to leave out the chilled ones.
	fn attestor_count() -> u32 {
		let validators = pallet_session::Validators::<Runtime>::decode_len().unwrap_or(0) as u32;
		validators.saturating_sub(Session::disabled_validators().len() as u32)
	}
	/// A validator signs for itself; its `infr` session key signs for it too.
	fn attestor_of(signer: &AccountId) -> Option<AccountId> {
		if pallet_session::Validators::<Runtime>::get().contains(signer) {
			return Some(signer.clone());
		}
		let key: &[u8] = signer.as_ref();
		Session::key_owner(pallet_inference::KEY_TYPE, key)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_attestors(attestors: alloc::vec::Vec<AccountId>) {
		for attestor in &attestors {
			pallet_staking::Validators::<Runtime>::insert(
				attestor,
				pallet_staking::ValidatorPrefs::default(),
			);
		}
		pallet_session::DisabledValidators::<Runtime>::kill();
		pallet_session::Validators::<Runtime>::put(attestors)
	}
}

parameter_types! {
	/// Two thirds, rounded down so that 2 of 3, 4 of 6 and 6 of 9 attestors form a quorum.
	pub const InferenceQuorum: Perbill = Perbill::from_parts(666_666_666);
	pub const ModelDepositBase: Balance = 10 * OPG;
	pub const ModelDepositPerByte: Balance = 10 * MICRO_OPG;
	pub const AttestationFee: Balance = 100 * MILLI_OPG;
	pub const JobRetention: BlockNumber = DAYS;
	/// 45% of the block's compute for draws, deadlines and resolutions: a job's draw and
	/// resolution weigh about four times its submission, so at full load this share and what
	/// is left to submissions end jobs about as fast as they come (see `docs/inference.md`).
	pub InferenceAgendaWeight: Weight = Perbill::from_percent(45) * RuntimeBlockWeights::get().max_block;
	/// 2 GiB of tensors, 2^36 multiply-accumulates and 4 Mi input elements per inference: the
	/// reasoning is at `ResourceBounds::OPG`.
	pub const InferenceBounds: pallet_inference::primitives::ResourceBounds =
		pallet_inference::primitives::ResourceBounds::OPG;
	/// Ten OPG: a hundred attestations' fees, so a frivolous challenge costs far more than the
	/// re-execution it causes (at least `MaxRedundancy` fees, as `integrity_test` checks).
	pub const ChallengeBondBase: Balance = 10 * OPG;
	/// Plus the whole fee of the job: challenging a valuable job costs what it was worth.
	pub const ChallengeBondShare: Perbill = Perbill::one();
}

/// An hour for a watchtower to re-execute a result and get its challenge into a block, through
/// the authors of several BABE slots (12 blocks, 36 s, with `fast-runtime`: a watchtower that
/// follows finalised blocks challenges within about five).
#[cfg(not(feature = "fast-runtime"))]
pub const CHALLENGE_WINDOW: BlockNumber = HOURS;
#[cfg(feature = "fast-runtime")]
pub const CHALLENGE_WINDOW: BlockNumber = 12;

impl pallet_inference::Config for Runtime {
	type AuthorityId = pallet_inference::crypto::AttestorAuthId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Attestors = ActiveValidators;
	/// The VRF output of the parent block: unknown when the job was submitted.
	type Randomness = pallet_babe::ParentBlockRandomness<Runtime>;
	/// Rewards and slashing: see the attestation economics below.
	type OnOutcome = AttestationEconomics;
	type WeightInfo = pallet_inference::weights::SubstrateWeight<Runtime>;
	/// Below the 3.75 MiB of a block that normal transactions may fill, with room for the call.
	type MaxModelBytes = ConstU32<{ 3 * 1024 * 1024 }>;
	/// Validators load every model they are drawn for: 256 MiB keeps a model, its optimised
	/// plan and a few concurrent inferences within a validator's memory.
	type MaxRemoteModelBytes = ConstU32<{ 256 * 1024 * 1024 }>;
	type MaxNameLength = ConstU32<64>;
	type MaxUriLength = ConstU32<256>;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MaxInputBytes = ConstU32<{ 64 * 1024 }>;
	type MaxOutputBytes = ConstU32<{ 16 * 1024 }>;
	/// About 1.2e-4 relative for f32: far above the spread of SIMD kernels on one model
	/// (tens of ULPs), far below a different answer (see `docs/inference.md`).
	type MaxUlps = ConstU32<1024>;
	/// 1e-3 absolute and 1e-3 relative, for the same reason in decimal terms.
	type MaxAbsTolerance = ConstU64<1_000_000>;
	type MaxRelTolerance = ConstU32<1_000_000>;
	type InferenceBounds = InferenceBounds;
	type MaxRedundancy = ConstU32<16>;
	/// A session's validators: the staking election's winners.
	type MaxAttestors = MaxValidatorSet;
	type AttestationFee = AttestationFee;
	type AssignmentDelay = ConstU32<2>;
	/// Ten blocks waiting for attestors with room before the fee is refunded.
	type MaxAssignmentWait = ConstU32<10>;
	type CommitWindow = ConstU32<10>;
	type RevealWindow = ConstU32<10>;
	type Quorum = InferenceQuorum;
	type MaxEscalations = ConstU32<2>;
	type RetentionPeriod = JobRetention;
	type AgendaWeight = InferenceAgendaWeight;
	/// Two blocks behind, an admitted job still meets its first deadline on time; further
	/// behind, submissions wait in the dApp rather than on the chain's agenda.
	type MaxAgendaLag = ConstU32<2>;
	type MaxJobsPerAttestor = ConstU32<1024>;
	/// One batch a block covers hundreds of jobs; its byte size is cut by the worker to fit
	/// the block length.
	type MaxBatch = ConstU32<256>;
	type ChallengeWindow = ConstU32<CHALLENGE_WINDOW>;
	type ChallengeBondBase = ChallengeBondBase;
	type ChallengeBondShare = ChallengeBondShare;
	/// A result overturned once can be challenged once more; then it is irreversible.
	type MaxChallenges = ConstU32<2>;
}

// ---------------------------------------------------------------------------------------------
// AttestationEconomics
// ---------------------------------------------------------------------------------------------

parameter_types! {
	/// As many points as an authored block (pallet-staking gives 20).
	pub const PointsPerAttestation: u32 = 20;
	/// A wrong answer costs 5% of the exposure (see `docs/tokenomics.md`).
	pub const AttestationFaultSlash: Perbill = Perbill::from_percent(5);
	/// Persistent absence costs 0.1% of the exposure.
	pub const AttestationAbsenceSlash: Perbill = Perbill::from_parts(1_000_000);
	/// Absences within one session before they are an offence.
	pub const AttestationAbsenceThreshold: u32 = 5;
	/// Two validator sets: rounds that straddle a session change bring the previous set's.
	pub const MaxTrackedAttestors: u32 = 2 * MaxValidatorSet::get();
	/// A thousand offences can wait: more than the faults of 60 full reveal batches.
	pub const MaxPendingReports: u32 = 1024;
	/// Offences reported per block. Each is a slash computation over up to 256 nominators:
	/// about 50 ms of weight at worst (benchmarked), so two take a twentieth of a block.
	pub const MaxReportsPerBlock: u32 = 2;
}

impl pallet_attestation_economics::Config for Runtime {
	type ValidatorSet = Historical;
	type Rewards = Staking;
	type ReportOffence = Offences;
	type WeightInfo = pallet_attestation_economics::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AttestationBenchmarkHelper;
	type PointsPerAttestation = PointsPerAttestation;
	type FaultSlash = AttestationFaultSlash;
	type AbsenceSlash = AttestationAbsenceSlash;
	type AbsenceThreshold = AttestationAbsenceThreshold;
	type MaxTrackedAttestors = MaxTrackedAttestors;
	type MaxPendingReports = MaxPendingReports;
	type MaxReportsPerBlock = MaxReportsPerBlock;
}

/// Benchmark validators: bonded stashes in the session's validator set, each exposed in the
/// active era with a full page of nominators, so a slash computation reaches all of them.
#[cfg(feature = "runtime-benchmarks")]
pub struct AttestationBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_attestation_economics::BenchmarkHelper<AccountId> for AttestationBenchmarkHelper {
	fn validators(n: u32) -> alloc::vec::Vec<AccountId> {
		use pallet_staking::{testing_utils::create_stash_controller, RewardDestination};
		use sp_staking::{Exposure, IndividualExposure};
		let era = pallet_staking::ActiveEra::<Runtime>::get().map(|era| era.index).unwrap_or(0);
		let validators: alloc::vec::Vec<AccountId> = (0..n)
			.map(|i| {
				let (stash, _) = create_stash_controller::<Runtime>(
					10_000 + i,
					1_000,
					RewardDestination::Staked,
				)
				.expect("a funded benchmark account can bond");
				let others: alloc::vec::Vec<_> = (0..MaxExposurePageSize::get())
					.map(|j| IndividualExposure {
						who: frame_benchmarking::account("nominator", i * 1_000 + j, 0),
						value: OPG,
					})
					.collect();
				let own = 10_000 * OPG;
				let total = own + OPG * others.len() as Balance;
				Staking::add_era_stakers(era, stash.clone(), Exposure { total, own, others });
				stash
			})
			.collect();
		pallet_session::Validators::<Runtime>::put(validators.clone());
		validators
	}
}

// ---------------------------------------------------------------------------------------------
// Utility
// ---------------------------------------------------------------------------------------------

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Sudo
// ---------------------------------------------------------------------------------------------

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
