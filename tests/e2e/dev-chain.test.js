// `opg-node --dev`: Alice validates alone. Blocks, finality, token properties and transfers.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import {
  describeEvents,
  dispatchErrorName,
  feePaid,
  freeBalanceAt,
  parentOf,
  signAndWaitFinalized,
} from './lib/chain.js';
import { OpgNode, logTailsOnFailure, waitForBest, waitForFinalized } from './lib/node.js';

const WAIT_MS = 120_000;
const TEST_TIMEOUT_MS = 300_000;
const SS58_FORMAT = 4242;
const OPG = 10n ** 18n;
const EXISTENTIAL_DEPOSIT = OPG / 100n;

describe('opg-node --dev', () => {
  let node;
  let api;
  let keyring;
  let alice;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_FORMAT });
    alice = keyring.addFromUri('//Alice');
    node = await OpgNode.start('Dev', ['--dev']);
    api = node.api;
  });

  afterEach(logTailsOnFailure(() => (node ? [node] : [])));

  after(() => node?.dispose());

  /** Transfers `amount` from Alice to a fresh account; the finalised outcome and balances. */
  async function transferToFreshAccount(amount) {
    const recipient = keyring.addFromUri(mnemonicGenerate());
    const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);
    const outcome = await signAndWaitFinalized(api, tx, alice, WAIT_MS);
    const parent = await parentOf(api, outcome.blockHash);
    const balance = (at, who) => freeBalanceAt(api, at, who.address);
    return {
      ...outcome,
      fee: feePaid(api, outcome.events, alice.address),
      aliceSpent: (await balance(parent, alice)) - (await balance(outcome.blockHash, alice)),
      recipientBefore: await balance(parent, recipient),
      recipientAfter: await balance(outcome.blockHash, recipient),
    };
  }

  it('produces and finalises blocks', { timeout: TEST_TIMEOUT_MS }, async () => {
    await waitForBest(api, 3, WAIT_MS);
    await waitForFinalized(api, 2, WAIT_MS);
  });

  it('announces the OPG token: symbol, 18 decimals, ss58 format 4242', async () => {
    const properties = await api.rpc.system.properties();
    assert.deepEqual(properties.tokenSymbol.unwrap().toJSON(), ['OPG']);
    assert.deepEqual(properties.tokenDecimals.unwrap().toJSON(), [18]);
    assert.equal(properties.ss58Format.unwrap().toNumber(), SS58_FORMAT);
    assert.equal(api.registry.chainDecimals[0], 18, 'the API registry reads 18 decimals');
    assert.equal(api.registry.chainTokens[0], 'OPG', 'the API registry reads the OPG symbol');
    assert.equal(api.registry.chainSS58, SS58_FORMAT, 'the API registry reads ss58 format 4242');
  });

  it('takes addresses in the chain\'s own format and in the generic one over RPC', async () => {
    // The format wallets write after reading `system_properties`.
    const own = keyring.encodeAddress(alice.publicKey, SS58_FORMAT);
    const generic = keyring.encodeAddress(alice.publicKey, 42);
    assert.notEqual(own, generic);
    const viaOwn = await node.rpc('system_accountNextIndex', [own]);
    const viaGeneric = await node.rpc('system_accountNextIndex', [generic]);
    assert.equal(viaOwn, viaGeneric, 'both formats name the same account');
    assert.equal(viaOwn, (await api.query.system.account(alice.address)).nonce.toNumber());
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), viaOwn);
  });

  it('transfers 12.5 OPG: the recipient gets it, Alice pays it and the fee', { timeout: TEST_TIMEOUT_MS }, async () => {
    const amount = 12n * OPG + OPG / 2n;
    const transfer = await transferToFreshAccount(amount);

    assert.equal(transfer.dispatchError, undefined,
      `the transfer failed: ${transfer.dispatchError && dispatchErrorName(api, transfer.dispatchError)}`);
    assert.ok(transfer.fee > 0n, `a signed transfer pays a fee, got ${transfer.fee}`);
    assert.equal(transfer.recipientBefore, 0n, 'the fresh account starts empty');
    assert.equal(transfer.recipientAfter, amount, 'the recipient holds exactly the amount sent');
    assert.equal(transfer.aliceSpent, amount + transfer.fee,
      `Alice's free balance falls by the amount (${amount}) plus the fee (${transfer.fee})`);
  });

  it('rejects a transfer below the existential deposit to a new account, charging only the fee', { timeout: TEST_TIMEOUT_MS }, async () => {
    const transfer = await transferToFreshAccount(EXISTENTIAL_DEPOSIT / 2n);

    assert.ok(transfer.dispatchError,
      `the transfer should fail, but succeeded with events ${describeEvents(transfer.events)}`);
    const error = dispatchErrorName(api, transfer.dispatchError);
    assert.ok(['balances.ExistentialDeposit', 'token.BelowMinimum'].includes(error),
      `the transfer fails for the existential deposit, not with ${error}`);
    assert.equal(transfer.recipientAfter, 0n, 'the recipient account is not created');
    assert.equal(transfer.aliceSpent, transfer.fee, `Alice pays only the fee (${transfer.fee})`);
  });
});
