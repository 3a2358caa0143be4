//! Refusal of models that turn the last bits of float arithmetic into discrete results.
//!
//! tract picks SIMD kernels per CPU, so two honest validators can compute a float differing in
//! its last bits (different summation orders, FMA or not, different polynomial approximations
//! of `exp` or `tanh`). The outputs' comparison policy absorbs such differences in float
//! outputs, but a discrete operation amplifies them: an `ArgMax` over two nearly equal logits,
//! a `Greater` against a threshold, a `Cast` to an integer or a `Floor` can return a different
//! class, flag or integer on each CPU, and the validators in the minority would be slashed for
//! an honest answer. Whether a model does that is decided here, from the ONNX graph alone, so
//! every node reaches the same verdict whatever its CPU.
//!
//! # The rule
//!
//! A value *varies* when it may differ between CPUs:
//!
//! - graph inputs, initializers, `Constant` nodes and the outputs of `Shape`, `Size`,
//!   `ConstantOfShape` and `EyeLike` (which depend on shapes only) do not vary;
//! - the outputs of operators that copy elements bit for bit ([`COPYING`]: `Reshape`,
//!   `Transpose`, `Gather`, `Concat`, `Slice`, `Where`, `Cast`, ...) vary when one of their
//!   inputs varies;
//! - the float outputs of every other operator vary: they are the results of float arithmetic
//!   (`Exp` of a constant included, as tract may compute it with a CPU-specific kernel), and
//!   so are the float outputs of `If` and `Scan` and the float inputs of their bodies (the
//!   loop state);
//! - integer and bool values never vary: integer kernels are exact, and every way from a
//!   varying float to an integer is refused below.
//!
//! A node is refused with [`EngineError::FloatToDiscrete`] when it reads the values of a
//! varying input and either
//!
//! - produces an integer or bool output that is used (consumed by a node or a graph output):
//!   `ArgMax`, `ArgMin`, the indices of `TopK` and `MaxPool`, comparisons, `Cast` to an integer
//!   or bool, `NonZero`, `IsNaN`, `IsInf`, `QuantizeLinear`, `NonMaxSuppression`, the labels of
//!   classifiers, ... (reading only the input's shape, as `Shape` does, is not reading its
//!   values; `Dropout`'s mask does not depend on the values);
//! - or is a step function with float outputs ([`STEPS`]): `Round`, `Floor`, `Ceil`, `Sign`,
//!   `Hardmax`, `Mod`, `ThresholdedRelu`, `Shrink`, tree ensembles, and the inputs that
//!   `OneHot`, `Range`, `Resize` (scales) and nearest-mode `GridSample` round to integers.
//!
//! The rule is deliberately structural: it does not try to prove that a particular float
//! computation is exact on every CPU (`Relu` of an input, for one, counts as arithmetic).
//!
//! Element types are inferred from the graph: declared types of inputs, initializers and
//! constants, then per operator (see [`output_type`]). Nodes are visited in dependency order
//! whatever their order in the file; a cycle, a value produced twice or a value nobody
//! produces makes the model invalid.

use crate::error::EngineError;
use std::collections::{HashMap, HashSet, VecDeque};
use tract_onnx::pb;

/// ONNX `TensorProto.DataType` codes used by the type inference.
mod data_type {
	pub const FLOAT: i32 = 1;
	pub const UINT8: i32 = 2;
	pub const INT32: i32 = 6;
	pub const INT64: i32 = 7;
	pub const STRING: i32 = 8;
	pub const BOOL: i32 = 9;
}

/// Whether an ONNX element type is a floating-point (or complex) type: `FLOAT`, `FLOAT16`,
/// `DOUBLE`, `COMPLEX64`, `COMPLEX128`, `BFLOAT16`, the four `FLOAT8` types and `FLOAT4E2M1`.
fn is_float(elem_type: i32) -> bool {
	matches!(elem_type, 1 | 10 | 11 | 14 | 15 | 16 | 17..=20 | 23)
}

