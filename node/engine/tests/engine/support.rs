//! Fixture manifest, tensor comparison helpers and engine builders shared by the tests.

use opg_inference_engine::{io, Engine, EngineConfig};
use opg_inference_primitives::{
	ComparisonPolicy, Dim, ElementType, ModelSignature, Tensor, TensorSpec,
};
use serde_json::Value;
use std::{path::PathBuf, time::Duration};

/// One model of `fixtures/fixtures.json`, with its files loaded.
pub struct Fixture {
	pub name: String,
	pub onnx: Vec<u8>,
	pub hash: [u8; 32],
	pub signature: ModelSignature,
	pub policy: ComparisonPolicy,
	pub inputs: Vec<Tensor>,
	pub outputs: Vec<Tensor>,
}

pub fn fixtures_dir() -> PathBuf {
	// The crate's directory when the test runs (cargo sets it), not where it was compiled: a
	// shared target directory may hold a binary built from another checkout.
	let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
	manifest_dir.join("fixtures")
}

pub fn read_fixture_file(name: &str) -> Vec<u8> {
	let path = fixtures_dir().join(name);
	std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn parse_hash(hex: &str) -> [u8; 32] {
	assert_eq!(hex.len(), 64, "hash {hex}");
	let mut hash = [0u8; 32];
	for (i, byte) in hash.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digit");
	}
	hash
}

fn element_type(name: &str) -> ElementType {
	ElementType::ALL.into_iter().find(|t| t.name() == name).expect("element type")
}

/// Tensor specs of a manifest: `[{"type": "f32", "shape": [1, null]}, ...]`, `null` for a
/// dynamic axis.
pub fn specs(value: &Value) -> Vec<TensorSpec> {
	value
		.as_array()
		.expect("spec list")
		.iter()
		.map(|spec| {
			let dims = spec["shape"]
				.as_array()
				.expect("shape")
				.iter()
				.map(|d| match d.as_u64() {
					Some(n) => Dim::Fixed(u32::try_from(n).expect("dim")),
					None => Dim::Dynamic,
				})
				.collect();
			TensorSpec::new(element_type(spec["type"].as_str().expect("type")), dims).expect("spec")
		})
		.collect()
}

fn policy(value: &Value) -> ComparisonPolicy {
	match value["kind"].as_str().expect("policy kind") {
		"exact" => ComparisonPolicy::Exact,
		"ulps" => ComparisonPolicy::Ulps {
			max_ulps: u32::try_from(value["max_ulps"].as_u64().expect("max_ulps")).expect("u32"),
		},
		"abs_rel" => ComparisonPolicy::AbsRel {
			abs_e9: value["abs_e9"].as_u64().expect("abs_e9"),
			rel_e9: u32::try_from(value["rel_e9"].as_u64().expect("rel_e9")).expect("u32"),
		},
		other => panic!("unknown policy {other}"),
	}
}

fn tensors(value: &Value) -> Vec<Tensor> {
	tensors_in(&fixtures_dir(), value)
}

