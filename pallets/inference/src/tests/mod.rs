//! Unit tests of the inference pallet, split by topic. Every scenario ends with `try_state`.

mod admission;
mod agenda;
mod attestation;
mod challenges;
mod jobs;
mod offchain;
mod properties;
mod pruning;
mod registry;
