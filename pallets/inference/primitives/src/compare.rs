//! Deterministic comparison of model outputs.
//!
//! Two attestors running the same model on different hardware may obtain slightly different
//! floating-point outputs. A [`ComparisonPolicy`] decides whether two outputs *agree*. The
//! decision is taken inside the runtime, so it must be bit-for-bit reproducible on every node;
//! see [the crate documentation](crate#determinism-of-output-comparison) for the argument.
//!
//! Whatever the policy:
//!
//! - tensors with different element types or shapes never agree;
//! - invalid tensors (see [`Tensor::validate`]) never agree, not even with themselves;
//! - an invalid policy (see [`ComparisonPolicy::validate`]) never reports agreement;
//! - bool tensors agree only if they are equal.
//!
//! Special floating-point values are handled identically by [`ComparisonPolicy::Ulps`] and
//! [`ComparisonPolicy::AbsRel`], before any arithmetic:
//!
//! | `a` \ `b`  | NaN   | +inf  | -inf  | finite              |
//! |------------|-------|-------|-------|---------------------|
//! | NaN        | agree | no    | no    | no                  |
//! | +inf       | no    | agree | no    | no                  |
//! | -inf       | no    | no    | agree | no                  |
//! | finite     | no    | no    | no    | policy tolerance    |
//!
//! NaN agrees with NaN whatever the sign and payload. `-0.0` and `+0.0` are at distance zero
//! under both policies, so they always agree. Under [`ComparisonPolicy::Exact`] and
//! [`ComparisonPolicy::Deterministic`] everything, including NaN payloads and the sign of zero,
//! must be bit-identical.

use crate::tensor::{ElementType, Tensor};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// Fixed-point scale of [`ComparisonPolicy::AbsRel`] tolerances: `1_000_000_000` means `1.0`.
pub const TOLERANCE_SCALE: u32 = 1_000_000_000;

/// How two model outputs are compared.
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
	Default,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ComparisonPolicy {
	/// The canonical encodings must be byte-identical.
	#[default]
	#[codec(index = 0)]
	Exact,
	/// Elements may differ by at most `max_ulps` units in the last place.
	///
	/// Floats are mapped to a monotonic integer line on which adjacent representable values
	/// (including across subnormals and zero, with `-0.0` and `+0.0` both at `0`) are at
	/// distance 1. Integers agree when `|a - b| <= max_ulps`.
	#[codec(index = 1)]
	Ulps {
		/// Maximum allowed distance.
		max_ulps: u32,
	},
	/// Elements agree when `|a - b| <= abs + rel * max(|a|, |b|)`, where
	/// `abs = abs_e9 / 10^9` and `rel = rel_e9 / 10^9`.
	///
	/// Floats are compared in `f64` arithmetic (`f32` values are widened exactly). Integers
	/// are compared exactly: `|a - b| * 10^9 <= abs_e9 + rel_e9 * max(|a|, |b|)`.
	/// `abs_e9 = rel_e9 = 0` means "numerically equal" (so `-0.0` agrees with `+0.0` and
	/// NaN with NaN, unlike [`ComparisonPolicy::Exact`]).
	#[codec(index = 2)]
	AbsRel {
		/// Absolute tolerance, in units of `10^-9`.
		abs_e9: u64,
		/// Relative tolerance, in units of `10^-9`; at most [`TOLERANCE_SCALE`] (`1.0`).
		rel_e9: u32,
	},
	/// The model runs in the executor's deterministic mode on every attestor, which computes
	/// the same output bits on every CPU (see [`ExecutionMode::Deterministic`]); outputs are
	/// compared as under [`ComparisonPolicy::Exact`], whatever their element type.
	#[codec(index = 3)]
	Deterministic,
}

/// How an executor runs a model: chosen by the model's [`ComparisonPolicy`].
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
	Default,
	Hash,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ExecutionMode {
	/// The fastest kernels of the CPU: floats may differ in their last bits between CPUs (the
	/// comparison policy's tolerance absorbs that), and a model that turns such floats into
	/// discrete results is refused.
	#[default]
	#[codec(index = 0)]
	Fastest,
	/// Portable kernels with one pinned order of operations: the same model and inputs give
	/// the same output bits on every CPU. Slower; covers a set of operators and refuses the
	/// others with [`error_code::NOT_DETERMINISTIC`](crate::error_code::NOT_DETERMINISTIC).
	#[codec(index = 1)]
	Deterministic,
}

/// Why a [`ComparisonPolicy`] is invalid.
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
pub enum PolicyError {
	/// `rel_e9` is larger than [`TOLERANCE_SCALE`] (a relative tolerance above 100%).
	#[codec(index = 0)]
	RelativeToleranceTooLarge,
}

impl fmt::Display for PolicyError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			PolicyError::RelativeToleranceTooLarge => {
				write!(f, "relative tolerance exceeds {TOLERANCE_SCALE} (1.0)")
			}
		}
	}
}

