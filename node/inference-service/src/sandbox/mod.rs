//! Inference out of the node's process: models are loaded and run by worker processes.
//!
//! tract has no limit on the memory of a model's constants and intermediate tensors, and an
//! allocation failure aborts the process that makes it. The engine bounds what it can before
//! tract allocates (see the engine's documentation), but a bound computed from a model is an
//! estimate, and a bug in tract is a stranger's to find. So the service never runs a model in
//! the node: a [`WorkerPool`] starts [`EngineConfig::max_concurrency`] long-lived workers
//! (`opg-node inference-worker`, see [`run_inference_worker`]), each a process that
//!
//! - holds an engine of its own, with the limits the service was configured with (the
//!   deterministic bounds the chain mandates among them), and runs one load or inference at a
//!   time;
//! - confines itself before it reads a model (see `confinement.rs`): an address space limit
//!   ([`ServiceConfig::worker_memory_bytes`](crate::ServiceConfig)), no core dumps, no file
//!   written, no new privileges, no network, and no new file descriptor at all;
//! - talks to the service through its standard input and output only, one SCALE frame per
//!   message (see `protocol.rs`).
//!
//! The service kills a worker that misses the deadline of a load or a run (tract cannot be
//! interrupted otherwise, and a worker runs one thing at a time, so the deadline bounds its CPU
//! time too), and replaces a worker that dies; the request gets a local failure, which the
//! off-chain worker never commits. A model that killed three workers is refused at once until
//! the service restarts. Deterministic refusals (a model above the chain's bounds, an operator
//! tract lacks, ...) are answered by the worker's engine like before and committed by every
//! honest validator alike.
//!
//! The cost of the boundary is one copy of the inputs and outputs through a pipe and a context
//! switch per inference, and one copy of a model's bytes per load; `scripts/bench/` measures
//! it against the engine called in-process.
//!
//! [`EngineConfig::max_concurrency`]: opg_inference_engine::EngineConfig::max_concurrency

mod confinement;
mod inference_worker;
mod pool;
mod protocol;

pub use inference_worker::run_inference_worker;
pub use pool::{default_memory_limit, WorkerCommand, WorkerPool};
pub use protocol::Confinement;
