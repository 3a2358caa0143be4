//! Integration tests of `opg-inference-engine`, in a single test binary (tract is large, and
//! one binary links it once).

mod cache;
mod determinism;
mod deterministic;
mod failures;
mod fixtures;
mod fuzz_model_load;
mod fuzz_replay;
mod hostile;
mod io;
mod isa;
mod support;
