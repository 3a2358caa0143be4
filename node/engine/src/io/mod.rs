//! Tensor file formats: NumPy `.npy`, ONNX `TensorProto` `.pb` and JSON.
//!
//! Every reader produces a valid canonical [`Tensor`] or a typed [`IoError`]; none panics on
//! malformed input, and none allocates more than a small multiple of its input (shapes are
//! checked against the data before anything is allocated from them).
//!
//! - [NumPy](npy) `.npy`: dtypes `<f4 <f8 |i1 |u1 <i2 <i4 <i8 |b1`, v1, v2 and v3 headers, C
//!   order only;
//! - [ONNX `TensorProto`](pb) `.pb`: data types `FLOAT DOUBLE INT8 UINT8 INT16 INT32 INT64
//!   BOOL`, from `raw_data` or the typed fields, written with `raw_data`;
//! - [JSON](json) `.json`: `{"type": "f32", "shape": [1, 4], "data": [..]}` with the types
//!   `f32 f64 i8 u8 i16 i32 i64 bool`.
//!
//! `.npy` and `.pb` preserve every bit of every element. JSON preserves every finite float
//! exactly (shortest round-trip decimal, parsed with correct rounding), infinities and the
//! sign of zero, but NaN payloads are not kept: every NaN reads back as the quiet NaN
//! `0x7fc00000` (`f32`) or `0x7ff8000000000000` (`f64`).

pub mod json;
pub mod npy;
pub mod pb;

use opg_inference_primitives::{Tensor, TensorError, MAX_TENSOR_BYTES};
use std::{
	fs,
	io::Read,
	path::{Path, PathBuf},
};

/// Why a tensor file could not be read or written.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum IoError {
	/// The file system reported an error.
	#[error("{path}: {detail}")]
	Io {
		/// The file.
		path: PathBuf,
		/// What the file system said.
		detail: String,
	},
	/// The file extension is not `.npy`, `.pb` nor `.json`.
	#[error("{0}: unknown tensor format (expected a .npy, .pb or .json file)")]
	UnknownFormat(PathBuf),
	/// The input is larger than the format allows for a tensor of at most
	/// [`MAX_TENSOR_BYTES`] bytes.
	#[error("input is {bytes} bytes, the limit for this format is {limit}")]
	TooLarge {
		/// Size of the input (at least), in bytes.
		bytes: u64,
		/// Limit, in bytes.
		limit: u64,
	},
	/// The input does not start with the NumPy magic string.
	#[error("not a .npy file (bad magic string)")]
	NotNpy,
	/// The NumPy format version is not 1.0, 2.0 nor 3.0.
	#[error("unsupported .npy format version {major}.{minor}")]
	UnsupportedNpyVersion {
		/// Major version.
		major: u8,
		/// Minor version.
		minor: u8,
	},
	/// The NumPy header is malformed.
	#[error("invalid .npy header: {0}")]
	InvalidNpyHeader(String),
	/// The NumPy array is stored in Fortran (column-major) order.
	#[error("Fortran-ordered .npy arrays are not supported: save the array in C order")]
	FortranOrder,
	/// The NumPy dtype is big-endian.
	#[error("big-endian dtype {0:?} is not supported: convert the array to little-endian")]
	BigEndian(String),
	/// The NumPy dtype is not one of the supported ones.
	#[error("unsupported dtype {0:?} (expected one of <f4 <f8 |i1 |u1 <i2 <i4 <i8 |b1)")]
	UnsupportedDtype(String),
	/// The data is shorter than the shape requires.
	#[error("truncated data: the shape requires {expected} bytes, got {actual}")]
	Truncated {
		/// Bytes required by the shape.
		expected: u64,
		/// Bytes present.
		actual: u64,
	},
	/// Bytes follow the data the shape requires.
	#[error("trailing data: the shape requires {expected} bytes, got {actual}")]
	TrailingData {
		/// Bytes required by the shape.
		expected: u64,
		/// Bytes present.
		actual: u64,
	},
	/// The input is not a valid `TensorProto` message.
	#[error("invalid TensorProto: {0}")]
	Protobuf(String),
	/// The `TensorProto` data type is not a supported one.
	#[error("unsupported TensorProto data_type {0}")]
	UnsupportedDataType(i32),
	/// The `TensorProto` keeps its data in an external file.
	#[error("TensorProto with external data is not supported")]
	ExternalData,
	/// The JSON document is malformed or does not have the expected fields.
	#[error("invalid JSON tensor: {0}")]
	Json(String),
	/// The number of values is not the element count of the shape.
	#[error("the shape holds {expected} elements, got {actual} values")]
	ValueCount {
		/// Element count of the shape.
		expected: u64,
		/// Number of values given.
		actual: u64,
	},
	/// A value cannot be represented in the element type.
	#[error("value {index}: {detail}")]
	InvalidValue {
		/// Position of the value, row-major.
		index: usize,
		/// What is wrong with it.
		detail: String,
	},
	/// The result is not a valid canonical tensor (rank above 8, more than
	/// [`MAX_TENSOR_BYTES`] bytes, ...).
	#[error("invalid tensor: {0}")]
	InvalidTensor(TensorError),
}

