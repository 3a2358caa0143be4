//! The inference service's decoding of a `POST /v1/infer` body into an `InferRequest`.
//!
//! The property lives in the primitives' tests, which replay the committed seeds and
//! regressions through it (`pallets/inference/primitives/tests/fuzz_replay.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../pallets/inference/primitives/tests/fuzz_properties/infer_request_decode.rs"]
mod property;

fuzz_target!(|data: &[u8]| property::check(data));
