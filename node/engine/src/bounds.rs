//! Bounds on the memory and work of a model, computed at load before anything large is
//! allocated.
//!
//! A model of a few hundred bytes can ask for gigabytes: a `ConstantOfShape` to
//! `[40000, 40000]`, an `Expand` or a `Tile` by `2^31`, an initializer declaring a huge shape
//! with a few bytes of data. tract has no allocator limit, an allocation failure aborts the
//! process, and tract even evaluates constant parts of a graph while it analyses it (it checks
//! the size of a folded constant only after computing it). So the engine bounds every tensor
//! before tract creates it, in three steps:
//!
//! 1. [`check_constants`], on the ONNX protobuf before tract reads it: every tensor tract would
//!    load (initializers, tensor attributes, in sub-graphs too) must hold exactly the data its
//!    shape declares, in the model itself (external data is refused), and their total size is
//!    bounded.
//! 2. [`analyse_guarded`], while tract analyses the graph: each operator tract is about to
//!    evaluate at load (all its inputs known) must have outputs of known shapes, whose total
//!    over the analysis stays within the bound. Constant control flow (`If`, `Scan` with every
//!    input known) is refused: its bodies would run unbounded. After the analysis, the values
//!    whose shapes are known numbers must fit in the bound too, before tract types the model
//!    (typing folds small constants into possibly large ones, and asserts shapes valid).
//! 3. [`check_typed`], on the typed model before optimisation: an upper bound of every tensor
//!    (constants, inputs, intermediate results, sub-graph bodies) and of the
//!    multiply-accumulates tract's cost model counts, for the largest inputs the signature
//!    admits. Dynamic axes are bounded through
//!    [`EngineConfig::max_input_elements`](crate::EngineConfig), which the engine enforces
//!    on every run counting a zero-length axis as one. A size depending on anything else (a
//!    value computed by the model, e.g. the output of `NonZero`) cannot be bounded and is
//!    refused.
//!
//! Every refusal is [`EngineError::ResourceBound`], deterministic: it depends only on the
//! model, the signature and the bounds, which the chain mandates like the engine version.
//! The sum of every tensor is an upper bound of the memory of one inference (tract frees
//! intermediate results as soon as possible, so the real peak is lower); kernel scratch
//! space (e.g. im2col buffers of convolutions) is not counted, but grows with the work, which
//! is bounded.

use crate::{error::EngineError, worker::panic_message};
use opg_inference_primitives::ResourceBounds;
use std::{
	collections::HashMap,
	panic::{catch_unwind, AssertUnwindSafe},
	sync::{Arc, Mutex, PoisonError},
};
use tract_onnx::{
	ops::logic::If,
	pb,
	prelude::{InferenceModel, InferenceModelExt, TDim, TypedFact, TypedModel},
	tract_core::{
		ops::{
			logic::IfThenElse,
			scan::{iteration_count, Scan},
			Cost, EvalOp, Op, TypedOp,
		},
		optim::CONST_FOLD_MEM_BUDGET,
	},
	tract_hir::{
		infer::{Factoid, InferenceOp},
		internal::{
			EvalContext, InferenceFact, InferenceModelPatch, InferenceNode, OpState, OutletId,
			StaticName, Symbol, TValue, TVec, TractError, TractResult,
		},
		ops::scan::InferenceScan,
	},
};

/// The error of a panic of tract's analysis. tract panics when an allocation fails (its
/// tensors' storage does, under the inference worker's memory limit), which depends on the
/// machine: a local failure. Any other panic of the analysis is a function of the graph alone,
/// as deterministic as the errors the analysis returns.
fn analysis_panic(message: String) -> EngineError {
	if message.starts_with("failed to allocate") {
		EngineError::ResourceExhausted { detail: format!("tract could not allocate: {message}") }
	} else {
		invalid(format!("tract panicked: {message}"))
	}
}

fn bound(detail: String) -> EngineError {
	EngineError::ResourceBound { detail }
}

fn invalid(detail: String) -> EngineError {
	EngineError::InvalidModel { detail }
}

/// How to avoid a refusal on the size of tensors.
const SHRINK_HINT: &str = "fix the dynamic axes of the signature or lower their extents, or \
	make the model smaller";

// ---------------------------------------------------------------------------------------------
// 1. Tensors stored in the protobuf.

