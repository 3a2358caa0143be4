// Verifiable inference on the local testnet: every validator computes the job with its own
// inference service, commits and reveals; a validator killed between its commitment and its
// reveal reveals after its restart, or the job still resolves by the quorum of the others.
// Then Dave joins as a fourth validator the way docs/validator.md says, Eve nominates him the way
// docs/staking.md says, and Dave's node is pointed (`--inference-endpoint`) at a lying service of
// this test's own: the honest quorum finalises the true output, and Dave and Eve are slashed.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { burst, describeBurst } from './lib/burst.js';
import { dispatchErrorName, signAndWaitFinalized } from './lib/chain.js';
import { fixture, maxUlps, submittedJobId, waitForJobEnd } from './lib/inference.js';
import {
  OpgNode,
  finalizedNumber,
  logTailsOnFailure,
  peerIdOf,
  waitForBest,
  waitForEvent,
  waitForFinalized,
  waitUntil,
} from './lib/node.js';

const WAIT_MS = 120_000;
const JOB_MS = 240_000;
const TEST_TIMEOUT_MS = 600_000;
const OPG = 10n ** 18n;
const DAVE_BOND = 20_000n * OPG;
const EVE_BOND = 5_000n * OPG;
/** Perbill: 5% commission for Dave. */
const DAVE_COMMISSION = 50_000_000n;
const BILLION = 1_000_000_000n;

const NODE_KEYS = {
  Alice: '0000000000000000000000000000000000000000000000000000000000000011',
  Bob: '0000000000000000000000000000000000000000000000000000000000000012',
  Charlie: '0000000000000000000000000000000000000000000000000000000000000013',
  Dave: '0000000000000000000000000000000000000000000000000000000000000014',
};

function validatorArgs(name, extra = []) {
  return ['--chain', 'local', `--${name.toLowerCase()}`, '--validator', '--node-key', NODE_KEYS[name], ...extra];
}

/**
 * An inference service that lies: it asks `upstream` (an honest service) and corrupts every
 * output it returns, flipping a bit in the exponent of the last output element. Errors and
 * unavailability pass through unchanged.
 */