impl ComparisonPolicy {
	/// Checks the policy parameters.
	///
	/// # Errors
	///
	/// [`PolicyError::RelativeToleranceTooLarge`] if an [`ComparisonPolicy::AbsRel`] policy has
	/// `rel_e9 > 1_000_000_000`.
	pub fn validate(&self) -> Result<(), PolicyError> {
		match self {
			ComparisonPolicy::AbsRel { rel_e9, .. } if *rel_e9 > TOLERANCE_SCALE => {
				Err(PolicyError::RelativeToleranceTooLarge)
			}
			_ => Ok(()),
		}
	}

	/// How executors run a model compared under this policy.
	pub fn execution_mode(&self) -> ExecutionMode {
		match self {
			ComparisonPolicy::Deterministic => ExecutionMode::Deterministic,
			_ => ExecutionMode::Fastest,
		}
	}

	/// Whether outputs must be byte-identical to agree.
	pub fn is_exact(&self) -> bool {
		matches!(self, ComparisonPolicy::Exact | ComparisonPolicy::Deterministic)
	}
}

/// Whether two tensors agree under `policy`.
///
/// See the [module documentation](self) for the rules.
pub fn tensors_agree(policy: &ComparisonPolicy, a: &Tensor, b: &Tensor) -> bool {
	if policy.validate().is_err()
		|| a.element_type != b.element_type
		|| a.shape != b.shape
		|| a.validate().is_err()
		|| b.validate().is_err()
	{
		return false;
	}
	match *policy {
		ComparisonPolicy::Exact | ComparisonPolicy::Deterministic => a.data == b.data,
		ComparisonPolicy::Ulps { max_ulps } => {
			data_agree(a.element_type, &a.data, &b.data, &Tolerance::Ulps(max_ulps))
		}
		ComparisonPolicy::AbsRel { abs_e9, rel_e9 } => {
			let tolerance = Tolerance::AbsRel {
				abs_e9,
				rel_e9,
				// Both conversions and divisions are correctly rounded, hence deterministic.
				abs: abs_e9 as f64 / f64::from(TOLERANCE_SCALE),
				rel: f64::from(rel_e9) / f64::from(TOLERANCE_SCALE),
			};
			data_agree(a.element_type, &a.data, &b.data, &tolerance)
		}
	}
}

/// Whether two output lists agree under `policy`: same length and pairwise
/// [`tensors_agree`].
pub fn outputs_agree(policy: &ComparisonPolicy, a: &[Tensor], b: &[Tensor]) -> bool {
	a.len() == b.len() && a.iter().zip(b).all(|(x, y)| tensors_agree(policy, x, y))
}

/// A policy other than `Exact`, with pre-computed float tolerances.
enum Tolerance {
	Ulps(u32),
	AbsRel { abs_e9: u64, rel_e9: u32, abs: f64, rel: f64 },
}

/// Compares element by element two data buffers of the same (validated) type and shape.
fn data_agree(element_type: ElementType, a: &[u8], b: &[u8], tolerance: &Tolerance) -> bool {
	if a.len() != b.len() {
		return false;
	}
	match element_type {
		ElementType::F32 => all_pairs::<4>(a, b, |x, y| {
			f32_agree(u32::from_le_bytes(x), u32::from_le_bytes(y), tolerance)
		}),
		ElementType::F64 => all_pairs::<8>(a, b, |x, y| {
			f64_agree(u64::from_le_bytes(x), u64::from_le_bytes(y), tolerance)
		}),
		ElementType::I8 => all_pairs::<1>(a, b, |x, y| {
			int_agree(i8::from_le_bytes(x).into(), i8::from_le_bytes(y).into(), tolerance)
		}),
		ElementType::U8 => all_pairs::<1>(a, b, |x, y| {
			int_agree(u8::from_le_bytes(x).into(), u8::from_le_bytes(y).into(), tolerance)
		}),
		ElementType::I16 => all_pairs::<2>(a, b, |x, y| {
			int_agree(i16::from_le_bytes(x).into(), i16::from_le_bytes(y).into(), tolerance)
		}),
		ElementType::I32 => all_pairs::<4>(a, b, |x, y| {
			int_agree(i32::from_le_bytes(x).into(), i32::from_le_bytes(y).into(), tolerance)
		}),
		ElementType::I64 => all_pairs::<8>(a, b, |x, y| {
			int_agree(i64::from_le_bytes(x).into(), i64::from_le_bytes(y).into(), tolerance)
		}),
		ElementType::Bool => a == b,
	}
}

/// Applies `f` to each pair of `N`-byte elements; `false` if any pair disagrees or the buffers
/// are not a whole number of elements.
fn all_pairs<const N: usize>(a: &[u8], b: &[u8], f: impl Fn([u8; N], [u8; N]) -> bool) -> bool {
	let (xs, ys) = (a.chunks_exact(N), b.chunks_exact(N));
	if !xs.remainder().is_empty() || !ys.remainder().is_empty() {
		return false;
	}
	xs.zip(ys).all(|(x, y)| match (<[u8; N]>::try_from(x), <[u8; N]>::try_from(y)) {
		(Ok(x), Ok(y)) => f(x, y),
		_ => false,
	})
}

