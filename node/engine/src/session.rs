//! tract states kept between the runs of a model, one per model on each worker thread.
//!
//! A run needs a tract `SimpleState`: the table of the values of one inference, and the key
//! (its session) under which tract keeps, in thread-local maps, the scratch space and output
//! layouts of the matrix products. Spawning a state per run, as `SimplePlan::run` does, costs
//! its allocations and loses those layouts. So each worker thread keeps the state of every
//! model it ran, thread-local: tract finds the scratch of a session on the thread that made
//! it, so a state never moves to another thread.
//!
//! A kept state gives the outputs a fresh one would:
//!
//! - it is kept only if the plan has no operator state at all: tract's operator states are
//!   what operators carry from one run to the next (the body of a `Scan`, the generator of a
//!   seeded random operator, which the engine refuses anyway, ...), so the plans that have
//!   some get a fresh state for every run, as before;
//! - tract clears the values and the resolved symbols of a state after each successful run;
//!   the scenario is cleared here. A run that fails or panics drops its state.
//!
//! A state holds its plan: the state of a model dropped from the plan cache is dropped by its
//! thread at its next job, or after `IDLE_PERIOD` when the thread is idle (see `worker.rs`), so
//! an evicted plan does not outlive its eviction for long. A thread drops its states as it
//! ends, before its thread-local storage goes: dropping a state reaches tract's thread-local
//! scratch, which may be destroyed first otherwise.

use crate::compile::CompiledModel;
use std::{
	cell::RefCell,
	sync::{Arc, Weak},
};
use tract_onnx::prelude::{TValue, TVec, TractResult, TypedSimpleState};

thread_local! {
	/// The states kept by this thread, with the model each belongs to.
	static KEPT_STATES: RefCell<Vec<(Weak<CompiledModel>, TypedSimpleState)>> =
		const { RefCell::new(Vec::new()) };
}

/// Runs the plan of `model` on `inputs` with the state this thread kept for it, or a new one,
/// and keeps the state for the next run if the plan has no operator state.
pub(crate) fn run_plan(
	model: &Arc<CompiledModel>,
	inputs: TVec<TValue>,
) -> TractResult<TVec<TValue>> {
	let mut state = match take_state(model) {
		Some(state) => state,
		None => model.plan.spawn()?,
	};
	let outputs = state.run(inputs)?;
	if state.op_states.iter().all(Option::is_none) {
		state.turn_state.scenario = None;
		KEPT_STATES.with_borrow_mut(|kept| kept.push((Arc::downgrade(model), state)));
	}
	Ok(outputs)
}

/// Removes the state kept for `model` from this thread's, dropping those of unloaded models.
fn take_state(model: &Arc<CompiledModel>) -> Option<TypedSimpleState> {
	forget_unloaded();
	KEPT_STATES.with_borrow_mut(|kept| {
		let position = kept.iter().position(|(owner, _)| owner.as_ptr() == Arc::as_ptr(model))?;
		Some(kept.swap_remove(position).1)
	})
}

/// Drops every state this thread kept; what a worker thread does as it ends, before its
/// thread-local storage is destroyed (dropping a state reaches tract's).
pub(crate) fn forget_all() {
	let kept = KEPT_STATES.with_borrow_mut(std::mem::take);
	drop(kept);
}

