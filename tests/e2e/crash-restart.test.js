// Crash and restart of the only validator of `opg-node --dev`: the node is killed with SIGKILL
// at chosen points of a job's life and started again on the same base path and ports. With a
// single validator at redundancy 1 the chain stops while the node is down, so each kill point is
// reproducible. After the restart every job submitted before the kill must be finalised with the
// fixture's reference output, the validator having committed once and revealed once per job,
// its reveal opening its commitment (no mismatch, no skipped item, no fault or absence charged).
//
// The worker reaches the node's inference service through a tap (lib/inference-tap.js, given as
// `--inference-endpoint`), which shows when a result is computed and can keep it from the
// worker. (The service's Prometheus counters tell the same, but too late: the worker has sent
// its commitment within milliseconds of the answer, before a poll of /metrics sees it.)
//
// Each kill point submits one job, then two (the pair) in the next block, so at the kill the
// job ahead is usually a step ahead of the pair. The kill points, with the signals they wait for:
// - A, after computing: the service answered the pair, the worker stored the outcomes and
//   sent its commitment to the node's pool (`author_pendingExtrinsics`); the commitment is in
//   no block and dies with the pool.
// - B, after committing: the block whose events hold the validator's `Committed` for the pair
//   was imported (new-heads subscription, then that block's events). At redundancy 1 the same
//   block opens their reveals; whether the worker's run for it sent the reveal before the kill
//   is up to the race (it usually has: that run has no inference to wait for).
// - C, before revealing: the pair is in the reveal phase (`inference.jobs` storage) and the
//   worker's `reveal` transaction is in the pool; it is in no block and dies with the pool.
// - A, earlier: the service answered the pair but the tap keeps the answers from the worker,
//   so the worker dies in the middle of its run, having stored and sent nothing.
// A, B and C kill the node between two runs of its worker (its storage lock is free: the run
// that sent a transaction frees it milliseconds later, the next starts at the next block); the
// earlier A kills it in the middle of one.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToHex, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { InferenceTap } from './lib/inference-tap.js';
import { fixture, maxUlps, waitForJobEnd } from './lib/inference.js';
import {
  OpgNode, bestNumber, logTailsOnFailure, waitForBest, waitForFinalized,
} from './lib/node.js';

const WAIT_MS = 120_000;
/** Long enough for a job to run out of rounds, so that a lost job shows how it ended. */
const JOB_MS = 300_000;
const TEST_TIMEOUT_MS = 480_000;
/** How long a kill point may take to come once its jobs are submitted: a handful of blocks. */
const KILL_POINT_MS = 60_000;
/** `COMMITMENT_DOMAIN` of the primitives: the first bytes of every commitment preimage. */
const COMMITMENT_DOMAIN = stringToU8a('opg/commit/v1');
/** The worker's storage lock and its records, in the node's persistent offchain storage. */
const OCW_LOCK_KEY = stringToHex('opg/inference/ocw-lock');
const OCW_RECORD_PREFIX = stringToU8a('opg/inference/attestation');
/** The economics pallet's events that charge a validator. */
const CHARGES = ['AbsenceRecorded', 'OffenceQueued', 'OffenceReported'];

