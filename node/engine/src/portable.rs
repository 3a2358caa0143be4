//! The deterministic mode: tract's portable kernels, and the operators they cover.
//!
//! In [`ExecutionMode::Fastest`] tract picks SIMD kernels per CPU: AVX-512, AVX2 with FMA or
//! SSE on x86-64, NEON on aarch64. They accumulate in different orders (one accumulator per
//! vector lane), fuse multiplications and additions or not, and approximate `exp` or `tanh`
//! with different code, so honest validators get floats a few units in the last place apart.
//!
//! [`ExecutionMode::Deterministic`] removes the architecture from the instruction set tract
//! selects kernels for (tract's `TRACT_CPU_ISA` knob, set programmatically to `-x86_64` or
//! `-aarch64` before tract selects anything). Every kernel is then one of tract-linalg's
//! *generic* kernels: plain Rust with one order of operations fixed in the source, the same on
//! every CPU. Rust never contracts `a * b + c` into a fused multiply-add, and the
//! `mul_add` calls of the generic element-wise functions are fused everywhere (IEEE-754
//! `fusedMultiplyAdd`, in hardware or in software), so the same binary and the same source built
//! for another architecture compute the same bits. Matrix products and convolutions reduce each
//! output sequentially along `k`, whatever the tile shape a kernel computes; reductions and the
//! softmax use the generic kernels' fixed lane count.
//!
//! Some of tract's operators do not go through tract-linalg: they call the C library's `expf`,
//! `tanhf` or `powf` (whose implementations differ between platforms and, on x86-64, between
//! CPUs), or `ndarray`'s matrix product (which selects kernels per CPU itself). The mode
//! therefore covers a set of operators, [`COVERED`], checked from the ONNX graph at load: a
//! model using another operator, an attribute that selects such a path, or a float type other
//! than `f32` is refused with [`EngineError::NotDeterministic`] (on-chain code
//! `NOT_DETERMINISTIC`, deterministic: every validator refuses it alike). Outside the floats,
//! discrete operators (`ArgMax`, comparisons, casts to integers) are covered: their float
//! inputs are the same bits everywhere, so the refusal of models turning floats into discrete
//! results ([`determinism`](crate::determinism)) does not apply in this mode.
//!
//! One of tract's "generic" kernels is not: the softmax row kernel is NEON code with another
//! polynomial on aarch64, compiled in by `cfg(target_arch)` rather than selected at run time.
//! [`expand_softmax`] therefore rewrites every `Softmax` into `ReduceMax`, `Sub`, `Exp`,
//! `ReduceSum` and `Div` before tract reads the graph. `scripts/engine-determinism.sh` is what
//! found it: it compares an aarch64 build under emulation with the native one, bit for bit.
//!
//! Kernels are selected once per process, so a deterministic engine must be the first use of
//! tract in its process; the inference service runs deterministic models in worker processes
//! of their own. The cost, measured in `docs/benchmarks.md`, is that of scalar generic kernels
//! against the CPU's widest SIMD ones.

use crate::{
	determinism::{attribute, declared_type, label, op_name, string_attribute, type_attribute},
	error::EngineError,
};
use tract_onnx::{pb, tract_core::tract_linalg};

/// The `TRACT_CPU_ISA` edit that leaves tract only its generic kernels: removing the
/// architecture itself makes every architecture-specific kernel unrunnable.
#[cfg(target_arch = "x86_64")]
const WITHOUT_ARCHITECTURE: Option<&str> = Some("-x86_64");
#[cfg(target_arch = "aarch64")]
const WITHOUT_ARCHITECTURE: Option<&str> = Some("-aarch64");
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const WITHOUT_ARCHITECTURE: Option<&str> = None;

/// Pins tract to its generic kernels for the rest of this process, if tract has not selected
/// kernels yet. Then checks the selection.
///
/// # Errors
///
/// [`EngineError::PortableKernelsUnavailable`] when tract already selected kernels for an
/// architecture in this process.
pub(crate) fn select_portable_kernels() -> Result<(), EngineError> {
	if let Some(edit) = WITHOUT_ARCHITECTURE {
		let knob = &tract_linalg::knobs::TRACT_CPU_ISA;
		// Composed with the process's own edits (the tests remove features too).
		let edits = match knob.get() {
			Some(edits) if !edits.trim().is_empty() => format!("{edits},{edit}"),
			_ => edit.to_owned(),
		};
		knob.set(Some(edits));
	}
	ensure_portable_kernels()
}

