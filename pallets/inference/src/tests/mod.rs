//! Unit tests of the inference pallet, split by topic. Every scenario ends with `try_state`.

mod agenda;
mod attestation;
mod challenges;
mod jobs;
mod offchain;
mod properties;
mod pruning;
mod registry;
