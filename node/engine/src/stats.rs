//! Counters of loads and inferences, and their snapshots for metrics.

use crate::error::{EngineError, EngineErrorKind};
use std::{
	collections::BTreeMap,
	sync::atomic::{AtomicU64, Ordering},
	time::Duration,
};

/// A snapshot of the counters of an [`Engine`](crate::Engine) (or of anything running models
/// for it, such as the inference service's worker processes).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EngineStats {
	/// Successful inferences.
	pub inferences: u64,
	/// Failed loads and inferences, by kind; every kind is present.
	pub failures_by_kind: BTreeMap<EngineErrorKind, u64>,
	/// Plan cache lookups that found the plan, by loads and inferences.
	pub cache_hits: u64,
	/// Plan cache lookups that did not.
	pub cache_misses: u64,
	/// Total wall-clock time of every inference, failed ones included.
	pub total_latency: Duration,
	/// Loads and inferences running now (for an engine: on its worker threads, abandoned ones
	/// included).
	pub in_flight: usize,
	/// Plans in the cache.
	pub cached_plans: usize,
	/// Approximate memory of the plans in the cache, in bytes.
	pub cached_bytes: usize,
}

impl EngineStats {
	/// Number of failures of `kind`.
	pub fn failures(&self, kind: EngineErrorKind) -> u64 {
		self.failures_by_kind.get(&kind).copied().unwrap_or(0)
	}

	/// The sum of two snapshots, e.g. of the engines of two execution modes.
	pub fn combined(&self, other: &EngineStats) -> EngineStats {
		let mut failures_by_kind = self.failures_by_kind.clone();
		for (kind, count) in &other.failures_by_kind {
			let total = failures_by_kind.entry(*kind).or_default();
			*total = total.saturating_add(*count);
		}
		EngineStats {
			inferences: self.inferences.saturating_add(other.inferences),
			failures_by_kind,
			cache_hits: self.cache_hits.saturating_add(other.cache_hits),
			cache_misses: self.cache_misses.saturating_add(other.cache_misses),
			total_latency: self.total_latency.saturating_add(other.total_latency),
			in_flight: self.in_flight.saturating_add(other.in_flight),
			cached_plans: self.cached_plans.saturating_add(other.cached_plans),
			cached_bytes: self.cached_bytes.saturating_add(other.cached_bytes),
		}
	}
}

/// The counters behind [`EngineStats`], shared by every thread that loads or runs models.
#[derive(Default, Debug)]
pub struct EngineCounters {
	inferences: AtomicU64,
	failures: [AtomicU64; EngineErrorKind::ALL.len()],
	cache_hits: AtomicU64,
	cache_misses: AtomicU64,
	latency_nanos: AtomicU64,
}

impl EngineCounters {
	/// Counts a failed load or inference.
	pub fn failed(&self, error: &EngineError) {
		if let Some(counter) = self.failures.get(error.kind().index()) {
			counter.fetch_add(1, Ordering::Relaxed);
		}
	}

	/// Counts a plan cache lookup.
	pub fn lookup(&self, hit: bool) {
		let counter = if hit { &self.cache_hits } else { &self.cache_misses };
		counter.fetch_add(1, Ordering::Relaxed);
	}

	/// Counts an inference that took `elapsed`, successful or not.
	pub fn ran<T>(&self, result: &Result<T, EngineError>, elapsed: Duration) {
		let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
		self.latency_nanos.fetch_add(nanos, Ordering::Relaxed);
		match result {
			Ok(_) => {
				self.inferences.fetch_add(1, Ordering::Relaxed);
			}
			Err(error) => self.failed(error),
		}
	}

	/// A snapshot of the counters, with the gauges of the caller.
	pub fn snapshot(
		&self,
		in_flight: usize,
		cached_plans: usize,
		cached_bytes: usize,
	) -> EngineStats {
		let load = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
		let failures_by_kind = EngineErrorKind::ALL
			.iter()
			.zip(self.failures.iter())
			.map(|(kind, counter)| (*kind, load(counter)))
			.collect();
		EngineStats {
			inferences: load(&self.inferences),
			failures_by_kind,
			cache_hits: load(&self.cache_hits),
			cache_misses: load(&self.cache_misses),
			total_latency: Duration::from_nanos(load(&self.latency_nanos)),
			in_flight,
			cached_plans,
			cached_bytes,
		}
	}
}
