//! Each rule of `known_wrong`: a model it refuses, and a control that still runs.

use super::*;
use crate::{Engine, EngineConfig};
use opg_inference_primitives::{error_code, Dim, ModelSignature, TensorSpec};

const F32: i32 = 1;
const I32: i32 = 6;
const I64: i32 = 7;

/// A dimension of a value: a fixed extent, or a symbol.
#[derive(Clone, Copy)]
enum D {
	N(i64),
	S(&'static str),
}
use D::{N, S};

fn info(name: &str, elem_type: i32, dims: &[D]) -> pb::ValueInfoProto {
	use pb::tensor_shape_proto::{dimension::Value, Dimension};
	let dim = dims
		.iter()
		.map(|d| Dimension {
			value: Some(match d {
				N(n) => Value::DimValue(*n),
				S(s) => Value::DimParam((*s).into()),
			}),
			..Default::default()
		})
		.collect();
	pb::ValueInfoProto {
		name: name.into(),
		r#type: Some(pb::TypeProto {
			value: Some(pb::type_proto::Value::TensorType(pb::type_proto::Tensor {
				elem_type,
				shape: Some(pb::TensorShapeProto { dim }),
			})),
			..Default::default()
		}),
		..Default::default()
	}
}

fn floats(name: &str, dims: &[i64], values: &[f32]) -> pb::TensorProto {
	pb::TensorProto {
		name: name.into(),
		data_type: F32,
		dims: dims.to_vec(),
		float_data: values.to_vec(),
		..Default::default()
	}
}

fn ints(name: &str, data_type: i32, dims: &[i64], values: &[i64]) -> pb::TensorProto {
	let mut tensor =
		pb::TensorProto { name: name.into(), data_type, dims: dims.to_vec(), ..Default::default() };
	if data_type == I64 {
		tensor.int64_data = values.to_vec();
	} else {
		tensor.int32_data = values.iter().map(|v| i32::try_from(*v).expect("i32")).collect();
	}
	tensor
}

fn node(op: &str, inputs: &[&str], outputs: &[&str]) -> pb::NodeProto {
	pb::NodeProto {
		op_type: op.into(),
		name: format!("{op}_node"),
		input: inputs.iter().map(|s| (*s).to_owned()).collect(),
		output: outputs.iter().map(|s| (*s).to_owned()).collect(),
		..Default::default()
	}
}

fn attr(
	mut node: pb::NodeProto,
	name: &str,
	set: impl FnOnce(&mut pb::AttributeProto),
) -> pb::NodeProto {
	let mut attribute = pb::AttributeProto { name: name.into(), ..Default::default() };
	set(&mut attribute);
	node.attribute.push(attribute);
	node
}

fn string(node: pb::NodeProto, name: &str, value: &str) -> pb::NodeProto {
	attr(node, name, |a| {
		a.r#type = 3;
		a.s = value.as_bytes().to_vec();
	})
}

fn int(node: pb::NodeProto, name: &str, value: i64) -> pb::NodeProto {
	attr(node, name, |a| {
		a.r#type = 2;
		a.i = value;
	})
}

fn float(node: pb::NodeProto, name: &str, value: f32) -> pb::NodeProto {
	attr(node, name, |a| {
		a.r#type = 1;
		a.f = value;
	})
}

fn spec(elem_type: i32, dims: &[D]) -> TensorSpec {
	let element_type = match elem_type {
		F32 => ElementType::F32,
		I32 => ElementType::I32,
		_ => ElementType::I64,
	};
	let dims = dims
		.iter()
		.map(|d| match d {
			N(n) => Dim::Fixed(u32::try_from(*n).expect("dim")),
			S(_) => Dim::Dynamic,
		})
		.collect();
	TensorSpec::new(element_type, dims).expect("spec")
}

/// A model of one graph, its inputs and outputs given as (name, type, dims).
struct Model {
	onnx: Vec<u8>,
	signature: ModelSignature,
}

