// Canonical tensor encoding against the bytes the Rust encoding produces: the vectors of
// pallets/inference/primitives/tests/encoding.rs and the crate documentation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  type Tensor,
  TensorError,
  checkInputs,
  decodeTensor,
  decodeTensors,
  encodeOutcome,
  encodeTensor,
  encodeTensors,
  tensorFromBytes,
  tensorFromNested,
  tensorFromTypedArray,
  tensorFromValues,
  toHex,
  toNested,
  toTypedArray,
  toValues,
} from '../src/index.js';

const hex = (t: Tensor) => toHex(encodeTensor(t));
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const isTensorError = (kind: string) => (err: unknown) => err instanceof TensorError && err.kind === kind;

describe('canonical tensor encoding (Rust vectors)', () => {
  it('encodes the documented examples', () => {
    assert.equal(hex(tensorFromValues('f32', [2], [1.0, -2.0])), '000402000000200000803f000000c0');
    const scalar = tensorFromValues('u8', [], [7]);
    assert.equal(hex(scalar), '03000407');
    assert.deepEqual(decodeTensor(encodeTensor(scalar)), scalar);
  });

  it('lays out every element type as the chain does', () => {
    assert.equal(hex(tensorFromValues('f64', [1], [1.0])), '01 04 01000000 20 000000000000f03f'.replaceAll(' ', ''));
    assert.equal(hex(tensorFromValues('i8', [2], [-1, 2])), '02040200000008ff02');
    assert.equal(hex(tensorFromValues('i16', [1], [-2])), '04040100000008feff');
    assert.equal(hex(tensorFromValues('i32', [1], [0x0102_0304])), '0504010000001004030201');
    assert.equal(
      hex(tensorFromValues('i64', [2, 1], [-1n, 1n])),
      '06080200000001000000 40 ffffffffffffffff 0100000000000000'.replaceAll(' ', ''),
    );
    assert.equal(hex(tensorFromValues('bool', [3], [true, false, true])), '0704030000000c010001');
    assert.equal(hex(tensorFromValues('u8', [2], [255, 0])), '030402000000' + '08' + 'ff00');
  });

  it('uses the shortest compact length forms', () => {
    const t16 = encodeTensor(tensorFromValues('f32', [16], new Array(16).fill(0)));
    assert.equal(toHex(t16.subarray(0, 8)), '0004100000000101');
    assert.equal(t16.length, 8 + 64);

    const big = encodeTensor(tensorFromBytes('u8', [1 << 14], new Uint8Array(1 << 14)));
    assert.equal(toHex(big.subarray(0, 10)), '03040040000002000100');
    assert.equal(big.length, 10 + (1 << 14));

    const max = encodeTensor(tensorFromBytes('u8', [1 << 20], new Uint8Array(1 << 20)));
    assert.equal(toHex(max.subarray(0, 10)), '03040000100002004000');
  });

  it('refuses non-canonical compacts, truncation and trailing bytes', () => {
    assert.throws(() => decodeTensor(Uint8Array.of(3, 0x01, 0x00, 0x04, 7)), isTensorError('Malformed'));
    assert.throws(() => decodeTensor(Uint8Array.of(3, 0x00, 0x05, 0x00, 7)), isTensorError('Malformed'));
    assert.deepEqual(toValues(decodeTensor(Uint8Array.of(3, 0x00, 0x04, 7))), [7]);
    const encoded = encodeTensor(tensorFromValues('u8', [2], [1, 2]));
    assert.throws(() => decodeTensor(encoded.subarray(0, encoded.length - 1)), isTensorError('Malformed'));
    assert.throws(() => decodeTensor(Uint8Array.of(...encoded, 0)), isTensorError('Malformed'));
    assert.throws(() => decodeTensor(Uint8Array.of(8, 0, 4, 7)), /unknown element type byte 8/);
    // A bool byte other than 0 or 1, and a length that does not match the shape.
    assert.throws(() => decodeTensor(Uint8Array.of(7, 0, 4, 2)), isTensorError('InvalidBool'));
    assert.throws(() => decodeTensor(fromHex('0004020000001000000000')), isTensorError('DataLengthMismatch'));
  });

  it('encodes outcomes and tensor lists', () => {
    assert.deepEqual([...encodeOutcome({ type: 'Failure', value: 6 })], [1, 6, 0]);
    assert.deepEqual([...encodeOutcome({ type: 'Failure', value: 0x0102 })], [1, 2, 1]);
    assert.deepEqual([...encodeOutcome({ type: 'Success', value: [] })], [0, 0]);
    const seven = tensorFromValues('u8', [], [7]);
    assert.equal(toHex(encodeOutcome({ type: 'Success', value: [seven] })), '000403000407');
    const list = [seven, tensorFromValues('f32', [2], [1, -2])];
    assert.deepEqual(decodeTensors(encodeTensors(list)), list);
    assert.throws(() => encodeTensors(new Array(9).fill(seven)), isTensorError('TooManyTensors'));
  });
});