/// The tensors of a list of `.npy` file names of `dir`.
pub fn tensors_in(dir: &std::path::Path, value: &Value) -> Vec<Tensor> {
	value
		.as_array()
		.expect("file list")
		.iter()
		.map(|file| {
			let path = dir.join(file.as_str().expect("file name"));
			io::read_tensor(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
		})
		.collect()
}

/// Every model of the manifest's `models` list: the reference models every test iterates.
pub fn fixtures() -> Vec<Fixture> {
	manifest_list("models")
}

/// The manifest's `deterministic` list: larger float models (a CNN with batch normalisation
/// and pooling, a transformer encoder block) for the deterministic execution mode. Kept apart
/// from `models`, whose count other crates' tests rely on.
pub fn deterministic_fixtures() -> Vec<Fixture> {
	manifest_list("deterministic")
}

/// Both lists of the manifest.
pub fn all_fixtures() -> Vec<Fixture> {
	let mut all = fixtures();
	all.extend(deterministic_fixtures());
	all
}

fn manifest_list(list: &str) -> Vec<Fixture> {
	let manifest: Value =
		serde_json::from_slice(&read_fixture_file("fixtures.json")).expect("manifest");
	manifest[list]
		.as_array()
		.unwrap_or_else(|| panic!("fixtures.json: no list {list:?}"))
		.iter()
		.map(|model| {
			let signature = ModelSignature::new(
				specs(&model["signature"]["inputs"]),
				specs(&model["signature"]["outputs"]),
			)
			.expect("signature");
			Fixture {
				name: model["name"].as_str().expect("name").to_owned(),
				onnx: read_fixture_file(model["file"].as_str().expect("file")),
				hash: parse_hash(model["blake2_256"].as_str().expect("hash")),
				signature,
				policy: policy(&model["policy"]),
				inputs: tensors(&model["inputs"]),
				outputs: tensors(&model["outputs"]),
			}
		})
		.collect()
}

pub fn fixture(name: &str) -> Fixture {
	fixtures().into_iter().find(|f| f.name == name).expect("fixture")
}

/// The slow helper model: f32 [1, 8] -> f32 [1, 1], ~17 GFLOP.
pub fn slow_model() -> (Vec<u8>, [u8; 32], ModelSignature, Tensor) {
	let onnx = read_fixture_file("slow.onnx");
	let hash = sp_crypto_hashing::blake2_256(&onnx);
	let signature = ModelSignature::new(
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Fixed(1), Dim::Fixed(8)]).expect("in")],
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Fixed(1), Dim::Fixed(1)]).expect("out")],
	)
	.expect("signature");
	let input = Tensor::from_f32(vec![1, 8], &[0.01; 8]).expect("input");
	(onnx, hash, signature, input)
}

/// A helper model of the fixtures directory, with its hash and the signature it declares.
pub struct Helper {
	pub onnx: Vec<u8>,
	pub hash: [u8; 32],
	pub signature: ModelSignature,
}

fn helper(file: &str, input: TensorSpec, output: TensorSpec) -> Helper {
	let onnx = read_fixture_file(file);
	let hash = sp_crypto_hashing::blake2_256(&onnx);
	let signature = ModelSignature::new(vec![input], vec![output]).expect("signature");
	Helper { onnx, hash, signature }
}

/// A float MLP whose class is taken by ArgMax: f32 [1, 8] -> i64 [1]. Refused.
pub fn argmax_model() -> Helper {
	helper(
		"argmax.onnx",
		TensorSpec::new(ElementType::F32, vec![Dim::Fixed(1), Dim::Fixed(8)]).expect("in"),
		TensorSpec::new(ElementType::I64, vec![Dim::Fixed(1)]).expect("out"),
	)
}

/// `Greater(x, 0.5)` on the raw input: f32 [1, 4] -> bool [1, 4]. Accepted.
pub fn threshold_model() -> Helper {
	helper(
		"threshold.onnx",
		TensorSpec::new(ElementType::F32, vec![Dim::Fixed(1), Dim::Fixed(4)]).expect("in"),
		TensorSpec::new(ElementType::Bool, vec![Dim::Fixed(1), Dim::Fixed(4)]).expect("out"),
	)
}

pub fn engine() -> Engine {
	Engine::new(EngineConfig {
		timeout: Duration::from_secs(120),
		load_timeout: Duration::from_secs(120),
		..EngineConfig::default()
	})
}

pub fn engine_with(configure: impl FnOnce(&mut EngineConfig)) -> Engine {
	let mut config = EngineConfig {
		timeout: Duration::from_secs(120),
		load_timeout: Duration::from_secs(120),
		..EngineConfig::default()
	};
	configure(&mut config);
	Engine::new(config)
}

/// Largest differences between two tensors of the same type and shape.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub struct Difference {
	/// In units in the last place (floats) or integer steps (integers).
	pub ulps: u64,
	/// Absolute difference.
	pub abs: f64,
}

impl Difference {
	pub fn max(self, other: Difference) -> Difference {
		Difference { ulps: self.ulps.max(other.ulps), abs: self.abs.max(other.abs) }
	}
}

fn f32_ordinal(x: f32) -> i64 {
	let bits = x.to_bits();
	let magnitude = i64::from(bits & 0x7fff_ffff);
	if bits >> 31 == 1 {
		-magnitude
	} else {
		magnitude
	}
}