fn model(
	opset: i64,
	nodes: Vec<pb::NodeProto>,
	initializer: Vec<pb::TensorProto>,
	inputs: &[(&str, i32, &[D])],
	outputs: &[(&str, i32, &[D])],
) -> Model {
	let proto = pb::ModelProto {
		ir_version: 8,
		opset_import: vec![pb::OperatorSetIdProto { domain: String::new(), version: opset }],
		graph: Some(pb::GraphProto {
			name: "g".into(),
			node: nodes,
			initializer,
			input: inputs.iter().map(|(n, t, d)| info(n, *t, d)).collect(),
			output: outputs.iter().map(|(n, t, d)| info(n, *t, d)).collect(),
			..Default::default()
		}),
		..Default::default()
	};
	let signature = ModelSignature::new(
		inputs.iter().map(|(_, t, d)| spec(*t, d)).collect(),
		outputs.iter().map(|(_, t, d)| spec(*t, d)).collect(),
	)
	.expect("signature");
	Model { onnx: prost::Message::encode_to_vec(&proto), signature }
}

fn engine() -> Engine {
	// Few input elements, so that dynamic axes stay within the work bound.
	Engine::new(EngineConfig { max_input_elements: 1 << 12, ..EngineConfig::default() })
}

fn load(engine: &Engine, model: &Model) -> Result<[u8; 32], EngineError> {
	let hash = sp_crypto_hashing::blake2_256(&model.onnx);
	engine.load(hash, &model.onnx, &model.signature).map(|_| hash)
}

/// Asserts that the model is refused as unsupported, with a reason holding `words`.
fn assert_refused(model: &Model, op: &str, words: &[&str]) {
	let engine = engine();
	let error = load(&engine, model).expect_err("refused");
	let EngineError::UnsupportedOperator { name, reason: Some(reason) } = &error else {
		panic!("not refused as a wrong configuration: {error}");
	};
	assert_eq!(name, op);
	assert_eq!(error.code(), error_code::UNSUPPORTED_OPERATOR);
	assert!(error.is_deterministic());
	let message = error.to_string();
	assert!(message.starts_with(&format!("unsupported operator: {op} (node ")), "{message}");
	assert!(reason.ends_with(WRONG), "{message}");
	for word in words {
		assert!(message.contains(word), "{message} lacks {word}");
	}
}

fn run(engine: &Engine, hash: [u8; 32], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
	engine.run(hash, inputs)
}

fn load_and_run(model: &Model, inputs: &[Tensor]) -> Vec<Tensor> {
	let engine = engine();
	let hash = load(&engine, model).expect("accepted");
	run(&engine, hash, inputs).expect("run")
}

// ---- GRU, LSTM, RNN ------------------------------------------------------------------

/// A one-unit recurrent model, X [seq 3, batch 1, input 1] -> Y_h [dirs, 1, 1].
fn recurrent(
	op: &str,
	directions: i64,
	configure: impl Fn(pb::NodeProto) -> pb::NodeProto,
) -> Model {
	let gates = match op {
		"GRU" => 3,
		"LSTM" => 4,
		_ => 1,
	};
	let w = floats("w", &[directions, gates, 1], &vec![0.5; (directions * gates) as usize]);
	let r = floats("r", &[directions, gates, 1], &vec![0.25; (directions * gates) as usize]);
	let mut rec = node(op, &["x", "w", "r"], &["", "y_h"]);
	rec = int(rec, "hidden_size", 1);
	rec = configure(rec);
	model(
		14,
		vec![rec],
		vec![w, r],
		&[("x", F32, &[N(3), N(1), N(1)])],
		&[("y_h", F32, &[N(directions), N(1), N(1)])],
	)
}

fn sequence() -> Tensor {
	Tensor::from_f32(vec![3, 1, 1], &[1.0, -2.0, 3.0]).expect("x")
}

#[test]
fn reverse_recurrences_are_refused() {
	for op in ["GRU", "LSTM", "RNN"] {
		let reverse = recurrent(op, 1, |n| string(n, "direction", "reverse"));
		assert_refused(
			&reverse,
			op,
			&["\"Rec_node\"".replace("Rec", op).as_str(), "direction = \"reverse\""],
		);
	}
}

#[test]
fn forward_and_bidirectional_recurrences_run() {
	for op in ["GRU", "LSTM", "RNN"] {
		let forward = load_and_run(&recurrent(op, 1, |n| n), &[sequence()]);
		let explicit =
			load_and_run(&recurrent(op, 1, |n| string(n, "direction", "forward")), &[sequence()]);
		assert_eq!(forward, explicit);
		let both = load_and_run(
			&recurrent(op, 2, |n| string(n, "direction", "bidirectional")),
			&[sequence()],
		);
		// The forward half of a bidirectional run is the forward run.
		let both = both.first().and_then(|t| t.to_f32_vec().ok()).expect("y_h");
		let forward = forward.first().and_then(|t| t.to_f32_vec().ok()).expect("y_h");
		assert_eq!(both.first(), forward.first());
	}
}

