// Verifiable inference on the local testnet: every validator computes the job with its own
// inference service, commits and reveals; a validator killed between its commitment and its
// reveal reveals after its restart, or the job still resolves by the quorum of the others.
// A burst of jobs all end; sudo upgrades the runtime with jobs in flight, and they all end.
// Then Dave joins as a fourth validator the way docs/validator.md says (Bob stops validating, so
// every job is drawn to Dave), Eve nominates him the way docs/staking.md says, and Dave's node is pointed (`--inference-endpoint`) at a lying service of
// this test's own: the honest quorum finalises the true output, and Dave and Eve are slashed.
// Alongside, two holders of a few OPG join the genesis nomination pool the way docs/staking.md's
// pools section says (while the first test's job runs): once the burst and the upgrade have let
// eras pass, one is paid with `claimPayout` and the other, which unbonded at once, withdraws
// after the bonding duration; the pool then nominates Dave and its members share his slash.
// Last, Charlie lies the way Dave does: a job they both attest is finalised wrong, a watchtower
// challenges it, the honest validator's re-execution overturns it, and the liars are slashed.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import { burst, describeBurst } from './lib/burst.js';
import { dispatchErrorName, feePaid, freeBalanceAt, parentOf, signAndWaitFinalized } from './lib/chain.js';
import { fixture, maxUlps, submittedJobId, waitForJobEnd, withinAbsRel } from './lib/inference.js';
import {
  OpgNode,
  bestNumber,
  finalizedNumber,
  logTailsOnFailure,
  peerIdOf,
  waitForBest,
  waitForEvent,
  waitForFinalized,
  waitUntil,
} from './lib/node.js';
import {
  GENESIS_POOL,
  GENESIS_POOL_DEPOSITOR,
  GENESIS_POOL_STAKE,
  appsPoolsView,
  eventsWith,
  poolAccounts,
} from './lib/pools.js';
import {
  STORAGE_VERSIONS,
  differsOnlyInSpecVersion,
  jobStream,
  phasesAt,
  storageVersionKey,
  submittedJobs,
  upgradeWasm,
  validatorCharges,
} from './lib/upgrade.js';
import { Watchtower } from './lib/watchtower.js';

const WAIT_MS = 120_000;
const ARGMAX_ONNX = fileURLToPath(new URL('../../node/engine/fixtures/argmax.onnx', import.meta.url));
const JOB_MS = 240_000;
const TEST_TIMEOUT_MS = 600_000;
const OPG = 10n ** 18n;
const DAVE_BOND = 20_000n * OPG;
const EVE_BOND = 5_000n * OPG;
/** Perbill: 5% commission for Dave. */
const DAVE_COMMISSION = 50_000_000n;
const BILLION = 1_000_000_000n;
/** Jobs submitted one per block before the runtime upgrade is sent, at least. */
const MIN_JOBS_BEFORE_UPGRADE = 4;
/** Blocks every node must finalise past the best block once the upgrade's jobs ended. */
const BLOCKS_AFTER_UPGRADE = 2;
/** docs/staking.md: a holder of a few OPG joins the genesis pool, below the nominator minimum. */
const HOLDER_FUNDS = 10n * OPG;
const HOLDER_BOND = 5n * OPG;

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

/** The index of staking's active era. */
async function activeEra(api) {
  return (await api.query.staking.activeEra()).unwrap().index.toNumber();
}

/** Waits until staking's active era is at least `era`; returns the milliseconds it waited. */
async function waitForEra(api, era, what) {
  const start = Date.now();
  await waitUntil(what, async () => {
    const active = await activeEra(api);
    return { done: active >= era, seen: `active era ${active}` };
  }, 3 * WAIT_MS);
  return Date.now() - start;
}

/** Asserts that an extrinsic dispatched without error. */
function assertDispatched(api, { dispatchError }) {
  assert.equal(dispatchError && dispatchErrorName(api, dispatchError), undefined);
}

/**
 * docs/staking.md's pools section, from its start: Ferdie sends two holders a few OPG each, both
 * join the genesis pool with less than the minimum nominator bond, and the second unbonds at
 * once. Runs alongside the first test; the pool tests check what it returns.
 */
