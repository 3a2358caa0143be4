//! Bounded, time-limited, panic-contained execution of engine work on worker threads.
//!
//! Loads and inferences run on [`WorkerThreads`]: at most
//! [`EngineConfig::max_concurrency`](crate::EngineConfig) threads, started when first needed
//! and kept for the next calls, each running one job at a time. A fresh thread per call would
//! cost tens of microseconds (its 16 MiB stack mapped, the thread created and joined), the time
//! of a whole run of a small model, and would throw away what tract keeps per thread between
//! runs (see `session.rs`). The calling thread hands its job to an idle worker thread (starting
//! one if fewer than the maximum run) and waits for the result until the deadline of the call,
//! then gives up with [`EngineError::Timeout`].
//!
//! tract offers no way to interrupt a running plan, so a worker thread whose job missed its
//! deadline is not stopped: it runs the job to completion in the background, its result is
//! discarded, and the thread is busy until it ends. This is deliberate: the number of threads
//! bounds the number of cores the engine occupies, abandoned work included, so a stream of slow
//! jobs cannot take every core of the node. The price is that calls may fail with
//! [`EngineError::Busy`] while abandoned jobs drain. A job that panics is caught on its thread,
//! which goes on serving.

use crate::error::EngineError;
use std::{
	any::Any,
	panic::{catch_unwind, AssertUnwindSafe},
	sync::{
		mpsc::{self, Receiver, RecvTimeoutError, SyncSender},
		Arc, Condvar, Mutex, PoisonError,
	},
	thread,
	time::{Duration, Instant},
};

/// Stack size of worker threads. tract recurses over the graph in some passes; the default
/// 2 MiB of spawned threads is too tight for deep models.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// How long an idle worker thread waits for a job before it runs its idle task once.
const IDLE_PERIOD: Duration = Duration::from_secs(1);

/// What worker threads do besides jobs: the upkeep of what they keep between jobs.
#[derive(Clone, Copy)]
pub(crate) struct Upkeep {
	/// Run by an idle thread every [`IDLE_PERIOD`] without a job.
	pub(crate) idle: fn(),
	/// Run by a thread as it ends, while its thread-local storage is still whole: thread-local
	/// values are destroyed in no set order, so what needs others must go first.
	pub(crate) exit: fn(),
}

/// Work for a worker thread.
type Job = Box<dyn FnOnce() + Send>;

/// A pool of at most `capacity` persistent worker threads, each running one job at a time.
///
/// The threads end once the pool is dropped and their jobs are done.
pub(crate) struct WorkerThreads {
	capacity: usize,
	upkeep: Upkeep,
	roster: Mutex<Roster>,
	freed: Condvar,
}

/// The worker threads of a [`WorkerThreads`].
#[derive(Default)]
struct Roster {
	/// The job queues of the idle threads, the most recently busy last.
	idle: Vec<SyncSender<Job>>,
	/// Threads started and still serving.
	started: usize,
}

/// A worker thread taken for one job, idle again when dropped.
struct Lease {
	threads: Arc<WorkerThreads>,
	jobs: Option<SyncSender<Job>>,
}

impl WorkerThreads {
	/// A pool of `capacity` threads at most (at least one), none started yet, whose threads
	/// run `upkeep`.
	pub(crate) fn new(capacity: usize, upkeep: Upkeep) -> Arc<WorkerThreads> {
		Arc::new(WorkerThreads {
			capacity: capacity.max(1),
			upkeep,
			roster: Mutex::default(),
			freed: Condvar::new(),
		})
	}

	fn roster(&self) -> std::sync::MutexGuard<'_, Roster> {
		// The roster stays consistent even if a holder panicked: recover from poisoning.
		self.roster.lock().unwrap_or_else(PoisonError::into_inner)
	}

	/// Largest number of threads.
	pub(crate) fn capacity(&self) -> usize {
		self.capacity
	}

	/// Number of threads running a job (abandoned ones included).
	pub(crate) fn in_use(&self) -> usize {
		let roster = self.roster();
		roster.started.saturating_sub(roster.idle.len())
	}

	/// Takes an idle thread, or starts one if fewer than `capacity` run, waiting until
	/// `deadline` at most (forever if `None`); `Ok(None)` when none became free in time.
	fn take(self: &Arc<Self>, deadline: Option<Instant>) -> Result<Option<Lease>, EngineError> {
		let mut roster = self.roster();
		loop {
			if let Some(jobs) = roster.idle.pop() {
				return Ok(Some(Lease { threads: Arc::clone(self), jobs: Some(jobs) }));
			}
			if roster.started < self.capacity {
				roster.started = roster.started.saturating_add(1);
				drop(roster);
				return match self.start_thread() {
					Ok(jobs) => Ok(Some(Lease { threads: Arc::clone(self), jobs: Some(jobs) })),
					Err(error) => {
						let mut roster = self.roster();
						roster.started = roster.started.saturating_sub(1);
						drop(roster);
						// Another caller may start a thread in its place.
						self.freed.notify_one();
						Err(EngineError::ResourceExhausted {
							detail: format!("cannot spawn a worker thread: {error}"),
						})
					}
				};
			}
			roster = match deadline {
				None => self.freed.wait(roster).unwrap_or_else(PoisonError::into_inner),
				Some(deadline) => {
					let remaining = deadline.saturating_duration_since(Instant::now());
					if remaining.is_zero() {
						return Ok(None);
					}
					self.freed
						.wait_timeout(roster, remaining)
						.unwrap_or_else(PoisonError::into_inner)
						.0
				}
			};
		}
	}

	/// Starts a worker thread; the sender of its job queue.
	fn start_thread(&self) -> std::io::Result<SyncSender<Job>> {
		let (sender, jobs) = mpsc::sync_channel::<Job>(1);
		let upkeep = self.upkeep;
		thread::Builder::new()
			.name("opg-inference".into())
			.stack_size(WORKER_STACK_BYTES)
			.spawn(move || serve_jobs(&jobs, upkeep))?;
		Ok(sender)
	}
}

