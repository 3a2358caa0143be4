//! `opg-node watch`: a public watchtower. It follows a node's finalised blocks, re-executes
//! every job of the chosen models whose result was agreed (or overturned by a challenge), and
//! challenges the results it disagrees with while they may still be challenged.

use std::{
	collections::{HashMap, HashSet},
	convert::Infallible,
	path::PathBuf,
	sync::Arc,
	time::Duration,
};

use jsonrpsee::{core::client::SubscriptionClientT, rpc_params, ws_client::WsClient};
use opg_runtime::{BlockNumber, RuntimeEvent};
use pallet_inference::{Event as InferenceEvent, FailureReason, JobId, ModelHash};

use crate::{
	challenger,
	reexecute::{read_model_file, Reexecutor},
	remote::{self, parse_hash, to_hex, EventRecord, ToolError},
	signer::{Signer, SignerParams},
};

/// The first wait before reconnecting to the node, doubled at each failure in a row.
const FIRST_BACKOFF: Duration = Duration::from_secs(1);

/// The longest wait before reconnecting.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// `opg-node watch`: re-execute the jobs of chosen models as they are finalised, and challenge
/// the results that disagree.
#[derive(Debug, clap::Parser)]
pub struct WatchCmd {
	/// A model to watch, by hash (`0x` and the blake2-256 of its ONNX bytes); repeat for
	/// several.
	#[arg(long = "model", value_name = "HASH", required = true, value_parser = parse_model_hash)]
	pub models: Vec<ModelHash>,
	/// The ONNX file of a watched model; repeat for several. Needed for models registered by
	/// URI; without it, an inline model's bytes are read from the node's offchain storage
	/// (`offchain_localStorageGet`, an unsafe RPC method: allowed on a local node, or with
	/// `--rpc-methods unsafe`).
	#[arg(long = "model-file", value_name = "PATH")]
	pub model_files: Vec<PathBuf>,
	/// WebSocket RPC endpoint of the node to follow.
	#[arg(long, default_value = remote::DEFAULT_NODE_URL)]
	pub url: String,
	/// The first finalised block to read (default: the finalised head at start), to check the
	/// jobs of earlier blocks whose results may still be challenged. The node must still hold
	/// those blocks' state (the last 256 blocks, unless it runs with `--state-pruning archive`).
	#[arg(long, value_name = "NUMBER")]
	pub from_block: Option<BlockNumber>,
	/// The key that signs challenges and pays their fees and bonds.
	#[command(flatten)]
	pub signer: SignerParams,
}

fn parse_model_hash(text: &str) -> Result<ModelHash, String> {
	parse_hash(text).map_err(|e| format!("a model hash: {e}"))
}

impl WatchCmd {
	/// Runs the watchtower until SIGINT (Ctrl-C) or SIGTERM.
	pub fn run(&self) -> Result<(), ToolError> {
		let signer = self.signer.signer()?.ok_or(
			"watch needs the key that signs challenges and pays their bonds: --suri, \
			 --suri-file or --keystore-path",
		)?;
		let mut files = HashMap::new();
		for path in &self.model_files {
			let (hash, onnx) = read_model_file(path)?;
			if !self.models.contains(&hash) {
				return Err(format!(
					"{}: the file hashes to {}, which no --model names",
					path.display(),
					to_hex(hash.as_bytes())
				)
				.into());
			}
			files.insert(hash, onnx);
		}
		let mut watchtower = Watchtower {
			url: self.url.clone(),
			models: self.models.iter().copied().collect(),
			signer,
			reexecutor: Reexecutor::new(files),
			next_block: self.from_block,
			challenged: HashSet::new(),
		};
		let runtime = tokio::runtime::Runtime::new()?;
		let stopped = runtime.block_on(async {
			tokio::select! {
				never = watchtower.run() => match never {},
				stopped = stop_signal() => stopped,
			}
		});
		// A re-execution in progress (bounded by the engine's timeout) is not waited for.
		runtime.shutdown_timeout(Duration::from_secs(1));
		println!("stopped");
		stopped
	}
}

/// Waits for SIGINT (Ctrl-C) or SIGTERM.
async fn stop_signal() -> Result<(), ToolError> {
	let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
	tokio::select! {
		interrupted = tokio::signal::ctrl_c() => interrupted?,
		_ = terminate.recv() => {}
	}
	Ok(())
}

/// The jobs of `events` whose agreed result is new: finalised, failed on an agreed model error,
/// or overturned by a challenge.
fn settled_jobs(events: &[EventRecord]) -> Vec<JobId> {
	events
		.iter()
		.filter_map(|record| match &record.event {
			RuntimeEvent::Inference(
				InferenceEvent::JobFinalized { job_id, .. }
				| InferenceEvent::JobFailed { job_id, reason: FailureReason::ModelError(_), .. }
				| InferenceEvent::ResultOverturned { job_id, .. },
			) => Some(*job_id),
			_ => None,
		})
		.collect()
}

