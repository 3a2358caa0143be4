// `.npy` files: the fixtures numpy wrote, and round trips of every element type.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
  ELEMENT_TYPES,
  TensorError,
  formatNpy,
  parseNpy,
  readNpy,
  tensorFromValues,
  toValues,
  writeNpy,
} from '../src/index.js';
import { FIXTURES } from './fixtures.js';


const SAMPLES = {
  f32: [1.5, -2.25, 0, 1e-30],
  f64: [Math.PI, -1e300, 5e-324, 0],
  i8: [-128, 127, 0, -1],
  u8: [0, 255, 7, 128],
  i16: [-32768, 32767, 1, -2],
  i32: [-2147483648, 2147483647, 5, -6],
  i64: [-(1n << 63n), (1n << 63n) - 1n, 3n, -4n],
  bool: [true, false, false, true],
} as const;

describe('.npy files', () => {
  it('reads the fixtures numpy wrote, and writes them back byte for byte', async () => {
    for (const name of ['mlp.input0.npy', 'mlp.output0.npy', 'int8.input0.npy', 'cnn.input0.npy']) {
      const bytes = new Uint8Array(await readFile(join(FIXTURES, name)));
      const tensor = parseNpy(bytes);
      assert.deepEqual(formatNpy(tensor), bytes, `${name} written as numpy writes it`);
    }
    const input = await readNpy(join(FIXTURES, 'mlp.input0.npy'));
    assert.equal(input.elementType, 'f32');
    assert.deepEqual(input.shape, [1, 8]);
    assert.equal(input.data.length, 32);
  });

  it('round-trips every element type, scalars and empty tensors through a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opg-npy-'));
    try {
      for (const type of ELEMENT_TYPES) {
        for (const shape of [[4], [2, 2], [1, 2, 1, 2]]) {
          const t = tensorFromValues(type, shape, SAMPLES[type]);
          const path = join(dir, `${type}.npy`);
          await writeNpy(path, t);
          assert.deepEqual(await readNpy(path), t, `${type} ${shape}`);
        }
      }
      const scalar = tensorFromValues('f64', [], [2.5]);
      assert.match(Buffer.from(formatNpy(scalar)).toString('latin1'), /'shape': \(\), }/);
      assert.deepEqual(parseNpy(formatNpy(scalar)), scalar);
      const empty = tensorFromValues('i32', [0, 3], []);
      assert.deepEqual(parseNpy(formatNpy(empty)), empty);
      // Headers are padded to 64 bytes, ending in a newline.
      const bytes = formatNpy(tensorFromValues('u8', [3], [1, 2, 3]));
      assert.equal((bytes.length - 3) % 64, 0);
      assert.equal(bytes[bytes.length - 4], 0x0a);
      assert.match(Buffer.from(bytes).toString('latin1'), /'shape': \(3,\), }/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads format 2.0 headers', () => {
    const header = "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }\n";
    const prefix = Buffer.alloc(12);
    prefix.write('\x93NUMPY', 0, 'latin1');
    prefix[6] = 2;
    prefix.writeUInt32LE(header.length, 8);
    const bytes = Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from([1, 0, 0xff, 0xff])]);
    assert.deepEqual(toValues(parseNpy(new Uint8Array(bytes))), [1, -1]);
  });

  it('refuses what it cannot represent, with clear errors', () => {
    const npy = (header: string, data: number[] = []) => {
      const prefix = Buffer.alloc(10);
      prefix.write('\x93NUMPY', 0, 'latin1');
      prefix[6] = 1;
      prefix.writeUInt16LE(header.length, 8);
      return new Uint8Array(Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(data)]));
    };
    assert.throws(() => parseNpy(new Uint8Array(16)), /not a \.npy file/);
    assert.throws(() => parseNpy(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }\n", [0, 0, 0, 0])),
      (err: unknown) => err instanceof TensorError && /dtype >f4 is not one of the chain's element types/.test(err.message));
    assert.throws(() => parseNpy(npy("{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }\n", [0, 0])), /dtype <u2/);
    assert.throws(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }\n")), /Fortran order/);
    assert.throws(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", [0, 0, 0, 0])),
      (err: unknown) => err instanceof TensorError && err.kind === 'DataLengthMismatch');
  });
});
