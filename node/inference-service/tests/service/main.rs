//! End-to-end tests of the inference service: a real server on `127.0.0.1:0`, the engine's
//! fixtures, a temporary model store and an in-memory index.

mod support;
mod workers;

use opg_inference_primitives::{
	bounded_tensors, error_code, service::MAX_REQUEST_BYTES, InferResponse, InferenceOutcome,
	Tensor,
};
use opg_inference_service::{
	check_health, infer_http, ClientError, InferenceService, ModelStore, ServiceConfig,
	ServiceConnection, ServiceError,
};
use std::{fs, thread, time::Duration};
use support::*;

#[test]
fn fixtures_are_served_from_the_index_then_from_the_store() {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path()).unwrap();
	let fixtures = fixtures();
	assert_eq!(fixtures.len(), 3);
	let index = MemoryIndex::with(&fixtures.iter().collect::<Vec<_>>());
	let expected: Vec<_> = fixtures.iter().map(expected).collect();

	let service = Harness::start(dir.path(), index.clone(), |_| {});
	for (fixture, expected) in fixtures.iter().zip(&expected) {
		assert_eq!(&service.infer(&request(fixture, None)), expected, "{}", fixture.name);
		assert_eq!(fs::read(store.path(&fixture.hash)).unwrap(), fixture.onnx);
		// The plan is cached now: no lookup.
		assert_eq!(&service.infer(&request(fixture, None)), expected, "{}", fixture.name);
	}
	assert_eq!(index.lookups(), 3);
	assert_eq!(service.metric("opg_inference_requests_total", None), 6);
	assert_eq!(service.metric("opg_inference_latency_seconds", None), 6);
	assert_eq!(service.metric("opg_inference_model_fetches_total", Some(("source", "indexed"))), 3);
	assert_eq!(service.metric("opg_inference_model_fetches_total", Some(("source", "store"))), 0);
	// Each model: one miss loading it, then one hit per run.
	assert_eq!(service.metric("opg_inference_cache_misses_total", None), 3);
	assert_eq!(service.metric("opg_inference_cache_hits_total", None), 6);
	assert_eq!(service.metric("opg_inference_failures_total", None), 0);
	drop(service);

	// A new service with an empty index serves the models from the store.
	let index = MemoryIndex::with(&[]);
	let service = Harness::start(dir.path(), index.clone(), |_| {});
	for (fixture, expected) in fixtures.iter().zip(&expected) {
		assert_eq!(&service.infer(&request(fixture, None)), expected, "{}", fixture.name);
	}
	assert_eq!(index.lookups(), 0);
	assert_eq!(service.metric("opg_inference_model_fetches_total", Some(("source", "store"))), 3);
}

