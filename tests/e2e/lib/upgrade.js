// Helpers of the runtime upgrade test (inference-testnet.test.js): the upgrade runtime's bytes,
// a stream of jobs one per block, and what the chain holds of them before and after.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';

import { dispatchErrorName } from './chain.js';
import { nodeBinary } from './node.js';

/** What runtime/build.rs names the upgrade runtime (`set_file_name`), compacted and compressed. */
const UPGRADE_BLOB = 'wasm_binary_upgrade.rs.compact.compressed.wasm';
/** The node's own runtime, built by the same build script run. */
const CURRENT_BLOB = 'opg_runtime.compact.compressed.wasm';

/** The in-code `STORAGE_VERSION` of each pallet, by its name in the runtime. */
export const STORAGE_VERSIONS = { Inference: 1, AttestationEconomics: 1 };
/** Events that charge a validator. */
const CHARGES = [
  ['attestationEconomics', 'AbsenceRecorded'],
  ['attestationEconomics', 'OffenceQueued'],
  ['attestationEconomics', 'OffenceReported'],
  ['staking', 'SlashReported'],
  ['offences', 'Offence'],
];

/**
 * The upgrade runtime's bytes: `OPG_UPGRADE_WASM`, or the file build.rs leaves in the target
 * directory next to `OPG_NODE` (`<target>/<profile>/wbuild/opg-runtime/`). Refuses a file older
 * than the node's own runtime there: it was built from an earlier source, by a build without
 * OPG_BUILD_UPGRADE_RUNTIME since.
 */
export function upgradeWasm() {
  const path = process.env.OPG_UPGRADE_WASM
    ?? join(dirname(nodeBinary()), 'wbuild', 'opg-runtime', UPGRADE_BLOB);
  if (!existsSync(path)) {
    throw new Error(
      `no upgrade runtime at ${path}: build opg-node with OPG_BUILD_UPGRADE_RUNTIME=1 ` +
        '(scripts/test.sh does), or point OPG_UPGRADE_WASM at it',
    );
  }
  const current = join(dirname(path), CURRENT_BLOB);
  if (existsSync(current) && statSync(path).mtimeMs < statSync(current).mtimeMs) {
    throw new Error(
      `${path} is older than ${current}: rebuild with OPG_BUILD_UPGRADE_RUNTIME=1 so that the ` +
        'upgrade runtime is built from the current source',
    );
  }
  return readFileSync(path);
}

/** The storage key of a pallet's on-chain storage version. */
export function storageVersionKey(pallet) {
  return u8aConcat(
    xxhashAsU8a(stringToU8a(pallet), 128),
    xxhashAsU8a(stringToU8a(':__STORAGE_VERSION__:'), 128),
  );
}

/**
 * The jobs' phases in the state after block `hash` (the best block if none): `counts` by phase
 * (`{ Committing: 2, ... }`) and the blocks the jobs waiting for attestors are drawn at.
 */
export async function phasesAt(api, hash) {
  const apiAt = hash ? await api.at(hash) : api;
  const counts = {};
  const drawnAt = new Set();
  for (const [, job] of await apiAt.query.inference.jobs.entries()) {
    const { phase } = job.unwrap();
    counts[phase.type] = (counts[phase.type] ?? 0) + 1;
    if (phase.isAssigning) drawnAt.add(phase.asAssigning.at.toNumber());
  }
  return { counts, drawnAt };
}

/**
 * Submits one job of `model` at redundancy 3 in every new best block, from `submitters` in turn
 * with explicit nonces, until `stop()`. Counts what becomes of each submission: `finalized`, or
 * `dropped` by the pool (a transaction signed for the old runtime is invalid once the new one is
 * enacted). The jobs themselves are read from the chain's events (`submittedJobs`).
 */
export function jobStream(api, model, submitters) {
  const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
  const outcomes = { sent: 0, finalized: 0, dropped: 0, failed: [] };
  let nonces;
  let stopped = false;
  let heads = Promise.resolve(() => {});
  const submit = () => {
    const who = outcomes.sent % submitters.length;
    const nonce = nonces[who]++;
    outcomes.sent += 1;
    let unsubscribe;
    let settled = false;
    const settle = () => {
      settled = true;
      unsubscribe?.();
    };
    api.tx.inference.submitJob(model.hash, model.inputs, 3, fee)
      .signAndSend(submitters[who], { nonce }, ({ status, dispatchError, isError }) => {
        if (settled) return;
        if (isError) {
          outcomes.dropped += 1;
          settle();
        } else if (status.isFinalized) {
          outcomes.finalized += 1;
          if (dispatchError) outcomes.failed.push(dispatchErrorName(api, dispatchError));
          settle();
        }
      })
      .then((u) => {
        unsubscribe = u;
        if (settled) u();
      }, (err) => outcomes.failed.push(err.message));
  };
  const started = (async () => {
    nonces = await Promise.all(
      submitters.map(async (pair) => (await api.query.system.account(pair.address)).nonce.toNumber()),
    );
    heads = api.rpc.chain.subscribeNewHeads(() => {
      if (!stopped) submit();
    });
    await heads;
  })();
  return {
    outcomes,
    submitters: submitters.map((pair) => pair.address),
    async stop() {
      stopped = true;
      await started;
      (await heads)();
    },
  };
}

/**
 * `{ jobId, block }` of every `inference.JobSubmitted` in finalised blocks `from` to `to`, and
 * the extrinsics that failed there, as `#block signer section.method: error`.
 */
export async function submittedJobs(api, from, to) {
  const jobs = [];
  const failed = [];
  for (let n = from; n <= to; n += 1) {
    const hash = await api.rpc.chain.getBlockHash(n);
    let block;
    for (const { event, phase } of await api.query.system.events.at(hash)) {
      if (api.events.inference.JobSubmitted.is(event)) jobs.push({ jobId: event.data.jobId.toBigInt(), block: n });
      if (api.events.system.ExtrinsicFailed.is(event)) {
        block ??= (await api.rpc.chain.getBlock(hash)).block;
        const { signer, method } = block.extrinsics[phase.asApplyExtrinsic.toNumber()];
        const error = dispatchErrorName(api, event.data.dispatchError);
        failed.push({ signer: signer.toString(), what: `#${n} ${signer} ${method.section}.${method.method}: ${error}` });
      }
    }
  }
  return { jobs, failed };
}

/** Every event in finalised blocks `from` to `to` that charges a validator, described. */
export async function validatorCharges(api, from, to) {
  const charged = [];
  for (let n = from; n <= to; n += 1) {
    const hash = await api.rpc.chain.getBlockHash(n);
    for (const { event } of await api.query.system.events.at(hash)) {
      if (CHARGES.some(([section, method]) => event.section === section && event.method === method)) {
        charged.push(`#${n} ${event.section}.${event.method} ${JSON.stringify(event.data.toHuman())}`);
      }
    }
  }
  return charged;
}

/**
 * Whether the metadata `after` differs from `before` only in the u32 `spec_version` (from
 * `previous` to `next`), as System's `Version` constant does when the same runtime is built one
 * `spec_version` up.
 */
export function differsOnlyInSpecVersion(before, after, previous, next) {
  if (after.length !== before.length) return false;
  const differ = [...before.keys()].filter((i) => before[i] !== after[i]);
  const u32At = (bytes, i) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(i, true);
  return [0, 1, 2, 3].map((k) => differ[0] - k).some((i) => i >= 0
    && differ.every((d) => d < i + 4)
    && u32At(before, i) === previous && u32At(after, i) === next);
}