/// Checks that tract selects only generic kernels in this process.
///
/// # Errors
///
/// [`EngineError::PortableKernelsUnavailable`] otherwise.
pub(crate) fn ensure_portable_kernels() -> Result<(), EngineError> {
	let isa = tract_linalg::isa::native();
	match isa.arch() {
		None => Ok(()),
		Some(_) => Err(EngineError::PortableKernelsUnavailable { isa: format!("{isa:?}") }),
	}
}

/// The operators of the default ONNX domain the deterministic mode covers, each computed by
/// tract-linalg's generic kernels or by IEEE-754 operations that are correctly rounded on
/// every CPU. [`uncovered_attribute`] refuses the attributes that select another path.
pub const COVERED: &[&str] = &[
	// Copies, shapes and indices: no float arithmetic.
	"Cast",
	"Concat",
	"Constant",
	"ConstantOfShape",
	"DepthToSpace",
	"Dropout",
	"Expand",
	"Flatten",
	"Gather",
	"Identity",
	"Pad",
	"Reshape",
	"Shape",
	"Size",
	"Slice",
	"SpaceToDepth",
	"Split",
	"Squeeze",
	"Tile",
	"Transpose",
	"Unsqueeze",
	"Where",
	// Element-wise arithmetic, correctly rounded.
	"Abs",
	"Add",
	"Clip",
	"Div",
	"HardSigmoid",
	"HardSwish",
	"LeakyRelu",
	"Max",
	"Min",
	"Mul",
	"Neg",
	"PRelu",
	"Reciprocal",
	"Relu",
	"Sqrt",
	"Sub",
	// Element-wise functions of tract-linalg's generic kernels.
	"Erf",
	"Exp",
	"Gelu",
	"Log",
	"Sigmoid",
	"Tanh",
	// Products, convolutions, pooling, normalisation and reductions.
	"AveragePool",
	"BatchNormalization",
	"Conv",
	"Gemm",
	"GlobalAveragePool",
	"GlobalMaxPool",
	"LayerNormalization",
	"MatMul",
	"MaxPool",
	"ReduceMax",
	"ReduceMean",
	"ReduceMin",
	"ReduceSum",
	"Softmax",
	// Integer kernels and their fixed-point requantisation: exact on every CPU in any mode.
	"ConvInteger",
	"DequantizeLinear",
	"MatMulInteger",
	"QLinearConv",
	"QLinearMatMul",
	"QuantizeLinear",
	// Discrete results of floats that are the same bits everywhere.
	"And",
	"ArgMax",
	"ArgMin",
	"Equal",
	"Greater",
	"GreaterOrEqual",
	"Less",
	"LessOrEqual",
	"Not",
	"Or",
];

/// ONNX `TensorProto.DataType` of `f32`.
const FLOAT: i32 = 1;

/// Whether an ONNX element type is a float type other than `f32` (`f16`, `f64`, `bf16`, the
/// `f8` and `f4` types, complex numbers): tract computes them with other code paths, some of
/// which call the C library.
fn is_other_float(elem_type: i32) -> bool {
	elem_type != FLOAT && matches!(elem_type, 10 | 11 | 14 | 15 | 16 | 17..=20 | 23)
}

