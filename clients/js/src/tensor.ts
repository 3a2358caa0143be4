// Canonical tensors: the chain's `opg_inference_primitives::Tensor` and its SCALE encoding
// (pallets/inference/primitives/src/lib.rs, "Canonical tensor encoding"): one element-type
// byte, a compact rank and that many little-endian `u32` axes, then a compact data length and
// the elements row-major, little-endian and tightly packed (bools one byte, 0 or 1).

/** Element types, as the chain names them in lower case. */
export type ElementType = 'f32' | 'f64' | 'i8' | 'u8' | 'i16' | 'i32' | 'i64' | 'bool';

/** Every element type, in the order of their encoding byte (`0` f32 ... `7` bool). */
export const ELEMENT_TYPES: readonly ElementType[] = ['f32', 'f64', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool'];

/** Size of one element in bytes. */
export const ELEMENT_SIZE: Readonly<Record<ElementType, number>> = {
  f32: 4, f64: 8, i8: 1, u8: 1, i16: 2, i32: 4, i64: 8, bool: 1,
};

/** Maximum number of axes (`MAX_RANK`). */
export const MAX_RANK = 8;
/** Maximum data bytes of one tensor (`MAX_TENSOR_BYTES`, 1 MiB). */
export const MAX_TENSOR_BYTES = 1 << 20;
/** Maximum number of tensors in a model's inputs or outputs (`MAX_TENSORS`). */
export const MAX_TENSORS = 8;

/**
 * A canonical tensor: element type, shape (outermost axis first, `[]` for a scalar) and the
 * raw element bytes (little-endian, row-major, tightly packed).
 */
export interface Tensor {
  readonly elementType: ElementType;
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

/** The typed array holding the elements of each type (bools as 0/1 bytes). */
export interface TypedArrayOf {
  f32: Float32Array;
  f64: Float64Array;
  i8: Int8Array;
  u8: Uint8Array;
  i16: Int16Array;
  i32: Int32Array;
  i64: BigInt64Array;
  bool: Uint8Array;
}
export type AnyTypedArray = TypedArrayOf[ElementType];

/** One element as a JavaScript value: `bigint` for i64, `boolean` for bool, else `number`. */
export type ElementValue = number | bigint | boolean;
/** Nested arrays of elements, one level per axis (a bare value for a scalar). */
export type NestedArray = ElementValue | NestedArray[];

/** Why a tensor is invalid; `kind` mirrors the Rust `TensorError` variants plus client checks. */
export type TensorErrorKind =
  | 'RankTooLarge'
  | 'TooLarge'
  | 'ShapeOverflow'
  | 'DataLengthMismatch'
  | 'InvalidBool'
  | 'TooManyTensors'
  | 'ElementTypeMismatch'
  | 'InvalidShape'
  | 'InvalidValue'
  | 'Malformed';

/** An invalid tensor, shape, value or encoding. */
export class TensorError extends Error {
  override readonly name = 'TensorError';
  constructor(readonly kind: TensorErrorKind, message: string) {
    super(message);
  }
}

function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && (ELEMENT_TYPES as readonly string[]).includes(value);
}

function checkShape(shape: readonly number[]): void {
  if (shape.length > MAX_RANK) {
    throw new TensorError('RankTooLarge', `tensor rank ${shape.length} exceeds ${MAX_RANK}`);
  }
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0 || dim > 0xffff_ffff) {
      throw new TensorError('InvalidShape', `axis extent ${dim} is not a u32`);
    }
  }
}

/**
 * Number of elements of a shape: `1` for a scalar, `0` if an axis is `0`, else the product,
 * which must fit a `u32` (Rust `element_count_of`).
 */
export function elementCount(shape: readonly number[]): number {
  checkShape(shape);
  if (shape.includes(0)) return 0;
  let count = 1;
  for (const dim of shape) {
    count *= dim;
    if (count > 0xffff_ffff) throw new TensorError('ShapeOverflow', 'tensor element count overflows u32');
  }
  return count;
}

