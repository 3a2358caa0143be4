//! NumPy `.npy` files.
//!
//! Reads format versions 1.0, 2.0 and 3.0 (the header is a Python dict literal with the keys
//! `descr`, `fortran_order` and `shape`), C order only, with the little-endian dtypes
//! `<f4 <f8 |i1 |u1 <i2 <i4 <i8 |b1` (single-byte types are also accepted with a `<`, `>` or
//! `=` byte-order mark, which NumPy ignores for them). Writes version 1.0 headers padded so
//! that the data starts at a multiple of 64 bytes, as `numpy.save` does.

use super::IoError;
use opg_inference_primitives::{expected_data_len, ElementType, Tensor};

/// The magic string every `.npy` file starts with.
const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// Largest header accepted, in bytes. NumPy's own headers are under 200 bytes for any array
/// of at most 8 dimensions.
pub const MAX_HEADER_BYTES: usize = 1 << 16;

/// The dtype string of an element type, as NumPy writes it.
pub fn descr(element_type: ElementType) -> &'static str {
	match element_type {
		ElementType::F32 => "<f4",
		ElementType::F64 => "<f8",
		ElementType::I8 => "|i1",
		ElementType::U8 => "|u1",
		ElementType::I16 => "<i2",
		ElementType::I32 => "<i4",
		ElementType::I64 => "<i8",
		ElementType::Bool => "|b1",
	}
}

fn parse_descr(descr: &str) -> Result<ElementType, IoError> {
	let unsupported = || IoError::UnsupportedDtype(descr.to_owned());
	let mut chars = descr.chars();
	let order = chars.next().ok_or_else(unsupported)?;
	let (element_type, single_byte) = match chars.as_str() {
		"f4" => (ElementType::F32, false),
		"f8" => (ElementType::F64, false),
		"i1" => (ElementType::I8, true),
		"u1" => (ElementType::U8, true),
		"i2" => (ElementType::I16, false),
		"i4" => (ElementType::I32, false),
		"i8" => (ElementType::I64, false),
		"b1" => (ElementType::Bool, true),
		_ => return Err(unsupported()),
	};
	match order {
		'<' => Ok(element_type),
		'|' | '=' | '>' if single_byte => Ok(element_type),
		'>' => Err(IoError::BigEndian(descr.to_owned())),
		_ => Err(unsupported()),
	}
}

/// A value of the header dict.
#[derive(Debug, PartialEq)]
enum Value {
	Str(String),
	Bool(bool),
	Tuple(Vec<u64>),
}

/// A minimal parser for the Python literal of a `.npy` header.
struct Parser<'a> {
	rest: &'a str,
}

fn header_error(detail: impl Into<String>) -> IoError {
	IoError::InvalidNpyHeader(detail.into())
}

impl<'a> Parser<'a> {
	fn skip_spaces(&mut self) {
		self.rest = self.rest.trim_start();
	}

	fn eat(&mut self, token: char) -> bool {
		self.skip_spaces();
		match self.rest.strip_prefix(token) {
			Some(rest) => {
				self.rest = rest;
				true
			}
			None => false,
		}
	}

	fn expect(&mut self, token: char) -> Result<(), IoError> {
		if self.eat(token) {
			Ok(())
		} else {
			Err(header_error(format!("expected {token:?}")))
		}
	}

	fn string(&mut self) -> Result<String, IoError> {
		self.skip_spaces();
		let mut chars = self.rest.chars();
		let quote = chars.next().filter(|c| *c == '\'' || *c == '"');
		let quote = quote.ok_or_else(|| header_error("expected a string"))?;
		let body = chars.as_str();
		let end = body.find(quote).ok_or_else(|| header_error("unterminated string"))?;
		let (value, rest) = body.split_at(end);
		self.rest = rest.get(1..).unwrap_or_default();
		Ok(value.to_owned())
	}

	fn integer(&mut self) -> Result<u64, IoError> {
		self.skip_spaces();
		let end = self.rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(self.rest.len());
		let (digits, rest) = self.rest.split_at(end);
		let value = digits.parse::<u64>().map_err(|_| header_error("invalid dimension"))?;
		self.rest = rest;
		Ok(value)
	}

	fn value(&mut self) -> Result<Value, IoError> {
		self.skip_spaces();
		if let Some(rest) = self.rest.strip_prefix("True") {
			self.rest = rest;
			return Ok(Value::Bool(true));
		}
		if let Some(rest) = self.rest.strip_prefix("False") {
			self.rest = rest;
			return Ok(Value::Bool(false));
		}
		if self.eat('(') {
			let mut items = Vec::new();
			while !self.eat(')') {
				items.push(self.integer()?);
				if !self.eat(',') {
					self.expect(')')?;
					break;
				}
			}
			return Ok(Value::Tuple(items));
		}
		self.string().map(Value::Str)
	}
}