/// Size in memory of one element of an ONNX data type tract loads; `None` for the types
/// tract refuses (it does so before allocating anything). Strings count the `String` header;
/// their bytes are in the model already.
fn element_bytes(data_type: i32) -> Option<u64> {
	match data_type {
		2 | 3 | 9 => Some(1),   // UINT8, INT8, BOOL
		4 | 5 | 10 => Some(2),  // UINT16, INT16, FLOAT16
		1 | 6 | 12 => Some(4),  // FLOAT, INT32, UINT32
		7 | 11 | 13 => Some(8), // INT64, DOUBLE, UINT64
		8 => Some(24),          // STRING
		_ => None,
	}
}

/// The number of values a `TensorProto` holds outside `raw_data`, in the field tract reads for
/// its data type.
fn typed_values(tensor: &pb::TensorProto) -> usize {
	match tensor.data_type {
		1 => tensor.float_data.len(),
		11 => tensor.double_data.len(),
		7 | 13 => tensor.int64_data.len(),
		8 => tensor.string_data.len(),
		_ => tensor.int32_data.len(),
	}
}

/// Checks one tensor of the protobuf and returns its size once loaded, in bytes.
fn tensor_bytes(tensor: &pb::TensorProto) -> Result<u64, EngineError> {
	let name = &tensor.name;
	if tensor.data_location == Some(1) || !tensor.external_data.is_empty() {
		let location = tensor
			.external_data
			.iter()
			.find(|entry| entry.key == "location")
			.map_or("", |entry| entry.value.as_str());
		return Err(invalid(format!(
			"tensor {name:?} keeps its data in an external file {location:?}; the engine reads \
			 nothing but the model's bytes: embed the data in the model (save it without \
			 external data)"
		)));
	}
	let Some(size) = element_bytes(tensor.data_type) else {
		// tract refuses the type itself, before allocating.
		return Ok(0);
	};
	let mut elements: u128 = 1;
	for &dim in &tensor.dims {
		let dim = u128::try_from(dim)
			.map_err(|_| invalid(format!("tensor {name:?} has a negative dimension {dim}")))?;
		elements = elements.saturating_mul(dim);
	}
	let declared = elements.saturating_mul(u128::from(size));
	let (held, unit) = if tensor.raw_data.is_empty() {
		(u128::try_from(typed_values(tensor)).unwrap_or(u128::MAX), "values")
	} else if tensor.data_type == 8 {
		return Err(invalid(format!(
			"string tensor {name:?} stores raw bytes; ONNX strings go in string_data"
		)));
	} else {
		(u128::try_from(tensor.raw_data.len()).unwrap_or(u128::MAX), "bytes")
	};
	let expected = if unit == "bytes" { declared } else { elements };
	if held != expected {
		return Err(invalid(format!(
			"tensor {name:?} declares shape {:?} ({elements} elements) but holds {held} {unit} \
			 of data",
			tensor.dims
		)));
	}
	Ok(u64::try_from(declared).unwrap_or(u64::MAX))
}

/// The tensors of a graph tract loads: its initializers and the tensors of its nodes'
/// attributes, then those of its sub-graphs.
fn graph_constant_bytes(graph: &pb::GraphProto, total: &mut u64) -> Result<(), EngineError> {
	let attribute_tensors = graph
		.node
		.iter()
		.flat_map(|node| &node.attribute)
		.flat_map(|attribute| attribute.t.iter().chain(&attribute.tensors));
	for tensor in graph.initializer.iter().chain(attribute_tensors) {
		*total = total.saturating_add(tensor_bytes(tensor)?);
	}
	let subgraphs = graph
		.node
		.iter()
		.flat_map(|node| &node.attribute)
		.flat_map(|attribute| attribute.g.iter().chain(&attribute.graphs));
	for subgraph in subgraphs {
		graph_constant_bytes(subgraph, total)?;
	}
	Ok(())
}

/// Checks the tensors stored in the model before tract loads them: each must hold the data its
/// shape declares, in the model itself, and together they must fit in the tensor bound.
///
/// # Errors
///
/// [`EngineError::InvalidModel`] for a tensor with external data, a negative dimension, or
/// data that does not match its shape; [`EngineError::ResourceBound`] if the tensors add up
/// to more than `limits.max_tensor_bytes`.
pub(crate) fn check_constants(
	graph: &pb::GraphProto,
	limits: &ResourceBounds,
) -> Result<(), EngineError> {
	let mut total = 0u64;
	graph_constant_bytes(graph, &mut total)?;
	if total > limits.max_tensor_bytes {
		return Err(bound(format!(
			"the model's constant tensors take {total} bytes once loaded, the bound is {}: make \
			 the model smaller",
			limits.max_tensor_bytes
		)));
	}
	Ok(())
}

// ---------------------------------------------------------------------------------------------
// 2. Constants tract evaluates during its analysis.

