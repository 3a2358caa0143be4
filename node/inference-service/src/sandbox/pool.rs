//! The service's side of the inference workers: starting them, routing models to them,
//! enforcing deadlines and replacing the ones that die.

use super::protocol::{
	write_frame, Confinement, WorkerReply, WorkerRequestRef, WorkerSettings, MAX_REPLY_BYTES,
};
use crate::{store::hex, LOG_TARGET};
use opg_inference_engine::{EngineConfig, EngineCounters, EngineError, EngineStats};
use opg_inference_primitives::{ModelSignature, ResourceBounds, Tensor};
use parking_lot::{Mutex, MutexGuard};
use std::{
	collections::HashMap,
	ffi::OsString,
	io,
	os::unix::process::ExitStatusExt,
	path::PathBuf,
	process::{Child, ChildStdin, Command, Stdio},
	sync::{
		atomic::{AtomicU64, Ordering},
		mpsc::{self, Receiver, RecvTimeoutError, SyncSender},
	},
	thread,
	time::{Duration, Instant},
};

/// How to start an inference worker: a program and its arguments. The node starts itself as
/// `opg-node inference-worker`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct WorkerCommand {
	/// The executable.
	pub program: PathBuf,
	/// Its arguments.
	pub args: Vec<OsString>,
}

impl WorkerCommand {
	/// The executable of this process with the argument `subcommand`.
	///
	/// # Errors
	///
	/// When the path of this process's executable cannot be found.
	pub fn this_executable(subcommand: &str) -> io::Result<Self> {
		Ok(WorkerCommand { program: std::env::current_exe()?, args: vec![subcommand.into()] })
	}
}

/// Environment variables a worker inherits; every other one is removed.
const INHERITED_ENVIRONMENT: [&str; 2] = ["TRACT_CPU_ISA", "RUST_BACKTRACE"];

/// Time a new worker has to confine itself and report.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(10);

/// A model whose load or run killed its worker (a crash or a missed deadline) this many times
/// is refused at once afterwards, until the service restarts: each attempt costs a worker.
const MAX_KILLS_PER_MODEL: u32 = 3;

/// Most models whose kills are counted at once.
const MAX_KILLERS_REMEMBERED: usize = 4096;

/// The address space of a worker: the tensors of one inference, the plans it caches, a few
/// copies of the largest model while it is received and parsed, and 512 MiB for code, stacks
/// and the allocator.
pub fn default_memory_limit(engine: &EngineConfig) -> u64 {
	let model = u64::try_from(engine.max_model_bytes).unwrap_or(u64::MAX);
	let cache = u64::try_from(engine.max_cached_bytes).unwrap_or(u64::MAX);
	engine
		.max_tensor_bytes
		.saturating_add(cache)
		.saturating_add(model.saturating_mul(4))
		.saturating_add(512 << 20)
}

/// A frame from a worker.
enum Frame {
	Confined(Confinement),
	Reply(WorkerReply),
}

/// A running worker.
struct WorkerProcess {
	stdin: ChildStdin,
	frames: Receiver<io::Result<Frame>>,
	child: Child,
}

impl WorkerProcess {
	/// Kills the worker (if it still runs) and reaps it; how it ended.
	fn end(mut self) -> String {
		let _ = self.child.kill();
		match self.child.wait() {
			Ok(status) => match status.signal() {
				Some(signal) => format!("killed by signal {signal}"),
				None => format!("exited with {status}"),
			},
			Err(error) => format!("cannot be reaped: {error}"),
		}
	}
}