/// Operators whose outputs are copies of input elements (or of constants), converted without
/// arithmetic: their outputs vary exactly when an input does. `Cast` belongs here because its
/// conversions are exact or correctly rounded, identically on every CPU (a `Cast` of a
/// varying float to an integer is refused on its own).
const COPYING: &[&str] = &[
	"ArrayFeatureExtractor",
	"Cast",
	"CastLike",
	"Compress",
	"Concat",
	"DepthToSpace",
	"Dropout",
	"Expand",
	"Flatten",
	"Gather",
	"GatherElements",
	"GatherND",
	"Identity",
	"OneHot",
	"Pad",
	"Reshape",
	"Slice",
	"SpaceToDepth",
	"Split",
	"Squeeze",
	"Tile",
	"Transpose",
	"Trilu",
	"Unsqueeze",
	"Where",
];

/// Scatters copy their updates, unless they reduce them (`reduction` other than `none`).
const SCATTERS: &[&str] = &["Scatter", "ScatterElements", "ScatterND"];

/// Operators whose outputs never vary: constants, and values computed from shapes only.
const INVARIANT: &[&str] = &["Constant", "ConstantOfShape", "EyeLike", "Shape", "Size"];

/// Operators that read only the shape (or type) of all their inputs, never their values.
const SHAPE_READERS: &[&str] =
	&["ConstantLike", "EyeLike", "RandomNormalLike", "RandomUniformLike", "Shape", "Size"];

/// Step functions with float outputs, and the inputs they discretise: a last-bit change of
/// these inputs can move the output by a whole step.
const STEPS: &[(&str, &[usize])] = &[
	("Ceil", &[0]),
	("Floor", &[0]),
	("Hardmax", &[0]),
	("Mod", &[0, 1]),
	("OneHot", &[0, 1]),
	("Range", &[0, 1, 2]),
	("Resize", &[2]),
	("Round", &[0]),
	("Shrink", &[0]),
	("Sign", &[0]),
	("ThresholdedRelu", &[0]),
	("TreeEnsembleClassifier", &[0]),
	("TreeEnsembleRegressor", &[0]),
	("Upsample", &[1]),
];

/// What the analysis knows about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Value {
	/// ONNX element type, when known.
	elem_type: Option<i32>,
	/// Whether the value may differ between CPUs.
	varies: bool,
}

impl Value {
	const fn invariant(elem_type: Option<i32>) -> Value {
		Value { elem_type, varies: false }
	}

	/// A computed value: it varies if it is (or may be) a float.
	fn computed(elem_type: Option<i32>) -> Value {
		Value { elem_type, varies: elem_type.is_none_or(is_float) }
	}

	/// Known to be neither a float nor of unknown type.
	fn is_discrete(self) -> bool {
		self.elem_type.is_some_and(|t| !is_float(t))
	}
}

/// The values visible from a graph: its own, then those of the enclosing graphs.
struct Scope<'a> {
	values: HashMap<&'a str, Value>,
	parent: Option<&'a Scope<'a>>,
}

impl Scope<'_> {
	fn get(&self, name: &str) -> Option<Value> {
		match self.values.get(name) {
			Some(value) => Some(*value),
			None => self.parent.and_then(|parent| parent.get(name)),
		}
	}
}

fn invalid(detail: String) -> EngineError {
	EngineError::InvalidModel { detail }
}

/// Refuses a model whose graph feeds the results of float arithmetic into a discrete
/// operation (see the [module documentation](self)).
///
/// # Errors
///
/// [`EngineError::FloatToDiscrete`] for the first such node in dependency order, or
/// [`EngineError::InvalidModel`] if the graph has a cycle, produces a value twice or reads a
/// value nothing produces.
pub(crate) fn check(graph: &pb::GraphProto) -> Result<(), EngineError> {
	let mut used = HashSet::new();
	collect_used(graph, &mut used);
	analyse(graph, None, &used)
}

/// Every value read by a node or returned by a graph, in `graph` and its sub-graphs.
fn collect_used<'a>(graph: &'a pb::GraphProto, used: &mut HashSet<&'a str>) {
	used.extend(graph.output.iter().map(|output| output.name.as_str()));
	for node in &graph.node {
		used.extend(node.input.iter().map(String::as_str).filter(|name| !name.is_empty()));
		for subgraph in subgraphs(node) {
			collect_used(subgraph, used);
		}
	}
}

fn subgraphs(node: &pb::NodeProto) -> impl Iterator<Item = &pb::GraphProto> {
	node.attribute.iter().flat_map(|attribute| attribute.g.iter().chain(attribute.graphs.iter()))
}

