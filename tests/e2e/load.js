// Prints the figures of a sustained load of a running chain (`scripts/bench/chain.sh` starts
// one), from many accounts at once, in one run: first balance transfers, then inference jobs,
// each keeping the transaction pool full for a number of blocks. Transfers and jobs per second
// at saturation (and their ratio), blocks and seconds from a job's inclusion to its end (median,
// 95th percentile), and what the blocks carried, to see what saturates. Figures only: nothing is
// asserted on time.
// Usage: node load.js <ws-url> [redundancy=1] [accounts=64] [transfer-blocks=10] [job-blocks=30]
//   [jobs-per-block]: jobs offered per block instead of keeping the pool full of them
// OPG_LOAD_PIDS (space-separated node process ids, optional) adds each phase's node CPU.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { fixture } from './lib/inference.js';
import {
  BlockRecorder,
  blockProfile,
  capacityPerBlock,
  cpuMillis,
  fund,
  loadAccounts,
  presignRoundRobin,
  quantile,
  ratePerSecond,
  saturate,
  timeline,
  TIMELINE_COLUMNS,
} from './lib/load.js';

const [url = 'ws://127.0.0.1:9944', redundancy = '1', accountCount = '64', transferBlocks = '10', jobBlocks = '30', jobRate] =
  process.argv.slice(2);
const jobsPerBlock = jobRate === undefined || jobRate === '' ? Infinity : Number(jobRate);
const OPG = 10n ** 18n;
/** What each load account starts with: fees of thousands of transactions and jobs. */
const FUNDS = 1_000n * OPG;
/** Blocks of transactions signed beyond the sending window, for the blocks the pool fills ahead. */
const SPARE_BLOCKS = 4;
/** The most transactions signed for one phase. */
const MAX_SIGNED = 60_000;
/** How long the jobs still running after the sending window may take to end. */
const JOBS_END_TIMEOUT_MS = 600_000;
const pids = (process.env.OPG_LOAD_PIDS ?? '').split(/\s+/).filter(Boolean);

/** Node CPU (cores used: CPU time over wall time, summed over `pids`) while `run` runs. */
async function measured(run) {
  const cpu = async () => (await Promise.all(pids.map(cpuMillis))).reduce((a, b) => a + b, 0);
  const [cpuBefore, wallBefore] = [await cpu(), Date.now()];
  const result = await run();
  const cores = pids.length > 0 ? (await cpu() - cpuBefore) / (Date.now() - wallBefore) : null;
  return { ...result, nodeCores: cores };
}

/**
 * The transactions of a phase of `blocks` blocks, signed round-robin by `accounts` (`callOf(who)`:
 * encoded call): as many as the blocks hold by weight (or `rate` a block), and some to spare.
 * Returns `{ signed, capacity }`, `capacity` being the transactions a block holds by weight.
 */
async function presignPhase(api, accounts, callOf, blocks, rate = Infinity) {
  const [probe] = await presignRoundRobin(api, accounts, callOf, 1);
  const { perBlock } = await capacityPerBlock(api, probe);
  const count = Math.min(MAX_SIGNED, Math.min(rate, perBlock) * (blocks + SPARE_BLOCKS));
  return { signed: await presignRoundRobin(api, accounts, callOf, count), capacity: perBlock };
}

/** Waits until every job of `jobIds` ended (finalised or failed) in a block the recorder read. */
async function jobsEnded(recorder, jobIds) {
  const open = new Set(jobIds);
  const close = (record) => [...record.finalized, ...record.failed].forEach((id) => open.delete(id));
  recorder.blocks.forEach(close);
  if (open.size === 0) return;
  await recorder.waitFor((record) => {
    close(record);
    return open.size === 0;
  }, JOBS_END_TIMEOUT_MS, `${open.size} jobs to end`);
}

