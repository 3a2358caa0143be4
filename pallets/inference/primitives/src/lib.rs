//! # OPG Chain inference primitives
//!
//! Types and functions shared by the inference pallet, the node and off-chain clients of OPG
//! Chain, where validators run ONNX models and attest their outputs with commit-reveal:
//!
//! - [`tensor`]: the canonical [`Tensor`] and its validation;
//! - [`signature`]: [`ModelSignature`], the element types and shapes a model accepts and
//!   produces;
//! - [`compare`]: [`ComparisonPolicy`], the deterministic rule deciding whether two attestors'
//!   outputs agree;
//! - [`commitment`](mod@commitment): [`InferenceOutcome`] and the commit-reveal hash.
//!
//! The crate is `no_std` (with `alloc`) and never panics: all arithmetic on untrusted values
//! is checked or saturating, and decoded values are re-validated by the `validate` methods.
//!
//! ## Canonical tensor encoding
//!
//! The SCALE encoding of [`Tensor`] is the canonical encoding of a tensor: two tensors are the
//! same iff their canonical encodings are byte-identical. A client in any language produces it
//! as follows (all integers little-endian):
//!
//! | Offset         | Size         | Field                                                        |
//! |----------------|--------------|--------------------------------------------------------------|
//! | 0              | 1            | element type: `0` f32, `1` f64, `2` i8, `3` u8, `4` i16, `5` i32, `6` i64, `7` bool |
//! | 1              | 1            | rank `r` (`0..=8`) as a compact integer: the single byte `r << 2` |
//! | 2              | `4 * r`      | each dimension as a `u32`, outermost axis first              |
//! | `2 + 4r`       | 1, 2 or 4    | data length `n` in bytes as a compact integer (see below)    |
//! | ...            | `n`          | the elements, row-major (last axis fastest), tightly packed   |
//!
//! A compact integer `n` is encoded as:
//!
//! - `n < 2^6`: one byte, `n << 2`;
//! - `n < 2^14`: two bytes, the `u16` `(n << 2) | 0b01`;
//! - `n < 2^30`: four bytes, the `u32` `(n << 2) | 0b10`.
//!
//! Data lengths are at most [`MAX_TENSOR_BYTES`] (`2^20`), so larger forms never occur. Only
//! this shortest form is accepted by the decoder.
//!
//! Elements:
//!
//! - `f32` / `f64`: the IEEE-754 binary32 / binary64 bit pattern, 4 / 8 bytes. Any bit pattern
//!   is valid (NaN payloads and the sign of zero are preserved and significant for
//!   [`ComparisonPolicy::Exact`]);
//! - `i8`, `u8`, `i16`, `i32`, `i64`: two's complement (or unsigned), 1, 1, 2, 4, 8 bytes;
//! - `bool`: one byte, `0x00` (false) or `0x01` (true); any other byte is invalid.
//!
//! `n` must equal `element_count * element_size`, where `element_count` is the product of the
//! dimensions (`1` for a scalar, i.e. `r = 0`; `0` if any dimension is `0`). The product must
//! fit in a `u32` and `n` must not exceed [`MAX_TENSOR_BYTES`].
//!
//! Example: the `f32` tensor of shape `[2]` holding `[1.0, -2.0]` encodes as
//!
//! ```text
//! 00             element type f32
//! 04             rank 1 (compact: 1 << 2)
//! 02 00 00 00    dimension 2
//! 20             data length 8 (compact: 8 << 2)
//! 00 00 80 3f    1.0f32
//! 00 00 00 c0    -2.0f32
//! ```
//!
//! and the `u8` scalar `7` as `03 00 04 07`. In Python:
//!
//! ```python
//! import struct
//!
//! def compact(n):
//!     if n < 1 << 6:  return bytes([n << 2])
//!     if n < 1 << 14: return struct.pack('<H', (n << 2) | 1)
//!     return struct.pack('<I', (n << 2) | 2)
//!
//! def tensor(element_type, shape, data):
//!     return (bytes([element_type]) + compact(len(shape))
//!             + b''.join(struct.pack('<I', d) for d in shape)
//!             + compact(len(data)) + data)
//!
//! assert tensor(0, [2], struct.pack('<2f', 1.0, -2.0)).hex() == '0004020000002000' + '00803f000000c0'
//! ```
//!
//! Composite values use the usual SCALE rules:
//!
//! - [`Tensors`]: compact count (`0..=8`), then each tensor;
//! - [`InferenceOutcome`]: `0x00` followed by [`Tensors`] for `Success`, or `0x01` followed by
//!   the error code as a `u16` for `Failure`;
//! - [`ComparisonPolicy`]: `0x00` (`Exact`), `0x01` + `max_ulps: u32` (`Ulps`), `0x02` +
//!   `abs_e9: u64` + `rel_e9: u32` (`AbsRel`), or `0x03` (`Deterministic`);
//! - [`ModelSignature`]: inputs then outputs, each a compact count followed by that many
//!   [`TensorSpec`]s; a [`TensorSpec`] is the element type byte, a compact rank and that many
//!   [`Dim`]s; a [`Dim`] is `0x00` + `u32` (`Fixed`) or `0x01` (`Dynamic`).
//!
//! ## Commitment preimage
//!
//! [`commitment()`] is the unkeyed BLAKE2b hash with a 32-byte digest (Python:
//! `hashlib.blake2b(preimage, digest_size=32)`) of the concatenation of:
//!
//! 1. the 13 ASCII bytes `opg/commit/v1` ([`COMMITMENT_DOMAIN`], no length prefix);
//! 2. the attestor account id bytes, prefixed by their compact length (`0x80` for a 32-byte
//!    `AccountId32`);
//! 3. the job id as a `u64` (8 bytes, little-endian);
//! 4. the SCALE encoding of the [`InferenceOutcome`] (see above);
//! 5. the 32-byte salt (no length prefix).
//!
//! [`commitment_preimage`] returns these bytes.
//!
//! ## Determinism of output comparison
//!
//! [`tensors_agree`] runs inside the runtime (Wasm) and natively in nodes; every node must
//! reach the same verdict. This holds because:
//!
//! - integer elements, [`ComparisonPolicy::Exact`] and [`ComparisonPolicy::Ulps`] use integer
//!   arithmetic on bit patterns only (no floating-point operation is executed);
//! - [`ComparisonPolicy::AbsRel`] on floats uses only IEEE-754 `+`, `-`, `*`, `/`, `<=`, `>`,
//!   conversions from integers and `f32 -> f64` widening. IEEE-754 (and the Wasm
//!   specification) requires these to be correctly rounded in round-to-nearest-even, so the
//!   result is a function of the operands alone; Rust never fuses `a * b + c` into an FMA
//!   implicitly, and Wasm, x86-64 (SSE2) and AArch64 evaluate binary64 without extended
//!   precision and with subnormals enabled;
//! - the only non-determinism Wasm permits in floating-point arithmetic is the bit pattern of
//!   NaN results. NaNs and infinities are classified from the bit pattern and decided *before*
//!   any arithmetic, and finite inputs cannot produce NaN in `|a - b| <= abs + rel * max(|a|,
//!   |b|)` (the only possible overflow is `a - b` to `inf`, which compares deterministically);
//! - absolute values are computed by clearing the sign bit, not by a float instruction.
//!
//! ## Example
//!
//! ```
//! use opg_inference_primitives::*;
//!
//! let signature = ModelSignature::new(
//!     vec![TensorSpec::new(ElementType::F32, vec![Dim::Dynamic, Dim::Fixed(2)]).unwrap()],
//!     vec![TensorSpec::new(ElementType::F32, vec![Dim::Dynamic]).unwrap()],
//! )
//! .unwrap();
//! signature.validate().unwrap();
//!
//! let input = Tensor::from_f32(vec![1, 2], &[0.5, 1.5]).unwrap();
//! signature.check_inputs(&[input]).unwrap();
//!
//! let a = Tensor::from_f32(vec![1], &[1.0]).unwrap();
//! let b = Tensor::from_f32(vec![1], &[1.0 + f32::EPSILON]).unwrap();
//! assert!(!tensors_agree(&ComparisonPolicy::Exact, &a, &b));
//! assert!(tensors_agree(&ComparisonPolicy::Ulps { max_ulps: 1 }, &a, &b));
//!
//! let outcome = InferenceOutcome::Success(bounded_tensors(vec![a]).unwrap());
//! let salt = [7u8; 32];
//! let c = commitment(&[1u8; 32], 42, &outcome, &salt);
//! assert!(verify_reveal(&c, &[1u8; 32], 42, &outcome, &salt));
//! ```

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(
	clippy::arithmetic_side_effects,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::unwrap_used
)]

extern crate alloc;

pub mod commitment;
pub mod compare;
pub mod service;
pub mod signature;
pub mod tensor;

pub use bounded_collections::{BoundedVec, ConstU32};
pub use commitment::{
	commitment, commitment_preimage, error_code, outcomes_agree, verify_reveal, Commitment,
	InferenceOutcome, Salt, COMMITMENT_DOMAIN,
};
pub use compare::{
	outputs_agree, tensors_agree, ComparisonPolicy, ExecutionMode, PolicyError, TOLERANCE_SCALE,
};
pub use service::{InferRequest, InferResponse, ResourceBounds};
pub use signature::{Dim, DimList, ModelSignature, SignatureError, TensorSpec, TensorSpecs};
pub use tensor::{
	bounded_tensors, element_count_of, expected_data_len, validate_all, Element, ElementType,
	Shape, Tensor, TensorData, TensorError, Tensors, MAX_RANK, MAX_TENSORS, MAX_TENSOR_BYTES,
};
