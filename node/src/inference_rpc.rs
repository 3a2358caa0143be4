//! JSON-RPC methods over the inference runtime API (`InferenceApi`), for dApps and tools that
//! speak plain JSON-RPC: `inference_job`, `inference_model`, `inference_quote`,
//! `inference_pendingJobs` and `inference_attestorJobs` (`docs/dapp-guide.md`, "Node RPC").
//! Each takes an optional block hash, the best block when absent, and answers JSON: balances as
//! decimal strings (they exceed JavaScript's safe integers), hashes and tensor data as 0x-hex,
//! accounts in the chain's SS58 format. Light clients call the same runtime API with
//! `chainHead_v1_call` or `state_call`; these methods only decode it for JSON.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use opg_inference_primitives::{InferenceOutcome, Tensor, TensorSpec};
use opg_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use pallet_inference::{
	FailureReason, FeeQuote, JobDetails, JobPhase, ModelDetails, ModelStatus, RevealState,
	Settlement,
};
use pallet_inference_runtime_api::InferenceApi;
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{traits::Block as BlockT, DispatchError};

/// Most job ids `inference_pendingJobs` returns, and its default.
pub const MAX_PENDING_JOBS: u32 = 1_000;

/// The runtime API call failed: an unknown or pruned block, or a runtime error.
pub const RUNTIME_ERROR: i32 = 9000;
/// The attestor is not an SS58 address.
pub const INVALID_ADDRESS: i32 = 9001;
/// `submit_job` would refuse such a job; the error's `data` is the pallet error's name
/// (`ModelNotFound`, `ModelRetired` or `InvalidRedundancy`).
pub const QUOTE_REFUSED: i32 = 9002;
/// The runtime at the block predates the method (`InferenceApi` below version 2 has no
/// `quote`).
pub const UNSUPPORTED_BY_RUNTIME: i32 = 9003;

/// The JSON-RPC interface.
#[rpc(server)]
pub trait InferenceRpc<BlockHash> {
	/// A job with its phase, each attestor's progress, its input and, once agreed, its result
	/// and settlement; `null` for an unknown or pruned job.
	#[method(name = "inference_job")]
	fn job(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Option<RpcJob>>;

	/// A registered model; `null` for an unknown one.
	#[method(name = "inference_model")]
	fn model(&self, hash: H256, at: Option<BlockHash>) -> RpcResult<Option<RpcModel>>;

	/// The fee to hold for a job of `model` at `redundancy` attestors (the model's default
	/// when absent), covering `escalations` escalation rounds (none when absent).
	#[method(name = "inference_quote")]
	fn quote(
		&self,
		model: H256,
		redundancy: Option<u32>,
		escalations: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<RpcQuote>;

	/// Unfinished jobs, oldest first, at most `max` (at most [`MAX_PENDING_JOBS`]).
	#[method(name = "inference_pendingJobs")]
	fn pending_jobs(&self, max: Option<u32>, at: Option<BlockHash>) -> RpcResult<Vec<u64>>;

	/// Unfinished jobs in which `attestor` (SS58) is an attestor of the current round.
	#[method(name = "inference_attestorJobs")]
	fn attestor_jobs(&self, attestor: String, at: Option<BlockHash>) -> RpcResult<Vec<u64>>;
}

/// A tensor: element type (`f32`, `f64`, `i8`, `u8`, `i16`, `i32`, `i64`, `bool`), shape and
/// the canonical little-endian data.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RpcTensor {
	pub element_type: String,
	pub shape: Vec<u32>,
	pub data: String,
}

/// An outcome: output tensors, or a deterministic model error code.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum RpcOutcome {
	Success(Vec<RpcTensor>),
	Failure(u16),
}

/// Where a job is. `reason` of a failed job: `ModelError`, `NoQuorum`, `NotEnoughAttestors`
/// or `Unavailable`, with `modelError` the code of a `ModelError`.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", tag = "phase")]
pub enum RpcPhase {
	Assigning {
		at: BlockNumber,
	},
	Committing {
		deadline: BlockNumber,
	},
	Revealing {
		deadline: BlockNumber,
	},
	Resolving {
		at: BlockNumber,
	},
	Finalized {
		at: BlockNumber,
	},
	#[serde(rename_all = "camelCase")]
	Failed {
		at: BlockNumber,
		reason: String,
		model_error: Option<u16>,
	},
}

/// An attestor of the current round and how far it got.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RpcAttestor {
	pub account: String,
	pub committed: bool,
	/// `pending`, `valid` or `mismatched`.
	pub reveal: String,
}

/// Whether an agreed result can still change.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum RpcSettlement {
	/// A challenge is taken before block `until`, for a bond of `bond`.
	Challengeable { until: BlockNumber, bond: String },
	/// A challenge is being re-executed.
	Challenged { challenger: String },
	/// The result can no longer change.
	Irreversible,
}