/** Job figures of the blocks from `first` on: ends, latencies and rates. */
function jobFigures(recorder, { first, last }) {
  const submittedAt = new Map();
  const endedAt = new Map();
  const failures = {};
  const refused = {};
  for (const [number, record] of recorder.blocks) {
    if (number < first) continue;
    Object.entries(record.refused).forEach(([error, n]) => { refused[error] = (refused[error] ?? 0) + n; });
    record.submitted.forEach((id) => submittedAt.set(id, number));
    record.finalized.forEach((id) => endedAt.set(id, { number, finalized: true }));
    record.failed.forEach((id) => endedAt.set(id, { number, finalized: false }));
    Object.entries(record.failures).forEach(([reason, n]) => { failures[reason] = (failures[reason] ?? 0) + n; });
  }
  const timestamp = (number) => recorder.blocks.get(number).timestamp;
  const finalized = [...submittedAt].filter(([id]) => endedAt.get(id)?.finalized);
  const blocks = finalized.map(([id, at]) => endedAt.get(id).number - at).sort((a, b) => a - b);
  const seconds = finalized
    .map(([id, at]) => (timestamp(endedAt.get(id).number) - timestamp(at)) / 1000)
    .sort((a, b) => a - b);
  const ours = (record) => record.finalized.filter((id) => submittedAt.has(id)).length;
  // Steady state: from the first block that finalised one of them to the end of the sending
  // window, while the pipeline is full.
  const firstEnd = [...recorder.blocks.values()].find((r) => r.number >= first && ours(r) > 0)?.number;
  const lastEnd = Math.max(...[...endedAt.values()].map(({ number }) => number));
  return {
    submitted: submittedAt.size,
    finalized: finalized.length,
    failed: [...submittedAt.keys()].filter((id) => endedAt.get(id)?.finalized === false).length,
    failures,
    refused,
    blocks: { median: quantile(blocks, 0.5), p95: quantile(blocks, 0.95), max: blocks.at(-1) },
    seconds: { median: quantile(seconds, 0.5), p95: quantile(seconds, 0.95), max: seconds.at(-1) },
    steadyWindow: firstEnd !== undefined && firstEnd < last ? [firstEnd, last] : null,
    steadyPerSecond: firstEnd !== undefined && firstEnd < last ? ratePerSecond(recorder, firstEnd, last, ours) : NaN,
    overallPerSecond: ratePerSecond(recorder, first, lastEnd, ours),
  };
}

/** The figures as lines for people. */
function describe({ redundancy: r, accounts, transfers, jobs, ratio, timeline: { columns, rows } }) {
  const profile = ({ extrinsics, length, normal, mandatory, agendaLag, attestorJobs, commitItems, revealItems }) =>
    `extrinsics ${extrinsics.median} (max ${extrinsics.max}), length ${length.median} B (max ${length.max}), `
    + `weight normal ${normal.median} (max ${normal.max}) mandatory ${mandatory.median} (max ${mandatory.max}) of the block, `
    + `agenda lag ${agendaLag.median} (max ${agendaLag.max}) blocks, jobs per attestor ${attestorJobs.median} (max ${attestorJobs.max}), `
    + `commit items ${commitItems.median} (max ${commitItems.max}), reveal items ${revealItems.median} (max ${revealItems.max})`;
  const cores = (c) => (c === null ? '' : `; node CPU ${c.toFixed(2)} cores`);
  const sending = ({ sent, lost, rejected, exhausted, capacityPerBlock }) =>
    `${sent} sent, ${lost} lost, ${Object.values(rejected).reduce((a, b) => a + b, 0)} refused by the pool`
    + `${exhausted ? ', SIGNED TRANSACTIONS RAN OUT (pool not kept full)' : ''}; a block holds ${capacityPerBlock} by weight`;
  return [
    `load of ${accounts} accounts, redundancy ${r}, jobs ${Number.isFinite(jobs.rate) ? `offered at ${jobs.rate} a block` : 'keeping the pool full'}`,
    `transfers: ${transfers.perSecond.toFixed(1)} per second over blocks #${transfers.first}..#${transfers.last} `
      + `(${sending(transfers)})${cores(transfers.nodeCores)}; per block: ${profile(transfers.profile)}`,
    `jobs: ${jobs.submitted} submitted, ${jobs.finalized} finalised, ${jobs.failed} failed ${JSON.stringify(jobs.failures)}, `
      + `submissions refused ${JSON.stringify(jobs.refused)}; `
      + `${jobs.steadyPerSecond.toFixed(2)} finalised per second in the steady window `
      + `${jobs.steadyWindow ? `#${jobs.steadyWindow[0]}..#${jobs.steadyWindow[1]}` : '(none)'}, `
      + `${jobs.overallPerSecond.toFixed(2)} over the whole run (${sending(jobs)})${cores(jobs.nodeCores)}`,
    `jobs: from inclusion to end: blocks median ${jobs.blocks.median}, p95 ${jobs.blocks.p95}, max ${jobs.blocks.max}; `
      + `seconds median ${jobs.seconds.median}, p95 ${jobs.seconds.p95}, max ${jobs.seconds.max}`,
    `jobs: per block of the sending window: ${profile(jobs.profile)}`,
    `jobs per second : transfers per second = ${ratio.toFixed(4)}`,
    'per block:',
    columns.join('\t'),
    ...rows.map((row) => row.join('\t')),
  ].join('\n');
}

