//! Refusal of operator configurations that tract computes wrong.
//!
//! Running ONNX's backend test cases through the engine (`docs/conformance.md`,
//! `scripts/conformance/`) found operator configurations for which tract 0.23 returns a wrong
//! answer. These are the worst engine bugs for the chain: the logic is wrong, not a CPU
//! specific kernel, so every validator computes the same wrong answer, a quorum finalises it
//! and a challenge, re-executed with the same engine, confirms it. Until tract is fixed, the
//! engine refuses them when it loads the model, deterministically (the verdict depends on the
//! ONNX graph and the signature alone), with [`EngineError::UnsupportedOperator`] (on-chain
//! code `UNSUPPORTED_OPERATOR`) and a message naming the node, the operator, the attribute and
//! what tract gets wrong. Configurations that tract computes right are not refused.
//!
//! Four steps, from [`compile`](crate::compile) and [`Engine::run`](crate::Engine::run):
//!
//! 1. [`check`] walks the ONNX graph (and its sub-graphs) before tract reads it: every rule
//!    below that can be decided from the protobuf (attributes, initializers, `Constant`s).
//! 2. [`check_analysed`] looks at the shapes tract's analysis found for the inputs of
//!    `ReduceMax`/`ReduceMin` (a possibly empty axis).
//! 3. [`check_typed`] looks at the typed model, before optimisation, for a causal `Attention`
//!    whose sequence lengths are symbolic.
//! 4. What only the inputs of a run can decide (an index of `OneHot` out of range, an axis of
//!    a `ReduceMax` that an input makes empty) is checked by [`RunGuards::check`] before each
//!    run (from [`Engine::run`](crate::Engine::run)), and refused with
//!    [`EngineError::Execution`] (`MODEL_EXECUTION`, deterministic).
//!
//! The rules, each with the conformance cases (onnx 1.23.2) that found it:
//!
//! - `GRU`, `LSTM`, `RNN` with `direction = "reverse"` (`test_gru_reverse`,
//!   `test_lstm_reverse`, `test_simple_rnn_reverse`); with `activations` other than the
//!   defaults, a `clip` or LSTM's `input_forget = 1` (no case: tract's importer never reads
//!   them);
//! - `Attention` with `left_window_size` or `right_window_size` other than -1
//!   (`test_attention_*window*`); with `is_causal = 1` and `past_key`/`past_value`
//!   (`test_attention_4d_causal_with_past_and_present`); with `is_causal = 1` and query and key
//!   lengths unknown at load that may differ (no case: tract's source);
//! - `SpaceToDepth` with `mode = "CRD"` (`test_spacetodepth_crd_mode_example`);
//! - `Swish` with `alpha` other than 1 (`test_swiglu_alpha_expanded`);
//! - `BitShift` unless the shift amounts are a constant with every value in [0, bit width)
//!   (`test_bitshift_*_negative_shift`, `test_bitshift_*_shift_ge_width`);
//! - `ReduceMax`, `ReduceMin` on floats over an axis of length 0, or of a length the input
//!   shapes do not determine (checked before each run when they do)
//!   (`test_reduce_max_empty_set`, `test_reduce_min_empty_set`);
//! - `OneHot` unless its indices are constants in range or a graph input (checked before each
//!   run: integers, or floats holding integers, in [-depth, depth - 1])
//!   (`test_onehot_out_of_range_indices`: tract panics, a local failure on which validators
//!   would abstain instead of agreeing).
//!
//! To lift a rule once tract is fixed: bump tract, run the conformance cases the rule cites,
//! and remove the rule and its test.

use crate::error::EngineError;
use opg_inference_primitives::{ElementType, Tensor};
use std::collections::{HashMap, HashSet};
use tract_onnx::{
	pb,
	prelude::{InferenceModel, Symbol, SymbolValues, TDim, TypedModel, TypedNode},
	tract_core::ops::{logic::IfThenElse, scan::Scan},
	tract_hir::infer::Factoid,
};

/// The end of every refusal message of this module (the conformance script classifies the
/// refusals by it).
const WRONG: &str = "tract 0.23 computes this configuration wrong, and every validator would \
                     agree on the wrong result";

/// The end of every refusal of a run by [`RunGuards::check`].
const GUARDED: &str = "refused before running";

/// ONNX `TensorProto.DataType` codes.
mod data_type {
	pub const FLOAT: i32 = 1;
	pub const UINT8: i32 = 2;
	pub const INT8: i32 = 3;
	pub const UINT16: i32 = 4;
	pub const INT16: i32 = 5;
	pub const INT32: i32 = 6;
	pub const INT64: i32 = 7;
	pub const DOUBLE: i32 = 11;
	pub const UINT32: i32 = 12;
	pub const UINT64: i32 = 13;
}

