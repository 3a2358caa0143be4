// A model input from what the user gives: JSON numbers, a `.npy` file, or an image resized to
// the model's input shape.

import {
  type ElementValue,
  type NestedArray,
  type Tensor,
  type TensorSpec,
  parseNpy,
  tensorFromNested,
  tensorFromTypedArray,
  tensorFromValues,
} from '@opg-chain/client/browser';

/**
 * A tensor from JSON text: nested arrays in the shape's nesting, or a flat list of all the
 * values when the shape has no dynamic axis. i64 values are read exactly (beyond 2^53).
 */
export function tensorFromJson(spec: TensorSpec, text: string): Tensor {
  let value: unknown;
  try {
    value = JSON.parse(text, (_key, v: unknown, context?: { source?: string }) =>
      spec.elementType === 'i64' && typeof v === 'number' && context?.source ? BigInt(context.source) : v);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
  const fixed = spec.shape.every((d) => d !== null);
  if (Array.isArray(value) && fixed && spec.shape.length !== 1 && value.every((v) => !Array.isArray(v))) {
    return tensorFromValues(spec.elementType, spec.shape as number[], value as ElementValue[]);
  }
  return tensorFromNested(spec.elementType, value as NestedArray);
}

/** A tensor from a `.npy` file's bytes. */
export async function tensorFromNpyFile(file: Blob): Promise<Tensor> {
  return parseNpy(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Whether an input takes an image: f32 of shape [1, C, H, W] (NCHW) with C 1 (grayscale) or 3
 * (RGB) and H, W fixed.
 */
export function isImageSpec(spec: TensorSpec): boolean {
  const [n, c, height, width] = spec.shape;
  return spec.elementType === 'f32' && spec.shape.length === 4 && (n === 1 || n === null)
    && (c === 1 || c === 3) && typeof height === 'number' && typeof width === 'number';
}

/**
 * An image as an f32 [1, C, H, W] tensor: stretched to W×H, channels planar (RGB, or the
 * luma 0.299 R + 0.587 G + 0.114 B for one channel), values 0..1 (byte / 255). Also returns
 * the resized image, to show what the model will see.
 */
export async function tensorFromImage(file: Blob, spec: TensorSpec): Promise<{ tensor: Tensor; canvas: HTMLCanvasElement }> {
  const [, channels, height, width] = spec.shape as [number | null, number, number, number];
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser has no 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const plane = width * height;
  const values = new Float32Array(channels * plane);
  for (let p = 0; p < plane; p += 1) {
    const r = (rgba[4 * p] as number) / 255;
    const g = (rgba[4 * p + 1] as number) / 255;
    const b = (rgba[4 * p + 2] as number) / 255;
    if (channels === 3) {
      values[p] = r;
      values[plane + p] = g;
      values[2 * plane + p] = b;
    } else {
      values[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    }
  }
  return { tensor: tensorFromTypedArray(values, [1, channels, height, width]), canvas };
}
