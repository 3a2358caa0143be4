//! The inputs of the `model_load` fuzz target committed under `fuzz/seeds/model_load/` and
//! `fuzz/regressions/model_load/`, replayed through the same property as the fuzzer
//! (`fuzz_model_load.rs`). The fuzzer itself needs nightly compiler features; this test runs
//! on stable, in `cargo test`.

use crate::{fuzz_model_load, support};
use std::path::PathBuf;

/// `fuzz/<kind>/model_load/` of the repository.
fn inputs_dir(kind: &str) -> PathBuf {
	support::fixtures_dir().join("../../../fuzz").join(kind).join("model_load")
}

fn files(dir: &std::path::Path) -> Vec<PathBuf> {
	let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
		Ok(entries) => entries.map(|entry| entry.expect("entry").path()).collect(),
		Err(_) => Vec::new(),
	};
	paths.retain(|path| path.is_file());
	paths.sort();
	paths
}

#[test]
fn fuzz_replay_model_load() {
	let engine = fuzz_model_load::engine();
	let seeds = files(&inputs_dir("seeds"));
	assert!(seeds.len() >= 20, "{} seeds in {}", seeds.len(), inputs_dir("seeds").display());
	for path in seeds.iter().chain(&files(&inputs_dir("regressions"))) {
		let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
		println!("{}", path.display());
		fuzz_model_load::check(&engine, &data);
	}
}

/// The replay is not vacuous: the seeds carry the fixtures' signatures, so the fixtures load
/// and run in it.
#[test]
fn fuzz_model_load_seeds_carry_their_signatures() {
	for fixture in support::fixtures() {
		let data = std::fs::read(inputs_dir("seeds").join(&fixture.name)).expect("seed");
		let (signature, onnx) = fuzz_model_load::split(&data);
		assert_eq!((&signature, onnx), (&fixture.signature, &fixture.onnx[..]), "{}", fixture.name);
		let engine = fuzz_model_load::engine();
		engine.load(fixture.hash, onnx, &signature).expect("a fixture loads");
		assert!(engine.run(fixture.hash, &fixture.inputs).is_ok(), "{}", fixture.name);
	}
}
