//! Agreement across tract's SIMD kernel variants.
//!
//! tract-linalg reads `TRACT_CPU_ISA` once per process to edit the instruction-set features it
//! selects kernels for (comma-separated, `-feature` removes, `+feature` or `feature` adds;
//! x86-64 features: `avx avx2 fma f16c avx512f avx512vnni avx512fp16 avxvnni amx-int8
//! amx-bf16`). [`isa_variants_agree`] re-runs this test binary's [`isa_child`] in a
//! subprocess per variant available on this CPU; the child prints the outputs of every fixture
//! (both lists of the manifest, `models` and `deterministic`) as hex, and the parent checks
//! that all variants agree with each other and with onnxruntime under each model's policy. The
//! child also loads the models the engine must refuse (a float MLP followed by ArgMax) and
//! prints the refusal: every variant must print the same one, with the deterministic code
//! `FLOAT_TO_DISCRETE`.

use crate::support::{self, difference, max_difference, perturbed, Difference};
use opg_inference_primitives::{outputs_agree, ElementType, Tensor};
use std::{collections::BTreeMap, process::Command};

/// Set in the child's environment; [`isa_child`] does nothing without it.
const CHILD_ENV: &str = "OPG_ENGINE_ISA_CHILD";

/// Printed by the child: `ISA <features>` once, then
/// `OUTPUT <model> <index> <type> <dims, comma-separated> <data, hex>` per output, then
/// `REFUSED <model> <code> <message>` per model that must be refused.
#[test]
#[ignore = "run in a subprocess by isa_variants_agree"]
fn isa_child() {
	if std::env::var_os(CHILD_ENV).is_none() {
		return;
	}
	let isa = tract_onnx::tract_core::tract_linalg::isa::native();
	// A newline first: libtest prints the test name without one under --nocapture.
	println!("\nISA {isa:?}");
	let engine = support::engine();
	for fixture in support::all_fixtures() {
		engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
		let outputs = engine.run(fixture.hash, &fixture.inputs).expect("run");
		for (index, output) in outputs.iter().enumerate() {
			let dims: Vec<String> = output.shape.iter().map(u32::to_string).collect();
			println!(
				"OUTPUT {} {index} {} {} {}",
				fixture.name,
				output.element_type,
				dims.join(","),
				hex(&output.data)
			);
		}
	}
	let refused = support::argmax_model();
	match engine.load(refused.hash, &refused.onnx, &refused.signature) {
		Ok(_) => println!("LOADED argmax"),
		Err(error) => println!("REFUSED argmax {} {error}", error.code()),
	}
}

pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(hex: &str) -> Vec<u8> {
	(0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
		.collect()
}

/// What a child printed.
pub struct ChildRun {
	/// The instruction-set features tract selected kernels for.
	pub isa: Vec<String>,
	/// Each model's outputs.
	pub outputs: BTreeMap<String, Vec<Tensor>>,
	/// The `REFUSED` and `LOADED` lines, as printed.
	pub refusals: Vec<String>,
}

fn run_child(variant: &str) -> ChildRun {
	run_child_test("isa::isa_child", CHILD_ENV, variant)
}

/// Runs the ignored test `test` of this binary in a subprocess with `env` set and
/// `TRACT_CPU_ISA` set to `variant` (removed when empty), and parses what it printed.
pub fn run_child_test(test: &str, env: &str, variant: &str) -> ChildRun {
	let mut command = Command::new(std::env::current_exe().expect("test binary"));
	command.args(["--exact", test, "--ignored", "--nocapture", "--test-threads=1"]).env(env, "1");
	if variant.is_empty() {
		command.env_remove("TRACT_CPU_ISA");
	} else {
		command.env("TRACT_CPU_ISA", variant);
	}
	let output = command.output().expect("spawn child");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(
		output.status.success(),
		"child with TRACT_CPU_ISA={variant:?} failed:\n{stdout}\n{}",
		String::from_utf8_lossy(&output.stderr)
	);
	let mut run = ChildRun { isa: vec![], outputs: BTreeMap::new(), refusals: vec![] };
	for line in stdout.lines() {
		if line.starts_with("REFUSED ") || line.starts_with("LOADED ") {
			run.refusals.push(line.to_owned());
			continue;
		}
		let fields: Vec<&str> = line.split(' ').collect();
		match fields.as_slice() {
			["ISA", isa] => run.isa = isa.split(',').map(str::to_owned).collect(),
			["OUTPUT", model, _index, element_type, dims, data] => {
				let element_type = ElementType::ALL
					.into_iter()
					.find(|t| t.name() == *element_type)
					.expect("element type");
				let shape = dims
					.split(',')
					.filter(|d| !d.is_empty())
					.map(|d| d.parse().expect("dim"))
					.collect();
				let tensor = Tensor::new(element_type, shape, unhex(data)).expect("tensor");
				run.outputs.entry((*model).to_owned()).or_default().push(tensor);
			}
			_ => {}
		}
	}
	assert!(stdout.contains("\nISA "), "child printed no ISA line:\n{stdout}");
	run
}

/// The kernel tiers to compare on this CPU, from the native feature set: all features, then
/// each x86-64 tier down to plain SSE2 that the CPU can reach by removing features.
pub fn variants(native: &[String]) -> Vec<String> {
	let has = |feature: &str| native.iter().any(|f| f == feature);
	let mut variants = vec![String::new()];
	if has("x86_64") {
		let tiers: [(&str, &[&str]); 3] = [
			("avx512f", &["avx512f", "avx512vnni", "avx512fp16", "amx-int8", "amx-bf16"]),
			("fma", &["fma", "avx2", "f16c", "avxvnni"]),
			("avx", &["avx"]),
		];
		let mut removed: Vec<&str> = vec![];
		for (marker, features) in tiers {
			removed.extend(features);
			if has(marker) {
				variants
					.push(removed.iter().map(|f| format!("-{f}")).collect::<Vec<_>>().join(","));
			}
		}
	} else {
		let features: Vec<String> = native.iter().skip(1).map(|f| format!("-{f}")).collect();
		if !features.is_empty() {
			variants.push(features.join(","));
		}
	}
	variants
}

#[test]
fn isa_variants_agree() {
	let fixtures = support::all_fixtures();
	let native = run_child("");
	let variants = variants(&native.isa);
	println!("native ISA: {}; variants: {variants:?}", native.isa.join(","));
	let runs: Vec<(String, ChildRun)> = variants
		.iter()
		.map(|variant| {
			let run = if variant.is_empty() {
				ChildRun {
					isa: native.isa.clone(),
					outputs: native.outputs.clone(),
					refusals: native.refusals.clone(),
				}
			} else {
				run_child(variant)
			};
			(variant.clone(), run)
		})
		.collect();
	// Print every measurement first (per output), then check.
	for fixture in &fixtures {
		for (_, run) in &runs {
			let outputs = &run.outputs[&fixture.name];
			let native_outputs = &native.outputs[&fixture.name];
			for (index, output) in outputs.iter().enumerate() {
				let vs_reference = difference(output, &fixture.outputs[index]);
				let vs_native = difference(output, &native_outputs[index]);
				println!(
					"{:<5} output {index} ISA {:<42} vs onnxruntime: {:>3} ULP {:.3e} abs; \
					 vs native: {:>3} ULP {:.3e} abs",
					fixture.name,
					run.isa.join(","),
					vs_reference.ulps,
					vs_reference.abs,
					vs_native.ulps,
					vs_native.abs
				);
			}
		}
	}
	for fixture in &fixtures {
		let pairwise = runs
			.iter()
			.flat_map(|(_, a)| runs.iter().map(move |(_, b)| (a, b)))
			.map(|(a, b)| max_difference(&a.outputs[&fixture.name], &b.outputs[&fixture.name]))
			.fold(Difference::default(), Difference::max);
		let vs_reference = runs
			.iter()
			.map(|(_, run)| max_difference(&run.outputs[&fixture.name], &fixture.outputs))
			.fold(Difference::default(), Difference::max);
		println!(
			"{}: largest difference vs onnxruntime over all variants: {} ULP {:.3e} abs; \
			 between variants: {} ULP {:.3e} abs; policy {:?}",
			fixture.name,
			vs_reference.ulps,
			vs_reference.abs,
			pairwise.ulps,
			pairwise.abs,
			fixture.policy
		);
	}
	// The float MLP followed by ArgMax is refused, identically, whatever the kernels.
	println!("native refusals: {:?}", native.refusals);
	let code = opg_inference_primitives::error_code::FLOAT_TO_DISCRETE;
	assert_eq!(native.refusals.len(), 1, "{:?}", native.refusals);
	assert!(
		native.refusals[0].starts_with(&format!("REFUSED argmax {code} ")),
		"{:?}",
		native.refusals
	);
	for (variant, run) in &runs {
		assert_eq!(run.refusals, native.refusals, "TRACT_CPU_ISA={variant:?}");
	}
	for (variant, run) in &runs {
		for removed in variant.split(',').filter_map(|f| f.strip_prefix('-')) {
			assert!(!run.isa.iter().any(|f| f == removed), "{removed} still in {:?}", run.isa);
		}
		for fixture in &fixtures {
			let outputs = &run.outputs[&fixture.name];
			assert!(
				outputs_agree(&fixture.policy, outputs, &fixture.outputs),
				"{} with TRACT_CPU_ISA={variant:?} disagrees with onnxruntime",
				fixture.name
			);
			for (other_variant, other) in &runs {
				assert!(
					outputs_agree(&fixture.policy, outputs, &other.outputs[&fixture.name]),
					"{}: TRACT_CPU_ISA={variant:?} and {other_variant:?} disagree",
					fixture.name
				);
			}
			assert!(
				!outputs_agree(&fixture.policy, outputs, &perturbed(&fixture.outputs)),
				"{}: a perturbed reference must be rejected",
				fixture.name
			);
		}
	}
	// The outputs printed as hex decode to what the engine computes in process.
	let in_process = support::engine();
	let mlp = support::fixture("mlp");
	in_process.load(mlp.hash, &mlp.onnx, &mlp.signature).expect("load");
	let outputs = in_process.run(mlp.hash, &mlp.inputs).expect("run");
	assert_eq!(max_difference(&outputs, &native.outputs["mlp"]), Difference::default());
}
