//! Weights of pallet-attestation-economics.
//!
//! PROVISIONAL until `scripts/benchmark-pallets.sh` regenerates this file from
//! `benchmarking.rs`: storage accesses at the database weights plus 10 µs of compute per
//! attestor, and 100 ms per reported offence (a slash computed for 256 nominators).
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of `pallet_attestation_economics`.
pub trait WeightInfo {
	fn on_round_end(n: u32) -> Weight;
	fn clear_absences(c: u32) -> Weight;
	fn report_offences(k: u32) -> Weight;
}

/// Upper bounds with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn on_round_end(n: u32) -> Weight {
		Weight::from_parts(10_000_000, 1_000)
			.saturating_mul(n.into())
			.saturating_add(T::DbWeight::get().reads_writes(4, 4).saturating_mul(n.into()))
	}
	fn clear_absences(c: u32) -> Weight {
		T::DbWeight::get().reads_writes(2, 2).saturating_add(T::DbWeight::get().writes(c.into()))
	}
	fn report_offences(k: u32) -> Weight {
		T::DbWeight::get()
			.reads(1)
			.saturating_add(Weight::from_parts(100_000_000, 50_000).saturating_mul(k.into()))
	}
}

impl WeightInfo for () {
	fn on_round_end(n: u32) -> Weight {
		Weight::from_parts(10_000_000, 1_000)
			.saturating_mul(n.into())
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4).saturating_mul(n.into()))
	}
	fn clear_absences(c: u32) -> Weight {
		RocksDbWeight::get()
			.reads_writes(2, 2)
			.saturating_add(RocksDbWeight::get().writes(c.into()))
	}
	fn report_offences(k: u32) -> Weight {
		RocksDbWeight::get()
			.reads(1)
			.saturating_add(Weight::from_parts(100_000_000, 50_000).saturating_mul(k.into()))
	}
}