/// Checks the engine makes before each run of a model, for configurations only the inputs
/// decide. Empty for almost every model.
#[derive(Debug, Default, Clone)]
pub(crate) struct RunGuards {
	/// `OneHot` nodes whose indices are a graph input: the input's index, the depth, the node.
	one_hot: Vec<(usize, i64, String)>,
	/// Float `ReduceMax`/`ReduceMin` over a symbolic axis: its extent, the operator, the node.
	reductions: Vec<(TDim, &'static str, String)>,
	/// The dimensions of the model's inputs, to resolve the symbols of `reductions`.
	input_dims: Vec<Vec<TDim>>,
}

impl RunGuards {
	/// Refuses inputs for which tract would compute a wrong answer or panic.
	///
	/// # Errors
	///
	/// [`EngineError::Execution`] (deterministic: it depends on the inputs alone).
	pub(crate) fn check(&self, inputs: &[Tensor]) -> Result<(), EngineError> {
		for (input, depth, node) in &self.one_hot {
			let Some(tensor) = inputs.get(*input) else { continue };
			// ONNX gives a row of `off_value` for an index outside [-depth, depth - 1];
			// tract writes out of bounds and panics.
			let in_range = |index: i128| (-i128::from(*depth)..i128::from(*depth)).contains(&index);
			match indices(tensor) {
				Some(values) if values.iter().copied().all(in_range) => {}
				_ => {
					return Err(EngineError::Execution {
						detail: format!(
							"input {input} holds an index of node {node:?} (OneHot) that is not \
							 an integer in [-{depth}, {}], on which tract panics or truncates \
							 where ONNX gives a row of off_value: {GUARDED}",
							depth.saturating_sub(1)
						),
					})
				}
			}
		}
		if self.reductions.is_empty() {
			return Ok(());
		}
		let mut values = SymbolValues::default();
		for (dims, tensor) in self.input_dims.iter().zip(inputs) {
			for (dim, extent) in dims.iter().zip(tensor.shape.iter()) {
				if let TDim::Sym(symbol) = dim {
					values.set(symbol, i64::from(*extent));
				}
			}
		}
		for (extent, op, node) in &self.reductions {
			if extent.maybe_eval_to_i64(&values).is_none_or(|extent| extent <= 0) {
				return Err(EngineError::Execution {
					detail: format!(
						"node {node:?} ({op}) reduces an empty axis for these inputs, where ONNX \
						 gives an infinity and tract the largest finite float: {GUARDED}"
					),
				});
			}
		}
		Ok(())
	}
}

/// The refusal of a configuration of `node`.
fn refuse(node: &pb::NodeProto, index: usize, what: impl std::fmt::Display) -> EngineError {
	EngineError::UnsupportedOperator {
		name: op_name(node),
		reason: Some(format!("node {:?}: {what}; {WRONG}", label(node, index))),
	}
}

/// A node's name, else the name of its first output given, else its position.
fn label(node: &pb::NodeProto, index: usize) -> String {
	if !node.name.is_empty() {
		node.name.clone()
	} else if let Some(output) = node.output.iter().find(|output| !output.is_empty()) {
		output.clone()
	} else {
		format!("#{index}")
	}
}

/// The name tract gives the node of a top-level graph: its name, else its first output's
/// name (else a name made of its position in tract's model, which cannot be known here).
fn tract_name(node: &pb::NodeProto) -> Option<String> {
	if !node.name.is_empty() {
		Some(node.name.clone())
	} else {
		node.output.first().filter(|output| !output.is_empty()).cloned()
	}
}

/// The operator type, prefixed by its domain when not the default one.
fn op_name(node: &pb::NodeProto) -> String {
	if is_default_domain(node) {
		node.op_type.clone()
	} else {
		format!("{}.{}", node.domain, node.op_type)
	}
}

fn is_default_domain(node: &pb::NodeProto) -> bool {
	node.domain.is_empty() || node.domain == "ai.onnx"
}

fn attribute<'a>(node: &'a pb::NodeProto, name: &str) -> Option<&'a pb::AttributeProto> {
	node.attribute.iter().find(|attribute| attribute.name == name)
}

fn int_attribute(node: &pb::NodeProto, name: &str) -> Option<i64> {
	attribute(node, name).map(|attribute| attribute.i)
}

fn string_attribute<'a>(node: &'a pb::NodeProto, name: &str) -> Option<&'a [u8]> {
	attribute(node, name).map(|attribute| attribute.s.as_slice())
}

/// The name of input `slot` of `node`, if given.
fn input(node: &pb::NodeProto, slot: usize) -> Option<&str> {
	node.input.get(slot).map(String::as_str).filter(|name| !name.is_empty())
}

