//! # OPG Chain inference engine
//!
//! Runs ONNX models natively with [tract](https://github.com/sonos/tract) (`tract-onnx` 0.23)
//! on behalf of OPG Chain validators, which attest the outputs on chain. Models and inputs come
//! from untrusted users: every failure is a typed [`EngineError`], panics inside tract are
//! contained, and work is bounded in size, time and concurrency.
//!
//! - [`Engine::load`] checks a model's size and blake2-256 hash, parses it, checks that every
//!   operator is supported and not in a configuration tract is known to compute wrong
//!   (`known_wrong.rs`: refused as [`EngineError::UnsupportedOperator`] with the reason, or
//!   checked on the inputs before each run), that no discrete result depends on the last bits
//!   of float arithmetic (see [Agreement across CPUs](#agreement-across-cpus)) and that the
//!   graph matches the declared
//!   [`ModelSignature`](opg_inference_primitives::ModelSignature), optimises it once and caches
//!   the plan (LRU, bounded in entries and approximate bytes);
//! - [`Engine::run`] checks inputs against the signature, runs the plan on a worker thread
//!   under a timeout and a concurrency limit (reusing the thread's tract state of the model's
//!   previous run when that cannot change the outputs), and returns canonical output
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
//! - **Threads.** Each load and each inference runs on one of at most
//!   [`EngineConfig::max_concurrency`] worker threads (16 MiB stack), started when first needed
//!   and kept for the next calls; tract itself is single-threaded inside one inference. The
//!   default is half the cores, at least one, so block production and networking always keep
//!   cores. Only one engine per process should exist, or their limits add up.
//! - **Timeouts.** tract cannot be interrupted. When a deadline passes the caller gets
//!   [`EngineError::Timeout`] at once, but the worker thread goes on until it ends, busy and
//!   holding its memory; meanwhile further calls may fail with [`EngineError::Busy`]. Both are
//!   non-deterministic failures and must not be revealed on chain.
//! - **Memory.** tract has no allocator limit, and an allocation failure aborts the process,
//!   so the engine bounds what a model may allocate before tract allocates it (see
//!   `bounds.rs`): the model size ([`EngineConfig::max_model_bytes`]); every tensor stored in
//!   the model must hold the data its shape declares (no external data); the constants tract
//!   computes while analysing the graph; and, before optimisation, an upper bound of every
//!   constant, input and intermediate tensor of one inference for the largest inputs the
//!   signature admits, which must stay within [`EngineConfig::max_tensor_bytes`] (2 GiB), and
//!   of its multiply-accumulates within [`EngineConfig::max_macs`]. Dynamic axes are bounded
//!   by [`EngineConfig::max_input_elements`], enforced on every run; a size that depends on
//!   values the model computes cannot be bounded and is refused. Such refusals are
//!   [`EngineError::ResourceBound`], deterministic, so the bounds are part of what the chain
//!   mandates. Also bounded: each input and output tensor (1 MiB, the canonical limit), the
//!   cached plans ([`EngineConfig::max_cached_plans`], [`EngineConfig::max_cached_bytes`],
//!   estimated from constants and packed weights) and the number of concurrent workers. Not
//!   bounded: kernel scratch space (it grows with the work, which is bounded) and the
//!   transient memory of decoding and optimising a model (a few times its size; the protobuf
//!   decoder can expand pathological encodings more). Run the node under a memory limit
//!   (cgroup, systemd `MemoryMax`) sized for `max_concurrency` times `max_tensor_bytes`.
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
//!
//! Float outputs are compared under a tolerance (the model's
//! [`ComparisonPolicy`](opg_inference_primitives::ComparisonPolicy)), but a discrete result
//! computed from floats cannot be: an `ArgMax` over two logits that differ by one ULP, a
//! `Greater` against a threshold or a `Cast` to an integer can return a different class, flag
//! or integer on each CPU, and the validators in the minority would be slashed for an honest
//! answer. [`Engine::load`] therefore refuses, with [`EngineError::FloatToDiscrete`] (on-chain
//! code [`FLOAT_TO_DISCRETE`](opg_inference_primitives::error_code::FLOAT_TO_DISCRETE),
//! deterministic), every model where the result of float arithmetic reaches a discrete
//! operation. The verdict is computed from the ONNX graph alone, never from the CPU or from
//! tract's optimised plan, so every honest node reaches the same one. The rule:
//!
//! - a value *varies* if it is a float produced by arithmetic: the output of any operator but
//!   those that only copy elements (`Reshape`, `Transpose`, `Gather`, `Slice`, `Concat`,
//!   `Where`, `Cast`, ...), whatever its inputs (`Exp` of a constant too). Graph inputs,
//!   initializers, `Constant`s, values computed from shapes (`Shape`, `ConstantOfShape`) and
//!   copies of these do not vary, nor does any integer or bool value;
//! - a node is refused if it reads the values of a varying input and produces an integer or
//!   bool output that is used (`ArgMax`, `ArgMin`, `TopK`'s or `MaxPool`'s indices,
//!   comparisons, `Cast` to an integer or bool, `NonZero`, `IsNaN`, `QuantizeLinear`,
//!   classifier labels, ...), or is a step function of it (`Round`, `Floor`, `Ceil`, `Sign`,
//!   `Hardmax`, `Mod`, `ThresholdedRelu`, `Shrink`, tree ensembles, `OneHot`'s indices,
//!   `Range`'s bounds, `Resize`'s scales, nearest-mode `GridSample`'s grid);
//! - sub-graphs (`If`, `Scan`) are analysed with the values of the enclosing graph; their
//!   float inputs (loop state) and float outputs vary.
//!
//! So a threshold on a raw input (`Greater(x, 0.5)`) is accepted, and so are integer-only
//! graphs and integer operators fed with constant float scales (`QLinearMatMul`,
//! `MatMulInteger`). Models in the QDQ format (float operators between `DequantizeLinear`
//! and `QuantizeLinear`) are refused: their `QuantizeLinear` rounds floats computed by CPU
//! dependent kernels. To serve a classifier, output the float scores (logits or
//! probabilities) and take the argmax in the application, which sees every validator's
//! agreed scores; or quantise the model to integer operators, which are exact on every CPU.