/// The parsed header: element type and shape.
fn parse_header(header: &str) -> Result<(ElementType, Vec<u32>), IoError> {
	let mut parser = Parser { rest: header };
	parser.expect('{')?;
	let (mut descr, mut fortran, mut shape) = (None, None, None);
	while !parser.eat('}') {
		let key = parser.string()?;
		parser.expect(':')?;
		let value = parser.value()?;
		let slot = match key.as_str() {
			"descr" => &mut descr,
			"fortran_order" => &mut fortran,
			"shape" => &mut shape,
			_ => return Err(header_error(format!("unexpected key {key:?}"))),
		};
		if slot.replace(value).is_some() {
			return Err(header_error(format!("duplicate key {key:?}")));
		}
		if !parser.eat(',') {
			parser.expect('}')?;
			break;
		}
	}
	if !parser.rest.trim().is_empty() {
		return Err(header_error("unexpected text after the header dict"));
	}
	let element_type = match descr {
		Some(Value::Str(descr)) => parse_descr(&descr)?,
		Some(_) => return Err(IoError::UnsupportedDtype("structured dtype".into())),
		None => return Err(header_error("missing key 'descr'")),
	};
	match fortran {
		Some(Value::Bool(false)) => {}
		Some(Value::Bool(true)) => return Err(IoError::FortranOrder),
		_ => return Err(header_error("'fortran_order' must be True or False")),
	}
	let shape = match shape {
		Some(Value::Tuple(dims)) => dims
			.into_iter()
			.map(|d| {
				u32::try_from(d).map_err(|_| {
					IoError::InvalidTensor(opg_inference_primitives::TensorError::ShapeOverflow)
				})
			})
			.collect::<Result<Vec<_>, _>>()?,
		_ => return Err(header_error("'shape' must be a tuple of integers")),
	};
	Ok((element_type, shape))
}

/// Decodes a `.npy` file.
///
/// # Errors
///
/// [`IoError::NotNpy`], [`IoError::UnsupportedNpyVersion`], [`IoError::InvalidNpyHeader`],
/// [`IoError::FortranOrder`], [`IoError::BigEndian`], [`IoError::UnsupportedDtype`],
/// [`IoError::Truncated`], [`IoError::TrailingData`] or [`IoError::InvalidTensor`] (rank
/// above 8, too large, invalid bool byte).
pub fn decode(bytes: &[u8]) -> Result<Tensor, IoError> {
	let rest = bytes.strip_prefix(MAGIC).ok_or(IoError::NotNpy)?;
	let (&[major, minor], rest) = rest.split_first_chunk::<2>().ok_or(IoError::NotNpy)?;
	let (header_len, rest) = match (major, minor) {
		(1, 0) => {
			let (len, rest) =
				rest.split_first_chunk::<2>().ok_or_else(|| header_error("truncated"))?;
			(usize::from(u16::from_le_bytes(*len)), rest)
		}
		(2, 0) | (3, 0) => {
			let (len, rest) =
				rest.split_first_chunk::<4>().ok_or_else(|| header_error("truncated"))?;
			let len = usize::try_from(u32::from_le_bytes(*len)).unwrap_or(usize::MAX);
			(len, rest)
		}
		_ => return Err(IoError::UnsupportedNpyVersion { major, minor }),
	};
	if header_len > MAX_HEADER_BYTES {
		return Err(header_error(format!(
			"{header_len} bytes long, the limit is {MAX_HEADER_BYTES}"
		)));
	}
	let header = rest.get(..header_len).ok_or_else(|| header_error("truncated"))?;
	let data = rest.get(header_len..).unwrap_or_default();
	// Versions 1 and 2 are latin-1, version 3 UTF-8; the keys and values are ASCII anyway.
	let header = std::str::from_utf8(header).map_err(|_| header_error("not ASCII/UTF-8"))?;
	let (element_type, shape) = parse_header(header)?;
	let expected = u64::from(expected_data_len(element_type, &shape)?);
	let actual = u64::try_from(data.len()).unwrap_or(u64::MAX);
	if actual < expected {
		return Err(IoError::Truncated { expected, actual });
	}
	if actual > expected {
		return Err(IoError::TrailingData { expected, actual });
	}
	Ok(Tensor::new(element_type, shape, data.to_vec())?)
}

/// Encodes a (valid) tensor as a version 1.0 `.npy` file.
pub fn encode(tensor: &Tensor) -> Vec<u8> {
	let shape = match tensor.shape.as_slice() {
		[] => "()".to_owned(),
		[dim] => format!("({dim},)"),
		dims => format!("({})", dims.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")),
	};
	let mut header = format!(
		"{{'descr': '{}', 'fortran_order': False, 'shape': {shape}, }}",
		descr(tensor.element_type)
	);
	// magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64.
	let unpadded = header.len().saturating_add(11);
	let padding = (64 - unpadded % 64) % 64;
	header.extend(std::iter::repeat_n(' ', padding));
	header.push('\n');
	// An 8-dimensional shape of u32s keeps the header far below 65535 bytes.
	let header_len = u16::try_from(header.len()).unwrap_or(u16::MAX);
	let mut out =
		Vec::with_capacity(header.len().saturating_add(10).saturating_add(tensor.data.len()));
	out.extend_from_slice(MAGIC);
	out.extend_from_slice(&[1, 0]);
	out.extend_from_slice(&header_len.to_le_bytes());
	out.extend_from_slice(header.as_bytes());
	out.extend_from_slice(&tensor.data);
	out
}
