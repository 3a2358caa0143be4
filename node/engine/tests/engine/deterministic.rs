//! The deterministic mode: the same output bits whatever the CPU.
//!
//! [`deterministic_child`] runs in a subprocess (tract selects its kernels once per process,
//! and the other tests of this binary use the fastest ones): it creates a deterministic engine
//! first, then prints the outputs of every fixture and of the float MLP followed by `ArgMax`
//! (refused with the fastest kernels, accepted here) as hex. [`deterministic_outputs_are_
//! identical_under_every_isa_variant`] runs it under each instruction-set variant of this CPU
//! and requires the same bytes from all of them. `scripts/engine-determinism.sh` runs the same
//! child in an aarch64 build of this binary under `qemu-aarch64` and compares its lines with
//! the native ones: 0 ULP across architectures.

use crate::{
	isa::{hex, run_child_test, variants, ChildRun},
	support::{self, max_difference},
};
use opg_inference_engine::ExecutionMode;
use opg_inference_primitives::outputs_agree;

/// Set in the child's environment; [`deterministic_child`] does nothing without it.
const CHILD_ENV: &str = "OPG_ENGINE_DETERMINISTIC_CHILD";

/// Printed by the child: `ISA <features>` once, then
/// `OUTPUT <model> <index> <type> <dims, comma-separated> <data, hex>` per output.
#[test]
#[ignore = "run in a subprocess by deterministic_outputs_are_identical_under_every_isa_variant \
            and by scripts/engine-determinism.sh"]
fn deterministic_child() {
	if std::env::var_os(CHILD_ENV).is_none() {
		return;
	}
	// First: the engine pins tract's portable kernels before anything selects others.
	let engine = support::engine_with(|config| config.execution = ExecutionMode::Deterministic);
	let isa = tract_onnx::tract_core::tract_linalg::isa::native();
	println!("\nISA {isa:?}");
	let mut models: Vec<(String, [u8; 32], Vec<u8>, _, _)> = support::all_fixtures()
		.into_iter()
		.map(|f| (f.name, f.hash, f.onnx, f.signature, f.inputs))
		.collect();
	let argmax = support::argmax_model();
	let mlp_inputs = support::fixture("mlp").inputs;
	models.push(("argmax".to_owned(), argmax.hash, argmax.onnx, argmax.signature, mlp_inputs));
	for (name, hash, onnx, signature, inputs) in models {
		engine.load(hash, &onnx, &signature).unwrap_or_else(|e| panic!("{name}: {e}"));
		let outputs = engine.run(hash, &inputs).unwrap_or_else(|e| panic!("{name}: {e}"));
		for (index, output) in outputs.iter().enumerate() {
			let dims: Vec<String> = output.shape.iter().map(u32::to_string).collect();
			println!(
				"OUTPUT {name} {index} {} {} {}",
				output.element_type,
				dims.join(","),
				hex(&output.data)
			);
		}
	}
}

fn run_child(variant: &str) -> ChildRun {
	run_child_test("deterministic::deterministic_child", CHILD_ENV, variant)
}

#[test]
fn deterministic_outputs_are_identical_under_every_isa_variant() {
	let native_isa: Vec<String> =
		format!("{:?}", tract_onnx::tract_core::tract_linalg::isa::native())
			.split(',')
			.map(str::to_owned)
			.collect();
	let variants = variants(&native_isa);
	let native = run_child("");
	for arch in ["x86_64", "aarch64"] {
		assert!(
			!native.isa.iter().any(|feature| feature == arch),
			"the deterministic mode left tract the {arch} kernels: {:?}",
			native.isa
		);
	}
	let fixtures = support::all_fixtures();
	for fixture in &fixtures {
		// Still the model's answer: within its policy of onnxruntime's.
		assert!(
			outputs_agree(&fixture.policy, &native.outputs[&fixture.name], &fixture.outputs),
			"{}: the deterministic mode disagrees with onnxruntime",
			fixture.name
		);
	}
	assert_eq!(native.outputs["argmax"].len(), 1, "the ArgMax model runs in this mode");
	println!("native ISA {native_isa:?}; variants {variants:?}");
	for variant in variants.iter().filter(|variant| !variant.is_empty()) {
		let run = run_child(variant);
		assert_eq!(run.outputs.len(), native.outputs.len(), "TRACT_CPU_ISA={variant:?}");
		for (model, outputs) in &native.outputs {
			let difference = max_difference(&run.outputs[model], outputs);
			println!("{model}: TRACT_CPU_ISA={variant:?}: {} ULP", difference.ulps);
			assert_eq!(
				&run.outputs[model], outputs,
				"{model}: TRACT_CPU_ISA={variant:?} changed the deterministic mode's bits"
			);
		}
	}
}