/// A value known when the model is loaded: an initializer or the output of a `Constant`.
#[derive(Clone, Copy)]
enum Known<'a> {
	Tensor(&'a pb::TensorProto),
	/// `Constant`'s `value_int` or `value_ints` (int64).
	Ints(&'a [i64]),
}

/// The values of `graph` and its enclosing graphs known at load.
#[derive(Clone, Default)]
struct Scope<'a> {
	known: HashMap<&'a str, Known<'a>>,
	/// The graph inputs of the top-level graph that tract turns into model inputs, in order,
	/// with their declared element types.
	inputs: Vec<(&'a str, Option<i32>)>,
	top_level: bool,
}

impl<'a> Scope<'a> {
	fn enter(&self, graph: &'a pb::GraphProto, top_level: bool) -> Scope<'a> {
		let mut scope = Scope { known: self.known.clone(), inputs: Vec::new(), top_level };
		// A body's inputs shadow the values of the enclosing graphs.
		for input in &graph.input {
			scope.known.remove(input.name.as_str());
		}
		for initializer in &graph.initializer {
			scope.known.insert(initializer.name.as_str(), Known::Tensor(initializer));
		}
		if top_level {
			scope.inputs = graph
				.input
				.iter()
				.filter(|input| !graph.initializer.iter().any(|i| i.name == input.name))
				.map(|input| (input.name.as_str(), declared_type(input)))
				.collect();
		}
		for node in &graph.node {
			if node.op_type != "Constant" || !is_default_domain(node) {
				continue;
			}
			let Some(output) = node.output.first() else { continue };
			let value = node.attribute.iter().find_map(|attribute| match attribute.name.as_str() {
				"value" => attribute.t.as_ref().map(Known::Tensor),
				"value_int" => Some(Known::Ints(std::slice::from_ref(&attribute.i))),
				"value_ints" => Some(Known::Ints(&attribute.ints)),
				_ => None,
			});
			if let Some(value) = value {
				scope.known.insert(output.as_str(), value);
			}
		}
		scope
	}

	/// The integer values of a known value and its element width in bits.
	fn integers(&self, name: &str) -> Option<(u32, Vec<i128>)> {
		match self.known.get(name)? {
			Known::Tensor(tensor) => tensor_integers(tensor),
			Known::Ints(values) => Some((64, values.iter().copied().map(i128::from).collect())),
		}
	}

	/// A known scalar (or one-element tensor) as an integer: integer types, and floats
	/// holding an integer (`OneHot`'s `depth` may be a float).
	fn scalar(&self, name: &str) -> Option<i64> {
		let values = match self.known.get(name)? {
			Known::Tensor(tensor) => match tensor.data_type {
				data_type::FLOAT | data_type::DOUBLE => tensor_floats(tensor)?
					.into_iter()
					.map(|value| integral(value).and_then(|value| i64::try_from(value).ok()))
					.collect::<Option<Vec<_>>>()?,
				_ => tensor_integers(tensor)?
					.1
					.into_iter()
					.map(|value| i64::try_from(value).ok())
					.collect::<Option<Vec<_>>>()?,
			},
			Known::Ints(values) => values.to_vec(),
		};
		match values.as_slice() {
			[value] => Some(*value),
			_ => None,
		}
	}
}

/// The element type a graph input declares.
fn declared_type(info: &pb::ValueInfoProto) -> Option<i32> {
	let pb::type_proto::Value::TensorType(tensor) = info.r#type.as_ref()?.value.as_ref()?;
	Some(tensor.elem_type)
}

/// Little-endian fixed-size chunks of `bytes`, `None` if the length is not a multiple.
fn chunks<const N: usize>(bytes: &[u8]) -> Option<Vec<[u8; N]>> {
	let chunks = bytes.chunks_exact(N);
	if !chunks.remainder().is_empty() {
		return None;
	}
	chunks.map(|chunk| <[u8; N]>::try_from(chunk).ok()).collect()
}

/// The values of an integer tensor stored in the model, with its width in bits.
fn tensor_integers(tensor: &pb::TensorProto) -> Option<(u32, Vec<i128>)> {
	use data_type::*;
	let raw = &tensor.raw_data;
	let from_raw = !raw.is_empty();
	let values: Vec<i128> = match tensor.data_type {
		INT8 | UINT8 | INT16 | UINT16 | INT32 if !from_raw => {
			tensor.int32_data.iter().copied().map(i128::from).collect()
		}
		INT64 if !from_raw => tensor.int64_data.iter().copied().map(i128::from).collect(),
		UINT32 | UINT64 if !from_raw => {
			tensor.uint64_data.iter().copied().map(i128::from).collect()
		}
		INT8 => chunks::<1>(raw)?.into_iter().map(|b| i128::from(i8::from_le_bytes(b))).collect(),
		UINT8 => chunks::<1>(raw)?.into_iter().map(|b| i128::from(u8::from_le_bytes(b))).collect(),
		INT16 => chunks::<2>(raw)?.into_iter().map(|b| i128::from(i16::from_le_bytes(b))).collect(),
		UINT16 => {
			chunks::<2>(raw)?.into_iter().map(|b| i128::from(u16::from_le_bytes(b))).collect()
		}
		INT32 => chunks::<4>(raw)?.into_iter().map(|b| i128::from(i32::from_le_bytes(b))).collect(),
		UINT32 => {
			chunks::<4>(raw)?.into_iter().map(|b| i128::from(u32::from_le_bytes(b))).collect()
		}
		INT64 => chunks::<8>(raw)?.into_iter().map(|b| i128::from(i64::from_le_bytes(b))).collect(),
		UINT64 => {
			chunks::<8>(raw)?.into_iter().map(|b| i128::from(u64::from_le_bytes(b))).collect()
		}
		_ => return None,
	};
	let bits = match tensor.data_type {
		INT8 | UINT8 => 8,
		INT16 | UINT16 => 16,
		INT32 | UINT32 => 32,
		_ => 64,
	};
	Some((bits, values))
}

/// The values of a `FLOAT` or `DOUBLE` tensor stored in the model.
fn tensor_floats(tensor: &pb::TensorProto) -> Option<Vec<f64>> {
	let raw = &tensor.raw_data;
	match tensor.data_type {
		data_type::FLOAT if raw.is_empty() => {
			Some(tensor.float_data.iter().copied().map(f64::from).collect())
		}
		data_type::FLOAT => {
			Some(chunks::<4>(raw)?.into_iter().map(|b| f64::from(f32::from_le_bytes(b))).collect())
		}
		data_type::DOUBLE if raw.is_empty() => Some(tensor.double_data.clone()),
		data_type::DOUBLE => Some(chunks::<8>(raw)?.into_iter().map(f64::from_le_bytes).collect()),
		_ => None,
	}
}

/// A float that holds an integer, as one (`None` otherwise: NaN, infinities, fractions).
fn integral(value: f64) -> Option<i128> {
	// Below 2^62 every integral float converts exactly.
	(value.is_finite() && value.fract() == 0.0 && value.abs() < 4.6e18).then_some(value as i128)
}

/// The values of a canonical tensor of indices: integers, or floats that hold integers (`None`
/// for bools and for a float that is not an integer).
fn indices(tensor: &Tensor) -> Option<Vec<i128>> {
	let data: &[u8] = &tensor.data;
	match tensor.element_type {
		ElementType::F32 => chunks::<4>(data)?
			.into_iter()
			.map(|b| integral(f64::from(f32::from_le_bytes(b))))
			.collect(),
		ElementType::F64 => {
			chunks::<8>(data)?.into_iter().map(|b| integral(f64::from_le_bytes(b))).collect()
		}
		_ => integers(tensor),
	}
}

/// The values of an integer canonical tensor (`None` for floats and bools).
fn integers(tensor: &Tensor) -> Option<Vec<i128>> {
	let data: &[u8] = &tensor.data;
	let values = match tensor.element_type {
		ElementType::I8 => {
			chunks::<1>(data)?.into_iter().map(|b| i128::from(i8::from_le_bytes(b))).collect()
		}
		ElementType::U8 => {
			chunks::<1>(data)?.into_iter().map(|b| i128::from(u8::from_le_bytes(b))).collect()
		}
		ElementType::I16 => {
			chunks::<2>(data)?.into_iter().map(|b| i128::from(i16::from_le_bytes(b))).collect()
		}
		ElementType::I32 => {
			chunks::<4>(data)?.into_iter().map(|b| i128::from(i32::from_le_bytes(b))).collect()
		}
		ElementType::I64 => {
			chunks::<8>(data)?.into_iter().map(|b| i128::from(i64::from_le_bytes(b))).collect()
		}
		_ => return None,
	};
	Some(values)
}

/// What [`check`] leaves to the later steps.
#[derive(Debug, Default)]
pub(crate) struct Pending {
	/// The guards found so far (`OneHot` on graph inputs).
	guards: RunGuards,
	/// Causal `Attention` nodes without a past, by the name tract gives them.
	causal_attention: Vec<String>,
	/// `ReduceMax` and `ReduceMin` nodes.
	reductions: Vec<Reduction>,
}

/// A `ReduceMax` or `ReduceMin` node, as the protobuf gives it.
#[derive(Debug)]
struct Reduction {
	/// The name tract gives the node.
	name: String,
	/// `ReduceMax` or `ReduceMin`.
	op: &'static str,
	/// The reduced axes (`None`: every axis), or why they are not known at load.
	axes: Result<Option<Vec<i64>>, &'static str>,
	/// Whether the node is in the top-level graph (not in the body of an `If` or `Scan`).
	top_level: bool,
}

/// Checks every node of `graph` and its sub-graphs against the rules decided from the
/// protobuf.
///
/// # Errors
///
/// [`EngineError::UnsupportedOperator`] for the first node tract would compute wrong.
pub(crate) fn check(graph: &pb::GraphProto) -> Result<Pending, EngineError> {
	let mut pending = Pending::default();
	walk(graph, &Scope::default().enter(graph, true), &mut pending)?;
	Ok(pending)
}

fn walk<'a>(
	graph: &'a pb::GraphProto,
	scope: &Scope<'a>,
	pending: &mut Pending,
) -> Result<(), EngineError> {
	for (index, node) in graph.node.iter().enumerate() {
		if is_default_domain(node) {
			check_node(node, index, scope, pending)?;
		}
		for attribute in &node.attribute {
			for body in attribute.g.iter().chain(attribute.graphs.iter()) {
				walk(body, &scope.enter(body, false), pending)?;
			}
		}
	}
	Ok(())
}

fn check_node(
	node: &pb::NodeProto,
	index: usize,
	scope: &Scope<'_>,
	pending: &mut Pending,
) -> Result<(), EngineError> {
	match node.op_type.as_str() {
		"GRU" | "LSTM" | "RNN" => recurrent(node, index),
		"Attention" => attention(node, index, pending),
		// test_spacetodepth_crd_mode_example: tract's SpaceToDepth reads no `mode` and always
		// moves the blocks in DCR order (`DepthToSpace` does read it, and is right in both).
		"SpaceToDepth" => match string_attribute(node, "mode") {
			Some(b"CRD") => Err(refuse(
				node,
				index,
				"mode = \"CRD\" is computed as \"DCR\" (tract ignores the attribute)",
			)),
			_ => Ok(()),
		},
		// test_swiglu_alpha_expanded: tract's Swish is `x * sigmoid(x)` whatever `alpha`.
		"Swish" => match attribute(node, "alpha").map(|attribute| attribute.f) {
			Some(alpha) if alpha != 1.0 => Err(refuse(
				node,
				index,
				format!("alpha = {alpha} is computed as 1 (tract ignores the attribute)"),
			)),
			_ => Ok(()),
		},
		"BitShift" => bit_shift(node, index, scope),
		"ReduceMax" | "ReduceMin" => {
			reduction(node, index, scope, pending);
			Ok(())
		}
		"OneHot" => one_hot(node, index, scope, pending),
		_ => Ok(()),
	}
}

/// `GRU`, `LSTM`, `RNN`: tract's importer reads only `layout`, `linear_before_reset` and the
/// number of directions (from the weights' shape).
fn recurrent(node: &pb::NodeProto, index: usize) -> Result<(), EngineError> {
	// test_gru_reverse, test_lstm_reverse, test_simple_rnn_reverse: with one direction tract
	// always runs the sequence forwards (`bidirectional` is right: its second direction runs
	// backwards).
	if string_attribute(node, "direction") == Some(b"reverse") {
		return Err(refuse(
			node,
			index,
			"direction = \"reverse\" is run forwards (tract ignores the attribute)",
		));
	}
	// Not in ONNX's cases, found in tract's source: the activations are always the default
	// ones, `clip` is never applied, and LSTM's `input_forget` never couples the gates.
	let defaults: &[&[u8]] = match node.op_type.as_str() {
		"GRU" => &[b"Sigmoid", b"Tanh"],
		"LSTM" => &[b"Sigmoid", b"Tanh", b"Tanh"],
		_ => &[b"Tanh"],
	};
	if let Some(activations) = attribute(node, "activations") {
		let names: Vec<&[u8]> = activations.strings.iter().map(Vec::as_slice).collect();
		let per_direction = defaults.len();
		let default = !names.is_empty()
			&& names.len().is_multiple_of(per_direction)
			&& names.chunks(per_direction).all(|chunk| chunk == defaults);
		if !default {
			let names: Vec<String> =
				names.iter().map(|name| String::from_utf8_lossy(name).into_owned()).collect();
			return Err(refuse(
				node,
				index,
				format!(
					"activations = {names:?} are computed with the default ones (tract ignores \
					 the attribute)"
				),
			));
		}
	}
	if let Some(clip) = attribute(node, "clip") {
		return Err(refuse(
			node,
			index,
			format!("clip = {} is not applied (tract ignores the attribute)", clip.f),
		));
	}
	if node.op_type == "LSTM" && int_attribute(node, "input_forget").is_some_and(|v| v != 0) {
		return Err(refuse(
			node,
			index,
			"input_forget = 1 is not applied (tract ignores the attribute)",
		));
	}
	Ok(())
}

/// `Attention` (opset 23+).
fn attention(node: &pb::NodeProto, index: usize, pending: &mut Pending) -> Result<(), EngineError> {
	// test_attention_local_window, test_attention_3d_local_window,
	// test_attention_local_window_with_past, test_attention_bidirectional_window: tract reads
	// no window size and attends to every key.
	for name in ["left_window_size", "right_window_size"] {
		if let Some(size) = int_attribute(node, name).filter(|size| *size != -1) {
			return Err(refuse(
				node,
				index,
				format!("{name} = {size} is ignored: tract attends to every key"),
			));
		}
	}
	if int_attribute(node, "is_causal").unwrap_or(0) == 0 {
		return Ok(());
	}
	// test_attention_4d_causal_with_past_and_present: with a past, ONNX aligns the causal
	// mask on the last query and key (query i sees key j iff j <= i + past length); tract
	// aligns it on the first ones (j <= i) when the lengths are known at load.
	if input(node, 4).is_some() || input(node, 5).is_some() {
		return Err(refuse(
			node,
			index,
			"is_causal = 1 with past_key/past_value: tract does not offset the causal mask by \
			 the past length",
		));
	}
	// Without a past, tract is right when it knows the lengths at load; otherwise it lets its
	// attention kernel build the mask, aligned on the last query and key: right only when
	// the query and key lengths are equal (checked in `check_typed`).
	match tract_name(node) {
		Some(name) => {
			pending.causal_attention.push(name);
			Ok(())
		}
		None => Err(refuse(
			node,
			index,
			"is_causal = 1 on a node without a name nor a first output, which the engine \
			 cannot check",
		)),
	}
}

/// `BitShift`. test_bitshift_{left,right}_{int8,int32}_{negative_shift,shift_ge_width}:
/// tract shifts with Rust's `<<`/`>>`, which take the amount modulo the bit width (`-8 << 8`
/// gives `-8`); ONNX shifts every bit out (0 to the left, the sign to the right). Accepted
/// only when every amount is a constant in [0, bit width).
fn bit_shift(node: &pb::NodeProto, index: usize, scope: &Scope<'_>) -> Result<(), EngineError> {
	let amounts = input(node, 1).and_then(|name| scope.integers(name));
	match amounts {
		Some((bits, values)) => match values.iter().find(|v| !(0..i128::from(bits)).contains(*v)) {
			None => Ok(()),
			Some(value) => Err(refuse(
				node,
				index,
				format!(
					"shift amount {value} is outside [0, {bits}): tract takes it modulo the bit \
					 width, ONNX shifts every bit out"
				),
			)),
		},
		None => Err(refuse(
			node,
			index,
			"the shift amounts are not a constant, and tract takes an amount outside [0, bit \
			 width) modulo the bit width where ONNX shifts every bit out: give them as an \
			 initializer with every value in [0, bit width)",
		)),
	}
}

/// `ReduceMax`, `ReduceMin`: the reduced axes, for [`check_analysed`].
fn reduction(node: &pb::NodeProto, index: usize, scope: &Scope<'_>, pending: &mut Pending) {
	let op = if node.op_type == "ReduceMax" { "ReduceMax" } else { "ReduceMin" };
	let noop = int_attribute(node, "noop_with_empty_axes").unwrap_or(0) != 0;
	// Opset 18 moved `axes` from an attribute to an input.
	let axes = match input(node, 1) {
		Some(name) => match scope.integers(name) {
			Some((_, values)) => values
				.into_iter()
				.map(|value| i64::try_from(value).ok())
				.collect::<Option<Vec<_>>>()
				.ok_or("its axes are out of range"),
			None => Err("its axes are not a constant"),
		},
		None => Ok(attribute(node, "axes").map(|axes| axes.ints.clone()).unwrap_or_default()),
	};
	// No axes: every axis, or none with `noop_with_empty_axes`.
	let axes = match axes {
		Ok(axes) if axes.is_empty() && noop => return,
		Ok(axes) if axes.is_empty() => Ok(None),
		Ok(axes) => Ok(Some(axes)),
		Err(why) => Err(why),
	};
	pending.reductions.push(Reduction {
		name: tract_name(node).unwrap_or_else(|| label(node, index)),
		op,
		axes,
		top_level: scope.top_level,
	});
}

/// `OneHot`. test_onehot_out_of_range_indices: ONNX gives a row of `off_value` for an index
/// outside [-depth, depth - 1]; tract writes out of bounds and panics (contained by the
/// engine, but a panic is a local failure: validators would abstain instead of agreeing).
/// Accepted when the indices are constants in range, or a graph input (integers, or floats
/// holding integers), which is then checked before each run ([`RunGuards`]). (ONNX matches a
/// float index that is not an integer to no position; tract truncates it.)
fn one_hot(
	node: &pb::NodeProto,
	index: usize,
	scope: &Scope<'_>,
	pending: &mut Pending,
) -> Result<(), EngineError> {
	let Some(depth) = input(node, 1).and_then(|name| scope.scalar(name)) else {
		// tract refuses it anyway (it needs the depth at load).
		return Err(refuse(node, index, "the depth is not a constant scalar"));
	};
	let Some(indices) = input(node, 0) else { return Ok(()) };
	let in_range = |value: &i128| (-i128::from(depth)..i128::from(depth)).contains(value);
	if scope.known.contains_key(indices) {
		let values = scope.integers(indices).map(|(_, values)| values).or_else(|| {
			let Some(Known::Tensor(tensor)) = scope.known.get(indices) else { return None };
			tensor_floats(tensor)?.into_iter().map(integral).collect()
		});
		return match values {
			Some(values) => match values.iter().find(|value| !in_range(value)) {
				None => Ok(()),
				Some(value) => Err(refuse(
					node,
					index,
					format!("index {value} is outside [-{depth}, {depth}): tract panics on it"),
				)),
			},
			None => Err(refuse(
				node,
				index,
				"its constant indices are not integers, which tract truncates where ONNX \
				 matches none",
			)),
		};
	}
	// The types a canonical tensor carries, whose values the guard reads.
	let checkable = |elem_type: &Option<i32>| {
		use data_type::*;
		matches!(elem_type, Some(FLOAT | DOUBLE | UINT8 | INT8 | INT16 | INT32 | INT64))
	};
	match scope.inputs.iter().position(|(name, _)| *name == indices) {
		Some(position) if scope.top_level => match scope.inputs.get(position) {
			Some((_, elem_type)) if checkable(elem_type) => {
				pending.guards.one_hot.push((position, depth, label(node, index)));
				Ok(())
			}
			_ => Err(refuse(
				node,
				index,
				"its indices are a graph input of a type the engine cannot check before the \
				 run, and tract panics on an index outside [-depth, depth - 1]",
			)),
		},
		_ => Err(refuse(
			node,
			index,
			"its indices are computed by the model, and tract panics on an index outside \
			 [-depth, depth - 1] where ONNX gives a row of off_value: feed the indices from a \
			 graph input (checked before each run) or a constant",
		)),
	}
}

/// The checks that need the typed model (shapes), before optimisation; returns the guards of
/// the runs.
///
/// # Errors
///
/// [`EngineError::UnsupportedOperator`] for the first node tract would compute wrong.
pub(crate) fn check_typed(model: &TypedModel, pending: Pending) -> Result<RunGuards, EngineError> {
	let Pending { guards, causal_attention, .. } = pending;
	for name in &causal_attention {
		causal_lengths(model, name)?;
	}
	Ok(guards)
}

/// The typed node named `name`, in `model` or the bodies of its `Scan`s and `If`s.
fn find_node<'a>(model: &'a TypedModel, name: &str) -> Option<(&'a TypedModel, &'a TypedNode)> {
	model.nodes().iter().find_map(|node| {
		if node.name == name {
			return Some((model, node));
		}
		if let Some(scan) = node.op_as::<Scan>() {
			return find_node(&scan.body, name);
		}
		node.op_as::<IfThenElse>().and_then(|branches| {
			find_node(&branches.then_body, name).or_else(|| find_node(&branches.else_body, name))
		})
	})
}

