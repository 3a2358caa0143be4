//! Nomination pools on the genesis presets: the open pool they create, a holder below the minimum
//! nominator bond joining it, unbonding and withdrawing after the bonding duration, and a slash
//! of the pool's bonded account reaching each member in proportion through delegated staking.

use std::collections::BTreeMap;

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Get, Imbalance},
};
use opg_runtime::{
	configs::{ElectionBoundsOnChain, MaxUnbondingPools, PoolSlashRewardFraction},
	currency::*,
	genesis_config_presets::{
		genesis_pool_depositor, ENDOWMENT, GENESIS_POOL_NAME, GENESIS_POOL_STAKE,
	},
	pools,
	time::BONDING_DURATION,
	AccountId, Balance, Balances, NominationPools, Runtime, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, Staking, System,
};
use pallet_nomination_pools::{BondedPools, PoolMembers, PoolState};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Perbill, Rounding};
use sp_staking::{EraIndex, StakingInterface};

mod common;

/// The presets' pool: the first one created.
const POOL: u32 = 1;
/// What a holder bonds in the pool: less than the minimum nominator bond.
const HOLDER_BOND: Balance = 5 * OPG;
/// What a holder owns before joining.
const HOLDER_FUNDS: Balance = 10 * OPG;

fn local_testnet() -> sp_io::TestExternalities {
	let mut ext = common::preset_storage(LOCAL_TESTNET_RUNTIME_PRESET);
	// Events are recorded from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn genesis_validators(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	let mut validators: Vec<AccountId> = keys.iter().map(|k| k.to_account_id()).collect();
	validators.sort();
	validators
}

/// A fresh account holding `HOLDER_FUNDS`, sent by Ferdie.
fn funded_holder(seed: u8) -> AccountId {
	let holder = AccountId::from([seed; 32]);
	assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
		holder.clone().into(),
		HOLDER_FUNDS,
	));
	holder
}

/// What `who` has delegated to its pool: held in its own account.
fn delegated(who: &AccountId) -> Balance {
	let reason = RuntimeHoldReason::DelegatedStaking(
		pallet_delegated_staking::HoldReason::StakingDelegation,
	);
	Balances::balance_on_hold(&reason, who)
}

/// The pool's bonded account, which stakes, and its reward account, which staking pays.
fn pool_accounts() -> (AccountId, AccountId) {
	NominationPools::api_pool_accounts(POOL)
}

fn active_stake(who: &AccountId) -> Balance {
	pallet_staking::Ledger::<Runtime>::get(who).expect("bonded").active
}

fn current_era() -> EraIndex {
	pallet_staking::CurrentEra::<Runtime>::get().expect("genesis starts era 0")
}

fn assert_genesis_pool(validators: Vec<AccountId>) {
	let depositor = genesis_pool_depositor();
	let pool = BondedPools::<Runtime>::get(POOL).expect("the presets create pool 1");
	assert_eq!(BondedPools::<Runtime>::count(), 1);
	assert_eq!(pool.state, PoolState::Open);
	assert_eq!((pool.member_counter, pool.points), (1, GENESIS_POOL_STAKE));
	assert_eq!(pool.roles.depositor, depositor);
	for role in [&pool.roles.root, &pool.roles.nominator, &pool.roles.bouncer] {
		assert_eq!(role.as_ref(), Some(&depositor), "the depositor holds every role");
	}
	assert_eq!(pool.commission.current, None, "no commission until its root sets one");
	assert_eq!(
		pallet_nomination_pools::Metadata::<Runtime>::get(POOL).into_inner(),
		GENESIS_POOL_NAME
	);

	let (bonded, reward) = pool_accounts();
	let mut targets = pallet_staking::Nominators::<Runtime>::get(&bonded)
		.expect("the pool's bonded account nominates")
		.targets
		.into_inner();
	targets.sort();
	assert_eq!(targets, validators);
	assert_eq!(active_stake(&bonded), GENESIS_POOL_STAKE);
	assert!(
		<Staking as StakingInterface>::is_virtual_staker(&bonded),
		"the pool stakes delegated funds"
	);
	// The bond stays in the depositor's account, held; the reward account holds the deposit.
	assert_eq!(delegated(&depositor), GENESIS_POOL_STAKE);
	assert_eq!(
		Balances::free_balance(&depositor),
		ENDOWMENT - GENESIS_POOL_STAKE - EXISTENTIAL_DEPOSIT
	);
	assert_eq!(Balances::free_balance(&reward), EXISTENTIAL_DEPOSIT);
}

