//! Every failure is a typed error with the right code and determinism.

use crate::support;
use opg_inference_engine::{EngineError, EngineErrorKind, SignatureSide};
use opg_inference_primitives::{error_code, Dim, ElementType, ModelSignature, Tensor, TensorSpec};
use std::{
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	thread,
	time::{Duration, Instant},
};

fn assert_code(error: &EngineError, code: u16, deterministic: bool) {
	assert_eq!(error.code(), code, "{error}");
	assert_eq!(error.is_deterministic(), deterministic, "{error}");
}

#[test]
fn hash_mismatch() {
	let fixture = support::fixture("mlp");
	let engine = support::engine();
	let mut wrong = fixture.hash;
	wrong[0] ^= 1;
	let error = engine.load(wrong, &fixture.onnx, &fixture.signature).expect_err("mismatch");
	assert_eq!(error, EngineError::HashMismatch { expected: wrong, actual: fixture.hash });
	assert_code(&error, error_code::MODEL_UNAVAILABLE, false);
	assert!(!engine.cached(&wrong) && !engine.cached(&fixture.hash));
	assert_eq!(engine.stats().failures(EngineErrorKind::HashMismatch), 1);
}

#[test]
fn model_too_large() {
	let fixture = support::fixture("mlp");
	let engine = support::engine_with(|config| config.max_model_bytes = 100);
	let error = engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect_err("large");
	assert_eq!(error, EngineError::ModelTooLarge { actual: fixture.onnx.len() as u64, limit: 100 });
	assert_code(&error, error_code::RESOURCE_LIMIT, false);
}

#[test]
fn corrupt_models_are_invalid() {
	let fixture = support::fixture("mlp");
	let engine = support::engine();
	let truncated = &fixture.onnx[..fixture.onnx.len() / 2];
	let garbage: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37)).collect();
	for bytes in [truncated, &garbage[..], &[][..]] {
		let hash = sp_crypto_hashing::blake2_256(bytes);
		let error = engine.load(hash, bytes, &fixture.signature).expect_err("corrupt");
		assert!(matches!(error, EngineError::InvalidModel { .. }), "{error}");
		assert_code(&error, error_code::MODEL_EXECUTION, true);
	}
}

/// tract would panic on a graph output that no node produces: it is caught before parsing.
#[test]
fn dangling_graph_output_is_invalid() {
	use prost::Message;
	let fixture = support::fixture("mlp");
	let mut proto = tract_onnx::pb::ModelProto::decode(&fixture.onnx[..]).expect("decode");
	proto.graph.as_mut().expect("graph").output[0].name = "nowhere".into();
	let onnx = proto.encode_to_vec();
	let hash = sp_crypto_hashing::blake2_256(&onnx);
	let error = support::engine().load(hash, &onnx, &fixture.signature).expect_err("dangling");
	assert!(
		matches!(&error, EngineError::InvalidModel { detail } if detail.contains("nowhere")),
		"{error}"
	);
	assert_code(&error, error_code::MODEL_EXECUTION, true);
}

/// A string initializer stored as raw bytes (tract would hit `unimplemented!` on it) is
/// refused before tract reads it.
#[test]
fn raw_string_tensors_are_invalid() {
	use prost::Message;
	let fixture = support::fixture("mlp");
	let mut proto = tract_onnx::pb::ModelProto::decode(&fixture.onnx[..]).expect("decode");
	proto.graph.as_mut().expect("graph").initializer.push(tract_onnx::pb::TensorProto {
		name: "strings".into(),
		data_type: 8,
		dims: vec![1],
		raw_data: b"abc".to_vec(),
		..Default::default()
	});
	let onnx = proto.encode_to_vec();
	let error = support::engine()
		.load(sp_crypto_hashing::blake2_256(&onnx), &onnx, &fixture.signature)
		.expect_err("invalid");
	assert!(matches!(&error, EngineError::InvalidModel { detail } if detail.contains("strings")));
	assert_code(&error, error_code::MODEL_EXECUTION, true);
}

