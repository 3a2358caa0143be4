//! Canonical tensors.
//!
//! A [`Tensor`] is an element type, a shape and a little-endian, row-major, tightly packed byte
//! buffer. Its SCALE encoding is the canonical encoding of a tensor on OPG Chain; see the
//! [crate documentation](crate#canonical-tensor-encoding) for the byte-level layout.
//!
//! Every value built through [`Tensor::new`] or one of the typed constructors
//! ([`Tensor::from_f32`], ...) is valid. Values obtained any other way (decoding, direct field
//! construction) must be checked with [`Tensor::validate`] before they are trusted.

use alloc::vec::Vec;
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// Maximum number of dimensions of a tensor.
pub const MAX_RANK: u32 = 8;

/// Maximum size, in bytes, of the data of a single tensor (1 MiB).
pub const MAX_TENSOR_BYTES: u32 = 1 << 20;

/// Maximum number of tensors in a model's inputs or outputs.
pub const MAX_TENSORS: u32 = 8;

/// The shape of a tensor: one extent per axis, outermost first. Empty for a scalar.
pub type Shape = BoundedVec<u32, ConstU32<MAX_RANK>>;

/// The raw data of a tensor: little-endian, row-major, tightly packed elements.
pub type TensorData = BoundedVec<u8, ConstU32<MAX_TENSOR_BYTES>>;

/// An ordered list of at most [`MAX_TENSORS`] tensors, e.g. the inputs or outputs of a model.
pub type Tensors = BoundedVec<Tensor, ConstU32<MAX_TENSORS>>;

/// The type of the elements of a tensor.
///
/// The SCALE encoding is a single byte equal to the discriminant.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Hash,
	Debug,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementType {
	/// IEEE-754 binary32, 4 bytes.
	#[codec(index = 0)]
	F32 = 0,
	/// IEEE-754 binary64, 8 bytes.
	#[codec(index = 1)]
	F64 = 1,
	/// Two's complement signed 8-bit integer, 1 byte.
	#[codec(index = 2)]
	I8 = 2,
	/// Unsigned 8-bit integer, 1 byte.
	#[codec(index = 3)]
	U8 = 3,
	/// Two's complement signed 16-bit integer, 2 bytes.
	#[codec(index = 4)]
	I16 = 4,
	/// Two's complement signed 32-bit integer, 4 bytes.
	#[codec(index = 5)]
	I32 = 5,
	/// Two's complement signed 64-bit integer, 8 bytes.
	#[codec(index = 6)]
	I64 = 6,
	/// Boolean, 1 byte which must be `0` (false) or `1` (true).
	#[codec(index = 7)]
	Bool = 7,
}

impl ElementType {
	/// All element types, in discriminant order.
	pub const ALL: [ElementType; 8] = [
		ElementType::F32,
		ElementType::F64,
		ElementType::I8,
		ElementType::U8,
		ElementType::I16,
		ElementType::I32,
		ElementType::I64,
		ElementType::Bool,
	];

	/// Size in bytes of one element.
	pub const fn size_bytes(&self) -> u32 {
		match self {
			ElementType::F32 | ElementType::I32 => 4,
			ElementType::F64 | ElementType::I64 => 8,
			ElementType::I8 | ElementType::U8 | ElementType::Bool => 1,
			ElementType::I16 => 2,
		}
	}

	/// Whether this is a floating-point type ([`ElementType::F32`] or [`ElementType::F64`]).
	pub const fn is_float(&self) -> bool {
		matches!(self, ElementType::F32 | ElementType::F64)
	}

	/// Whether this is an integer type (signed or unsigned; [`ElementType::Bool`] is not).
	pub const fn is_integer(&self) -> bool {
		matches!(
			self,
			ElementType::I8
				| ElementType::U8
				| ElementType::I16
				| ElementType::I32
				| ElementType::I64
		)
	}

	/// Lower-case name of the type, as used by ONNX tooling: `"f32"`, `"f64"`, `"i8"`, `"u8"`,
	/// `"i16"`, `"i32"`, `"i64"` or `"bool"`.
	pub const fn name(&self) -> &'static str {
		match self {
			ElementType::F32 => "f32",
			ElementType::F64 => "f64",
			ElementType::I8 => "i8",
			ElementType::U8 => "u8",
			ElementType::I16 => "i16",
			ElementType::I32 => "i32",
			ElementType::I64 => "i64",
			ElementType::Bool => "bool",
		}
	}
}

impl fmt::Display for ElementType {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.name())
	}
}