//!
//! ## Deterministic mode
//!
//! An engine configured with [`ExecutionMode::Deterministic`] (the mode of models registered
//! under the `Deterministic` comparison policy) computes the same output bits on every x86-64
//! and aarch64 CPU, so validators compare outputs by hash and a float result may feed an
//! `ArgMax` or a comparison. It pins tract to its portable generic kernels for the whole
//! process (one order of accumulation fixed in the source, no kernel choice by CPU feature,
//! fused multiply-adds either explicit everywhere or nowhere) and accepts only the operators
//! those kernels cover, [`DETERMINISTIC_OPERATORS`], with `f32` as the only float type;
//! anything else is refused at load with [`EngineError::NotDeterministic`] (deterministic).
//! The inference service runs deterministic models in worker processes of their own. The
//! tests run a set of float models (an MLP, a CNN with batch normalisation and pooling, a
//! transformer block with softmax, layer normalisation and GELU) under every instruction-set
//! variant of the machine and under aarch64 emulation, and compare the output bits
//! (`scripts/engine-determinism.sh`). Known limits: the sign of a zero and the payload of a
//! NaN chosen by `Max`, `Min` and max pooling between equal-magnitude operands may differ.

#![deny(missing_docs)]
#![cfg_attr(
	not(test),
	deny(clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unwrap_used)
)]

mod bounds;
mod cache;
mod compile;
mod convert;
mod determinism;
mod engine;
mod error;
pub mod io;
mod known_wrong;
mod portable;
mod session;
mod stats;
mod worker;

pub use compile::describe;
pub use engine::{default_concurrency, Engine, EngineConfig, ModelHandle};
pub use error::{EngineError, EngineErrorKind, SignatureSide};
pub use opg_inference_primitives::ExecutionMode;
pub use portable::COVERED as DETERMINISTIC_OPERATORS;
pub use stats::{EngineCounters, EngineStats};