impl From<TensorError> for IoError {
	fn from(error: TensorError) -> Self {
		IoError::InvalidTensor(error)
	}
}

/// A tensor file format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TensorFormat {
	/// NumPy `.npy`.
	Npy,
	/// ONNX `TensorProto`, `.pb`.
	Pb,
	/// JSON `{"type", "shape", "data"}`, `.json`.
	Json,
}

impl TensorFormat {
	/// The format of a file, from its extension (`npy`, `pb` or `json`, case-insensitive).
	pub fn from_path(path: &Path) -> Option<TensorFormat> {
		let extension = path.extension()?.to_str()?.to_ascii_lowercase();
		match extension.as_str() {
			"npy" => Some(TensorFormat::Npy),
			"pb" => Some(TensorFormat::Pb),
			"json" => Some(TensorFormat::Json),
			_ => None,
		}
	}

	/// Largest input accepted by [`TensorFormat::decode`], in bytes: enough for any tensor of
	/// [`MAX_TENSOR_BYTES`] bytes in this format.
	pub fn max_input_bytes(self) -> u64 {
		let tensor = u64::from(MAX_TENSOR_BYTES);
		match self {
			// Data plus the largest header accepted.
			TensorFormat::Npy => {
				tensor.saturating_add(npy::MAX_HEADER_BYTES as u64).saturating_add(16)
			}
			// Typed fields take up to 10 bytes per element (negative varints).
			TensorFormat::Pb => tensor.saturating_mul(10).saturating_add(1 << 16),
			// Up to ~25 characters per f64 value, or 7 per bool.
			TensorFormat::Json => tensor.saturating_mul(8).saturating_add(1 << 16),
		}
	}

	/// Decodes a tensor.
	///
	/// # Errors
	///
	/// [`IoError::TooLarge`] above [`TensorFormat::max_input_bytes`], otherwise the errors of
	/// [`npy::decode`], [`pb::decode`] or [`json::decode`].
	pub fn decode(self, bytes: &[u8]) -> Result<Tensor, IoError> {
		let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
		if len > self.max_input_bytes() {
			return Err(IoError::TooLarge { bytes: len, limit: self.max_input_bytes() });
		}
		match self {
			TensorFormat::Npy => npy::decode(bytes),
			TensorFormat::Pb => pb::decode(bytes),
			TensorFormat::Json => json::decode(bytes),
		}
	}

	/// Encodes a tensor.
	///
	/// # Errors
	///
	/// [`IoError::InvalidTensor`] if the tensor is not valid.
	pub fn encode(self, tensor: &Tensor) -> Result<Vec<u8>, IoError> {
		tensor.validate()?;
		Ok(match self {
			TensorFormat::Npy => npy::encode(tensor),
			TensorFormat::Pb => pb::encode(tensor),
			TensorFormat::Json => json::encode(tensor).into_bytes(),
		})
	}
}

fn io_error(path: &Path, error: std::io::Error) -> IoError {
	IoError::Io { path: path.to_path_buf(), detail: error.to_string() }
}

/// Reads a tensor file, in the format given by its extension.
///
/// # Errors
///
/// [`IoError::UnknownFormat`], [`IoError::Io`], or any error of [`TensorFormat::decode`].
pub fn read_tensor(path: &Path) -> Result<Tensor, IoError> {
	let format =
		TensorFormat::from_path(path).ok_or_else(|| IoError::UnknownFormat(path.to_path_buf()))?;
	let limit = format.max_input_bytes();
	let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
	let mut bytes = Vec::new();
	// Read one byte past the limit at most, so an oversized file is detected without reading
	// it all.
	file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_error(path, e))?;
	format.decode(&bytes)
}

/// Writes a tensor file, in the format given by its extension.
///
/// # Errors
///
/// [`IoError::UnknownFormat`], [`IoError::InvalidTensor`] or [`IoError::Io`].
pub fn write_tensor(path: &Path, tensor: &Tensor) -> Result<(), IoError> {
	let format =
		TensorFormat::from_path(path).ok_or_else(|| IoError::UnknownFormat(path.to_path_buf()))?;
	let bytes = format.encode(tensor)?;
	fs::write(path, bytes).map_err(|e| io_error(path, e))
}

/// Element count of `shape` as a `u64`, or [`IoError::InvalidTensor`].
fn element_count(shape: &[u32]) -> Result<u64, IoError> {
	Ok(u64::from(opg_inference_primitives::element_count_of(shape)?))
}
