// @opg-chain/client: a TypeScript client of OPG Chain's verifiable inference, for Node.js.
// Browsers import `@opg-chain/client/browser` (./browser.ts), which leaves out ./node.ts.

export * from './browser.js';
// Node's `createOpgClient` (with `ws` and onnxruntime-node) takes the place of the browser one.
export { createOpgClient, readNpy, runOnnx, writeNpy } from './node.js';