/** Bytes of data a tensor of this type and shape holds (Rust `expected_data_len`). */
export function expectedDataLength(elementType: ElementType, shape: readonly number[]): number {
  const bytes = elementCount(shape) * ELEMENT_SIZE[elementType];
  if (bytes > MAX_TENSOR_BYTES) {
    throw new TensorError('TooLarge', `tensor data of ${bytes} bytes exceeds ${MAX_TENSOR_BYTES} bytes`);
  }
  return bytes;
}

/** Checks a tensor as the chain's `Tensor::validate` does; throws a `TensorError`. */
export function validateTensor(tensor: Tensor): void {
  if (!isElementType(tensor.elementType)) {
    throw new TensorError('Malformed', `unknown element type ${String(tensor.elementType)}`);
  }
  const expected = expectedDataLength(tensor.elementType, tensor.shape);
  if (tensor.data.length !== expected) {
    throw new TensorError(
      'DataLengthMismatch',
      `tensor data is ${tensor.data.length} bytes, shape [${tensor.shape.join(', ')}] of ${tensor.elementType} requires ${expected}`,
    );
  }
  if (tensor.elementType === 'bool' && tensor.data.some((b) => b > 1)) {
    throw new TensorError('InvalidBool', 'bool tensor contains a byte other than 0 or 1');
  }
}

/** A tensor from raw little-endian element bytes (copied), validated. */
export function tensorFromBytes(elementType: ElementType, shape: readonly number[], data: Uint8Array): Tensor {
  const tensor: Tensor = { elementType, shape: [...shape], data: new Uint8Array(data) };
  validateTensor(tensor);
  return tensor;
}

function writeElement(view: DataView, offset: number, elementType: ElementType, value: ElementValue): void {
  const fail = (): never => {
    throw new TensorError('InvalidValue', `${String(value)} is not a valid ${elementType} element`);
  };
  switch (elementType) {
    case 'f32':
    case 'f64':
      if (typeof value !== 'number') fail();
      if (elementType === 'f32') view.setFloat32(offset, value as number, true);
      else view.setFloat64(offset, value as number, true);
      return;
    case 'i64': {
      const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : fail();
      if (big < -(1n << 63n) || big >= 1n << 63n) fail();
      view.setBigInt64(offset, big, true);
      return;
    }
    case 'bool':
      if (typeof value === 'boolean') view.setUint8(offset, value ? 1 : 0);
      else if (value === 0 || value === 1) view.setUint8(offset, value);
      else fail();
      return;
    default: {
      const [min, max] = INT_RANGE[elementType];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail();
      const v = value as number;
      if (elementType === 'i8') view.setInt8(offset, v);
      else if (elementType === 'u8') view.setUint8(offset, v);
      else if (elementType === 'i16') view.setInt16(offset, v, true);
      else view.setInt32(offset, v, true);
    }
  }
}

const INT_RANGE: Record<'i8' | 'u8' | 'i16' | 'i32', [number, number]> = {
  i8: [-128, 127], u8: [0, 255], i16: [-32768, 32767], i32: [-2147483648, 2147483647],
};

function readElement(view: DataView, offset: number, elementType: ElementType): ElementValue {
  switch (elementType) {
    case 'f32': return view.getFloat32(offset, true);
    case 'f64': return view.getFloat64(offset, true);
    case 'i8': return view.getInt8(offset);
    case 'u8': return view.getUint8(offset);
    case 'i16': return view.getInt16(offset, true);
    case 'i32': return view.getInt32(offset, true);
    case 'i64': return view.getBigInt64(offset, true);
    case 'bool': return view.getUint8(offset) === 1;
  }
}

/**
 * A tensor of `elementType` and `shape` from its elements in row-major order: a typed array or
 * an array of values (`number`, `bigint` for i64, `boolean` or 0/1 for bool). Floats keep their
 * bit patterns when given as a Float32Array/Float64Array.
 */