#[test]
fn ignored_recurrence_attributes_are_refused() {
	let relu = recurrent("RNN", 1, |n| {
		attr(n, "activations", |a| {
			a.r#type = 8;
			a.strings = vec![b"Relu".to_vec()];
		})
	});
	assert_refused(&relu, "RNN", &["activations = [\"Relu\"]"]);
	let clip = recurrent("GRU", 1, |n| float(n, "clip", 0.5));
	assert_refused(&clip, "GRU", &["clip = 0.5"]);
	let coupled = recurrent("LSTM", 1, |n| int(n, "input_forget", 1));
	assert_refused(&coupled, "LSTM", &["input_forget = 1"]);
	// The default activations, spelled out, are what tract computes.
	let spelled = recurrent("LSTM", 1, |n| {
		attr(n, "activations", |a| {
			a.r#type = 8;
			a.strings = vec![b"Sigmoid".to_vec(), b"Tanh".to_vec(), b"Tanh".to_vec()];
		})
	});
	assert_eq!(
		load_and_run(&spelled, &[sequence()]),
		load_and_run(&recurrent("LSTM", 1, |n| n), &[sequence()])
	);
}

// ---- Attention -----------------------------------------------------------------------

/// `Attention` on Q [1, 1, q, 2] and K, V [1, 1, kv, 2].
fn attention(q: D, kv: D, past: bool, configure: impl Fn(pb::NodeProto) -> pb::NodeProto) -> Model {
	let mut inputs: Vec<(&str, i32, &[D])> = Vec::new();
	let q_dims = [N(1), N(1), q, N(2)];
	let kv_dims = [N(1), N(1), kv, N(2)];
	let past_dims = [N(1), N(1), N(1), N(2)];
	inputs.push(("q", F32, &q_dims));
	inputs.push(("k", F32, &kv_dims));
	inputs.push(("v", F32, &kv_dims));
	let mut names = vec!["q", "k", "v"];
	if past {
		inputs.push(("past_k", F32, &past_dims));
		inputs.push(("past_v", F32, &past_dims));
		names.extend(["", "past_k", "past_v"]);
	}
	let node = configure(node("Attention", &names, &["y"]));
	model(23, vec![node], vec![], &inputs, &[("y", F32, &q_dims)])
}

#[test]
fn attention_windows_are_refused() {
	for side in ["left_window_size", "right_window_size"] {
		let window = attention(N(3), N(3), false, |n| int(n, side, 1));
		assert_refused(&window, "Attention", &[&format!("{side} = 1")]);
	}
	// -1, the default, is no window.
	let unbounded = attention(N(3), N(3), false, |n| int(n, "left_window_size", -1));
	let engine = engine();
	load(&engine, &unbounded).expect("accepted");
}

#[test]
fn causal_attention_with_a_past_is_refused() {
	let causal = attention(N(2), N(2), true, |n| int(n, "is_causal", 1));
	assert_refused(&causal, "Attention", &["is_causal = 1 with past_key/past_value"]);
	// Without is_causal the past is only concatenated, which tract does right.
	let engine = engine();
	load(&engine, &attention(N(2), N(2), true, |n| n)).expect("accepted");
}

#[test]
fn causal_attention_without_a_past_runs_when_tract_gets_it_right() {
	// Known lengths: query i sees keys 0..=i, so the first row of Y is the first value.
	let causal = attention(N(2), N(3), false, |n| int(n, "is_causal", 1));
	let q = Tensor::from_f32(vec![1, 1, 2, 2], &[1.0, 0.0, 0.0, 1.0]).expect("q");
	let k = Tensor::from_f32(vec![1, 1, 3, 2], &[1.0, 0.0, 0.0, 1.0, 1.0, 1.0]).expect("k");
	let v = Tensor::from_f32(vec![1, 1, 3, 2], &[10.0, 20.0, 30.0, 40.0, 50.0, 60.0]).expect("v");
	let y = load_and_run(&causal, &[q, k.clone(), v.clone()]);
	let y = y.first().and_then(|t| t.to_f32_vec().ok()).expect("y");
	assert_eq!(y.get(0..2), Some(&[10.0, 20.0][..]));
	// Symbolic lengths that are the same symbol: both alignments agree.
	let same = attention(S("s"), S("s"), false, |n| int(n, "is_causal", 1));
	let q = Tensor::from_f32(vec![1, 1, 3, 2], &[1.0, 0.0, 0.0, 1.0, 1.0, 1.0]).expect("q");
	let y = load_and_run(&same, &[q, k, v]);
	let y = y.first().and_then(|t| t.to_f32_vec().ok()).expect("y");
	assert_eq!(y.get(0..2), Some(&[10.0, 20.0][..]));
}

