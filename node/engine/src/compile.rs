//! From ONNX bytes and a declared signature to a runnable, optimised tract plan.
//!
//! 1. The bytes are decoded as an ONNX `ModelProto` (never touching the file system: external
//!    data is refused).
//! 2. Every node, including those of sub-graphs, must name an operator tract registers:
//!    otherwise [`EngineError::UnsupportedOperator`]. Operators that are registered but
//!    reject their attributes or opset are reported as [`EngineError::InvalidModel`], and so
//!    are graphs tract would choke on (dangling outputs, unresolved inputs, cycles, values
//!    produced twice).
//! 3. Every tensor stored in the model must hold the data its shape declares, and they must
//!    fit in [`EngineConfig::max_tensor_bytes`](crate::EngineConfig) (see
//!    [`bounds`](crate::bounds)), before tract loads them.
//! 4. With the fastest kernels, the graph must not feed the results of float arithmetic into a
//!    discrete operation (see [`determinism`](crate::determinism)): otherwise
//!    [`EngineError::FloatToDiscrete`]. In the deterministic mode, it must use only the
//!    operators the portable kernels cover (see [`portable`](crate::portable)): otherwise
//!    [`EngineError::NotDeterministic`].
//! 5. The graph must not use an operator configuration tract computes wrong (see
//!    [`known_wrong`]): otherwise [`EngineError::UnsupportedOperator`], with the reason.
//! 6. The graph inputs must match the signature's inputs (count, element types, ranks, fixed
//!    dimensions) and are then pinned to it: a [`Dim::Fixed`] axis becomes that constant, a
//!    [`Dim::Dynamic`] axis keeps the model's symbol (e.g. ONNX `dim_param: "batch"`) or gets
//!    a fresh one. A model axis fixed to a constant is a mismatch for a [`Dim::Dynamic`]
//!    signature axis: the model cannot accept other extents.
//! 7. The model is analysed (types and shapes) with every constant tract computes meanwhile
//!    bounded, typed, its outputs are checked against the signature's outputs (count, element
//!    types, ranks, and every output axis tract can compute as a constant), the memory and
//!    work of one inference are bounded for every input the signature admits
//!    ([`EngineError::ResourceBound`]), the rules of [`known_wrong`] that need shapes are
//!    checked, then it is optimised and turned into a plan.
//!
//! Dynamic dimensions are kept *symbolic*: one plan per model serves every input shape the
//! signature admits, tract resolving the symbols from the input shapes on each run. The plan
//! cache is therefore keyed by the model hash alone, and a model is optimised once whatever
//! the shapes it is run on. Optimising with concrete shapes could pick faster kernels for a
//! given shape, but would let users force a re-optimisation per distinct shape.

use crate::{
	bounds, convert, determinism,
	error::{EngineError, SignatureSide},
	known_wrong, portable, EngineConfig,
};
use opg_inference_primitives::{Dim, ExecutionMode, ModelSignature, ResourceBounds, TensorSpec};
use std::sync::Arc;
use tract_onnx::{
	pb,
	prelude::{
		Framework, InferenceFact, InferenceModel, InferenceModelExt, IntoRunnable, TDim, TypedFact,
		TypedModel, TypedSimplePlan,
	},
	tract_hir::infer::{Factoid, GenericFactoid, ShapeFactoid},
};

/// Fixed overhead counted per plan node when estimating the size of a plan, in bytes.
const NODE_OVERHEAD_BYTES: usize = 1024;

/// A model ready to run.
#[derive(Debug)]
pub(crate) struct CompiledModel {
	/// The signature it was checked against.
	pub signature: ModelSignature,
	/// The bounds it was checked against.
	pub bounds: ResourceBounds,
	/// The optimised plan.
	pub plan: Arc<TypedSimplePlan>,
	/// Approximate memory held by the plan (constants, packed weights, nodes), in bytes.
	pub approx_bytes: usize,
	/// What to check on the inputs of each run (see [`known_wrong`]).
	pub guards: known_wrong::RunGuards,
}

fn invalid_model(error: impl std::fmt::Display) -> EngineError {
	EngineError::InvalidModel { detail: error.to_string() }
}

