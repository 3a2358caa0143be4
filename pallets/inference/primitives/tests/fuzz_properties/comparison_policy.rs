//! Property of the `comparison_policy` fuzz target (`fuzz/fuzz_targets/comparison_policy.rs`),
//! replayed on the committed seeds and regressions by `tests/fuzz_replay.rs`.
//!
//! The input is read as a [`ComparisonPolicy`] and two lists of tensors, the second one mostly
//! derived from the first (identical, a few bytes changed, other types or shapes, invalid
//! data) so that comparisons are not decided by the types and shapes alone. The layout, every
//! byte string being an input (missing bytes read as zero):
//!
//! - policy: a byte `k`; `k % 3` is `Exact`, `Ulps { max_ulps: u32 }` or
//!   `AbsRel { abs_e9: u64, rel_e9: u32 }`; with bit 2 of `k` set, `rel_e9` is taken modulo
//!   `TOLERANCE_SCALE + 1` (so it is valid);
//! - the first list: a count byte (modulo `MAX_TENSORS + 1`), then each tensor: a type byte,
//!   a rank byte (modulo `MAX_RANK + 1`), one byte per axis (`0xff`: a `u32` follows), a
//!   "damage" byte (bit 0: one byte of data too many; bit 1: bool bytes taken as they are,
//!   else masked to `0`/`1`) and the data, as many bytes as the shape needs;
//! - the second list: a byte whose bit 7 drops its last tensor, then for each tensor of the
//!   first list a mode byte: `0` the same tensor, `1` the same with `n` bytes XORed at given
//!   offsets, `2` a tensor read afresh, `3` the same data under another element type.
//!
//! Properties, from the module documentation of `compare`:
//!
//! - nothing panics;
//! - an invalid policy never reports agreement, nor does an invalid tensor;
//! - agreement is reflexive on valid tensors under every valid policy, NaN included (NaN
//!   agrees with NaN under `Ulps` and `AbsRel`, and `Exact` compares bits);
//! - agreement is symmetric (the special-value table and both tolerance formulas are);
//! - `Exact` agreement is equality of valid tensors, and implies agreement under every valid
//!   policy;
//! - a larger tolerance never turns agreement into disagreement;
//! - bool tensors agree only if they are equal;
//! - `outputs_agree` is "same length and pairwise `tensors_agree`".

use opg_inference_primitives::{
	expected_data_len, outputs_agree, tensors_agree, ComparisonPolicy, ElementType, Tensor,
	TensorData, MAX_RANK, MAX_TENSORS, TOLERANCE_SCALE,
};

/// Reads the input; missing bytes are zeros.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
	fn bytes<const N: usize>(&mut self) -> [u8; N] {
		let mut out = [0u8; N];
		let n = N.min(self.0.len());
		out[..n].copy_from_slice(&self.0[..n]);
		self.0 = &self.0[n..];
		out
	}

	fn u8(&mut self) -> u8 {
		self.bytes::<1>()[0]
	}

	fn u32(&mut self) -> u32 {
		u32::from_le_bytes(self.bytes())
	}

	fn u64(&mut self) -> u64 {
		u64::from_le_bytes(self.bytes())
	}

	fn data(&mut self, len: usize) -> Vec<u8> {
		let n = len.min(self.0.len());
		let mut out = self.0[..n].to_vec();
		self.0 = &self.0[n..];
		out.resize(len, 0);
		out
	}

	fn policy(&mut self) -> ComparisonPolicy {
		let kind = self.u8();
		match kind % 3 {
			0 if kind & 8 != 0 => ComparisonPolicy::Deterministic,
			0 => ComparisonPolicy::Exact,
			1 => ComparisonPolicy::Ulps { max_ulps: self.u32() },
			_ => {
				let abs_e9 = self.u64();
				let mut rel_e9 = self.u32();
				if kind & 4 != 0 {
					rel_e9 %= TOLERANCE_SCALE + 1;
				}
				ComparisonPolicy::AbsRel { abs_e9, rel_e9 }
			}
		}
	}

	fn element_type(&mut self) -> ElementType {
		ElementType::ALL[usize::from(self.u8() % 8)]
	}

	fn tensor(&mut self) -> Tensor {
		let element_type = self.element_type();
		let rank = self.u8() % (MAX_RANK as u8 + 1);
		let shape: Vec<u32> = (0..rank)
			.map(|_| match self.u8() {
				0xff => self.u32(),
				dim => u32::from(dim),
			})
			.collect();
		let damage = self.u8();
		// Invalid shapes get a little data anyway: they must be refused whatever the data.
		let len = expected_data_len(element_type, &shape).unwrap_or(1);
		let len = len as usize + usize::from(damage & 1);
		let mut data = self.data(len);
		if element_type == ElementType::Bool && damage & 2 == 0 {
			data.iter_mut().for_each(|b| *b &= 1);
		}
		raw(element_type, shape, data)
	}

	fn tensors(&mut self) -> Vec<Tensor> {
		let count = self.u8() % (MAX_TENSORS as u8 + 1);
		(0..count).map(|_| self.tensor()).collect()
	}

	/// The second list, derived from the first.
	fn derived(&mut self, first: &[Tensor]) -> Vec<Tensor> {
		let drop_last = self.u8() & 0x80 != 0;
		let mut second: Vec<Tensor> = first
			.iter()
			.map(|tensor| match self.u8() % 4 {
				0 => tensor.clone(),
				1 => {
					let mut data = tensor.data.to_vec();
					for _ in 0..self.u8() % 8 {
						let offset = usize::from(u16::from_le_bytes(self.bytes()));
						let mask = self.u8();
						let index = offset % data.len().max(1);
						if let Some(byte) = data.get_mut(index) {
							*byte ^= mask;
						}
					}
					raw(tensor.element_type, tensor.shape.to_vec(), data)
				}
				2 => self.tensor(),
				_ => {
					let element_type = self.element_type();
					raw(element_type, tensor.shape.to_vec(), tensor.data.to_vec())
				}
			})
			.collect();
		if drop_last {
			second.pop();
		}
		second
	}
}