impl Drop for WorkerProcess {
	fn drop(&mut self) {
		// The worker may already be gone; then both calls fail harmlessly.
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Where a model's plan lives.
struct Home {
	slot: usize,
	approx_bytes: u64,
	/// When it was loaded, in loads since the pool started (the oldest is forgotten first).
	loaded: u64,
}

/// Inference workers, each a process running one load or inference at a time.
///
/// A model's plan lives in one worker, the one that loaded it: its runs wait for that worker,
/// while other models run in the others. A worker that misses a deadline is killed, which is
/// the only way to stop tract; one that dies (an allocation above its memory limit aborts it)
/// is replaced by a new one at the next request. Either way the request fails with a local
/// error ([`EngineError::Timeout`] or [`EngineError::ResourceExhausted`]), never committed on
/// chain, and the plans the worker held are loaded again when next needed.
pub struct WorkerPool {
	command: WorkerCommand,
	settings: WorkerSettings,
	config: EngineConfig,
	slots: Vec<Mutex<Option<WorkerProcess>>>,
	homes: Mutex<HashMap<[u8; 32], Home>>,
	kills: Mutex<HashMap<[u8; 32], u32>>,
	confinement: Mutex<Option<Confinement>>,
	counters: EngineCounters,
	/// Loads since the pool started, to order the plans of a worker by age.
	loads: AtomicU64,
}

impl WorkerPool {
	/// A pool of `config.max_concurrency` workers (at least one) started with `command`, each
	/// running an engine with `config`'s limits in `memory_limit_bytes` of address space. No
	/// worker starts before it is needed.
	pub fn new(command: WorkerCommand, config: EngineConfig, memory_limit_bytes: u64) -> Self {
		let millis = |duration: Duration| u64::try_from(duration.as_millis()).unwrap_or(u64::MAX);
		let settings = WorkerSettings {
			max_model_bytes: u64::try_from(config.max_model_bytes).unwrap_or(u64::MAX),
			max_input_elements: config.max_input_elements,
			max_tensor_bytes: config.max_tensor_bytes,
			max_macs: config.max_macs,
			max_cached_plans: u32::try_from(config.max_cached_plans).unwrap_or(u32::MAX),
			max_cached_bytes: u64::try_from(config.max_cached_bytes).unwrap_or(u64::MAX),
			memory_limit_bytes,
			// Twice the service's deadlines: the service kills the worker first.
			run_deadline_ms: millis(config.timeout).saturating_mul(2),
			load_deadline_ms: millis(config.load_timeout).saturating_mul(2),
			execution: config.execution,
		};
		let slots = (0..config.max_concurrency.max(1)).map(|_| Mutex::new(None)).collect();
		WorkerPool {
			command,
			settings,
			config,
			slots,
			homes: Mutex::default(),
			kills: Mutex::default(),
			confinement: Mutex::new(None),
			counters: EngineCounters::default(),
			loads: AtomicU64::new(0),
		}
	}

	/// The limits of the workers' engines.
	pub fn config(&self) -> &EngineConfig {
		&self.config
	}

	/// What the last worker started reported about its confinement, if one started.
	pub fn confinement(&self) -> Option<Confinement> {
		*self.confinement.lock()
	}

	/// Whether a worker holds the plan of `hash` (as far as the pool knows: a worker may have
	/// evicted it, and then a run answers [`EngineError::ModelNotLoaded`]).
	pub fn cached(&self, hash: &[u8; 32]) -> bool {
		self.homes.lock().contains_key(hash)
	}

	/// Loads model `hash` from its ONNX bytes into a worker, checked against `signature` and
	/// `bounds` (see [`Engine::load_within`](opg_inference_engine::Engine::load_within)).
	///
	/// # Errors
	///
	/// The engine's errors of a load, [`EngineError::Busy`] if no worker became free before
	/// the load deadline, [`EngineError::Timeout`] if the load missed it, and
	/// [`EngineError::ResourceExhausted`] if the worker died or could not be started, or the
	/// model killed workers too often.
	pub fn load(
		&self,
		hash: [u8; 32],
		onnx: &[u8],
		signature: &ModelSignature,
		bounds: &ResourceBounds,
	) -> Result<(), EngineError> {
		let result = self.load_inner(hash, onnx, signature, bounds);
		self.counters.lookup(false);
		if let Err(error) = &result {
			self.counters.failed(error);
		}
		result
	}

	fn load_inner(
		&self,
		hash: [u8; 32],
		onnx: &[u8],
		signature: &ModelSignature,
		bounds: &ResourceBounds,
	) -> Result<(), EngineError> {
		if onnx.len() > self.config.max_model_bytes {
			return Err(EngineError::ModelTooLarge {
				actual: u64::try_from(onnx.len()).unwrap_or(u64::MAX),
				limit: self.settings.max_model_bytes,
			});
		}
		self.refuse_killer(&hash)?;
		let timeout = self.config.load_timeout;
		let deadline = Instant::now() + timeout;
		let index = self.slot_for(&hash);
		let mut slot = self.lock(index, deadline)?;
		let request = WorkerRequestRef::Load { hash: &hash, signature, bounds, onnx };
		match self.exchange(index, &mut slot, &request, deadline, timeout, &hash)? {
			WorkerReply::Loaded(Ok(approx_bytes)) => {
				self.settle(hash, index, approx_bytes);
				Ok(())
			}
			WorkerReply::Loaded(Err(error)) => {
				self.homes.lock().remove(&hash);
				Err(error)
			}
			WorkerReply::Ran(_) => Err(self.confused(index, &mut slot)),
		}
	}

	/// Runs the plan of model `hash` on `inputs` in the worker holding it.
	///
	/// # Errors
	///
	/// The engine's errors of a run ([`EngineError::ModelNotLoaded`] when no worker holds the
	/// plan), [`EngineError::Busy`] if the worker stayed busy until the deadline,
	/// [`EngineError::Timeout`] if the run missed it (the worker is killed), and
	/// [`EngineError::ResourceExhausted`] if the worker died.
	pub fn run(&self, hash: [u8; 32], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
		let start = Instant::now();
		let result = self.run_inner(hash, inputs, start);
		self.counters.ran(&result, start.elapsed());
		result
	}

	fn run_inner(
		&self,
		hash: [u8; 32],
		inputs: &[Tensor],
		start: Instant,
	) -> Result<Vec<Tensor>, EngineError> {
		let home = self.homes.lock().get(&hash).map(|home| home.slot);
		let Some(index) = home else {
			self.counters.lookup(false);
			return Err(EngineError::ModelNotLoaded { hash });
		};
		self.refuse_killer(&hash)?;
		let timeout = self.config.timeout;
		let mut slot = self.lock(index, start + timeout)?;
		// The worker may have died while this request waited for it.
		if self.homes.lock().get(&hash).is_none_or(|home| home.slot != index) {
			self.counters.lookup(false);
			return Err(EngineError::ModelNotLoaded { hash });
		}
		self.counters.lookup(true);
		let request = WorkerRequestRef::Run { hash: &hash, inputs };
		match self.exchange(index, &mut slot, &request, start + timeout, timeout, &hash)? {
			WorkerReply::Ran(Err(EngineError::ModelNotLoaded { hash })) => {
				// The worker evicted it to make room for other plans.
				self.homes.lock().remove(&hash);
				Err(EngineError::ModelNotLoaded { hash })
			}
			WorkerReply::Ran(result) => result,
			WorkerReply::Loaded(_) => Err(self.confused(index, &mut slot)),
		}
	}

	/// A snapshot of the pool's counters, in the engine's terms.
	pub fn stats(&self) -> EngineStats {
		let (cached_plans, cached_bytes) = {
			let homes = self.homes.lock();
			let bytes =
				homes.values().fold(0u64, |sum, home| sum.saturating_add(home.approx_bytes));
			(homes.len(), usize::try_from(bytes).unwrap_or(usize::MAX))
		};
		let in_flight = self.slots.iter().filter(|slot| slot.is_locked()).count();
		self.counters.snapshot(in_flight, cached_plans, cached_bytes)
	}

	/// The slot to load `hash` in: where it already lives, else the one holding the fewest
	/// plans, a free one first.
	fn slot_for(&self, hash: &[u8; 32]) -> usize {
		let homes = self.homes.lock();
		if let Some(home) = homes.get(hash) {
			return home.slot;
		}
		let mut plans = vec![0usize; self.slots.len()];
		for home in homes.values() {
			if let Some(count) = plans.get_mut(home.slot) {
				*count = count.saturating_add(1);
			}
		}
		let busy = |index: usize| self.slots.get(index).is_some_and(|slot| slot.is_locked());
		(0..self.slots.len())
			.min_by_key(|&index| (busy(index), plans.get(index).copied().unwrap_or(0), index))
			.unwrap_or(0)
	}

	/// Waits for slot `index` until `deadline`.
	fn lock(
		&self,
		index: usize,
		deadline: Instant,
	) -> Result<MutexGuard<'_, Option<WorkerProcess>>, EngineError> {
		let start = Instant::now();
		self.slots.get(index).and_then(|slot| slot.try_lock_until(deadline)).ok_or_else(|| {
			EngineError::Busy {
				slots: u64::try_from(self.slots.len()).unwrap_or(u64::MAX),
				millis: start.elapsed().as_millis(),
			}
		})
	}

	/// Records that slot `index` holds the plan of `hash`, forgetting its oldest plans beyond
	/// what a worker caches.
	fn settle(&self, hash: [u8; 32], index: usize, approx_bytes: u64) {
		let loaded = self.loads.fetch_add(1, Ordering::Relaxed);
		let mut homes = self.homes.lock();
		homes.insert(hash, Home { slot: index, approx_bytes, loaded });
		let in_slot = homes.values().filter(|home| home.slot == index).count();
		let excess = in_slot.saturating_sub(self.config.max_cached_plans);
		for _ in 0..excess {
			let oldest = homes
				.iter()
				.filter(|(_, home)| home.slot == index)
				.min_by_key(|(_, home)| home.loaded)
				.map(|(hash, _)| *hash);
			if let Some(oldest) = oldest {
				homes.remove(&oldest);
			}
		}
	}

	/// Refuses a model that killed [`MAX_KILLS_PER_MODEL`] workers.
	fn refuse_killer(&self, hash: &[u8; 32]) -> Result<(), EngineError> {
		let kills = self.kills.lock().get(hash).copied().unwrap_or(0);
		if kills >= MAX_KILLS_PER_MODEL {
			return Err(EngineError::ResourceExhausted {
				detail: format!(
					"model {} killed {kills} inference workers (crashes or missed deadlines); it is \
					 not run again until the inference service restarts",
					hex(hash)
				),
			});
		}
		Ok(())
	}

	/// Sends `request` to the worker of slot `index` (starting one if needed) and waits for its
	/// reply until `deadline`. A worker that misses it or dies is ended, charged to `model`.
	fn exchange(
		&self,
		index: usize,
		slot: &mut Option<WorkerProcess>,
		request: &WorkerRequestRef<'_>,
		deadline: Instant,
		timeout: Duration,
		model: &[u8; 32],
	) -> Result<WorkerReply, EngineError> {
		let process = match slot {
			Some(process) => process,
			None => slot.insert(self.start_worker()?),
		};
		let received = match write_frame(&mut process.stdin, request) {
			Ok(()) => {
				process.frames.recv_timeout(deadline.saturating_duration_since(Instant::now()))
			}
			Err(_) => Err(RecvTimeoutError::Disconnected),
		};
		let failure = match received {
			Ok(Ok(Frame::Reply(reply))) => return Ok(reply),
			Err(RecvTimeoutError::Timeout) => EngineError::Timeout { millis: timeout.as_millis() },
			Ok(Ok(Frame::Confined(_))) | Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => {
				EngineError::ResourceExhausted { detail: String::new() }
			}
		};
		let ending = self.retire(index, slot);
		self.charge(model);
		Err(match failure {
			EngineError::ResourceExhausted { .. } => {
				log::warn!(
					target: LOG_TARGET,
					"An inference worker died on model {} ({ending}); a new one will be started",
					hex(model)
				);
				EngineError::ResourceExhausted {
					detail: format!(
						"the inference worker died ({ending}), e.g. above its memory limit of {} \
						 MiB",
						self.settings.memory_limit_bytes >> 20
					),
				}
			}
			timeout => {
				log::warn!(
					target: LOG_TARGET,
					"Model {} missed its deadline; its inference worker was killed",
					hex(model)
				);
				timeout
			}
		})
	}

	/// Counts a worker killed by `model`. The table is bounded: when full it starts over, which
	/// only gives the models in it their attempts back.
	fn charge(&self, model: &[u8; 32]) {
		let mut kills = self.kills.lock();
		if kills.len() >= MAX_KILLERS_REMEMBERED && !kills.contains_key(model) {
			kills.clear();
		}
		*kills.entry(*model).or_default() += 1;
	}

	/// A worker answered with the wrong kind of reply: it cannot be trusted any more.
	fn confused(&self, index: usize, slot: &mut Option<WorkerProcess>) -> EngineError {
		let ending = self.retire(index, slot);
		EngineError::ResourceExhausted {
			detail: format!("the inference worker broke the protocol and was ended ({ending})"),
		}
	}

	/// Ends the worker of slot `index` and forgets the plans it held; how it ended.
	fn retire(&self, index: usize, slot: &mut Option<WorkerProcess>) -> String {
		self.homes.lock().retain(|_, home| home.slot != index);
		slot.take().map_or_else(|| "not running".to_owned(), WorkerProcess::end)
	}

	/// Starts a worker, sends its settings and waits for its confinement report.
	fn start_worker(&self) -> Result<WorkerProcess, EngineError> {
		let unavailable = |detail: String| EngineError::ResourceExhausted {
			detail: format!("cannot start an inference worker: {detail}"),
		};
		let mut command = Command::new(&self.command.program);
		command
			.args(&self.command.args)
			.env_clear()
			.current_dir("/")
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::piped());
		for name in INHERITED_ENVIRONMENT {
			if let Some(value) = std::env::var_os(name) {
				command.env(name, value);
			}
		}
		let mut child = command
			.spawn()
			.map_err(|error| unavailable(format!("{}: {error}", self.command.program.display())))?;
		let (Some(stdin), Some(stdout), Some(stderr)) =
			(child.stdin.take(), child.stdout.take(), child.stderr.take())
		else {
			let _ = child.kill();
			let _ = child.wait();
			return Err(unavailable("no pipe to the worker".to_owned()));
		};
		let pid = child.id();
		let (sender, frames) = mpsc::sync_channel(1);
		let mut process = WorkerProcess { stdin, frames, child };
		thread::Builder::new()
			.name("opg-inference-pipe".into())
			.spawn(move || read_frames(stdout, sender))
			.map_err(|error| unavailable(format!("no thread to read its replies: {error}")))?;
		thread::Builder::new()
			.name("opg-inference-stderr".into())
			.spawn(move || log_stderr(pid, stderr))
			.map_err(|error| unavailable(format!("no thread to read its messages: {error}")))?;
		write_frame(&mut process.stdin, &self.settings)
			.map_err(|error| unavailable(format!("it did not take its settings: {error}")))?;
		match process.frames.recv_timeout(STARTUP_TIMEOUT) {
			Ok(Ok(Frame::Confined(confinement))) => {
				self.report(confinement);
				Ok(process)
			}
			_ => Err(unavailable(format!("it did not confine itself ({})", process.end()))),
		}
	}

