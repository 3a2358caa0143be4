//! JSON tensors: `{"type": "f32", "shape": [1, 4], "data": [0.5, -1, 2e-3, 4]}`.
//!
//! - `type` is one of `f32 f64 i8 u8 i16 i32 i64 bool`;
//! - `shape` lists the extents, outermost first (`[]` for a scalar);
//! - `data` lists the elements in row-major order, flat: numbers for numeric types (integers
//!   must be written without fraction nor exponent), `true`/`false` for `bool`. Non-finite
//!   floats are written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
//!
//! Numbers are parsed from their text, with correct rounding straight to the element type (no
//! detour through `f64` for `f32`), so the shortest round-trip decimals written by
//! [`encode`] read back bit for bit. A finite number too large for the element type is an
//! error, not an infinity.

use super::{element_count, IoError};
use opg_inference_primitives::{Element, ElementType, Tensor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt::Write;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonTensor<'a> {
	#[serde(rename = "type")]
	element_type: String,
	shape: Vec<u32>,
	#[serde(borrow)]
	data: Vec<&'a RawValue>,
}

fn parse_type(name: &str) -> Result<ElementType, IoError> {
	ElementType::ALL.into_iter().find(|t| t.name() == name).ok_or_else(|| {
		IoError::Json(format!(
			"unknown type {name:?} (expected f32, f64, i8, u8, i16, i32, i64 or bool)"
		))
	})
}

/// Decodes a JSON tensor.
///
/// # Errors
///
/// [`IoError::Json`] (malformed document, unknown type), [`IoError::ValueCount`],
/// [`IoError::InvalidValue`] (wrong kind of value, out of range) or
/// [`IoError::InvalidTensor`] (rank above 8, too large).
pub fn decode(bytes: &[u8]) -> Result<Tensor, IoError> {
	let parsed: JsonTensor<'_> =
		serde_json::from_slice(bytes).map_err(|e| IoError::Json(e.to_string()))?;
	let element_type = parse_type(&parsed.element_type)?;
	// Checks the rank and the byte size before converting anything.
	opg_inference_primitives::expected_data_len(element_type, &parsed.shape)?;
	let expected = element_count(&parsed.shape)?;
	let actual = u64::try_from(parsed.data.len()).unwrap_or(u64::MAX);
	if actual != expected {
		return Err(IoError::ValueCount { expected, actual });
	}
	let texts = parsed.data.iter().map(|raw| raw.get());
	let shape = parsed.shape;
	match element_type {
		ElementType::F32 => values(texts, parse_float::<f32>).and_then(|v| build(shape, &v)),
		ElementType::F64 => values(texts, parse_float::<f64>).and_then(|v| build(shape, &v)),
		ElementType::I8 => values(texts, parse_int::<i8>).and_then(|v| build(shape, &v)),
		ElementType::U8 => values(texts, parse_int::<u8>).and_then(|v| build(shape, &v)),
		ElementType::I16 => values(texts, parse_int::<i16>).and_then(|v| build(shape, &v)),
		ElementType::I32 => values(texts, parse_int::<i32>).and_then(|v| build(shape, &v)),
		ElementType::I64 => values(texts, parse_int::<i64>).and_then(|v| build(shape, &v)),
		ElementType::Bool => values(texts, parse_bool).and_then(|v| build(shape, &v)),
	}
}

fn values<'a, T>(
	texts: impl Iterator<Item = &'a str>,
	parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Vec<T>, IoError> {
	texts
		.enumerate()
		.map(|(index, text)| parse(text).map_err(|detail| IoError::InvalidValue { index, detail }))
		.collect()
}

fn build<T: Element>(shape: Vec<u32>, values: &[T]) -> Result<Tensor, IoError> {
	Ok(Tensor::from_values(shape, values)?)
}

/// A float type parsed from JSON text.
trait JsonFloat: std::str::FromStr + Copy {
	const NAN: Self;
	const INFINITY: Self;
	const NEG_INFINITY: Self;
	fn is_finite(self) -> bool;
}