/// A causal `Attention` without a past, named `name` in tract (its attention kernel is named
/// `<name>.sdpa`). ONNX aligns the causal mask on the first query and key (query i sees key
/// j iff j <= i). tract builds that mask when it knows both lengths at load; otherwise its
/// kernel aligns the mask on the last ones (j <= i + kv_len - q_len), which is the same only
/// when the lengths are equal.
fn causal_lengths(model: &TypedModel, name: &str) -> Result<(), EngineError> {
	let refused = |why: &str| EngineError::UnsupportedOperator {
		name: "Attention".into(),
		reason: Some(format!("node {name:?}: is_causal = 1 {why}; {WRONG}")),
	};
	let Some((body, node)) = find_node(model, &format!("{name}.sdpa")) else {
		return Err(refused("is wired in a way the engine cannot check"));
	};
	let facts = body
		.node_input_facts(node.id)
		.map_err(|e| EngineError::InvalidModel { detail: format!("{e:#}") })?;
	let length = |slot: usize| {
		facts.get(slot).and_then(|fact| {
			let rank = fact.rank();
			rank.checked_sub(2).and_then(|axis| fact.shape.get(axis)).cloned()
		})
	};
	match (length(0), length(1)) {
		(Some(q), Some(kv)) if q == kv || (q.as_i64().is_some() && kv.as_i64().is_some()) => Ok(()),
		(q, kv) => Err(refused(&format!(
			"with query and key lengths ({}, {}) not known at load and possibly different: \
			 tract then aligns the causal mask on the last query and key, ONNX on the first",
			q.map(|d| d.to_string()).unwrap_or_default(),
			kv.map(|d| d.to_string()).unwrap_or_default()
		))),
	}
}