#[test]
fn causal_attention_with_lengths_that_may_differ_is_refused() {
	let differ = attention(S("q"), S("kv"), false, |n| int(n, "is_causal", 1));
	assert_refused(&differ, "Attention", &["is_causal = 1", "aligns the causal mask"]);
}

// ---- SpaceToDepth, DepthToSpace ------------------------------------------------------

fn blocks(op: &str, mode: Option<&str>) -> Model {
	let mut n = int(node(op, &["x"], &["y"]), "blocksize", 2);
	if let Some(mode) = mode {
		n = string(n, "mode", mode);
	}
	let (input, output): (&[D], &[D]) = if op == "SpaceToDepth" {
		(&[N(1), N(2), N(2), N(2)], &[N(1), N(8), N(1), N(1)])
	} else {
		(&[N(1), N(8), N(1), N(1)], &[N(1), N(2), N(2), N(2)])
	};
	model(13, vec![n], vec![], &[("x", F32, input)], &[("y", F32, output)])
}

#[test]
fn space_to_depth_in_crd_mode_is_refused() {
	assert_refused(&blocks("SpaceToDepth", Some("CRD")), "SpaceToDepth", &["mode = \"CRD\""]);
}

#[test]
fn dcr_space_to_depth_and_both_depth_to_space_run() {
	let values: Vec<f32> = (0u8..8).map(f32::from).collect();
	// x[0, c, h, w] = 4c + 2h + w; DCR: y[0, (2h + w) * 2 + c] = x[0, c, h, w].
	let x = Tensor::from_f32(vec![1, 2, 2, 2], &values).expect("x");
	for mode in [None, Some("DCR")] {
		let y = load_and_run(&blocks("SpaceToDepth", mode), std::slice::from_ref(&x));
		let y = y.first().and_then(|t| t.to_f32_vec().ok()).expect("y");
		assert_eq!(y, vec![0.0, 4.0, 1.0, 5.0, 2.0, 6.0, 3.0, 7.0]);
	}
	// tract's DepthToSpace reads the mode: CRD, y[0, c, h, w] = x[0, 4c + 2h + w].
	let x = Tensor::from_f32(vec![1, 8, 1, 1], &values).expect("x");
	let y = load_and_run(&blocks("DepthToSpace", Some("CRD")), std::slice::from_ref(&x));
	assert_eq!(y.first().and_then(|t| t.to_f32_vec().ok()).expect("y"), values);
	let y = load_and_run(&blocks("DepthToSpace", Some("DCR")), &[x]);
	let y = y.first().and_then(|t| t.to_f32_vec().ok()).expect("y");
	assert_eq!(y, vec![0.0, 2.0, 4.0, 6.0, 1.0, 3.0, 5.0, 7.0]);
}

// ---- Swish ---------------------------------------------------------------------------

fn swish(alpha: Option<f32>) -> Model {
	let mut n = node("Swish", &["x"], &["y"]);
	if let Some(alpha) = alpha {
		n = float(n, "alpha", alpha);
	}
	model(24, vec![n], vec![], &[("x", F32, &[N(3)])], &[("y", F32, &[N(3)])])
}

#[test]
fn swish_with_an_alpha_is_refused() {
	assert_refused(&swish(Some(0.5)), "Swish", &["alpha = 0.5"]);
}

#[test]
fn swish_without_an_alpha_runs() {
	let x = Tensor::from_f32(vec![3], &[-1.0, 0.0, 2.0]).expect("x");
	for alpha in [None, Some(1.0)] {
		let y = load_and_run(&swish(alpha), std::slice::from_ref(&x));
		let y = y.first().and_then(|t| t.to_f32_vec().ok()).expect("y");
		let expected = [-1.0f32, 0.0, 2.0].map(|x| x / (1.0 + (-x).exp()));
		for (y, e) in y.iter().zip(expected) {
			assert!((y - e).abs() < 1e-5, "{y} {e}");
		}
	}
}

