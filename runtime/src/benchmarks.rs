//! The pallets whose benchmarks the runtime exposes to `opg-node benchmark pallet`.

use super::Runtime;

/// `frame_system`'s benchmarks need nothing more of the runtime.
impl frame_system_benchmarking::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_inference, Inference]
	[pallet_attestation_economics, AttestationEconomics]
);