/// Why a tensor (or a list of tensors) is not valid.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TensorError {
	/// The shape has more than [`MAX_RANK`] dimensions.
	#[codec(index = 0)]
	RankTooLarge,
	/// The data is, or the shape implies, more than [`MAX_TENSOR_BYTES`] bytes.
	#[codec(index = 1)]
	TooLarge,
	/// The product of the dimensions does not fit in a `u32`.
	#[codec(index = 2)]
	ShapeOverflow,
	/// The data length in bytes is not `element_count * element_size`.
	#[codec(index = 3)]
	DataLengthMismatch {
		/// Length implied by the shape and element type, in bytes.
		expected: u32,
		/// Actual length of the data, in bytes (saturated at `u32::MAX`).
		actual: u32,
	},
	/// A [`ElementType::Bool`] tensor contains a byte other than `0` or `1`.
	#[codec(index = 4)]
	InvalidBool,
	/// More than [`MAX_TENSORS`] tensors were given.
	#[codec(index = 5)]
	TooManyTensors,
	/// A typed accessor was called for a type other than the tensor's element type.
	#[codec(index = 6)]
	ElementTypeMismatch,
}

impl fmt::Display for TensorError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			TensorError::RankTooLarge => write!(f, "tensor rank exceeds {MAX_RANK}"),
			TensorError::TooLarge => write!(f, "tensor data exceeds {MAX_TENSOR_BYTES} bytes"),
			TensorError::ShapeOverflow => f.write_str("tensor element count overflows u32"),
			TensorError::DataLengthMismatch { expected, actual } => {
				write!(f, "tensor data is {actual} bytes, shape requires {expected}")
			}
			TensorError::InvalidBool => {
				f.write_str("bool tensor contains a byte other than 0 or 1")
			}
			TensorError::TooManyTensors => write!(f, "more than {MAX_TENSORS} tensors"),
			TensorError::ElementTypeMismatch => f.write_str("element type mismatch"),
		}
	}
}

mod sealed {
	/// Prevents implementations of [`super::Element`] outside this crate.
	pub trait Sealed {}
}

/// A Rust type that can be stored in a [`Tensor`]: `f32`, `f64`, `i8`, `u8`, `i16`, `i32`,
/// `i64` and `bool`.
///
/// This trait is sealed: the set of element types is fixed by [`ElementType`].
pub trait Element: sealed::Sealed + Copy {
	/// The [`ElementType`] corresponding to `Self`.
	const ELEMENT_TYPE: ElementType;

	/// Appends the canonical little-endian bytes of `self` to `out`.
	///
	/// Floats are written bit-for-bit (NaN payloads and the sign of zero are preserved).
	fn write_le(self, out: &mut Vec<u8>);

	/// Reads one element from exactly [`ElementType::size_bytes`] little-endian bytes.
	///
	/// Returns `None` if `bytes` has the wrong length or is not a valid encoding (a bool byte
	/// other than `0` or `1`).
	fn read_le(bytes: &[u8]) -> Option<Self>;
}

macro_rules! impl_numeric_element {
	($($t:ty => $variant:ident),* $(,)?) => {
		$(
			impl sealed::Sealed for $t {}

			impl Element for $t {
				const ELEMENT_TYPE: ElementType = ElementType::$variant;

				fn write_le(self, out: &mut Vec<u8>) {
					out.extend_from_slice(&self.to_le_bytes());
				}

				fn read_le(bytes: &[u8]) -> Option<Self> {
					bytes.try_into().ok().map(<$t>::from_le_bytes)
				}
			}
		)*
	};
}

impl_numeric_element!(
	f32 => F32,
	f64 => F64,
	i8 => I8,
	u8 => U8,
	i16 => I16,
	i32 => I32,
	i64 => I64,
);

impl sealed::Sealed for bool {}

impl Element for bool {
	const ELEMENT_TYPE: ElementType = ElementType::Bool;

	fn write_le(self, out: &mut Vec<u8>) {
		out.push(u8::from(self));
	}

	fn read_le(bytes: &[u8]) -> Option<Self> {
		match bytes {
			[0] => Some(false),
			[1] => Some(true),
			_ => None,
		}
	}
}

/// Number of elements of a tensor of the given shape.
///
/// A scalar (empty shape) has one element. If any dimension is zero the count is zero,
/// whatever the other dimensions are; otherwise the product must fit in a `u32`.
///
/// # Errors
///
/// [`TensorError::ShapeOverflow`] if the product of non-zero dimensions overflows a `u32`.
pub fn element_count_of(shape: &[u32]) -> Result<u32, TensorError> {
	if shape.contains(&0) {
		return Ok(0);
	}
	shape.iter().try_fold(1u32, |acc, &dim| acc.checked_mul(dim).ok_or(TensorError::ShapeOverflow))
}