/// Parses, checks and optimises a model.
///
/// # Errors
///
/// [`EngineError::InvalidSignature`], [`EngineError::InvalidModel`],
/// [`EngineError::UnsupportedOperator`], [`EngineError::ResourceBound`],
/// [`EngineError::FloatToDiscrete`] (fastest kernels), [`EngineError::NotDeterministic`] or
/// [`EngineError::PortableKernelsUnavailable`] (deterministic mode), or
/// [`EngineError::SignatureMismatch`].
pub(crate) fn compile(
	onnx: &[u8],
	signature: &ModelSignature,
	limits: &ResourceBounds,
	execution: ExecutionMode,
) -> Result<CompiledModel, EngineError> {
	signature.validate().map_err(|e| EngineError::InvalidSignature { detail: e.to_string() })?;
	let framework = tract_onnx::onnx();
	let mut proto = decode(&framework, onnx)?;
	let graph = proto.graph.as_ref().ok_or_else(|| invalid_model("the model has no graph"))?;
	check_graph(&framework, graph, limits)?;
	match execution {
		ExecutionMode::Fastest => determinism::check(graph)?,
		ExecutionMode::Deterministic => {
			portable::ensure_portable_kernels()?;
			portable::check(graph)?;
		}
	}
	let mut pending = known_wrong::check(graph)?;
	if execution == ExecutionMode::Deterministic {
		portable::expand_softmax(&mut proto)?;
	}
	let mut model =
		framework.model_for_proto_model(&proto).map_err(|e| invalid_model(format!("{e:#}")))?;
	pin_inputs(&mut model, signature)?;
	bounds::analyse_guarded(&mut model, limits)?;
	known_wrong::check_analysed(&model, &mut pending)?;
	let typed = model.into_typed().map_err(|e| invalid_model(format!("{e:#}")))?;
	let guards = known_wrong::check_typed(&typed, pending)?;
	check_outputs(&typed, signature)?;
	bounds::check_typed(&typed, limits)?;
	let optimized = typed.into_optimized().map_err(|e| invalid_model(format!("{e:#}")))?;
	let approx_bytes = plan_bytes(&optimized);
	let plan = optimized.into_runnable().map_err(|e| invalid_model(format!("{e:#}")))?;
	Ok(CompiledModel { signature: signature.clone(), bounds: *limits, plan, approx_bytes, guards })
}

/// Decodes the protobuf.
fn decode(framework: &tract_onnx::Onnx, onnx: &[u8]) -> Result<pb::ModelProto, EngineError> {
	let mut reader = onnx;
	framework.proto_model_for_read(&mut reader).map_err(|e| invalid_model(format!("{e:#}")))
}

/// The checks of the protobuf before tract reads it: operators, graph outputs, stored
/// tensors.
fn check_graph(
	framework: &tract_onnx::Onnx,
	graph: &pb::GraphProto,
	limits: &ResourceBounds,
) -> Result<(), EngineError> {
	check_operators(framework, graph)?;
	check_outputs_are_produced(graph)?;
	bounds::check_constants(graph, limits)
}

/// The signature a model's graph declares: the element types and dimensions of its inputs and
/// outputs, symbolic dimensions (e.g. a batch axis) becoming [`Dim::Dynamic`]. Used by the
/// command line to run a model without a registered signature.
///
/// It reads the model as [`Engine::load`](crate::Engine::load) does, under the default
/// [`EngineConfig`] bounds (stored tensors, constants computed during the analysis), and with
/// tract's panics contained, but on the calling thread and without a time limit.
///
/// # Errors
///
/// [`EngineError::InvalidModel`], [`EngineError::UnsupportedOperator`],
/// [`EngineError::ResourceBound`] or [`EngineError::Panicked`].
pub fn describe(onnx: &[u8]) -> Result<ModelSignature, EngineError> {
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| describe_unguarded(onnx)))
		.unwrap_or_else(|payload| {
			Err(EngineError::Panicked { message: crate::worker::panic_message(&*payload) })
		})
}