/// Refuses a model the deterministic mode does not cover (see the
/// [module documentation](self)).
///
/// # Errors
///
/// [`EngineError::NotDeterministic`] naming the first node, graph input or initializer
/// outside the covered set.
pub(crate) fn check(graph: &pb::GraphProto) -> Result<(), EngineError> {
	let refuse = |node: String, op: &str, reason: String| EngineError::NotDeterministic {
		node,
		op: op.to_owned(),
		reason,
	};
	for value in graph.input.iter().chain(&graph.output) {
		if let Some(elem_type) = declared_type(value).filter(|t| is_other_float(*t)) {
			return Err(refuse(value.name.clone(), "input", float_type(elem_type)));
		}
	}
	for initializer in &graph.initializer {
		if is_other_float(initializer.data_type) {
			return Err(refuse(
				initializer.name.clone(),
				"initializer",
				float_type(initializer.data_type),
			));
		}
	}
	for (index, node) in graph.node.iter().enumerate() {
		let default_domain = node.domain.is_empty() || node.domain == "ai.onnx";
		if !default_domain || !COVERED.contains(&node.op_type.as_str()) {
			return Err(refuse(
				label(node, index),
				&op_name(node),
				"the operator is not covered".to_owned(),
			));
		}
		if let Some(reason) = uncovered_attribute(node) {
			return Err(refuse(label(node, index), &op_name(node), reason));
		}
	}
	Ok(())
}

/// Why a covered operator's attributes or constants take it outside the covered paths.
fn uncovered_attribute(node: &pb::NodeProto) -> Option<String> {
	match node.op_type.as_str() {
		// The tanh approximation calls the C library's `tanhf`.
		"Gelu" => string_attribute(node, "approximate")
			.filter(|value| !value.is_empty() && *value != b"none".as_slice())
			.map(|_| "approximate=\"tanh\" is not covered (use the exact GELU)".to_owned()),
		"Cast" => type_attribute(node, "to").filter(|t| is_other_float(*t)).map(float_type),
		"Constant" => attribute(node, "value")
			.and_then(|value| value.t.as_ref())
			.map(|tensor| tensor.data_type)
			.filter(|t| is_other_float(*t))
			.map(float_type),
		"ConstantOfShape" => attribute(node, "value")
			.and_then(|value| value.t.as_ref())
			.map(|tensor| tensor.data_type)
			.filter(|t| is_other_float(*t))
			.map(float_type),
		_ => None,
	}
}

/// Rewrites every `Softmax` node into `ReduceMax`, `Sub`, `Exp`, `ReduceSum` and `Div`.
///
/// tract's own softmax kernel is not portable: its "generic" row kernel is NEON code with
/// another polynomial on aarch64 (tract-linalg `generic/reduce.rs`, `exp_sum_impl`), which
/// `TRACT_CPU_ISA` cannot deselect, and its outputs differ from x86-64's by an ULP. The
/// expansion computes the same function with operators whose generic kernels are the same on
/// every architecture. The rewritten nodes keep the original output names.
///
/// # Errors
///
/// [`EngineError::NotDeterministic`] for a `Softmax` of an opset below 13, whose semantics
/// (flattening to two dimensions) need the input's rank.
pub(crate) fn expand_softmax(model: &mut pb::ModelProto) -> Result<(), EngineError> {
	let opset = model
		.opset_import
		.iter()
		.find(|opset| opset.domain.is_empty() || opset.domain == "ai.onnx")
		.map_or(1, |opset| opset.version);
	let Some(graph) = model.graph.as_mut() else { return Ok(()) };
	let mut names = Names::of(graph);
	let mut nodes = Vec::with_capacity(graph.node.len());
	for (index, node) in std::mem::take(&mut graph.node).into_iter().enumerate() {
		let default_domain = node.domain.is_empty() || node.domain == "ai.onnx";
		if !default_domain || node.op_type != "Softmax" {
			nodes.push(node);
			continue;
		}
		if opset < 13 {
			return Err(EngineError::NotDeterministic {
				node: label(&node, index),
				op: op_name(&node),
				reason: format!(
					"Softmax of opset {opset} is not covered (opset 13 or later is: export the \
					 model with a newer opset)"
				),
			});
		}
		let (Some(input), Some(output)) = (node.input.first(), node.output.first()) else {
			nodes.push(node);
			continue;
		};
		let axis = attribute(&node, "axis").map_or(-1, |axis| axis.i);
		let axes = names.fresh(output, "axes");
		graph.initializer.push(pb::TensorProto {
			name: axes.clone(),
			data_type: INT64,
			dims: vec![1],
			int64_data: vec![axis],
			..Default::default()
		});
		let (max, shifted, exps, sum) = (
			names.fresh(output, "max"),
			names.fresh(output, "shifted"),
			names.fresh(output, "exp"),
			names.fresh(output, "sum"),
		);
		let step = |op: &str, inputs: &[&str], output: &str| pb::NodeProto {
			op_type: op.to_owned(),
			name: format!("{}/{op}", label(&node, index)),
			input: inputs.iter().map(|name| (*name).to_owned()).collect(),
			output: vec![output.to_owned()],
			..Default::default()
		};
		let mut reduce_max = step("ReduceMax", &[input, &axes], &max);
		if opset < 18 {
			// Axes are an attribute of ReduceMax before opset 18.
			reduce_max.input.truncate(1);
			reduce_max.attribute.push(ints_attribute("axes", vec![axis]));
		}
		nodes.push(reduce_max);
		nodes.push(step("Sub", &[input, &max], &shifted));
		nodes.push(step("Exp", &[&shifted], &exps));
		nodes.push(step("ReduceSum", &[&exps, &axes], &sum));
		nodes.push(step("Div", &[&exps, &sum], output));
	}
	graph.node = nodes;
	Ok(())
}

