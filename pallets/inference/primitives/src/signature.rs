//! Model signatures: the element types and shapes a model accepts and produces.
//!
//! A [`ModelSignature`] is registered on chain together with a model. Job inputs are checked
//! against [`ModelSignature::check_inputs`] before a job is accepted, and attested outputs
//! against [`ModelSignature::check_outputs`] before they are counted.

use crate::tensor::{saturating_len, ElementType, Tensor, TensorError, MAX_RANK, MAX_TENSORS};
use alloc::vec::Vec;
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// One axis of a [`TensorSpec`].
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
pub enum Dim {
	/// The axis must have exactly this extent (which may be `0`).
	#[codec(index = 0)]
	Fixed(u32),
	/// The axis may have any extent (e.g. a batch axis).
	#[codec(index = 1)]
	Dynamic,
}

impl Dim {
	/// Whether an axis of extent `extent` satisfies this dimension.
	pub fn accepts(&self, extent: u32) -> bool {
		match self {
			Dim::Fixed(expected) => *expected == extent,
			Dim::Dynamic => true,
		}
	}
}

/// The axes of a [`TensorSpec`].
pub type DimList = BoundedVec<Dim, ConstU32<MAX_RANK>>;

/// The tensor specifications of a model's inputs or outputs.
pub type TensorSpecs = BoundedVec<TensorSpec, ConstU32<MAX_TENSORS>>;

/// Expected element type and shape of one input or output tensor.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TensorSpec {
	/// Required element type.
	pub element_type: ElementType,
	/// Required shape; the rank must match exactly. Empty for a scalar.
	pub shape: DimList,
}

/// Why a signature is invalid or a tensor list does not match it.
///
/// `index` is the position of the offending tensor in the list being checked.
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
pub enum SignatureError {
	/// The signature declares no input.
	#[codec(index = 0)]
	NoInputs,
	/// The signature declares no output.
	#[codec(index = 1)]
	NoOutputs,
	/// The number of tensors differs from the number of specs.
	#[codec(index = 2)]
	WrongTensorCount {
		/// Number of tensors declared by the signature.
		expected: u32,
		/// Number of tensors given (saturated at `u32::MAX`).
		actual: u32,
	},
	/// A tensor has the wrong element type.
	#[codec(index = 3)]
	ElementType {
		/// Position of the tensor.
		index: u32,
		/// Element type declared by the signature.
		expected: ElementType,
		/// Element type of the tensor.
		actual: ElementType,
	},
	/// A tensor has the wrong number of dimensions.
	#[codec(index = 4)]
	Rank {
		/// Position of the tensor.
		index: u32,
		/// Rank declared by the signature.
		expected: u32,
		/// Rank of the tensor.
		actual: u32,
	},
	/// An axis of a tensor has the wrong extent.
	#[codec(index = 5)]
	Dimension {
		/// Position of the tensor.
		index: u32,
		/// Axis (0 = outermost).
		axis: u32,
		/// Extent declared by the signature.
		expected: u32,
		/// Extent of the tensor.
		actual: u32,
	},
	/// A tensor is not a valid canonical tensor.
	#[codec(index = 6)]
	InvalidTensor {
		/// Position of the tensor.
		index: u32,
		/// What is wrong with it.
		error: TensorError,
	},
}

impl fmt::Display for SignatureError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			SignatureError::NoInputs => f.write_str("signature declares no inputs"),
			SignatureError::NoOutputs => f.write_str("signature declares no outputs"),
			SignatureError::WrongTensorCount { expected, actual } => {
				write!(f, "expected {expected} tensors, got {actual}")
			}
			SignatureError::ElementType { index, expected, actual } => {
				write!(f, "tensor {index}: expected element type {expected}, got {actual}")
			}
			SignatureError::Rank { index, expected, actual } => {
				write!(f, "tensor {index}: expected rank {expected}, got {actual}")
			}
			SignatureError::Dimension { index, axis, expected, actual } => {
				write!(f, "tensor {index}, axis {axis}: expected extent {expected}, got {actual}")
			}
			SignatureError::InvalidTensor { index, error } => {
				write!(f, "tensor {index}: {error}")
			}
		}
	}
}

impl TensorSpec {
	/// Builds a spec.
	///
	/// # Errors
	///
	/// [`TensorError::RankTooLarge`] if `shape` has more than [`MAX_RANK`] axes.
	pub fn new(element_type: ElementType, shape: Vec<Dim>) -> Result<Self, TensorError> {
		let shape = DimList::try_from(shape).map_err(|_| TensorError::RankTooLarge)?;
		Ok(TensorSpec { element_type, shape })
	}

