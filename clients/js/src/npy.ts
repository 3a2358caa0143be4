// NumPy `.npy` files (format versions 1.0, 2.0 and 3.0), C order, little-endian, for the
// chain's element types: what node/engine/fixtures holds and what `numpy.save` writes. Bytes
// only, for browsers too; `readNpy` and `writeNpy` (files) are in ./node.ts.

import { type ElementType, type Tensor, TensorError, concat, tensorFromBytes, validateTensor } from './tensor.js';

const MAGIC = '\x93NUMPY';

const DESCR_OF: Record<ElementType, string> = {
  f32: '<f4', f64: '<f8', i8: '|i1', u8: '|u1', i16: '<i2', i32: '<i4', i64: '<i8', bool: '|b1',
};

/** Also accepted on read: `=`/`<` for one-byte types and the native-order forms numpy may write. */
const TYPE_OF: Record<string, ElementType> = {
  '<f4': 'f32', '<f8': 'f64', '|i1': 'i8', '<i1': 'i8', '=i1': 'i8', '|u1': 'u8', '<u1': 'u8', '=u1': 'u8',
  '<i2': 'i16', '<i4': 'i32', '<i8': 'i64', '|b1': 'bool', '<b1': 'bool', '=b1': 'bool',
};

/** Parses `.npy` bytes into a canonical tensor. */
export function parseNpy(bytes: Uint8Array): Tensor {
  const latin1 = (from: number, to: number) => latin1Decode(bytes.subarray(from, to));
  if (bytes.length < 10 || latin1(0, 6) !== MAGIC) throw new TensorError('Malformed', 'not a .npy file (bad magic)');
  const major = bytes[6] as number;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerStart: number;
  let headerLength: number;
  if (major === 1) {
    headerStart = 10;
    headerLength = view.getUint16(8, true);
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new TensorError('Malformed', 'truncated .npy header');
    headerStart = 12;
    headerLength = view.getUint32(8, true);
  } else {
    throw new TensorError('Malformed', `unsupported .npy format version ${major}`);
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new TensorError('Malformed', 'truncated .npy header');
  const header = latin1(headerStart, dataStart);
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(header)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new TensorError('Malformed', `malformed .npy header: ${header.trim()}`);
  }
  if (fortran === 'True') throw new TensorError('Malformed', '.npy in Fortran order is not supported: save a C-contiguous array');
  const elementType = TYPE_OF[descr];
  if (elementType === undefined) {
    throw new TensorError('ElementTypeMismatch', `.npy dtype ${descr} is not one of the chain's element types (little-endian f32, f64, i8, u8, i16, i32, i64, bool)`);
  }
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const n = Number(s.replace(/L$/, ''));
    if (!Number.isInteger(n) || n < 0) throw new TensorError('Malformed', `bad .npy shape (${shapeText})`);
    return n;
  });
  return tensorFromBytes(elementType, shape, bytes.subarray(dataStart));
}

/** The `.npy` (format 1.0) bytes of a tensor. */
export function formatNpy(tensor: Tensor): Uint8Array {
  validateTensor(tensor);
  const shape = tensor.shape.length === 1 ? `(${tensor.shape[0]},)` : `(${tensor.shape.join(', ')})`;
  let header = `{'descr': '${DESCR_OF[tensor.elementType]}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Magic (6) + version (2) + length (2) + header + '\n', padded with spaces to a multiple of 64.
  const unpadded = 10 + header.length + 1;
  header = header + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const prefix = new Uint8Array(10);
  prefix.set(latin1Encode(MAGIC), 0);
  prefix[6] = 1;
  prefix[7] = 0;
  new DataView(prefix.buffer).setUint16(8, header.length, true);
  return concat([prefix, latin1Encode(header), tensor.data]);
}

// Latin-1 by hand: the WHATWG TextDecoder's 'latin1' is windows-1252, which maps the magic's
// 0x93 elsewhere.
function latin1Decode(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function latin1Encode(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