/// Number of data bytes required by a tensor of the given element type and shape.
///
/// # Errors
///
/// - [`TensorError::RankTooLarge`] if `shape` has more than [`MAX_RANK`] dimensions;
/// - [`TensorError::ShapeOverflow`] if the element count overflows a `u32`;
/// - [`TensorError::TooLarge`] if the byte size exceeds [`MAX_TENSOR_BYTES`].
pub fn expected_data_len(element_type: ElementType, shape: &[u32]) -> Result<u32, TensorError> {
	if u32::try_from(shape.len()).map_or(true, |rank| rank > MAX_RANK) {
		return Err(TensorError::RankTooLarge);
	}
	let count = element_count_of(shape)?;
	let bytes = u64::from(count)
		.checked_mul(u64::from(element_type.size_bytes()))
		.ok_or(TensorError::TooLarge)?;
	match u32::try_from(bytes) {
		Ok(bytes) if bytes <= MAX_TENSOR_BYTES => Ok(bytes),
		_ => Err(TensorError::TooLarge),
	}
}

/// Converts a length to `u32`, saturating at `u32::MAX`.
pub(crate) fn saturating_len(len: usize) -> u32 {
	u32::try_from(len).unwrap_or(u32::MAX)
}

/// A dense tensor in canonical form.
///
/// - `data` holds `element_count() * element_type.size_bytes()` bytes;
/// - elements are stored row-major (last axis varies fastest), tightly packed, little-endian;
/// - floats are stored as their IEEE-754 bit patterns (any NaN payload is allowed and kept);
/// - a bool element is one byte, `0` or `1`;
/// - an empty shape is a scalar (one element); zero-sized dimensions are allowed (no elements).
///
/// The SCALE encoding of this struct is the canonical encoding of the tensor.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tensor {
	/// Type of every element.
	pub element_type: ElementType,
	/// Extent of each axis, outermost first.
	pub shape: Shape,
	/// Little-endian, row-major, tightly packed element data.
	pub data: TensorData,
}

