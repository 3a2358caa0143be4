// onnxruntime-web for "Re-verify in browser": its WebAssembly build, single-threaded (threads
// would need a cross-origin-isolated page), its .wasm served by Vite from node_modules (in a
// build, copied next to the app): nothing is fetched from a CDN. Loaded on first use only.

import { type OnnxRunner, ortRunner } from '@opg-chain/client/browser';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

let runner: Promise<OnnxRunner> | undefined;

function load(): Promise<OnnxRunner> {
  runner ??= import('onnxruntime-web/wasm').then((ort) => {
    ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, document.baseURI).href };
    ort.env.wasm.numThreads = 1;
    return ortRunner(ort, ['wasm']);
  });
  runner.catch(() => {
    runner = undefined;
  });
  return runner;
}

/** Runs a model in the browser with onnxruntime-web (wasm). */
export const runOnnxInBrowser: OnnxRunner = async (onnx, inputs) => (await load())(onnx, inputs);
