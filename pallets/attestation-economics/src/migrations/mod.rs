//! Storage migrations of the attestation economics pallet, one module per storage version.

pub mod v1;
