//! Storage migrations of the inference pallet, one module per storage version.

pub mod v1;
