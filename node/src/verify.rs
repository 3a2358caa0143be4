//! Public verification from the command line, with the engine validators use:
//! `opg-node infer` runs a model on tensor files, `opg-node verify-job` re-executes a finalised
//! job fetched from a node, compares it with the chain's result under the model's policy and,
//! with `--challenge`, challenges a result it disagrees with.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
};

use opg_inference_engine::{describe, io, Engine, EngineConfig, ExecutionMode};
use opg_inference_primitives::{InferenceOutcome, ModelSignature, Tensor};
use pallet_inference::ModelHash;

use crate::{
	challenger,
	reexecute::{read_model_file, Reexecutor},
	remote::{self, ToolError},
	signer::{Signer, SignerParams},
};

/// `opg-node infer`: run an ONNX model on input tensors.
#[derive(Debug, clap::Parser)]
pub struct InferCmd {
	/// The ONNX model file.
	#[arg(long)]
	pub model: PathBuf,
	/// An input tensor, repeated for several inputs in graph order: NumPy `.npy`, ONNX
	/// `TensorProto` `.pb`, or `.json` (`{"type": "f32", "shape": [1, 4], "data": [...]}`).
	#[arg(long = "input", required = true)]
	pub inputs: Vec<PathBuf>,
	/// Where to write the outputs, in the format of the extension (`y.npy`; further outputs go
	/// to `y.1.npy`, `y.2.npy`, ...). Without it, outputs are printed as JSON.
	#[arg(long)]
	pub output: Option<PathBuf>,
	/// Run in the deterministic mode, as validators run models registered under the
	/// `Deterministic` policy: portable kernels, the same output bits on every CPU, and a
	/// refusal (`NOT_DETERMINISTIC`) of operators the mode does not cover.
	#[arg(long)]
	pub deterministic: bool,
}

/// `opg-node verify-job`: re-execute a finalised job, compare with the chain's result, and
/// challenge it on disagreement.
#[derive(Debug, clap::Parser)]
pub struct VerifyJobCmd {
	/// The job id.
	pub job_id: u64,
	/// WebSocket RPC endpoint of a node that still holds the job (within its retention period).
	#[arg(long, default_value = remote::DEFAULT_NODE_URL)]
	pub url: String,
	/// The model's ONNX file. Without it, the bytes of a model registered inline are read from
	/// the node's offchain storage (`offchain_localStorageGet`, an unsafe RPC method: allowed on
	/// a local node, or with `--rpc-methods unsafe`).
	#[arg(long)]
	pub model: Option<PathBuf>,
	/// On disagreement, challenge the result if its challenge window is open: submit
	/// `Inference::challenge` with the hash of the local outcome, signed by the key of
	/// `--suri`, `--suri-file` or `--keystore-path`, which pays the fee and the bond.
	#[arg(long)]
	pub challenge: bool,
	/// The key that signs the challenge.
	#[command(flatten)]
	pub signer: SignerParams,
}

fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Tensor>, ToolError> {
	paths.iter().map(|p| io::read_tensor(p).map_err(|e| e.to_string().into())).collect()
}

fn output_path(base: &Path, index: usize) -> PathBuf {
	if index == 0 {
		return base.to_path_buf();
	}
	let stem = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
	let name = match base.extension() {
		Some(ext) => format!("{stem}.{index}.{}", ext.to_string_lossy()),
		None => format!("{stem}.{index}"),
	};
	base.with_file_name(name)
}

/// Loads `onnx` with `signature` into `engine` and runs it.
fn run(
	engine: &Engine,
	onnx: &[u8],
	signature: &ModelSignature,
	inputs: &[Tensor],
) -> Result<Vec<Tensor>, ToolError> {
	let hash = sp_io::hashing::blake2_256(onnx);
	engine.load(hash, onnx, signature)?;
	Ok(engine.run(hash, inputs)?)
}