/// ONNX `TensorProto.DataType` of `i64`.
const INT64: i32 = 7;

fn ints_attribute(name: &str, values: Vec<i64>) -> pb::AttributeProto {
	pb::AttributeProto {
		name: name.to_owned(),
		ints: values,
		r#type: pb::attribute_proto::AttributeType::Ints as i32,
		..Default::default()
	}
}

/// The value names of a graph, to name new values without clashing.
struct Names(std::collections::HashSet<String>);

impl Names {
	fn of(graph: &pb::GraphProto) -> Self {
		let mut names: std::collections::HashSet<String> = graph
			.input
			.iter()
			.chain(&graph.output)
			.map(|value| value.name.clone())
			.chain(graph.initializer.iter().map(|tensor| tensor.name.clone()))
			.collect();
		for node in &graph.node {
			names.extend(node.input.iter().chain(&node.output).cloned());
		}
		Names(names)
	}

	/// A name derived from `base` and `role` that no value of the graph has.
	fn fresh(&mut self, base: &str, role: &str) -> String {
		let mut name = format!("{base}/opg_softmax_{role}");
		let mut counter = 0u32;
		while self.0.contains(&name) {
			counter = counter.saturating_add(1);
			name = format!("{base}/opg_softmax_{role}_{counter}");
		}
		self.0.insert(name.clone());
		name
	}
}

fn float_type(elem_type: i32) -> String {
	format!("float type {elem_type} (ONNX TensorProto.DataType) is not covered: only f32 is")
}

#[cfg(test)]
mod tests {
	use super::*;

	const F64: i32 = 11;
	const F16: i32 = 10;

	fn node(op: &str, inputs: &[&str], output: &str) -> pb::NodeProto {
		pb::NodeProto {
			op_type: op.into(),
			name: format!("{output}_node"),
			input: inputs.iter().map(|s| (*s).to_owned()).collect(),
			output: vec![output.to_owned()],
			..Default::default()
		}
	}

	fn with_attribute(mut node: pb::NodeProto, attribute: pb::AttributeProto) -> pb::NodeProto {
		node.attribute.push(attribute);
		node
	}

	fn graph(nodes: Vec<pb::NodeProto>) -> pb::GraphProto {
		pb::GraphProto { node: nodes, ..Default::default() }
	}

	fn refusal(graph: &pb::GraphProto) -> (String, String, String) {
		match check(graph) {
			Err(EngineError::NotDeterministic { node, op, reason }) => (node, op, reason),
			other => panic!("expected a refusal, got {other:?}"),
		}
	}

	#[test]
	fn a_transformer_block_s_operators_are_covered() {
		let nodes = ["LayerNormalization", "MatMul", "Softmax", "Gelu", "Add", "Erf", "ArgMax"]
			.iter()
			.map(|op| node(op, &["x"], &format!("{op}_out")))
			.collect();
		assert_eq!(check(&graph(nodes)), Ok(()));
	}