fn f64_ordinal(x: f64) -> i128 {
	let bits = x.to_bits();
	let magnitude = i128::from(bits & 0x7fff_ffff_ffff_ffff);
	if bits >> 63 == 1 {
		-magnitude
	} else {
		magnitude
	}
}

pub fn difference(a: &Tensor, b: &Tensor) -> Difference {
	assert_eq!((a.element_type, &a.shape), (b.element_type, &b.shape), "type and shape");
	let pairs = |x: Vec<f64>, y: Vec<f64>, ulps: Vec<u64>| {
		x.iter().zip(&y).zip(ulps).fold(Difference::default(), |acc, ((x, y), ulps)| {
			acc.max(Difference { ulps, abs: (x - y).abs() })
		})
	};
	match a.element_type {
		ElementType::F32 => {
			let (x, y) = (a.to_f32_vec().expect("f32"), b.to_f32_vec().expect("f32"));
			let ulps =
				x.iter().zip(&y).map(|(p, q)| f32_ordinal(*p).abs_diff(f32_ordinal(*q))).collect();
			pairs(
				x.iter().map(|v| f64::from(*v)).collect(),
				y.iter().map(|v| f64::from(*v)).collect(),
				ulps,
			)
		}
		ElementType::F64 => {
			let (x, y) = (a.to_f64_vec().expect("f64"), b.to_f64_vec().expect("f64"));
			let ulps = x
				.iter()
				.zip(&y)
				.map(|(p, q)| {
					u64::try_from(f64_ordinal(*p).abs_diff(f64_ordinal(*q))).unwrap_or(u64::MAX)
				})
				.collect();
			pairs(x, y, ulps)
		}
		_ => {
			let (x, y) = (integers(a), integers(b));
			let ulps = x.iter().zip(&y).map(|(p, q)| p.abs_diff(*q)).collect();
			pairs(
				x.iter().map(|v| *v as f64).collect(),
				y.iter().map(|v| *v as f64).collect(),
				ulps,
			)
		}
	}
}

fn integers(t: &Tensor) -> Vec<i64> {
	match t.element_type {
		ElementType::I8 => t.to_i8_vec().expect("i8").into_iter().map(i64::from).collect(),
		ElementType::U8 => t.to_u8_vec().expect("u8").into_iter().map(i64::from).collect(),
		ElementType::I16 => t.to_i16_vec().expect("i16").into_iter().map(i64::from).collect(),
		ElementType::I32 => t.to_i32_vec().expect("i32").into_iter().map(i64::from).collect(),
		ElementType::I64 => t.to_i64_vec().expect("i64"),
		ElementType::Bool => t.to_bool_vec().expect("bool").into_iter().map(i64::from).collect(),
		ElementType::F32 | ElementType::F64 => unreachable!("floats handled by the caller"),
	}
}

/// Largest difference over lists of tensors.
pub fn max_difference(a: &[Tensor], b: &[Tensor]) -> Difference {
	assert_eq!(a.len(), b.len(), "output count");
	a.iter().zip(b).fold(Difference::default(), |acc, (x, y)| acc.max(difference(x, y)))
}

/// `outputs` with element 0 of the first output changed: floats by 1e-3 relative (at least
/// 1e-6 absolute), integers by one.
pub fn perturbed(outputs: &[Tensor]) -> Vec<Tensor> {
	let mut outputs = outputs.to_vec();
	let first = &mut outputs[0];
	let data: Vec<u8> = match first.element_type {
		ElementType::F32 => {
			let mut v = first.to_f32_vec().expect("f32");
			v[0] += (v[0].abs() * 1e-3).max(1e-6);
			v.iter().flat_map(|x| x.to_le_bytes()).collect()
		}
		ElementType::F64 => {
			let mut v = first.to_f64_vec().expect("f64");
			v[0] += (v[0].abs() * 1e-3).max(1e-6);
			v.iter().flat_map(|x| x.to_le_bytes()).collect()
		}
		_ => {
			let mut data = first.data.to_vec();
			data[0] = data[0].wrapping_add(1);
			data
		}
	};
	*first = Tensor::new(first.element_type, first.shape.to_vec(), data).expect("perturbed");
	outputs
}
