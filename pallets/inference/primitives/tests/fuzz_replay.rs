//! The inputs of the `tensor_decode`, `infer_request_decode` and `comparison_policy` fuzz
//! targets committed under `fuzz/seeds/<target>/` and `fuzz/regressions/<target>/`, replayed
//! through the same properties as the fuzzer (`tests/fuzz_properties/`). The fuzzer itself
//! needs nightly compiler features; these tests run on stable, in `cargo test`.

#[path = "fuzz_properties/comparison_policy.rs"]
mod comparison_policy;
#[path = "fuzz_properties/infer_request_decode.rs"]
mod infer_request_decode;
#[path = "fuzz_properties/tensor_decode.rs"]
mod tensor_decode;

use std::path::PathBuf;

/// The `fuzz/` directory of the repository.
fn fuzz_dir() -> PathBuf {
	// The crate's directory when the test runs (cargo sets it), not where it was compiled.
	let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
	manifest_dir.join("../../../fuzz")
}

/// Feeds every committed input of `target` to `check`; returns how many seeds there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
	let mut seeds = 0;
	for kind in ["seeds", "regressions"] {
		let dir = fuzz_dir().join(kind).join(target);
		let Ok(entries) = std::fs::read_dir(&dir) else {
			assert_eq!(kind, "regressions", "{} is missing", dir.display());
			continue;
		};
		let mut paths: Vec<PathBuf> = entries.map(|entry| entry.expect("entry").path()).collect();
		paths.sort();
		for path in paths.into_iter().filter(|path| path.is_file()) {
			let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
			println!("{}", path.display());
			check(&data);
			seeds += usize::from(kind == "seeds");
		}
	}
	seeds
}

#[test]
fn fuzz_replay_tensor_decode() {
	assert!(replay("tensor_decode", tensor_decode::check) >= 20);
}

#[test]
fn fuzz_replay_infer_request_decode() {
	assert!(replay("infer_request_decode", infer_request_decode::check) >= 5);
}

#[test]
fn fuzz_replay_comparison_policy() {
	assert!(replay("comparison_policy", comparison_policy::check) >= 10);
}

/// The replays are not vacuous: the seeds decode to the values they were written from.
#[test]
fn fuzz_seeds_decode() {
	use codec::{DecodeAll, Encode};
	use opg_inference_primitives::{InferRequest, Tensor, Tensors};
	let read = |target: &str, name: &str| {
		std::fs::read(fuzz_dir().join("seeds").join(target).join(name)).expect("seed")
	};
	let doc = read("tensor_decode", "doc-f32-pair");
	let tensor = Tensor::decode_all(&mut &doc[..]).expect("decodes");
	assert_eq!(tensor, Tensor::from_f32(vec![2], &[1.0, -2.0]).expect("tensor"));
	let outputs = read("tensor_decode", "tensors-mlp-outputs");
	let outputs = Tensors::decode_all(&mut &outputs[..]).expect("decodes");
	assert_eq!(outputs.len(), 2);
	let request = read("infer_request_decode", "request-mlp");
	let decoded = InferRequest::decode_all(&mut &request[..]).expect("decodes");
	assert_eq!(decoded.encode(), request);
	assert_eq!(decoded.signature.check_inputs(&decoded.inputs), Ok(()));
}