/// What the guards of one analysis share.
#[derive(Debug, Default)]
struct GuardState {
	/// Bytes of the values the guarded operators currently hold, by guard.
	held: HashMap<usize, u64>,
	/// The first refusal.
	refusal: Option<EngineError>,
}

/// An operator of an [`InferenceModel`] wrapped for the analysis: before tract evaluates it
/// (when all its inputs are known), checks that its outputs have known shapes and that the
/// values evaluated so far fit in the bound.
#[derive(Clone, Debug)]
struct Guard {
	inner: Box<dyn InferenceOp>,
	/// Identifies the guard in [`GuardState::held`].
	id: usize,
	node: String,
	limit: u64,
	state: Arc<Mutex<GuardState>>,
}

impl PartialEq for Guard {
	fn eq(&self, other: &Self) -> bool {
		// Guards exist only during the analysis, which never compares operators.
		std::ptr::eq(self, other)
	}
}

impl Eq for Guard {}

/// What the analysis knows of the size of a value it is about to evaluate.
enum Size {
	/// Type and shape known: this many bytes.
	Bytes(u64),
	/// The shape is known but involves symbols (input axes): tract cannot materialise it at
	/// load (it gives up before allocating), so nothing is allocated.
	Symbolic,
	/// The shape or the type is not known yet: the evaluation could allocate anything.
	Unknown,
}

fn fact_size(fact: &InferenceFact) -> Size {
	if fact.shape.is_open() {
		return Size::Unknown;
	}
	let mut elements = 1u64;
	let mut symbolic = false;
	for dim in fact.shape.dims() {
		match dim.concretize() {
			None => return Size::Unknown,
			Some(dim) => match dim.as_i64() {
				Some(value) => {
					elements = elements.saturating_mul(u64::try_from(value).unwrap_or(u64::MAX));
				}
				None => symbolic = true,
			},
		}
	}
	if symbolic {
		return Size::Symbolic;
	}
	match fact.datum_type.concretize() {
		Some(datum_type) => Size::Bytes(
			elements.saturating_mul(u64::try_from(datum_type.size_of()).unwrap_or(u64::MAX)),
		),
		None => Size::Unknown,
	}
}

/// Whether tract's analysis evaluates an operator with these (inferred) inputs: all known,
/// plain, and each within tract's constant-folding budget (see `InferenceOp::infer`).
fn evaluated(inputs: &[InferenceFact]) -> bool {
	!inputs.is_empty()
		&& inputs.iter().all(|fact| {
			fact.value.concretize().is_some_and(|tensor| {
				let volume = u64::try_from(tensor.volume()).unwrap_or(u64::MAX);
				let size = u64::try_from(tensor.datum_type().size_of()).unwrap_or(u64::MAX);
				let bytes = volume.saturating_mul(size);
				tensor.is_plain_ram() && bytes <= CONST_FOLD_MEM_BUDGET
			})
		})
}

impl Guard {
	fn refuse(&self, detail: String) -> TractError {
		let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
		state.refusal.get_or_insert_with(|| bound(detail.clone()));
		TractError::msg(detail)
	}

	/// Checks the outputs the analysis is about to evaluate.
	fn admit(&self, outputs: &[InferenceFact]) -> TractResult<()> {
		let node = &self.node;
		let op = self.inner.name();
		let inner = self.inner.as_op();
		if inner.downcast_ref::<If>().is_some() || inner.downcast_ref::<InferenceScan>().is_some() {
			return Err(self.refuse(format!(
				"node {node:?} ({op}) is control flow whose inputs are all constants: tract \
				 would run its body while loading the model, unbounded; compute the constant \
				 outside the model"
			)));
		}
		let mut bytes = 0u64;
		for (slot, fact) in outputs.iter().enumerate() {
			match fact_size(fact) {
				Size::Bytes(output) => bytes = bytes.saturating_add(output),
				Size::Symbolic => {}
				Size::Unknown => {
					return Err(self.refuse(format!(
						"node {node:?} ({op}) computes a constant (output {slot}) whose shape is \
						 unknown before it is computed, so its size cannot be bounded; compute \
						 it from the inputs or outside the model"
					)))
				}
			}
		}
		let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
		state.held.insert(self.id, bytes);
		let total = state.held.values().fold(0u64, |total, b| total.saturating_add(*b));
		drop(state);
		if total > self.limit {
			return Err(self.refuse(format!(
				"node {node:?} ({op}) computes a constant of {bytes} bytes, bringing the \
				 constants computed while loading the model to {total} bytes, the bound is {}; \
				 make the model smaller",
				self.limit
			)));
		}
		Ok(())
	}
}