impl JsonFloat for f32 {
	const NAN: Self = f32::NAN;
	const INFINITY: Self = f32::INFINITY;
	const NEG_INFINITY: Self = f32::NEG_INFINITY;
	fn is_finite(self) -> bool {
		f32::is_finite(self)
	}
}

impl JsonFloat for f64 {
	const NAN: Self = f64::NAN;
	const INFINITY: Self = f64::INFINITY;
	const NEG_INFINITY: Self = f64::NEG_INFINITY;
	fn is_finite(self) -> bool {
		f64::is_finite(self)
	}
}

fn parse_float<T: JsonFloat>(text: &str) -> Result<T, String> {
	match text {
		"\"NaN\"" => return Ok(T::NAN),
		"\"Infinity\"" => return Ok(T::INFINITY),
		"\"-Infinity\"" => return Ok(T::NEG_INFINITY),
		_ => {}
	}
	// The text is a valid JSON value: a number contains none of the letters of "inf"/"nan",
	// so only genuine numbers reach `parse`.
	if !text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
		return Err(format!(
			"expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", got {text}"
		));
	}
	let value = text.parse::<T>().map_err(|_| format!("invalid number {text}"))?;
	if value.is_finite() {
		Ok(value)
	} else {
		Err(format!("{text} is out of range"))
	}
}

fn parse_int<T: TryFrom<i128>>(text: &str) -> Result<T, String> {
	let wide = text.parse::<i128>().map_err(|_| format!("expected an integer, got {text}"))?;
	T::try_from(wide).map_err(|_| format!("{text} is out of range"))
}

fn parse_bool(text: &str) -> Result<bool, String> {
	match text {
		"true" => Ok(true),
		"false" => Ok(false),
		_ => Err(format!("expected true or false, got {text}")),
	}
}

/// Writes a float as JSON: shortest round-trip decimal, or a string for non-finite values.
fn write_float(out: &mut String, value: impl Into<f64> + std::fmt::Debug + Copy) {
	let wide: f64 = value.into();
	if wide.is_nan() {
		out.push_str("\"NaN\"");
	} else if wide == f64::INFINITY {
		out.push_str("\"Infinity\"");
	} else if wide == f64::NEG_INFINITY {
		out.push_str("\"-Infinity\"");
	} else {
		// `Debug` prints the shortest decimal that parses back to the same value, always with
		// a digit before the point, and with an exponent for very large or small magnitudes:
		// valid JSON in every case.
		let _ = write!(out, "{value:?}");
	}
}

fn push_display(out: &mut String, value: impl std::fmt::Display) {
	// Writing to a `String` cannot fail.
	let _ = write!(out, "{value}");
}

/// Writes one element; `None` if `chunk` is not a valid element of `element_type`.
fn write_element(out: &mut String, element_type: ElementType, chunk: &[u8]) -> Option<()> {
	match element_type {
		ElementType::F32 => write_float(out, f32::read_le(chunk)?),
		ElementType::F64 => write_float(out, f64::read_le(chunk)?),
		ElementType::I8 => push_display(out, i8::read_le(chunk)?),
		ElementType::U8 => push_display(out, u8::read_le(chunk)?),
		ElementType::I16 => push_display(out, i16::read_le(chunk)?),
		ElementType::I32 => push_display(out, i32::read_le(chunk)?),
		ElementType::I64 => push_display(out, i64::read_le(chunk)?),
		ElementType::Bool => push_display(out, bool::read_le(chunk)?),
	}
	Some(())
}

/// Encodes a (valid) tensor as a single-line JSON document.
pub fn encode(tensor: &Tensor) -> String {
	let mut out = String::new();
	let shape: Vec<String> = tensor.shape.iter().map(u32::to_string).collect();
	let _ = write!(
		out,
		"{{\"type\":\"{}\",\"shape\":[{}],\"data\":[",
		tensor.element_type,
		shape.join(",")
	);
	let size = usize::try_from(tensor.element_type.size_bytes()).unwrap_or(1);
	for (index, chunk) in tensor.data.chunks_exact(size).enumerate() {
		if index > 0 {
			out.push(',');
		}
		// A chunk always holds one valid element of a valid tensor.
		let _ = write_element(&mut out, tensor.element_type, chunk);
	}
	out.push_str("]}\n");
	out
}
