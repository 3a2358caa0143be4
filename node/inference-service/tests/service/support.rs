//! Engine fixtures, an in-memory index, a service harness, a raw HTTP helper and a tiny file
//! server.

use opg_inference_engine::{io, Engine, EngineConfig};
use opg_inference_primitives::{
	bounded_tensors, Dim, ElementType, ExecutionMode, InferRequest, InferResponse,
	InferenceOutcome, ModelSignature, ResourceBounds, Tensor, TensorSpec,
};
use opg_inference_service::{
	infer_http, IndexedModels, InferenceService, ServiceConfig, WorkerCommand,
};
use serde_json::Value;
use std::{
	collections::HashMap,
	io::{Read, Write},
	net::{SocketAddr, TcpListener, TcpStream},
	path::{Path, PathBuf},
	sync::{
		atomic::{AtomicUsize, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};
use substrate_prometheus_endpoint::{prometheus::proto::MetricType, Registry};

/// One model of the engine's `fixtures/fixtures.json`.
pub struct Fixture {
	pub name: String,
	pub onnx: Vec<u8>,
	pub hash: [u8; 32],
	pub signature: ModelSignature,
	pub inputs: Vec<Tensor>,
}

fn fixtures_dir() -> PathBuf {
	// The crate's directory when the test runs (cargo sets it), not where it was compiled: a
	// shared target directory may hold a binary built from another checkout.
	let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
	manifest_dir.join("../engine/fixtures")
}

fn specs(value: &Value) -> Vec<TensorSpec> {
	let spec = |spec: &Value| {
		let name = spec["type"].as_str().unwrap();
		let element_type = ElementType::ALL.into_iter().find(|t| t.name() == name).unwrap();
		let dims = spec["shape"].as_array().unwrap().iter();
		let dims = dims.map(|d| d.as_u64().map_or(Dim::Dynamic, |n| Dim::Fixed(n as u32)));
		TensorSpec::new(element_type, dims.collect()).unwrap()
	};
	value.as_array().unwrap().iter().map(spec).collect()
}

/// A model of a manifest in `dir` (`fixtures.json` or the hostile corpus's), with its inputs.
fn model_of(dir: &Path, model: &Value) -> Fixture {
	let onnx = std::fs::read(dir.join(model["file"].as_str().unwrap())).unwrap();
	let inputs = model["inputs"].as_array().map_or(&[][..], Vec::as_slice).iter();
	Fixture {
		name: model["name"].as_str().unwrap().to_owned(),
		hash: sp_crypto_hashing::blake2_256(&onnx),
		onnx,
		signature: ModelSignature::new(
			specs(&model["signature"]["inputs"]),
			specs(&model["signature"]["outputs"]),
		)
		.unwrap(),
		inputs: inputs
			.map(|file| io::read_tensor(&dir.join(file.as_str().unwrap())).unwrap())
			.collect(),
	}
}

/// Every model of a manifest in `dir`.
fn manifest(dir: &Path, file: &str) -> Vec<Fixture> {
	let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap();
	manifest["models"].as_array().unwrap().iter().map(|model| model_of(dir, model)).collect()
}

/// Every model of the manifest.
pub fn fixtures() -> Vec<Fixture> {
	manifest(&fixtures_dir(), "fixtures.json")
}

/// How the tests start inference workers: the crate's own `opg-inference-worker`.
pub fn worker() -> WorkerCommand {
	WorkerCommand { program: env!("CARGO_BIN_EXE_opg-inference-worker").into(), args: vec![] }
}

/// The engine's slow helper model (`slow.onnx`, ~17 GFLOP): f32 [1, 8] -> f32 [1, 1].
pub fn slow() -> Fixture {
	let onnx = std::fs::read(fixtures_dir().join("slow.onnx")).unwrap();
	let spec = |n| TensorSpec::new(ElementType::F32, vec![Dim::Fixed(1), Dim::Fixed(n)]).unwrap();
	Fixture {
		name: "slow".to_owned(),
		hash: sp_crypto_hashing::blake2_256(&onnx),
		onnx,
		signature: ModelSignature::new(vec![spec(8)], vec![spec(1)]).unwrap(),
		inputs: vec![Tensor::from_f32(vec![1, 8], &[0.01; 8]).unwrap()],
	}
}

/// A model of the hostile corpus (`fixtures/hostile/manifest.json`), with its inputs if the
/// corpus has some.
pub fn hostile(name: &str) -> Fixture {
	let corpus = manifest(&fixtures_dir().join("hostile"), "manifest.json");
	corpus.into_iter().find(|model| model.name == name).unwrap()
}

/// The engine's `argmax.onnx`, a float MLP whose class is taken by `ArgMax`: f32 [1, 8] ->
/// i64 [1], run on the MLP fixture's input.
pub fn argmax() -> Fixture {
	let onnx = std::fs::read(fixtures_dir().join("argmax.onnx")).unwrap();
	let spec = |element_type, dims: Vec<u32>| {
		TensorSpec::new(element_type, dims.into_iter().map(Dim::Fixed).collect()).unwrap()
	};
	Fixture {
		name: "argmax".to_owned(),
		hash: sp_crypto_hashing::blake2_256(&onnx),
		onnx,
		signature: ModelSignature::new(
			vec![spec(ElementType::F32, vec![1, 8])],
			vec![spec(ElementType::I64, vec![1])],
		)
		.unwrap(),
		inputs: fixture("mlp").inputs,
	}
}

pub fn fixture(name: &str) -> Fixture {
	fixtures().into_iter().find(|f| f.name == name).unwrap()
}

pub fn engine_config() -> EngineConfig {
	EngineConfig {
		timeout: Duration::from_secs(120),
		load_timeout: Duration::from_secs(120),
		..EngineConfig::default()
	}
}

/// What the service must answer for a fixture: the engine's own outputs.
pub fn expected(fixture: &Fixture) -> InferResponse {
	let engine = Engine::new(engine_config());
	engine.load(fixture.hash, &fixture.onnx, &fixture.signature).unwrap();
	let outputs = engine.run(fixture.hash, &fixture.inputs).unwrap();
	InferResponse::Outcome(InferenceOutcome::Success(bounded_tensors(outputs).unwrap()))
}

/// A request running a fixture on its reference inputs.
pub fn request(fixture: &Fixture, uri: Option<&str>) -> InferRequest {
	InferRequest {
		model: fixture.hash,
		size: fixture.onnx.len() as u32,
		signature: fixture.signature.clone(),
		bounds: ResourceBounds::OPG,
		execution: ExecutionMode::Fastest,
		uri: uri.map(|uri| uri.as_bytes().to_vec()),
		inputs: bounded_tensors(fixture.inputs.clone()).unwrap(),
	}
}

/// Whether `response` is `Unavailable` with `code`; its reason.
pub fn unavailable_reason(response: &InferResponse, code: u16) -> String {
	match response {
		InferResponse::Unavailable { code: actual, reason } if *actual == code => {
			String::from_utf8(reason.clone()).unwrap()
		}
		other => panic!("expected Unavailable({code}), got {other:?}"),
	}
}

/// An in-memory [`IndexedModels`] counting its lookups.
#[derive(Default)]
pub struct MemoryIndex {
	models: Mutex<HashMap<[u8; 32], Vec<u8>>>,
	lookups: AtomicUsize,
}

impl MemoryIndex {
	pub fn with(fixtures: &[&Fixture]) -> Arc<Self> {
		let index = MemoryIndex::default();
		for fixture in fixtures {
			index.models.lock().unwrap().insert(fixture.hash, fixture.onnx.clone());
		}
		Arc::new(index)
	}

	pub fn lookups(&self) -> usize {
		self.lookups.load(Ordering::SeqCst)
	}
}

impl IndexedModels for MemoryIndex {
	fn get(&self, hash: &[u8; 32]) -> Option<Vec<u8>> {
		self.lookups.fetch_add(1, Ordering::SeqCst);
		self.models.lock().unwrap().get(hash).cloned()
	}
}

/// A service on `127.0.0.1:0`, on its own runtime.
pub struct Harness {
	runtime: Option<tokio::runtime::Runtime>,
	pub addr: SocketAddr,
	pub endpoint: String,
	pub registry: Registry,
}

impl Harness {
	pub fn start(
		models_dir: &Path,
		index: Arc<MemoryIndex>,
		configure: impl FnOnce(&mut ServiceConfig),
	) -> Self {
		let mut config = ServiceConfig::new(models_dir, worker());
		config.listen = "127.0.0.1:0".parse().unwrap();
		config.engine = engine_config();
		configure(&mut config);
		let registry = Registry::new();
		let service = InferenceService::new(config, index, Some(&registry)).unwrap();
		let (addr, server) = service.start().unwrap();
		let runtime = tokio::runtime::Builder::new_multi_thread()
			.worker_threads(2)
			.enable_all()
			.build()
			.unwrap();
		runtime.spawn(server);
		Harness { runtime: Some(runtime), addr, endpoint: format!("http://{addr}"), registry }
	}

	pub fn infer(&self, request: &InferRequest) -> InferResponse {
		infer_http(&self.endpoint, request, Duration::from_secs(300)).unwrap()
	}

	/// The value of a counter (or the sample count of a histogram), summed over the series
	/// carrying `label` if given.
	pub fn metric(&self, name: &str, label: Option<(&str, &str)>) -> u64 {
		let families = self.registry.gather();
		let family = families.iter().find(|family| family.get_name() == name).unwrap();
		let histogram = family.get_field_type() == MetricType::HISTOGRAM;
		family
			.get_metric()
			.iter()
			.filter(|metric| {
				label.is_none_or(|(key, value)| {
					metric.get_label().iter().any(|l| l.get_name() == key && l.get_value() == value)
				})
			})
			.map(|metric| {
				if histogram {
					metric.get_histogram().get_sample_count()
				} else {
					metric.get_counter().get_value() as u64
				}
			})
			.sum()
	}

	/// Sends raw bytes on a new connection and returns the status and body of the answer.
	pub fn raw(&self, request: &[u8]) -> (u16, String) {
		let mut stream = TcpStream::connect(self.addr).unwrap();
		raw_on(&mut stream, request)
	}
}

/// Sends raw bytes on `stream` and returns the status and body of the answer (the connection
/// stays open: the answer ends where its `Content-Length` says).
pub fn raw_on(stream: &mut TcpStream, request: &[u8]) -> (u16, String) {
	stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
	stream.write_all(request).unwrap();
	let mut response = Vec::new();
	let mut chunk = [0u8; 4096];
	let (head, body) = loop {
		let read = stream.read(&mut chunk).unwrap();
		assert_ne!(read, 0, "the connection closed before the answer ended");
		response.extend_from_slice(&chunk[..read]);
		let text = String::from_utf8_lossy(&response).into_owned();
		let Some((head, body)) = text.split_once("\r\n\r\n") else { continue };
		let length = head
			.lines()
			.find_map(|line| {
				line.to_ascii_lowercase().strip_prefix("content-length:")?.trim().parse().ok()
			})
			.unwrap();
		if body.len() >= length {
			break (head.to_owned(), body.to_owned());
		}
	};
	(head[9..12].parse().unwrap(), body)
}

impl Drop for Harness {
	fn drop(&mut self) {
		self.runtime.take().unwrap().shutdown_background();
	}
}

/// What the file server answers on a path.
pub enum Route {
	Body(Vec<u8>),
	Redirect(&'static str),
}

/// A tiny HTTP/1.1 server answering `GET`s from a fixed table (`404` elsewhere), on a thread
/// that lives as long as the test process.
pub struct FileServer {
	pub url: String,
}

impl FileServer {
	pub fn start(routes: Vec<(&'static str, Route)>) -> Self {
		let listener = TcpListener::bind("127.0.0.1:0").unwrap();
		let url = format!("http://{}", listener.local_addr().unwrap());
		let routes: HashMap<_, _> = routes.into_iter().collect();
		std::thread::spawn(move || {
			for stream in listener.incoming() {
				let mut stream = stream.unwrap();
				let mut head = Vec::new();
				let mut byte = [0u8];
				while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
					head.push(byte[0]);
				}
				let head = String::from_utf8(head).unwrap();
				let path = head.split(' ').nth(1).unwrap_or_default();
				let (status, location, body) = match routes.get(path) {
					Some(Route::Body(body)) => ("200 OK", None, body.clone()),
					Some(Route::Redirect(to)) => ("302 Found", Some(to), Vec::new()),
					None => ("404 Not Found", None, Vec::new()),
				};
				let location = location.map(|to| format!("Location: {to}\r\n")).unwrap_or_default();
				let head = format!(
					"HTTP/1.1 {status}\r\n{location}Content-Length: {}\r\nConnection: close\r\n\r\n",
					body.len()
				);
				// The client may hang up early (e.g. on a too large body).
				let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
			}
		});
		FileServer { url }
	}
}