#[test]
fn models_are_fetched_from_their_uri_verified_and_stored() {
	let (cnn, mlp, int8) = (fixture("cnn"), fixture("mlp"), fixture("int8"));
	let files = FileServer::start(vec![
		("/cnn.onnx", Route::Body(cnn.onnx.clone())),
		("/fake.onnx", Route::Body(mlp.onnx.clone())),
		("/ipfs/bafyint8", Route::Redirect("/files/int8.onnx")),
		("/files/int8.onnx", Route::Body(int8.onnx.clone())),
	]);
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path()).unwrap();
	let gateway = files.url.clone();
	let service =
		Harness::start(dir.path(), MemoryIndex::with(&[]), |config| config.ipfs_gateway = gateway);
	let unavailable = error_code::MODEL_UNAVAILABLE;

	// Bytes that are not the model are rejected and not stored.
	let fake = service.infer(&request(&cnn, Some(&format!("{}/fake.onnx", files.url))));
	assert!(unavailable_reason(&fake, unavailable).contains("hash"), "{fake:?}");
	assert!(!store.path(&cnn.hash).exists() && !store.path(&mlp.hash).exists());

	// A body longer than the registered size is cut short.
	let good = format!("{}/cnn.onnx", files.url);
	let mut short = request(&cnn, Some(&good));
	short.size -= 1;
	let short = service.infer(&short);
	assert!(unavailable_reason(&short, unavailable).contains("registered size"), "{short:?}");

	// Missing files and unsupported schemes.
	let missing = service.infer(&request(&cnn, Some(&format!("{}/missing.onnx", files.url))));
	assert!(unavailable_reason(&missing, unavailable).contains("404"), "{missing:?}");
	let ftp = service.infer(&request(&cnn, Some("ftp://example.com/cnn.onnx")));
	assert!(unavailable_reason(&ftp, unavailable).contains("ipfs://"), "{ftp:?}");
	assert!(!store.path(&cnn.hash).exists());

	assert_eq!(service.infer(&request(&cnn, Some(&good))), expected(&cnn));
	assert_eq!(fs::read(store.path(&cnn.hash)).unwrap(), cnn.onnx);

	// `ipfs://` goes through the gateway, whose redirect is followed.
	assert_eq!(service.infer(&request(&int8, Some("ipfs://bafyint8"))), expected(&int8));
	assert_eq!(fs::read(store.path(&int8.hash)).unwrap(), int8.onnx);

	let fetches =
		|source| service.metric("opg_inference_model_fetches_total", Some(("source", source)));
	assert_eq!((fetches("uri"), fetches("unavailable")), (2, 4));
	let failures = Some(("kind", "model_unavailable"));
	assert_eq!(service.metric("opg_inference_failures_total", failures), 4);
}

#[test]
fn unknown_models_are_unavailable() {
	let dir = tempfile::tempdir().unwrap();
	let service = Harness::start(dir.path(), MemoryIndex::with(&[]), |_| {});
	let mut unknown = request(&fixture("mlp"), None);
	unknown.model = [7; 32];
	let answer = service.infer(&unknown);
	assert!(unavailable_reason(&answer, error_code::MODEL_UNAVAILABLE).contains("no URI"));
	let failures = Some(("kind", "model_unavailable"));
	assert_eq!(service.metric("opg_inference_failures_total", failures), 1);
}

#[test]
fn wrong_inputs_are_deterministic_failures() {
	let dir = tempfile::tempdir().unwrap();
	let mlp = fixture("mlp");
	let service = Harness::start(dir.path(), MemoryIndex::with(&[&mlp]), |_| {});
	let invalid = InferResponse::Outcome(InferenceOutcome::Failure(error_code::INVALID_INPUT));
	for input in [
		Tensor::from_f32(vec![1, 7], &[0.5; 7]).unwrap(),
		Tensor::from_i32(vec![1, 8], &[1; 8]).unwrap(),
	] {
		let mut wrong = request(&mlp, None);
		wrong.inputs = bounded_tensors(vec![input]).unwrap();
		assert_eq!(service.infer(&wrong), invalid);
	}
	// The model itself is fine.
	assert_eq!(service.infer(&request(&mlp, None)), expected(&mlp));
	let failures = Some(("kind", "invalid_input"));
	assert_eq!(service.metric("opg_inference_failures_total", failures), 2);
}

#[test]
fn corrupt_store_files_are_replaced() {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path().join("models")).unwrap();
	let (mlp, cnn) = (fixture("mlp"), fixture("cnn"));

	// The store alone.
	assert_eq!(store.import(&cnn.onnx).unwrap(), cnn.hash);
	assert_eq!(store.get(&cnn.hash).unwrap(), cnn.onnx);
	fs::write(store.path(&cnn.hash), b"corrupt").unwrap();
	assert_eq!(store.get(&cnn.hash), None);
	assert!(!store.path(&cnn.hash).exists());
	let copy = dir.path().join("copy.onnx");
	fs::write(&copy, &cnn.onnx).unwrap();
	assert_eq!(store.import_file(&copy).unwrap(), cnn.hash);
	assert_eq!(store.get(&cnn.hash).unwrap(), cnn.onnx);
	assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 1, "no temporary file is left");

	// Through the service: the corrupt copy is dropped and replaced by the indexed one.
	fs::write(store.path(&mlp.hash), &mlp.onnx[..100]).unwrap();
	let service = Harness::start(store.dir(), MemoryIndex::with(&[&mlp]), |_| {});
	assert_eq!(service.infer(&request(&mlp, None)), expected(&mlp));
	assert_eq!(fs::read(store.path(&mlp.hash)).unwrap(), mlp.onnx);
	assert_eq!(service.metric("opg_inference_model_fetches_total", Some(("source", "indexed"))), 1);
}

