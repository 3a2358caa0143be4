// What only Node has: `.npy` files on disk, onnxruntime-node for `verify`, and `ws` for Node 20,
// which has no global WebSocket. The package root (./index.ts) adds these to the browser entry.

import { readFile, writeFile } from 'node:fs/promises';
import { type PolkadotClient } from 'polkadot-api';
import { type WebSocketClass } from 'polkadot-api/ws';
import { WebSocket as NodeWebSocket } from 'ws';

import { type ClientOptions, type OpgClient, createOpgClient as createClientWith } from './client.js';
import { formatNpy, parseNpy } from './npy.js';
import { type Tensor, TensorError } from './tensor.js';
import { type OrtModule, ortRunner } from './verify.js';

/** Reads a `.npy` file as a canonical tensor. */
export async function readNpy(path: string): Promise<Tensor> {
  try {
    return parseNpy(new Uint8Array(await readFile(path)));
  } catch (err) {
    if (err instanceof TensorError) throw new TensorError(err.kind, `${path}: ${err.message}`);
    throw err;
  }
}

/** Writes a tensor as a `.npy` file (format 1.0), which `numpy.load` reads. */
export async function writeNpy(path: string, tensor: Tensor): Promise<void> {
  await writeFile(path, formatNpy(tensor));
}

/** Runs an ONNX model on canonical tensors with onnxruntime-node (CPU); outputs in graph order. */
export async function runOnnx(onnx: Uint8Array, inputs: readonly Tensor[]): Promise<Tensor[]> {
  const ort: OrtModule = await import('onnxruntime-node');
  return ortRunner(ort, ['cpu'])(onnx, inputs);
}

/**
 * A client from a WebSocket URL (it owns the connection: `destroy()` closes it) or from an
 * existing polkadot-api client (shared: `destroy()` leaves it open). In Node, `verify` runs
 * onnxruntime-node, and a runtime without a global WebSocket (Node 20) uses `ws`.
 */
export function createOpgClient(source: string | PolkadotClient, options: ClientOptions = {}): OpgClient {
  return createClientWith(source, {
    websocketClass: (globalThis.WebSocket ?? NodeWebSocket) as unknown as WebSocketClass,
    runOnnx,
    ...options,
  });
}