pub(crate) fn declared_type(info: &pb::ValueInfoProto) -> Option<i32> {
	match info.r#type.as_ref()?.value.as_ref()? {
		pb::type_proto::Value::TensorType(tensor) => Some(tensor.elem_type),
	}
}

/// Analyses one graph; `parent` is the scope of the enclosing graph for a sub-graph.
fn analyse<'a>(
	graph: &'a pb::GraphProto,
	parent: Option<&'a Scope<'a>>,
	used: &HashSet<&str>,
) -> Result<(), EngineError> {
	let mut scope = Scope { values: HashMap::new(), parent };
	for input in &graph.input {
		let elem_type = declared_type(input);
		// A sub-graph's inputs carry loop state, computed by earlier iterations.
		let value =
			if parent.is_some() { Value::computed(elem_type) } else { Value::invariant(elem_type) };
		scope.values.insert(input.name.as_str(), value);
	}
	for initializer in &graph.initializer {
		scope
			.values
			.insert(initializer.name.as_str(), Value::invariant(Some(initializer.data_type)));
	}
	for sparse in &graph.sparse_initializer {
		if let Some(values) = &sparse.values {
			scope.values.insert(values.name.as_str(), Value::invariant(Some(values.data_type)));
		}
	}
	for index in dependency_order(graph)? {
		let Some(node) = graph.node.get(index) else { continue };
		let inputs = node
			.input
			.iter()
			.map(|name| {
				if name.is_empty() {
					// An omitted optional input.
					return Ok(None);
				}
				scope.get(name).map(Some).ok_or_else(|| {
					invalid(format!(
						"node {} reads {name:?}, which no node, graph input or initializer \
						 produces",
						label(node, index)
					))
				})
			})
			.collect::<Result<Vec<Option<Value>>, EngineError>>()?;
		for subgraph in subgraphs(node) {
			analyse(subgraph, Some(&scope), used)?;
		}
		let outputs: Vec<Value> =
			(0..node.output.len()).map(|slot| output_value(node, slot, &inputs)).collect();
		if refused(node, &inputs, &outputs, used) {
			return Err(EngineError::FloatToDiscrete {
				node: label(node, index),
				op: op_name(node),
			});
		}
		for (name, value) in node.output.iter().zip(outputs) {
			if !name.is_empty() {
				scope.values.insert(name.as_str(), value);
			}
		}
	}
	Ok(())
}

/// The node's name, else its first output's, else its position.
pub(crate) fn label(node: &pb::NodeProto, index: usize) -> String {
	if !node.name.is_empty() {
		node.name.clone()
	} else if let Some(output) = node.output.first().filter(|output| !output.is_empty()) {
		output.clone()
	} else {
		format!("#{index}")
	}
}

/// The operator type, prefixed by its domain when not the default one.
pub(crate) fn op_name(node: &pb::NodeProto) -> String {
	if node.domain.is_empty() || node.domain == "ai.onnx" {
		node.op_type.clone()
	} else {
		format!("{}.{}", node.domain, node.op_type)
	}
}

/// The indices of `graph.node` in an order where every node comes after the nodes producing
/// its inputs (including the values its sub-graphs read from this graph): Kahn's algorithm,
/// ties broken by position in the file, so the order is the file's when it is already
/// sorted.
fn dependency_order(graph: &pb::GraphProto) -> Result<Vec<usize>, EngineError> {
	let mut producer: HashMap<&str, usize> = HashMap::new();
	for (index, node) in graph.node.iter().enumerate() {
		for output in node.output.iter().filter(|output| !output.is_empty()) {
			if producer.insert(output.as_str(), index).is_some() {
				return Err(invalid(format!("value {output:?} is produced by two nodes")));
			}
		}
	}
	let count = graph.node.len();
	let mut pending = vec![0usize; count];
	let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
	for (index, node) in graph.node.iter().enumerate() {
		let mut reads = HashSet::new();
		reads.extend(node.input.iter().map(String::as_str));
		for subgraph in subgraphs(node) {
			collect_used(subgraph, &mut reads);
		}
		let mut sources: Vec<usize> =
			reads.iter().filter_map(|name| producer.get(name).copied()).collect();
		sources.sort_unstable();
		sources.dedup();
		for source in sources {
			if let (Some(list), Some(count)) = (dependents.get_mut(source), pending.get_mut(index))
			{
				list.push(index);
				*count = count.saturating_add(1);
			}
		}
	}
	let mut ready: VecDeque<usize> =
		pending.iter().enumerate().filter(|(_, n)| **n == 0).map(|(i, _)| i).collect();
	let mut order = Vec::with_capacity(count);
	while let Some(index) = ready.pop_front() {
		order.push(index);
		for &dependent in dependents.get(index).map(Vec::as_slice).unwrap_or_default() {
			if let Some(count) = pending.get_mut(dependent) {
				*count = count.saturating_sub(1);
				if *count == 0 {
					ready.push_back(dependent);
				}
			}
		}
	}
	if order.len() < count {
		let stuck = pending.iter().position(|n| *n > 0).unwrap_or_default();
		let name = graph.node.get(stuck).map(|node| label(node, stuck)).unwrap_or_default();
		return Err(invalid(format!("the graph has a cycle through node {name}")));
	}
	Ok(order)
}