export function tensorFromValues(
  elementType: ElementType,
  shape: readonly number[],
  values: ArrayLike<ElementValue> | AnyTypedArray,
): Tensor {
  const expected = expectedDataLength(elementType, shape);
  const size = ELEMENT_SIZE[elementType];
  if (values.length * size !== expected) {
    throw new TensorError(
      'DataLengthMismatch',
      `${values.length} values given, shape [${shape.join(', ')}] holds ${expected / size}`,
    );
  }
  const data = new Uint8Array(expected);
  const view = new DataView(data.buffer);
  if (elementType === 'f32' && values instanceof Float32Array) {
    // Copy bit patterns (NaN payloads are kept), in little-endian order.
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    bits.forEach((b, i) => view.setUint32(i * 4, b, true));
  } else if (elementType === 'f64' && values instanceof Float64Array) {
    const bits = new BigUint64Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
    bits.forEach((b, i) => view.setBigUint64(i * 8, b, true));
  } else {
    for (let i = 0; i < values.length; i += 1) {
      writeElement(view, i * size, elementType, values[i] as ElementValue);
    }
  }
  return { elementType, shape: [...shape], data };
}

/** The element type a typed array implies (`Uint8Array` is `u8`; pass `bool` explicitly). */
export function elementTypeOf(array: AnyTypedArray): ElementType {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int8Array) return 'i8';
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Int16Array) return 'i16';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof BigInt64Array) return 'i64';
  throw new TensorError('ElementTypeMismatch', 'unsupported typed array');
}

/**
 * A tensor from a typed array and a shape; the element type follows the array's class
 * (`elementType` overrides it, e.g. `'bool'` for a Uint8Array of 0/1).
 */
export function tensorFromTypedArray(array: AnyTypedArray, shape: readonly number[], elementType?: ElementType): Tensor {
  const type = elementType ?? elementTypeOf(array);
  if (elementType !== undefined && elementType !== 'bool' && elementTypeOf(array) !== elementType) {
    throw new TensorError('ElementTypeMismatch', `a ${array.constructor.name} does not hold ${elementType} elements`);
  }
  return tensorFromValues(type, shape, array);
}

/** The shape of nested arrays (every sub-array of an axis must have the same length). */
export function shapeOfNested(nested: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = nested;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0] as NestedArray;
  }
  return shape;
}

/**
 * A tensor from nested arrays (one level per axis; a bare value is a scalar). With `shape`,
 * the nesting must match it exactly; without, the shape is read from the nesting. Ragged
 * arrays are refused.
 */
export function tensorFromNested(elementType: ElementType, nested: NestedArray, shape?: readonly number[]): Tensor {
  const actual = shapeOfNested(nested);
  const wanted = shape ?? actual;
  checkShape(wanted);
  const flat: ElementValue[] = [];
  const walk = (value: NestedArray, axis: number, path: string): void => {
    if (axis === wanted.length) {
      if (Array.isArray(value)) {
        throw new TensorError('InvalidShape', `element ${path || '(scalar)'} is an array: nesting deeper than shape [${wanted.join(', ')}]`);
      }
      flat.push(value);
      return;
    }
    if (!Array.isArray(value) || value.length !== wanted[axis]) {
      const got = Array.isArray(value) ? `${value.length} entries` : 'a value';
      throw new TensorError(
        'InvalidShape',
        `axis ${axis} at ${path || '(root)'}: expected ${wanted[axis]} entries for shape [${wanted.join(', ')}], got ${got}`,
      );
    }
    value.forEach((item, i) => walk(item, axis + 1, `${path}[${i}]`));
  };
  walk(nested, 0, '');
  return tensorFromValues(elementType, wanted, flat);
}