impl Op for Guard {
	fn name(&self) -> StaticName {
		self.inner.name()
	}

	fn as_typed(&self) -> Option<&dyn TypedOp> {
		self.inner.as_op().as_typed()
	}
}

impl EvalOp for Guard {
	fn eval_out_of_plan(&self, inputs: TVec<TValue>) -> TractResult<Option<TVec<TValue>>> {
		self.inner.eval_out_of_plan(inputs)
	}

	fn state(&self, context: &EvalContext) -> TractResult<Option<Box<dyn OpState>>> {
		self.inner.state(context)
	}
}

type Facts = (TVec<InferenceFact>, TVec<InferenceFact>, TVec<InferenceFact>);

impl InferenceOp for Guard {
	fn infer(
		&mut self,
		inputs: TVec<&InferenceFact>,
		outputs: TVec<&InferenceFact>,
		observed: TVec<&InferenceFact>,
	) -> TractResult<Facts> {
		let (known_inputs, known_outputs, _) =
			self.inner.infer_facts(inputs.clone(), outputs.clone(), observed.clone())?;
		if evaluated(&known_inputs) {
			self.admit(&known_outputs)?;
		}
		self.inner.infer(inputs, outputs, observed)
	}

	fn infer_facts(
		&mut self,
		inputs: TVec<&InferenceFact>,
		outputs: TVec<&InferenceFact>,
		observed: TVec<&InferenceFact>,
	) -> TractResult<Facts> {
		self.inner.infer_facts(inputs, outputs, observed)
	}

	fn observe_outlets(
		&self,
		model: &InferenceModel,
		node: &InferenceNode,
	) -> TractResult<Vec<OutletId>> {
		self.inner.observe_outlets(model, node)
	}

	fn incorporate(
		&self,
		model: &InferenceModel,
		node: &InferenceNode,
	) -> TractResult<Option<InferenceModelPatch>> {
		self.inner.incorporate(model, node)
	}

	fn nboutputs(&self) -> TractResult<usize> {
		self.inner.nboutputs()
	}

	fn as_op(&self) -> &dyn Op {
		self.inner.as_op()
	}

	fn as_op_mut(&mut self) -> &mut dyn Op {
		self.inner.as_op_mut()
	}

	fn to_typed(
		&self,
		source: &InferenceModel,
		node: &InferenceNode,
		target: &mut TypedModel,
		mapping: &HashMap<OutletId, OutletId>,
	) -> TractResult<TVec<OutletId>> {
		self.inner.to_typed(source, node, target, mapping)
	}
}

/// Wraps every operator with inputs of `model`, and of the bodies of its `If` and `Scan`
/// operators, in a [`Guard`].
fn wrap(model: &mut InferenceModel, limit: u64, state: &Arc<Mutex<GuardState>>, next: &mut usize) {
	for node in model.nodes_mut() {
		// An operator without inputs is never evaluated by the analysis.
		if node.inputs.is_empty() {
			continue;
		}
		let mut inner = node.op.clone();
		if let Some(op) = inner.as_op_mut().downcast_mut::<If>() {
			wrap(&mut op.then_body, limit, state, next);
			wrap(&mut op.else_body, limit, state, next);
		} else if let Some(op) = inner.as_op_mut().downcast_mut::<InferenceScan>() {
			wrap(&mut op.body, limit, state, next);
		}
		let id = *next;
		*next = next.saturating_add(1);
		node.op =
			Box::new(Guard { inner, id, node: node.name.clone(), limit, state: Arc::clone(state) });
	}
}

/// Undoes [`wrap`].
fn unwrap(model: &mut InferenceModel) {
	for node in model.nodes_mut() {
		let op: &mut dyn Op = &mut *node.op;
		let Some(guard) = op.downcast_mut::<Guard>() else { continue };
		let mut inner = guard.inner.clone();
		if let Some(op) = inner.as_op_mut().downcast_mut::<If>() {
			unwrap(&mut op.then_body);
			unwrap(&mut op.else_body);
		} else if let Some(op) = inner.as_op_mut().downcast_mut::<InferenceScan>() {
			unwrap(&mut op.body);
		}
		node.op = inner;
	}
}