fn describe_unguarded(onnx: &[u8]) -> Result<ModelSignature, EngineError> {
	let limits = EngineConfig::default().bounds();
	let framework = tract_onnx::onnx();
	let proto = decode(&framework, onnx)?;
	let graph = proto.graph.as_ref().ok_or_else(|| invalid_model("the model has no graph"))?;
	check_graph(&framework, graph, &limits)?;
	let mut model =
		framework.model_for_proto_model(&proto).map_err(|e| invalid_model(format!("{e:#}")))?;
	bounds::analyse_guarded(&mut model, &limits)?;
	let typed = model.into_typed().map_err(|e| invalid_model(format!("{e:#}")))?;
	let spec = |fact: &TypedFact| -> Result<TensorSpec, EngineError> {
		let element_type = convert::element_type(fact.datum_type).ok_or_else(|| {
			invalid_model(format!("unsupported element type {:?}", fact.datum_type))
		})?;
		let dims = fact
			.shape
			.iter()
			.map(|d| {
				d.as_i64().and_then(|v| u32::try_from(v).ok()).map_or(Dim::Dynamic, Dim::Fixed)
			})
			.collect();
		TensorSpec::new(element_type, dims).map_err(invalid_model)
	};
	let inputs = (0..typed.inputs.len())
		.map(|i| typed.input_fact(i).map_err(invalid_model).and_then(spec))
		.collect::<Result<Vec<_>, _>>()?;
	let outputs = (0..typed.outputs.len())
		.map(|i| typed.output_fact(i).map_err(invalid_model).and_then(spec))
		.collect::<Result<Vec<_>, _>>()?;
	ModelSignature::new(inputs, outputs).map_err(invalid_model)
}

/// Operators tract implements but the engine refuses as unsupported: their outputs are random
/// (from an unseeded generator when the model gives no `seed`), so two validators, or two runs,
/// would disagree.
const RANDOM_OPERATORS: &[&str] =
	&["Multinomial", "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike"];

/// Checks that every node of `graph` and of its sub-graphs names an operator tract knows, and
/// that the engine supports.
fn check_operators(
	framework: &tract_onnx::Onnx,
	graph: &pb::GraphProto,
) -> Result<(), EngineError> {
	for node in &graph.node {
		if !framework.op_register.0.contains_key(&node.op_type)
			|| RANDOM_OPERATORS.contains(&node.op_type.as_str())
		{
			let name = if node.domain.is_empty() || node.domain == "ai.onnx" {
				node.op_type.clone()
			} else {
				format!("{}.{}", node.domain, node.op_type)
			};
			return Err(EngineError::UnsupportedOperator { name, reason: None });
		}
		for attribute in &node.attribute {
			for subgraph in attribute.g.iter().chain(attribute.graphs.iter()) {
				check_operators(framework, subgraph)?;
			}
		}
	}
	Ok(())
}

/// Checks that every graph output names a graph input, an initializer or a node output (tract
/// panics on a dangling output name).
fn check_outputs_are_produced(graph: &pb::GraphProto) -> Result<(), EngineError> {
	let produced: std::collections::HashSet<&str> = graph
		.input
		.iter()
		.map(|input| input.name.as_str())
		.chain(graph.initializer.iter().map(|initializer| initializer.name.as_str()))
		.chain(graph.node.iter().flat_map(|node| node.output.iter().map(String::as_str)))
		.collect();
	match graph.output.iter().find(|output| !produced.contains(output.name.as_str())) {
		Some(dangling) => Err(invalid_model(format!(
			"graph output {:?} is not produced by any node",
			dangling.name
		))),
		None => Ok(()),
	}
}

fn mismatch(side: SignatureSide, detail: String) -> EngineError {
	EngineError::SignatureMismatch { side, detail }
}

/// Checks the model inputs against the signature and pins their facts to it.
fn pin_inputs(model: &mut InferenceModel, signature: &ModelSignature) -> Result<(), EngineError> {
	let side = SignatureSide::Inputs;
	let inputs = model.input_outlets().map_err(invalid_model)?.len();
	if inputs != signature.inputs.len() {
		return Err(mismatch(
			side,
			format!("the model has {inputs} inputs, the signature {}", signature.inputs.len()),
		));
	}
	for (index, spec) in signature.inputs.iter().enumerate() {
		let fact = model.input_fact(index).map_err(invalid_model)?;
		let datum_type = convert::datum_type(spec.element_type);
		if let Some(actual) = fact.datum_type.concretize() {
			if actual != datum_type {
				return Err(mismatch(
					side,
					format!(
						"input {index} is {actual:?}, the signature declares {}",
						spec.element_type
					),
				));
			}
		}
		let dims = pinned_dims(model, index, spec, &fact.shape)?;
		let pinned = InferenceFact::dt_shape(datum_type, ShapeFactoid::closed(dims));
		model.set_input_fact(index, pinned).map_err(invalid_model)?;
	}
	Ok(())
}

