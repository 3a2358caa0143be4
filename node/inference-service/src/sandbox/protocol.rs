//! What the service and its inference workers say to each other, and how it is framed.
//!
//! A worker reads requests on its standard input and answers each with one reply on its
//! standard output, in order. Every message is one frame: its length as a little-endian `u32`,
//! then its SCALE encoding. The first frame a worker reads is its [`WorkerSettings`]; it
//! answers with its [`Confinement`].

use codec::{Decode, DecodeLimit, Encode};
use opg_inference_engine::{EngineConfig, EngineError};
use opg_inference_primitives::{
	ExecutionMode, ModelSignature, ResourceBounds, Tensor, MAX_TENSORS, MAX_TENSOR_BYTES,
};
use std::{
	io::{self, Read, Write},
	time::Duration,
};

/// Nesting depth allowed when decoding a message (tensors and signatures nest a few levels).
const DECODE_DEPTH: u32 = 16;

/// Largest frame a worker sends: every output tensor at its largest, plus room for shapes and
/// an error's text.
pub(crate) const MAX_REPLY_BYTES: u64 = MAX_TENSORS as u64 * MAX_TENSOR_BYTES as u64 + (1 << 20);

/// Largest settings frame.
const MAX_SETTINGS_BYTES: u64 = 1 << 10;

/// What a worker needs to know before its first request: the limits of its engine and of its
/// process.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub(crate) struct WorkerSettings {
	/// [`EngineConfig::max_model_bytes`].
	pub(crate) max_model_bytes: u64,
	/// [`EngineConfig::max_input_elements`].
	pub(crate) max_input_elements: u64,
	/// [`EngineConfig::max_tensor_bytes`].
	pub(crate) max_tensor_bytes: u64,
	/// [`EngineConfig::max_macs`].
	pub(crate) max_macs: u64,
	/// [`EngineConfig::max_cached_plans`].
	pub(crate) max_cached_plans: u32,
	/// [`EngineConfig::max_cached_bytes`].
	pub(crate) max_cached_bytes: u64,
	/// Address space the worker may map, in bytes.
	pub(crate) memory_limit_bytes: u64,
	/// The engine's own deadlines for a run and a load, in milliseconds. They are a backstop:
	/// the service kills a worker that misses the service's (shorter) deadlines.
	pub(crate) run_deadline_ms: u64,
	/// See [`WorkerSettings::run_deadline_ms`].
	pub(crate) load_deadline_ms: u64,
	/// [`EngineConfig::execution`]: a worker runs every model in one mode.
	pub(crate) execution: ExecutionMode,
}

impl WorkerSettings {
	/// The configuration of the worker's engine: one inference at a time.
	pub(crate) fn engine_config(&self) -> EngineConfig {
		EngineConfig {
			max_model_bytes: usize::try_from(self.max_model_bytes).unwrap_or(usize::MAX),
			max_input_elements: self.max_input_elements,
			max_tensor_bytes: self.max_tensor_bytes,
			max_macs: self.max_macs,
			max_cached_plans: usize::try_from(self.max_cached_plans).unwrap_or(usize::MAX),
			max_cached_bytes: usize::try_from(self.max_cached_bytes).unwrap_or(usize::MAX),
			timeout: Duration::from_millis(self.run_deadline_ms),
			load_timeout: Duration::from_millis(self.load_deadline_ms),
			max_concurrency: 1,
			execution: self.execution,
		}
	}

	/// Largest request frame: a load of the largest model with a signature, or a run with the
	/// largest inputs.
	pub(crate) fn max_request_bytes(&self) -> u64 {
		self.max_model_bytes.max(MAX_REPLY_BYTES).saturating_add(1 << 20)
	}
}

/// What a worker managed to shut itself out of, reported once after its settings.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Confinement {
	/// The address space limit in force, in bytes (0 if none could be set).
	pub memory_limit_bytes: u64,
	/// Opening a file fails.
	pub no_new_files: bool,
	/// Creating a socket fails.
	pub no_new_sockets: bool,
	/// The worker is alone in a new network namespace (no interface but a down loopback).
	pub network_namespace: bool,
	/// Core dumps are off and files cannot be written.
	pub no_dumps_nor_writes: bool,
}

/// A request, as the worker decodes it.
#[derive(Decode, Debug)]
pub(crate) enum WorkerRequest {
	/// Load a model into the worker's plan cache.
	Load {
		/// The model id: the blake2-256 hash of `onnx`.
		hash: [u8; 32],
		/// The signature the model is checked against.
		signature: ModelSignature,
		/// The bounds the model must respect.
		bounds: ResourceBounds,
		/// The ONNX bytes.
		onnx: Vec<u8>,
	},
	/// Run a loaded model.
	Run {
		/// The model id.
		hash: [u8; 32],
		/// The inputs, checked by the engine against the model's signature.
		inputs: Vec<Tensor>,
	},
}

/// A request, as the service encodes it: the same encoding as [`WorkerRequest`], without
/// copying the model or the inputs.
#[derive(Encode, Debug)]
pub(crate) enum WorkerRequestRef<'a> {
	/// [`WorkerRequest::Load`].
	Load {
		hash: &'a [u8; 32],
		signature: &'a ModelSignature,
		bounds: &'a ResourceBounds,
		onnx: &'a [u8],
	},
	/// [`WorkerRequest::Run`].
	Run { hash: &'a [u8; 32], inputs: &'a [Tensor] },
}