/// The loop of a worker thread: runs jobs until its queue's sender is dropped (with the pool).
///
/// Nothing unwinds out of it: a job catches its work's panics, and the upkeep's are caught
/// here, so a thread stays until the pool goes.
fn serve_jobs(jobs: &Receiver<Job>, upkeep: Upkeep) {
	loop {
		match jobs.recv_timeout(IDLE_PERIOD) {
			Ok(job) => job(),
			Err(RecvTimeoutError::Timeout) => {
				let _ = catch_unwind(upkeep.idle);
			}
			Err(RecvTimeoutError::Disconnected) => {
				let _ = catch_unwind(upkeep.exit);
				return;
			}
		}
	}
}

impl Drop for Lease {
	fn drop(&mut self) {
		if let Some(jobs) = self.jobs.take() {
			self.threads.roster().idle.push(jobs);
			self.threads.freed.notify_one();
		}
	}
}

/// Runs `work` on a worker thread of `threads`, and waits for its result until `timeout` has
/// elapsed since the call (waiting for a thread included).
///
/// # Errors
///
/// - [`EngineError::Busy`] if no thread became free before the deadline;
/// - [`EngineError::ResourceExhausted`] if no thread could be spawned;
/// - [`EngineError::Timeout`] if the work did not finish before the deadline (it goes on in
///   the background, keeping its thread busy, and its result is dropped);
/// - [`EngineError::Panicked`] if `work` panicked;
/// - any error returned by `work`.
pub(crate) fn run_bounded<R, F>(
	threads: &Arc<WorkerThreads>,
	timeout: Duration,
	work: F,
) -> Result<R, EngineError>
where
	R: Send + 'static,
	F: FnOnce() -> Result<R, EngineError> + Send + 'static,
{
	let start = Instant::now();
	let deadline = start.checked_add(timeout);
	let Some(lease) = threads.take(deadline)? else {
		return Err(EngineError::Busy {
			slots: u64::try_from(threads.capacity()).unwrap_or(u64::MAX),
			millis: start.elapsed().as_millis(),
		});
	};
	let (sender, receiver) = mpsc::sync_channel(1);
	let jobs = lease.jobs.clone();
	let job: Job = Box::new(move || {
		let result = catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
			Err(EngineError::Panicked { message: panic_message(&*payload) })
		});
		// The thread is given back only now that the work is over (whether or not the caller
		// still waits), and before the result is sent, so a caller that got its result never
		// sees its own thread still busy.
		drop(lease);
		// The caller may have given up waiting: then nobody receives, which is fine.
		let _ = sender.send(result);
	});
	// An idle thread waits on its empty queue, and never ends while the pool lives (see
	// `serve_jobs`); were it gone, the caller would hear of it below.
	if let Some(jobs) = jobs {
		let _ = jobs.send(job);
	}
	let received = match deadline {
		None => receiver.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
		Some(deadline) => receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())),
	};
	match received {
		Ok(result) => result,
		Err(mpsc::RecvTimeoutError::Timeout) => {
			Err(EngineError::Timeout { millis: timeout.as_millis() })
		}
		Err(mpsc::RecvTimeoutError::Disconnected) => {
			Err(EngineError::Panicked { message: "worker thread ended without a result".into() })
		}
	}
}