async function holdersJoinTheGenesisPool(api, keyring) {
  const [stayer, leaver] = ['//PoolHolderA', '//PoolHolderB'].map((uri) => keyring.addFromUri(uri));
  const funded = await signAndWaitFinalized(api, api.tx.utility.batchAll(
    [stayer, leaver].map((holder) => api.tx.balances.transferKeepAlive(holder.address, HOLDER_FUNDS)),
  ), keyring.addFromUri('//Ferdie'), WAIT_MS);
  const joined = await Promise.all([stayer, leaver].map((holder) => signAndWaitFinalized(
    api, api.tx.nominationPools.join(HOLDER_BOND, GENESIS_POOL), holder, WAIT_MS,
  )));
  const unbonded = await signAndWaitFinalized(
    api, api.tx.nominationPools.unbond(leaver.address, HOLDER_BOND), leaver, WAIT_MS,
  );
  return { stayer, leaver, funded, joined, unbonded };
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
  /** Who holds the sudo key: Alice at genesis, Ferdie from the runtime upgrade on. */
  let governance;
  /** The holders joining the genesis pool while the first test runs (`holdersJoinTheGenesisPool`). */
  let poolHolders;
  let upgradedApi;
  const nodes = () => [alice, bob, charlie, dave].filter(Boolean);

  /**
   * An API connected to Alice after the runtime upgrade. The API that saw the upgrade
   * (@polkadot/api 16.5.6) started with the runtime's V16 metadata and reloaded it as V14 at the
   * upgrade, whose type ids differ: it then decodes the events of the blocks up to the one that
   * set the code with the wrong types ("Unable to create Enum via index 192"), and finds no
   * `sudo.Sudid` among them. V14 also carries no runtime API definitions, so of
   * `NominationPoolsApi` it knows only the three methods @polkadot/api defines itself
   * (`pendingRewards`, `pointsToBalance`, `balanceToPoints`). A new one has it all.
   */
  async function apiAfterUpgrade() {
    upgradedApi ??= await ApiPromise.create({ provider: new WsProvider(alice.rpcUrl), noInitWarn: true });
    return upgradedApi;
  }

  before(async () => {
    await cryptoWaitReady();
    alice = await OpgNode.start('Alice', validatorArgs('Alice'));
    keyring = new Keyring({ type: 'sr25519', ss58Format: alice.api.registry.chainSS58 });
    governance = keyring.addFromUri('//Alice');
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
    // Only Alice's node and accounts of their own: nothing the first test waits on.
    poolHolders = holdersJoinTheGenesisPool(alice.api, keyring);
    // Awaited, and its failure reported, by the pool tests; not an unhandled rejection meanwhile.
    poolHolders.catch(() => {});
  });

  afterEach(logTailsOnFailure(nodes));

  after(async () => {
    await upgradedApi?.disconnect();
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

  it('finalises float models registered as deterministic by comparing their outputs byte for byte',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const submitter = keyring.addFromUri('//Dave');
      const transformer = fixture('transformer', { deterministic: true });
      // A float MLP whose class is taken by ArgMax: refused with the fastest kernels (its class
      // could differ between CPUs), run in the deterministic mode.
      const argmax = {
        hash: u8aToHex(blake2AsU8a(readFileSync(ARGMAX_ONNX))),
        onnx: u8aToHex(readFileSync(ARGMAX_ONNX)),
        metadata: {
          name: 'argmax', version: 1, policy: { Deterministic: null }, defaultRedundancy: 3,
          signature: {
            inputs: [{ elementType: 'F32', shape: [{ Fixed: 1 }, { Fixed: 8 }] }],
            outputs: [{ elementType: 'I64', shape: [{ Fixed: 1 }] }],
          },
        },
        inputs: fixture('mlp').inputs,
      };
      const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
      const jobs = [];
      for (const model of [transformer, argmax]) {
        assertDispatched(api, await signAndWaitFinalized(
          api, api.tx.inference.registerModel(model.onnx, model.metadata), submitter, WAIT_MS,
        ));
        const submit = await signAndWaitFinalized(
          api, api.tx.inference.submitJob(model.hash, model.inputs, 3, fee), submitter, WAIT_MS,
        );
        assertDispatched(api, submit);
        jobs.push(submittedJobId(submit.events));
      }
      const ends = await Promise.all(jobs.map((jobId) => waitForJobEnd(api, jobId, JOB_MS)));
      for (const [i, { job, phase, result }] of ends.entries()) {
        assert.ok(phase.isFinalized, `job ${jobs[i]} ended as ${phase.type}`);
        const valid = job.assignments.filter((a) => a.reveal.isValid).length;
        t.diagnostic(`job ${jobs[i]}: ${valid} of ${job.assignments.length} reveals valid`);
        assert.ok(result.isSuccess, `job ${jobs[i]}: ${result.toString()}`);
      }
      // Three validators, three identical outputs: every reveal agreed with the quorum.
      for (const { job } of ends) {
        assert.equal(job.assignments.filter((a) => a.reveal.isValid).length, job.assignments.length);
      }
      const [outputs] = ends[0].result.asSuccess;
      assert.ok(withinAbsRel(outputs, transformer.reference[0], transformer.policy),
        'the deterministic output is the model\'s answer, within the fixture tolerance of onnxruntime');
      const [classTensor] = ends[1].result.asSuccess;
      const cls = Buffer.from(classTensor.data.toU8a(true)).readBigInt64LE(0);
      assert.ok(cls >= 0n && cls < 4n, `class ${cls}`);
    });

  it('lets holders with less than the minimum nominator bond join the genesis pool, as Apps shows it',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const { stayer, leaver, funded, joined, unbonded } = await poolHolders;
      [funded, ...joined, unbonded].forEach((result) => assertDispatched(api, result));
      const minNominatorBond = (await api.query.staking.minNominatorBond()).toBigInt();
      assert.ok(HOLDER_BOND < minNominatorBond, `${HOLDER_BOND} is below the nominator minimum ${minNominatorBond}`);
      joined.forEach(({ events }, i) => {
        const [bonded] = eventsWith(events, 'nominationPools', 'Bonded', 'member', [stayer, leaver][i].address);
        assert.equal(bonded.data.poolId.toNumber(), GENESIS_POOL);
        assert.equal(bonded.data.bonded.toBigInt(), HOLDER_BOND);
        assert.ok(bonded.data.joined.isTrue, 'a new member');
      });
      const [unbond] = eventsWith(unbonded.events, 'nominationPools', 'Unbonded', 'member', leaver.address);
      assert.equal(unbond.data.balance.toBigInt(), HOLDER_BOND);
      const unlockEra = unbond.data.era.toNumber();

      // What the Pools tab reads, decoded.
      const view = await appsPoolsView(api, [stayer.address, leaver.address]);
      t.diagnostic(`pools: ${view.pools.map((p) => `#${p.id} "${p.name}" ${p.state}, ${p.members} members, ${p.points} points`).join('; ')}`);
      assert.deepEqual(view.params, {
        minJoinBond: OPG,
        minCreateBond: 1_000n * OPG,
        maxPools: 256n,
        maxPoolMembers: 100_000n,
        maxPoolMembersPerPool: null,
        globalMaxCommission: BILLION / 10n,
      });
      const depositor = keyring.addFromUri(GENESIS_POOL_DEPOSITOR).address;
      assert.deepEqual(view.pools, [{
        id: GENESIS_POOL,
        name: 'OPG genesis pool',
        state: 'Open',
        members: 3,
        points: GENESIS_POOL_STAKE + HOLDER_BOND,
        commission: null,
        roles: [depositor, depositor, depositor, depositor],
        rewardsClaimed: 0n,
      }]);
      assert.equal(view.memberCount, 3);
      assert.deepEqual(view.members.get(stayer.address), {
        poolId: GENESIS_POOL, points: HOLDER_BOND, unbonding: [], totalBalance: HOLDER_BOND, pendingRewards: 0n,
      });
      assert.deepEqual(view.members.get(leaver.address), {
        poolId: GENESIS_POOL, points: 0n, unbonding: [[unlockEra, HOLDER_BOND]], totalBalance: HOLDER_BOND, pendingRewards: 0n,
      });

      // The pool stakes for its members: its bonded account nominates the genesis validators.
      const { bonded } = await poolAccounts(api, GENESIS_POOL);
      const targets = (await api.query.staking.nominators(bonded)).unwrap().targets.map(String);
      const genesisValidators = ['Alice', 'Bob', 'Charlie'].map((name) => keyring.addFromUri(`//${name}`).address);
      assert.deepEqual(targets.sort(), genesisValidators.sort());
      const ledger = (await api.query.staking.ledger(bonded)).unwrap();
      assert.equal(ledger.active.toBigInt(), GENESIS_POOL_STAKE + HOLDER_BOND);
      // The bond stays in the holder's account, held: Apps shows it as reserved.
      const { data } = await api.query.system.account(stayer.address);
      assert.equal(data.reserved.toBigInt(), HOLDER_BOND);
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

  // A runtime upgrade with jobs in flight: jobs at redundancy 3 are submitted one per block, so
  // that every block has some in their commit phase and some in their reveal phase; then sudo
  // sets the runtime built with `increment-spec-version` (the same runtime one `spec_version`
  // up: runtime/build.rs builds it when OPG_BUILD_UPGRADE_RUNTIME=1, which scripts/test.sh
  // sets). Every job submitted before the upgrade must be finalised with the fixture's reference
  // output, and so must one submitted after it; the chain keeps producing and finalising blocks,
  // the pallets keep their in-code storage versions, and no validator is charged. Commits and
  // reveals signed for the old `spec_version` that had not landed when the upgrade was enacted
  // become invalid, and the workers must send them again.
  describe('runtime upgrade with jobs in flight', () => {
    /** The finalised block before the upgrade's first job. */
    let firstBlock;
    /** `{ number, hash, specVersion }` of the block that set the code. */
    let upgrade;
    let stream;

    after(async () => {
      await stream?.stop().catch(() => {});
    });

    it('enacts sudo setCode while jobs are in their commit and reveal phases', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const wasm = upgradeWasm();
      const { api } = alice;
      // Alice's account is also her validator's attestor account: her worker signs commits and
      // reveals with it while jobs are in flight, and a sudo call from it would race them for
      // nonces. Ferdie holds the sudo key from here on.
      const setKey = await signAndWaitFinalized(
        api, api.tx.sudo.setKey(keyring.addFromUri('//Ferdie').address), governance, WAIT_MS,
      );
      assert.equal(setKey.dispatchError && dispatchErrorName(api, setKey.dispatchError), undefined);
      governance = keyring.addFromUri('//Ferdie');
      firstBlock = await finalizedNumber(api);
      const previousVersion = await alice.rpc('state_getRuntimeVersion');
      stream = jobStream(api, fixture('mlp'), ['//Dave', '//Eve'].map((uri) => keyring.addFromUri(uri)));
      // A job drawn at block N is in its commit phase at the end of N: its attestors' workers
      // learn of it only once N is imported, so no commitment can be in N itself. setCode lands
      // in the next block or the one after: jobs drawn at both make sure one is committing
      // there, and the jobs committing now are revealing by then.
      const seen = await waitUntil('jobs in their commit and reveal phases, and jobs drawn next', async () => {
        const best = await bestNumber(api);
        const { counts, drawnAt } = await phasesAt(api);
        return {
          done: stream.outcomes.sent >= MIN_JOBS_BEFORE_UPGRADE && counts.Committing > 0
            && counts.Revealing > 0 && drawnAt.has(best + 1) && drawnAt.has(best + 2),
          seen: `#${best}: ${JSON.stringify(counts)}, drawn at ${[...drawnAt].join(', ')}`,
        };
      }, WAIT_MS);
      t.diagnostic(`jobs when setCode was sent, at best block ${seen}`);

      const setCode = api.tx.sudo.sudoUncheckedWeight(
        api.tx.system.setCode(u8aToHex(wasm)), { refTime: 0, proofSize: 0 },
      );
      const sent = signAndWaitFinalized(api, setCode, governance, WAIT_MS);
      // No job is submitted after setCode is sent: the last ones keep the phases full meanwhile.
      await stream.stop();
      const { blockHash } = await sent;
      // The events of the block that set the code, as an API connected now decodes them.
      const reader = await apiAfterUpgrade();
      const events = (await reader.query.system.events.at(blockHash)).map(({ event }) => event);
      const sudid = events.find((event) => reader.events.sudo.Sudid.is(event));
      assert.ok(sudid, `sudo.Sudid among ${events.map((e) => `${e.section}.${e.method}`).join(', ')}`);
      const { sudoResult } = sudid.data;
      assert.ok(sudoResult.isOk, `setCode failed: ${sudoResult.isErr ? dispatchErrorName(reader, sudoResult.asErr) : ''}`);
      assert.ok(events.some((event) => reader.events.system.CodeUpdated.is(event)), 'system.CodeUpdated');
      const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

      // The code was set in this block, with these jobs in flight; the next block runs it.
      const { counts } = await phasesAt(reader, blockHash);
      t.diagnostic(`setCode in block #${number}; jobs by phase there: ${JSON.stringify(counts)}`);
      assert.ok(counts.Committing > 0, 'a job was in its commit phase when the code was set');
      assert.ok(counts.Revealing > 0, 'a job was in its reveal phase when the code was set');

      const version = await alice.rpc('state_getRuntimeVersion', [blockHash.toHex()]);
      assert.equal(version.specName, previousVersion.specName);
      assert.equal(version.specVersion, previousVersion.specVersion + 1, 'spec_version one up');
      const parent = (await api.rpc.chain.getHeader(blockHash)).parentHash.toHex();
      assert.equal((await alice.rpc('state_getRuntimeVersion', [parent])).specVersion, previousVersion.specVersion);
      // The same runtime: its metadata differs from the old one only in `spec_version`.
      assert.ok(differsOnlyInSpecVersion(
        hexToU8a(await alice.rpc('state_getMetadata', [parent])),
        hexToU8a(await alice.rpc('state_getMetadata', [blockHash.toHex()])),
        previousVersion.specVersion,
        version.specVersion,
      ), 'the metadata differs in spec_version only');
      upgrade = { number, hash: blockHash, specVersion: version.specVersion };

      // Every node runs the new runtime at its best block, and the migrations ran in the next.
      for (const node of nodes()) {
        await waitUntil(`${node.name} to run spec_version ${upgrade.specVersion}`, async () => {
          const { specVersion } = await node.rpc('state_getRuntimeVersion');
          return { done: specVersion === upgrade.specVersion, seen: specVersion };
        }, WAIT_MS);
      }
      await waitForFinalized(api, number + 1, WAIT_MS);
      const next = await api.rpc.chain.getBlockHash(number + 1);
      const lastUpgrade = (await (await api.at(next)).query.system.lastRuntimeUpgrade()).unwrap();
      assert.equal(lastUpgrade.specVersion.toNumber(), upgrade.specVersion, 'on_runtime_upgrade ran');
    });

    it('finalises every job submitted before the upgrade with the reference output', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      assert.ok(upgrade, 'the upgrade was enacted');
      const { api } = alice;
      const mlp = fixture('mlp');
      // A submission still in the pool when the new runtime was enacted is dropped there: it
      // was signed for the old `spec_version`. None can land later.
      await waitForFinalized(api, upgrade.number + 3, WAIT_MS);
      const { jobs, failed } = await submittedJobs(await apiAfterUpgrade(), firstBlock, upgrade.number + 3);
      const { sent, finalized, dropped } = stream.outcomes;
      t.diagnostic(`${sent} submissions: ${finalized} finalised, ${dropped} dropped; ${jobs.length} jobs submitted`);
      if (failed.length > 0) t.diagnostic(`failed extrinsics: ${failed.map((f) => f.what).join('; ')}`);
      const submitters = new Set(stream.submitters);
      assert.deepEqual(
        [...failed.filter((f) => submitters.has(f.signer)).map((f) => f.what), ...stream.outcomes.failed], [],
        'no submission failed',
      );
      assert.ok(jobs.length >= MIN_JOBS_BEFORE_UPGRADE, `${jobs.length} jobs submitted`);
      for (const { jobId, block } of jobs) {
        assert.ok(block <= upgrade.number, `job ${jobId} was submitted in #${block}, after the upgrade`);
        const { job, phase, result } = await waitForJobEnd(api, jobId, JOB_MS);
        assert.ok(phase.isFinalized, `job ${jobId} ended as ${phase.type}`);
        assert.equal(job.round.toNumber(), 0, `job ${jobId} was finalised in its first round`);
        const reveals = job.assignments.map((a) => a.reveal.type);
        assert.deepEqual(reveals, ['Valid', 'Valid', 'Valid'], `job ${jobId}: every attestor revealed`);
        result.asSuccess.forEach((tensor, i) => {
          const ulps = maxUlps(tensor, mlp.reference[i]);
          assert.ok(ulps <= mlp.policy.max_ulps, `job ${jobId}, output ${i}: ${ulps} ULP from onnxruntime`);
        });
      }
    });

    it('finalises a job submitted after the upgrade', { timeout: TEST_TIMEOUT_MS }, async () => {
      assert.ok(upgrade, 'the upgrade was enacted');
      const { api } = alice;
      const mlp = fixture('mlp');
      await waitUntil('the API to follow the new runtime', async () => {
        const specVersion = api.runtimeVersion.specVersion.toNumber();
        return { done: specVersion === upgrade.specVersion, seen: specVersion };
      }, WAIT_MS);
      const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
      const submit = await signAndWaitFinalized(
        api, api.tx.inference.submitJob(mlp.hash, mlp.inputs, 3, fee), keyring.addFromUri('//Dave'), WAIT_MS,
      );
      assert.equal(submit.dispatchError && dispatchErrorName(api, submit.dispatchError), undefined);
      const { job, phase, result } = await waitForJobEnd(api, submittedJobId(submit.events), JOB_MS);
      assert.ok(phase.isFinalized, `the job ended as ${phase.type}`);
      assert.ok(job.assignments.every((a) => a.reveal.isValid), 'every attestor revealed');
      result.asSuccess.forEach((tensor, i) => {
        assert.ok(maxUlps(tensor, mlp.reference[i]) <= mlp.policy.max_ulps, `output ${i}`);
      });
    });

    it('keeps finalising on every node, at the in-code storage versions, charging no validator', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      assert.ok(upgrade, 'the upgrade was enacted');
      const { api } = alice;
      const target = (await bestNumber(api)) + BLOCKS_AFTER_UPGRADE;
      await Promise.all(nodes().map((node) => waitForFinalized(node.api, target, WAIT_MS)));
      const hashes = await Promise.all(nodes().map(async (node) => (await node.api.rpc.chain.getBlockHash(target)).toHex()));
      assert.equal(new Set(hashes).size, 1, `the nodes agree on finalised block #${target}: ${hashes.join(', ')}`);
      t.diagnostic(`finalised #${target} on every node, ${target - upgrade.number} blocks after the upgrade`);

      for (const [pallet, expected] of Object.entries(STORAGE_VERSIONS)) {
        for (const at of [upgrade.hash, hashes[0]]) {
          const raw = await api.rpc.state.getStorage(u8aToHex(storageVersionKey(pallet)), at);
          assert.ok(raw.isSome, `${pallet} has an on-chain storage version`);
          const bytes = raw.unwrap().toU8a(true);
          assert.equal(bytes.length, 2, `${pallet}'s storage version is a u16`);
          assert.equal(bytes[0] | (bytes[1] << 8), expected, `${pallet}'s storage version at ${at}`);
        }
      }
      assert.deepEqual(await validatorCharges(await apiAfterUpgrade(), firstBlock, target), [], 'no validator was charged');
    });
  });

  // After the burst and the upgrade, eras in which the pool earned have ended.
  it('pays a pool member its share of the pool\'s rewards with claimPayout',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const poolApi = await apiAfterUpgrade();
      const { stayer } = await poolHolders;
      // The genesis pool backs its validators from era 1 on, which must have ended.
      const waited = await waitForEra(api, 2, 'era 1, the pool\'s first, to end');
      t.diagnostic(`waited ${waited} ms for era 2`);

      // The last ended era, paid out for each validator the pool backed in it (docs/staking.md:
      // anyone pays out; the holder does, and claims in the same batch).
      const { bonded, reward } = await poolAccounts(poolApi, GENESIS_POOL);
      const era = (await activeEra(api)) - 1;
      const validators = [];
      for (const name of ['Alice', 'Bob', 'Charlie']) {
        const validator = keyring.addFromUri(`//${name}`).address;
        const page = await api.query.staking.erasStakersPaged(era, validator, 0);
        if (page.isSome && page.unwrap().others.some(({ who }) => who.toString() === bonded)) validators.push(validator);
      }
      assert.ok(validators.length > 0, `the pool backed a genesis validator in era ${era}`);
      const pendingRewards = async (who) => (await poolApi.call.nominationPoolsApi.pendingRewards(who.address)).toBigInt();
      assert.equal(await pendingRewards(stayer), 0n, 'no era was paid out since the holder joined');
      const points = (await api.query.nominationPools.bondedPools(GENESIS_POOL)).unwrap().points.toBigInt();
      const paid = await signAndWaitFinalized(api, api.tx.utility.batchAll([
        ...validators.map((validator) => api.tx.staking.payoutStakers(validator, era)),
        api.tx.nominationPools.claimPayout(),
      ]), stayer, WAIT_MS);
      assertDispatched(api, paid);

      // Staking paid the pool's share to its reward account; the holder claimed its share of that.
      const rewarded = eventsWith(paid.events, 'staking', 'Rewarded', 'stash', bonded);
      assert.equal(rewarded.length, validators.length, 'one reward to the pool per validator');
      rewarded.forEach(({ data }) => assert.equal(data.dest.isAccount && data.dest.asAccount.toString(), reward));
      const toPool = rewarded.reduce((sum, { data }) => sum + data.amount.toBigInt(), 0n);
      const [paidOut] = eventsWith(paid.events, 'nominationPools', 'PaidOut', 'member', stayer.address);
      const payout = paidOut.data.payout.toBigInt();
      const share = (toPool * HOLDER_BOND) / points;
      t.diagnostic(`era ${era}: the pool earned ${toPool} from ${validators.length} validators; the holder, ${HOLDER_BOND} of ${points} points, claimed ${payout}`);
      assert.ok(payout > 0n, 'the holder is paid');
      // Exact but for the reward counter's 18 decimals: one unit per OPG of points at most.
      const diff = payout > share ? payout - share : share - payout;
      assert.ok(diff <= HOLDER_BOND / OPG + 1n, `paid ${payout}, its share is ${share}`);
      assert.equal(await pendingRewards(stayer), 0n, 'nothing left to claim');
    });

  it('slashes a lying fourth validator, its nominator and its pool\'s members, while the honest quorum finalises',
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
      // docs/staking.md: a token holder bonds and nominates; the genesis pool's nominator points
      // the pool at Dave alone, so all its stake backs him. Bob stops validating, so that from
      // the next era Alice, Charlie and Dave are the active set and every redundancy-3 job is
      // drawn to Dave; governance lifts the genesis validators' invulnerability, for the
      // challenge test below, whose liars are Charlie and Dave.
      const poolNominator = keyring.addFromUri(GENESIS_POOL_DEPOSITOR);
      (await Promise.all([
        signAndWaitFinalized(api, api.tx.utility.batchAll([
          api.tx.staking.bond(EVE_BOND, { Staked: null }),
          api.tx.staking.nominate([daveKey.address]),
        ]), eve, WAIT_MS),
        signAndWaitFinalized(
          api, api.tx.nominationPools.nominate(GENESIS_POOL, [daveKey.address]), poolNominator, WAIT_MS,
        ),
        signAndWaitFinalized(api, api.tx.staking.chill(), keyring.addFromUri('//Bob'), WAIT_MS),
        signAndWaitFinalized(api, api.tx.sudo.sudo(api.tx.staking.setInvulnerables([])), governance, WAIT_MS),
      ])).forEach(check);
      const active = [keyring.addFromUri('//Alice').address, keyring.addFromUri('//Charlie').address, daveKey.address];
      await waitUntil('Alice, Charlie and Dave to be the active validators', async () => {
        const validators = (await api.query.session.validators()).map(String);
        return { done: validators.sort().join() === [...active].sort().join(), seen: validators.join(', ') };
      }, 3 * JOB_MS);
      const overview = await api.derive.staking.overview();
      assert.equal(overview.validators.length, 3);

      // Jobs at redundancy 3 until one is assigned to Dave (the first one, unless an honest
      // validator is disabled).
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

      // Dave disagreed with the quorum: he is charged once the result is irreversible, in the
      // block where its challenge window closes (docs/inference.md, "Challenges").
      const endedAt = (await api.rpc.chain.getHeader(ended.endedAt)).number.toNumber();
      const endEvents = (await api.query.system.events.at(ended.endedAt)).map(({ event }) => event);
      assert.equal(endEvents.filter((e) => api.events.attestationEconomics.OffenceQueued.is(e)).length, 0,
        'nobody is charged while the result can be challenged');
      const { blockNumber: closedAt } = await waitForEvent(
        api, `job ${ended.jobId}'s challenge window to close`,
        (e) => api.events.inference.ResultIrreversible.is(e) && e.data.jobId.toBigInt() === ended.jobId,
        endedAt, WAIT_MS,
      );
      assert.ok(closedAt >= endedAt + api.consts.inference.challengeWindow.toNumber());
      const closeEvents = (await api.query.system.events.at(await api.rpc.chain.getBlockHash(closedAt)))
        .map(({ event }) => event);
      const queued = closeEvents.filter((e) => api.events.attestationEconomics.OffenceQueued.is(e));
      assert.deepEqual(queued.map((e) => e.data.offender.toString()), [daveKey.address], 'only Dave is at fault');
      assert.ok(queued[0].data.kind.isFault);
      // Reported to staking from a following block's on_initialize.
      const { event: reported } = await waitForEvent(
        api, "staking's SlashReported for Dave",
        (e) => api.events.staking.SlashReported.is(e) && e.data.validator.toString() === daveKey.address,
        closedAt, WAIT_MS,
      );
      const fraction = api.consts.attestationEconomics.faultSlash.toBigInt();
      assert.equal(reported.data.fraction.toBigInt(), fraction);
      const slashEra = reported.data.slashEra.toNumber();

      // The slash waits out the deferral, then takes the fraction of each exposure.
      const exposure = (await api.query.staking.erasStakersOverview(slashEra, daveKey.address)).unwrap();
      const page = (await api.query.staking.erasStakersPaged(slashEra, daveKey.address, 0)).unwrap();
      const eveExposure = page.others.find((o) => o.who.toString() === eve.address).value.toBigInt();
      const poolApi = await apiAfterUpgrade();
      const { bonded } = await poolAccounts(poolApi, GENESIS_POOL);
      const poolExposure = page.others.find((o) => o.who.toString() === bonded).value.toBigInt();
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
      const poolSlash = await slashed({ address: bonded });
      t.diagnostic(`slashed: Dave ${daveSlash}, Eve ${eveSlash}, the pool ${poolSlash} (fraction ${fraction} per billion)`);
      assert.equal(daveSlash, perbillMul(fraction, daveExposure), 'Dave loses 5% of his own exposure');
      assert.equal(eveSlash, perbillMul(fraction, eveExposure), 'Eve loses 5% of her exposure');
      assert.equal(poolSlash, perbillMul(fraction, poolExposure), 'the pool loses 5% of its exposure');
      const ledger = (await api.query.staking.ledger(eve.address)).unwrap();
      assert.ok(ledger.active.toBigInt() <= EVE_BOND - eveSlash);

      // The pool's loss is pending, shared by points: each member's worth fell at once
      // (docs/staking.md), and its held stake pays when anyone applies its share.
      const { stayer } = await poolHolders;
      const poolPoints = (await api.query.nominationPools.bondedPools(GENESIS_POOL)).unwrap().points.toBigInt();
      const poolActive = (await api.query.staking.ledger(bonded)).unwrap().active.toBigInt();
      const runtimeApi = poolApi.call.nominationPoolsApi;
      assert.equal((await runtimeApi.poolPendingSlash(GENESIS_POOL)).toBigInt(), poolSlash);
      const shares = new Map();
      for (const [member, points] of [[stayer, HOLDER_BOND], [poolNominator, GENESIS_POOL_STAKE]]) {
        // Its delegation less the worth of its points, which the pallet rounds down.
        const share = points - (points * poolActive) / poolPoints;
        assert.equal((await runtimeApi.memberPendingSlash(member.address)).toBigInt(), share);
        assert.equal((await runtimeApi.memberTotalBalance(member.address)).toBigInt(), points - share);
        shares.set(member.address, share);
      }
      t.diagnostic(`the pool's members' shares: the holder ${shares.get(stayer.address)} of ${HOLDER_BOND}, the depositor ${shares.get(poolNominator.address)} of ${GENESIS_POOL_STAKE}`);
      const applied = await signAndWaitFinalized(api, api.tx.nominationPools.applySlash(stayer.address), eve, WAIT_MS);
      check(applied);
      const [memberSlashed] = eventsWith(applied.events, 'delegatedStaking', 'Slashed', 'delegator', stayer.address);
      assert.equal(memberSlashed.data.amount.toBigInt(), shares.get(stayer.address));
      const { data } = await api.query.system.account(stayer.address);
      assert.equal(data.reserved.toBigInt(), HOLDER_BOND - shares.get(stayer.address), 'the held stake paid');
      assert.equal((await runtimeApi.memberPendingSlash(stayer.address)).toBigInt(), 0n);
      assert.equal((await runtimeApi.poolPendingSlash(GENESIS_POOL)).toBigInt(), poolSlash - shares.get(stayer.address));
    });

  // Long after the bonding duration of the holder that unbonded right after joining, and after
  // the pool's slash, whose offence came after its unbonding chunk was released.
  it('lets a pool member withdraw its whole bond after the bonding duration',
    { timeout: TEST_TIMEOUT_MS }, async (t) => {
      const { api } = alice;
      const { leaver, unbonded } = await poolHolders;
      const [unbond] = eventsWith(unbonded.events, 'nominationPools', 'Unbonded', 'member', leaver.address);
      const unlockEra = unbond.data.era.toNumber();
      const waited = await waitForEra(api, unlockEra, `era ${unlockEra}, the end of the holder's bonding duration`);
      t.diagnostic(`waited ${waited} ms for era ${unlockEra}`);
      // docs/staking.md: Pools → Withdraw.
      const withdrawn = await signAndWaitFinalized(
        api, api.tx.nominationPools.withdrawUnbonded(leaver.address, 0), leaver, WAIT_MS,
      );
      assertDispatched(api, withdrawn);

      // The unbonded holder has its bond back, free, and is no longer a member.
      const [withdrawal] = eventsWith(withdrawn.events, 'nominationPools', 'Withdrawn', 'member', leaver.address);
      assert.equal(withdrawal.data.balance.toBigInt(), HOLDER_BOND);
      assert.equal(eventsWith(withdrawn.events, 'nominationPools', 'MemberRemoved', 'member', leaver.address).length, 1);
      assert.ok((await api.query.nominationPools.poolMembers(leaver.address)).isNone);
      const free = (at) => freeBalanceAt(api, at, leaver.address);
      const gained = (await free(withdrawn.blockHash)) - (await free(await parentOf(api, withdrawn.blockHash)));
      assert.equal(gained, HOLDER_BOND - feePaid(api, withdrawn.events, leaver.address));
      const { data } = await api.query.system.account(leaver.address);
      assert.equal(data.reserved.toBigInt(), 0n, 'nothing held any more');
    });

  // Public challenges: Charlie's node is pointed at the lying service too, so Charlie and Dave lie
  // in the same way, and Bob no longer validates, so that a redundancy-3 job is drawn to Alice,
  // Charlie and Dave: the liars finalise their wrong answer, Alice disagreeing. A watchtower (`opg-node
  // watch`) re-executes it and challenges; the validators outside that quorum (Alice) re-execute
  // and overturn it; once the new result is irreversible the liars are reported with the
  // watchtower as reporter, slashed with their nominators, and the watchtower is paid its share.
  it('overturns a wrong result two lying validators finalised, on a watchtower\'s challenge',
    { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
      const api = await apiAfterUpgrade();
      const daveKey = keyring.addFromUri('//Dave');
      const charlieKey = keyring.addFromUri('//Charlie');
      const eve = keyring.addFromUri('//Eve');
      const ferdie = keyring.addFromUri('//Ferdie');
      const watcher = keyring.addFromUri('//Watchtower');
      const mlp = fixture('mlp');
      const liars = [charlieKey.address, daveKey.address].sort();

      // Bob stopped validating and invulnerability was lifted in the slashing test above.
      // Governance funds the watchtower's account.
      assertDispatched(api, await signAndWaitFinalized(
        api, api.tx.balances.transferKeepAlive(watcher.address, 100n * OPG), governance, WAIT_MS,
      ));
      charlie.args = [...charlie.args, '--inference-endpoint', liar.url];
      await charlie.restart();
      const expected = [keyring.addFromUri('//Alice').address, ...liars].sort();
      await waitUntil('Alice, Charlie and Dave to be the attestors', async () => {
        // The runtime's `ActiveValidators`: the session's validators, less the disabled and the chilled.
        const [validators, disabled, intending] = await Promise.all([
          api.query.session.validators(),
          api.query.session.disabledValidators(),
          api.query.staking.validators.keys(),
        ]);
        const off = new Set(disabled.map(([index]) => index.toNumber()));
        const willing = new Set(intending.map((key) => key.args[0].toString()));
        const active = validators.map(String).filter((v, i) => !off.has(i) && willing.has(v)).sort();
        return { done: active.join() === expected.join(), seen: active.join(', ') };
      }, 3 * JOB_MS);
      const tower = await Watchtower.start(
        { url: bob.rpcUrl, models: [mlp.hash], suri: '//Watchtower' }, WAIT_MS,
      );
      t.after(() => tower.stop());

      const liesBefore = liar.lies;
      const fee = api.consts.inference.attestationFee.toBigInt() * 3n;
      const submit = await signAndWaitFinalized(
        api, api.tx.inference.submitJob(mlp.hash, mlp.inputs, 3, fee), ferdie, WAIT_MS,
      );
      assertDispatched(api, submit);
      const jobId = submittedJobId(submit.events);
      const { event: finalized, blockNumber: finalizedAt } = await waitForEvent(
        api, `job ${jobId} to be finalised`,
        (e) => api.events.inference.JobFinalized.is(e) && e.data.jobId.toBigInt() === jobId,
        (await api.rpc.chain.getHeader(submit.blockHash)).number.toNumber(), JOB_MS,
      );
      const wrong = { finalized, at: finalizedAt };
      assert.equal(finalized.data.agreed.toNumber(), 2, 'the liars are the quorum');
      assert.ok(liar.lies - liesBefore >= 2, 'the lying service answered both liars');

      // The watchtower challenges within the window; its claim is the honest result's hash.
      const { event: challenged, blockNumber: challengedAt } = await waitForEvent(
        api, `the watchtower to challenge job ${jobId}`,
        (e) => api.events.inference.JobChallenged.is(e) && e.data.jobId.toBigInt() === jobId,
        wrong.at, WAIT_MS,
      );
      assert.equal(challenged.data.challenger.toString(), watcher.address);
      assert.ok(challengedAt < wrong.finalized.data.challengeableUntil.toNumber());
      assert.equal(challenged.data.redundancy.toNumber(), 1, 'Alice, outside the quorum, re-executes');
      await tower.waitForLine(new RegExp(`job ${jobId}: disagree, challenged`), WAIT_MS);

      const { event: overturned, blockNumber: overturnedAt } = await waitForEvent(
        api, `job ${jobId} to be overturned`,
        (e) => api.events.inference.ResultOverturned.is(e) && e.data.jobId.toBigInt() === jobId,
        challengedAt, JOB_MS,
      );
      assert.equal(overturned.data.previousHash.toHex(), wrong.finalized.data.resultHash.toHex());
      assert.equal(overturned.data.resultHash.toHex(), challenged.data.claimed.toHex(), 'the watchtower was right');
      const result = (await api.query.inference.results(jobId)).unwrap();
      result.asSuccess.forEach((tensor, i) => {
        const ulps = maxUlps(tensor, mlp.reference[i]);
        assert.ok(ulps <= mlp.policy.max_ulps, `output ${i}: ${ulps} ULP from onnxruntime`);
      });
      const details = await api.call.inferenceApi.job(jobId);
      t.diagnostic(`settlement after the overturn: ${details.unwrap().settlement.toString()}`);
      const bondBack = await freeBalanceAt(api, await api.rpc.chain.getBlockHash(overturnedAt), watcher.address);

      // The new result's window closes: the overturned quorum is reported, nobody else.
      const { blockNumber: closedAt } = await waitForEvent(
        api, `job ${jobId}'s new window to close`,
        (e) => api.events.inference.ResultIrreversible.is(e) && e.data.jobId.toBigInt() === jobId,
        overturnedAt, WAIT_MS,
      );
      const closeEvents = (await api.query.system.events.at(await api.rpc.chain.getBlockHash(closedAt)))
        .map(({ event }) => event);
      const queued = closeEvents
        .filter((e) => api.events.attestationEconomics.OffenceQueued.is(e))
        .filter((e) => e.data.kind.isFault && e.data.kind.asFault.jobId.toBigInt() === jobId)
        .map((e) => e.data.offender.toString())
        .sort();
      assert.deepEqual(queued, liars, 'the liars, not the honest minority, are at fault');

      // Staking slashes them and their nominators after the deferral, and pays the reporter.
      const slashed = async (who) => (await waitForEvent(
        api, `${who} to be slashed`,
        (e) => api.events.staking.Slashed.is(e) && e.data.staker.toString() === who,
        closedAt, 3 * JOB_MS,
      )).blockNumber;
      const slashBlocks = await Promise.all([...liars, eve.address].map(slashed));
      const paidAt = await api.rpc.chain.getBlockHash(Math.max(...slashBlocks));
      const paid = (await freeBalanceAt(api, paidAt, watcher.address)) - bondBack;
      t.diagnostic(`the watchtower was paid ${paid} for its challenge`);
      assert.ok(paid > 0n, 'the watchtower is paid a share of the slash');
      assert.equal(await tower.stop(), 0, 'the watchtower stops cleanly');
    });
});
