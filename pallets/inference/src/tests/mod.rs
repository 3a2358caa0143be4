//! Unit tests of the inference pallet, split by topic. Every scenario ends with `try_state`.

mod attestation;
mod jobs;
mod pruning;
mod registry;
