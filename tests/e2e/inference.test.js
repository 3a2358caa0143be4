// Verifiable inference on `opg-node --dev`: the node's own inference service computes the job,
// its off-chain worker commits and reveals, and the chain finalises the reference output.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { fixture, maxUlps, submittedJobId, waitForJobEnd } from './lib/inference.js';
import { OpgNode, logTailsOnFailure, waitForFinalized } from './lib/node.js';

const WAIT_MS = 120_000;
const JOB_MS = 180_000;
const TEST_TIMEOUT_MS = 420_000;

describe('inference on opg-node --dev', () => {
  let node;
  let api;
  let alice;

  before(async () => {
    await cryptoWaitReady();
    alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    node = await OpgNode.start('Dev', ['--dev']);
    api = node.api;
    await waitForFinalized(api, 1, WAIT_MS);
  });

  afterEach(logTailsOnFailure(() => (node ? [node] : [])));

  after(() => node?.dispose());

  async function register(model) {
    const tx = api.tx.inference.registerModel(model.onnx, model.metadata);
    const { dispatchError } = await signAndWaitFinalized(api, tx, alice, WAIT_MS);
    assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
    assert.ok((await api.query.inference.models(model.hash)).isSome, `${model.name} is registered`);
  }

  async function runJob(model) {
    const fee = api.consts.inference.attestationFee.toBigInt();
    const tx = api.tx.inference.submitJob(model.hash, model.inputs, 1, fee);
    const { events, dispatchError } = await signAndWaitFinalized(api, tx, alice, WAIT_MS);
    assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
    return waitForJobEnd(api, submittedJobId(events), JOB_MS);
  }

  it('finalises the MLP reference output within its ULP policy', { timeout: TEST_TIMEOUT_MS }, async () => {
    const mlp = fixture('mlp');
    await register(mlp);
    const { phase, result } = await runJob(mlp);
    assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
    const outputs = result.asSuccess;
    assert.equal(outputs.length, mlp.reference.length);
    outputs.forEach((tensor, i) => {
      const ulps = maxUlps(tensor, mlp.reference[i]);
      assert.ok(ulps <= mlp.policy.max_ulps, `output ${i}: ${ulps} ULP from onnxruntime`);
    });
  });

  it('finalises the int8 model bit-exactly', { timeout: TEST_TIMEOUT_MS }, async () => {
    const int8 = fixture('int8');
    await register(int8);
    const { phase, result } = await runJob(int8);
    assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
    result.asSuccess.forEach((tensor, i) => {
      assert.deepEqual(tensor.data.toU8a(true), int8.reference[i].data, `output ${i} equals onnxruntime's`);
    });
  });

  it('rejects an input that does not match the signature, with a clear error', { timeout: TEST_TIMEOUT_MS }, async () => {
    const cnn = fixture('cnn');
    await register(cnn);
    const wrong = [{ ...cnn.inputs[0], shape: [1, 1, 4, 16] }];
    const fee = api.consts.inference.attestationFee.toBigInt();
    const { dispatchError } = await signAndWaitFinalized(
      api, api.tx.inference.submitJob(cnn.hash, wrong, 1, fee), alice, WAIT_MS,
    );
    assert.equal(dispatchError && dispatchErrorName(api, dispatchError), 'inference.InvalidInput');
  });
});
