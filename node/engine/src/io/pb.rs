//! ONNX `TensorProto` files (`.pb`), as written by `onnx.numpy_helper.from_array` and used by
//! the ONNX test suites.
//!
//! Reads the data from `raw_data` (little-endian) or from the typed fields (`float_data`,
//! `double_data`, `int32_data` for `INT8`/`UINT8`/`INT16`/`INT32`/`BOOL`, `int64_data`).
//! External and segmented data are refused. Writes `raw_data`, with an empty name.

use super::{element_count, IoError};
use opg_inference_primitives::{expected_data_len, ElementType, Tensor, TensorError, MAX_RANK};
use prost::Message;
use tract_onnx::pb::{tensor_proto::DataLocation, TensorProto};

const FLOAT: i32 = 1;
const UINT8: i32 = 2;
const INT8: i32 = 3;
const INT16: i32 = 5;
const INT32: i32 = 6;
const INT64: i32 = 7;
const BOOL: i32 = 9;
const DOUBLE: i32 = 11;

/// The ONNX `TensorProto.DataType` of an element type.
pub fn data_type(element_type: ElementType) -> i32 {
	match element_type {
		ElementType::F32 => FLOAT,
		ElementType::F64 => DOUBLE,
		ElementType::I8 => INT8,
		ElementType::U8 => UINT8,
		ElementType::I16 => INT16,
		ElementType::I32 => INT32,
		ElementType::I64 => INT64,
		ElementType::Bool => BOOL,
	}
}

fn element_type(data_type: i32) -> Result<ElementType, IoError> {
	match data_type {
		FLOAT => Ok(ElementType::F32),
		DOUBLE => Ok(ElementType::F64),
		INT8 => Ok(ElementType::I8),
		UINT8 => Ok(ElementType::U8),
		INT16 => Ok(ElementType::I16),
		INT32 => Ok(ElementType::I32),
		INT64 => Ok(ElementType::I64),
		BOOL => Ok(ElementType::Bool),
		other => Err(IoError::UnsupportedDataType(other)),
	}
}

/// Decodes a serialised `TensorProto`.
///
/// # Errors
///
/// [`IoError::Protobuf`] (malformed message, negative dimension, data in more than one
/// field), [`IoError::ExternalData`], [`IoError::UnsupportedDataType`],
/// [`IoError::Truncated`] / [`IoError::TrailingData`] (wrong `raw_data` length),
/// [`IoError::ValueCount`] (wrong number of typed values), [`IoError::InvalidValue`] (an
/// `int32_data` value out of the element type's range) or [`IoError::InvalidTensor`].
pub fn decode(bytes: &[u8]) -> Result<Tensor, IoError> {
	let proto = TensorProto::decode(bytes).map_err(|e| IoError::Protobuf(e.to_string()))?;
	if proto.data_location == Some(DataLocation::External as i32) || !proto.external_data.is_empty()
	{
		return Err(IoError::ExternalData);
	}
	if proto.segment.is_some() {
		return Err(IoError::Protobuf("segmented tensors are not supported".into()));
	}
	let element_type = element_type(proto.data_type)?;
	if proto.dims.len() > MAX_RANK as usize {
		return Err(TensorError::RankTooLarge.into());
	}
	let shape = proto
		.dims
		.iter()
		.map(|&d| match u32::try_from(d) {
			Ok(d) => Ok(d),
			Err(_) if d < 0 => Err(IoError::Protobuf(format!("negative dimension {d}"))),
			Err(_) => Err(TensorError::ShapeOverflow.into()),
		})
		.collect::<Result<Vec<_>, _>>()?;
	let expected = expected_data_len(element_type, &shape)?;
	let typed_fields = [
		!proto.float_data.is_empty(),
		!proto.double_data.is_empty(),
		!proto.int32_data.is_empty(),
		!proto.int64_data.is_empty(),
		!proto.uint64_data.is_empty(),
		!proto.string_data.is_empty(),
	];
	let typed_fields = typed_fields.iter().filter(|present| **present).count();
	if typed_fields > 1 || (typed_fields == 1 && !proto.raw_data.is_empty()) {
		return Err(IoError::Protobuf("data is spread over several fields".into()));
	}
	let data = if typed_fields == 0 {
		let (expected, actual) =
			(u64::from(expected), u64::try_from(proto.raw_data.len()).unwrap_or(u64::MAX));
		if actual < expected {
			return Err(IoError::Truncated { expected, actual });
		}
		if actual > expected {
			return Err(IoError::TrailingData { expected, actual });
		}
		proto.raw_data
	} else {
		typed_data(&proto, element_type, element_count(&shape)?)?
	};
	Ok(Tensor::new(element_type, shape, data)?)
}