pub(crate) fn attribute<'a>(node: &'a pb::NodeProto, name: &str) -> Option<&'a pb::AttributeProto> {
	node.attribute.iter().find(|attribute| attribute.name == name)
}

pub(crate) fn string_attribute<'a>(node: &'a pb::NodeProto, name: &str) -> Option<&'a [u8]> {
	attribute(node, name).map(|attribute| attribute.s.as_slice())
}

/// An integer attribute holding an element type, `0` (undefined) counting as absent.
pub(crate) fn type_attribute(node: &pb::NodeProto, name: &str) -> Option<i32> {
	attribute(node, name).and_then(|attribute| i32::try_from(attribute.i).ok()).filter(|t| *t != 0)
}

/// Whether the node returns copies of its inputs' elements (see [`COPYING`]).
fn is_copying(node: &pb::NodeProto) -> bool {
	let op = node.op_type.as_str();
	COPYING.contains(&op)
		|| (SCATTERS.contains(&op)
			&& string_attribute(node, "reduction")
				.is_none_or(|r| r.is_empty() || r == b"none".as_slice()))
}

/// What is known about output `slot` of `node`, given its inputs.
fn output_value(node: &pb::NodeProto, slot: usize, inputs: &[Option<Value>]) -> Value {
	let elem_type = output_type(node, slot, inputs);
	let op = node.op_type.as_str();
	if INVARIANT.contains(&op) {
		Value::invariant(elem_type)
	} else if is_copying(node) {
		let varies = inputs.iter().flatten().any(|input| input.varies);
		Value { elem_type, varies }
	} else {
		Value::computed(elem_type)
	}
}

