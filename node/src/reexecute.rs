//! Re-execution of a job as the chain's validators compute it: the same engine under the
//! chain's bounds, deterministic failures as their error codes, outputs the chain would refuse
//! as [`error_code::OUTPUT_SIGNATURE`]. Models' bytes and plans are kept across jobs.

use std::{collections::HashMap, path::Path, sync::Arc};

use jsonrpsee::ws_client::WsClient;
use opg_inference_engine::{Engine, EngineConfig, ExecutionMode};
use opg_inference_primitives::{
	bounded_tensors, error_code, outcomes_agree, InferenceOutcome, ModelSignature, Tensor,
};
use opg_runtime::Runtime;
use pallet_inference::ModelHash;
use sp_core::Get;

use crate::remote::{self, to_hex, Job, Model, ToolError};

/// A job's result computed locally, compared with the chain's.
pub struct Verdict {
	/// The job's model.
	pub model: Model,
	/// The outcome computed here.
	pub local: InferenceOutcome,
	/// Whether it agrees with the chain's result under the model's policy.
	pub agree: bool,
}

/// A model whose metadata and bytes are at hand.
struct ModelAtHand {
	details: Model,
	onnx: Arc<Vec<u8>>,
}

/// Re-executes jobs, keeping models' bytes and compiled plans across them.
pub struct Reexecutor {
	/// An engine per execution mode, created when first needed. tract selects its kernels once
	/// per process: a deterministic engine created after a model ran with the fastest kernels
	/// refuses to load ([`EngineError::PortableKernelsUnavailable`]), so a process re-executing
	/// both kinds of jobs pins the portable kernels first, which the fastest mode accepts.
	///
	/// [`EngineError::PortableKernelsUnavailable`]: opg_inference_engine::EngineError::PortableKernelsUnavailable
	engines: HashMap<ExecutionMode, Arc<Engine>>,
	/// ONNX files given on the command line, by hash.
	files: HashMap<ModelHash, Arc<Vec<u8>>>,
	/// Models already obtained, by hash.
	models: HashMap<ModelHash, ModelAtHand>,
}

/// Reads an ONNX file: its hash and bytes.
pub fn read_model_file(path: &Path) -> Result<(ModelHash, Vec<u8>), ToolError> {
	let onnx = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
	Ok((ModelHash::from(sp_io::hashing::blake2_256(&onnx)), onnx))
}

impl Reexecutor {
	/// A re-executor with the engines validators run (their model limit the chain's) and the
	/// ONNX files `files`, by hash.
	pub fn new(files: HashMap<ModelHash, Vec<u8>>) -> Self {
		Reexecutor {
			engines: HashMap::new(),
			files: files.into_iter().map(|(hash, onnx)| (hash, Arc::new(onnx))).collect(),
			models: HashMap::new(),
		}
	}

	/// Re-executes `job`, which has an agreed result, and compares the outcome with it.
	pub async fn verify(&mut self, client: &WsClient, job: &Job) -> Result<Verdict, ToolError> {
		let chain_result = job.result.as_ref().ok_or("the job has no agreed result")?;
		let execution = self.obtain(client, job.model).await?.details.policy.execution_mode();
		let engine = self.engine(execution);
		let model = self.obtain(client, job.model).await?;
		let onnx = model.onnx.clone();
		let (hash, signature, input) =
			(job.model, model.details.signature.clone(), job.input.to_vec());
		let local = tokio::task::spawn_blocking(move || {
			compute(&engine, hash.0, &onnx, &signature, &input)
		})
		.await??;
		let agree = outcomes_agree(&model.details.policy, &local, chain_result);
		Ok(Verdict { model: model.details.clone(), local, agree })
	}

	/// The engine of `execution`, created when first needed.
	fn engine(&mut self, execution: ExecutionMode) -> Arc<Engine> {
		self.engines
			.entry(execution)
			.or_insert_with(|| {
				Arc::new(Engine::new(EngineConfig {
					max_model_bytes: crate::inference::chain_model_limit(),
					execution,
					..EngineConfig::default()
				}))
			})
			.clone()
	}

	/// The model `hash`: its metadata from the node, its bytes from the files given or from
	/// the node's offchain storage (inline models).
	async fn obtain(
		&mut self,
		client: &WsClient,
		hash: ModelHash,
	) -> Result<&ModelAtHand, ToolError> {
		if !self.models.contains_key(&hash) {
			let details = remote::model(client, hash)
				.await?
				.ok_or("the job's model is no longer registered")?;
			let onnx = match self.files.get(&hash) {
				Some(onnx) => onnx.clone(),
				None => Arc::new(node_copy(client, &details).await?),
			};
			self.models.insert(hash, ModelAtHand { details, onnx });
		}
		Ok(self.models.get(&hash).ok_or("a model obtained is gone")?)
	}
}

/// The bytes of an inline model from the node, checked against its hash.
async fn node_copy(client: &WsClient, model: &Model) -> Result<Vec<u8>, ToolError> {
	let hash = to_hex(model.hash.as_bytes());
	if model.uri.is_some() {
		return Err(format!("model {hash} is registered by URI: pass its ONNX file").into());
	}
	let onnx = remote::indexed_model_bytes(client, &model.hash).await?.ok_or_else(|| {
		format!("the bytes of model {hash} are not on the node; pass its ONNX file")
	})?;
	if sp_io::hashing::blake2_256(&onnx) != model.hash.0 {
		return Err(format!("the node's copy of model {hash} is corrupt").into());
	}
	Ok(onnx)
}

/// The outcome a validator reveals for `inputs` (blocking): loads the model under the chain's
/// bounds (a cached plan is reused), runs it, and maps failures as the inference service does.
/// A local failure (time, memory, load of the machine) is an error: it says nothing of the job.
fn compute(
	engine: &Engine,
	hash: [u8; 32],
	onnx: &[u8],
	signature: &ModelSignature,
	inputs: &[Tensor],
) -> Result<InferenceOutcome, ToolError> {
	let bounds = <Runtime as pallet_inference::Config>::InferenceBounds::get();
	let outputs =
		engine.load_within(hash, onnx, signature, &bounds).and_then(|_| engine.run(hash, inputs));
	match outputs {
		Ok(outputs) => Ok(revealable(signature, outputs)),
		Err(error) if error.is_deterministic() => Ok(InferenceOutcome::Failure(error.code())),
		Err(error) => Err(format!("local execution failed: {error}").into()),
	}
}

/// Outputs as a validator reveals them: those the chain would refuse (too many, above
/// `MaxOutputBytes`, off the output signature) are the deterministic `OUTPUT_SIGNATURE` failure.
fn revealable(signature: &ModelSignature, outputs: Vec<Tensor>) -> InferenceOutcome {
	let max_bytes = <Runtime as pallet_inference::Config>::MaxOutputBytes::get();
	match bounded_tensors(outputs) {
		Ok(tensors)
			if pallet_inference::Pallet::<Runtime>::input_bytes(&tensors) <= max_bytes
				&& signature.check_outputs(&tensors).is_ok() =>
		{
			InferenceOutcome::Success(tensors)
		}
		_ => InferenceOutcome::Failure(error_code::OUTPUT_SIGNATURE),
	}
}
