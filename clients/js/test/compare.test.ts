// Comparison policies: the cases of pallets/inference/primitives/tests/compare.rs, ported one
// for one, so that the client's verdicts are the chain's.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  type ComparisonPolicy,
  Policy,
  TOLERANCE_SCALE,
  type Tensor,
  outputsAgree,
  policyIsValid,
  tensorFromValues,
  tensorsAgree,
} from '../src/index.js';

const EXACT = Policy.exact();
const NUMERIC_EQ = Policy.absRel(0, 0);
const ulps = (n: number) => Policy.ulps(n);
const absRel = (abs: bigint | number, rel: number) => Policy.absRel(abs, rel);
const U32_MAX = 0xffff_ffff;
const U64_MAX = (1n << 64n) - 1n;
const LOOSE: ComparisonPolicy[] = [ulps(U32_MAX), absRel(U64_MAX, TOLERANCE_SCALE), absRel(U64_MAX, 0)];

/** A one-element f32 tensor of a bit pattern. */
function f32Bits(...bits: number[]): Tensor {
  const data = new Uint8Array(bits.length * 4);
  bits.forEach((b, i) => new DataView(data.buffer).setUint32(i * 4, b >>> 0, true));
  return { elementType: 'f32', shape: [bits.length], data };
}
function f64Bits(...bits: bigint[]): Tensor {
  const data = new Uint8Array(bits.length * 8);
  bits.forEach((b, i) => new DataView(data.buffer).setBigUint64(i * 8, b, true));
  return { elementType: 'f64', shape: [bits.length], data };
}
const bitsOf32 = (x: number) => {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, x);
  return v.getUint32(0);
};
const bitsOf64 = (x: number) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0);
};
const f32t = (...values: number[]) => f32Bits(...values.map(bitsOf32));
const f64t = (...values: number[]) => f64Bits(...values.map(bitsOf64));

function agreeT(policy: ComparisonPolicy, a: Tensor, b: Tensor): boolean {
  const verdict = tensorsAgree(policy, a, b);
  assert.equal(verdict, tensorsAgree(policy, b, a), 'asymmetric');
  return verdict;
}
const agree32 = (p: ComparisonPolicy, a: number, b: number) => agreeT(p, f32t(a), f32t(b));
const agree32b = (p: ComparisonPolicy, a: number, b: number) => agreeT(p, f32Bits(a), f32Bits(b));
const agree64 = (p: ComparisonPolicy, a: number, b: number) => agreeT(p, f64t(a), f64t(b));
const nextUp32 = (x: number, steps: number) => bitsOf32(x) + steps;

const F32_MAX = 0x7f7f_ffff;
const F32_MIN = 0xff7f_ffff;
const F32_INF = 0x7f80_0000;
const F32_NEG_INF = 0xff80_0000;
const F64_MAX = Number.MAX_VALUE;

