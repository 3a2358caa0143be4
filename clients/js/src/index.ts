// @opg-chain/client: a TypeScript client of OPG Chain's verifiable inference.

export * from './tensor.js';
export * from './npy.js';
export * from './compare.js';
export * from './errors.js';
export * from './signer.js';
export * from './client.js';
export * from './verify.js';