#[test]
fn the_presets_open_one_pool_nominating_the_genesis_validators() {
	use Sr25519Keyring::{Alice, Bob, Charlie};
	common::preset_storage(DEV_RUNTIME_PRESET)
		.execute_with(|| assert_genesis_pool(genesis_validators(&[Alice])));
	common::preset_storage(LOCAL_TESTNET_RUNTIME_PRESET)
		.execute_with(|| assert_genesis_pool(genesis_validators(&[Alice, Bob, Charlie])));
}

#[test]
fn the_presets_set_the_documented_pool_parameters() {
	local_testnet().execute_with(|| {
		use pallet_nomination_pools::{
			GlobalMaxCommission, MaxPoolMembers, MaxPoolMembersPerPool, MaxPools, MinCreateBond,
			MinJoinBond,
		};
		assert_eq!(MinJoinBond::<Runtime>::get(), pools::MIN_JOIN_BOND);
		assert_eq!(MinCreateBond::<Runtime>::get(), pools::MIN_CREATE_BOND);
		assert_eq!(MaxPools::<Runtime>::get(), Some(pools::MAX_POOLS));
		assert_eq!(MaxPoolMembers::<Runtime>::get(), Some(pools::MAX_MEMBERS));
		assert_eq!(MaxPoolMembersPerPool::<Runtime>::get(), None);
		assert_eq!(GlobalMaxCommission::<Runtime>::get(), Some(pools::MAX_COMMISSION));
		// A depositor bonds the larger of the create bond and staking's nominator bond.
		assert_eq!(NominationPools::depositor_min_bond(), pools::MIN_CREATE_BOND);
	});
}

#[test]
fn pool_parameters_are_consistent() {
	// Checked when the test compiles: a violation fails the build of the test suite.
	const { assert!(pools::MIN_JOIN_BOND < MIN_NOMINATOR_BOND) };
	const { assert!(pools::MIN_JOIN_BOND > EXISTENTIAL_DEPOSIT) };
	const { assert!(pools::MIN_CREATE_BOND >= MIN_NOMINATOR_BOND) };
	const { assert!(GENESIS_POOL_STAKE >= pools::MIN_CREATE_BOND) };
	const { assert!(ENDOWMENT > GENESIS_POOL_STAKE + EXISTENTIAL_DEPOSIT) };
	const { assert!(HOLDER_BOND >= pools::MIN_JOIN_BOND && HOLDER_BOND < MIN_NOMINATOR_BOND) };
	assert!(pools::MAX_COMMISSION < Perbill::one());
	let voters = ElectionBoundsOnChain::get().voters.count.expect("bounded").0;
	assert!(pools::MAX_POOLS * 50 < voters, "pools are at most 2% of the election's voters");
	// Every unbonding era has its own sub-pool, so a slash finds the chunks it may reach.
	assert!(MaxUnbondingPools::get() > BONDING_DURATION);
	let member_chunks: u32 = <Runtime as pallet_nomination_pools::Config>::MaxUnbonding::get();
	let staker_chunks: u32 = <Runtime as pallet_staking::Config>::MaxUnlockingChunks::get();
	assert_eq!(member_chunks, staker_chunks);
	assert!(PoolSlashRewardFraction::get() < Perbill::from_percent(10));
}