/// Runs tract's analysis of `model` (type and shape inference, which evaluates the parts of
/// the graph whose inputs are all known) with every evaluation bounded: see
/// [`Guard`].
///
/// # Errors
///
/// [`EngineError::ResourceBound`] if an evaluation would exceed the bound or cannot be
/// bounded, [`EngineError::InvalidModel`] if the analysis fails otherwise.
pub(crate) fn analyse_guarded(
	model: &mut InferenceModel,
	limits: &ResourceBounds,
) -> Result<(), EngineError> {
	let state = Arc::new(Mutex::new(GuardState::default()));
	let mut next = 0;
	wrap(model, limits.max_tensor_bytes, &state, &mut next);
	// tract's shape inference panics on some malformed graphs (an axis out of range, pads
	// shorter than the spatial axes, ...). It is a function of the graph alone, so such a
	// panic is an invalid model, as deterministic as the errors the analysis returns.
	let analysed = catch_unwind(AssertUnwindSafe(|| model.analyse(false)));
	let refusal = state.lock().unwrap_or_else(PoisonError::into_inner).refusal.take();
	if let Some(refusal) = refusal {
		return Err(refusal);
	}
	analysed
		.map_err(|payload| analysis_panic(panic_message(&*payload)))?
		.map_err(|e| invalid(format!("{e:#}")))?;
	unwrap(model);
	let mut known = Largest::default();
	let total = known_bytes(model, &mut known)?;
	if total > u128::from(limits.max_tensor_bytes) {
		return Err(bound(format!(
			"the tensors whose shapes are known before running already take {total} bytes \
			 (the largest, output of node {:?}, {} bytes), the bound is {}: {SHRINK_HINT}",
			known.node, known.bytes, limits.max_tensor_bytes
		)));
	}
	Ok(())
}

/// The total size of the values of an analysed model whose shapes are known numbers (sub-graph
/// bodies included), checked before tract types the model: typing wires operators whose
/// shapes tract asserts valid, and folds small constants into possibly large ones.
///
/// # Errors
///
/// [`EngineError::ResourceBound`] for a negative dimension, which tract computes when a size
/// overflows (e.g. a `Tile` by `2^31`).
fn known_bytes(model: &InferenceModel, largest: &mut Largest) -> Result<u128, EngineError> {
	let mut total: u128 = 0;
	for node in model.nodes() {
		for (slot, output) in node.outputs.iter().enumerate() {
			let fact = &output.fact;
			let negative = fact
				.shape
				.dims()
				.filter_map(|dim| dim.concretize().and_then(|dim| dim.as_i64()))
				.find(|dim| *dim < 0);
			if let Some(dim) = negative {
				return Err(bound(format!(
					"tract computes a negative dimension ({dim}) for output {slot} of node {:?}: \
					 a size that overflows 32 or 64 bits; {SHRINK_HINT}",
					node.name
				)));
			}
			if let Size::Bytes(bytes) = fact_size(fact) {
				let bytes = u128::from(bytes);
				if bytes > largest.bytes {
					*largest = Largest { bytes, node: node.name.clone() };
				}
				total = total.saturating_add(bytes);
			}
		}
		if let Some(op) = node.op_as::<If>() {
			total = total
				.saturating_add(known_bytes(&op.then_body, largest)?)
				.saturating_add(known_bytes(&op.else_body, largest)?);
		} else if let Some(op) = node.op_as::<InferenceScan>() {
			total = total.saturating_add(known_bytes(&op.body, largest)?);
		}
	}
	Ok(total)
}

// ---------------------------------------------------------------------------------------------
// 3. The typed model, for every input the signature admits.

/// Upper bounds of the symbols of the input axes.
#[derive(Debug, Default)]
pub(crate) struct Extents {
	/// Largest extent of each symbolic input axis.
	symbols: HashMap<Symbol, u64>,
	/// For each input, the symbols of its symbolic axes (with repetitions) and the largest
	/// product of their extents.
	groups: Vec<(Vec<Symbol>, u64)>,
}

impl Extents {
	/// The extents the engine admits for the inputs of `model`: an input of fixed axes `F`
	/// (zero-length ones counting as one) and symbolic axes `s1..sn` satisfies
	/// `F * s1 * ... * sn <= max_input_elements`, which [`Engine::run`](crate::Engine::run)
	/// enforces. Symbols used in input axes only inside expressions are left unbounded.
	pub(crate) fn of_inputs(model: &TypedModel, max_input_elements: u64) -> TractResult<Extents> {
		let mut extents = Extents::default();
		for index in 0..model.inputs.len() {
			let fact = model.input_fact(index)?;
			let mut fixed = 1u64;
			let mut symbols = Vec::new();
			for dim in fact.shape.iter() {
				match dim {
					TDim::Val(value) => {
						fixed = fixed.saturating_mul(u64::try_from(*value).unwrap_or(0).max(1));
					}
					TDim::Sym(symbol) => symbols.push(symbol.clone()),
					_ => {}
				}
			}
			let cap = max_input_elements / fixed;
			for symbol in &symbols {
				let entry = extents.symbols.entry(symbol.clone()).or_insert(cap);
				*entry = (*entry).min(cap);
			}
			if symbols.len() > 1 {
				extents.groups.push((symbols, cap));
			}
		}
		Ok(extents)
	}