/// Integer comparison, exact (no floating point), in 128-bit arithmetic.
fn int_agree(a: i128, b: i128, tolerance: &Tolerance) -> bool {
	let diff = a.abs_diff(b);
	match *tolerance {
		Tolerance::Ulps(max_ulps) => diff <= u128::from(max_ulps),
		Tolerance::AbsRel { abs_e9, rel_e9, .. } => {
			// |a - b| * 1e9 <= abs_e9 + rel_e9 * max(|a|, |b|). With 64-bit inputs every
			// intermediate fits in 96 bits; saturation is only a belt-and-braces measure.
			let lhs = diff.saturating_mul(u128::from(TOLERANCE_SCALE));
			let magnitude = a.unsigned_abs().max(b.unsigned_abs());
			let rhs =
				u128::from(abs_e9).saturating_add(u128::from(rel_e9).saturating_mul(magnitude));
			lhs <= rhs
		}
	}
}

/// Class of a float, determined from its bit pattern only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatClass {
	Nan,
	PosInf,
	NegInf,
	Finite,
}

/// `Some(verdict)` if at least one of the values is not finite, `None` if both are finite.
fn special_agree(a: FloatClass, b: FloatClass) -> Option<bool> {
	if a == FloatClass::Finite && b == FloatClass::Finite {
		None
	} else {
		Some(a == b)
	}
}

const F32_SIGN: u32 = 0x8000_0000;
const F32_EXPONENT: u32 = 0x7F80_0000;
const F32_MANTISSA: u32 = 0x007F_FFFF;
const F64_SIGN: u64 = 0x8000_0000_0000_0000;
const F64_EXPONENT: u64 = 0x7FF0_0000_0000_0000;
const F64_MANTISSA: u64 = 0x000F_FFFF_FFFF_FFFF;

fn f32_class(bits: u32) -> FloatClass {
	if bits & F32_EXPONENT != F32_EXPONENT {
		FloatClass::Finite
	} else if bits & F32_MANTISSA != 0 {
		FloatClass::Nan
	} else if bits & F32_SIGN != 0 {
		FloatClass::NegInf
	} else {
		FloatClass::PosInf
	}
}

fn f64_class(bits: u64) -> FloatClass {
	if bits & F64_EXPONENT != F64_EXPONENT {
		FloatClass::Finite
	} else if bits & F64_MANTISSA != 0 {
		FloatClass::Nan
	} else if bits & F64_SIGN != 0 {
		FloatClass::NegInf
	} else {
		FloatClass::PosInf
	}
}

/// Position of an `f32` on the monotonic integer line: the magnitude bits, negated for
/// negative values, so `-0.0` and `+0.0` both map to `0`.
fn f32_ordinal(bits: u32) -> i64 {
	let magnitude = i64::from(bits & !F32_SIGN);
	if bits & F32_SIGN != 0 {
		magnitude.saturating_neg()
	} else {
		magnitude
	}
}

/// Position of an `f64` on the monotonic integer line (see [`f32_ordinal`]).
fn f64_ordinal(bits: u64) -> i128 {
	let magnitude = i128::from(bits & !F64_SIGN);
	if bits & F64_SIGN != 0 {
		magnitude.saturating_neg()
	} else {
		magnitude
	}
}

/// Absolute value by clearing the sign bit (a pure bit operation).
fn abs_f64(x: f64) -> f64 {
	f64::from_bits(x.to_bits() & !F64_SIGN)
}

/// `|a - b| <= abs + rel * max(|a|, |b|)` on finite values, in `f64`.
fn abs_rel_agree(a: f64, b: f64, abs: f64, rel: f64) -> bool {
	let diff = abs_f64(a - b);
	let (abs_a, abs_b) = (abs_f64(a), abs_f64(b));
	let magnitude = if abs_a > abs_b { abs_a } else { abs_b };
	diff <= abs + rel * magnitude
}

fn f32_agree(a: u32, b: u32, tolerance: &Tolerance) -> bool {
	if let Some(verdict) = special_agree(f32_class(a), f32_class(b)) {
		return verdict;
	}
	match *tolerance {
		Tolerance::Ulps(max_ulps) => f32_ordinal(a).abs_diff(f32_ordinal(b)) <= u64::from(max_ulps),
		Tolerance::AbsRel { abs, rel, .. } => {
			// Widening a finite f32 to f64 is exact.
			abs_rel_agree(f64::from(f32::from_bits(a)), f64::from(f32::from_bits(b)), abs, rel)
		}
	}
}

fn f64_agree(a: u64, b: u64, tolerance: &Tolerance) -> bool {
	if let Some(verdict) = special_agree(f64_class(a), f64_class(b)) {
		return verdict;
	}
	match *tolerance {
		Tolerance::Ulps(max_ulps) => {
			f64_ordinal(a).abs_diff(f64_ordinal(b)) <= u128::from(max_ulps)
		}
		Tolerance::AbsRel { abs, rel, .. } => {
			abs_rel_agree(f64::from_bits(a), f64::from_bits(b), abs, rel)
		}
	}
}
