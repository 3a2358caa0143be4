//! Timing shared by the latency benchmarks (`engine_latency` here, `service_latency` of the
//! inference service, which includes this file by path): a warm-up, `RUNS` timed runs, and one
//! JSON line `{"model", "runner", "runs", "median_ms", "min_ms", "max_ms"}` that
//! `scripts/bench/engine.sh` tabulates.

use std::{error::Error, time::Instant};

pub type BenchResult<T> = Result<T, Box<dyn Error>>;

/// Times `run` `runs` times after one warm-up and prints the JSON line.
pub fn measure(
	model: &str,
	runner: &str,
	runs: usize,
	mut run: impl FnMut() -> BenchResult<()>,
) -> BenchResult<()> {
	run()?;
	let mut times = Vec::with_capacity(runs);
	for _ in 0..runs {
		let start = Instant::now();
		run()?;
		times.push(start.elapsed().as_secs_f64() * 1e3);
	}
	times.sort_by(f64::total_cmp);
	let (Some(min), Some(max), Some(median)) =
		(times.first(), times.last(), times.get(times.len() / 2))
	else {
		return Err("RUNS must be at least 1".into());
	};
	println!(
		"{}",
		serde_json::json!({
			"model": model, "runner": runner, "runs": runs,
			"median_ms": median, "min_ms": min, "max_ms": max,
		})
	);
	Ok(())
}
