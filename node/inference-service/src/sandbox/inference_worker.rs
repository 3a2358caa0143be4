//! The inference worker: the process that loads and runs models for the service.
//!
//! Started by the service (`opg-node inference-worker`), it reads its settings, confines
//! itself (see [`confinement`](super::confinement)), reports its confinement, and then answers
//! requests one at a time with one engine of its own, until its standard input closes.

use super::{
	confinement,
	protocol::{read_frame, read_settings, write_frame, WorkerReply, WorkerRequest},
};
use opg_inference_engine::Engine;
use std::{io, os::fd::AsRawFd};

/// Runs an inference worker on the standard streams of this process until its input closes;
/// the entry point of `opg-node inference-worker`. Call it first thing in `main`, before any
/// thread starts (the worker moves itself into new namespaces, which needs a single thread).
///
/// # Errors
///
/// When the pipes to the service fail, a frame does not decode, or the address space limit
/// cannot be set.
pub fn run_inference_worker() -> io::Result<()> {
	let mut replies = confinement::take_stdout()?;
	let mut requests = io::stdin().lock();
	let Some(settings) = read_settings(&mut requests)? else { return Ok(()) };
	let confined = confinement::confine(&settings, replies.as_raw_fd())?;
	write_frame(&mut replies, &confined)?;
	let engine = Engine::new(settings.engine_config());
	let max_request_bytes = settings.max_request_bytes();
	while let Some(request) = read_frame(&mut requests, max_request_bytes)? {
		let reply = match request {
			WorkerRequest::Load { hash, signature, bounds, onnx } => WorkerReply::Loaded(
				engine
					.load_within(hash, &onnx, &signature, &bounds)
					.map(|model| u64::try_from(model.approx_bytes()).unwrap_or(u64::MAX)),
			),
			WorkerRequest::Run { hash, inputs } => WorkerReply::Ran(engine.run(hash, &inputs)),
		};
		write_frame(&mut replies, &reply)?;
	}
	Ok(())
}
