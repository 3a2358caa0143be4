// Verifiable inference on `opg-node --dev`: the node's own inference service computes the job,
// its off-chain worker commits and reveals, and the chain finalises the reference output. Bob
// nominates Alice from the start, and so does the dev preset's nomination pool, so the era that
// pays for these jobs pays them too: the last test claims it with `payoutStakers` and checks the
// split, as polkadot-js Apps shows it, the pool's share going to the pool's reward account.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { burst, describeBurst } from './lib/burst.js';
import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { fixture, hostileCorpus, maxUlps, submittedJobId, waitForJobEnd } from './lib/inference.js';
import {
  OpgNode, finalizedNumber, logTailsOnFailure, metricValue, nodeBinary, waitForFinalized, waitUntil,
} from './lib/node.js';
import { GENESIS_POOL, GENESIS_POOL_STAKE, eventsWith, poolAccounts } from './lib/pools.js';

const WAIT_MS = 120_000;
const JOB_MS = 180_000;
const TEST_TIMEOUT_MS = 420_000;
const OPG = 10n ** 18n;
/** Bob's nomination of Alice. */
const BOB_BOND = 2_000n * OPG;
/** Alice's commission, in parts per billion (Perbill): 10%. */
const ALICE_COMMISSION = 100_000_000n;
const BILLION = 1_000_000_000n;