	/// Logs a worker's confinement when it differs from the previous worker's.
	fn report(&self, confinement: Confinement) {
		let mut last = self.confinement.lock();
		if *last == Some(confinement) {
			return;
		}
		*last = Some(confinement);
		let Confinement {
			memory_limit_bytes,
			no_new_files,
			no_new_sockets,
			network_namespace,
			no_dumps_nor_writes,
		} = confinement;
		if no_new_files && no_new_sockets && network_namespace && no_dumps_nor_writes {
			log::info!(
				target: LOG_TARGET,
				"Inference workers run confined: {} MiB of address space, no file, socket nor \
				 network",
				memory_limit_bytes >> 20
			);
		} else {
			log::warn!(
				target: LOG_TARGET,
				"Inference workers are only partly confined: {confinement:?}"
			);
		}
	}
}

/// Lines of a worker's standard error logged, at most; the rest is read and dropped.
const MAX_LOGGED_LINES: usize = 100;
/// Bytes of one such line logged, at most.
const MAX_LOGGED_LINE_BYTES: u64 = 1024;

/// Logs what a worker prints (a panic's message, say) until it exits. Its standard error is a
/// pipe, never the node's: a worker may not write files (`RLIMIT_FSIZE` is 0), so printing to a
/// node whose standard error is a file would kill it with `SIGXFSZ`.
fn log_stderr(pid: u32, stderr: std::process::ChildStderr) {
	use io::{BufRead, Read};
	let mut reader = io::BufReader::new(stderr);
	let mut logged = 0;
	loop {
		let mut line = Vec::new();
		match reader.by_ref().take(MAX_LOGGED_LINE_BYTES).read_until(b'\n', &mut line) {
			Ok(0) | Err(_) => return,
			Ok(_) if logged < MAX_LOGGED_LINES => {
				logged += 1;
				let text = String::from_utf8_lossy(&line);
				log::warn!(target: LOG_TARGET, "inference worker {pid}: {}", text.trim_end());
			}
			Ok(_) => {}
		}
	}
}

