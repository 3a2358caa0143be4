//! The node's inference service: started by default on 127.0.0.1, fed with the bytes of models
//! registered inline (through offchain indexing), and made known to the off-chain worker.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use codec::Encode;
use opg_inference_service::{
	IndexedModels, InferenceService, ModelStore, ServiceConfig, WorkerCommand,
};
use sc_service::{Configuration, TaskManager};
use sp_core::{
	offchain::{OffchainStorage, STORAGE_PREFIX},
	H256,
};

/// The hidden subcommand that makes `opg-node` an inference worker of its own service.
pub const WORKER_SUBCOMMAND: &str = "inference-worker";

/// Command-line options of inference on a validator.
#[derive(Debug, Clone, clap::Args)]
pub struct InferenceParams {
	/// Port of the inference service the node starts on 127.0.0.1.
	#[arg(long, default_value_t = 9955)]
	pub inference_port: u16,

	/// Do not start the inference service; the off-chain worker then calls
	/// `--inference-endpoint`, e.g. a service on another machine.
	#[arg(long)]
	pub no_inference_service: bool,

	/// Base URL of the inference service the off-chain worker calls
	/// (default: the node's own, `http://127.0.0.1:<inference-port>`).
	#[arg(long, value_name = "URL")]
	pub inference_endpoint: Option<String>,

	/// Directory of the content-addressed model store (default: `<base-path>/inference/models`).
	#[arg(long, value_name = "DIR")]
	pub models_dir: Option<PathBuf>,

	/// HTTP gateway through which `ipfs://` model URIs are fetched.
	#[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080")]
	pub ipfs_gateway: String,

	/// Wall-clock limit of one inference, in milliseconds; a worker that misses it is killed.
	#[arg(long, value_name = "MS", default_value_t = 10_000)]
	pub inference_timeout_ms: u64,

	/// Address space of each inference worker process, in MiB (default: what the engine's
	/// limits need, about 4.5 GiB with the chain's 256 MiB models).
	#[arg(long, value_name = "MIB")]
	pub inference_worker_memory_mib: Option<u64>,
}

impl InferenceParams {
	/// The model store's directory for a node whose base path is `base_path`.
	pub fn models_dir(&self, base_path: &std::path::Path) -> PathBuf {
		self.models_dir.clone().unwrap_or_else(|| base_path.join("inference").join("models"))
	}
}

/// The largest model the chain admits, inline or by URI: every model a validator can be asked
/// to run must load, so the engine's limit is the chain's, not a second number of the node's.
pub(crate) fn chain_model_limit() -> usize {
	use sp_core::Get;
	type Limits = opg_runtime::Runtime;
	let inline: u32 = <Limits as pallet_inference::Config>::MaxModelBytes::get();
	let remote: u32 = <Limits as pallet_inference::Config>::MaxRemoteModelBytes::get();
	usize::try_from(inline.max(remote)).unwrap_or(usize::MAX)
}

/// Models registered inline, read from the offchain-indexing database.
struct IndexedModelsDb<S>(S);

impl<S: OffchainStorage> IndexedModels for IndexedModelsDb<S> {
	fn get(&self, hash: &[u8; 32]) -> Option<Vec<u8>> {
		self.0.get(STORAGE_PREFIX, &pallet_inference::model_index_key(&H256(*hash)))
	}
}

/// Starts the inference service (unless disabled) and writes the endpoint the off-chain worker
/// uses into its storage. Returns the service's address when it runs.
pub fn start<S: OffchainStorage + 'static>(
	params: &InferenceParams,
	config: &Configuration,
	offchain_storage: Option<S>,
	task_manager: &TaskManager,
) -> Result<Option<SocketAddr>, sc_service::Error> {
	let Some(mut storage) = offchain_storage else {
		log::warn!("no offchain storage: the inference service is not started");
		return Ok(None);
	};
	// No worker runs yet: a lock left by a run the node was killed in is stale, and would keep
	// the worker from committing and revealing until it expired.
	storage.remove(STORAGE_PREFIX, pallet_inference::offchain::LOCK_KEY);
	let mut address = None;
	if !params.no_inference_service {
		let worker = WorkerCommand::this_executable(WORKER_SUBCOMMAND)
			.map_err(|e| sc_service::Error::Other(format!("inference workers: {e}")))?;
		let mut service_config =
			ServiceConfig::new(params.models_dir(config.base_path.path()), worker);
		service_config.worker_memory_bytes =
			params.inference_worker_memory_mib.map(|mib| mib.saturating_mul(1 << 20));
		service_config.listen = SocketAddr::from(([127, 0, 0, 1], params.inference_port));
		service_config.ipfs_gateway = params.ipfs_gateway.clone();
		service_config.engine.timeout =
			std::time::Duration::from_millis(params.inference_timeout_ms);
		service_config.engine.max_model_bytes = chain_model_limit();
		let service = InferenceService::new(
			service_config,
			Arc::new(IndexedModelsDb(storage.clone())),
			config.prometheus_registry(),
		)
		.map_err(|e| sc_service::Error::Other(format!("inference service: {e}")))?;
		let (bound, server) = service
			.start()
			.map_err(|e| sc_service::Error::Other(format!("inference service: {e}")))?;
		task_manager.spawn_essential_handle().spawn("opg-inference-service", None, server);
		log::info!("🧠 Inference service on http://{bound}");
		address = Some(bound);
	}
	let endpoint = match (&params.inference_endpoint, address) {
		(Some(url), _) => url.trim_end_matches('/').to_string(),
		(None, Some(bound)) => format!("http://{bound}"),
		(None, None) => {
			log::warn!(
				"no inference service and no --inference-endpoint: this node attests nothing"
			);
			return Ok(None);
		}
	};
	storage.set(
		STORAGE_PREFIX,
		pallet_inference::offchain::ENDPOINT_KEY,
		&endpoint.as_bytes().to_vec().encode(),
	);
	log::info!("🧠 Off-chain worker inference endpoint: {endpoint}");
	Ok(address)
}

/// `opg-node model import`: pre-seed the model store with ONNX files.
#[derive(Debug, clap::Parser)]
pub struct ModelImportCmd {
	/// ONNX files to import.
	#[arg(required = true)]
	pub files: Vec<PathBuf>,
	/// The node's base path (the store is `<base-path>/inference/models`).
	#[arg(long, short = 'd', value_name = "PATH")]
	pub base_path: Option<PathBuf>,
	/// The model store's directory, overriding the base path's.
	#[arg(long, value_name = "DIR")]
	pub models_dir: Option<PathBuf>,
}

/// `opg-node model ...`.
#[derive(Debug, clap::Subcommand)]
pub enum ModelCmd {
	/// Copy ONNX files into the node's model store, under their blake2-256 hash.
	Import(ModelImportCmd),
}

impl ModelImportCmd {
	/// Runs the command; prints each file's hash.
	pub fn run(&self, default_base_path: PathBuf) -> Result<(), String> {
		let dir = match (&self.models_dir, &self.base_path) {
			(Some(dir), _) => dir.clone(),
			(None, Some(base)) => base.join("inference").join("models"),
			(None, None) => default_base_path.join("inference").join("models"),
		};
		let store = ModelStore::open(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
		for file in &self.files {
			let hash = store.import_file(file).map_err(|e| format!("{}: {e}", file.display()))?;
			println!("0x{}  {}", hex::encode(hash), file.display());
		}
		Ok(())
	}
}
