//! Canonical SCALE decoding of `Tensor`, `Tensors` and `InferenceOutcome`.
//!
//! The property lives in the primitives' tests, which replay the committed seeds and
//! regressions through it (`pallets/inference/primitives/tests/fuzz_replay.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../pallets/inference/primitives/tests/fuzz_properties/tensor_decode.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
