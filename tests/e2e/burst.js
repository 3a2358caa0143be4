// Prints the figures of a burst of inference jobs against a running chain (`scripts/bench/
// inference-burst.sh` starts one): jobs finalised per second and blocks from submission to
// finalisation (median, 95th percentile). Figures only: nothing is asserted on time.
// Usage: node burst.js <ws-url> <jobs> <redundancy> <submitters>

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { burst, describeBurst } from './lib/burst.js';
import { fixture } from './lib/inference.js';

const [url = 'ws://127.0.0.1:9944', jobs = '200', redundancy = '1', submitters = '4'] = process.argv.slice(2);
const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
try {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const pairs = DEV_ACCOUNTS.slice(0, Number(submitters)).map((name) => keyring.addFromUri(`//${name}`));
  const mlp = fixture('mlp');
  if ((await api.query.inference.models(mlp.hash)).isNone) {
    const { dispatchError } = await signAndWaitFinalized(
      api, api.tx.inference.registerModel(mlp.onnx, mlp.metadata), pairs[0], 120_000,
    );
    if (dispatchError) throw new Error(dispatchErrorName(api, dispatchError));
  }
  const figures = await burst(api, {
    model: mlp, submitters: pairs, count: Number(jobs), redundancy: Number(redundancy), timeoutMs: 600_000,
  });
  console.log(describeBurst(figures, Number(redundancy)));
  console.log(JSON.stringify(figures));
} finally {
  await api.disconnect();
}