/// The dimensions of input `index` once pinned to `spec`.
fn pinned_dims(
	model: &InferenceModel,
	index: usize,
	spec: &TensorSpec,
	shape: &ShapeFactoid,
) -> Result<tract_onnx::prelude::TVec<GenericFactoid<TDim>>, EngineError> {
	let side = SignatureSide::Inputs;
	let declared: Vec<GenericFactoid<TDim>> = shape.dims().cloned().collect();
	if !shape.is_open() && declared.len() != spec.shape.len() {
		return Err(mismatch(
			side,
			format!(
				"input {index} has rank {}, the signature declares {}",
				declared.len(),
				spec.shape.len()
			),
		));
	}
	spec.shape
		.iter()
		.enumerate()
		.map(|(axis, dim)| {
			let declared = declared.get(axis).and_then(|d| d.concretize());
			pin_dim(model, index, axis, *dim, declared).map(GenericFactoid::Only)
		})
		.collect()
}

/// Axis `axis` of input `index`, declared `declared` by the model, pinned to `dim`.
fn pin_dim(
	model: &InferenceModel,
	index: usize,
	axis: usize,
	dim: Dim,
	declared: Option<TDim>,
) -> Result<TDim, EngineError> {
	let side = SignatureSide::Inputs;
	match (dim, declared.as_ref().and_then(TDim::as_i64)) {
		(Dim::Fixed(expected), Some(actual)) if i64::from(expected) != actual => Err(mismatch(
			side,
			format!("input {index} axis {axis} is {actual}, the signature declares {expected}"),
		)),
		(Dim::Fixed(expected), _) => Ok(TDim::from(i64::from(expected))),
		(Dim::Dynamic, Some(actual)) => Err(mismatch(
			side,
			format!("input {index} axis {axis} is {actual}, the signature declares it dynamic"),
		)),
		// Keep the model's own symbol (e.g. `batch`), or name the unknown extent.
		(Dim::Dynamic, None) => {
			Ok(declared.unwrap_or_else(|| TDim::from(model.symbols.new_with_prefix("opg_dynamic"))))
		}
	}
}

/// Checks the typed model outputs against the signature.
fn check_outputs(model: &TypedModel, signature: &ModelSignature) -> Result<(), EngineError> {
	let side = SignatureSide::Outputs;
	if model.outputs.len() != signature.outputs.len() {
		return Err(mismatch(
			side,
			format!(
				"the model has {} outputs, the signature {}",
				model.outputs.len(),
				signature.outputs.len()
			),
		));
	}
	for (index, spec) in signature.outputs.iter().enumerate() {
		let fact = model.output_fact(index).map_err(invalid_model)?;
		match convert::element_type(fact.datum_type) {
			Some(actual) if actual == spec.element_type => {}
			_ => {
				return Err(mismatch(
					side,
					format!(
						"output {index} is {:?}, the signature declares {}",
						fact.datum_type, spec.element_type
					),
				))
			}
		}
		if fact.rank() != spec.shape.len() {
			return Err(mismatch(
				side,
				format!(
					"output {index} has rank {}, the signature declares {}",
					fact.rank(),
					spec.shape.len()
				),
			));
		}
		for (axis, (dim, spec_dim)) in fact.shape.iter().zip(spec.shape.iter()).enumerate() {
			if let (Some(actual), Dim::Fixed(expected)) = (dim.as_i64(), spec_dim) {
				if actual != i64::from(*expected) {
					let detail = format!(
						"output {index} axis {axis} is {actual}, the signature declares {expected}"
					);
					return Err(mismatch(side, detail));
				}
			}
		}
	}
	Ok(())
}

/// Approximate memory held by an optimised model: its constants (including packed weights)
/// plus a fixed overhead per node.
fn plan_bytes(model: &TypedModel) -> usize {
	use tract_onnx::tract_core::ops::konst::Const;
	model.nodes().iter().fold(0usize, |total, node| {
		let constant = node.op_as::<Const>().map_or(0, |konst| match konst.exotic_fact() {
			Some(exotic) => {
				exotic.mem_size().as_i64().and_then(|b| usize::try_from(b).ok()).unwrap_or(0)
			}
			None => konst.val().len().saturating_mul(konst.val().datum_type().size_of()),
		});
		total.saturating_add(constant).saturating_add(NODE_OVERHEAD_BYTES)
	})
}