// ---- BitShift ------------------------------------------------------------------------

fn bit_shift(direction: &str, shift: Option<&[i64]>) -> Model {
	let n = string(node("BitShift", &["x", "s"], &["y"]), "direction", direction);
	let dims: &[D] = &[N(2)];
	match shift {
		Some(values) => model(
			11,
			vec![n],
			vec![ints("s", I32, &[2], values)],
			&[("x", I32, dims)],
			&[("y", I32, dims)],
		),
		None => {
			model(11, vec![n], vec![], &[("x", I32, dims), ("s", I32, dims)], &[("y", I32, dims)])
		}
	}
}

#[test]
fn bit_shifts_out_of_range_or_not_constant_are_refused() {
	assert_refused(&bit_shift("LEFT", Some(&[1, 32])), "BitShift", &["shift amount 32", "[0, 32)"]);
	assert_refused(&bit_shift("RIGHT", Some(&[-1, 0])), "BitShift", &["shift amount -1"]);
	assert_refused(&bit_shift("LEFT", None), "BitShift", &["not a constant"]);
}

#[test]
fn constant_bit_shifts_in_range_run() {
	let x = Tensor::from_i32(vec![2], &[-8, 1 << 20]).expect("x");
	let y = load_and_run(&bit_shift("LEFT", Some(&[1, 31])), std::slice::from_ref(&x));
	assert_eq!(y, vec![Tensor::from_i32(vec![2], &[-16, 0]).expect("y")]);
	let y = load_and_run(&bit_shift("RIGHT", Some(&[3, 0])), &[x]);
	assert_eq!(y, vec![Tensor::from_i32(vec![2], &[-1, 1 << 20]).expect("y")]);
}

// ---- ReduceMax, ReduceMin ------------------------------------------------------------

/// `op` over axis 1 of x [2, n], keepdims 0.
fn reduce(op: &str, elem_type: i32, n: D) -> Model {
	let r = attr(int(node(op, &["x"], &["y"]), "keepdims", 0), "axes", |a| {
		a.r#type = 7;
		a.ints = vec![1];
	});
	model(13, vec![r], vec![], &[("x", elem_type, &[N(2), n])], &[("y", elem_type, &[N(2)])])
}

#[test]
fn float_reductions_over_an_empty_axis_are_refused() {
	for op in ["ReduceMax", "ReduceMin"] {
		assert_refused(&reduce(op, F32, N(0)), op, &["reduces axis 1, of length 0", "infinity"]);
	}
}

#[test]
fn float_reductions_over_a_dynamic_axis_are_checked_before_each_run() {
	let engine = engine();
	let hash = load(&engine, &reduce("ReduceMax", F32, S("n"))).expect("accepted");
	let x = Tensor::from_f32(vec![2, 3], &[1.0, 5.0, 2.0, -1.0, -3.0, -2.0]).expect("x");
	let y = run(&engine, hash, &[x]).expect("run");
	assert_eq!(y, vec![Tensor::from_f32(vec![2], &[5.0, -1.0]).expect("y")]);
	let empty = Tensor::from_f32(vec![2, 0], &[]).expect("empty");
	let error = run(&engine, hash, &[empty]).expect_err("empty axis");
	assert!(matches!(&error, EngineError::Execution { detail } if detail.contains("empty axis")));
	assert_eq!(error.code(), error_code::MODEL_EXECUTION);
	assert!(error.is_deterministic());
}

#[test]
fn other_reductions_run() {
	// A fixed, non-empty axis.
	let x = Tensor::from_f32(vec![2, 3], &[1.0, 5.0, 2.0, -1.0, -3.0, -2.0]).expect("x");
	let y = load_and_run(&reduce("ReduceMin", F32, N(3)), &[x]);
	assert_eq!(y, vec![Tensor::from_f32(vec![2], &[1.0, -3.0]).expect("y")]);
	// Integers: over an empty set both ONNX and tract give the type's extreme value.
	let empty = Tensor::from_i32(vec![2, 0], &[]).expect("empty");
	let y = load_and_run(&reduce("ReduceMax", I32, S("n")), &[empty]);
	assert_eq!(y, vec![Tensor::from_i32(vec![2], &[i32::MIN, i32::MIN]).expect("y")]);
}

