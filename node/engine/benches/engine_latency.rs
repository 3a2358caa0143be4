//! Per-inference latency of the engine against raw tract, on the models written by
//! `scripts/bench/models.py` (run through `scripts/bench/engine.sh`, which also times
//! onnxruntime and prints the table):
//!
//! ```text
//! cargo bench -p opg-inference-engine --bench engine_latency -- MODELS_DIR RUNS [deterministic]
//! ```
//!
//! - `raw-tract`: what an application embedding tract does at best: `model_for_read`,
//!   `into_optimized`, `into_runnable`, one `SimpleState` reused and the input shared, not
//!   copied, between runs;
//! - `engine`: [`Engine::run`] in process, as an inference worker calls it (signature checks,
//!   one of the engine's persistent worker threads under a timeout, canonical tensors copied
//!   in and out);
//! - `engine-deterministic` (with the argument `deterministic`, in a process of its own: tract
//!   selects its kernels once per process): [`Engine::run`] in the deterministic mode, tract's
//!   portable kernels. A model outside the mode's operators prints a `refused` line instead.
//!
//! Each runner is warmed up once, then timed `RUNS` times; one JSON line per model and runner:
//! `{"model", "runner", "runs", "median_ms", "min_ms", "max_ms"}`.

use opg_inference_engine::{describe, io, Engine, EngineConfig, ExecutionMode};
use std::path::{Path, PathBuf};
use tract_onnx::prelude::{tvec, Framework, InferenceModelExt, IntoRunnable, TValue};

mod timing;

use timing::{measure, BenchResult};

fn raw_tract(
	model: &str,
	onnx: &[u8],
	input: &opg_inference_primitives::Tensor,
	runs: usize,
) -> BenchResult<()> {
	let plan =
		tract_onnx::onnx().model_for_read(&mut &onnx[..])?.into_optimized()?.into_runnable()?;
	let mut state = plan.spawn()?;
	let shape = input.shape.iter().map(|&d| usize::try_from(d)).collect::<Result<Vec<_>, _>>()?;
	let values = input.to_vec::<f32>().map_err(|e| e.to_string())?;
	let input: TValue = tract_onnx::prelude::Tensor::from_shape(&shape, &values)?.into();
	measure(model, "raw-tract", runs, || {
		state.run(tvec![input.clone()])?;
		Ok(())
	})
}

fn engine(
	model: &str,
	onnx: &[u8],
	input: &opg_inference_primitives::Tensor,
	runs: usize,
	execution: ExecutionMode,
) -> BenchResult<()> {
	// Created first: the deterministic mode selects tract's kernels for the process.
	let engine = Engine::new(EngineConfig { execution, ..EngineConfig::default() });
	let runner = match execution {
		ExecutionMode::Fastest => "engine",
		ExecutionMode::Deterministic => "engine-deterministic",
	};
	let hash = sp_crypto_hashing::blake2_256(onnx);
	if let Err(error) = engine.load(hash, onnx, &describe(onnx)?) {
		let line =
			serde_json::json!({ "model": model, "runner": runner, "refused": error.to_string() });
		println!("{line}");
		return Ok(());
	}
	let inputs = [input.clone()];
	measure(model, runner, runs, || {
		engine.run(hash, &inputs)?;
		Ok(())
	})
}

fn main() -> BenchResult<()> {
	// `cargo bench` appends `--bench`; the two positional arguments are ours.
	let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
	let (directory, runs, execution) = match args.as_slice() {
		[directory, runs] => (directory, runs, ExecutionMode::Fastest),
		[directory, runs, mode] if mode == "deterministic" => {
			(directory, runs, ExecutionMode::Deterministic)
		}
		_ => return Err("usage: engine_latency MODELS_DIR RUNS [deterministic]".into()),
	};
	let directory = PathBuf::from(directory);
	let runs: usize = runs.parse()?;
	let models: Vec<String> =
		serde_json::from_slice(&std::fs::read(directory.join("models.json"))?)?;
	for model in &models {
		let onnx = std::fs::read(directory.join(format!("{model}.onnx")))?;
		let input = io::read_tensor(&Path::new(&directory).join(format!("{model}.input0.npy")))?;
		if execution == ExecutionMode::Fastest {
			raw_tract(model, &onnx, &input, runs)?;
		}
		engine(model, &onnx, &input, runs, execution)?;
	}
	Ok(())
}
