//! Unit tests of the attestation economics, split by topic. Every scenario ends with
//! `integrity_test` and `try_state`.

mod absence;
mod faults;
mod rewards;
