//! The inference workers: confined processes that die alone and are replaced.

use crate::support::*;
use opg_inference_engine::{EngineConfig, EngineError};
use opg_inference_primitives::{InferResponse, InferenceOutcome};
use opg_inference_service::{default_memory_limit, WorkerCommand, WorkerPool};
use std::time::Duration;

fn pool(configure: impl FnOnce(&mut EngineConfig), memory: Option<u64>) -> WorkerPool {
	let mut config = engine_config();
	config.max_concurrency = 1;
	configure(&mut config);
	let memory = memory.unwrap_or_else(|| default_memory_limit(&config));
	WorkerPool::new(worker(), config, memory)
}

fn outputs(fixture: &Fixture) -> Vec<opg_inference_primitives::Tensor> {
	match expected(fixture) {
		InferResponse::Outcome(InferenceOutcome::Success(outputs)) => outputs.into_inner(),
		other => panic!("{other:?}"),
	}
}

/// Loads and runs `fixture` in `pool`, expecting the in-process engine's outputs.
fn runs_like_the_engine(pool: &WorkerPool, fixture: &Fixture) {
	pool.load(fixture.hash, &fixture.onnx, &fixture.signature, &pool.config().bounds()).unwrap();
	assert_eq!(
		pool.run(fixture.hash, &fixture.inputs).unwrap(),
		outputs(fixture),
		"{}",
		fixture.name
	);
}

#[test]
fn workers_give_the_engines_outputs_and_run_confined() {
	let pool = pool(|_| {}, Some(3 << 30));
	assert_eq!(pool.confinement(), None, "no worker starts before it is needed");
	for fixture in fixtures() {
		runs_like_the_engine(&pool, &fixture);
	}
	let confinement = pool.confinement().expect("a worker started");
	assert_eq!(confinement.memory_limit_bytes, 3 << 30);
	assert!(confinement.no_new_files, "{confinement:?}");
	assert!(confinement.no_new_sockets, "{confinement:?}");
	assert!(confinement.no_dumps_nor_writes, "{confinement:?}");
	// Namespaces depend on the host's policy (unprivileged user namespaces may be off).
	println!("network namespace: {}", confinement.network_namespace);
	let stats = pool.stats();
	assert_eq!((stats.inferences, stats.cached_plans), (3, 3));
}

#[test]
fn a_memory_bomb_is_a_local_failure_of_its_worker() {
	// Bounds high enough to let the 6.4 GB ConstantOfShape through, in 1 GiB of address space.
	let pool = pool(
		|config| {
			config.max_tensor_bytes = 64 << 30;
			config.max_macs = u64::MAX;
		},
		Some(1 << 30),
	);
	let mlp = fixture("mlp");
	runs_like_the_engine(&pool, &mlp);
	let bomb = hostile("constant_of_shape_6gb");
	let died =
		pool.load(bomb.hash, &bomb.onnx, &bomb.signature, &pool.config().bounds()).and_then(|()| {
			let input = opg_inference_primitives::Tensor::from_values(vec![1], &[1.0f32]).unwrap();
			pool.run(bomb.hash, &[input]).map(|_| ())
		});
	// tract either panics on the failed allocation (contained in the worker) or aborts it:
	// a local failure either way, never a verdict to commit.
	match died {
		Err(error @ EngineError::ResourceExhausted { .. }) => assert!(!error.is_deterministic()),
		other => panic!("the bomb should have exhausted its worker: {other:?}"),
	}
	runs_like_the_engine(&pool, &mlp);
}

#[test]
fn a_model_past_its_deadline_kills_its_worker_and_is_refused_after_three() {
	let pool = pool(|config| config.timeout = Duration::from_millis(5), None);
	let slow = slow();
	for attempt in 1..=3 {
		pool.load(slow.hash, &slow.onnx, &slow.signature, &pool.config().bounds()).unwrap();
		let error = pool.run(slow.hash, &slow.inputs).unwrap_err();
		assert_eq!(error, EngineError::Timeout { millis: 5 }, "attempt {attempt}");
		assert!(!pool.cached(&slow.hash), "its worker was killed");
	}
	match pool.load(slow.hash, &slow.onnx, &slow.signature, &pool.config().bounds()) {
		Err(EngineError::ResourceExhausted { detail }) => {
			assert!(detail.contains("killed 3 inference workers"), "{detail}");
		}
		other => panic!("{other:?}"),
	}
	// Other models still run.
	runs_like_the_engine(&pool, &fixture("mlp"));
}

#[test]
fn deterministic_refusals_come_back_typed() {
	let pool = pool(|_| {}, None);
	let bomb = hostile("constant_of_shape_40gb");
	let error =
		pool.load(bomb.hash, &bomb.onnx, &bomb.signature, &pool.config().bounds()).unwrap_err();
	assert!(matches!(error, EngineError::ResourceBound { .. }), "{error:?}");
	assert!(error.is_deterministic());
	let mlp = fixture("mlp");
	let error =
		pool.load(mlp.hash, &mlp.onnx[..10], &mlp.signature, &pool.config().bounds()).unwrap_err();
	assert!(matches!(error, EngineError::HashMismatch { .. }), "{error:?}");
}

#[test]
fn a_worker_that_does_not_start_is_a_local_failure() {
	let config = EngineConfig { max_concurrency: 1, ..engine_config() };
	let command = WorkerCommand { program: "/bin/true".into(), args: vec![] };
	let pool = WorkerPool::new(command, config, 1 << 30);
	let mlp = fixture("mlp");
	match pool.load(mlp.hash, &mlp.onnx, &mlp.signature, &pool.config().bounds()) {
		Err(error @ EngineError::ResourceExhausted { .. }) => {
			assert!(error.to_string().contains("cannot start an inference worker"), "{error}");
			assert!(!error.is_deterministic());
		}
		other => panic!("{other:?}"),
	}
	assert_eq!(pool.confinement(), None);
}