	/// Interval `[low, high]` of a dimension expression, `None` if it involves a symbol
	/// without bound.
	fn interval(&self, dim: &TDim) -> Option<(i128, i128)> {
		let interval = match dim {
			TDim::Val(value) => (i128::from(*value), i128::from(*value)),
			TDim::Sym(symbol) => (0, i128::from(*self.symbols.get(symbol)?)),
			TDim::Add(terms) => terms.iter().try_fold((0i128, 0i128), |(low, high), term| {
				let (l, h) = self.interval(term)?;
				Some((low.saturating_add(l), high.saturating_add(h)))
			})?,
			TDim::MulInt(factor, term) => {
				let (l, h) = self.interval(term)?;
				let (a, b) =
					(l.saturating_mul(i128::from(*factor)), h.saturating_mul(i128::from(*factor)));
				(a.min(b), a.max(b))
			}
			TDim::Mul(terms) => terms.iter().try_fold((1i128, 1i128), |(low, high), term| {
				let (l, h) = self.interval(term)?;
				let corners = [
					low.saturating_mul(l),
					low.saturating_mul(h),
					high.saturating_mul(l),
					high.saturating_mul(h),
				];
				let min = corners.iter().copied().min()?;
				let max = corners.iter().copied().max()?;
				Some((min, max))
			})?,
			TDim::Div(term, divisor) => {
				let (l, h) = self.interval(term)?;
				let divisor = i128::from(*divisor).max(1);
				(l.div_euclid(divisor), h.div_euclid(divisor))
			}
			TDim::Broadcast(terms) | TDim::Max(terms) | TDim::Min(terms) => {
				let bounds = terms.iter().map(|t| self.interval(t)).collect::<Option<Vec<_>>>()?;
				let low = bounds.iter().map(|b| b.0).min()?;
				let high = bounds.iter().map(|b| b.1).max()?;
				match dim {
					TDim::Max(_) => (bounds.iter().map(|b| b.0).max()?, high),
					TDim::Min(_) => (low, bounds.iter().map(|b| b.1).min()?),
					_ => (low, high),
				}
			}
			TDim::Ge(..) | TDim::Eq(..) => (0, 1),
		};
		Some(interval)
	}

	/// Upper bound of the number of elements of a tensor of shape `dims`, `None` if a
	/// dimension involves a symbol without bound. Plain symbolic axes are bounded together
	/// when they are those of one input, through that input's element bound.
	fn volume(&self, dims: &[TDim]) -> Option<u128> {
		let mut volume: u128 = 1;
		let mut symbols: Vec<Symbol> = Vec::new();
		for dim in dims {
			match dim {
				TDim::Sym(symbol) => {
					self.symbols.get(symbol)?;
					symbols.push(symbol.clone());
				}
				_ => {
					let (_, high) = self.interval(dim)?;
					volume = volume.saturating_mul(u128::try_from(high.max(0)).unwrap_or(0));
				}
			}
		}
		// Apply each input's joint bound when all its symbols are among the remaining ones
		// and the joint bound is tighter than the separate ones.
		for (group, cap) in &self.groups {
			let mut remaining = symbols.clone();
			let all_present =
				group.iter().all(|symbol| match remaining.iter().position(|s| s == symbol) {
					Some(position) => {
						remaining.swap_remove(position);
						true
					}
					None => false,
				});
			if !all_present {
				continue;
			}
			let separate = group.iter().fold(1u128, |product, symbol| {
				product.saturating_mul(u128::from(self.symbols.get(symbol).copied().unwrap_or(0)))
			});
			if u128::from(*cap) < separate {
				volume = volume.saturating_mul(u128::from(*cap));
				symbols = remaining;
			}
		}
		for symbol in &symbols {
			volume = volume.saturating_mul(u128::from(self.symbols.get(symbol).copied()?));
		}
		Some(volume)
	}

	/// Upper bound of a count (e.g. of multiply-accumulates).
	fn count(&self, dim: &TDim) -> Option<u128> {
		let (_, high) = self.interval(dim)?;
		Some(u128::try_from(high.max(0)).unwrap_or(0))
	}
}

/// Upper bounds of what one inference of a typed model needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Needs {
	/// Total bytes of every tensor (inputs, constants, intermediate results, bodies).
	tensor_bytes: u128,
	/// Multiply-accumulates counted by tract's cost model.
	macs: u128,
}