describe('comparison policies, as the chain decides', () => {
  it('validates policies; an invalid one never agrees', () => {
    assert.ok(policyIsValid(EXACT));
    assert.ok(policyIsValid(absRel(U64_MAX, TOLERANCE_SCALE)));
    assert.ok(!policyIsValid(absRel(0, TOLERANCE_SCALE + 1)));
    const t = tensorFromValues('i32', [1], [1]);
    assert.ok(!tensorsAgree(absRel(0, U32_MAX), t, t));
    assert.ok(!outputsAgree(absRel(0, U32_MAX), [t], [t]));
  });

  it('NaN agrees only with NaN', () => {
    const payloads = [0x7fc0_0000, 0xffc0_0000, 0x7f80_0001, 0xffff_ffff, 0x7fc1_2345];
    for (const a of payloads) {
      for (const b of payloads) {
        assert.ok(agree32b(ulps(0), a, b));
        assert.ok(agree32b(NUMERIC_EQ, a, b));
        assert.equal(agree32b(EXACT, a, b), a === b);
      }
      for (const other of [0, 0x8000_0000, bitsOf32(1), F32_MAX, F32_INF, F32_NEG_INF]) {
        for (const policy of LOOSE) assert.ok(!agree32b(policy, a, other));
      }
    }
    const nan64 = [0x7ff8_0000_0000_0000n, 0xfff8_0000_0000_0000n, 0x7ff0_0000_0000_0001n];
    for (const a of nan64) {
      for (const b of nan64) {
        assert.ok(agreeT(ulps(0), f64Bits(a), f64Bits(b)));
        assert.ok(agreeT(NUMERIC_EQ, f64Bits(a), f64Bits(b)));
      }
      for (const policy of LOOSE) {
        assert.ok(!agreeT(policy, f64Bits(a), f64t(0)));
        assert.ok(!agreeT(policy, f64Bits(a), f64t(-F64_MAX)));
        assert.ok(!agreeT(policy, f64Bits(a), f64t(Infinity)));
      }
    }
  });

  it('infinities', () => {
    for (const policy of [EXACT, ulps(0), NUMERIC_EQ]) {
      assert.ok(agree32(policy, Infinity, Infinity));
      assert.ok(agree32(policy, -Infinity, -Infinity));
      assert.ok(agree64(policy, Infinity, Infinity));
      assert.ok(agree64(policy, -Infinity, -Infinity));
    }
    for (const policy of LOOSE) {
      assert.ok(!agree32(policy, Infinity, -Infinity));
      assert.ok(!agree64(policy, Infinity, -Infinity));
      assert.ok(!agree32b(policy, F32_MAX, F32_INF));
      assert.ok(!agree32b(policy, F32_MIN, F32_NEG_INF));
      assert.ok(!agree64(policy, F64_MAX, Infinity));
      assert.ok(!agree64(policy, 0, Infinity));
    }
  });

  it('signed zeros', () => {
    assert.ok(!agree32(EXACT, 0, -0));
    assert.ok(agree32(ulps(0), 0, -0));
    assert.ok(agree32(NUMERIC_EQ, 0, -0));
    assert.ok(!agree64(EXACT, 0, -0));
    assert.ok(agree64(ulps(0), 0, -0));
    assert.ok(agree64(NUMERIC_EQ, -0, 0));
  });

  it('subnormals are one ULP apart', () => {
    const tiny = 1;
    const negTiny = 0x8000_0001;
    assert.ok(!agree32b(ulps(0), tiny, 0));
    assert.ok(agree32b(ulps(1), tiny, 0));
    assert.ok(agree32b(ulps(1), tiny, 0x8000_0000));
    assert.ok(agree32b(ulps(1), negTiny, 0));
    assert.ok(!agree32b(ulps(1), negTiny, tiny));
    assert.ok(agree32b(ulps(2), negTiny, tiny));
    assert.ok(agree32b(ulps(1), 0x007f_ffff, 0x0080_0000));
    assert.ok(!agree32b(ulps(0), 0x007f_ffff, 0x0080_0000));

    const tiny64 = 5e-324;
    assert.ok(!agree64(ulps(0), tiny64, 0));
    assert.ok(agree64(ulps(1), tiny64, -0));
    assert.ok(agree64(ulps(2), -tiny64, tiny64));
    assert.ok(!agree64(ulps(1), -tiny64, tiny64));

    assert.ok(!agree64(NUMERIC_EQ, tiny64, 0));
    assert.ok(agree64(absRel(1, 0), tiny64, 0));
    assert.ok(!agree32b(NUMERIC_EQ, tiny, 0));
    assert.ok(agree32b(absRel(0, 600_000_000), tiny, tiny + 1));
  });

  it('ULP thresholds', () => {
    const one = bitsOf32(1);
    assert.ok(agree32b(ulps(0), one, one));
    assert.ok(!agree32b(ulps(0), one, one + 1));
    assert.ok(agree32b(ulps(1), one, one + 1));
    assert.ok(agree32b(ulps(8), one, one + 1));
    assert.ok(!agree32b(ulps(6), one, one + 7));
    assert.ok(agree32b(ulps(7), one, one + 7));
    assert.ok(agree32b(ulps(1), 0x3f7f_ffff, one));
    assert.ok(agree32b(ulps(1), bitsOf32(-1), 0xbf80_0001));
    assert.ok(!agree32b(ulps(1), bitsOf32(-1), 0xbf80_0002));
    assert.ok(!agree32(ulps(2 * 0x3f80_0000 - 1), -1, 1));
    assert.ok(agree32(ulps(2 * 0x3f80_0000), -1, 1));
    assert.ok(agree32b(ulps(U32_MAX), F32_MIN, F32_MAX));
    assert.ok(!agree32b(ulps(2 * 0x7f7f_ffff - 1), F32_MIN, F32_MAX));

    assert.ok(!agree64(ulps(U32_MAX), -F64_MAX, F64_MAX));
    assert.ok(agreeT(ulps(3), f64t(1), f64Bits(bitsOf64(1) + 3n)));
    assert.ok(!agreeT(ulps(2), f64t(1), f64Bits(bitsOf64(1) + 3n)));

    const a = f32t(1, 2, 3);
    const b = f32Bits(bitsOf32(1), nextUp32(2, 2), bitsOf32(3));
    assert.ok(tensorsAgree(ulps(2), a, b));
    assert.ok(!tensorsAgree(ulps(1), a, b));
  });

  it('integer tolerances', () => {
    const t = (type: 'i8' | 'u8' | 'i16' | 'i32', ...v: number[]) => tensorFromValues(type, [v.length], v);
    assert.ok(!tensorsAgree(EXACT, t('i8', 5), t('i8', 6)));
    assert.ok(!tensorsAgree(ulps(0), t('i8', 5), t('i8', 6)));
    assert.ok(tensorsAgree(ulps(1), t('i8', 5), t('i8', 6)));
    assert.ok(tensorsAgree(ulps(1), t('i8', -1), t('i8', 0)));
    assert.ok(!tensorsAgree(ulps(254), t('i8', -128), t('i8', 127)));
    assert.ok(tensorsAgree(ulps(255), t('i8', -128), t('i8', 127)));
    assert.ok(!tensorsAgree(ulps(1), t('i8', -1), t('i8', 1)));
    assert.ok(tensorsAgree(ulps(255), t('u8', 0), t('u8', 255)));
    assert.ok(!tensorsAgree(ulps(254), t('u8', 0), t('u8', 255)));
    assert.ok(tensorsAgree(ulps(65535), t('i16', -32768), t('i16', 32767)));
    assert.ok(tensorsAgree(ulps(U32_MAX), t('i32', -2147483648), t('i32', 2147483647)));
    assert.ok(!tensorsAgree(ulps(U32_MAX - 1), t('i32', -2147483648), t('i32', 2147483647)));

    const i64 = (v: bigint) => tensorFromValues('i64', [1], [v]);
    const MIN = -(1n << 63n);
    const MAX = (1n << 63n) - 1n;
    for (const policy of LOOSE) {
      assert.ok(!tensorsAgree(policy, i64(MIN), i64(MAX)));
      assert.ok(!tensorsAgree(policy, i64(MAX), i64(MIN)));
    }
    assert.ok(tensorsAgree(ulps(1), i64(MAX), i64(MAX - 1n)));
    assert.ok(tensorsAgree(ulps(0), i64(MIN), i64(MIN)));
    assert.ok(tensorsAgree(NUMERIC_EQ, i64(MIN), i64(MIN)));
    assert.ok(tensorsAgree(absRel(0, 1), i64(MAX), i64(MAX - 1n)));
    assert.ok(tensorsAgree(absRel(0, 1), i64(MIN), i64(MIN + 9_000_000_000n)));
    assert.ok(!tensorsAgree(absRel(0, 1), i64(MIN), i64(MIN + 10_000_000_000n)));
  });

  it('integer AbsRel is exact', () => {
    const t = (...v: number[]) => tensorFromValues('i32', [v.length], v);
    const onePercent = absRel(0, 10_000_000);
    assert.ok(tensorsAgree(onePercent, t(100), t(101)));
    assert.ok(!tensorsAgree(onePercent, t(100), t(102)));
    assert.ok(tensorsAgree(onePercent, t(-100), t(-101)));
    assert.ok(!tensorsAgree(onePercent, t(0), t(1)));
    assert.ok(tensorsAgree(absRel(1_000_000_000, 0), t(7), t(8)));
    assert.ok(!tensorsAgree(absRel(999_999_999, 0), t(7), t(8)));
    assert.ok(!tensorsAgree(NUMERIC_EQ, t(7), t(8)));
    assert.ok(tensorsAgree(NUMERIC_EQ, t(7), t(7)));
  });

  it('bool is always exact', () => {
    const t = tensorFromValues('bool', [2], [true, false]);
    const u = tensorFromValues('bool', [2], [true, true]);
    for (const policy of [EXACT, ulps(0), NUMERIC_EQ]) assert.ok(tensorsAgree(policy, t, t));
    for (const policy of [EXACT, ulps(U32_MAX), absRel(U64_MAX, TOLERANCE_SCALE)]) assert.ok(!tensorsAgree(policy, t, u));
  });

  it('AbsRel on floats', () => {
    const f1001 = Math.fround(1.001);
    assert.ok(!agree32(absRel(1_000_000, 0), 1, f1001));
    assert.ok(agree32(absRel(1_000_047, 0), 1, f1001));
    assert.ok(!agree32(absRel(1_000_046, 0), 1, f1001));
    assert.ok(agree32(absRel(0, 1_000_000), 1000, 1001));
    assert.ok(!agree32(absRel(0, 999_000), 1000, 1001));

    assert.ok(agree64(absRel(0, 1_000), 1e300, 1.0000001e300));
    assert.ok(!agree64(absRel(U64_MAX, 10), 1e300, 1.0000001e300));
    assert.ok(agree64(absRel(0, 1), F64_MAX, F64_MAX));
    assert.ok(agreeT(absRel(0, 1), f64t(F64_MAX), f64Bits(bitsOf64(F64_MAX) - 1n)));
    assert.ok(!agree64(absRel(U64_MAX, TOLERANCE_SCALE), F64_MAX, -F64_MAX));
    assert.ok(!agree32b(absRel(U64_MAX, TOLERANCE_SCALE), F32_MAX, F32_MIN));
    assert.ok(agree64(absRel(0, TOLERANCE_SCALE), 1e-300, 1e300));
    assert.ok(!agree64(absRel(0, TOLERANCE_SCALE), -1, 1));

    assert.ok(agree64(absRel(1, 0), 1e-300, 2e-300));
    assert.ok(!agree64(NUMERIC_EQ, 1e-300, 2e-300));
    assert.ok(!agree64(absRel(0, 100_000_000), 1e-300, 2e-300));
    assert.ok(agree64(absRel(0, 600_000_000), 1e-300, 2e-300));
    assert.ok(agree64(absRel(1, 0), 0, 1e-9));
    assert.ok(!agree64(absRel(1, 0), 0, 1.1e-9));
    assert.ok(agree64(absRel(U64_MAX, 0), -9e9, 9e9));
    assert.ok(!agree64(absRel(U64_MAX, 0), -1e10, 1e10));
  });

  it('types and shapes must match', () => {
    const f = tensorFromValues('f32', [2, 3], new Array(6).fill(1));
    const transposed = tensorFromValues('f32', [3, 2], new Array(6).fill(1));
    const flat = tensorFromValues('f32', [6], new Array(6).fill(1));
    const sameBytesI32: Tensor = { elementType: 'i32', shape: [2, 3], data: f.data };
    const all = [EXACT, ulps(0), NUMERIC_EQ, ulps(U32_MAX), absRel(U64_MAX, TOLERANCE_SCALE)];
    for (const policy of all) {
      assert.ok(tensorsAgree(policy, f, f));
      assert.ok(!tensorsAgree(policy, f, transposed));
      assert.ok(!tensorsAgree(policy, f, flat));
      assert.ok(!tensorsAgree(policy, f, sameBytesI32));
    }
    const e = tensorFromValues('f64', [0, 4], []);
    for (const policy of all) assert.ok(tensorsAgree(policy, e, { ...e }));
    assert.ok(!tensorsAgree(EXACT, e, tensorFromValues('f64', [4, 0], [])));
  });

  it('invalid tensors never agree', () => {
    const bad: Tensor = { elementType: 'f32', shape: [2], data: new Uint8Array(7) };
    const badBool: Tensor = { elementType: 'bool', shape: [1], data: Uint8Array.of(2) };
    for (const policy of [EXACT, ulps(U32_MAX), absRel(U64_MAX, TOLERANCE_SCALE)]) {
      assert.ok(!tensorsAgree(policy, bad, bad));
      assert.ok(!tensorsAgree(policy, badBool, badBool));
    }
  });

  it('output lists', () => {
    const a = f32t(1);
    const b = f32Bits(nextUp32(1, 1));
    const i = tensorFromValues('i8', [], [3]);
    assert.ok(outputsAgree(EXACT, [], []));
    assert.ok(outputsAgree(ulps(1), [a, i], [b, i]));
    assert.ok(!outputsAgree(ulps(0), [a, i], [b, i]));
    assert.ok(!outputsAgree(ulps(1), [a, i], [b]));
    assert.ok(!outputsAgree(ulps(1), [a, i], [i, a]));
    assert.ok(!outputsAgree(ulps(1), [a], []));
  });

  it('special value table is symmetric and consistent', () => {
    const values = [
      0x0000_0000, 0x8000_0000, 0x0000_0001, 0x8000_0001, 0x007f_ffff, 0x0080_0000, 0x3f80_0000, 0xbf80_0000,
      0x7f7f_ffff, 0xff7f_ffff, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0xffc0_0001, 0x7f80_0001,
    ];
    const isNan = (b: number) => (b & 0x7f80_0000) === 0x7f80_0000 && (b & 0x007f_ffff) !== 0;
    const isInf = (b: number) => (b & 0x7fff_ffff) === 0x7f80_0000;
    const policies = [EXACT, ulps(0), ulps(1), ulps(U32_MAX), NUMERIC_EQ, absRel(1, 1), LOOSE[1]!, LOOSE[2]!];
    for (const a of values) {
      for (const b of values) {
        for (const policy of policies) {
          const verdict = agree32b(policy, a, b);
          if (isNan(a) || isNan(b)) {
            assert.equal(verdict, policy.type === 'Exact' ? a === b : isNan(a) && isNan(b));
          } else if (isInf(a) || isInf(b)) {
            assert.equal(verdict, a === b);
          } else if (a === b) {
            assert.ok(verdict);
          }
        }
      }
    }
  });
});