describe('crash and restart of the validator of opg-node --dev', () => {
  let tap;
  let node;
  let api;
  let alice;
  let mlp;

  before(async () => {
    await cryptoWaitReady();
    tap = await InferenceTap.start();
    // The worker's debug log says when a run finds the previous run's lock still held.
    node = await OpgNode.start('Crash', [
      '--dev', '--inference-endpoint', tap.url, '--log', 'runtime::inference::ocw=debug',
    ]);
    tap.target = node.inferenceUrl;
    api = node.api;
    alice = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 }).addFromUri('//Alice');
    await waitForFinalized(api, 1, WAIT_MS);
    mlp = fixture('mlp');
    const { dispatchError } = await signAndWaitFinalized(
      api, api.tx.inference.registerModel(mlp.onnx, mlp.metadata), alice, WAIT_MS,
    );
    assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
  });

  afterEach(logTailsOnFailure(() => (node ? [node] : [])));

  after(async () => {
    await node?.dispose();
    await tap?.close();
  });

  /** Submits `count` MLP jobs in one transaction; resolves once it is in a block, with their ids. */
  function submitJobs(count) {
    const fee = api.consts.inference.attestationFee.toBigInt();
    const calls = Array.from({ length: count }, () => api.tx.inference.submitJob(mlp.hash, mlp.inputs, 1, fee));
    const tx = count === 1 ? calls[0] : api.tx.utility.batchAll(calls);
    return new Promise((resolve, reject) => {
      let unsubscribe;
      let settled = false;
      const settle = (outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe?.();
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(new Error(
        `the submission of ${count} jobs was not in a block within ${WAIT_MS} ms`,
      ))), WAIT_MS);
      tx.signAndSend(alice, ({ status, events, dispatchError }) => {
        if (!status.isInBlock) return;
        if (dispatchError) {
          settle(() => reject(new Error(`submitJob: ${dispatchErrorName(api, dispatchError)}`)));
          return;
        }
        settle(() => resolve(events
          .filter(({ event }) => api.events.inference.JobSubmitted.is(event))
          .map(({ event }) => event.data.jobId.toBigInt())));
      }).then((u) => {
        unsubscribe = u;
        if (settled) u();
      }, (err) => settle(() => reject(err)));
    });
  }

  /**
   * The scenario of one kill point: a job, a pair of jobs in the next block, `killPoint({ pair,
   * answered })` (which kills the node at its moment and resolves with `{ at, signal }`;
   * `answered`: the tap's count before the submissions), restart, every job to its end, then
   * their whole life checked. Returns what the kill point's own assertions need.
   */
  async function crashAndRestart(t, killPoint) {
    const from = await bestNumber(api);
    const answered = tap.answered;
    const ahead = await submitJobs(1);
    const pair = await submitJobs(2);
    const jobs = [...ahead, ...pair];

    const { at: killedAt, signal } = await killPoint({ pair, answered });
    tap.release();
    t.diagnostic(`killed at ${signal}`);
    await node.restart();
    api = node.api;
    t.diagnostic(`restarted ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
    // What the worker kept through the crash, read before the restarted node's first block.
    const records = await Promise.all(pair.map(async (id) => `job ${id}: ${await workerRecord(id)}`));
    t.diagnostic(`the worker's records: ${records.join('; ')}`);
    const lock = await staleLock();
    if (lock) t.diagnostic(`the worker's lock outlived the crash: ${lock}`);

    const ended = await Promise.all(jobs.map((id) => waitForJobEnd(api, id, JOB_MS)));
    const to = Math.max(...ended.map(({ phase }) => (phase.isFinalized ? phase.asFinalized : phase.asFailed).at.toNumber()));
    // Offences are reported a block or two after the round that queued them.
    await waitForBest(api, to + 2, WAIT_MS);
    const life = await lifeOf(jobs, from, to + 2);
    t.diagnostic(jobs.map((id, i) => `job ${id} ${ended[i].phase.type}: ${describeLife(life, id)}`).join('; '));

    ended.forEach(({ phase }, i) => {
      assert.ok(phase.isFinalized, `job ${jobs[i]} was finalised, not ${phase.toString()}; its life: `
        + `${describeLife(life, jobs[i])}; charges: ${life.charges.join(', ') || 'none'}`);
    });
    jobs.forEach((id, i) => checkLife(life, id, ended[i]));
    assert.deepEqual(life.charges, [], 'no fault, absence or offence charged');
    return { pair, life, killedAt };
  }

  /** The worker's record of its attestation of job `id`, as the restarted node finds it. */
  async function workerRecord(id) {
    const job = (await api.query.inference.jobs(id)).unwrap();
    const key = u8aConcat(
      OCW_RECORD_PREFIX, api.createType('u64', id).toU8a(), job.round.toU8a(), job.assignments[0].attestor.toU8a(),
    );
    const value = await node.rpc('offchain_localStorageGet', ['PERSISTENT', u8aToHex(key)]);
    if (!value) return 'nothing stored';
    // `Attestation { outcome, salt, committed_at, revealed_at }` of the pallet's worker.
    const revealType = api.tx.inference.reveal.meta.args[0].type.toString().replace(/^Vec<(.*)>$/, '$1');
    const outcomeType = api.createType(revealType).Type.outcome;
    const [, , committedAt, revealedAt] = api.createType(`(${outcomeType}, [u8; 32], Option<u32>, Option<u32>)`, value);
    const sent = (at) => (at.isSome ? `sent at #${at.unwrap()}` : 'not sent');
    return `outcome stored, commitment ${sent(committedAt)}, reveal ${sent(revealedAt)}`;
  }

  /** The worker's lock as the restarted node finds it, if a run held it when the node died. */
  async function staleLock() {
    const value = await node.rpc('offchain_localStorageGet', ['PERSISTENT', OCW_LOCK_KEY]);
    if (!value) return null;
    const bytes = hexToU8a(value);
    if (bytes.length !== 12) return value;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    return `held until block #${view.getUint32(0, true)} `
      + `and ${new Date(Number(view.getBigUint64(4, true))).toISOString()}`;
  }

  /**
   * Everything that happened to `jobs` in blocks `from..=to`: the commit and reveal items
   * included (whether or not their extrinsic succeeded), the pallet's events about them, and
   * the economics pallet's charges.
   */
  async function lifeOf(jobs, from, to) {
    const ids = new Set(jobs);
    const life = { commits: new Map(), reveals: new Map(), events: new Map(), charges: [] };
    const push = (map, id, item) => map.set(id, [...(map.get(id) ?? []), item]);
    for (let number = from; number <= to; number += 1) {
      const hash = await api.rpc.chain.getBlockHash(number);
      const [{ block }, records, now] = await Promise.all([
        api.rpc.chain.getBlock(hash), api.query.system.events.at(hash), api.query.timestamp.now.at(hash),
      ]);
      const time = now.toNumber();
      block.extrinsics.forEach((xt, index) => {
        const { section, method, args } = xt.method;
        if (section !== 'inference' || (method !== 'commit' && method !== 'reveal')) return;
        const ok = records.some(({ phase, event }) => phase.isApplyExtrinsic
          && phase.asApplyExtrinsic.toNumber() === index && api.events.system.ExtrinsicSuccess.is(event));
        for (const item of args[0]) {
          if (method === 'commit') {
            const id = item[0].toBigInt();
            if (ids.has(id)) push(life.commits, id, { block: number, time, ok, commitment: item[1].toHex() });
          } else {
            const id = item.jobId.toBigInt();
            if (ids.has(id)) push(life.reveals, id, { block: number, time, ok, outcome: item.outcome, salt: item.salt });
          }
        }
      });
      for (const { event } of records) {
        if (event.section === 'inference' && event.data.jobId && ids.has(event.data.jobId.toBigInt())) {
          push(life.events, event.data.jobId.toBigInt(), { block: number, time, event });
        }
        if (event.section === 'attestationEconomics' && CHARGES.includes(event.method)) {
          life.charges.push(`#${number} ${event.method} ${JSON.stringify(event.data.toHuman())}`);
        }
      }
    }
    return life;
  }

  /** The pallet's events about job `id`, as `#block Method` items, for messages. */
  function describeLife(life, id) {
    return (life.events.get(id) ?? [])
      .map(({ block, event }) => `#${block} ${event.method}${event.method === 'AttestationSkipped'
        ? ` (${dispatchErrorName(api, event.data.error)})` : ''}${event.method === 'JobFailed'
        ? ` (${event.data.reason.toString()})` : ''}`)
      .join(', ');
  }

  /**
   * Job `id` was committed to once and revealed once, by the one attestor it was assigned, the
   * reveal opening the commitment; its finalised result is the revealed outcome and the
   * fixture's reference output.
   */
  function checkLife(life, id, { job, result }) {
    const events = (life.events.get(id) ?? []).map(({ event }) => event);
    const named = (name) => events.filter((event) => event.method === name);
    const story = describeLife(life, id);
    const [assigned, ...reassigned] = named('AttestorsAssigned');
    assert.ok(assigned && reassigned.length === 0, `job ${id}: assigned once (${story})`);
    assert.equal(assigned.data.attestors.length, 1);
    const attestor = assigned.data.attestors[0];
    assert.equal(named('JobEscalated').length, 0, `job ${id}: not escalated (${story})`);

    const commits = life.commits.get(id) ?? [];
    const reveals = life.reveals.get(id) ?? [];
    assert.equal(commits.length, 1, `job ${id}: one commitment included, not ${commits.length} (${story})`);
    assert.equal(reveals.length, 1, `job ${id}: one reveal included, not ${reveals.length} (${story})`);
    assert.ok(commits[0].ok && reveals[0].ok, `job ${id}: the commit and reveal extrinsics succeeded`);
    assert.equal(named('Committed').length, 1, `job ${id}: one Committed event (${story})`);
    assert.equal(named('Revealed').length, 1, `job ${id}: one Revealed event (${story})`);
    assert.ok(named('Committed')[0].data.attestor.eq(attestor) && named('Revealed')[0].data.attestor.eq(attestor),
      `job ${id}: committed and revealed by its attestor ${attestor}`);
    assert.equal(named('RevealMismatched').length, 0, `job ${id}: no mismatched reveal (${story})`);
    assert.equal(named('AttestationSkipped').length, 0, `job ${id}: no skipped attestation (${story})`);

    // The reveal opens the commitment: blake2_256 of the preimage laid out in the primitives.
    const [{ commitment }] = commits;
    const [{ outcome, salt }] = reveals;
    const preimage = u8aConcat(
      COMMITMENT_DOMAIN,
      new Uint8Array([0x80]), attestor.toU8a(),
      api.createType('u64', id).toU8a(),
      outcome.toU8a(),
      salt.toU8a(),
    );
    assert.equal(blake2AsHex(preimage, 256), commitment, `job ${id}: the revealed outcome and salt open the commitment`);
    assert.equal(u8aToHex(job.assignments[0].commitment.unwrap()), commitment, `job ${id}: the chain kept that commitment`);
    assert.ok(job.assignments[0].reveal.isValid, `job ${id}: its reveal is Valid`);

    // The finalised result is the revealed outcome, and the reference output.
    const [finalized] = named('JobFinalized');
    assert.equal(finalized.data.resultHash.toHex(), blake2AsHex(outcome.toU8a(), 256),
      `job ${id}: the result hash is the revealed outcome's`);
    assert.ok(outcome.isSuccess && result?.isSuccess, `job ${id}: a successful output`);
    assert.equal(u8aToHex(result.toU8a()), u8aToHex(outcome.toU8a()), `job ${id}: the result is the revealed outcome`);
    assert.equal(result.asSuccess.length, mlp.reference.length);
    result.asSuccess.forEach((tensor, i) => {
      const ulps = maxUlps(tensor, mlp.reference[i]);
      assert.ok(ulps <= mlp.policy.max_ulps, `job ${id}, output ${i}: ${ulps} ULP from onnxruntime`);
    });
  }

  /** The ids of the jobs covered by `inference.<method>` transactions in the node's pool. */
  async function pending(method) {
    const extrinsics = await node.rpc('author_pendingExtrinsics');
    return extrinsics.flatMap((hex) => {
      const xt = api.createType('Extrinsic', hex);
      if (xt.method.section !== 'inference' || xt.method.method !== method) return [];
      return [...xt.method.args[0]].map((item) => (method === 'commit' ? item[0] : item.jobId).toBigInt());
    });
  }

  /** Polls `check` every `intervalMs` until it returns a value; throws after `KILL_POINT_MS`. */
  async function poll(what, check, intervalMs = 10) {
    const deadline = Date.now() + KILL_POINT_MS;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${KILL_POINT_MS} ms`);
      await delay(intervalMs);
    }
  }

  /**
   * Kills the node as soon as no run of its worker is in progress (its storage lock is free);
   * returns the time of the signal.
   */
  async function killBetweenRuns() {
    const locked = () => node.rpc('offchain_localStorageGet', ['PERSISTENT', OCW_LOCK_KEY]);
    await poll('end of the worker run', async () => !(await locked()), 2);
    return node.kill();
  }

  /**
   * Resolves at the import of the first block whose events hold `Committed` for `jobs`, with
   * its number and the count of those events.
   */
  function committedIn(jobs) {
    return new Promise((resolve, reject) => {
      let done = false;
      let unsubscribe;
      const finish = (err, value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        unsubscribe?.();
        if (err) reject(err);
        else resolve(value);
      };
      const timer = setTimeout(
        () => finish(new Error(`no Committed event for the jobs ${jobs.join(', ')} within ${KILL_POINT_MS} ms`)),
        KILL_POINT_MS,
      );
      api.rpc.chain.subscribeNewHeads((header) => {
        if (done) return;
        api.query.system.events.at(header.hash).then((records) => {
          const committed = records.filter(({ event }) => api.events.inference.Committed.is(event)
            && jobs.includes(event.data.jobId.toBigInt())).length;
          if (committed > 0) finish(null, { number: header.number.toNumber(), committed });
        }, finish);
      }).then((u) => {
        unsubscribe = u;
        if (done) u();
      }, finish);
    });
  }

  /** The requests the worker is waiting for, as a note for the kill point's signal. */
  const inFlight = () => `${tap.received - tap.delivered} inference requests in flight`;

  /** The pair's commitments landed after the restart. */
  function assertKilledBeforeCommit({ pair, life, killedAt }) {
    for (const id of pair) {
      const [commit] = life.commits.get(id);
      assert.ok(commit.time > killedAt, `job ${id}: its commitment landed after the restart, in #${commit.block}`);
    }
  }

  /** The pair was committed to before the kill and revealed after the restart. */
  function assertKilledBetweenCommitAndReveal({ pair, life, killedAt }) {
    for (const id of pair) {
      const [commit] = life.commits.get(id);
      const [reveal] = life.reveals.get(id);
      assert.ok(commit.time < killedAt, `job ${id}: committed before the kill, in #${commit.block}`);
      assert.ok(reveal.time > killedAt, `job ${id}: revealed after the restart, in #${reveal.block}`);
    }
  }

  it('A: killed after computing, its commitment sent but in no block', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assertKilledBeforeCommit(await crashAndRestart(t, async ({ pair }) => {
      await poll(`commitment of the jobs ${pair.join(', ')} in the pool`,
        async () => (await pending('commit')).filter((id) => pair.includes(id)).length === pair.length);
      const note = inFlight();
      const signal = `the commitment of the jobs ${pair.join(', ')} in the pool (${note})`;
      return { at: await killBetweenRuns(), signal };
    }));
  });

  it('B: killed right after the block with its commitment is imported', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assertKilledBetweenCommitAndReveal(await crashAndRestart(t, async ({ pair }) => {
      const { number, committed } = await committedIn(pair);
      const note = inFlight();
      const signal = `the import of #${number}, with ${committed} Committed events (${note})`;
      return { at: await killBetweenRuns(), signal };
    }));
  });

  it('C: killed in the reveal phase, its reveal sent but in no block', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assertKilledBetweenCommitAndReveal(await crashAndRestart(t, async ({ pair }) => {
      await poll(`reveal of the jobs ${pair.join(', ')} in the pool, in the reveal phase`, async () => {
        const jobs = await api.query.inference.jobs.multi(pair);
        if (!jobs.every((job) => job.isSome && job.unwrap().phase.isRevealing)) return false;
        return (await pending('reveal')).filter((id) => pair.includes(id)).length === pair.length;
      });
      const note = inFlight();
      const signal = `the reveal phase of the jobs ${pair.join(', ')}, their reveal in the pool (${note})`;
      return { at: await killBetweenRuns(), signal };
    }));
  });

  // A worker run killed half-way leaves its storage lock (opg/inference/ocw-lock) behind; the
  // node removes it at start, or the restarted worker would skip every run for 20 blocks and
  // 120 s, longer than the commit and reveal windows, and the jobs would fail.
  it('A, earlier: killed after computing, before the worker got the answers', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assertKilledBeforeCommit(await crashAndRestart(t, async ({ pair, answered }) => {
      // The job ahead is computed a block before the pair: its answer goes through.
      await tap.waitForAnswers(answered + 1, KILL_POINT_MS);
      tap.hold();
      await tap.waitForAnswers(answered + 1 + pair.length, KILL_POINT_MS);
      const note = inFlight();
      const signal = `the service's answers for the jobs ${pair.join(', ')}, kept from the worker (${note})`;
      return { at: await node.kill(), signal };
    }));
  });
});