/// The message of a panic payload, when it is a string.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
	if let Some(message) = payload.downcast_ref::<&str>() {
		(*message).to_owned()
	} else if let Some(message) = payload.downcast_ref::<String>() {
		message.clone()
	} else {
		"non-string panic payload".into()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::sync::atomic::{AtomicUsize, Ordering};

	fn nothing() {}

	const NO_UPKEEP: Upkeep = Upkeep { idle: nothing, exit: nothing };

	#[test]
	fn results_and_errors_are_passed_through() {
		let threads = WorkerThreads::new(1, NO_UPKEEP);
		assert_eq!(run_bounded(&threads, Duration::from_secs(10), || Ok(7)), Ok(7));
		let error = EngineError::Execution { detail: "boom".into() };
		let expected = error.clone();
		assert_eq!(
			run_bounded::<(), _>(&threads, Duration::from_secs(10), move || Err(error)),
			Err(expected)
		);
		assert_eq!(threads.in_use(), 0);
	}

	#[test]
	fn one_thread_serves_every_job() {
		let threads = WorkerThreads::new(1, NO_UPKEEP);
		let id = || Ok(thread::current().id());
		let first = run_bounded(&threads, Duration::from_secs(10), id).expect("first");
		assert_ne!(first, thread::current().id());
		for _ in 0..3 {
			assert_eq!(run_bounded(&threads, Duration::from_secs(10), id), Ok(first));
		}
	}

	#[test]
	fn panics_are_contained_and_the_thread_goes_on() {
		let threads = WorkerThreads::new(1, NO_UPKEEP);
		let id = || Ok(thread::current().id());
		let before = run_bounded(&threads, Duration::from_secs(10), id).expect("before");
		let result =
			run_bounded::<(), _>(&threads, Duration::from_secs(10), || panic!("tract says no"));
		assert_eq!(result, Err(EngineError::Panicked { message: "tract says no".into() }));
		assert_eq!(threads.in_use(), 0);
		assert_eq!(run_bounded(&threads, Duration::from_secs(10), id), Ok(before));
	}

	#[test]
	fn worker_threads_have_deep_stacks() {
		let threads = WorkerThreads::new(1, NO_UPKEEP);
		// Far above the 2 MiB of a default thread, which would crash the test.
		let depth = run_bounded(&threads, Duration::from_secs(10), || {
			let frame = std::hint::black_box([1u8; 8 << 20]);
			Ok(frame.iter().map(|&byte| usize::from(byte)).sum::<usize>())
		});
		assert_eq!(depth, Ok(8 << 20));
	}

	#[test]
	fn slow_work_times_out_and_keeps_its_thread_until_it_ends() {
		let threads = WorkerThreads::new(1, NO_UPKEEP);
		let (release, wait) = mpsc::channel::<()>();
		let result = run_bounded(&threads, Duration::from_millis(20), move || {
			let _ = wait.recv();
			Ok(())
		});
		assert_eq!(result, Err(EngineError::Timeout { millis: 20 }));
		assert_eq!(threads.in_use(), 1);
		// With the only thread running the abandoned job, the next call cannot start.
		let busy = run_bounded(&threads, Duration::from_millis(20), || Ok(()));
		assert!(matches!(busy, Err(EngineError::Busy { slots: 1, .. })), "{busy:?}");
		release.send(()).expect("worker alive");
		assert_eq!(run_bounded(&threads, Duration::from_secs(10), || Ok(2)), Ok(2));
		assert_eq!(threads.in_use(), 0);
	}

	#[test]
	fn concurrency_is_bounded() {
		let threads = WorkerThreads::new(2, NO_UPKEEP);
		let running = Arc::new(AtomicUsize::new(0));
		let peak = Arc::new(AtomicUsize::new(0));
		let callers: Vec<_> = (0..6)
			.map(|_| {
				let (threads, running, peak) =
					(Arc::clone(&threads), Arc::clone(&running), Arc::clone(&peak));
				thread::spawn(move || {
					run_bounded(&threads, Duration::from_secs(30), move || {
						let now = running.fetch_add(1, Ordering::SeqCst).saturating_add(1);
						peak.fetch_max(now, Ordering::SeqCst);
						thread::sleep(Duration::from_millis(30));
						running.fetch_sub(1, Ordering::SeqCst);
						Ok(())
					})
				})
			})
			.collect();
		for caller in callers {
			assert_eq!(caller.join().expect("caller"), Ok(()));
		}
		assert_eq!(peak.load(Ordering::SeqCst), 2);
		assert_eq!(threads.roster().started, 2);
	}

	static IDLE_RUNS: AtomicUsize = AtomicUsize::new(0);
	static EXITS: AtomicUsize = AtomicUsize::new(0);

	fn count_idle_run() {
		IDLE_RUNS.fetch_add(1, Ordering::SeqCst);
	}

	fn count_exit() {
		EXITS.fetch_add(1, Ordering::SeqCst);
	}

	#[test]
	fn threads_run_their_upkeep_when_idle_and_as_they_end() {
		let upkeep = Upkeep { idle: count_idle_run, exit: count_exit };
		let threads = WorkerThreads::new(1, upkeep);
		assert_eq!(run_bounded(&threads, Duration::from_secs(10), || Ok(())), Ok(()));
		let start = Instant::now();
		while IDLE_RUNS.load(Ordering::SeqCst) == 0 {
			assert!(start.elapsed() < IDLE_PERIOD * 10, "the idle task never ran");
			thread::sleep(Duration::from_millis(50));
		}
		assert_eq!(EXITS.load(Ordering::SeqCst), 0);
		drop(threads);
		while EXITS.load(Ordering::SeqCst) == 0 {
			assert!(start.elapsed() < IDLE_PERIOD * 10, "the exit task never ran");
			thread::sleep(Duration::from_millis(10));
		}
	}
}