	/// Checks that `tensor` is valid and matches this spec.
	///
	/// Errors produced by this method report `index: 0`; [`ModelSignature::check_inputs`] and
	/// [`ModelSignature::check_outputs`] report the real position.
	///
	/// # Errors
	///
	/// In order of precedence: [`SignatureError::InvalidTensor`],
	/// [`SignatureError::ElementType`], [`SignatureError::Rank`],
	/// [`SignatureError::Dimension`] (first mismatching axis).
	pub fn matches(&self, tensor: &Tensor) -> Result<(), SignatureError> {
		self.check_at(0, tensor)
	}

	fn check_at(&self, index: u32, tensor: &Tensor) -> Result<(), SignatureError> {
		tensor.validate().map_err(|error| SignatureError::InvalidTensor { index, error })?;
		if tensor.element_type != self.element_type {
			return Err(SignatureError::ElementType {
				index,
				expected: self.element_type,
				actual: tensor.element_type,
			});
		}
		let expected_rank = saturating_len(self.shape.len());
		let actual_rank = tensor.rank();
		if expected_rank != actual_rank {
			return Err(SignatureError::Rank {
				index,
				expected: expected_rank,
				actual: actual_rank,
			});
		}
		for (axis, (dim, &extent)) in self.shape.iter().zip(tensor.shape.iter()).enumerate() {
			if let Dim::Fixed(expected) = *dim {
				if expected != extent {
					return Err(SignatureError::Dimension {
						index,
						axis: saturating_len(axis),
						expected,
						actual: extent,
					});
				}
			}
		}
		Ok(())
	}
}

/// The inputs and outputs of a model.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ModelSignature {
	/// Input specs, in the model's input order.
	pub inputs: TensorSpecs,
	/// Output specs, in the model's output order.
	pub outputs: TensorSpecs,
}

impl ModelSignature {
	/// Builds a signature. This only enforces the length bounds: call
	/// [`ModelSignature::validate`] before registering it.
	///
	/// # Errors
	///
	/// [`TensorError::TooManyTensors`] if either list has more than [`MAX_TENSORS`] entries.
	pub fn new(inputs: Vec<TensorSpec>, outputs: Vec<TensorSpec>) -> Result<Self, TensorError> {
		let inputs = TensorSpecs::try_from(inputs).map_err(|_| TensorError::TooManyTensors)?;
		let outputs = TensorSpecs::try_from(outputs).map_err(|_| TensorError::TooManyTensors)?;
		Ok(ModelSignature { inputs, outputs })
	}

	/// Checks that the signature declares at least one input and one output.
	///
	/// # Errors
	///
	/// [`SignatureError::NoInputs`] or [`SignatureError::NoOutputs`].
	pub fn validate(&self) -> Result<(), SignatureError> {
		if self.inputs.is_empty() {
			return Err(SignatureError::NoInputs);
		}
		if self.outputs.is_empty() {
			return Err(SignatureError::NoOutputs);
		}
		Ok(())
	}

	/// Checks job inputs against the signature.
	///
	/// # Errors
	///
	/// Any error of [`ModelSignature::validate`] (an invalid signature accepts nothing), then
	/// [`SignatureError::WrongTensorCount`], then the error of the first mismatching tensor as
	/// described in [`TensorSpec::matches`], with its position as `index`.
	pub fn check_inputs(&self, tensors: &[Tensor]) -> Result<(), SignatureError> {
		self.validate()?;
		check_list(&self.inputs, tensors)
	}

	/// Checks model outputs against the signature.
	///
	/// # Errors
	///
	/// As [`ModelSignature::check_inputs`], against the output specs.
	pub fn check_outputs(&self, tensors: &[Tensor]) -> Result<(), SignatureError> {
		self.validate()?;
		check_list(&self.outputs, tensors)
	}
}

fn check_list(specs: &[TensorSpec], tensors: &[Tensor]) -> Result<(), SignatureError> {
	if specs.len() != tensors.len() {
		return Err(SignatureError::WrongTensorCount {
			expected: saturating_len(specs.len()),
			actual: saturating_len(tensors.len()),
		});
	}
	specs
		.iter()
		.zip(tensors)
		.enumerate()
		.try_for_each(|(index, (spec, tensor))| spec.check_at(saturating_len(index), tensor))
}