async function startLyingService(upstream) {
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    try {
      const answer = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
      });
      const bytes = Buffer.from(await answer.arrayBuffer());
      // InferResponse::Outcome (0) of InferenceOutcome::Success (0): tensors end the encoding.
      if (answer.ok && bytes[0] === 0 && bytes[1] === 0) {
        bytes[bytes.length - 1] ^= 0x40;
        server.lies += 1;
      }
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      response.end(bytes);
    } catch (err) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`upstream failed: ${err.message}`);
    }
  });
  server.lies = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${server.address().port}`;
  return server;
}

/** `Perbill * n`: rounded to the nearest, ties down, as sp-arithmetic does. */
function perbillMul(parts, n) {
  const product = parts * n;
  const remainder = product % BILLION;
  return product / BILLION + (remainder * 2n > BILLION ? 1n : 0n);
}

describe('inference on a three-validator local testnet', () => {
  let alice;
  let bob;
  let charlie;
  let dave;
  let liar;
  let keyring;
  const nodes = () => [alice, bob, charlie, dave].filter(Boolean);

  before(async () => {
    await cryptoWaitReady();
    alice = await OpgNode.start('Alice', validatorArgs('Alice'));
    keyring = new Keyring({ type: 'sr25519', ss58Format: alice.api.registry.chainSS58 });
    const bootnode = `${alice.p2pAddress}/p2p/${await peerIdOf(NODE_KEYS.Alice)}`;
    liar = await startLyingService(alice.inferenceUrl);
    // Dave runs the same binary; only his inference endpoint differs. No dev keys: he makes his
    // own session keys, as a new validator does.
    const daveArgs = [
      '--chain', 'local', '--validator', '--node-key', NODE_KEYS.Dave, '--bootnodes', bootnode,
      '--inference-endpoint', liar.url,
    ];
    [bob, charlie, dave] = await Promise.all([
      ...['Bob', 'Charlie'].map((name) => OpgNode.start(name, validatorArgs(name, ['--bootnodes', bootnode]))),
      OpgNode.start('Dave', daveArgs),
    ]);
    await Promise.all(nodes().map((node) => waitForFinalized(node.api, 2, WAIT_MS)));
  });

  afterEach(logTailsOnFailure(nodes));

  after(async () => {
    await Promise.all(nodes().map((node) => node.dispose()));
    await new Promise((resolve) => liar?.close(resolve) ?? resolve());
  });

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
        return { done: ['Revealing', 'Resolving', 'Finalized'].includes(phase), seen: phase };
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

  it('ends every job of a burst of 200 at redundancy 3 from four accounts, finalised',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const submitters = ['Charlie', 'Dave', 'Eve', 'Ferdie'].map((name) => keyring.addFromUri(`//${name}`));
      const figures = await burst(alice.api, {
        model: fixture('mlp'), submitters, count: 200, redundancy: 3, timeoutMs: 2 * JOB_MS,
      });
      t.diagnostic(describeBurst(figures, 3));
      assert.equal(figures.unfinished, 0, 'no job left behind');
      assert.equal(figures.finalized, 200, 'every job finalised by three validators');
    });

  it('slashes a lying fourth validator and its nominator, while the honest quorum finalises',
    { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const daveKey = keyring.addFromUri('//Dave');
      const eve = keyring.addFromUri('//Eve');
      const check = ({ dispatchError }) =>
        assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);

      // docs/validator.md: session keys made on the validator's own node, with their proof of
      // possession for the stash; then bond, keys and intention to validate in one batch.
      const generated = await dave.rpc('author_rotateKeysWithOwner', [u8aToHex(daveKey.publicKey)]);
      assert.ok(generated.proof, 'the runtime proves possession of the new keys');
      // SessionKeys { babe, grandpa, inference }: the `infr` key's account pays attestation fees.
      const infr = keyring.encodeAddress(hexToU8a(generated.keys).slice(64, 96));
      check(await signAndWaitFinalized(api, api.tx.utility.batchAll([
        api.tx.balances.transferKeepAlive(infr, 10n * OPG),
        api.tx.staking.bond(DAVE_BOND, { Staked: null }),
        api.tx.session.setKeys(generated.keys, generated.proof),
        api.tx.staking.validate({ commission: DAVE_COMMISSION, blocked: false }),
      ]), daveKey, WAIT_MS));
      // docs/staking.md: a token holder bonds and nominates.
      check(await signAndWaitFinalized(api, api.tx.utility.batchAll([
        api.tx.staking.bond(EVE_BOND, { Staked: null }),
        api.tx.staking.nominate([daveKey.address]),
      ]), eve, WAIT_MS));
      // Governance makes room for a fourth validator.
      check(await signAndWaitFinalized(
        api, api.tx.sudo.sudo(api.tx.staking.setValidatorCount(4)), keyring.addFromUri('//Alice'), WAIT_MS,
      ));
      await waitUntil('Dave to be an active validator', async () => {
        const validators = (await api.query.session.validators()).map(String);
        return { done: validators.includes(daveKey.address), seen: validators.length };
      }, 3 * JOB_MS);
      const overview = await api.derive.staking.overview();
      assert.equal(overview.validators.length, 4);

      // Jobs at redundancy 3 until one is assigned to Dave.
      const mlp = fixture('mlp');
      const submitter = keyring.addFromUri('//Ferdie');
      const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
      let ended;
      for (let attempt = 1; !ended && attempt <= 8; attempt += 1) {
        const submit = await signAndWaitFinalized(
          api, api.tx.inference.submitJob(mlp.hash, mlp.inputs, 3, fee), submitter, WAIT_MS,
        );
        check(submit);
        const jobId = submittedJobId(submit.events);
        const result = await waitForJobEnd(api, jobId, JOB_MS);
        const attestors = result.job.assignments.map((a) => a.attestor.toString());
        t.diagnostic(`job ${jobId}: ${attestors.join(', ')}`);
        if (attestors.includes(daveKey.address)) ended = { ...result, jobId };
      }
      assert.ok(ended, 'Dave was assigned one of eight jobs');
      assert.ok(liar.lies >= 1, 'the lying service answered Dave');
      assert.ok(ended.phase.isFinalized, `the job ended as ${ended.phase.type}`);
      ended.result.asSuccess.forEach((tensor, i) => {
        const ulps = maxUlps(tensor, mlp.reference[i]);
        assert.ok(ulps <= mlp.policy.max_ulps, `output ${i}: ${ulps} ULP from onnxruntime`);
      });

      const endEvents = (await api.query.system.events.at(ended.endedAt)).map(({ event }) => event);
      const queued = endEvents.filter((e) => api.events.attestationEconomics.OffenceQueued.is(e));
      assert.deepEqual(queued.map((e) => e.data.offender.toString()), [daveKey.address], 'only Dave is at fault');
      assert.ok(queued[0].data.kind.isFault);
      // Reported to staking from a following block's on_initialize.
      const endedAt = (await api.rpc.chain.getHeader(ended.endedAt)).number.toNumber();
      const { event: reported } = await waitForEvent(
        api, "staking's SlashReported for Dave",
        (e) => api.events.staking.SlashReported.is(e) && e.data.validator.toString() === daveKey.address,
        endedAt, WAIT_MS,
      );
      const fraction = api.consts.attestationEconomics.faultSlash.toBigInt();
      assert.equal(reported.data.fraction.toBigInt(), fraction);
      const slashEra = reported.data.slashEra.toNumber();

      // The slash waits out the deferral, then takes the fraction of each exposure.
      const exposure = (await api.query.staking.erasStakersOverview(slashEra, daveKey.address)).unwrap();
      const page = (await api.query.staking.erasStakersPaged(slashEra, daveKey.address, 0)).unwrap();
      const eveExposure = page.others.find((o) => o.who.toString() === eve.address).value.toBigInt();
      const daveExposure = exposure.own.toBigInt();
      // The election counts stakes in u64 vote weights, so exposures are the bonds rounded.
      assert.ok(DAVE_BOND - daveExposure < DAVE_BOND / BILLION, `Dave's own exposure ${daveExposure}`);
      assert.ok(EVE_BOND - eveExposure < EVE_BOND / BILLION, `Eve's exposure ${eveExposure}`);
      const from = await finalizedNumber(api);
      const slashed = async (who) => (await waitForEvent(
        api, `${who.address} to be slashed`,
        (e) => api.events.staking.Slashed.is(e) && e.data.staker.toString() === who.address,
        from, 2 * JOB_MS,
      )).event.data.amount.toBigInt();
      const daveSlash = await slashed(daveKey);
      const eveSlash = await slashed(eve);
      t.diagnostic(`slashed: Dave ${daveSlash}, Eve ${eveSlash} (fraction ${fraction} per billion)`);
      assert.equal(daveSlash, perbillMul(fraction, daveExposure), 'Dave loses 5% of his own exposure');
      assert.equal(eveSlash, perbillMul(fraction, eveExposure), 'Eve loses 5% of her exposure');
      const ledger = (await api.query.staking.ledger(eve.address)).unwrap();
      assert.ok(ledger.active.toBigInt() <= EVE_BOND - eveSlash);
    });
});