/// A `Flatten` without input makes tract's shape inference index an empty slice: the panic
/// is contained, in `Engine::load` and in [`describe`](opg_inference_engine::describe), and
/// the engine stays usable. Shape inference depends on the graph alone, so the panic is an
/// invalid model, the deterministic code every validator reaches.
#[test]
fn tract_panics_are_contained() {
	use tract_onnx::pb;
	let info = |name: &str, dims: &[i64]| pb::ValueInfoProto {
		name: name.into(),
		r#type: Some(pb::TypeProto {
			value: Some(pb::type_proto::Value::TensorType(pb::type_proto::Tensor {
				elem_type: 1,
				shape: Some(pb::TensorShapeProto {
					dim: dims
						.iter()
						.map(|&d| pb::tensor_shape_proto::Dimension {
							value: Some(pb::tensor_shape_proto::dimension::Value::DimValue(d)),
							..Default::default()
						})
						.collect(),
				}),
			})),
			..Default::default()
		}),
		..Default::default()
	};
	let flatten =
		pb::NodeProto { op_type: "Flatten".into(), output: vec!["y".into()], ..Default::default() };
	let proto = pb::ModelProto {
		ir_version: 8,
		opset_import: vec![pb::OperatorSetIdProto { domain: String::new(), version: 17 }],
		graph: Some(pb::GraphProto {
			node: vec![flatten],
			input: vec![info("x", &[2, 2])],
			output: vec![info("y", &[2, 2])],
			..Default::default()
		}),
		..Default::default()
	};
	let onnx = prost::Message::encode_to_vec(&proto);
	let signature = ModelSignature::new(
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Fixed(2), Dim::Fixed(2)]).expect("in")],
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Fixed(2), Dim::Fixed(2)]).expect("out")],
	)
	.expect("signature");
	let engine = support::engine();
	let error =
		engine.load(sp_crypto_hashing::blake2_256(&onnx), &onnx, &signature).expect_err("panic");
	assert!(
		matches!(&error, EngineError::InvalidModel { detail } if detail.contains("tract panicked")),
		"{error}"
	);
	assert_code(&error, error_code::MODEL_EXECUTION, true);
	assert_eq!(engine.stats().in_flight, 0);
	let described = opg_inference_engine::describe(&onnx).expect_err("panic");
	assert!(matches!(described, EngineError::InvalidModel { .. }), "{described}");
	let fixture = support::fixture("mlp");
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("still usable");
	assert!(engine.run(fixture.hash, &fixture.inputs).is_ok());
}

#[test]
fn unsupported_operator() {
	let onnx = support::read_fixture_file("unsupported.onnx");
	let signature = ModelSignature::new(
		vec![TensorSpec::new(ElementType::F32, vec![Dim::Fixed(2), Dim::Fixed(2)]).expect("in")],
		vec![TensorSpec::new(ElementType::F32, vec![]).expect("out")],
	)
	.expect("signature");
	let engine = support::engine();
	let error = engine
		.load(sp_crypto_hashing::blake2_256(&onnx), &onnx, &signature)
		.expect_err("unsupported");
	assert_eq!(error, EngineError::UnsupportedOperator { name: "Det".into(), reason: None });
	assert_code(&error, error_code::UNSUPPORTED_OPERATOR, true);
}

fn mismatch(fixture: &support::Fixture, signature: &ModelSignature) -> EngineError {
	support::engine().load(fixture.hash, &fixture.onnx, signature).expect_err("mismatch")
}

#[test]
fn signature_mismatches() {
	let mlp = support::fixture("mlp");
	let cnn = support::fixture("cnn");
	let inputs = |error: &EngineError| {
		assert!(
			matches!(error, EngineError::SignatureMismatch { side: SignatureSide::Inputs, .. }),
			"{error}"
		);
		assert_code(error, error_code::INVALID_INPUT, true);
	};
	let outputs = |error: &EngineError| {
		assert!(
			matches!(error, EngineError::SignatureMismatch { side: SignatureSide::Outputs, .. }),
			"{error}"
		);
		assert_code(error, error_code::OUTPUT_SIGNATURE, true);
	};

	let mut signature = mlp.signature.clone();
	signature.inputs[0].element_type = ElementType::I32;
	inputs(&mismatch(&mlp, &signature));

	let mut signature = mlp.signature.clone();
	signature.inputs[0].shape[1] = Dim::Fixed(9);
	inputs(&mismatch(&mlp, &signature));

	let mut signature = mlp.signature.clone();
	signature.inputs[0].shape.try_push(Dim::Fixed(1)).expect("rank 3");
	inputs(&mismatch(&mlp, &signature));

	let mut signature = mlp.signature.clone();
	signature.inputs.try_push(signature.inputs[0].clone()).expect("two inputs");
	inputs(&mismatch(&mlp, &signature));

	// The CNN fixes its batch axis to 1: a dynamic batch cannot be honoured.
	let mut signature = cnn.signature.clone();
	signature.inputs[0].shape[0] = Dim::Dynamic;
	inputs(&mismatch(&cnn, &signature));

	let mut signature = mlp.signature.clone();
	signature.outputs[1].element_type = ElementType::F64;
	outputs(&mismatch(&mlp, &signature));

	let mut signature = mlp.signature.clone();
	signature.outputs[0].shape[1] = Dim::Fixed(5);
	outputs(&mismatch(&mlp, &signature));

	let mut signature = cnn.signature.clone();
	signature.outputs[0].shape.pop();
	outputs(&mismatch(&cnn, &signature));

	let mut signature = mlp.signature.clone();
	signature.outputs.pop();
	outputs(&mismatch(&mlp, &signature));

	let signature = ModelSignature::new(mlp.signature.inputs.to_vec(), vec![]).expect("empty");
	let error = mismatch(&mlp, &signature);
	assert!(matches!(error, EngineError::InvalidSignature { .. }), "{error}");
	assert_code(&error, error_code::OUTPUT_SIGNATURE, true);
}

