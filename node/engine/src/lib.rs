//! # OPG Chain inference engine
//!
//! Runs ONNX models natively with [tract](https://github.com/sonos/tract) (`tract-onnx` 0.23)
//! on behalf of OPG Chain validators, which attest the outputs on chain. Models and inputs come
//! from untrusted users: every failure is a typed [`EngineError`], panics inside tract are
//! contained, and work is bounded in size, time and concurrency.
//!
//! - [`Engine::load`] checks a model's size and blake2-256 hash, parses it, checks that every
//!   operator is supported and that the graph matches the declared
//!   [`ModelSignature`](opg_inference_primitives::ModelSignature), optimises it once and caches
//!   the plan (LRU, bounded in entries and approximate bytes);
//! - [`Engine::run`] checks inputs against the signature, runs the plan on a worker thread
//!   under a timeout and a concurrency limit, and returns canonical output
//!   [`Tensor`](opg_inference_primitives::Tensor)s to compare with
//!   [`outputs_agree`](opg_inference_primitives::outputs_agree);
//! - [`EngineError::code`] maps failures to the on-chain
//!   [`error_code`](opg_inference_primitives::error_code)s and
//!   [`EngineError::is_deterministic`] tells which ones may be revealed;
//! - [`io`] reads and writes tensors as NumPy `.npy`, ONNX `TensorProto` `.pb` and JSON.
//!
//! ## Integrating the engine in the node
//!
//! - **Blocking calls.** [`Engine::load`] and [`Engine::run`] block the calling thread until the
//!   work is done or its deadline passes. Call them from a blocking context
//!   (`tokio::task::spawn_blocking`, a dedicated thread), never on an async executor thread.
//! - **Threads.** Each load and each inference runs on a fresh worker thread (16 MiB stack)
//!   that holds one of [`EngineConfig::max_concurrency`] slots; tract itself is single-threaded
//!   inside one inference. The default is half the cores, at least one, so block production
//!   and networking always keep cores. Only one engine per process should exist, or their
//!   limits add up.
//! - **Timeouts.** tract cannot be interrupted. When a deadline passes the caller gets
//!   [`EngineError::Timeout`] at once, but the worker goes on until it ends, keeping its slot and
//!   its memory; meanwhile further calls may fail with [`EngineError::Busy`]. Both are
//!   non-deterministic failures and must not be revealed on chain.
//! - **Memory.** tract has no allocator limit. What is bounded: the model size
//!   ([`EngineConfig::max_model_bytes`]), the input elements per inference
//!   ([`EngineConfig::max_input_elements`]), each input and output tensor (1 MiB, the canonical
//!   limit), the cached plans ([`EngineConfig::max_cached_plans`],
//!   [`EngineConfig::max_cached_bytes`], estimated from constants and packed weights) and the
//!   number of concurrent workers. What is not: the intermediate activations of one inference
//!   (a small model can expand a small input into gigabytes, e.g. with `Expand` or `Tile`),
//!   and the transient memory of parsing and optimising a model (a few times its size). An
//!   allocation failure aborts the process: run the node under a memory limit (cgroup,
//!   systemd `MemoryMax`) sized for `max_concurrency` large inferences, and restrict the
//!   models a validator accepts if that is not enough.
//! - **Dynamic dimensions.** A [`Dim::Dynamic`](opg_inference_primitives::Dim) axis is kept
//!   symbolic in the plan: one plan per model hash serves every input shape the signature
//!   admits, so a model is optimised once and users cannot force re-optimisations by varying
//!   shapes. Fixed axes are pinned to their constants before optimisation.
//! - **Panics.** They are caught, reported as [`EngineError::Panicked`] (non-deterministic),
//!   and printed to stderr by the panic hook. The node must keep `panic = "unwind"` (it does).
//! - **Metrics.** [`Engine::stats`] returns plain counters and gauges for Prometheus.
//!
//! ## Agreement across CPUs
//!
//! tract picks SIMD kernels per CPU (x86-64: SSE2, AVX, FMA/AVX2, AVX-512), so honest
//! validators can get float outputs differing in the last bits; integer kernels are exact.
//! The environment variable `TRACT_CPU_ISA` (read once per process, comma-separated features
//! with `+`/`-`, e.g. `-avx512f` or `-avx512f,-avx512vnni,-fma,-avx2,-f16c`) removes features
//! from tract's kernel selection; the tests use it to measure the spread between variants on
//! one machine and to size each fixture's comparison policy.

#![deny(missing_docs)]
#![cfg_attr(
	not(test),
	deny(clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unwrap_used)
)]

mod cache;
mod compile;
mod convert;
mod engine;
mod error;
pub mod io;
mod worker;

pub use compile::describe;
pub use engine::{default_concurrency, Engine, EngineConfig, EngineStats, ModelHandle};
pub use error::{EngineError, EngineErrorKind, SignatureSide};
