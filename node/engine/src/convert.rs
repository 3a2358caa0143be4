//! Conversions between canonical tensors and tract tensors.
//!
//! Canonical tensors are little-endian, row-major and tightly packed, and so are tract's on a
//! little-endian target: each conversion is one copy of the data, floats bit for bit, as
//! running a model needs (the caller keeps its inputs, tract owns its outputs' aligned
//! buffers). Only little-endian targets are supported.

#[cfg(not(target_endian = "little"))]
compile_error!("the engine copies canonical (little-endian) tensors to tract's native layout");

use crate::error::EngineError;
use opg_inference_primitives::{expected_data_len, ElementType, Tensor};
use tract_onnx::prelude::{DatumType, Tensor as TractTensor};

/// The tract element type of a canonical element type.
pub fn datum_type(element_type: ElementType) -> DatumType {
	match element_type {
		ElementType::F32 => DatumType::F32,
		ElementType::F64 => DatumType::F64,
		ElementType::I8 => DatumType::I8,
		ElementType::U8 => DatumType::U8,
		ElementType::I16 => DatumType::I16,
		ElementType::I32 => DatumType::I32,
		ElementType::I64 => DatumType::I64,
		ElementType::Bool => DatumType::Bool,
	}
}

/// The canonical element type of a tract element type, if it has one.
///
/// Quantised types map to their storage type and `TDim` (tract's symbolic integers, which
/// ONNX declares as `int64`) to [`ElementType::I64`].
pub fn element_type(datum_type: DatumType) -> Option<ElementType> {
	match datum_type.unquantized() {
		DatumType::F32 => Some(ElementType::F32),
		DatumType::F64 => Some(ElementType::F64),
		DatumType::I8 => Some(ElementType::I8),
		DatumType::U8 => Some(ElementType::U8),
		DatumType::I16 => Some(ElementType::I16),
		DatumType::I32 => Some(ElementType::I32),
		DatumType::I64 | DatumType::TDim => Some(ElementType::I64),
		DatumType::Bool => Some(ElementType::Bool),
		_ => None,
	}
}

/// Converts a canonical tensor to a tract tensor, copying its data once.
///
/// # Errors
///
/// [`EngineError::InvalidInput`] if the tensor is not valid.
pub fn to_tract(tensor: &Tensor) -> Result<TractTensor, EngineError> {
	let invalid = |detail: String| EngineError::InvalidInput { detail };
	tensor.validate().map_err(|e| invalid(e.to_string()))?;
	let shape = tensor
		.shape
		.iter()
		.map(|&d| usize::try_from(d))
		.collect::<Result<Vec<_>, _>>()
		.map_err(|e| invalid(e.to_string()))?;
	// SAFETY: tract reads `data` as elements of `datum_type` in native byte order (little-endian:
	// see the top of this file), row-major, tightly packed, which is the canonical layout; the
	// tensor is valid, so `data` holds exactly the elements of `shape`, every bool 0 or 1.
	unsafe { TractTensor::from_raw_dt(datum_type(tensor.element_type), &shape, &tensor.data) }
		.map_err(|e| invalid(format!("{e:#}")))
}

/// Converts a tract output tensor to canonical form, copying its data once.
///
/// # Errors
///
/// [`EngineError::InvalidOutput`] if the element type has no canonical equivalent, an axis
/// does not fit in a `u32`, or the tensor is larger than the canonical limits.
pub fn from_tract(tensor: &TractTensor) -> Result<Tensor, EngineError> {
	let invalid = |detail: String| EngineError::InvalidOutput { detail };
	let datum_type = tensor.datum_type();
	let Some(element_type) = element_type(datum_type) else {
		return Err(invalid(format!("element type {datum_type:?} has no canonical form")));
	};
	let shape = tensor
		.shape()
		.iter()
		.map(|&d| u32::try_from(d))
		.collect::<Result<Vec<_>, _>>()
		.map_err(|_| invalid(format!("shape {:?} does not fit in u32", tensor.shape())))?;
	if datum_type == DatumType::TDim {
		let cast = tensor.cast_to::<i64>().map_err(|e| invalid(format!("{e:#}")))?;
		return canonical_bytes(&cast, element_type, shape);
	}
	canonical_bytes(tensor, element_type, shape)
}

/// The canonical tensor of the elements of `tensor`, stored as `element_type`.
fn canonical_bytes(
	tensor: &TractTensor,
	element_type: ElementType,
	shape: Vec<u32>,
) -> Result<Tensor, EngineError> {
	let invalid = |detail: String| EngineError::InvalidOutput { detail };
	// Refuses a shape above the canonical limits before copying anything.
	expected_data_len(element_type, &shape).map_err(|e| invalid(e.to_string()))?;
	// A tract tensor's elements are stored row-major and tightly packed, in native byte order.
	let plain = tensor.try_as_plain_ram().map_err(|e| invalid(format!("{e:#}")))?;
	Tensor::new(element_type, shape, plain.as_bytes().to_vec()).map_err(|e| invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn round_trip(tensor: &Tensor) {
		let tract = to_tract(tensor).expect("to tract");
		assert_eq!(tract.datum_type(), datum_type(tensor.element_type));
		let back = from_tract(&tract).expect("from tract");
		assert_eq!(&back, tensor);
	}

	#[test]
	fn every_element_type_round_trips_bit_for_bit() {
		let nan_with_payload = f32::from_bits(0x7fc0_1234);
		round_trip(
			&Tensor::from_f32(
				vec![2, 3],
				&[0.0, -0.0, 1.5, f32::MIN_POSITIVE / 2.0, f32::INFINITY, nan_with_payload],
			)
			.expect("f32"),
		);
		round_trip(
			&Tensor::from_f64(vec![2], &[-0.0, f64::from_bits(0x7ff8_0000_0000_0001)])
				.expect("f64"),
		);
		round_trip(&Tensor::from_i8(vec![3], &[i8::MIN, 0, i8::MAX]).expect("i8"));
		round_trip(&Tensor::from_u8(vec![1, 2], &[0, 255]).expect("u8"));
		round_trip(&Tensor::from_i16(vec![2], &[i16::MIN, i16::MAX]).expect("i16"));
		round_trip(&Tensor::from_i32(vec![2, 1], &[i32::MIN, i32::MAX]).expect("i32"));
		round_trip(&Tensor::from_i64(vec![2], &[i64::MIN, i64::MAX]).expect("i64"));
		round_trip(&Tensor::from_bool(vec![2, 2], &[true, false, false, true]).expect("bool"));
		round_trip(&Tensor::from_f32(vec![], &[3.0]).expect("scalar"));
		round_trip(&Tensor::from_f32(vec![0, 3], &[]).expect("empty"));
	}

	#[test]
	fn strided_outputs_are_read_in_logical_order() {
		let tract = TractTensor::from_shape(&[2, 3], &[1i32, 2, 3, 4, 5, 6]).expect("tensor");
		let transposed = tract.permute_axes(&[1, 0]).expect("permute");
		let canonical = from_tract(&transposed).expect("convert");
		assert_eq!(canonical.shape.to_vec(), vec![3, 2]);
		assert_eq!(canonical.to_i32_vec().expect("i32"), vec![1, 4, 2, 5, 3, 6]);
	}

	#[test]
	fn unsupported_output_types_are_rejected() {
		let tract = TractTensor::from_shape(&[1], &[1u16]).expect("tensor");
		assert!(matches!(from_tract(&tract), Err(EngineError::InvalidOutput { .. })));
	}
}
