//! Command-line interface of `opg-node`.

/// The `opg-node` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one, the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of the running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Inference options of a validator.
	#[clap(flatten)]
	pub inference: crate::inference::InferenceParams,
}

/// Subcommands of `opg-node`.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a chain, as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: `pallet` (with `--runtime` pointing at a runtime built with the
	/// `runtime-benchmarks` feature), `block` and `machine`.
	#[cfg(feature = "benchmark-cli")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Benchmarks; this binary was built without them (build with `--features
	/// benchmark-cli`, as `scripts/benchmark-pallets.sh` does).
	#[cfg(not(feature = "benchmark-cli"))]
	Benchmark,

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Run an ONNX model on input tensors with the validators' inference engine.
	Infer(crate::verify::InferCmd),

	/// Re-execute a finalised job fetched from a node and compare with the chain's result; exits
	/// non-zero on disagreement, after challenging the result with `--challenge`.
	VerifyJob(crate::verify::VerifyJobCmd),

	/// Watchtower: re-execute every job of chosen models as it is finalised, and challenge the
	/// results that disagree.
	Watch(crate::watchtower::WatchCmd),

	/// The node's model store.
	#[command(subcommand)]
	Model(crate::inference::ModelCmd),
}
