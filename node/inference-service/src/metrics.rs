//! Prometheus metrics of the service (listed in the [crate documentation](crate#metrics)).

use opg_inference_engine::{EngineErrorKind, EngineStats};
use std::{
	sync::{Mutex, PoisonError},
	time::Duration,
};
use substrate_prometheus_endpoint::{
	exponential_buckets, register, Counter, CounterVec, Histogram, HistogramOpts, Opts,
	PrometheusError, Registry, U64,
};

/// Where the bytes of a model came from, or that they could not be obtained.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Source {
	/// The [`ModelStore`](crate::ModelStore).
	Store,
	/// The node's [`IndexedModels`](crate::IndexedModels).
	Indexed,
	/// The model's URI.
	Uri,
	/// Nowhere: the request was answered `MODEL_UNAVAILABLE`.
	Unavailable,
}

impl Source {
	const ALL: [Source; 4] = [Source::Store, Source::Indexed, Source::Uri, Source::Unavailable];

	fn label(self) -> &'static str {
		match self {
			Source::Store => "store",
			Source::Indexed => "indexed",
			Source::Uri => "uri",
			Source::Unavailable => "unavailable",
		}
	}
}

/// A failure of the service itself (engine failures are labelled with
/// [`EngineErrorKind::name`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Failure {
	/// No copy of the model could be obtained.
	ModelUnavailable,
	/// The body did not decode (`400`).
	BadRequest,
	/// The body was too large (`413`).
	RequestTooLarge,
	/// The body did not arrive in time (`408`).
	RequestTimeout,
}

impl Failure {
	const ALL: [Failure; 4] = [
		Failure::ModelUnavailable,
		Failure::BadRequest,
		Failure::RequestTooLarge,
		Failure::RequestTimeout,
	];

	fn label(self) -> &'static str {
		match self {
			Failure::ModelUnavailable => "model_unavailable",
			Failure::BadRequest => "bad_request",
			Failure::RequestTooLarge => "request_too_large",
			Failure::RequestTimeout => "request_timeout",
		}
	}
}

/// The engine counters already reported, to report deltas.
#[derive(Default)]
struct Reported {
	failures: [u64; EngineErrorKind::ALL.len()],
	cache_hits: u64,
	cache_misses: u64,
}

/// The service's metrics, registered on a Prometheus registry.
pub(crate) struct Metrics {
	requests: Counter<U64>,
	latency: Histogram,
	failures: CounterVec<U64>,
	cache_hits: Counter<U64>,
	cache_misses: Counter<U64>,
	fetches: CounterVec<U64>,
	reported: Mutex<Reported>,
}

impl Metrics {
	/// Registers the metrics on `registry`, every label value starting at zero.
	pub(crate) fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let metrics = Metrics {
			requests: register(
				Counter::new("opg_inference_requests_total", "Inference requests received")?,
				registry,
			)?,
			latency: register(
				Histogram::with_opts(
					HistogramOpts::new(
						"opg_inference_latency_seconds",
						"Time to answer a decoded inference request",
					)
					.buckets(exponential_buckets(0.001, 4.0, 10)?),
				)?,
				registry,
			)?,
			failures: register(
				CounterVec::new(
					Opts::new(
						"opg_inference_failures_total",
						"Failed engine calls, model acquisitions and requests, by kind",
					),
					&["kind"],
				)?,
				registry,
			)?,
			cache_hits: register(
				Counter::new("opg_inference_cache_hits_total", "Engine plan cache hits")?,
				registry,
			)?,
			cache_misses: register(
				Counter::new("opg_inference_cache_misses_total", "Engine plan cache misses")?,
				registry,
			)?,
			fetches: register(
				CounterVec::new(
					Opts::new(
						"opg_inference_model_fetches_total",
						"Model acquisitions, by where the bytes came from",
					),
					&["source"],
				)?,
				registry,
			)?,
			reported: Mutex::new(Reported::default()),
		};
		let kinds = EngineErrorKind::ALL.iter().map(|kind| kind.name());
		for kind in kinds.chain(Failure::ALL.iter().map(|failure| failure.label())) {
			metrics.failures.with_label_values(&[kind]);
		}
		for source in Source::ALL {
			metrics.fetches.with_label_values(&[source.label()]);
		}
		Ok(metrics)
	}

	/// Counts a request.
	pub(crate) fn request(&self) {
		self.requests.inc();
	}

	/// Records the time taken to answer a decoded request.
	pub(crate) fn answered(&self, elapsed: Duration) {
		self.latency.observe(elapsed.as_secs_f64());
	}

	/// Counts a failure of the service itself.
	pub(crate) fn failed(&self, failure: Failure) {
		self.failures.with_label_values(&[failure.label()]).inc();
	}

	/// Counts a model acquisition.
	pub(crate) fn acquired(&self, source: Source) {
		self.fetches.with_label_values(&[source.label()]).inc();
	}

	/// Adds what the engine counted since the last call. Snapshots taken concurrently may
	/// arrive out of order: counters only move forward.
	pub(crate) fn engine(&self, stats: &EngineStats) {
		let mut reported = self.reported.lock().unwrap_or_else(PoisonError::into_inner);
		let Reported { failures, cache_hits, cache_misses } = &mut *reported;
		for (kind, seen) in EngineErrorKind::ALL.iter().zip(failures.iter_mut()) {
			self.failures
				.with_label_values(&[kind.name()])
				.inc_by(advance(seen, stats.failures(*kind)));
		}
		self.cache_hits.inc_by(advance(cache_hits, stats.cache_hits));
		self.cache_misses.inc_by(advance(cache_misses, stats.cache_misses));
	}
}

/// Moves `seen` forward to `now`; by how much.
fn advance(seen: &mut u64, now: u64) -> u64 {
	let delta = now.saturating_sub(*seen);
	*seen = (*seen).max(now);
	delta
}