#[test]
fn concurrent_requests_share_one_acquisition() {
	let dir = tempfile::tempdir().unwrap();
	let cnn = fixture("cnn");
	let index = MemoryIndex::with(&[&cnn]);
	let service = Harness::start(dir.path(), index.clone(), |_| {});
	let (endpoint, request) = (service.endpoint.clone(), request(&cnn, None));
	let threads: Vec<_> = (0..4)
		.map(|_| {
			let (endpoint, request) = (endpoint.clone(), request.clone());
			std::thread::spawn(move || {
				infer_http(&endpoint, &request, Duration::from_secs(300)).unwrap()
			})
		})
		.collect();
	let expected = expected(&cnn);
	for thread in threads {
		assert_eq!(thread.join().unwrap(), expected);
	}
	assert_eq!(index.lookups(), 1);
	assert_eq!(service.metric("opg_inference_cache_misses_total", None), 1);
}

#[test]
fn http_errors() {
	let dir = tempfile::tempdir().unwrap();
	let service = Harness::start(dir.path(), MemoryIndex::with(&[]), |_| {});
	check_health(&service.endpoint, Duration::from_secs(10)).unwrap();
	let get =
		|path: &str| service.raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
	assert_eq!(get("/health"), (200, "ok".to_owned()));
	assert_eq!(get("/nope").0, 404);
	assert_eq!(get("/v1/infer").0, 405);
	assert_eq!(
		service.raw(b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").0,
		405
	);

	let too_large = format!(
		"POST /v1/infer HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
		MAX_REQUEST_BYTES + 1
	);
	assert_eq!(service.raw(too_large.as_bytes()).0, 413);

	let (status, reason) =
		service.raw(b"POST /v1/infer HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\ngarbage");
	assert_eq!(status, 400);
	assert!(reason.contains("InferRequest"), "{reason}");

	assert_eq!(service.metric("opg_inference_requests_total", None), 2);
	let failures = |kind| service.metric("opg_inference_failures_total", Some(("kind", kind)));
	assert_eq!((failures("request_too_large"), failures("bad_request")), (1, 1));
	assert_eq!(service.metric("opg_inference_latency_seconds", None), 0);

	// Client-side errors.
	let request = request(&fixture("mlp"), None);
	let timeout = Duration::from_secs(10);
	let error = infer_http("127.0.0.1:9955", &request, timeout).unwrap_err();
	assert!(matches!(error, ClientError::Endpoint(_)), "{error}");
	let error = check_health(&format!("{}/prefix", service.endpoint), timeout).unwrap_err();
	assert!(matches!(error, ClientError::Status { status: 404, .. }), "{error}");
	let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
	let error = check_health(&format!("http://{closed}"), timeout).unwrap_err();
	assert!(matches!(error, ClientError::Io { .. }), "{error}");
}

/// A connection carries request after request (HTTP keep-alive) until it stays idle for the
/// request timeout; the client then connects again on its own.
#[test]
fn connections_are_kept_alive_until_idle() {
	let dir = tempfile::tempdir().unwrap();
	let mlp = fixture("mlp");
	let idle = Duration::from_millis(500);
	let service = Harness::start(dir.path(), MemoryIndex::with(&[&mlp]), |config| {
		config.request_timeout = idle
	});
	let mut stream = std::net::TcpStream::connect(service.addr).unwrap();
	for _ in 0..3 {
		let answer = raw_on(&mut stream, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
		assert_eq!(answer, (200, "ok".to_owned()));
	}
	thread::sleep(idle * 3);
	let mut rest = Vec::new();
	assert_eq!(std::io::Read::read_to_end(&mut stream, &mut rest).unwrap(), 0);

	let mut connection = ServiceConnection::new(&service.endpoint).unwrap();
	let (request, expected) = (request(&mlp, None), expected(&mlp));
	let timeout = Duration::from_secs(300);
	for pause in [Duration::ZERO, Duration::ZERO, idle * 3] {
		thread::sleep(pause);
		assert_eq!(connection.infer(&request, timeout).unwrap(), expected);
	}
	assert_eq!(service.metric("opg_inference_requests_total", None), 3);
}

#[test]
fn slow_bodies_time_out() {
	let dir = tempfile::tempdir().unwrap();
	let service = Harness::start(dir.path(), MemoryIndex::with(&[]), |config| {
		config.request_timeout = Duration::from_millis(300)
	});
	let partial = b"POST /v1/infer HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nsome";
	assert_eq!(service.raw(partial).0, 408);
	let failures = Some(("kind", "request_timeout"));
	assert_eq!(service.metric("opg_inference_failures_total", failures), 1);
}

#[test]
fn port_conflicts_are_reported_at_start() {
	let dir = tempfile::tempdir().unwrap();
	let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
	let mut config = ServiceConfig::new(dir.path(), worker());
	config.listen = taken.local_addr().unwrap();
	let service = InferenceService::new(config, MemoryIndex::with(&[]), None).unwrap();
	assert!(matches!(service.start(), Err(ServiceError::Bind { .. })));

	// Metrics can be registered once per registry.
	let registry = substrate_prometheus_endpoint::Registry::new();
	let new = |registry| {
		InferenceService::new(
			ServiceConfig::new(dir.path(), worker()),
			MemoryIndex::with(&[]),
			registry,
		)
	};
	assert!(new(Some(&registry)).is_ok());
	assert!(matches!(new(Some(&registry)), Err(ServiceError::Prometheus(_))));
}

#[test]
fn the_bounds_of_each_request_are_the_ones_applied() {
	let dir = tempfile::tempdir().unwrap();
	let mlp = fixture("mlp");
	let service = Harness::start(dir.path(), MemoryIndex::with(&[&mlp]), |_| {});
	let expected = expected(&mlp);
	assert_eq!(service.infer(&request(&mlp, None)), expected);
	// Tighter bounds than the model needs: the deterministic refusal every validator reaches.
	let mut tight = request(&mlp, None);
	tight.bounds.max_tensor_bytes = 16;
	assert_eq!(
		service.infer(&tight),
		InferResponse::Outcome(InferenceOutcome::Failure(error_code::RESOURCE_BOUND))
	);
	// The chain's bounds again: the model is loaded under them again.
	assert_eq!(service.infer(&request(&mlp, None)), expected);
}

#[test]
fn deterministic_requests_run_in_workers_of_their_own() {
	let dir = tempfile::tempdir().unwrap();
	// A float MLP followed by ArgMax: refused with the fastest kernels, run deterministically.
	let argmax = argmax();
	let mlp = fixture("mlp");
	let service = Harness::start(dir.path(), MemoryIndex::with(&[&argmax, &mlp]), |_| {});
	let mut fastest = request(&argmax, None);
	assert_eq!(
		service.infer(&fastest),
		InferResponse::Outcome(InferenceOutcome::Failure(error_code::FLOAT_TO_DISCRETE))
	);
	fastest.execution = opg_inference_primitives::ExecutionMode::Deterministic;
	let InferResponse::Outcome(InferenceOutcome::Success(outputs)) = service.infer(&fastest) else {
		panic!("the deterministic mode runs the ArgMax model");
	};
	let class = outputs[0].to_vec::<i64>().unwrap();
	assert!(class.len() == 1 && (0..4).contains(&class[0]), "{class:?}");
	// The fastest workers are untouched: the MLP still gets this process's fastest kernels' bits.
	assert_eq!(service.infer(&request(&mlp, None)), expected(&mlp));
	let refused = Some(("kind", "float_to_discrete"));
	assert_eq!(service.metric("opg_inference_failures_total", refused), 1);
}
