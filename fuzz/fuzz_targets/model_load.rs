//! `Engine::load` on arbitrary ONNX bytes and signatures, then a run of what loads.
//!
//! The property lives in the engine's tests, which replay the committed seeds and regressions
//! through it (`node/engine/tests/engine/fuzz_replay.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use opg_inference_engine::Engine;
use std::sync::OnceLock;

#[path = "../../node/engine/tests/engine/fuzz_model_load.rs"]
mod property;

static ENGINE: OnceLock<Engine> = OnceLock::new();

/// Name of the engine's worker threads (`node/engine/src/worker.rs`).
const ENGINE_WORKER: &str = "opg-inference";

/// libFuzzer's hook aborts on every panic, before any unwinding. The engine contains panics
/// on its worker threads and turns them into typed errors, which the property then judges (a
/// contained panic is still a failure unless the engine gave it a deterministic meaning): let
/// those unwind, and abort on any other.
fn contained_panics_unwind() {
	let abort_hook = std::panic::take_hook();
	std::panic::set_hook(Box::new(move |info| {
		if std::thread::current().name() == Some(ENGINE_WORKER) {
			eprintln!("{info}");
		} else {
			abort_hook(info);
		}
	}));
}

fuzz_target!(init: contained_panics_unwind(), |data: &[u8]| {
	property::check(ENGINE.get_or_init(property::engine), data);
});
