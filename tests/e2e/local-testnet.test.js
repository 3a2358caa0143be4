// `opg-node --chain local`: Alice, Bob and Charlie validate, networked on 127.0.0.1. With three
// authorities GRANDPA needs every vote, so stopping Bob stalls finality until he is back.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import {
  OpgNode,
  bestNumber,
  finalizedNumber,
  logTailsOnFailure,
  peerIdOf,
  waitForBest,
  waitForFinalized,
  waitUntil,
} from './lib/node.js';

const WAIT_MS = 120_000;
const TEST_TIMEOUT_MS = 600_000;
/** Blocks the chain must grow by, with Bob down, to show it keeps going without finality. */
const BLOCKS_WITHOUT_FINALITY = 5;

// Validators of a non-dev chain refuse to invent a node key, so each gets a fixed one.
const NODE_KEYS = {
  Alice: '0000000000000000000000000000000000000000000000000000000000000001',
  Bob: '0000000000000000000000000000000000000000000000000000000000000002',
  Charlie: '0000000000000000000000000000000000000000000000000000000000000003',
};

function validatorArgs(name, extra = []) {
  return ['--chain', 'local', `--${name.toLowerCase()}`, '--validator', '--node-key', NODE_KEYS[name], ...extra];
}

async function peerCount(node) {
  return (await node.api.rpc.system.health()).peers.toNumber();
}

describe('local testnet: three validators', () => {
  let alice;
  let bob;
  let charlie;
  let aliceBootnode;
  const nodes = () => [alice, bob, charlie].filter(Boolean);
  let stallBound;

  before(async () => {
    alice = await OpgNode.start('Alice', validatorArgs('Alice'));
    aliceBootnode = `${alice.p2pAddress}/p2p/${await peerIdOf(NODE_KEYS.Alice)}`;
    [bob, charlie] = await Promise.all(
      ['Bob', 'Charlie'].map((name) => OpgNode.start(name, validatorArgs(name, ['--bootnodes', aliceBootnode]))),
    );
  });

  afterEach(logTailsOnFailure(nodes));

  after(() => Promise.all(nodes().map((node) => node.dispose())));

  it('boots from Alice and connects every validator to the other two', { timeout: TEST_TIMEOUT_MS }, async () => {
    const alicePeerId = (await alice.api.rpc.system.localPeerId()).toString();
    assert.ok(aliceBootnode.endsWith(`/p2p/${alicePeerId}`),
      `Alice runs as ${alicePeerId}, the peer id in the bootnode address ${aliceBootnode}`);
    await Promise.all(nodes().map((node) => waitUntil(
      `${node.name} to have 2 peers`,
      async () => {
        const peers = await peerCount(node);
        return { done: peers >= 2, seen: `${peers} peers` };
      },
      WAIT_MS,
    )));
  });

  it('produces blocks and finalises them on every node', { timeout: TEST_TIMEOUT_MS }, async () => {
    await Promise.all(nodes().map((node) => waitForFinalized(node.api, 3, WAIT_MS)));
  });

  it('keeps producing blocks but stops finalising while Bob is down', { timeout: TEST_TIMEOUT_MS }, async () => {
    await bob.stop();
    const running = [alice, charlie];
    // Bob can have voted only for blocks that exist now, so nothing later can be finalised.
    stallBound = Math.max(...(await Promise.all(running.map((node) => bestNumber(node.api)))));

    await Promise.all(running.map((node) => waitForBest(node.api, stallBound + BLOCKS_WITHOUT_FINALITY, WAIT_MS)));
    for (const node of running) {
      const finalized = await finalizedNumber(node.api);
      assert.ok(finalized <= stallBound,
        `${node.name} finalised #${finalized} without Bob's votes; he stopped at best #${stallBound}`);
    }
  });

  it('catches Bob up after a restart, and finality resumes on every node', { timeout: TEST_TIMEOUT_MS }, async () => {
    await bob.restart();
    const aliceBest = await bestNumber(alice.api);
    assert.ok(aliceBest >= stallBound + BLOCKS_WITHOUT_FINALITY, 'the chain grew while Bob was down');

    await waitForBest(bob.api, aliceBest, WAIT_MS);
    await Promise.all(nodes().map((node) => waitForFinalized(node.api, aliceBest, WAIT_MS)));
    const hashes = await Promise.all(nodes().map(async (node) => (await node.api.rpc.chain.getBlockHash(aliceBest)).toHex()));
    assert.equal(new Set(hashes).size, 1, `the nodes agree on finalised block #${aliceBest}: ${hashes.join(', ')}`);
  });
});