await cryptoWaitReady();
const provider = new WsProvider(url);
const api = await ApiPromise.create({ provider, noInitWarn: true });
let recorder;
try {
  const r = Number(redundancy);
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const accounts = loadAccounts(Number(accountCount));
  await fund(api, alice, accounts, FUNDS);
  const mlp = fixture('mlp');
  if ((await api.query.inference.models(mlp.hash)).isNone) {
    const { dispatchError } = await signAndWaitFinalized(
      api, api.tx.inference.registerModel(mlp.onnx, mlp.metadata), alice, 120_000,
    );
    if (dispatchError) throw new Error(`registering the model: ${dispatchErrorName(api, dispatchError)}`);
  }
  recorder = await BlockRecorder.start(api, new Set(accounts.map(({ publicKey }) => u8aToHex(publicKey))));

  const transferCalls = accounts.map((_, who) =>
    api.tx.balances.transferKeepAlive(accounts[(who + 1) % accounts.length].address, 1n).method.toU8a());
  const transferTxs = await presignPhase(api, accounts, (who) => transferCalls[who], Number(transferBlocks));
  const transferPhase = await measured(() => saturate(provider, recorder, {
    signed: transferTxs.signed,
    accounts: accounts.length,
    perBlock: transferTxs.capacity,
    included: (record) => record.transfers,
    blocks: Number(transferBlocks),
  }));
  const transfers = {
    ...transferPhase,
    capacityPerBlock: transferTxs.capacity,
    perSecond: ratePerSecond(recorder, transferPhase.first, transferPhase.last, (record) => record.transfers),
    profile: blockProfile(api, recorder, transferPhase.first, transferPhase.last),
  };

  const fee = api.consts.inference.attestationFee.toBigInt() * BigInt(r);
  const jobCall = api.tx.inference.submitJob(mlp.hash, mlp.inputs, r, fee).method.toU8a();
  const jobTxs = await presignPhase(api, accounts, () => jobCall, Number(jobBlocks), jobsPerBlock);
  const jobPhase = await measured(async () => {
    const phase = await saturate(provider, recorder, {
      signed: jobTxs.signed,
      accounts: accounts.length,
      perBlock: jobTxs.capacity,
      rate: jobsPerBlock,
      // A submission refused by admission control is included too: it used its nonce.
      included: (record) => record.submitted.length + record.refusedOurs,
      blocks: Number(jobBlocks),
    });
    const submitted = [];
    for (const [number, record] of recorder.blocks) if (number >= phase.first) submitted.push(...record.submitted);
    await jobsEnded(recorder, submitted);
    return phase;
  });
  const jobs = {
    ...jobPhase,
    rate: jobsPerBlock,
    capacityPerBlock: jobTxs.capacity,
    ...jobFigures(recorder, jobPhase),
    profile: blockProfile(api, recorder, jobPhase.first, jobPhase.last),
  };

  const figures = {
    redundancy: r,
    accounts: accounts.length,
    transfers,
    jobs,
    ratio: jobs.steadyPerSecond / transfers.perSecond,
    timeline: { columns: TIMELINE_COLUMNS, rows: timeline(api, recorder, transfers.first, recorder.last.number) },
  };
  console.log(describe(figures));
  console.log(JSON.stringify(figures));
} finally {
  recorder?.stop();
  await api.disconnect();
}