describe('tensors from and to JavaScript values', () => {
  it('round-trips typed arrays of every element type', () => {
    const cases = [
      [new Float32Array([1.5, -0, Infinity, 3.25]), 'f32'],
      [new Float64Array([Math.PI, -1e300, 5e-324, 0]), 'f64'],
      [new Int8Array([-128, 127, 0, -1]), 'i8'],
      [new Uint8Array([0, 255, 7, 128]), 'u8'],
      [new Int16Array([-32768, 32767, 1, -2]), 'i16'],
      [new Int32Array([-2147483648, 2147483647, 5, -6]), 'i32'],
      [new BigInt64Array([-(1n << 63n), (1n << 63n) - 1n, 3n, -4n]), 'i64'],
    ] as const;
    for (const [array, type] of cases) {
      const t = tensorFromTypedArray(array, [2, 2]);
      assert.equal(t.elementType, type);
      assert.deepEqual(t.shape, [2, 2]);
      assert.deepEqual(toTypedArray(t), array, type);
      assert.deepEqual(decodeTensor(encodeTensor(t)), t);
    }
    const bools = tensorFromTypedArray(new Uint8Array([1, 0, 1]), [3], 'bool');
    assert.equal(bools.elementType, 'bool');
    assert.deepEqual(toValues(bools), [true, false, true]);
  });

  it('keeps NaN payloads and the sign of zero', () => {
    const bits = new Uint32Array([0x7fc1_2345, 0xffff_ffff, 0x8000_0000]);
    const t = tensorFromTypedArray(new Float32Array(bits.buffer), [3]);
    assert.equal(toHex(t.data), '4523c17f' + 'ffffffff' + '00000080');
    assert.deepEqual(new Uint32Array(toTypedArray(t).buffer), bits);
  });

  it('round-trips nested arrays, reading the shape from the nesting', () => {
    const nested = [[[1, 2, 3], [4, 5, 6]]];
    const t = tensorFromNested('i32', nested);
    assert.deepEqual(t.shape, [1, 2, 3]);
    assert.deepEqual(toNested(t), nested);
    assert.deepEqual(toNested(tensorFromNested('f32', 2.5)), 2.5);
    assert.deepEqual(tensorFromNested('f32', 2.5).shape, []);
    assert.deepEqual(toNested(tensorFromNested('i64', [[1n], [-2n]])), [[1n], [-2n]]);
    assert.deepEqual(toNested(tensorFromNested('bool', [true, false])), [true, false]);
    // An empty axis: shape [2, 0].
    const empty = tensorFromNested('u8', [[], []]);
    assert.deepEqual(empty.shape, [2, 0]);
    assert.equal(empty.data.length, 0);
    assert.deepEqual(toNested(empty), [[], []]);
    // The same with an explicit shape.
    assert.deepEqual(tensorFromNested('i32', nested, [1, 2, 3]), t);
  });

  it('gives clear errors for mismatched shapes, lengths and values', () => {
    assert.throws(() => tensorFromValues('f32', [2, 3], [1, 2, 3]), (err: unknown) =>
      err instanceof TensorError && err.kind === 'DataLengthMismatch' && /3 values given, shape \[2, 3\] holds 6/.test(err.message));
    assert.throws(() => tensorFromTypedArray(new Float32Array(5), [2, 2]), isTensorError('DataLengthMismatch'));
    assert.throws(() => tensorFromNested('f32', [[1, 2], [3]]), (err: unknown) =>
      err instanceof TensorError && err.kind === 'InvalidShape' && /axis 1 at \[1\]: expected 2 entries/.test(err.message));
    assert.throws(() => tensorFromNested('f32', [[1, 2]], [2, 2]), isTensorError('InvalidShape'));
    assert.throws(() => tensorFromNested('f32', [[1, [2]]]), isTensorError('InvalidShape'));
    assert.throws(() => tensorFromValues('u8', [1], [256]), isTensorError('InvalidValue'));
    assert.throws(() => tensorFromValues('i8', [1], [1.5]), isTensorError('InvalidValue'));
    assert.throws(() => tensorFromValues('i64', [1], [1n << 63n]), isTensorError('InvalidValue'));
    assert.throws(() => tensorFromValues('bool', [1], [2]), isTensorError('InvalidValue'));
    assert.throws(() => tensorFromValues('f32', [1, 1, 1, 1, 1, 1, 1, 1, 1], [1]), isTensorError('RankTooLarge'));
    assert.throws(() => tensorFromValues('u8', [65536, 65536], []), isTensorError('ShapeOverflow'));
    assert.throws(() => tensorFromValues('f32', [1 << 18, 2], []), isTensorError('TooLarge'));
    assert.throws(() => tensorFromValues('f32', [-1], []), isTensorError('InvalidShape'));
    assert.throws(() => tensorFromBytes('bool', [1], Uint8Array.of(2)), isTensorError('InvalidBool'));
    assert.throws(() => tensorFromTypedArray(new Int32Array(4), [4], 'f32'), isTensorError('ElementTypeMismatch'));
  });

  it('checks inputs against a signature as the chain does', () => {
    const signature = {
      inputs: [{ elementType: 'f32' as const, shape: [null, 2] }],
      outputs: [{ elementType: 'i64' as const, shape: [] }],
    };
    assert.equal(checkInputs(signature, [tensorFromValues('f32', [3, 2], new Array(6).fill(0))]), undefined);
    assert.equal(checkInputs(signature, []), 'expected 1 tensors, got 0');
    assert.equal(checkInputs(signature, [tensorFromValues('f64', [1, 2], [0, 0])]), 'tensor 0: expected element type f32, got f64');
    assert.equal(checkInputs(signature, [tensorFromValues('f32', [2], [0, 0])]), 'tensor 0: expected rank 2, got 1');
    assert.equal(checkInputs(signature, [tensorFromValues('f32', [1, 3], [0, 0, 0])]), 'tensor 0, axis 1: expected extent 2, got 3');
  });
});
