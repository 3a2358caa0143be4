//! The plan cache: hits, misses, LRU eviction, byte budget.

use crate::support;
use opg_inference_engine::{EngineError, EngineErrorKind};

#[test]
fn second_load_and_runs_hit_the_cache() {
	let fixture = support::fixture("mlp");
	let engine = support::engine();
	assert!(!engine.cached(&fixture.hash));
	let first = engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
	assert!(!first.from_cache());
	assert!(first.approx_bytes() > 0);
	assert_eq!(first.hash(), fixture.hash);
	assert_eq!(first.signature(), &fixture.signature);
	let stats = engine.stats();
	assert_eq!((stats.cache_hits, stats.cache_misses), (0, 1));
	assert!(engine.cached(&fixture.hash));

	let second = engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("reload");
	assert!(second.from_cache());
	assert_eq!(second.approx_bytes(), first.approx_bytes());
	engine.run(fixture.hash, &fixture.inputs).expect("run");
	engine.run(fixture.hash, &fixture.inputs).expect("run again");
	let stats = engine.stats();
	assert_eq!((stats.cache_hits, stats.cache_misses), (3, 1));
	assert_eq!(stats.inferences, 2);
	assert_eq!((stats.cached_plans, stats.cached_bytes), (1, first.approx_bytes()));
	assert!(stats.total_latency > std::time::Duration::ZERO);

	assert!(engine.evict(&fixture.hash));
	assert!(!engine.cached(&fixture.hash));
	let error = engine.run(fixture.hash, &fixture.inputs).expect_err("evicted");
	assert_eq!(error, EngineError::ModelNotLoaded { hash: fixture.hash });
	assert!(!error.is_deterministic());
	let stats = engine.stats();
	assert_eq!(stats.cache_misses, 2);
	assert_eq!(stats.failures(EngineErrorKind::ModelNotLoaded), 1);
}

#[test]
fn least_recently_used_plan_is_evicted() {
	let (mlp, cnn, int8) =
		(support::fixture("mlp"), support::fixture("cnn"), support::fixture("int8"));
	let engine = support::engine_with(|config| config.max_cached_plans = 2);
	engine.load(mlp.hash, &mlp.onnx, &mlp.signature).expect("mlp");
	engine.load(cnn.hash, &cnn.onnx, &cnn.signature).expect("cnn");
	// Touch the MLP so the CNN becomes the least recently used.
	engine.run(mlp.hash, &mlp.inputs).expect("run mlp");
	engine.load(int8.hash, &int8.onnx, &int8.signature).expect("int8");
	assert!(engine.cached(&mlp.hash));
	assert!(!engine.cached(&cnn.hash));
	assert!(engine.cached(&int8.hash));
}

#[test]
fn byte_budget_bounds_the_cache() {
	let (mlp, cnn) = (support::fixture("mlp"), support::fixture("cnn"));
	let probe = support::engine();
	let mlp_bytes = probe.load(mlp.hash, &mlp.onnx, &mlp.signature).expect("mlp").approx_bytes();
	let cnn_bytes = probe.load(cnn.hash, &cnn.onnx, &cnn.signature).expect("cnn").approx_bytes();

	// Room for either plan, not both.
	let engine = support::engine_with(|config| config.max_cached_bytes = mlp_bytes.max(cnn_bytes));
	engine.load(mlp.hash, &mlp.onnx, &mlp.signature).expect("mlp");
	engine.load(cnn.hash, &cnn.onnx, &cnn.signature).expect("cnn");
	assert!(!engine.cached(&mlp.hash));
	assert!(engine.cached(&cnn.hash));
	assert!(engine.stats().cached_bytes <= mlp_bytes.max(cnn_bytes));

	// A plan larger than the whole budget cannot be loaded.
	let tiny = support::engine_with(|config| config.max_cached_bytes = mlp_bytes - 1);
	let error = tiny.load(mlp.hash, &mlp.onnx, &mlp.signature).expect_err("too large");
	assert!(matches!(error, EngineError::ResourceExhausted { .. }), "{error}");
	assert!(!error.is_deterministic());
}

#[test]
fn reloading_with_another_signature_replaces_the_plan() {
	let fixture = support::fixture("mlp");
	let engine = support::engine();
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
	let mut dynamic = fixture.signature.clone();
	dynamic.inputs[0].shape[0] = opg_inference_primitives::Dim::Dynamic;
	dynamic.outputs[0].shape[0] = opg_inference_primitives::Dim::Dynamic;
	dynamic.outputs[1].shape[0] = opg_inference_primitives::Dim::Dynamic;
	let handle = engine.load(fixture.hash, &fixture.onnx, &dynamic).expect("reload");
	assert!(!handle.from_cache());
	assert_eq!(engine.stats().cached_plans, 1);
	let input = opg_inference_primitives::Tensor::from_f32(vec![2, 8], &[0.5; 16]).expect("x");
	engine.run(fixture.hash, &[input]).expect("batch of two under the new signature");
}