/** The elements as a typed array of the tensor's type (a copy; bools as a Uint8Array of 0/1). */
export function toTypedArray<T extends ElementType>(tensor: Tensor & { elementType: T }): TypedArrayOf[T];
export function toTypedArray(tensor: Tensor): AnyTypedArray;
export function toTypedArray(tensor: Tensor): AnyTypedArray {
  validateTensor(tensor);
  const count = tensor.data.length / ELEMENT_SIZE[tensor.elementType];
  const view = new DataView(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  switch (tensor.elementType) {
    case 'f32': {
      // Through the bits, so that NaN payloads survive.
      const out = new Float32Array(count);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i += 1) bits[i] = view.getUint32(i * 4, true);
      return out;
    }
    case 'f64': {
      const out = new Float64Array(count);
      const bits = new BigUint64Array(out.buffer);
      for (let i = 0; i < count; i += 1) bits[i] = view.getBigUint64(i * 8, true);
      return out;
    }
    case 'i8': return Int8Array.from({ length: count }, (_, i) => view.getInt8(i));
    case 'u8':
    case 'bool': return new Uint8Array(tensor.data);
    case 'i16': return Int16Array.from({ length: count }, (_, i) => view.getInt16(i * 2, true));
    case 'i32': return Int32Array.from({ length: count }, (_, i) => view.getInt32(i * 4, true));
    case 'i64': return BigInt64Array.from({ length: count }, (_, i) => view.getBigInt64(i * 8, true));
  }
}

/** The elements as a flat array of values, row-major (`bigint` for i64, `boolean` for bool). */
export function toValues(tensor: Tensor): ElementValue[] {
  validateTensor(tensor);
  const size = ELEMENT_SIZE[tensor.elementType];
  const view = new DataView(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  return Array.from({ length: tensor.data.length / size }, (_, i) => readElement(view, i * size, tensor.elementType));
}

/** The elements as nested arrays, one level per axis (a bare value for a scalar). */
export function toNested(tensor: Tensor): NestedArray {
  const flat = toValues(tensor);
  if (tensor.shape.length === 0) return flat[0] as ElementValue;
  let position = 0;
  const build = (axis: number): NestedArray[] => {
    const extent = tensor.shape[axis] as number;
    if (axis === tensor.shape.length - 1) {
      const row = flat.slice(position, position + extent);
      position += extent;
      return row;
    }
    return Array.from({ length: extent }, () => build(axis + 1));
  };
  return build(0);
}

// ---- SCALE ----

/** SCALE compact encoding of a non-negative integer below 2^30 (the only forms tensors use). */
export function encodeCompact(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 30) throw new TensorError('Malformed', `compact ${n} out of range`);
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) {
    const v = (n << 2) | 1;
    return Uint8Array.of(v & 0xff, v >> 8);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, ((n << 2) | 2) >>> 0, true);
  return out;
}

/** Decodes a compact integer at `offset`, refusing non-shortest forms as the chain does. */
export function decodeCompact(bytes: Uint8Array, offset: number): { value: number; offset: number } {
  const first = bytes[offset];
  if (first === undefined) throw new TensorError('Malformed', 'truncated compact integer');
  const mode = first & 3;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mode === 0) return { value: first >> 2, offset: offset + 1 };
  if (mode === 1) {
    if (offset + 2 > bytes.length) throw new TensorError('Malformed', 'truncated compact integer');
    const value = view.getUint16(offset, true) >> 2;
    if (value < 1 << 6) throw new TensorError('Malformed', 'non-canonical compact integer');
    return { value, offset: offset + 2 };
  }
  if (mode === 2) {
    if (offset + 4 > bytes.length) throw new TensorError('Malformed', 'truncated compact integer');
    const value = view.getUint32(offset, true) >>> 2;
    if (value < 1 << 14) throw new TensorError('Malformed', 'non-canonical compact integer');
    return { value, offset: offset + 4 };
  }
  throw new TensorError('Malformed', 'compact integer above 2^30: no tensor field is that large');
}