/// The element type of output `slot` of `node`, from its attributes and input types: the
/// ONNX type constraints of the operators tract implements. Most operators return the type of
/// their first input.
fn output_type(node: &pb::NodeProto, slot: usize, inputs: &[Option<Value>]) -> Option<i32> {
	use data_type::*;
	let input = |index: usize| inputs.get(index).copied().flatten().and_then(|v| v.elem_type);
	match node.op_type.as_str() {
		"Constant" => constant_type(node),
		"Cast" => type_attribute(node, "to"),
		"CastLike" => input(1),
		"Equal" | "Greater" | "GreaterOrEqual" | "Less" | "LessOrEqual" | "And" | "Or" | "Xor"
		| "Not" | "IsInf" | "IsNaN" => Some(BOOL),
		"ArgMax" | "ArgMin" | "NonZero" | "Shape" | "Size" | "NonMaxSuppression" => Some(INT64),
		"TopK" | "MaxPool" if slot == 1 => Some(INT64),
		"Dropout" if slot == 1 => Some(BOOL),
		"ConstantOfShape" => {
			Some(attribute(node, "value").and_then(|a| a.t.as_ref()).map_or(FLOAT, |t| t.data_type))
		}
		"EyeLike" | "RandomNormalLike" | "RandomUniformLike" => {
			type_attribute(node, "dtype").or_else(|| input(0))
		}
		"RandomNormal" | "RandomUniform" => type_attribute(node, "dtype").or(Some(FLOAT)),
		"Multinomial" => type_attribute(node, "dtype").or(Some(INT32)),
		"Where" => input(1),
		"OneHot" => input(2),
		"QuantizeLinear" => type_attribute(node, "output_dtype").or(input(2)).or(Some(UINT8)),
		"DequantizeLinear" => input(1),
		"DynamicQuantizeLinear" => Some(if slot == 1 { FLOAT } else { UINT8 }),
		"QLinearConv" | "QLinearMatMul" => input(7).or(input(0)),
		"MatMulInteger" | "ConvInteger" => Some(INT32),
		"LinearClassifier" | "TreeEnsembleClassifier" => Some(match slot {
			0 if attribute(node, "classlabels_strings").is_some() => STRING,
			0 => INT64,
			_ => FLOAT,
		}),
		"LinearRegressor" | "Normalizer" | "TreeEnsembleRegressor" => Some(FLOAT),
		"CategoryMapper" => Some(if input(0) == Some(STRING) { INT64 } else { STRING }),
		"BlackmanWindow" | "HammingWindow" | "HannWindow" | "MelWeightMatrix" => {
			type_attribute(node, "output_datatype").or(Some(FLOAT))
		}
		"GatherBlockQuantized" => input(2),
		"If" => {
			let branch = attribute(node, "then_branch").and_then(|a| a.g.as_ref());
			branch.and_then(|g| g.output.get(slot)).and_then(declared_type)
		}
		// The body returns the loop condition first, then what `Loop` returns.
		"Loop" => {
			let body = attribute(node, "body").and_then(|a| a.g.as_ref());
			body.and_then(|g| g.output.get(slot.saturating_add(1))).and_then(declared_type)
		}
		"Scan" => {
			let body = attribute(node, "body").and_then(|a| a.g.as_ref());
			body.and_then(|g| g.output.get(slot)).and_then(declared_type)
		}
		_ => input(0),
	}
}

/// The element type of a `Constant` node's value.
fn constant_type(node: &pb::NodeProto) -> Option<i32> {
	use data_type::*;
	node.attribute.iter().find_map(|attribute| match attribute.name.as_str() {
		"value" => attribute.t.as_ref().map(|t| t.data_type),
		"sparse_value" => {
			attribute.sparse_tensor.as_ref().and_then(|s| s.values.as_ref()).map(|t| t.data_type)
		}
		"value_float" | "value_floats" => Some(FLOAT),
		"value_int" | "value_ints" => Some(INT64),
		"value_string" | "value_strings" => Some(STRING),
		_ => None,
	})
}

/// Whether `node` turns a varying input into a discrete result (see the
/// [module documentation](self)).
fn refused(
	node: &pb::NodeProto,
	inputs: &[Option<Value>],
	outputs: &[Value],
	used: &HashSet<&str>,
) -> bool {
	let op = node.op_type.as_str();
	let varies = |index: usize| inputs.get(index).copied().flatten().is_some_and(|v| v.varies);
	if let Some((_, steps)) = STEPS.iter().find(|(name, _)| *name == op) {
		if steps.iter().any(|&index| varies(index)) {
			return true;
		}
	}
	if op == "GridSample"
		&& string_attribute(node, "mode") == Some(b"nearest".as_slice())
		&& varies(1)
	{
		return true;
	}
	// Control flow is judged inside its bodies, and a mask of `Dropout` does not depend on the
	// values.
	if SHAPE_READERS.contains(&op) || op == "Dropout" || subgraphs(node).next().is_some() {
		return false;
	}
	let reads_varying = match op {
		// `CastLike` reads only the type of its second input.
		"CastLike" => varies(0),
		_ => (0..inputs.len()).any(varies),
	};
	reads_varying
		&& node.output.iter().zip(outputs).any(|(name, value)| {
			!name.is_empty() && used.contains(name.as_str()) && value.is_discrete()
		})
}

#[cfg(test)]
mod tests {
	use super::*;

	const F32: i32 = 1;
	const I8: i32 = 3;
	const I64: i32 = 7;

	fn node(op: &str, inputs: &[&str], outputs: &[&str]) -> pb::NodeProto {
		pb::NodeProto {
			op_type: op.into(),
			name: outputs.first().map(|o| format!("{o}_node")).unwrap_or_default(),
			input: inputs.iter().map(|s| (*s).to_owned()).collect(),
			output: outputs.iter().map(|s| (*s).to_owned()).collect(),
			..Default::default()
		}
	}

