//! Public verification from the command line, with the engine validators use:
//! `opg-node infer` runs a model on tensor files, `opg-node verify-job` re-executes a finalised
//! job fetched from a node and compares it with the chain's result under the model's policy.

use std::path::{Path, PathBuf};

use codec::{Decode, Encode};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClientBuilder};
use opg_inference_engine::{describe, io, Engine, EngineConfig};
use opg_inference_primitives::{outcomes_agree, InferenceOutcome, ModelSignature, Tensor, Tensors};
use opg_runtime::{AccountId, Balance, BlockNumber};
use pallet_inference::{JobDetails, JobPhase, ModelDetails};

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
}

/// `opg-node verify-job`: re-execute a finalised job and compare with the chain's result.
#[derive(Debug, clap::Parser)]
pub struct VerifyJobCmd {
	/// The job id.
	pub job_id: u64,
	/// WebSocket RPC endpoint of a node that still holds the job (within its retention period).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	/// The model's ONNX file. Without it, the bytes of a model registered inline are read from
	/// the node's offchain storage (`offchain_localStorageGet`, an unsafe RPC method: allowed on
	/// a local node, or with `--rpc-methods unsafe`).
	#[arg(long)]
	pub model: Option<PathBuf>,
}

type Error = Box<dyn std::error::Error>;

fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Tensor>, Error> {
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

/// Loads `onnx` with `signature` into a fresh engine and runs it.
fn run(onnx: &[u8], signature: &ModelSignature, inputs: &[Tensor]) -> Result<Vec<Tensor>, Error> {
	let engine = Engine::new(EngineConfig::default());
	let hash = sp_io::hashing::blake2_256(onnx);
	engine.load(hash, onnx, signature)?;
	Ok(engine.run(hash, inputs)?)
}

impl InferCmd {
	/// Runs the command.
	pub fn run(&self) -> Result<(), Error> {
		let onnx =
			std::fs::read(&self.model).map_err(|e| format!("{}: {e}", self.model.display()))?;
		let signature = describe(&onnx)?;
		let inputs = read_inputs(&self.inputs)?;
		let outputs = run(&onnx, &signature, &inputs)?;
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

/// Calls a runtime API function through `state_call` and decodes its result.
async fn runtime_call<R: Decode>(
	client: &impl ClientT,
	method: &str,
	args: impl Encode,
) -> Result<R, Error> {
	let data = format!("0x{}", hex::encode(args.encode()));
	let result: String = client.request("state_call", rpc_params![method, data]).await?;
	let bytes = hex::decode(result.trim_start_matches("0x"))?;
	Ok(R::decode(&mut &bytes[..]).map_err(|e| format!("{method}: undecodable answer: {e}"))?)
}

impl VerifyJobCmd {
	/// Runs the command: `Ok` when the local result agrees with the chain's.
	pub fn run(&self) -> Result<(), Error> {
		let runtime = tokio::runtime::Runtime::new()?;
		let (job, model, onnx) = runtime.block_on(self.fetch())?;
		let Some(chain_result) = job.result.clone() else {
			return Err(
				format!("job {} has no agreed result yet: {:?}", self.job_id, job.phase).into()
			);
		};
		let onnx = match (&self.model, onnx) {
			(Some(path), _) => {
				std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?
			}
			(None, Some(bytes)) => bytes,
			(None, None) => {
				return Err("the model's bytes are not on the node; pass --model FILE".into())
			}
		};
		if sp_io::hashing::blake2_256(&onnx) != model.hash.0 {
			return Err("the model file does not hash to the job's model".into());
		}
		let local = match run(&onnx, &model.signature, &job.input) {
			Ok(outputs) => InferenceOutcome::Success(
				Tensors::try_from(outputs).map_err(|_| "the model produced too many outputs")?,
			),
			Err(e) => return Err(format!("local execution failed: {e}").into()),
		};
		let agree = outcomes_agree(&model.policy, &local, &chain_result);
		println!(
			"job {}: model 0x{}, policy {:?}",
			self.job_id,
			hex::encode(model.hash),
			model.policy
		);
		if agree {
			println!("agree: the local result matches the chain's under the model's policy");
			Ok(())
		} else {
			println!("chain: {}", describe_outcome(&chain_result));
			println!("local: {}", describe_outcome(&local));
			Err("disagree: the local result differs from the chain's".into())
		}
	}

	async fn fetch(
		&self,
	) -> Result<
		(
			JobDetails<AccountId, Balance, BlockNumber>,
			ModelDetails<AccountId, Balance, BlockNumber>,
			Option<Vec<u8>>,
		),
		Error,
	> {
		let client = WsClientBuilder::default()
			.max_response_size(64 * 1024 * 1024)
			.build(&self.url)
			.await
			.map_err(|e| format!("{}: {e}", self.url))?;
		let job: Option<JobDetails<AccountId, Balance, BlockNumber>> =
			runtime_call(&client, "InferenceApi_job", self.job_id).await?;
		let job = job.ok_or_else(|| format!("job {} not found (or pruned)", self.job_id))?;
		if !matches!(job.phase, JobPhase::Finalized { .. } | JobPhase::Failed { .. }) {
			return Err(format!("job {} has not ended: {:?}", self.job_id, job.phase).into());
		}
		let model: Option<ModelDetails<AccountId, Balance, BlockNumber>> =
			runtime_call(&client, "InferenceApi_model", job.model).await?;
		let model = model.ok_or("the job's model is no longer registered")?;
		let onnx = if self.model.is_some() || model.uri.is_some() {
			None
		} else {
			let key = format!("0x{}", hex::encode(pallet_inference::model_index_key(&model.hash)));
			let stored: Option<String> = client
				.request("offchain_localStorageGet", rpc_params!["PERSISTENT", key])
				.await
				.map_err(|e| format!("reading the model from the node: {e}"))?;
			stored.map(|hex_bytes| hex::decode(hex_bytes.trim_start_matches("0x"))).transpose()?
		};
		Ok((job, model, onnx))
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
