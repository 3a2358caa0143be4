// The dev-chain demo of `scripts/run-dev.sh`: registers the bundled MLP model, submits a job,
// waits for the validators' quorum to finalise it, re-executes it locally with
// `opg-node verify-job`, and prints the verified result.
// Usage: node demo.js <ws-url> <opg-node binary>

import { execFileSync } from 'node:child_process';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { f32Values, fixture, submittedJobId, waitForJobEnd } from './lib/inference.js';

const [url = 'ws://127.0.0.1:9944', nodeBinary] = process.argv.slice(2);
const WAIT_MS = 180_000;

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const mlp = fixture('mlp');
  const check = ({ dispatchError }) => {
    if (dispatchError) throw new Error(dispatchErrorName(api, dispatchError));
  };
  if ((await api.query.inference.models(mlp.hash)).isNone) {
    check(await signAndWaitFinalized(api, api.tx.inference.registerModel(mlp.onnx, mlp.metadata), alice, WAIT_MS));
    console.log(`registered model ${mlp.name}: ${mlp.hash}`);
  }
  const fee = api.consts.inference.attestationFee.toBigInt();
  const submitted = await signAndWaitFinalized(api, api.tx.inference.submitJob(mlp.hash, mlp.inputs, 1, fee), alice, WAIT_MS);
  check(submitted);
  const jobId = submittedJobId(submitted.events);
  console.log(`submitted job ${jobId}; waiting for the attestors' commit-reveal quorum...`);
  const { phase, result, job } = await waitForJobEnd(api, jobId, WAIT_MS);
  if (!phase.isFinalized) throw new Error(`job ${jobId} ended as ${phase.type}`);
  console.log(`job ${jobId} finalised; result hash ${job.resultHash.toString()}`);
  result.asSuccess.forEach((tensor, i) => {
    const values = f32Values(tensor.data.toU8a(true)).map((v) => v.toFixed(6));
    console.log(`  output ${i} ${tensor.elementType.type} [${tensor.shape.join(', ')}]: ${values.join(' ')}`);
  });
  if (nodeBinary) {
    console.log(execFileSync(nodeBinary, ['verify-job', String(jobId), '--url', url], { encoding: 'utf8' }).trim());
  }
} finally {
  await api.disconnect();
}