// ---- OneHot --------------------------------------------------------------------------

/// OneHot of depth 4 with values [0, 1]; `indices` is a graph input unless given.
fn one_hot(indices: Option<&[i64]>, computed: bool) -> Model {
	let mut initializer = vec![ints("depth", I64, &[], &[4]), floats("values", &[2], &[0.0, 1.0])];
	let mut nodes = Vec::new();
	let mut inputs: Vec<(&str, i32, &[D])> = Vec::new();
	let source = match (indices, computed) {
		(Some(values), _) => {
			initializer.push(ints("i", I64, &[3], values));
			"i"
		}
		(None, false) => {
			inputs.push(("i", I64, &[N(3)]));
			"i"
		}
		(None, true) => {
			inputs.push(("i", I64, &[N(3)]));
			initializer.push(ints("one", I64, &[], &[1]));
			nodes.push(node("Add", &["i", "one"], &["j"]));
			"j"
		}
	};
	nodes.push(node("OneHot", &[source, "depth", "values"], &["y"]));
	if indices.is_some() {
		// A model needs an input.
		inputs.push(("x", F32, &[N(3), N(4)]));
		nodes.push(node("Add", &["y0", "x"], &["z"]));
		if let Some(last) = nodes.get_mut(0) {
			last.output = vec!["y0".into()];
		}
		return model(11, nodes, initializer, &inputs, &[("z", F32, &[N(3), N(4)])]);
	}
	model(11, nodes, initializer, &inputs, &[("y", F32, &[N(3), N(4)])])
}

#[test]
fn one_hot_with_indices_out_of_range_is_refused() {
	assert_refused(&one_hot(Some(&[0, 4, 1]), false), "OneHot", &["index 4", "panics"]);
	assert_refused(&one_hot(None, true), "OneHot", &["computed by the model"]);
}

#[test]
fn one_hot_indices_from_an_input_are_checked_before_each_run() {
	let engine = engine();
	let hash = load(&engine, &one_hot(None, false)).expect("accepted");
	let indices = Tensor::from_i64(vec![3], &[0, 3, -1]).expect("indices");
	let y = run(&engine, hash, &[indices]).expect("run");
	let expected = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
	assert_eq!(y, vec![Tensor::from_f32(vec![3, 4], &expected).expect("y")]);
	for bad in [4, -5, i64::MAX] {
		let indices = Tensor::from_i64(vec![3], &[0, bad, 1]).expect("indices");
		let error = run(&engine, hash, &[indices]).expect_err("out of range");
		let EngineError::Execution { detail } = &error else { panic!("{error}") };
		assert!(detail.contains("not an integer in [-4, 3]"), "{detail}");
		assert!(error.is_deterministic());
	}
}

#[test]
fn one_hot_float_indices_from_an_input_must_be_integers_in_range() {
	let nodes = vec![node("OneHot", &["i", "depth", "values"], &["y"])];
	let initializer = vec![ints("depth", I64, &[], &[4]), floats("values", &[2], &[0.0, 1.0])];
	let model = model(11, nodes, initializer, &[("i", F32, &[N(2)])], &[("y", F32, &[N(2), N(4)])]);
	let engine = engine();
	let hash = load(&engine, &model).expect("accepted");
	let indices = Tensor::from_f32(vec![2], &[3.0, -4.0]).expect("indices");
	let y = run(&engine, hash, &[indices]).expect("run");
	let expected = [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0];
	assert_eq!(y, vec![Tensor::from_f32(vec![2, 4], &expected).expect("y")]);
	for bad in [2.5, f32::NAN, 4.0] {
		let indices = Tensor::from_f32(vec![2], &[0.0, bad]).expect("indices");
		let error = run(&engine, hash, &[indices]).expect_err("refused");
		assert!(matches!(error, EngineError::Execution { .. }), "{error}");
	}
}

#[test]
fn one_hot_with_constant_indices_in_range_runs() {
	let x = Tensor::from_f32(vec![3, 4], &[0.0; 12]).expect("x");
	let y = load_and_run(&one_hot(Some(&[0, 3, -4]), false), &[x]);
	let expected = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0];
	assert_eq!(y, vec![Tensor::from_f32(vec![3, 4], &expected).expect("y")]);
}