	#[test]
	fn an_operator_calling_the_c_library_is_refused_with_its_node() {
		let (refused, op, reason) =
			refusal(&graph(vec![node("MatMul", &["x", "w"], "y"), node("Pow", &["y", "e"], "z")]));
		assert_eq!((refused.as_str(), op.as_str()), ("z_node", "Pow"));
		assert_eq!(reason, "the operator is not covered");
		let error = check(&graph(vec![node("Pow", &["y", "e"], "z")])).expect_err("refused");
		assert_eq!(error.code(), opg_inference_primitives::error_code::NOT_DETERMINISTIC);
		assert!(error.is_deterministic());
		assert!(error.to_string().contains("register the model with a tolerance policy"));
	}

	#[test]
	fn operators_of_other_domains_are_refused() {
		let mut gelu = node("Gelu", &["x"], "y");
		gelu.domain = "com.microsoft".into();
		assert_eq!(refusal(&graph(vec![gelu])).1, "com.microsoft.Gelu");
	}

	#[test]
	fn the_tanh_approximation_of_gelu_is_refused_and_the_exact_one_covered() {
		let approximate = |value: &[u8]| {
			with_attribute(
				node("Gelu", &["x"], "y"),
				pb::AttributeProto {
					name: "approximate".into(),
					s: value.to_vec(),
					r#type: 3,
					..Default::default()
				},
			)
		};
		assert_eq!(check(&graph(vec![approximate(b"none")])), Ok(()));
		assert!(refusal(&graph(vec![approximate(b"tanh")])).2.contains("exact GELU"));
	}

	fn model(opset: i64, nodes: Vec<pb::NodeProto>) -> pb::ModelProto {
		pb::ModelProto {
			opset_import: vec![pb::OperatorSetIdProto { domain: String::new(), version: opset }],
			graph: Some(graph(nodes)),
			..Default::default()
		}
	}

	#[test]
	fn a_softmax_is_expanded_into_portable_operators_keeping_its_output() {
		let mut expanded = model(17, vec![node("Softmax", &["x"], "y"), node("Relu", &["y"], "z")]);
		expand_softmax(&mut expanded).expect("expanded");
		let graph = expanded.graph.expect("graph");
		let ops: Vec<&str> = graph.node.iter().map(|node| node.op_type.as_str()).collect();
		assert_eq!(ops, ["ReduceMax", "Sub", "Exp", "ReduceSum", "Div", "Relu"]);
		assert_eq!(graph.node[4].output, ["y"]);
		// Before opset 18 ReduceMax takes its axes as an attribute; ReduceSum as an input.
		assert_eq!(graph.node[0].input, ["x"]);
		assert_eq!(graph.node[0].attribute[0].ints, [-1]);
		assert_eq!(graph.node[3].input.len(), 2);
		assert_eq!(graph.initializer[0].int64_data, [-1]);
		assert_eq!(check(&graph), Ok(()));
		let mut newer = model(18, vec![node("Softmax", &["x"], "y")]);
		expand_softmax(&mut newer).expect("expanded");
		assert_eq!(newer.graph.expect("graph").node[0].input.len(), 2);
	}

	#[test]
	fn a_softmax_of_an_old_opset_is_refused() {
		let mut old = model(11, vec![node("Softmax", &["x"], "y")]);
		match expand_softmax(&mut old) {
			Err(EngineError::NotDeterministic { reason, .. }) => {
				assert!(reason.contains("opset 13 or later"), "{reason}")
			}
			other => panic!("expected a refusal, got {other:?}"),
		}
	}

	#[test]
	fn float_types_other_than_f32_are_refused() {
		let cast = with_attribute(
			node("Cast", &["x"], "y"),
			pb::AttributeProto {
				name: "to".into(),
				i: F64.into(),
				r#type: 2,
				..Default::default()
			},
		);
		assert!(refusal(&graph(vec![cast])).2.contains("only f32"));
		let half = pb::GraphProto {
			initializer: vec![pb::TensorProto {
				name: "w".into(),
				data_type: F16,
				..Default::default()
			}],
			..Default::default()
		};
		assert_eq!(refusal(&half).1, "initializer");
		let to_int = with_attribute(
			node("Cast", &["x"], "y"),
			pb::AttributeProto { name: "to".into(), i: 7, r#type: 2, ..Default::default() },
		);
		assert_eq!(check(&graph(vec![to_int])), Ok(()));
	}
}