/// The largest tensor seen, for error messages.
#[derive(Default)]
struct Largest {
	bytes: u128,
	node: String,
}

fn shape_text(fact: &TypedFact) -> String {
	let dims: Vec<String> = fact.shape.iter().map(ToString::to_string).collect();
	format!("[{}]", dims.join(", "))
}

fn walk(
	model: &TypedModel,
	extents: &Extents,
	largest: &mut Largest,
) -> Result<Needs, EngineError> {
	let mut needs = Needs::default();
	for node in model.nodes() {
		for output in &node.outputs {
			let fact = &output.fact;
			let volume = extents.volume(&fact.shape).ok_or_else(|| {
				bound(format!(
					"the size of node {:?}'s output {} depends on values computed by the model, \
					 so it cannot be bounded before running it; give the operator a size that \
					 depends only on input shapes",
					node.name,
					shape_text(fact)
				))
			})?;
			let size = u128::try_from(fact.datum_type.size_of()).unwrap_or(u128::MAX);
			let bytes = volume.saturating_mul(size);
			if bytes > largest.bytes {
				*largest = Largest { bytes, node: node.name.clone() };
			}
			needs.tensor_bytes = needs.tensor_bytes.saturating_add(bytes);
		}
		let inputs = model.node_input_facts(node.id).map_err(|e| invalid(format!("{e:#}")))?;
		// Operators without a cost model count for nothing.
		for (cost, count) in node.op.cost(&inputs).unwrap_or_default() {
			if matches!(cost, Cost::FMA(_)) {
				let count = extents.count(&count).ok_or_else(|| {
					bound(format!(
						"the work of node {:?} ({count} multiply-accumulates) depends on values \
						 computed by the model, so it cannot be bounded before running it",
						node.name
					))
				})?;
				needs.macs = needs.macs.saturating_add(count);
			}
		}
		if let Some(scan) = node.op_as::<Scan>() {
			let body = walk(&scan.body, extents, largest)?;
			let iterations = iteration_count(&scan.input_mapping, &inputs)
				.and_then(|iterations| extents.count(&iterations))
				.ok_or_else(|| {
					bound(format!(
						"the number of iterations of node {:?} cannot be bounded before running it",
						node.name
					))
				})?;
			needs.tensor_bytes = needs.tensor_bytes.saturating_add(body.tensor_bytes);
			needs.macs = needs.macs.saturating_add(body.macs.saturating_mul(iterations));
		} else if let Some(branches) = node.op_as::<IfThenElse>() {
			let then_needs = walk(&branches.then_body, extents, largest)?;
			let else_needs = walk(&branches.else_body, extents, largest)?;
			needs.tensor_bytes = needs
				.tensor_bytes
				.saturating_add(then_needs.tensor_bytes)
				.saturating_add(else_needs.tensor_bytes);
			needs.macs = needs.macs.saturating_add(then_needs.macs.max(else_needs.macs));
		}
	}
	Ok(needs)
}