/// Reads a worker's frames until its output closes: its confinement, then replies.
fn read_frames(mut stdout: std::process::ChildStdout, frames: SyncSender<io::Result<Frame>>) {
	let first = super::protocol::read_frame::<Confinement>(&mut stdout, MAX_REPLY_BYTES);
	let mut next = first.map(|frame| frame.map(Frame::Confined));
	loop {
		let frame = match next {
			Ok(Some(frame)) => Ok(frame),
			// The worker closed its output: the receiver sees the channel close.
			Ok(None) => return,
			Err(error) => Err(error),
		};
		let failed = frame.is_err();
		if frames.send(frame).is_err() || failed {
			return;
		}
		next = super::protocol::read_frame::<WorkerReply>(&mut stdout, MAX_REPLY_BYTES)
			.map(|frame| frame.map(Frame::Reply));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A worker that prints more than is logged is drained to its end: it never blocks on a
	/// full pipe, and nothing it prints reaches a file it may not write.
	#[test]
	fn a_worker_printing_a_lot_is_drained_and_not_killed() {
		let script = "ulimit -f 0; line=$(printf '%01000d' 0); i=0; \
		              while [ $i -lt 300 ]; do echo \"$line\" >&2; i=$((i+1)); done";
		let mut child = Command::new("/bin/sh")
			.args(["-c", script])
			.stderr(Stdio::piped())
			.spawn()
			.expect("sh starts");
		let stderr = child.stderr.take().expect("piped");
		log_stderr(child.id(), stderr);
		let status = child.wait().expect("sh ends");
		assert!(status.success(), "{status:?}");
	}
}
