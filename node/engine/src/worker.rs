//! Bounded, time-limited, panic-contained execution of engine work on worker threads.
//!
//! Every load and inference runs on a fresh worker thread while holding one of
//! [`EngineConfig::max_concurrency`](crate::EngineConfig) slots. The calling thread waits for
//! the result until the deadline of the call and then gives up with
//! [`EngineError::Timeout`].
//!
//! tract offers no way to interrupt a running plan, so a worker that missed its deadline is
//! not stopped: it runs to completion in the background, its result is discarded, and it keeps
//! its slot until it ends. This is deliberate: the slots bound the number of cores the engine
//! occupies, abandoned work included, so a stream of slow jobs cannot take every core of the
//! node. The price is that calls may fail with [`EngineError::Busy`] while abandoned workers
//! drain.

use crate::error::EngineError;
use std::{
	any::Any,
	panic::{catch_unwind, AssertUnwindSafe},
	sync::{mpsc, Arc, Condvar, Mutex, PoisonError},
	thread,
	time::{Duration, Instant},
};

/// Stack size of worker threads. tract recurses over the graph in some passes; the default
/// 2 MiB of spawned threads is too tight for deep models.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// A counting semaphore: at most `capacity` permits are out at once.
#[derive(Debug)]
pub(crate) struct Slots {
	capacity: usize,
	in_use: Mutex<usize>,
	freed: Condvar,
}

/// One slot of [`Slots`], given back when dropped.
#[derive(Debug)]
pub(crate) struct Permit {
	slots: Arc<Slots>,
}

impl Slots {
	/// A semaphore with `capacity` permits (at least one).
	pub(crate) fn new(capacity: usize) -> Arc<Slots> {
		Arc::new(Slots { capacity: capacity.max(1), in_use: Mutex::new(0), freed: Condvar::new() })
	}

	/// Number of permits.
	pub(crate) fn capacity(&self) -> usize {
		self.capacity
	}

	/// Number of permits currently held (including by abandoned workers).
	pub(crate) fn in_use(&self) -> usize {
		// The counter stays consistent even if a holder panicked: recover from poisoning.
		*self.in_use.lock().unwrap_or_else(PoisonError::into_inner)
	}

	/// Takes a permit, waiting until `deadline` at most (forever if `None`).
	pub(crate) fn acquire(self: &Arc<Self>, deadline: Option<Instant>) -> Option<Permit> {
		let mut in_use = self.in_use.lock().unwrap_or_else(PoisonError::into_inner);
		while *in_use >= self.capacity {
			in_use = match deadline {
				None => self.freed.wait(in_use).unwrap_or_else(PoisonError::into_inner),
				Some(deadline) => {
					let remaining = deadline.checked_duration_since(Instant::now())?;
					if remaining.is_zero() {
						return None;
					}
					self.freed
						.wait_timeout(in_use, remaining)
						.unwrap_or_else(PoisonError::into_inner)
						.0
				}
			};
		}
		*in_use = in_use.saturating_add(1);
		Some(Permit { slots: Arc::clone(self) })
	}
}

impl Drop for Permit {
	fn drop(&mut self) {
		let mut in_use = self.slots.in_use.lock().unwrap_or_else(PoisonError::into_inner);
		*in_use = in_use.saturating_sub(1);
		drop(in_use);
		self.slots.freed.notify_one();
	}
}

/// Runs `work` on a worker thread holding a slot of `slots`, and waits for its result until
/// `timeout` has elapsed since the call (waiting for a slot included).
///
/// # Errors
///
/// - [`EngineError::Busy`] if no slot became free before the deadline;
/// - [`EngineError::ResourceExhausted`] if no thread could be spawned;
/// - [`EngineError::Timeout`] if the worker did not finish before the deadline (it goes on in
///   the background, holding its slot, and its result is dropped);
/// - [`EngineError::Panicked`] if `work` panicked;
/// - any error returned by `work`.
pub(crate) fn run_bounded<R, F>(
	slots: &Arc<Slots>,
	timeout: Duration,
	work: F,
) -> Result<R, EngineError>
where
	R: Send + 'static,
	F: FnOnce() -> Result<R, EngineError> + Send + 'static,
{
	let start = Instant::now();
	let deadline = start.checked_add(timeout);
	let Some(permit) = slots.acquire(deadline) else {
		return Err(EngineError::Busy {
			slots: u64::try_from(slots.capacity()).unwrap_or(u64::MAX),
			millis: start.elapsed().as_millis(),
		});
	};
	let (sender, receiver) = mpsc::sync_channel(1);
	thread::Builder::new()
		.name("opg-inference".into())
		.stack_size(WORKER_STACK_BYTES)
		.spawn(move || {
			let result = catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
				Err(EngineError::Panicked { message: panic_message(&*payload) })
			});
			// The slot is released only now that the work is over (whether or not the caller
			// still waits), and before the result is sent, so a caller that got its result
			// never sees its own slot still taken.
			drop(permit);
			// The caller may have given up waiting: then nobody receives, which is fine.
			let _ = sender.send(result);
		})
		.map_err(|e| EngineError::ResourceExhausted {
			detail: format!("cannot spawn a worker thread: {e}"),
		})?;
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

	#[test]
	fn results_and_errors_are_passed_through() {
		let slots = Slots::new(1);
		assert_eq!(run_bounded(&slots, Duration::from_secs(10), || Ok(7)), Ok(7));
		let error = EngineError::Execution { detail: "boom".into() };
		let expected = error.clone();
		assert_eq!(
			run_bounded::<(), _>(&slots, Duration::from_secs(10), move || Err(error)),
			Err(expected)
		);
		assert_eq!(slots.in_use(), 0);
	}

	#[test]
	fn panics_are_contained() {
		let slots = Slots::new(1);
		let result =
			run_bounded::<(), _>(&slots, Duration::from_secs(10), || panic!("tract says no"));
		assert_eq!(result, Err(EngineError::Panicked { message: "tract says no".into() }));
		// The slot was given back and the semaphore still works.
		assert_eq!(run_bounded(&slots, Duration::from_secs(10), || Ok(1)), Ok(1));
	}

	#[test]
	fn slow_work_times_out_and_keeps_its_slot_until_it_ends() {
		let slots = Slots::new(1);
		let (release, wait) = mpsc::channel::<()>();
		let result = run_bounded(&slots, Duration::from_millis(20), move || {
			let _ = wait.recv();
			Ok(())
		});
		assert_eq!(result, Err(EngineError::Timeout { millis: 20 }));
		assert_eq!(slots.in_use(), 1);
		// With the only slot held by the abandoned worker, the next call cannot start.
		let busy = run_bounded(&slots, Duration::from_millis(20), || Ok(()));
		assert!(matches!(busy, Err(EngineError::Busy { slots: 1, .. })), "{busy:?}");
		release.send(()).expect("worker alive");
		assert_eq!(run_bounded(&slots, Duration::from_secs(10), || Ok(2)), Ok(2));
	}

	#[test]
	fn concurrency_is_bounded() {
		let slots = Slots::new(2);
		let running = Arc::new(AtomicUsize::new(0));
		let peak = Arc::new(AtomicUsize::new(0));
		let callers: Vec<_> = (0..6)
			.map(|_| {
				let (slots, running, peak) =
					(Arc::clone(&slots), Arc::clone(&running), Arc::clone(&peak));
				thread::spawn(move || {
					run_bounded(&slots, Duration::from_secs(30), move || {
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
	}
}