describe('inference on opg-node --dev', () => {
  let node;
  let api;
  let keyring;
  let alice;
  let bob;
  let mlpJob;

  before(async () => {
    await cryptoWaitReady();
    node = await OpgNode.start('Dev', ['--dev']);
    api = node.api;
    // Addresses in the chain's own format, as the chain's answers show them.
    keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    await waitForFinalized(api, 1, WAIT_MS);
    // Staking set-up first, so that the next election already counts it.
    const results = await Promise.all([
      signAndWaitFinalized(api, api.tx.utility.batchAll([
        api.tx.staking.bond(BOB_BOND, { Staked: null }),
        api.tx.staking.nominate([alice.address]),
      ]), bob, WAIT_MS),
      signAndWaitFinalized(api, api.tx.staking.validate({ commission: ALICE_COMMISSION, blocked: false }), alice, WAIT_MS),
    ]);
    for (const { dispatchError } of results) {
      assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
    }
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
    const jobId = submittedJobId(events);
    const ended = await waitForJobEnd(api, jobId, JOB_MS);
    const endEvents = await api.query.system.events.at(ended.endedAt);
    return { ...ended, jobId, events: endEvents };
  }

  it('finalises the MLP reference output within its ULP policy', { timeout: TEST_TIMEOUT_MS }, async () => {
    const mlp = fixture('mlp');
    await register(mlp);
    const { phase, result, jobId, events } = await runJob(mlp);
    assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
    mlpJob = jobId;
    const points = api.consts.attestationEconomics.pointsPerAttestation.toNumber();
    assert.ok(
      events.some(({ event }) => api.events.attestationEconomics.AttestorsRewarded.is(event) &&
        event.data.jobId.toBigInt() === jobId && event.data.pointsEach.toNumber() === points),
      `Alice earned ${points} era points for job ${jobId}`,
    );
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

  it('lets anyone re-execute the finalised job with opg-node verify-job', { timeout: TEST_TIMEOUT_MS }, async () => {
    assert.notEqual(mlpJob, undefined, 'the MLP job ran');
    const run = promisify(execFile);
    const { stdout } = await run(nodeBinary(), ['verify-job', String(mlpJob), '--url', node.rpcUrl]);
    assert.match(stdout, /^agree: the local result matches the chain's/m);
    // A model file that is not the job's model is refused, with a non-zero exit.
    const wrongModel = fixture('int8').onnxPath;
    await assert.rejects(
      run(nodeBinary(), ['verify-job', String(mlpJob), '--url', node.rpcUrl, '--model', wrongModel]),
      (err) => err.code !== 0 && /does not hash to the job's model/.test(err.stderr),
    );
  });

  it('answers the inference_* JSON-RPC methods, with typed errors', { timeout: TEST_TIMEOUT_MS }, async () => {
    assert.notEqual(mlpJob, undefined, 'the MLP job ran');
    const mlp = fixture('mlp');
    const rpc = (method, params) => node.rpc(method, params);
    const job = await rpc('inference_job', [Number(mlpJob)]);
    assert.equal(job.id, Number(mlpJob));
    assert.equal(job.model, mlp.hash);
    assert.equal(job.submitter, alice.address, 'accounts in the chain\'s SS58 format');
    assert.equal(job.phase.phase, 'finalized');
    assert.deepEqual(job.attestors, [{ account: alice.address, committed: true, reveal: 'valid' }]);
    assert.equal(job.input[0].elementType, 'f32');
    assert.equal(job.maxFee, api.consts.inference.attestationFee.toString(), 'balances as decimal strings');
    assert.ok(job.result.success.length > 0);
    assert.equal(job.resultHash, (await api.call.inferenceApi.job(mlpJob)).unwrap().resultHash.unwrap().toHex());
    assert.equal(await rpc('inference_job', [999_999]), null, 'an unknown job is null');

    const model = await rpc('inference_model', [mlp.hash]);
    assert.equal(model.status, 'active');
    assert.deepEqual(
      model.inputs.map((spec) => spec.shape),
      mlp.metadata.signature.inputs.map((spec) => spec.shape.map((d) => (d.Fixed === undefined ? null : d.Fixed))),
      'the declared shapes, a dynamic axis as null',
    );
    assert.deepEqual(model.policy, { Ulps: { max_ulps: mlp.policy.max_ulps } });
    const fee = api.consts.inference.attestationFee.toBigInt();
    assert.deepEqual(await rpc('inference_quote', [mlp.hash, 1, 1]), {
      maxFee: (fee * 3n).toString(), attestationFee: fee.toString(), rounds: [1, 3],
    });
    await assert.rejects(rpc('inference_quote', [mlp.hash, 2]), /"code":9002,.*"data":"InvalidRedundancy"/,
      'one validator cannot attest at redundancy 2');
    await assert.rejects(rpc('inference_quote', [`0x${'00'.repeat(32)}`]), /"code":9002,.*"data":"ModelNotFound"/);
    assert.deepEqual(await rpc('inference_pendingJobs', [10]), []);
    assert.deepEqual(await rpc('inference_attestorJobs', [alice.address]), []);
    await assert.rejects(rpc('inference_attestorJobs', ['not an address']), /"code":9001,.*not an SS58 address/);
  });

  it('exports the inference service metrics to Prometheus', { timeout: TEST_TIMEOUT_MS }, async () => {
    const before = await node.metrics();
    const requests = metricValue(before, 'opg_inference_requests_total');
    assert.ok(requests >= 2, `${requests} inference requests after two jobs`);
    assert.ok(metricValue(before, 'opg_inference_latency_seconds_count') >= 2, 'latency observed');
    assert.ok(metricValue(before, 'opg_inference_cache_misses_total') >= 2, 'two models compiled');

    // The same model again: its compiled plan is reused.
    const { phase } = await runJob(fixture('mlp'));
    assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
    // A request that is not a SCALE-encoded InferRequest: 400, counted as `bad_request`.
    const response = await fetch(`${node.inferenceUrl}/v1/infer`, { method: 'POST', body: 'not scale' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /not a SCALE-encoded InferRequest/);

    const after = await node.metrics();
    const hits = (samples) => metricValue(samples, 'opg_inference_cache_hits_total');
    assert.ok(hits(after) > hits(before), `cache hits ${hits(before)} -> ${hits(after)}`);
    const badRequests = (samples) => metricValue(samples, 'opg_inference_failures_total', { kind: 'bad_request' });
    assert.equal(badRequests(after), badRequests(before) + 1);
    assert.ok(metricValue(after, 'opg_inference_requests_total') >= requests + 2);
    assert.ok(metricValue(after, 'opg_inference_model_fetches_total', { source: 'indexed' }) >= 1);
  });

  it('ends every job of a burst of 200 from four accounts, finalised', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const submitters = ['Charlie', 'Dave', 'Eve', 'Ferdie'].map((name) => keyring.addFromUri(`//${name}`));
    const figures = await burst(api, {
      model: fixture('mlp'), submitters, count: 200, redundancy: 1, timeoutMs: JOB_MS,
    });
    t.diagnostic(describeBurst(figures, 1));
    assert.equal(figures.unfinished, 0, 'no job left behind');
    assert.equal(figures.finalized, 200, 'every job finalised');
  });

  it('runs every model of the hostile corpus to a verdict while blocks keep finalising', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const owner = keyring.addFromUri('//Eve');
    const check = ({ dispatchError }) =>
      assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
    const corpus = hostileCorpus();
    // An empty file is refused by the chain itself; the rest reach the validator's engine.
    for (const empty of corpus.filter((m) => m.size === 0)) {
      const { dispatchError } = await signAndWaitFinalized(
        api, api.tx.inference.registerModel(empty.onnx, empty.metadata), owner, WAIT_MS,
      );
      assert.equal(dispatchError && dispatchErrorName(api, dispatchError), 'inference.EmptyModel');
    }
    const models = corpus.filter((m) => m.size > 0);
    check(await signAndWaitFinalized(api, api.tx.utility.batchAll(
      models.map((m) => api.tx.inference.registerModel(m.onnx, m.metadata)),
    ), owner, WAIT_MS));
    const fee = api.consts.inference.attestationFee.toBigInt();
    const submitted = await signAndWaitFinalized(api, api.tx.utility.batchAll(
      models.map((m) => api.tx.inference.submitJob(m.hash, m.inputs, 1, fee)),
    ), owner, WAIT_MS);
    check(submitted);
    const ids = submitted.events
      .filter(({ event }) => api.events.inference.JobSubmitted.is(event))
      .map(({ event }) => event.data.jobId.toBigInt());
    assert.equal(ids.length, models.length);

    const ended = await Promise.all(ids.map((id) => waitForJobEnd(api, id, JOB_MS)));
    ended.forEach(({ phase }, i) => {
      const { name, expect } = models[i];
      if (expect) {
        const reason = phase.isFailed ? phase.asFailed.reason : undefined;
        assert.ok(reason?.isModelError, `${name}: ended as ${phase.toString()}`);
        assert.equal(reason.asModelError.toNumber(), expect.code, `${name}: deterministic refusal code`);
      } else {
        assert.ok(phase.isFinalized, `${name}: ended as ${phase.toString()}`);
      }
    });
    // The node is still up and the chain still finalises.
    await waitForFinalized(api, (await finalizedNumber(api)) + 2, WAIT_MS);
    const peak = await node.peakMemory();
    const workerPeak = await node.workerPeakMemory();
    t.diagnostic(`${models.length} hostile models run to a verdict; node peak memory ${(peak / 2 ** 20).toFixed(0)} MiB, inference workers' ${(workerPeak / 2 ** 20).toFixed(0)} MiB`);
    // The models ran in confined worker processes, not in the node.
    assert.ok(workerPeak > 0, 'an inference worker runs');
    const log = await readFile(node.logFile, 'utf8');
    assert.match(log, /Inference workers run confined: \d+ MiB of address space, no file, socket nor network/);
  });

  it('pays Alice, her nominator Bob and the genesis pool for the era, by commission and stake', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    // The first era in which Bob backs Alice.
    const era = await waitUntil('an era in which Bob backs Alice', async () => {
      const active = (await api.query.staking.activeEra()).unwrap().index.toNumber();
      const page = await api.query.staking.erasStakersPaged(active, alice.address, 0);
      const backers = page.isSome ? page.unwrap().others.map(({ who }) => who.toString()) : [];
      return { done: backers.includes(bob.address), seen: `era ${active}: ${backers.length} nominators` };
    }, JOB_MS).then((seen) => Number(seen.match(/^era (\d+)/)[1]));

    // What the Staking page of polkadot-js Apps reads, decoded.
    const overview = await api.derive.staking.overview();
    assert.equal(overview.activeEra.toNumber(), era);
    assert.deepEqual(overview.validators.map(String), [alice.address]);
    const exposure = (await api.query.staking.erasStakersOverview(era, alice.address)).unwrap();
    const own = exposure.own.toBigInt();
    const total = exposure.total.toBigInt();
    const page = (await api.query.staking.erasStakersPaged(era, alice.address, 0)).unwrap();
    const backing = new Map(page.others.map(({ who, value }) => [who.toString(), value.toBigInt()]));
    // Bob, and the dev preset's pool through its bonded account (docs/staking.md).
    const pool = await poolAccounts(api, GENESIS_POOL);
    assert.deepEqual([...backing.keys()].sort(), [bob.address, pool.bonded].sort());
    const bobStake = backing.get(bob.address);
    const poolStake = backing.get(pool.bonded);
    // The election counts stakes in u64 vote weights, so exposures are the bonds rounded.
    assert.ok(BOB_BOND - bobStake < BOB_BOND / BILLION, `Bob backs Alice with ${bobStake} of ${BOB_BOND}`);
    assert.ok(GENESIS_POOL_STAKE - poolStake < GENESIS_POOL_STAKE / BILLION, `the pool backs Alice with ${poolStake}`);
    assert.equal(own + bobStake + poolStake, total);
    assert.deepEqual(api.tx.staking.bond.meta.args.map((a) => `${a.name}: ${a.type}`),
      ['value: Compact<u128>', 'payee: PalletStakingRewardDestination']);
    const prefs = await api.query.staking.erasValidatorPrefs(era, alice.address);
    assert.equal(prefs.commission.toBigInt(), ALICE_COMMISSION);

    await waitUntil(`era ${era} to end`, async () => {
      const active = (await api.query.staking.activeEra()).unwrap().index.toNumber();
      return { done: active > era, seen: `active era ${active}` };
    }, JOB_MS);
    const payout = (await api.query.staking.erasValidatorReward(era)).unwrap().toBigInt();
    const points = await api.query.staking.erasRewardPoints(era);
    assert.ok(payout > 0n, `era ${era} paid validators ${payout}`);
    const earned = [...points.individual.entries()].map(([who, n]) => [who.toString(), n.toNumber()]);
    assert.deepEqual(earned, [[alice.address, points.total.toNumber()]], 'Alice earned every point');

    const charlie = keyring.addFromUri('//Charlie');
    const { events, dispatchError } = await signAndWaitFinalized(
      api, api.tx.staking.payoutStakers(alice.address, era), charlie, WAIT_MS,
    );
    assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
    const rewarded = new Map(events
      .filter(({ event }) => api.events.staking.Rewarded.is(event))
      .map(({ event }) => [event.data.stash.toString(), event.data.amount.toBigInt()]));

    // pallet-staking's split, in its Perbill arithmetic: commission first, the rest by stake.
    const commission = perbillMul(ALICE_COMMISSION, payout);
    const leftover = payout - commission;
    const expected = {
      alice: commission + perbillMul(perbillFromRational(own, total), leftover),
      bob: perbillMul(perbillFromRational(bobStake, total), leftover),
      pool: perbillMul(perbillFromRational(poolStake, total), leftover),
    };
    t.diagnostic(`era ${era}: payout ${payout}, Alice ${rewarded.get(alice.address)}, Bob ${rewarded.get(bob.address)}, the pool ${rewarded.get(pool.bonded)}`);
    assert.equal(rewarded.get(alice.address), expected.alice, 'Alice: commission plus her stake share');
    assert.equal(rewarded.get(bob.address), expected.bob, 'Bob: his stake share of the rest');
    assert.equal(rewarded.get(pool.bonded), expected.pool, 'the pool: its stake share of the rest');
    // Paid to the pool's reward account, where its members claim it.
    const [toPool] = eventsWith(events, 'staking', 'Rewarded', 'stash', pool.bonded);
    assert.equal(toPool.data.dest.isAccount && toPool.data.dest.asAccount.toString(), pool.reward);
  });
});

/** `Perbill::from_rational(p, q)`: rounded down, as sp-arithmetic does. */
function perbillFromRational(p, q) {
  return (p * BILLION) / q;
}

/** `Perbill * n`: rounded to the nearest, ties down, as sp-arithmetic does. */
function perbillMul(parts, n) {
  const product = parts * n;
  const quotient = product / BILLION;
  const remainder = product % BILLION;
  return remainder * 2n > BILLION ? quotient + 1n : quotient;
}