#[test]
fn a_holder_below_the_minimum_nominator_bond_joins_the_genesis_pool() {
	local_testnet().execute_with(|| {
		// Bonding directly, the holder could not nominate.
		let direct = funded_holder(1);
		assert_ok!(Staking::bond(
			RuntimeOrigin::signed(direct.clone()),
			HOLDER_BOND,
			pallet_staking::RewardDestination::Staked,
		));
		assert_noop!(
			Staking::nominate(
				RuntimeOrigin::signed(direct),
				vec![Sr25519Keyring::Alice.to_account_id().into()]
			),
			pallet_staking::Error::<Runtime>::InsufficientBond
		);

		let holder = funded_holder(2);
		assert_ok!(NominationPools::join(RuntimeOrigin::signed(holder.clone()), HOLDER_BOND, POOL));
		let member = PoolMembers::<Runtime>::get(&holder).expect("a member");
		assert_eq!((member.pool_id, member.points), (POOL, HOLDER_BOND));
		assert_eq!(NominationPools::api_member_total_balance(holder.clone()), HOLDER_BOND);
		assert_eq!(NominationPools::api_pending_rewards(holder.clone()), Some(0));
		// The pool stakes the bond, which stays in the holder's account, held.
		assert_eq!(active_stake(&pool_accounts().0), GENESIS_POOL_STAKE + HOLDER_BOND);
		assert_eq!(delegated(&holder), HOLDER_BOND);
		assert_eq!(Balances::free_balance(&holder), HOLDER_FUNDS - HOLDER_BOND);
		assert_eq!(BondedPools::<Runtime>::get(POOL).unwrap().member_counter, 2);

		let short = funded_holder(3);
		assert_noop!(
			NominationPools::join(RuntimeOrigin::signed(short), pools::MIN_JOIN_BOND - 1, POOL),
			pallet_nomination_pools::Error::<Runtime>::MinimumBondNotMet
		);
	});
}

/// Sets staking's current and active era, as the end of eras would.
fn set_era(index: EraIndex) {
	pallet_staking::CurrentEra::<Runtime>::put(index);
	pallet_staking::ActiveEra::<Runtime>::put(pallet_staking::ActiveEraInfo { index, start: None });
}

#[test]
fn a_member_withdraws_after_the_bonding_duration() {
	local_testnet().execute_with(|| {
		let holder = funded_holder(4);
		assert_ok!(NominationPools::join(RuntimeOrigin::signed(holder.clone()), HOLDER_BOND, POOL));
		let era = current_era();
		assert_ok!(NominationPools::unbond(
			RuntimeOrigin::signed(holder.clone()),
			holder.clone().into(),
			HOLDER_BOND,
		));
		let member = PoolMembers::<Runtime>::get(&holder).expect("still a member, unbonding");
		assert_eq!(member.points, 0);
		assert_eq!(
			member.unbonding_eras.into_inner(),
			BTreeMap::from([(era + BONDING_DURATION, HOLDER_BOND)])
		);
		assert_eq!(delegated(&holder), HOLDER_BOND, "held while it unbonds");

		let withdraw = || {
			NominationPools::withdraw_unbonded(
				RuntimeOrigin::signed(holder.clone()),
				holder.clone().into(),
				0,
			)
		};
		set_era(era + BONDING_DURATION - 1);
		assert_noop!(withdraw(), pallet_nomination_pools::Error::<Runtime>::CannotWithdrawAny);
		set_era(era + BONDING_DURATION);
		assert_ok!(withdraw());
		assert!(PoolMembers::<Runtime>::get(&holder).is_none(), "no longer a member");
		assert_eq!(delegated(&holder), 0);
		assert_eq!(Balances::free_balance(&holder), HOLDER_FUNDS);
		assert_eq!(active_stake(&pool_accounts().0), GENESIS_POOL_STAKE);
	});
}

