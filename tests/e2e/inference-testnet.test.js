// Verifiable inference on a three-validator local testnet: every validator computes the job with
// its own inference service, commits and reveals; a validator killed between its commitment and
// its reveal reveals after its restart, or the job still resolves by the quorum of the others.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { fixture, maxUlps, submittedJobId, waitForJobEnd } from './lib/inference.js';
import { OpgNode, logTailsOnFailure, peerIdOf, waitForBest, waitForFinalized, waitUntil } from './lib/node.js';

const WAIT_MS = 120_000;
const JOB_MS = 240_000;
const TEST_TIMEOUT_MS = 600_000;

const NODE_KEYS = {
  Alice: '0000000000000000000000000000000000000000000000000000000000000011',
  Bob: '0000000000000000000000000000000000000000000000000000000000000012',
  Charlie: '0000000000000000000000000000000000000000000000000000000000000013',
};

function validatorArgs(name, extra = []) {
  return ['--chain', 'local', `--${name.toLowerCase()}`, '--validator', '--node-key', NODE_KEYS[name], ...extra];
}

describe('inference on a three-validator local testnet', () => {
  let alice;
  let bob;
  let charlie;
  let keyring;
  const nodes = () => [alice, bob, charlie].filter(Boolean);

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519' });
    alice = await OpgNode.start('Alice', validatorArgs('Alice'));
    const bootnode = `${alice.p2pAddress}/p2p/${await peerIdOf(NODE_KEYS.Alice)}`;
    [bob, charlie] = await Promise.all(
      ['Bob', 'Charlie'].map((name) => OpgNode.start(name, validatorArgs(name, ['--bootnodes', bootnode]))),
    );
    await Promise.all(nodes().map((node) => waitForFinalized(node.api, 2, WAIT_MS)));
  });

  afterEach(logTailsOnFailure(nodes));

  after(() => Promise.all(nodes().map((node) => node.dispose())));

  it('finalises a redundancy-3 job despite a validator killed between commit and reveal',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const submitter = keyring.addFromUri('//Dave');
      const mlp = fixture('mlp');
      const register = await signAndWaitFinalized(
        api, api.tx.inference.registerModel(mlp.onnx, mlp.metadata), submitter, WAIT_MS,
      );
      assert.equal(register.dispatchError && dispatchErrorName(api, register.dispatchError), undefined);

      const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
      const submit = await signAndWaitFinalized(
        api, api.tx.inference.submitJob(mlp.hash, mlp.inputs, 3, fee), submitter, WAIT_MS,
      );
      assert.equal(submit.dispatchError && dispatchErrorName(api, submit.dispatchError), undefined);
      const jobId = submittedJobId(submit.events);

      // Every validator commits; then Charlie goes down before (or while) revealing.
      await waitUntil(`job ${jobId} to open its reveals`, async () => {
        const job = await api.query.inference.jobs(jobId);
        const phase = job.isSome ? job.unwrap().phase.type : 'none';
        return { done: phase === 'Revealing' || phase === 'Finalized', seen: phase };
      }, JOB_MS);
      await charlie.stop();
      await charlie.restart();

      const { job, phase, result } = await waitForJobEnd(api, jobId, JOB_MS);
      assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
      const reveals = job.assignments.map((a) => `${a.attestor.toString()}: ${a.reveal.type}`);
      t.diagnostic(`reveals: ${reveals.join(', ')}`);
      assert.ok(job.assignments.filter((a) => a.reveal.isValid).length >= 2, 'a quorum revealed');
      result.asSuccess.forEach((tensor, i) => {
        const ulps = maxUlps(tensor, mlp.reference[i]);
        assert.ok(ulps <= mlp.policy.max_ulps, `output ${i}: ${ulps} ULP from onnxruntime`);
      });
      // The restarted validator caught up with the chain.
      await waitForBest(charlie.api, (await api.rpc.chain.getHeader()).number.toNumber(), WAIT_MS);
    });
});