impl InferCmd {
	/// Runs the command.
	pub fn run(&self) -> Result<(), ToolError> {
		let execution =
			if self.deterministic { ExecutionMode::Deterministic } else { ExecutionMode::Fastest };
		// Created before anything else touches tract: the deterministic mode selects tract's
		// kernels for the whole process.
		let engine = Engine::new(EngineConfig { execution, ..EngineConfig::default() });
		let onnx =
			std::fs::read(&self.model).map_err(|e| format!("{}: {e}", self.model.display()))?;
		let signature = describe(&onnx)?;
		let inputs = read_inputs(&self.inputs)?;
		let outputs = run(&engine, &onnx, &signature, &inputs)?;
		match &self.output {
			Some(base) => {
				for (index, tensor) in outputs.iter().enumerate() {
					let path = output_path(base, index);
					io::write_tensor(&path, tensor)
						.map_err(|e| format!("{}: {e}", path.display()))?;
					println!("{}", path.display());
				}
			}
			None => {
				for tensor in &outputs {
					println!("{}", io::json::encode(tensor));
				}
			}
		}
		Ok(())
	}
}

impl VerifyJobCmd {
	/// Runs the command: `Ok` when the local result agrees with the chain's.
	pub fn run(&self) -> Result<(), ToolError> {
		let signer = self.challenger()?;
		let files = match &self.model {
			Some(path) => HashMap::from([read_model_file(path)?]),
			None => HashMap::new(),
		};
		tokio::runtime::Runtime::new()?.block_on(self.verify(files, signer.as_ref()))
	}

	/// The key that signs a challenge: required with `--challenge`, refused without it.
	fn challenger(&self) -> Result<Option<Signer>, ToolError> {
		match (self.challenge, self.signer.is_given()) {
			(true, false) => Err("--challenge needs the key that signs the challenge and pays \
			                      its bond: --suri, --suri-file or --keystore-path"
				.into()),
			(false, true) => Err("a signing key is only used with --challenge".into()),
			_ => self.signer.signer(),
		}
	}

	async fn verify(
		&self,
		files: HashMap<ModelHash, Vec<u8>>,
		signer: Option<&Signer>,
	) -> Result<(), ToolError> {
		let client = remote::connect(&self.url).await.map_err(|e| format!("{}: {e}", self.url))?;
		let job = remote::job(&client, self.job_id)
			.await?
			.ok_or_else(|| format!("job {} not found (or pruned)", self.job_id))?;
		let Some(chain_result) = &job.result else {
			return Err(
				format!("job {} has no agreed result yet: {:?}", self.job_id, job.phase).into()
			);
		};
		if self.model.is_some() && !files.contains_key(&job.model) {
			return Err("the model file does not hash to the job's model".into());
		}
		let verdict = Reexecutor::new(files).verify(&client, &job).await?;
		println!(
			"job {}: model {}, policy {:?}",
			self.job_id,
			remote::to_hex(job.model.as_bytes()),
			verdict.model.policy
		);
		println!("settlement: {}", challenger::describe_settlement(&job));
		if verdict.agree {
			println!("agree: the local result matches the chain's under the model's policy");
			return Ok(());
		}
		println!("chain: {}", describe_outcome(chain_result));
		println!("local: {}", describe_outcome(&verdict.local));
		if let Some(signer) = signer {
			match challenger::open_bond(&job) {
				Ok(bond) => {
					let submitted =
						challenger::challenge(&client, signer, &job, &verdict.local, bond).await?;
					println!("{}", submitted.landed(&client).await?);
				}
				Err(reason) => println!("not challenged: {reason}"),
			}
		}
		Err("disagree: the local result differs from the chain's".into())
	}
}

fn describe_outcome(outcome: &InferenceOutcome) -> String {
	match outcome {
		InferenceOutcome::Success(tensors) => {
			tensors.iter().map(io::json::encode).collect::<Vec<_>>().join(" ")
		}
		InferenceOutcome::Failure(code) => format!("model error {code}"),
	}
}