/// `who`'s pending slash after the pool's active stake fell to `active` for `pool_points`:
/// its delegation less the worth of its points, which the pallet rounds down.
fn expected_pending_slash(points: Balance, active: Balance, pool_points: Balance) -> Balance {
	points
		- multiply_by_rational_with_rounding(points, active, pool_points, Rounding::Down).unwrap()
}

#[test]
fn a_slash_of_the_pool_reaches_each_member_in_proportion() {
	local_testnet().execute_with(|| {
		let holder = funded_holder(5);
		let depositor = genesis_pool_depositor();
		assert_ok!(NominationPools::join(RuntimeOrigin::signed(holder.clone()), HOLDER_BOND, POOL));
		let (bonded, _) = pool_accounts();
		let points = BondedPools::<Runtime>::get(POOL).unwrap().points;
		assert_eq!(points, GENESIS_POOL_STAKE + HOLDER_BOND);

		// What staking does when a deferred slash of a validator the pool backs is applied: the
		// attestation fault's 5% of the pool's exposure, taken from its bonded account.
		let slash = Perbill::from_percent(5) * active_stake(&bonded);
		let mut reward_payout = 0;
		let mut burned = pallet_staking::NegativeImbalanceOf::<Runtime>::zero();
		pallet_staking::slashing::do_slash::<Runtime>(
			&bonded,
			slash,
			&mut reward_payout,
			&mut burned,
			current_era(),
		);
		assert_eq!(burned.peek(), 0, "nothing leaves the bonded account: it holds no funds");
		let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&RuntimeEvent::Staking(pallet_staking::Event::Slashed {
			staker: bonded.clone(),
			amount: slash,
		})));
		assert!(events.contains(&RuntimeEvent::NominationPools(
			pallet_nomination_pools::Event::PoolSlashed { pool_id: POOL, balance: points - slash }
		)));

		// The pool's loss is pending, shared by points; each member's worth has already fallen.
		let active = active_stake(&bonded);
		assert_eq!(active, points - slash);
		assert_eq!(NominationPools::api_pool_pending_slash(POOL), slash);
		assert_eq!(NominationPools::api_pool_balance(POOL), points - slash);
		let pending = |who: &AccountId| NominationPools::api_member_pending_slash(who.clone());
		let holder_share = expected_pending_slash(HOLDER_BOND, active, points);
		let depositor_share = expected_pending_slash(GENESIS_POOL_STAKE, active, points);
		assert_eq!(pending(&holder), holder_share);
		assert_eq!(pending(&depositor), depositor_share);
		assert!(holder_share + depositor_share - slash <= 1, "shares add up to the slash");
		assert_eq!(
			NominationPools::api_member_total_balance(holder.clone()),
			HOLDER_BOND - holder_share
		);

		// Anyone applies a member's share; the applier gets 1% of it, the rest is burned.
		let reporter = Sr25519Keyring::Eve.to_account_id();
		let (reporter_before, issuance_before) =
			(Balances::free_balance(&reporter), Balances::total_issuance());
		assert_ok!(NominationPools::apply_slash(
			RuntimeOrigin::signed(reporter.clone()),
			holder.clone().into()
		));
		assert_eq!(delegated(&holder), HOLDER_BOND - holder_share);
		assert_eq!(pending(&holder), 0);
		let reward = PoolSlashRewardFraction::get() * holder_share;
		assert_eq!(Balances::free_balance(&reporter), reporter_before + reward);
		assert_eq!(Balances::total_issuance(), issuance_before - (holder_share - reward));
		assert_eq!(NominationPools::api_pool_pending_slash(POOL), slash - holder_share);
		// The depositor's share waits until someone applies it, or the depositor withdraws.
		assert_eq!(pending(&depositor), depositor_share);
		assert_eq!(delegated(&depositor), GENESIS_POOL_STAKE);
	});
}
