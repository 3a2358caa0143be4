//! `opg-node`: the OPG Chain node.

#![warn(missing_docs)]

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