/// A tensor built from its fields, valid or not (the shape and data are within the bounds of
/// the types: the reader produces at most `MAX_RANK` axes and a little over 1 MiB of data).
fn raw(element_type: ElementType, shape: Vec<u32>, data: Vec<u8>) -> Tensor {
	Tensor {
		element_type,
		shape: shape.try_into().expect("at most MAX_RANK axes"),
		data: TensorData::try_from(data).unwrap_or_default(),
	}
}

/// Policies at least as tolerant as `policy`, if it is valid.
fn looser(policy: &ComparisonPolicy) -> Vec<ComparisonPolicy> {
	match *policy {
		ComparisonPolicy::Exact | ComparisonPolicy::Deterministic => vec![
			ComparisonPolicy::Exact,
			ComparisonPolicy::Deterministic,
			ComparisonPolicy::Ulps { max_ulps: 0 },
			ComparisonPolicy::AbsRel { abs_e9: 0, rel_e9: 0 },
		],
		ComparisonPolicy::Ulps { max_ulps } => vec![
			ComparisonPolicy::Ulps { max_ulps: max_ulps.saturating_add(1) },
			ComparisonPolicy::Ulps { max_ulps: u32::MAX },
		],
		ComparisonPolicy::AbsRel { abs_e9, rel_e9 } if rel_e9 <= TOLERANCE_SCALE => vec![
			ComparisonPolicy::AbsRel { abs_e9: abs_e9.saturating_add(1), rel_e9 },
			ComparisonPolicy::AbsRel {
				abs_e9,
				rel_e9: rel_e9.saturating_add(1).min(TOLERANCE_SCALE),
			},
			ComparisonPolicy::AbsRel { abs_e9: u64::MAX, rel_e9: TOLERANCE_SCALE },
		],
		ComparisonPolicy::AbsRel { .. } => vec![],
	}
}

/// Checks the property on `data`; panics if it does not hold.
pub fn check(data: &[u8]) {
	let mut reader = Reader(data);
	let policy = reader.policy();
	let first = reader.tensors();
	let second = reader.derived(&first);
	let policy_valid = policy.validate().is_ok();
	let exact = ComparisonPolicy::Exact;

	for x in &first {
		let valid = x.validate().is_ok();
		assert_eq!(tensors_agree(&policy, x, x), valid && policy_valid, "reflexivity: {x:?}");
	}
	for (x, y) in first.iter().zip(&second) {
		let agree = tensors_agree(&policy, x, y);
		assert_eq!(agree, tensors_agree(&policy, y, x), "symmetry: {policy:?} {x:?} {y:?}");
		let valid = x.validate().is_ok() && y.validate().is_ok();
		if agree {
			assert!(policy_valid && valid, "invalid policy or tensor agreed");
			assert_eq!((x.element_type, &x.shape), (y.element_type, &y.shape));
			if x.element_type == ElementType::Bool {
				assert_eq!(x, y, "bool tensors agree only if equal");
			}
			for looser in looser(&policy) {
				assert!(tensors_agree(&looser, x, y), "{looser:?} is stricter than {policy:?}");
			}
		}
		let identical = tensors_agree(&exact, x, y);
		assert_eq!(identical, valid && x == y, "Exact is equality of valid tensors");
		if identical && policy_valid {
			assert!(agree, "{policy:?} is stricter than Exact");
		}
	}
	let pairwise = first.len() == second.len()
		&& first.iter().zip(&second).all(|(x, y)| tensors_agree(&policy, x, y));
	assert_eq!(outputs_agree(&policy, &first, &second), pairwise);
	let all_valid = first.iter().all(|x| x.validate().is_ok());
	assert_eq!(
		outputs_agree(&policy, &first, &first),
		first.is_empty() || (policy_valid && all_valid),
		"outputs_agree is not reflexive"
	);
}