macro_rules! typed_constructors {
	($($(#[$doc:meta])* $ctor:ident, $(#[$adoc:meta])* $accessor:ident => $t:ty;)*) => {
		$(
			$(#[$doc])*
			///
			/// # Errors
			///
			/// See [`Tensor::from_values`].
			pub fn $ctor(shape: Vec<u32>, values: &[$t]) -> Result<Self, TensorError> {
				Self::from_values(shape, values)
			}

			$(#[$adoc])*
			///
			/// # Errors
			///
			/// See [`Tensor::to_vec`].
			pub fn $accessor(&self) -> Result<Vec<$t>, TensorError> {
				self.to_vec::<$t>()
			}
		)*
	};
}

impl Tensor {
	/// Builds a tensor from raw little-endian data, validating it.
	///
	/// # Errors
	///
	/// - [`TensorError::RankTooLarge`] if `shape` has more than [`MAX_RANK`] dimensions;
	/// - [`TensorError::TooLarge`] if `data` is longer than [`MAX_TENSOR_BYTES`];
	/// - any error of [`Tensor::validate`].
	pub fn new(
		element_type: ElementType,
		shape: Vec<u32>,
		data: Vec<u8>,
	) -> Result<Self, TensorError> {
		let shape = Shape::try_from(shape).map_err(|_| TensorError::RankTooLarge)?;
		let data = TensorData::try_from(data).map_err(|_| TensorError::TooLarge)?;
		let tensor = Tensor { element_type, shape, data };
		tensor.validate()?;
		Ok(tensor)
	}

	/// Checks the invariants of a tensor obtained without [`Tensor::new`] (e.g. decoded).
	///
	/// Checks, in order: the element count fits in a `u32` ([`TensorError::ShapeOverflow`]),
	/// the implied byte size is at most [`MAX_TENSOR_BYTES`] ([`TensorError::TooLarge`]), the
	/// data length matches ([`TensorError::DataLengthMismatch`]) and, for bool tensors, every
	/// byte is `0` or `1` ([`TensorError::InvalidBool`]).
	///
	/// # Errors
	///
	/// The first violated invariant, as listed above.
	pub fn validate(&self) -> Result<(), TensorError> {
		let expected = expected_data_len(self.element_type, &self.shape)?;
		let actual = saturating_len(self.data.len());
		if expected != actual {
			return Err(TensorError::DataLengthMismatch { expected, actual });
		}
		if self.element_type == ElementType::Bool && self.data.iter().any(|&b| b > 1) {
			return Err(TensorError::InvalidBool);
		}
		Ok(())
	}

	/// Number of elements implied by the shape (`1` for a scalar, `0` if any axis is empty).
	///
	/// # Errors
	///
	/// [`TensorError::ShapeOverflow`] if the product of the dimensions overflows a `u32`
	/// (only possible for a tensor that was not validated).
	pub fn element_count(&self) -> Result<u32, TensorError> {
		element_count_of(&self.shape)
	}

	/// Number of dimensions (`0` for a scalar).
	pub fn rank(&self) -> u32 {
		saturating_len(self.shape.len())
	}

	/// Builds a tensor of element type `T::ELEMENT_TYPE` from typed values in row-major order.
	///
	/// # Errors
	///
	/// - [`TensorError::RankTooLarge`], [`TensorError::ShapeOverflow`] or
	///   [`TensorError::TooLarge`] if the shape is not acceptable;
	/// - [`TensorError::DataLengthMismatch`] (in bytes) if `values.len()` is not the element
	///   count of `shape`.
	pub fn from_values<T: Element>(shape: Vec<u32>, values: &[T]) -> Result<Self, TensorError> {
		let element_type = T::ELEMENT_TYPE;
		let expected = expected_data_len(element_type, &shape)?;
		let actual = u64::try_from(values.len())
			.ok()
			.and_then(|len| len.checked_mul(u64::from(element_type.size_bytes())))
			.and_then(|bytes| u32::try_from(bytes).ok())
			.unwrap_or(u32::MAX);
		if expected != actual {
			return Err(TensorError::DataLengthMismatch { expected, actual });
		}
		let mut data = Vec::new();
		// `expected <= MAX_TENSOR_BYTES`, so this reservation is bounded.
		data.reserve_exact(usize::try_from(expected).unwrap_or(0));
		for value in values {
			value.write_le(&mut data);
		}
		Self::new(element_type, shape, data)
	}

	/// Decodes the elements of the tensor as `T`, in row-major order.
	///
	/// # Errors
	///
	/// - [`TensorError::ElementTypeMismatch`] if `T::ELEMENT_TYPE` is not the element type;
	/// - any error of [`Tensor::validate`].
	pub fn to_vec<T: Element>(&self) -> Result<Vec<T>, TensorError> {
		if self.element_type != T::ELEMENT_TYPE {
			return Err(TensorError::ElementTypeMismatch);
		}
		self.validate()?;
		let size = usize::try_from(self.element_type.size_bytes()).unwrap_or(1);
		self.data
			.chunks_exact(size)
			.map(|chunk| T::read_le(chunk).ok_or(TensorError::InvalidBool))
			.collect()
	}

	typed_constructors! {
		/// Builds an [`ElementType::F32`] tensor (bit patterns, including NaN payloads, are kept).
		from_f32,
		/// Reads an [`ElementType::F32`] tensor.
		to_f32_vec => f32;
		/// Builds an [`ElementType::F64`] tensor (bit patterns, including NaN payloads, are kept).
		from_f64,
		/// Reads an [`ElementType::F64`] tensor.
		to_f64_vec => f64;
		/// Builds an [`ElementType::I8`] tensor.
		from_i8,
		/// Reads an [`ElementType::I8`] tensor.
		to_i8_vec => i8;
		/// Builds an [`ElementType::U8`] tensor.
		from_u8,
		/// Reads an [`ElementType::U8`] tensor.
		to_u8_vec => u8;
		/// Builds an [`ElementType::I16`] tensor.
		from_i16,
		/// Reads an [`ElementType::I16`] tensor.
		to_i16_vec => i16;
		/// Builds an [`ElementType::I32`] tensor.
		from_i32,
		/// Reads an [`ElementType::I32`] tensor.
		to_i32_vec => i32;
		/// Builds an [`ElementType::I64`] tensor.
		from_i64,
		/// Reads an [`ElementType::I64`] tensor.
		to_i64_vec => i64;
		/// Builds an [`ElementType::Bool`] tensor.
		from_bool,
		/// Reads an [`ElementType::Bool`] tensor.
		to_bool_vec => bool;
	}
}

/// Validates every tensor of a list.
///
/// Accepts any slice (a [`Tensors`] dereferences to one).
///
/// # Errors
///
/// [`TensorError::TooManyTensors`] if there are more than [`MAX_TENSORS`] tensors, otherwise
/// the first error of [`Tensor::validate`].
pub fn validate_all(tensors: &[Tensor]) -> Result<(), TensorError> {
	if saturating_len(tensors.len()) > MAX_TENSORS {
		return Err(TensorError::TooManyTensors);
	}
	tensors.iter().try_for_each(Tensor::validate)
}

/// Converts a vector of tensors into a validated [`Tensors`].
///
/// # Errors
///
/// As [`validate_all`].
pub fn bounded_tensors(tensors: Vec<Tensor>) -> Result<Tensors, TensorError> {
	validate_all(&tensors)?;
	Tensors::try_from(tensors).map_err(|_| TensorError::TooManyTensors)
}