	fn with_int(mut node: pb::NodeProto, name: &str, value: i64) -> pb::NodeProto {
		node.attribute.push(pb::AttributeProto {
			name: name.into(),
			i: value,
			r#type: 2,
			..Default::default()
		});
		node
	}

	fn with_graph(mut node: pb::NodeProto, name: &str, graph: pb::GraphProto) -> pb::NodeProto {
		node.attribute.push(pb::AttributeProto {
			name: name.into(),
			g: Some(graph),
			r#type: 5,
			..Default::default()
		});
		node
	}

	fn info(name: &str, elem_type: i32) -> pb::ValueInfoProto {
		pb::ValueInfoProto {
			name: name.into(),
			r#type: Some(pb::TypeProto {
				value: Some(pb::type_proto::Value::TensorType(pb::type_proto::Tensor {
					elem_type,
					shape: None,
				})),
				..Default::default()
			}),
			..Default::default()
		}
	}

	fn initializer(name: &str, data_type: i32) -> pb::TensorProto {
		pb::TensorProto { name: name.into(), data_type, dims: vec![1], ..Default::default() }
	}

	/// A graph with input `x` of type `input_type`, float initializers `w` and `c`, integer
	/// initializer `k`, and outputs `outputs` (typed f32; the analysis does not use them).
	fn graph(input_type: i32, nodes: Vec<pb::NodeProto>, outputs: &[&str]) -> pb::GraphProto {
		pb::GraphProto {
			node: nodes,
			input: vec![info("x", input_type)],
			output: outputs.iter().map(|o| info(o, F32)).collect(),
			initializer: vec![initializer("w", F32), initializer("c", F32), initializer("k", I64)],
			..Default::default()
		}
	}

	fn refused_at(result: Result<(), EngineError>) -> Option<(String, String)> {
		match result {
			Ok(()) => None,
			Err(EngineError::FloatToDiscrete { node, op }) => Some((node, op)),
			Err(other) => panic!("unexpected error {other}"),
		}
	}

	fn verdict(input_type: i32, nodes: Vec<pb::NodeProto>, outputs: &[&str]) -> Option<String> {
		refused_at(check(&graph(input_type, nodes, outputs))).map(|(_, op)| op)
	}

	#[test]
	fn argmax_of_float_arithmetic_is_refused() {
		let nodes = vec![
			node("MatMul", &["x", "w"], &["h"]),
			node("Relu", &["h"], &["r"]),
			node("ArgMax", &["r"], &["class"]),
		];
		let result = check(&graph(F32, nodes, &["class"]));
		assert_eq!(refused_at(result), Some(("class_node".into(), "ArgMax".into())));
	}

	#[test]
	fn raw_inputs_and_constants_may_be_discretised() {
		let greater = vec![node("Greater", &["x", "c"], &["flag"])];
		assert_eq!(verdict(F32, greater, &["flag"]), None);
		let moved = vec![
			node("Reshape", &["x", "k"], &["flat"]),
			node("Transpose", &["flat"], &["t"]),
			node("ArgMax", &["t"], &["class"]),
		];
		assert_eq!(verdict(F32, moved, &["class"]), None);
		let constant = vec![node("Floor", &["c"], &["f"]), node("Add", &["x", "f"], &["y"])];
		assert_eq!(verdict(F32, constant, &["y"]), None);
	}

	#[test]
	fn integer_arithmetic_may_be_discretised() {
		let nodes = vec![
			node("MatMulInteger", &["x", "x"], &["acc"]),
			node("ArgMax", &["acc"], &["class"]),
			with_int(node("Cast", &["acc"], &["f"]), "to", i64::from(F32)),
			node("ArgMax", &["f"], &["class_of_cast"]),
		];
		assert_eq!(verdict(I8, nodes, &["class", "class_of_cast"]), None);
	}

	#[test]
	fn moving_a_varying_value_keeps_it_varying() {
		let nodes = vec![
			node("Mul", &["x", "w"], &["m"]),
			node("Reshape", &["m", "k"], &["flat"]),
			node("Concat", &["flat", "x"], &["both"]),
			node("LessOrEqual", &["both", "c"], &["flag"]),
		];
		assert_eq!(verdict(F32, nodes, &["flag"]).as_deref(), Some("LessOrEqual"));
	}

	#[test]
	fn arithmetic_on_constants_varies() {
		let nodes = vec![node("Exp", &["c"], &["e"]), node("Greater", &["x", "e"], &["flag"])];
		assert_eq!(verdict(F32, nodes, &["flag"]).as_deref(), Some("Greater"));
	}

	#[test]
	fn casts_to_integers_and_steps_are_refused() {
		let cast = vec![
			node("Mul", &["x", "w"], &["m"]),
			with_int(node("Cast", &["m"], &["i"]), "to", i64::from(I64)),
		];
		assert_eq!(verdict(F32, cast, &["i"]).as_deref(), Some("Cast"));
		let widening = vec![
			node("Mul", &["x", "w"], &["m"]),
			with_int(node("Cast", &["m"], &["d"]), "to", 11),
		];
		assert_eq!(verdict(F32, widening, &["d"]), None);
		let floor = vec![node("Mul", &["x", "w"], &["m"]), node("Floor", &["m"], &["f"])];
		assert_eq!(verdict(F32, floor, &["f"]).as_deref(), Some("Floor"));
		let range = vec![node("Mul", &["x", "w"], &["m"]), node("Range", &["c", "m", "c"], &["r"])];
		assert_eq!(verdict(F32, range, &["r"]).as_deref(), Some("Range"));
	}

	#[test]
	fn only_used_discrete_outputs_count() {
		let values_only = vec![
			node("Mul", &["x", "w"], &["m"]),
			node("TopK", &["m", "k"], &["values", "indices"]),
		];
		assert_eq!(verdict(F32, values_only, &["values"]), None);
		let indices = vec![
			node("Mul", &["x", "w"], &["m"]),
			node("TopK", &["m", "k"], &["values", "indices"]),
		];
		assert_eq!(verdict(F32, indices, &["indices"]).as_deref(), Some("TopK"));
		let shape = vec![node("Mul", &["x", "w"], &["m"]), node("Shape", &["m"], &["s"])];
		assert_eq!(verdict(F32, shape, &["s"]), None);
	}

	#[test]
	fn sub_graphs_see_the_enclosing_values() {
		let body = |compared: &str| pb::GraphProto {
			node: vec![node("Greater", &[compared, "c"], &["flag"])],
			output: vec![info("flag", 9)],
			..Default::default()
		};
		let with_body = |compared: &str| {
			vec![
				node("Mul", &["x", "w"], &["m"]),
				with_graph(
					with_graph(node("If", &["cond"], &["out"]), "then_branch", body(compared)),
					"else_branch",
					body(compared),
				),
			]
		};
		let mut accepted = graph(F32, with_body("x"), &["out"]);
		accepted.input.push(info("cond", 9));
		assert_eq!(refused_at(check(&accepted)), None);
		let mut refused = graph(F32, with_body("m"), &["out"]);
		refused.input.push(info("cond", 9));
		assert_eq!(refused_at(check(&refused)).map(|(_, op)| op).as_deref(), Some("Greater"));
	}

	#[test]
	fn node_order_does_not_matter() {
		let nodes = vec![
			node("ArgMax", &["r"], &["class"]),
			node("Relu", &["h"], &["r"]),
			node("MatMul", &["x", "w"], &["h"]),
		];
		assert_eq!(verdict(F32, nodes, &["class"]).as_deref(), Some("ArgMax"));
	}

	#[test]
	fn malformed_graphs_are_invalid() {
		let cycle = vec![node("Add", &["x", "b"], &["a"]), node("Relu", &["a"], &["b"])];
		let error = check(&graph(F32, cycle, &["a"])).expect_err("cycle");
		assert!(matches!(&error, EngineError::InvalidModel { detail } if detail.contains("cycle")));
		let twice = vec![node("Relu", &["x"], &["a"]), node("Neg", &["x"], &["a"])];
		let error = check(&graph(F32, twice, &["a"])).expect_err("twice");
		assert!(matches!(&error, EngineError::InvalidModel { detail } if detail.contains("two")));
		let dangling = vec![node("Relu", &["nowhere"], &["a"])];
		let error = check(&graph(F32, dangling, &["a"])).expect_err("dangling");
		assert!(
			matches!(&error, EngineError::InvalidModel { detail } if detail.contains("nowhere"))
		);
	}
}
