//! Integration tests of `opg-inference-engine`, in a single test binary (tract is large, and
//! one binary links it once).

mod cache;
mod determinism;
mod failures;
mod fixtures;
mod hostile;
mod io;
mod isa;
mod support;