/// Bounds what one inference of `model` needs for every input the signature admits (see the
/// [module documentation](self)).
///
/// # Errors
///
/// [`EngineError::ResourceBound`] if a bound is exceeded or a size cannot be bounded.
pub(crate) fn check_typed(model: &TypedModel, limits: &ResourceBounds) -> Result<(), EngineError> {
	let extents = Extents::of_inputs(model, limits.max_input_elements)
		.map_err(|e| invalid(format!("{e:#}")))?;
	let mut largest = Largest::default();
	let needs = walk(model, &extents, &mut largest)?;
	if needs.tensor_bytes > u128::from(limits.max_tensor_bytes) {
		return Err(bound(format!(
			"the tensors of one inference may take up to {} bytes for the inputs the signature \
			 admits (the largest, output of node {:?}, up to {} bytes), the bound is {}: {}",
			needs.tensor_bytes, largest.node, largest.bytes, limits.max_tensor_bytes, SHRINK_HINT
		)));
	}
	if needs.macs > u128::from(limits.max_macs) {
		return Err(bound(format!(
			"one inference may take up to {} multiply-accumulates for the inputs the signature \
			 admits, the bound is {}: {}",
			needs.macs, limits.max_macs, SHRINK_HINT
		)));
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn tensor(data_type: i32, dims: &[i64]) -> pb::TensorProto {
		pb::TensorProto { name: "t".into(), data_type, dims: dims.to_vec(), ..Default::default() }
	}

	#[test]
	fn stored_tensors_must_hold_their_declared_data() {
		let mut ok = tensor(1, &[2, 3]);
		ok.raw_data = vec![0; 24];
		assert_eq!(tensor_bytes(&ok), Ok(24));
		let mut typed = tensor(7, &[2]);
		typed.int64_data = vec![1, 2];
		assert_eq!(tensor_bytes(&typed), Ok(16));
		assert_eq!(tensor_bytes(&tensor(1, &[0, 5])), Ok(0));

		let mut truncated = tensor(1, &[100_000, 100_000]);
		truncated.raw_data = vec![0; 16];
		let error = tensor_bytes(&truncated).expect_err("truncated");
		assert!(
			matches!(&error, EngineError::InvalidModel { detail } if detail.contains("16 bytes"))
		);
		let empty = tensor(1, &[1 << 40]);
		assert!(matches!(tensor_bytes(&empty), Err(EngineError::InvalidModel { .. })));
		let overflowing = tensor(1, &[i64::MAX, i64::MAX, i64::MAX]);
		assert!(matches!(tensor_bytes(&overflowing), Err(EngineError::InvalidModel { .. })));
		assert!(matches!(tensor_bytes(&tensor(1, &[-1])), Err(EngineError::InvalidModel { .. })));
		let mut strings = tensor(8, &[1]);
		strings.raw_data = b"abc".to_vec();
		assert!(matches!(tensor_bytes(&strings), Err(EngineError::InvalidModel { .. })));
	}

	#[test]
	fn external_data_is_refused() {
		let mut external = tensor(1, &[1]);
		external.data_location = Some(1);
		external.external_data =
			vec![pb::StringStringEntryProto { key: "location".into(), value: "w.bin".into() }];
		let error = tensor_bytes(&external).expect_err("external");
		assert!(matches!(&error, EngineError::InvalidModel { detail } if detail.contains("w.bin")));
	}

	#[test]
	fn constants_add_up_against_the_bound() {
		let mut big = tensor(1, &[1024]);
		big.raw_data = vec![0; 4096];
		let mut attribute = big.clone();
		attribute.name = "attribute".into();
		let graph = pb::GraphProto {
			initializer: vec![big],
			node: vec![pb::NodeProto {
				op_type: "Constant".into(),
				output: vec!["c".into()],
				attribute: vec![pb::AttributeProto {
					name: "value".into(),
					t: Some(attribute),
					..Default::default()
				}],
				..Default::default()
			}],
			..Default::default()
		};
		let limits = |max_tensor_bytes| ResourceBounds {
			max_tensor_bytes,
			max_macs: 0,
			max_input_elements: 0,
		};
		assert_eq!(check_constants(&graph, &limits(8192)), Ok(()));
		let error = check_constants(&graph, &limits(8191)).expect_err("over");
		assert!(matches!(error, EngineError::ResourceBound { .. }), "{error}");
	}

	#[test]
	fn joint_input_bounds_apply_to_products_of_input_axes() {
		let scope = tract_onnx::prelude::SymbolScope::default();
		let (batch, seq, other) = (scope.sym("batch"), scope.sym("seq"), scope.sym("other"));
		let extents = Extents {
			symbols: HashMap::from([(batch.clone(), 1000), (seq.clone(), 1000)]),
			groups: vec![(vec![batch.clone(), seq.clone()], 1000)],
		};
		let dims = |d: &[TDim]| d.to_vec();
		let b = TDim::Sym(batch.clone());
		let s = TDim::Sym(seq.clone());
		// [batch, seq, 8]: batch * seq <= 1000.
		assert_eq!(extents.volume(&dims(&[b.clone(), s.clone(), TDim::Val(8)])), Some(8000));
		// [batch, 8]: batch alone <= 1000.
		assert_eq!(extents.volume(&dims(&[b.clone(), TDim::Val(8)])), Some(8000));
		// [batch, seq, seq]: seq is repeated, the second one bounded alone.
		assert_eq!(extents.volume(&dims(&[b.clone(), s.clone(), s.clone()])), Some(1_000_000));
		// 2 * seq + 1, seq - 1, seq / 3.
		let expression = TDim::Add(vec![TDim::MulInt(2, Box::new(s.clone())), TDim::Val(1)]);
		assert_eq!(extents.count(&expression), Some(2001));
		let minus = TDim::Add(vec![s.clone(), TDim::Val(-1)]);
		assert_eq!(extents.interval(&minus), Some((-1, 999)));
		assert_eq!(extents.count(&TDim::Div(Box::new(s.clone()), 3)), Some(333));
		// A symbol no input defines cannot be bounded.
		assert_eq!(extents.volume(&dims(&[TDim::Sym(other.clone())])), None);
		assert_eq!(extents.count(&TDim::MulInt(4, Box::new(TDim::Sym(other)))), None);
	}
}
