//! `opg-node`: the OPG Chain node.

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error`, large by design, are what the runner and service
// builder APIs take and return; boxing them at every call would only hide that.
#![allow(clippy::result_large_err)]
#![cfg_attr(
	not(test),
	deny(clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unwrap_used)
)]

mod chain_spec;
mod challenger;
mod cli;
mod command;
mod extrinsic;
mod inference;
mod inference_rpc;
mod reexecute;
mod remote;
mod rpc;
mod service;
mod signer;
mod verify;
mod watchtower;

fn main() -> sc_cli::Result<()> {
	// An inference worker started by this node's inference service: dispatched before
	// anything else starts a thread (the worker moves itself into new namespaces).
	if std::env::args_os().nth(1).is_some_and(|arg| arg == inference::WORKER_SUBCOMMAND) {
		return opg_inference_service::run_inference_worker()
			.map_err(|e| sc_cli::Error::Input(format!("inference worker: {e}")));
	}
	command::run()
}