/// A job, as `inference_job` answers it.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RpcJob {
	pub id: u64,
	pub model: H256,
	pub submitter: String,
	pub redundancy: u32,
	pub max_fee: String,
	pub submitted_at: BlockNumber,
	pub round: u32,
	pub phase: RpcPhase,
	pub attestors: Vec<RpcAttestor>,
	pub input: Vec<RpcTensor>,
	pub result: Option<RpcOutcome>,
	pub result_hash: Option<H256>,
	pub settlement: Option<RpcSettlement>,
}

/// A declared input or output: element type and shape, `null` for a dynamic axis.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RpcTensorSpec {
	pub element_type: String,
	pub shape: Vec<Option<u32>>,
}

/// A model, as `inference_model` answers it. `policy` is the comparison policy as the runtime
/// encodes it (`"Exact"`, `{"Ulps":{"max_ulps":..}}`, `{"AbsRel":{..}}`, `"Deterministic"`).
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct RpcModel {
	pub hash: H256,
	pub owner: String,
	pub name: String,
	pub version: u32,
	pub inputs: Vec<RpcTensorSpec>,
	pub outputs: Vec<RpcTensorSpec>,
	pub policy: serde_json::Value,
	pub default_redundancy: u32,
	pub size: u32,
	pub uri: Option<String>,
	pub deposit: String,
	/// `active` or `retired`.
	pub status: String,
	pub registered_at: BlockNumber,
	pub jobs: u32,
}

/// A fee quote, as `inference_quote` answers it.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RpcQuote {
	/// The `max_fee` to pass to `submit_job`.
	pub max_fee: String,
	pub attestation_fee: String,
	/// Attestors of each round the fee covers.
	pub rounds: Vec<u32>,
}

/// The `inference_*` methods over a client's runtime API.
pub struct InferenceRpcHandler<C> {
	client: Arc<C>,
}

impl<C> InferenceRpcHandler<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> InferenceRpcHandler<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message, None::<()>)
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, format!("the inference runtime API failed: {e}"))
}