/// The rule of `ReduceMax` and `ReduceMin`, on the analysed model: tract folds a reduction of
/// an empty input into a constant when it types the model, so it cannot wait for the typed
/// model.
///
/// test_reduce_max_empty_set, test_reduce_min_empty_set: over an empty set of floats ONNX's
/// `ReduceMax` gives -inf and `ReduceMin` +inf; tract starts its fold from the type's
/// extreme finite value and gives ∓`f32::MAX`. (For integers both give the type's extreme
/// value.) An axis of fixed length 0 is refused; a symbolic axis that the input shapes
/// determine is checked before each run ([`RunGuards`]); any other is refused.
///
/// # Errors
///
/// [`EngineError::UnsupportedOperator`] for the first reduction that may be wrong.
pub(crate) fn check_analysed(
	model: &InferenceModel,
	pending: &mut Pending,
) -> Result<(), EngineError> {
	let input_dims = model
		.inputs
		.iter()
		.map(|outlet| {
			let fact = model.outlet_fact(*outlet).ok()?;
			fact.shape.dims().map(|dim| dim.concretize()).collect::<Option<Vec<TDim>>>()
		})
		.collect::<Option<Vec<_>>>()
		.unwrap_or_default();
	let input_symbols: HashSet<Symbol> = input_dims
		.iter()
		.flatten()
		.filter_map(|dim| match dim {
			TDim::Sym(symbol) => Some(symbol.clone()),
			_ => None,
		})
		.collect();
	for Reduction { name, op, axes, top_level } in &pending.reductions {
		let refused = |why: String| EngineError::UnsupportedOperator {
			name: (*op).into(),
			reason: Some(format!(
				"node {name:?}: {why}, and over an empty set of floats ONNX gives an infinity, \
				 tract the largest finite float; {WRONG}"
			)),
		};
		let node = match model.node_by_name(name) {
			Ok(node) if *top_level => node,
			_ => {
				return Err(refused(
					"it is inside the body of an If or a Scan, where the engine cannot check \
					 that its axes are not empty"
						.into(),
				))
			}
		};
		let axes = axes.clone().map_err(|why| refused(why.into()))?;
		let Some(fact) = node.inputs.first().and_then(|outlet| model.outlet_fact(*outlet).ok())
		else {
			continue;
		};
		if fact.datum_type.concretize().is_some_and(|datum_type| !datum_type.is_float()) {
			continue;
		}
		if fact.shape.is_open() {
			return Err(refused("the rank of its input is unknown at load".into()));
		}
		let dims: Vec<Option<TDim>> = fact.shape.dims().map(|dim| dim.concretize()).collect();
		let rank = i64::try_from(dims.len()).unwrap_or(i64::MAX);
		for axis in axes.unwrap_or_else(|| (0..rank).collect()) {
			let normalised = if axis < 0 { axis.saturating_add(rank) } else { axis };
			// tract refuses an axis out of range itself.
			let Some(extent) = usize::try_from(normalised).ok().and_then(|a| dims.get(a)) else {
				continue;
			};
			let Some(extent) = extent else {
				return Err(refused(format!(
					"it reduces axis {axis}, whose length is unknown at load"
				)));
			};
			match extent.as_i64() {
				Some(0) => return Err(refused(format!("it reduces axis {axis}, of length 0"))),
				Some(_) => {}
				None if extent.symbols().is_subset(&input_symbols) => {
					pending.guards.reductions.push((extent.clone(), op, name.clone()));
				}
				None => {
					return Err(refused(format!(
						"it reduces axis {axis}, of length {extent}, which may be 0 and is not \
						 determined by the input shapes"
					)))
				}
			}
		}
	}
	if !pending.guards.reductions.is_empty() {
		pending.guards.input_dims = input_dims;
	}
	Ok(())
}

#[cfg(test)]
mod tests;