/** The canonical (SCALE) encoding of a tensor. */
export function encodeTensor(tensor: Tensor): Uint8Array {
  validateTensor(tensor);
  const rank = encodeCompact(tensor.shape.length);
  const length = encodeCompact(tensor.data.length);
  const out = new Uint8Array(1 + rank.length + 4 * tensor.shape.length + length.length + tensor.data.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = ELEMENT_TYPES.indexOf(tensor.elementType);
  out.set(rank, at);
  at += rank.length;
  for (const dim of tensor.shape) {
    view.setUint32(at, dim, true);
    at += 4;
  }
  out.set(length, at);
  at += length.length;
  out.set(tensor.data, at);
  return out;
}

/** Decodes one tensor at `offset`; returns it (validated) and the offset after it. */
export function decodeTensorAt(bytes: Uint8Array, offset: number): { tensor: Tensor; offset: number } {
  const typeByte = bytes[offset];
  if (typeByte === undefined) throw new TensorError('Malformed', 'truncated tensor');
  const elementType = ELEMENT_TYPES[typeByte];
  if (elementType === undefined) throw new TensorError('Malformed', `unknown element type byte ${typeByte}`);
  let { value: rank, offset: at } = decodeCompact(bytes, offset + 1);
  if (rank > MAX_RANK) throw new TensorError('RankTooLarge', `tensor rank ${rank} exceeds ${MAX_RANK}`);
  if (at + 4 * rank > bytes.length) throw new TensorError('Malformed', 'truncated tensor shape');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(at + 4 * i, true));
  at += 4 * rank;
  const { value: length, offset: dataAt } = decodeCompact(bytes, at);
  if (length > MAX_TENSOR_BYTES) throw new TensorError('TooLarge', `tensor data exceeds ${MAX_TENSOR_BYTES} bytes`);
  if (dataAt + length > bytes.length) throw new TensorError('Malformed', 'truncated tensor data');
  const tensor: Tensor = { elementType, shape, data: bytes.slice(dataAt, dataAt + length) };
  validateTensor(tensor);
  return { tensor, offset: dataAt + length };
}

/** Decodes exactly one tensor (trailing bytes are an error). */
export function decodeTensor(bytes: Uint8Array): Tensor {
  const { tensor, offset } = decodeTensorAt(bytes, 0);
  if (offset !== bytes.length) throw new TensorError('Malformed', `${bytes.length - offset} trailing bytes after the tensor`);
  return tensor;
}

/** The SCALE encoding of a tensor list (`Tensors`: compact count, then each tensor). */
export function encodeTensors(tensors: readonly Tensor[]): Uint8Array {
  if (tensors.length > MAX_TENSORS) throw new TensorError('TooManyTensors', `more than ${MAX_TENSORS} tensors`);
  const parts = [encodeCompact(tensors.length), ...tensors.map(encodeTensor)];
  return concat(parts);
}

/** Decodes exactly one tensor list. */
export function decodeTensors(bytes: Uint8Array): Tensor[] {
  const { value: count, offset: start } = decodeCompact(bytes, 0);
  if (count > MAX_TENSORS) throw new TensorError('TooManyTensors', `more than ${MAX_TENSORS} tensors`);
  const tensors: Tensor[] = [];
  let offset = start;
  for (let i = 0; i < count; i += 1) {
    const next = decodeTensorAt(bytes, offset);
    tensors.push(next.tensor);
    offset = next.offset;
  }
  if (offset !== bytes.length) throw new TensorError('Malformed', `${bytes.length - offset} trailing bytes after the tensors`);
  return tensors;
}

/** An inference outcome: outputs, or a deterministic error code (`InferenceOutcome`). */
export type Outcome = { type: 'Success'; value: Tensor[] } | { type: 'Failure'; value: number };

/** The SCALE encoding of an outcome: `0x00` + tensors, or `0x01` + `u16` error code. */
export function encodeOutcome(outcome: Outcome): Uint8Array {
  if (outcome.type === 'Success') return concat([Uint8Array.of(0), encodeTensors(outcome.value)]);
  return Uint8Array.of(1, outcome.value & 0xff, (outcome.value >> 8) & 0xff);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Lower-case hex of bytes, without prefix. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
