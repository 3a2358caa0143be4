//! The cost of running inference in a worker process rather than in the caller's: each
//! fixture model run `runs` times by the engine in this process and by a [`WorkerPool`] of one
//! worker, medians and 90th percentiles printed in microseconds.
//!
//! `scripts/bench/inference-boundary.sh` builds and runs it:
//! `worker_boundary <opg-inference-worker> [runs]`.

use opg_inference_engine::{io, Engine, EngineConfig};
use opg_inference_primitives::{Dim, ElementType, ModelSignature, Tensor, TensorSpec};
use opg_inference_service::{default_memory_limit, WorkerCommand, WorkerPool};
use serde_json::Value;
use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

type Error = Box<dyn std::error::Error>;

struct Model {
	name: String,
	onnx: Vec<u8>,
	hash: [u8; 32],
	signature: ModelSignature,
	inputs: Vec<Tensor>,
}

fn specs(value: &Value) -> Result<Vec<TensorSpec>, Error> {
	let mut specs = Vec::new();
	for spec in value.as_array().ok_or("specs: not an array")? {
		let name = spec["type"].as_str().ok_or("type")?;
		let element_type =
			ElementType::ALL.into_iter().find(|t| t.name() == name).ok_or("unknown type")?;
		let dims = spec["shape"].as_array().ok_or("shape")?.iter();
		let dims = dims.map(|d| d.as_u64().map_or(Dim::Dynamic, |n| Dim::Fixed(n as u32)));
		specs.push(TensorSpec::new(element_type, dims.collect()).map_err(|e| format!("{e:?}"))?);
	}
	Ok(specs)
}

fn fixtures(dir: &Path) -> Result<Vec<Model>, Error> {
	let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("fixtures.json"))?)?;
	let mut models = Vec::new();
	for model in manifest["models"].as_array().ok_or("models")? {
		let onnx = std::fs::read(dir.join(model["file"].as_str().ok_or("file")?))?;
		let mut inputs = Vec::new();
		for file in model["inputs"].as_array().ok_or("inputs")? {
			inputs.push(io::read_tensor(&dir.join(file.as_str().ok_or("input")?))?);
		}
		models.push(Model {
			name: model["name"].as_str().ok_or("name")?.to_owned(),
			hash: sp_crypto_hashing::blake2_256(&onnx),
			onnx,
			signature: ModelSignature::new(
				specs(&model["signature"]["inputs"])?,
				specs(&model["signature"]["outputs"])?,
			)
			.map_err(|e| format!("{e:?}"))?,
			inputs,
		});
	}
	Ok(models)
}

/// Median and 90th percentile of `runs` timed calls of `call`, after 3 warm-up calls.
fn timed(runs: usize, mut call: impl FnMut() -> Result<(), Error>) -> Result<(f64, f64), Error> {
	for _ in 0..3 {
		call()?;
	}
	let mut times: Vec<Duration> = Vec::with_capacity(runs);
	for _ in 0..runs {
		let start = Instant::now();
		call()?;
		times.push(start.elapsed());
	}
	times.sort();
	let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e6;
	Ok((at(0.5), at(0.9)))
}

fn main() -> Result<(), Error> {
	let mut args = std::env::args().skip(1);
	let worker = PathBuf::from(args.next().ok_or("usage: worker_boundary <worker> [runs]")?);
	let runs: usize = args.next().map_or(Ok(200), |runs| runs.parse())?;
	let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/fixtures");
	let config = EngineConfig { max_concurrency: 1, ..EngineConfig::default() };
	let engine = Engine::new(config.clone());
	let memory = default_memory_limit(&config);
	let pool = WorkerPool::new(WorkerCommand { program: worker, args: vec![] }, config, memory);
	println!(
		"| model | in process, median (p90) µs | worker process, median (p90) µs | boundary, µs |"
	);
	println!("|---|---|---|---|");
	for model in fixtures(&dir)? {
		engine.load(model.hash, &model.onnx, &model.signature)?;
		pool.load(model.hash, &model.onnx, &model.signature, &engine.config().bounds())?;
		let inside = timed(runs, || Ok(engine.run(model.hash, &model.inputs).map(drop)?))?;
		let outside = timed(runs, || Ok(pool.run(model.hash, &model.inputs).map(drop)?))?;
		println!(
			"| {} | {:.0} ({:.0}) | {:.0} ({:.0}) | {:.0} |",
			model.name,
			inside.0,
			inside.1,
			outside.0,
			outside.1,
			outside.0 - inside.0
		);
	}
	println!("\n{runs} runs per model and path, one core each, after 3 warm-up runs.");
	Ok(())
}
