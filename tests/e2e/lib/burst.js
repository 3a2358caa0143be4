// A burst of inference jobs, as a busy dApp sends them: many submissions from several accounts
// within a few blocks, then every job followed to its end. Shared by the end-to-end tests (which
// assert that every job ends finalised) and `burst.js` (which only prints the figures).

import { submittedJobId } from './inference.js';
import { quantile } from './load.js';

/** Milliseconds of the chain's timestamp at block `number`. */
async function timestampAt(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  return (await api.query.timestamp.now.at(hash)).toNumber();
}

/**
 * Submits `count` jobs of `model` (a fixture: `hash`, `inputs`) at `redundancy`, round-robin from
 * `submitters` (keyring pairs), each account's transactions back to back with explicit nonces.
 * Follows each submission to finality, then waits until every job ended or `timeoutMs` passed. Returns the figures:
 * `{ submitted, finalized, failed, unfinished, submitBlocks, blocks: { median, p95, max },
 *    seconds, jobsPerSecond }`, where `blocks` counts from the block that included a job to the
 * block that ended it, and `seconds` from the first inclusion to the last end (chain time).
 */
export async function burst(api, { model, submitters, count, redundancy, timeoutMs }) {
  const fee = api.consts.inference.attestationFee.toBigInt() * BigInt(redundancy);
  const nonces = await Promise.all(
    submitters.map(async (pair) => (await api.query.system.account(pair.address)).nonce.toNumber()),
  );
  const included = await Promise.all(Array.from({ length: count }, (_, i) => {
    const who = i % submitters.length;
    const nonce = nonces[who]++;
    const tx = api.tx.inference.submitJob(model.hash, model.inputs, redundancy, fee);
    return new Promise((resolve, reject) => {
      let unsubscribe = () => {};
      // Finalised, not just in a block: on a testnet a block can be retracted, and the job ids
      // of its submissions change when they are included again.
      tx.signAndSend(submitters[who], { nonce }, ({ status, events, dispatchError }) => {
        if (!status.isFinalized) return;
        unsubscribe();
        if (dispatchError) {
          reject(new Error(`submission ${i}: ${dispatchError.toString()}`));
          return;
        }
        api.rpc.chain.getHeader(status.asFinalized)
          .then((header) => resolve({ jobId: submittedJobId(events), block: header.number.toNumber() }))
          .catch(reject);
      }).then((u) => { unsubscribe = u; }, reject);
    });
  }));

  const deadline = Date.now() + timeoutMs;
  const ended = new Map();
  while (ended.size < included.length && Date.now() < deadline) {
    const open = included.filter(({ jobId }) => !ended.has(jobId));
    const jobs = await api.query.inference.jobs.multi(open.map(({ jobId }) => jobId));
    jobs.forEach((job, k) => {
      if (job.isNone) return;
      const { phase } = job.unwrap();
      if (phase.isFinalized) ended.set(open[k].jobId, { finalized: true, at: phase.asFinalized.at.toNumber() });
      if (phase.isFailed) ended.set(open[k].jobId, { finalized: false, at: phase.asFailed.at.toNumber() });
    });
    if (ended.size < included.length) await new Promise((r) => setTimeout(r, 1000));
  }

  const blocks = included
    .filter(({ jobId }) => ended.has(jobId))
    .map(({ jobId, block }) => ended.get(jobId).at - block)
    .sort((a, b) => a - b);
  const firstIncluded = Math.min(...included.map(({ block }) => block));
  const lastEnded = Math.max(...[...ended.values()].map(({ at }) => at));
  const seconds = ended.size > 0
    ? ((await timestampAt(api, lastEnded)) - (await timestampAt(api, firstIncluded))) / 1000
    : NaN;
  const finalized = [...ended.values()].filter((e) => e.finalized).length;
  return {
    submitted: included.length,
    finalized,
    failed: ended.size - finalized,
    unfinished: included.length - ended.size,
    submitBlocks: Math.max(...included.map(({ block }) => block)) - firstIncluded + 1,
    blocks: { median: quantile(blocks, 0.5), p95: quantile(blocks, 0.95), max: blocks.at(-1) },
    seconds,
    jobsPerSecond: finalized / seconds,
  };
}

/** One line of figures, for logs and `t.diagnostic`. */
export function describeBurst(figures, redundancy) {
  const { submitted, finalized, failed, unfinished, submitBlocks, blocks, seconds, jobsPerSecond } = figures;
  return `${submitted} jobs at redundancy ${redundancy} submitted over ${submitBlocks} blocks: `
    + `${finalized} finalised, ${failed} failed, ${unfinished} unfinished; blocks from inclusion to end: `
    + `median ${blocks.median}, p95 ${blocks.p95}, max ${blocks.max}; `
    + `${seconds.toFixed(1)} s of chain time, ${jobsPerSecond.toFixed(2)} jobs finalised per second`;
}