fn hex_of(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn element_type_name(element_type: opg_inference_primitives::ElementType) -> String {
	format!("{element_type:?}").to_lowercase()
}

fn tensor(t: &Tensor) -> RpcTensor {
	RpcTensor {
		element_type: element_type_name(t.element_type),
		shape: t.shape.to_vec(),
		data: hex_of(&t.data),
	}
}

fn outcome(o: &InferenceOutcome) -> RpcOutcome {
	match o {
		InferenceOutcome::Success(tensors) => {
			RpcOutcome::Success(tensors.iter().map(tensor).collect())
		}
		InferenceOutcome::Failure(code) => RpcOutcome::Failure(*code),
	}
}

fn phase(p: JobPhase<BlockNumber>) -> RpcPhase {
	match p {
		JobPhase::Assigning { at } => RpcPhase::Assigning { at },
		JobPhase::Committing { deadline } => RpcPhase::Committing { deadline },
		JobPhase::Revealing { deadline } => RpcPhase::Revealing { deadline },
		JobPhase::Resolving { at } => RpcPhase::Resolving { at },
		JobPhase::Finalized { at } => RpcPhase::Finalized { at },
		JobPhase::Failed { at, reason } => {
			let model_error = match reason {
				FailureReason::ModelError(code) => Some(code),
				_ => None,
			};
			let reason = match reason {
				FailureReason::ModelError(_) => "ModelError",
				FailureReason::NoQuorum => "NoQuorum",
				FailureReason::NotEnoughAttestors => "NotEnoughAttestors",
				FailureReason::Unavailable => "Unavailable",
			};
			RpcPhase::Failed { at, reason: reason.into(), model_error }
		}
	}
}

fn settlement(s: Settlement<AccountId, Balance, BlockNumber>) -> RpcSettlement {
	match s {
		Settlement::Challengeable { until, bond } => {
			RpcSettlement::Challengeable { until, bond: bond.to_string() }
		}
		Settlement::Challenged { challenger } => {
			RpcSettlement::Challenged { challenger: challenger.to_ss58check() }
		}
		Settlement::Irreversible => RpcSettlement::Irreversible,
	}
}

/// A job as JSON.
pub fn job_json(job: JobDetails<AccountId, Balance, BlockNumber>) -> RpcJob {
	RpcJob {
		id: job.id,
		model: job.model,
		submitter: job.submitter.to_ss58check(),
		redundancy: job.redundancy,
		max_fee: job.max_fee.to_string(),
		submitted_at: job.submitted_at,
		round: job.round,
		phase: phase(job.phase),
		attestors: job
			.attestors
			.into_iter()
			.map(|(account, committed, reveal)| RpcAttestor {
				account: account.to_ss58check(),
				committed,
				reveal: match reveal {
					RevealState::Pending => "pending",
					RevealState::Valid => "valid",
					RevealState::Mismatched => "mismatched",
				}
				.into(),
			})
			.collect(),
		input: job.input.iter().map(tensor).collect(),
		result: job.result.as_ref().map(outcome),
		result_hash: job.result_hash,
		settlement: job.settlement.map(settlement),
	}
}

fn spec(s: &TensorSpec) -> RpcTensorSpec {
	RpcTensorSpec {
		element_type: element_type_name(s.element_type),
		shape: s
			.shape
			.iter()
			.map(|dim| match dim {
				opg_inference_primitives::Dim::Fixed(extent) => Some(*extent),
				opg_inference_primitives::Dim::Dynamic => None,
			})
			.collect(),
	}
}

/// A model as JSON.
pub fn model_json(model: ModelDetails<AccountId, Balance, BlockNumber>) -> RpcModel {
	RpcModel {
		hash: model.hash,
		owner: model.owner.to_ss58check(),
		name: String::from_utf8_lossy(&model.name).into_owned(),
		version: model.version,
		inputs: model.signature.inputs.iter().map(spec).collect(),
		outputs: model.signature.outputs.iter().map(spec).collect(),
		policy: serde_json::to_value(model.policy).unwrap_or(serde_json::Value::Null),
		default_redundancy: model.default_redundancy,
		size: model.size,
		uri: model.uri.map(|uri| String::from_utf8_lossy(&uri).into_owned()),
		deposit: model.deposit.to_string(),
		status: match model.status {
			ModelStatus::Active => "active",
			ModelStatus::Retired => "retired",
		}
		.into(),
		registered_at: model.registered_at,
		jobs: model.jobs,
	}
}

/// A quote as JSON.
pub fn quote_json(quote: FeeQuote<Balance>) -> RpcQuote {
	RpcQuote {
		max_fee: quote.max_fee.to_string(),
		attestation_fee: quote.attestation_fee.to_string(),
		rounds: quote.rounds,
	}
}

/// The name of the inference pallet's error in `refusal`, or the error as debugged.
pub fn refusal_name(refusal: &DispatchError) -> String {
	match opg_runtime::RuntimeError::from_dispatch_error(*refusal) {
		Some(opg_runtime::RuntimeError::Inference(e)) => <&'static str>::from(e).to_string(),
		_ => format!("{refusal:?}"),
	}
}

impl<C> InferenceRpcServer<<Block as BlockT>::Hash> for InferenceRpcHandler<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>,
{
	fn job(&self, id: u64, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Option<RpcJob>> {
		let job = self.client.runtime_api().job(self.at(at), id).map_err(runtime_error)?;
		Ok(job.map(job_json))
	}

	fn model(
		&self,
		hash: H256,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<RpcModel>> {
		let model = self.client.runtime_api().model(self.at(at), hash).map_err(runtime_error)?;
		Ok(model.map(model_json))
	}

	fn quote(
		&self,
		model: H256,
		redundancy: Option<u32>,
		escalations: Option<u32>,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<RpcQuote> {
		let api = self.client.runtime_api();
		let at = self.at(at);
		let version = api
			.api_version::<dyn InferenceApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?;
		if version.unwrap_or(0) < 2 {
			return Err(error(
				UNSUPPORTED_BY_RUNTIME,
				"the runtime at this block has no inference fee quote (InferenceApi < 2)",
			));
		}
		match api.quote(at, model, redundancy, escalations.unwrap_or(0)).map_err(runtime_error)? {
			Ok(quote) => Ok(quote_json(quote)),
			Err(refusal) => {
				let name = refusal_name(&refusal);
				Err(ErrorObjectOwned::owned(
					QUOTE_REFUSED,
					format!("submit_job would refuse this job: {name}"),
					Some(name),
				))
			}
		}
	}

	fn pending_jobs(
		&self,
		max: Option<u32>,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<u64>> {
		let max = max.unwrap_or(MAX_PENDING_JOBS).min(MAX_PENDING_JOBS);
		self.client.runtime_api().pending_jobs(self.at(at), max).map_err(runtime_error)
	}

	fn attestor_jobs(
		&self,
		attestor: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<u64>> {
		let who = AccountId::from_ss58check(&attestor).map_err(|e| {
			error(INVALID_ADDRESS, format!("{attestor:?} is not an SS58 address: {e:?}"))
		})?;
		self.client.runtime_api().attestor_jobs(self.at(at), who).map_err(runtime_error)
	}
}
