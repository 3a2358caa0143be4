//! `opg-node`: the OPG Chain node.

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error`, large by design, are what the runner and service
// builder APIs take and return; boxing them at every call would only hide that.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod inference;
mod rpc;
mod service;
mod verify;

fn main() -> sc_cli::Result<()> {
	command::run()
}
