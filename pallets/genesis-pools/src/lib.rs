//! # Genesis pools pallet
//!
//! Nomination pools that exist from a chain's first block. `pallet-nomination-pools`' own genesis
//! configuration sets the pools' parameters (minimum bonds, maximum pools and members, the
//! commission bound) but creates no pool, so a development or test chain whose token holders
//! should find an open pool from the start lists it in [`GenesisConfig::pools`].
//!
//! Each pool is made the way its depositor would make it on a live chain, by the pools pallet's
//! own calls: [`create`](pallet_nomination_pools::Pallet::create) with the depositor in every role
//! (root, nominator and bouncer), then [`nominate`](pallet_nomination_pools::Pallet::nominate)
//! and [`set_metadata`](pallet_nomination_pools::Pallet::set_metadata). A genesis pool is thus
//! exactly what those calls make, checks included, and it is open. A pool that cannot be made
//! (a depositor short of its bond, a target that is not a validator) stops the genesis build.
//!
//! The pallet has no calls, storage or events. Genesis builds run in the order of the pallets in
//! the runtime: this one must come after `pallet-balances` (the depositor's funds),
//! `pallet-staking` (the validators, the minimum nominator bond) and `pallet-nomination-pools`
//! (the minimum create bond, the maximum number of pools). Staking's genesis election runs in
//! `pallet-session`'s genesis build: a pool created after it backs its validators from the next
//! election on, like any nomination made in the first era.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use core::fmt::Debug;
	use frame_support::pallet_prelude::*;
	use frame_system::{pallet_prelude::OriginFor, RawOrigin};
	use pallet_nomination_pools::{BalanceOf, LastPoolId, Pallet as Pools, PoolId};
	use sp_runtime::{traits::StaticLookup, DispatchResult};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_nomination_pools::Config {}

	/// A pool to create at genesis. Its depositor holds every role of the pool.
	#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
	#[serde(rename_all = "camelCase", deny_unknown_fields)]
	pub struct GenesisPool<AccountId, Balance> {
		/// Bonds [`Self::bond`] from its free balance, and is the pool's root, nominator and
		/// bouncer.
		pub depositor: AccountId,
		/// The depositor's bond: at least `pallet_nomination_pools::Pallet::depositor_min_bond`.
		pub bond: Balance,
		/// The validators the pool nominates.
		pub nominations: Vec<AccountId>,
		/// The pool's metadata, which wallets show as its name.
		pub metadata: Vec<u8>,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The pools, created in this order: the first gets pool id 1.
		pub pools: Vec<GenesisPool<T::AccountId, BalanceOf<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for pool in &self.pools {
				create_pool::<T>(pool);
			}
		}
	}

	/// Creates, nominates and names one pool, signed by its depositor.
	fn create_pool<T: Config>(pool: &GenesisPool<T::AccountId, BalanceOf<T>>) {
		let signed = || -> OriginFor<T> { RawOrigin::Signed(pool.depositor.clone()).into() };
		let role = || T::Lookup::unlookup(pool.depositor.clone());
		expect_ok(pool, "create", Pools::<T>::create(signed(), pool.bond, role(), role(), role()));
		let pool_id: PoolId = LastPoolId::<T>::get();
		expect_ok(
			pool,
			"nominate",
			Pools::<T>::nominate(signed(), pool_id, pool.nominations.clone()),
		);
		expect_ok(
			pool,
			"set_metadata",
			Pools::<T>::set_metadata(signed(), pool_id, pool.metadata.clone()),
		);
	}

	/// Stops the genesis build, naming the pool and the call, if the call failed.
	fn expect_ok<AccountId: Debug, Balance: Debug>(
		pool: &GenesisPool<AccountId, Balance>,
		call: &str,
		result: DispatchResult,
	) {
		if let Err(error) = result {
			panic!("genesis pool of {:?}: `{call}` failed: {error:?}", pool.depositor);
		}
	}
}
