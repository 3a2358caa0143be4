// `@opg-chain/client/browser`: the client without Node's parts (files, onnxruntime-node, `ws`),
// for bundlers and browsers. `createOpgClient` uses the global WebSocket; `verify` runs the
// `runOnnx` it is given, e.g. `ortRunner(await import('onnxruntime-web'), ['wasm'])`.

export * from './tensor.js';
export * from './npy.js';
export * from './compare.js';
export * from './errors.js';
export * from './signer.js';
export * from './client.js';
export * from './verify.js';
