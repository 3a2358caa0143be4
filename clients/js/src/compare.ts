// Comparison policies: whether two outputs agree, exactly as the chain decides it.
//
// This mirrors `tensors_agree` / `outputs_agree` in
// pallets/inference/primitives/src/compare.rs (with `data_agree`, `int_agree`, `f32_agree`,
// `f64_agree`, `f32_ordinal`, `f64_ordinal` and `abs_rel_agree`), rule for rule:
//
// - an invalid policy (`rel_e9 > 10^9`), different element types or shapes, or an invalid
//   tensor never agree;
// - `Exact`: the data bytes are equal;
// - bool tensors agree only when equal, whatever the policy;
// - integers: `Ulps` is `|a - b| <= max_ulps`; `AbsRel` is
//   `|a - b| * 10^9 <= abs_e9 + rel_e9 * max(|a|, |b|)`, exactly (BigInt here, i128 there);
// - floats, both tolerance policies: NaN agrees only with NaN, +inf with +inf, -inf with -inf,
//   a finite value never with a non-finite one, all decided from the bit pattern first;
// - `Ulps` on floats: distance on the integer line of magnitude bits, negated for negative
//   values (`-0.0` and `+0.0` are both 0);
// - `AbsRel` on floats: `|a - b| <= abs + rel * max(|a|, |b|)` in IEEE-754 binary64 (f32
//   widened exactly), `abs = abs_e9 / 1e9`, `rel = rel_e9 / 1e9`. JavaScript numbers are
//   binary64 with round-to-nearest-even and no fused multiply-add, so the verdict is the same.

import { type ElementType, type Tensor, validateTensor } from './tensor.js';

/** `TOLERANCE_SCALE`: `1_000_000_000` means `1.0`. */
export const TOLERANCE_SCALE = 1_000_000_000;

/** A comparison policy, in the form polkadot-api gives and takes it. */
export type ComparisonPolicy =
  | { type: 'Exact'; value?: undefined }
  | { type: 'Ulps'; value: { max_ulps: number } }
  | { type: 'AbsRel'; value: { abs_e9: bigint; rel_e9: number } }
  | { type: 'Deterministic'; value?: undefined };

/** Policy constructors. */
export const Policy = {
  exact: (): ComparisonPolicy => ({ type: 'Exact', value: undefined }),
  /** Validators run the model in the engine's deterministic mode (the same bits on every CPU)
   * and compare outputs byte for byte, whatever their element type. */
  deterministic: (): ComparisonPolicy => ({ type: 'Deterministic', value: undefined }),
  ulps: (maxUlps: number): ComparisonPolicy => ({ type: 'Ulps', value: { max_ulps: maxUlps } }),
  absRel: (absE9: bigint | number, relE9: number): ComparisonPolicy => ({
    type: 'AbsRel',
    value: { abs_e9: BigInt(absE9), rel_e9: relE9 },
  }),
};

/** Whether the policy is valid (`ComparisonPolicy::validate`). */
export function policyIsValid(policy: ComparisonPolicy): boolean {
  return policy.type !== 'AbsRel' || policy.value.rel_e9 <= TOLERANCE_SCALE;
}

type Tolerance =
  | { kind: 'ulps'; maxUlps: bigint }
  | { kind: 'absrel'; absE9: bigint; relE9: bigint; abs: number; rel: number };

function isValid(tensor: Tensor): boolean {
  try {
    validateTensor(tensor);
    return true;
  } catch {
    return false;
  }
}

/** Whether two tensors agree under `policy` (Rust `tensors_agree`). */
export function tensorsAgree(policy: ComparisonPolicy, a: Tensor, b: Tensor): boolean {
  if (
    !policyIsValid(policy) ||
    a.elementType !== b.elementType ||
    a.shape.length !== b.shape.length ||
    a.shape.some((d, i) => d !== b.shape[i]) ||
    !isValid(a) ||
    !isValid(b)
  ) {
    return false;
  }
  switch (policy.type) {
    case 'Exact':
    case 'Deterministic':
      return bytesEqual(a.data, b.data);
    case 'Ulps':
      return dataAgree(a.elementType, a.data, b.data, { kind: 'ulps', maxUlps: BigInt(policy.value.max_ulps) });
    case 'AbsRel': {
      const { abs_e9: absE9, rel_e9: relE9 } = policy.value;
      return dataAgree(a.elementType, a.data, b.data, {
        kind: 'absrel',
        absE9: BigInt(absE9),
        relE9: BigInt(relE9),
        // `abs_e9 as f64 / 1e9`: Number(bigint) rounds to nearest, ties to even, as `as f64` does.
        abs: Number(absE9) / TOLERANCE_SCALE,
        rel: relE9 / TOLERANCE_SCALE,
      });
    }
  }
}