/// A worker's answer to one request.
#[derive(Encode, Decode, Debug)]
pub(crate) enum WorkerReply {
	/// The outcome of a load: the approximate memory of the plan, in bytes.
	Loaded(Result<u64, EngineError>),
	/// The outcome of a run: the outputs.
	Ran(Result<Vec<Tensor>, EngineError>),
}

/// Writes `message` as one frame, with a single write (the pipes are not buffered: one system
/// call, and one wake-up of the reader, per message), and flushes.
pub(crate) fn write_frame(output: &mut impl Write, message: &impl Encode) -> io::Result<()> {
	let mut frame = Vec::with_capacity(message.size_hint().saturating_add(4));
	frame.extend_from_slice(&[0; 4]);
	message.encode_to(&mut frame);
	let length = u32::try_from(frame.len().saturating_sub(4))
		.map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "message above 4 GiB"))?;
	if let Some(prefix) = frame.get_mut(..4) {
		prefix.copy_from_slice(&length.to_le_bytes());
	}
	output.write_all(&frame)?;
	output.flush()
}

/// Reads one frame of at most `max_bytes` and decodes it; `None` at end of stream before a
/// frame starts.
pub(crate) fn read_frame<T: Decode>(
	input: &mut impl Read,
	max_bytes: u64,
) -> io::Result<Option<T>> {
	let mut length = [0u8; 4];
	match input.read_exact(&mut length) {
		Ok(()) => {}
		Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
		Err(error) => return Err(error),
	}
	let length = u32::from_le_bytes(length);
	if u64::from(length) > max_bytes {
		return Err(io::Error::new(
			io::ErrorKind::InvalidData,
			format!("a frame of {length} bytes exceeds the limit of {max_bytes}"),
		));
	}
	let mut encoded = vec![0u8; usize::try_from(length).unwrap_or(usize::MAX)];
	input.read_exact(&mut encoded)?;
	T::decode_all_with_depth_limit(DECODE_DEPTH, &mut encoded.as_slice())
		.map(Some)
		.map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error.to_string()))
}

/// Reads the settings frame a worker starts with.
pub(crate) fn read_settings(input: &mut impl Read) -> io::Result<Option<WorkerSettings>> {
	read_frame(input, MAX_SETTINGS_BYTES)
}

#[cfg(test)]
mod tests {
	use super::*;
	use opg_inference_primitives::{Dim, ElementType, TensorSpec};

	fn signature() -> ModelSignature {
		let spec = TensorSpec::new(ElementType::F32, vec![Dim::Fixed(2)]).expect("spec");
		ModelSignature::new(vec![spec.clone()], vec![spec]).expect("signature")
	}

	#[test]
	fn borrowed_requests_decode_as_owned_ones() {
		let (hash, onnx, signature) = ([7u8; 32], vec![1u8, 2, 3], signature());
		let mut frame = Vec::new();
		let bounds = ResourceBounds::OPG;
		let load = WorkerRequestRef::Load {
			hash: &hash,
			signature: &signature,
			bounds: &bounds,
			onnx: &onnx,
		};
		write_frame(&mut frame, &load).expect("written");
		let inputs = vec![Tensor::from_values(vec![2], &[1.0f32, 2.0]).expect("tensor")];
		write_frame(&mut frame, &WorkerRequestRef::Run { hash: &hash, inputs: &inputs })
			.expect("written");
		let mut reader = frame.as_slice();
		let max = 1 << 20;
		match read_frame::<WorkerRequest>(&mut reader, max).expect("read") {
			Some(WorkerRequest::Load { hash: h, signature: s, bounds: b, onnx: o }) => {
				assert_eq!((h, s, b, o), (hash, signature, bounds, onnx));
			}
			other => panic!("{other:?}"),
		}
		match read_frame::<WorkerRequest>(&mut reader, max).expect("read") {
			Some(WorkerRequest::Run { hash: h, inputs: i }) => assert_eq!((h, i), (hash, inputs)),
			other => panic!("{other:?}"),
		}
		assert!(read_frame::<WorkerRequest>(&mut reader, max).expect("end").is_none());
	}

	#[test]
	fn oversized_and_truncated_frames_are_errors() {
		let mut frame = Vec::new();
		write_frame(&mut frame, &vec![0u8; 100]).expect("written");
		let error = read_frame::<Vec<u8>>(&mut frame.as_slice(), 50).expect_err("too large");
		assert_eq!(error.kind(), io::ErrorKind::InvalidData);
		let truncated = frame.get(..frame.len() - 1).expect("shorter");
		let error = read_frame::<Vec<u8>>(&mut &truncated[..], 1000).expect_err("truncated");
		assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
	}

	#[test]
	fn engine_errors_cross_the_boundary() {
		let reply = WorkerReply::Loaded(Err(EngineError::ResourceBound { detail: "big".into() }));
		let mut frame = Vec::new();
		write_frame(&mut frame, &reply).expect("written");
		match read_frame::<WorkerReply>(&mut frame.as_slice(), MAX_REPLY_BYTES).expect("read") {
			Some(WorkerReply::Loaded(Err(error))) => {
				assert_eq!(error, EngineError::ResourceBound { detail: "big".into() });
			}
			other => panic!("{other:?}"),
		}
	}
}