/// Little-endian bytes of the typed field holding the data of `element_type`.
fn typed_data(
	proto: &TensorProto,
	element_type: ElementType,
	count: u64,
) -> Result<Vec<u8>, IoError> {
	let check_count = |actual: usize| {
		let actual = u64::try_from(actual).unwrap_or(u64::MAX);
		if actual == count {
			Ok(())
		} else {
			Err(IoError::ValueCount { expected: count, actual })
		}
	};
	let out_of_range = |index: usize, value: i32| IoError::InvalidValue {
		index,
		detail: format!("{value} is out of range for {element_type}"),
	};
	match element_type {
		ElementType::F32 => {
			check_count(proto.float_data.len())?;
			Ok(proto.float_data.iter().flat_map(|v| v.to_le_bytes()).collect())
		}
		ElementType::F64 => {
			check_count(proto.double_data.len())?;
			Ok(proto.double_data.iter().flat_map(|v| v.to_le_bytes()).collect())
		}
		ElementType::I64 => {
			check_count(proto.int64_data.len())?;
			Ok(proto.int64_data.iter().flat_map(|v| v.to_le_bytes()).collect())
		}
		ElementType::I32 => {
			check_count(proto.int32_data.len())?;
			Ok(proto.int32_data.iter().flat_map(|v| v.to_le_bytes()).collect())
		}
		ElementType::I16 => {
			check_count(proto.int32_data.len())?;
			let mut out = Vec::with_capacity(proto.int32_data.len().saturating_mul(2));
			for (index, &value) in proto.int32_data.iter().enumerate() {
				let narrow = i16::try_from(value).map_err(|_| out_of_range(index, value))?;
				out.extend_from_slice(&narrow.to_le_bytes());
			}
			Ok(out)
		}
		ElementType::I8 => {
			check_count(proto.int32_data.len())?;
			proto
				.int32_data
				.iter()
				.enumerate()
				.map(|(index, &value)| {
					i8::try_from(value)
						.map(|v| v.to_le_bytes()[0])
						.map_err(|_| out_of_range(index, value))
				})
				.collect()
		}
		ElementType::U8 => {
			check_count(proto.int32_data.len())?;
			proto
				.int32_data
				.iter()
				.enumerate()
				.map(|(index, &value)| u8::try_from(value).map_err(|_| out_of_range(index, value)))
				.collect()
		}
		ElementType::Bool => {
			check_count(proto.int32_data.len())?;
			proto
				.int32_data
				.iter()
				.enumerate()
				.map(|(index, &value)| match value {
					0 => Ok(0u8),
					1 => Ok(1u8),
					_ => Err(out_of_range(index, value)),
				})
				.collect()
		}
	}
}

/// Encodes a (valid) tensor as a serialised `TensorProto` with `raw_data`.
pub fn encode(tensor: &Tensor) -> Vec<u8> {
	let proto = TensorProto {
		dims: tensor.shape.iter().map(|&d| i64::from(d)).collect(),
		data_type: data_type(tensor.element_type),
		raw_data: tensor.data.to_vec(),
		..TensorProto::default()
	};
	proto.encode_to_vec()
}