/** Whether two output lists agree: same length and pairwise `tensorsAgree` (Rust `outputs_agree`). */
export function outputsAgree(policy: ComparisonPolicy, a: readonly Tensor[], b: readonly Tensor[]): boolean {
  return a.length === b.length && a.every((x, i) => tensorsAgree(policy, x, b[i] as Tensor));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function dataAgree(elementType: ElementType, a: Uint8Array, b: Uint8Array, tolerance: Tolerance): boolean {
  if (a.length !== b.length) return false;
  const va = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const vb = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const pairs = <T>(size: number, read: (v: DataView, at: number) => T, agree: (x: T, y: T) => boolean): boolean => {
    for (let at = 0; at < a.length; at += size) {
      if (!agree(read(va, at), read(vb, at))) return false;
    }
    return true;
  };
  const ints = (size: number, read: (v: DataView, at: number) => bigint) =>
    pairs(size, read, (x, y) => intAgree(x, y, tolerance));
  switch (elementType) {
    case 'f32':
      return pairs(4, (v, at) => v.getUint32(at, true), (x, y) => f32Agree(x, y, tolerance));
    case 'f64':
      return pairs(8, (v, at) => v.getBigUint64(at, true), (x, y) => f64Agree(x, y, tolerance));
    case 'i8': return ints(1, (v, at) => BigInt(v.getInt8(at)));
    case 'u8': return ints(1, (v, at) => BigInt(v.getUint8(at)));
    case 'i16': return ints(2, (v, at) => BigInt(v.getInt16(at, true)));
    case 'i32': return ints(4, (v, at) => BigInt(v.getInt32(at, true)));
    case 'i64': return ints(8, (v, at) => v.getBigInt64(at, true));
    case 'bool': return bytesEqual(a, b);
  }
}

const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

/** Rust `int_agree` (i128 there; BigInt is exact, and with 64-bit inputs nothing saturates). */
function intAgree(a: bigint, b: bigint, tolerance: Tolerance): boolean {
  const diff = absBig(a - b);
  if (tolerance.kind === 'ulps') return diff <= tolerance.maxUlps;
  const lhs = diff * BigInt(TOLERANCE_SCALE);
  const magnitude = absBig(a) > absBig(b) ? absBig(a) : absBig(b);
  return lhs <= tolerance.absE9 + tolerance.relE9 * magnitude;
}

type FloatClass = 'nan' | 'posinf' | 'neginf' | 'finite';

function f32Class(bits: number): FloatClass {
  if ((bits & 0x7f80_0000) !== 0x7f80_0000) return 'finite';
  if ((bits & 0x007f_ffff) !== 0) return 'nan';
  return bits >>> 31 ? 'neginf' : 'posinf';
}

const F64_SIGN = 0x8000_0000_0000_0000n;
const F64_EXPONENT = 0x7ff0_0000_0000_0000n;
const F64_MANTISSA = 0x000f_ffff_ffff_ffffn;

function f64Class(bits: bigint): FloatClass {
  if ((bits & F64_EXPONENT) !== F64_EXPONENT) return 'finite';
  if ((bits & F64_MANTISSA) !== 0n) return 'nan';
  return bits & F64_SIGN ? 'neginf' : 'posinf';
}

/** `Some(verdict)` when either value is not finite (Rust `special_agree`). */
function specialAgree(a: FloatClass, b: FloatClass): boolean | undefined {
  return a === 'finite' && b === 'finite' ? undefined : a === b;
}

/** Rust `f32_ordinal`. */
function f32Ordinal(bits: number): bigint {
  const magnitude = BigInt(bits & 0x7fff_ffff);
  return bits >>> 31 ? -magnitude : magnitude;
}

/** Rust `f64_ordinal`. */
function f64Ordinal(bits: bigint): bigint {
  const magnitude = bits & ~F64_SIGN;
  return bits & F64_SIGN ? -magnitude : magnitude;
}

const scratch = new DataView(new ArrayBuffer(8));
function f32FromBits(bits: number): number {
  scratch.setUint32(0, bits);
  return scratch.getFloat32(0);
}
function f64FromBits(bits: bigint): number {
  scratch.setBigUint64(0, bits);
  return scratch.getFloat64(0);
}

/** Rust `abs_rel_agree`: `|a - b| <= abs + rel * max(|a|, |b|)` on finite binary64 values. */
function absRelAgree(a: number, b: number, abs: number, rel: number): boolean {
  const diff = Math.abs(a - b);
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  const magnitude = absA > absB ? absA : absB;
  return diff <= abs + rel * magnitude;
}

function f32Agree(a: number, b: number, tolerance: Tolerance): boolean {
  const special = specialAgree(f32Class(a), f32Class(b));
  if (special !== undefined) return special;
  if (tolerance.kind === 'ulps') return absBig(f32Ordinal(a) - f32Ordinal(b)) <= tolerance.maxUlps;
  return absRelAgree(f32FromBits(a), f32FromBits(b), tolerance.abs, tolerance.rel);
}

function f64Agree(a: bigint, b: bigint, tolerance: Tolerance): boolean {
  const special = specialAgree(f64Class(a), f64Class(b));
  if (special !== undefined) return special;
  if (tolerance.kind === 'ulps') return absBig(f64Ordinal(a) - f64Ordinal(b)) <= tolerance.maxUlps;
  return absRelAgree(f64FromBits(a), f64FromBits(b), tolerance.abs, tolerance.rel);
}

/**
 * The largest element distance between two same-typed float tensors under `Ulps` (for
 * diagnostics); `Infinity` where special values differ.
 */
export function maxUlpDistance(a: Tensor, b: Tensor): number {
  if (a.elementType !== b.elementType || a.data.length !== b.data.length) return Infinity;
  const va = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const vb = new DataView(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  let max = 0n;
  if (a.elementType === 'f32') {
    for (let at = 0; at < a.data.length; at += 4) {
      const x = va.getUint32(at, true);
      const y = vb.getUint32(at, true);
      const special = specialAgree(f32Class(x), f32Class(y));
      if (special === false) return Infinity;
      if (special === undefined) {
        const d = absBig(f32Ordinal(x) - f32Ordinal(y));
        if (d > max) max = d;
      }
    }
  } else if (a.elementType === 'f64') {
    for (let at = 0; at < a.data.length; at += 8) {
      const x = va.getBigUint64(at, true);
      const y = vb.getBigUint64(at, true);
      const special = specialAgree(f64Class(x), f64Class(y));
      if (special === false) return Infinity;
      if (special === undefined) {
        const d = absBig(f64Ordinal(x) - f64Ordinal(y));
        if (d > max) max = d;
      }
    }
  } else {
    return Infinity;
  }
  return Number(max);
}