/// A watchtower's state, kept across reconnections.
struct Watchtower {
	url: String,
	models: HashSet<ModelHash>,
	signer: Signer,
	reexecutor: Reexecutor,
	/// The next finalised block to read; `None` until the first finalised head arrives.
	next_block: Option<BlockNumber>,
	/// Jobs this watchtower challenged: never twice.
	challenged: HashSet<JobId>,
}

impl Watchtower {
	/// Follows the node, reconnecting after a failure with a growing pause.
	async fn run(&mut self) -> Infallible {
		let mut backoff = FIRST_BACKOFF;
		loop {
			let error = match self.follow(&mut backoff).await {
				Ok(()) => "the node ended the subscription to finalised heads".into(),
				Err(error) => error,
			};
			eprintln!("{}: {error}; reconnecting in {} s", self.url, backoff.as_secs());
			tokio::time::sleep(backoff).await;
			backoff = backoff.saturating_mul(2).min(MAX_BACKOFF);
		}
	}

	/// One connection: reads every finalised block in order until the connection fails. The
	/// pause before reconnecting is reset once subscribed.
	async fn follow(&mut self, backoff: &mut Duration) -> Result<(), ToolError> {
		let client = Arc::new(remote::connect(&self.url).await?);
		let mut heads = client
			.subscribe::<serde_json::Value, _>(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await?;
		let models: Vec<String> = self.models.iter().map(|hash| to_hex(hash.as_bytes())).collect();
		println!("watching models {} on {}", models.join(", "), self.url);
		*backoff = FIRST_BACKOFF;
		while let Some(head) = heads.next().await {
			// Finality may move several blocks at once: read every block up to the head.
			let finalized = remote::header_number(&head?)?;
			let mut number = *self.next_block.get_or_insert(finalized);
			while number <= finalized {
				self.read_block(&client, number).await?;
				number = number.saturating_add(1);
				self.next_block = Some(number);
			}
		}
		Ok(())
	}

	/// Checks the jobs settled in finalised block `number`. `Err` only when the connection
	/// failed, so that the block is read again after reconnecting.
	async fn read_block(
		&mut self,
		client: &Arc<WsClient>,
		number: BlockNumber,
	) -> Result<(), ToolError> {
		let events = match self.block_events(client, number).await {
			Ok(events) => events,
			Err(error) if client.is_connected() => {
				eprintln!("block {number}: skipped: {error}");
				return Ok(());
			}
			Err(error) => return Err(error),
		};
		for job_id in settled_jobs(&events) {
			if let Some(line) = self.check(client, job_id).await {
				println!("job {job_id}: {line}");
			}
			if !client.is_connected() {
				return Err(format!("connection lost while checking job {job_id}").into());
			}
		}
		Ok(())
	}

	async fn block_events(
		&self,
		client: &WsClient,
		number: BlockNumber,
	) -> Result<Vec<EventRecord>, ToolError> {
		let hash = remote::block_hash(client, number)
			.await?
			.ok_or_else(|| format!("the node has no finalised block {number}"))?;
		remote::block_events(client, hash).await
	}

	/// Re-executes job `job_id` if it is of a watched model and still has a result, and
	/// challenges it on disagreement; the line to log, if any (a challenge's is logged once it
	/// is finalised).
	async fn check(&mut self, client: &Arc<WsClient>, job_id: JobId) -> Option<String> {
		let job = match remote::job(client, job_id).await {
			// Pruned, or of a model nobody asked for.
			Ok(Some(job)) if self.models.contains(&job.model) && job.result.is_some() => job,
			Ok(_) => return None,
			Err(error) => return Some(format!("cannot check: {error}")),
		};
		let verdict = match self.reexecutor.verify(client, &job).await {
			Ok(verdict) => verdict,
			Err(error) => return Some(format!("cannot check: {error}")),
		};
		if verdict.agree {
			return Some("agree".into());
		}
		let bond = match challenger::open_bond(&job) {
			Ok(bond) => bond,
			Err(reason) => return Some(format!("disagree, not challenged: {reason}")),
		};
		if !self.challenged.insert(job_id) {
			return Some("disagree, not challenged: already challenged by this watcher".into());
		}
		let challenge =
			match challenger::challenge(client, &self.signer, &job, &verdict.local, bond).await {
				Ok(challenge) => challenge,
				Err(error) => return Some(format!("disagree, challenge failed: {error}")),
			};
		// Later jobs are checked while the challenge goes to finality: their windows run too.
		let client = Arc::clone(client);
		tokio::spawn(async move {
			match challenge.landed(&client).await {
				Ok(report) => println!("job {job_id}: disagree, {report}"),
				Err(error) => println!("job {job_id}: disagree, challenge failed: {error}"),
			}
		});
		None
	}
}