#[test]
fn invalid_inputs() {
	let fixture = support::fixture("mlp");
	let engine = support::engine();
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
	let wrong_shape = Tensor::from_f32(vec![1, 9], &[0.0; 9]).expect("shape");
	let wrong_type = Tensor::from_f64(vec![1, 8], &[0.0; 8]).expect("type");
	let wrong_rank = Tensor::from_f32(vec![8], &[0.0; 8]).expect("rank");
	let cases: [&[Tensor]; 5] = [
		&[wrong_shape],
		&[wrong_type],
		&[wrong_rank],
		&[],
		&[fixture.inputs[0].clone(), fixture.inputs[0].clone()],
	];
	for inputs in cases {
		let error = engine.run(fixture.hash, inputs).expect_err("invalid");
		assert!(matches!(error, EngineError::InvalidInput { .. }), "{error}");
		assert_code(&error, error_code::INVALID_INPUT, true);
	}
	// A tensor that bypassed the constructors: data shorter than its shape.
	let mut forged = fixture.inputs[0].clone();
	forged.data.pop();
	let error = engine.run(fixture.hash, &[forged]).expect_err("forged");
	assert!(matches!(error, EngineError::InvalidInput { .. }), "{error}");
	assert_eq!(engine.stats().failures(EngineErrorKind::InvalidInput), 6);
}

#[test]
fn too_many_input_elements() {
	let fixture = support::fixture("mlp");
	let engine = support::engine_with(|config| config.max_input_elements = 7);
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).expect("load");
	let error = engine.run(fixture.hash, &fixture.inputs).expect_err("too large");
	assert_eq!(error, EngineError::InputTooLarge { actual: 8, limit: 7 });
	assert_code(&error, error_code::RESOURCE_LIMIT, false);
}

/// Waits until no worker holds a slot (abandoned ones finish in the background).
fn wait_idle(engine: &opg_inference_engine::Engine) {
	let start = Instant::now();
	while engine.stats().in_flight > 0 {
		assert!(start.elapsed() < Duration::from_secs(300), "workers never finished");
		thread::sleep(Duration::from_millis(10));
	}
}

#[test]
fn timeout() {
	let (onnx, hash, signature, input) = support::slow_model();
	let engine = support::engine_with(|config| {
		// Far below the seconds the slow model takes, far above what the MLP below takes.
		config.timeout = Duration::from_millis(25);
		config.max_concurrency = 1;
	});
	engine.load(hash, &onnx, &signature).expect("load");
	let start = Instant::now();
	let error = engine.run(hash, std::slice::from_ref(&input)).expect_err("timeout");
	let waited = start.elapsed();
	assert_eq!(error, EngineError::Timeout { millis: 25 });
	assert_code(&error, error_code::TIMEOUT, false);
	assert!(waited < Duration::from_secs(2), "gave up after {waited:?}");
	// The abandoned inference still holds the only worker thread: the next call cannot start.
	assert_eq!(engine.stats().in_flight, 1);
	let busy = engine.run(hash, std::slice::from_ref(&input)).expect_err("busy");
	assert!(matches!(busy, EngineError::Busy { slots: 1, .. }), "{busy}");
	assert!(!busy.is_deterministic());
	wait_idle(&engine);
	let stats = engine.stats();
	assert_eq!(stats.failures(EngineErrorKind::Timeout), 1);
	assert_eq!(stats.failures(EngineErrorKind::Busy), 1);
	// The only worker thread, done with the abandoned inference, serves the next ones.
	let mlp = support::fixture("mlp");
	engine.load(mlp.hash, &mlp.onnx, &mlp.signature).expect("load");
	let outputs = engine.run(mlp.hash, &mlp.inputs).expect("run");
	assert_eq!(engine.run(mlp.hash, &mlp.inputs), Ok(outputs));
}

#[test]
fn concurrency_limit_is_respected() {
	let (onnx, hash, signature, input) = support::slow_model();
	let engine = Arc::new(support::engine_with(|config| config.max_concurrency = 2));
	engine.load(hash, &onnx, &signature).expect("load");
	let done = Arc::new(AtomicBool::new(false));
	let monitor = {
		let (engine, done) = (Arc::clone(&engine), Arc::clone(&done));
		thread::spawn(move || {
			let mut peak = 0;
			while !done.load(Ordering::SeqCst) {
				peak = peak.max(engine.stats().in_flight);
				thread::sleep(Duration::from_millis(1));
			}
			peak
		})
	};
	let callers: Vec<_> = (0..4)
		.map(|_| {
			let (engine, input) = (Arc::clone(&engine), input.clone());
			thread::spawn(move || engine.run(hash, &[input]))
		})
		.collect();
	let results: Vec<_> = callers.into_iter().map(|c| c.join().expect("caller")).collect();
	done.store(true, Ordering::SeqCst);
	let peak = monitor.join().expect("monitor");
	for result in &results {
		assert_eq!(result.as_ref().map(Vec::len), Ok(1));
	}
	// Every caller got the same (bit-identical) answer.
	assert!(results.windows(2).all(|pair| pair[0] == pair[1]));
	assert_eq!(peak, 2, "in-flight inferences peaked at {peak}");
	assert_eq!(engine.stats().in_flight, 0);
	assert_eq!(engine.stats().inferences, 4);
}