/// Drops the states this thread kept for models that are no longer loaded (dropped from the
/// plan cache, and no run of theirs in progress).
pub(crate) fn forget_unloaded() {
	// Taken out first: dropping a state calls into tract, which must not find the list
	// borrowed.
	let unloaded: Vec<_> = KEPT_STATES.with_borrow_mut(|kept| {
		kept.extract_if(.., |(owner, _)| owner.strong_count() == 0).collect()
	});
	drop(unloaded);
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		compile::{compile, describe},
		convert,
	};
	use opg_inference_primitives::{
		Dim, ElementType, ExecutionMode, ModelSignature, ResourceBounds, Tensor, TensorSpec,
	};
	use tract_onnx::{
		pb,
		prelude::{
			tvec, Framework, InferenceModelExt, IntoRunnable, IntoTValue, Tensor as TractTensor,
		},
	};

	fn load(onnx: &[u8]) -> Arc<CompiledModel> {
		let signature = describe(onnx).expect("signature");
		Arc::new(
			compile(onnx, &signature, &ResourceBounds::OPG, ExecutionMode::Fastest)
				.expect("compile"),
		)
	}

	fn fixture(name: &str) -> (Arc<CompiledModel>, TValue) {
		// The crate's directory when the test runs (cargo sets it), not where it was compiled: a
		// shared target directory may hold a binary built from another checkout.
		let dir = std::env::var_os("CARGO_MANIFEST_DIR")
			.map(std::path::PathBuf::from)
			.unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
			.join("fixtures");
		let onnx = std::fs::read(dir.join(format!("{name}.onnx"))).expect("model");
		let input = crate::io::read_tensor(&dir.join(format!("{name}.input0.npy"))).expect("input");
		(load(&onnx), convert::to_tract(&input).expect("input").into_tvalue())
	}

	fn canonical(outputs: TVec<TValue>) -> Vec<Tensor> {
		outputs.iter().map(|value| convert::from_tract(value).expect("output")).collect()
	}

	fn kept() -> usize {
		KEPT_STATES.with_borrow(Vec::len)
	}

	#[test]
	fn a_kept_state_gives_the_outputs_of_a_fresh_one() {
		forget_unloaded();
		let models: Vec<_> = ["mlp", "cnn", "int8"].into_iter().map(fixture).collect();
		for (model, input) in &models {
			let fresh = canonical(model.plan.run(tvec![input.clone()]).expect("fresh"));
			let zeros = TractTensor::zero_dt(input.datum_type(), input.shape()).expect("zeros");
			let fresh_zeros =
				canonical(model.plan.run(tvec![zeros.clone().into()]).expect("fresh"));
			for _ in 0..2 {
				assert_eq!(canonical(run_plan(model, tvec![input.clone()]).expect("run")), fresh);
				let on_zeros = run_plan(model, tvec![zeros.clone().into()]).expect("run");
				assert_eq!(canonical(on_zeros), fresh_zeros);
			}
		}
		// One state per model, kept on this thread until the model is dropped.
		assert_eq!(kept(), 3);
		drop(models);
		forget_unloaded();
		assert_eq!(kept(), 0);
	}

	/// `RandomNormal` with a seed draws the same values on every run, from a generator that is
	/// its operator state: a kept state would draw the next values. (The engine refuses random
	/// operators; the plan is made by tract directly.)
	#[test]
	fn plans_with_operator_states_get_a_fresh_state_every_run() {
		let output = pb::ValueInfoProto {
			name: "y".into(),
			r#type: Some(pb::TypeProto {
				value: Some(pb::type_proto::Value::TensorType(pb::type_proto::Tensor {
					elem_type: 1,
					shape: Some(pb::TensorShapeProto {
						dim: vec![pb::tensor_shape_proto::Dimension {
							value: Some(pb::tensor_shape_proto::dimension::Value::DimValue(4)),
							..Default::default()
						}],
					}),
				})),
				..Default::default()
			}),
			..Default::default()
		};
		let shape = pb::AttributeProto {
			name: "shape".into(),
			r#type: pb::attribute_proto::AttributeType::Ints.into(),
			ints: vec![4],
			..Default::default()
		};
		let seed = pb::AttributeProto {
			name: "seed".into(),
			r#type: pb::attribute_proto::AttributeType::Float.into(),
			f: 7.0,
			..Default::default()
		};
		let random = pb::NodeProto {
			op_type: "RandomNormal".into(),
			output: vec!["y".into()],
			attribute: vec![shape, seed],
			..Default::default()
		};
		let proto = pb::ModelProto {
			ir_version: 8,
			opset_import: vec![pb::OperatorSetIdProto { domain: String::new(), version: 17 }],
			graph: Some(pb::GraphProto {
				node: vec![random],
				output: vec![output],
				..Default::default()
			}),
			..Default::default()
		};
		let onnx = prost::Message::encode_to_vec(&proto);
		let plan = tract_onnx::onnx()
			.model_for_read(&mut onnx.as_slice())
			.and_then(|model| model.into_optimized())
			.and_then(|model| model.into_runnable())
			.expect("plan");
		let spec = TensorSpec::new(ElementType::F32, vec![Dim::Fixed(4)]).expect("spec");
		let model = Arc::new(CompiledModel {
			signature: ModelSignature::new(vec![spec.clone()], vec![spec]).expect("signature"),
			bounds: ResourceBounds::OPG,
			plan,
			approx_bytes: 0,
			guards: Default::default(),
		});
		let first = canonical(run_plan(&model, tvec![]).expect("run"));
		let second = canonical(run_plan(&model, tvec![]).expect("run"));
		assert_eq!(first, second);
		// A kept state would have drawn other values.
		let mut state = model.plan.spawn().expect("state");
		assert_eq!(canonical(state.run(tvec![]).expect("run")), first);
		assert_ne!(canonical(state.run(tvec![]).expect("run")), first);
		assert!(KEPT_STATES.with_borrow(|kept| {
			kept.iter().all(|(owner, _)| owner.as_ptr() != Arc::as_ptr(&model))
		}));
		forget_all();
	}
}
