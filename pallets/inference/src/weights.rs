//! Weights of pallet-inference.
//!
//! PROVISIONAL: analytical upper bounds, not yet measured. `scripts/benchmark-pallets.sh`
//! regenerates this file from the frame-benchmarking v2 benchmarks in `benchmarking.rs`
//! (`opg-node benchmark pallet`); until then each call is charged for its storage accesses at
//! the database weights plus a generous compute allowance: 2 ns per hashed or decoded byte,
//! 100 µs per pairwise comparison of two 16 KiB outputs, 10 µs per balance hold operation.
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_inference`.
pub trait WeightInfo {
	fn register_model(b: u32) -> Weight;
	fn register_model_by_uri() -> Weight;
	fn retire_model() -> Weight;
	fn submit_job(i: u32) -> Weight;
	fn commit(n: u32) -> Weight;
	fn reveal(n: u32) -> Weight;
	fn on_initialize_base() -> Weight;
	fn assign(r: u32) -> Weight;
	fn close_commits() -> Weight;
	fn resolve(r: u32) -> Weight;
	fn prune() -> Weight;
}

/// Upper bounds with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

macro_rules! weights {
	($db:expr) => {
		fn register_model(b: u32) -> Weight {
			Weight::from_parts(60_000_000, 4_000)
				.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(b.into()))
				.saturating_add($db.reads(3))
				.saturating_add($db.writes(3))
		}
		fn register_model_by_uri() -> Weight {
			Weight::from_parts(60_000_000, 4_000)
				.saturating_add($db.reads(3))
				.saturating_add($db.writes(3))
		}
		fn retire_model() -> Weight {
			Weight::from_parts(50_000_000, 4_000)
				.saturating_add($db.reads(3))
				.saturating_add($db.writes(3))
		}
		fn submit_job(i: u32) -> Weight {
			// The agenda may be searched over its 64-block spread.
			Weight::from_parts(90_000_000, 70_000)
				.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(i.into()))
				.saturating_add($db.reads(70))
				.saturating_add($db.writes(7))
		}
		fn commit(n: u32) -> Weight {
			Weight::from_parts(20_000_000, 1_000)
				.saturating_add(Weight::from_parts(40_000_000, 70_000).saturating_mul(n.into()))
				.saturating_add($db.reads(1))
				.saturating_add($db.reads(66_u64.saturating_mul(n.into())))
				.saturating_add($db.writes(2_u64.saturating_mul(n.into())))
		}
		fn reveal(n: u32) -> Weight {
			// Hashing and decoding a 16 KiB output, and checking it against the signature.
			Weight::from_parts(20_000_000, 1_000)
				.saturating_add(Weight::from_parts(150_000_000, 20_000).saturating_mul(n.into()))
				.saturating_add($db.reads(1))
				.saturating_add($db.reads(3_u64.saturating_mul(n.into())))
				.saturating_add($db.writes(2_u64.saturating_mul(n.into())))
		}
		fn on_initialize_base() -> Weight {
			Weight::from_parts(5_000_000, 1_000)
				.saturating_add($db.reads(1))
				.saturating_add($db.writes(1))
		}
		fn assign(r: u32) -> Weight {
			Weight::from_parts(80_000_000, 70_000)
				.saturating_add(Weight::from_parts(15_000_000, 3_000).saturating_mul(r.into()))
				.saturating_add($db.reads(70))
				.saturating_add($db.reads(r.into()))
				.saturating_add($db.writes(2))
				.saturating_add($db.writes(r.into()))
		}
		fn close_commits() -> Weight {
			Weight::from_parts(30_000_000, 70_000)
				.saturating_add($db.reads(66))
				.saturating_add($db.writes(2))
		}
		fn resolve(r: u32) -> Weight {
			// Up to r x r comparisons of 16 KiB outputs (bounded here by r x 16), a fee transfer
			// per attestor, and the attestors' job lists.
			Weight::from_parts(80_000_000, 10_000)
				.saturating_add(Weight::from_parts(1_650_000_000, 40_000).saturating_mul(r.into()))
				.saturating_add($db.reads(4))
				.saturating_add($db.reads(4_u64.saturating_mul(r.into())))
				.saturating_add($db.writes(5))
				.saturating_add($db.writes(4_u64.saturating_mul(r.into())))
		}
		fn prune() -> Weight {
			Weight::from_parts(30_000_000, 10_000)
				.saturating_add($db.reads(2))
				.saturating_add($db.writes(4))
		}
	};
}

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	weights!(T::DbWeight::get());
}

/// The same bounds with RocksDB weights, for tests and mocks.
impl WeightInfo for () {
	weights!(RocksDbWeight::get());
}
