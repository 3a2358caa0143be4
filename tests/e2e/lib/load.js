// Sustained load of a running chain, as many users at once send it: accounts that keep the
// transaction pool full of pre-signed transactions (no subscription per transaction), and one
// subscription to finalised heads that records what every block carried. Used by `load.js`,
// which prints the figures; nothing here asserts on time.

import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

import { Keyring } from '@polkadot/keyring';
import { bnToU8a, compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

import { dispatchErrorName, signAndWaitFinalized } from './chain.js';

/** How often the pool is topped up while a phase runs. */
const TOP_UP_INTERVAL_MS = 500;
/** Blocks' worth (by weight) of transactions kept pending: blocks are read once finalised. */
const DEPTH_BLOCKS = 3;
/** The most transactions kept pending (the node's pool holds 8192 by default). */
const MAX_DEPTH = 7000;
/** Blocks without any of ours included after which the transactions still pending count as lost. */
const STALL_BLOCKS = 6;
/** The pool's refusals for want of room (`1014` priority too low, `1016` immediately dropped). */
const POOL_FULL = /\b101[46]\b|too low|Immediately Dropped/i;
/** Pieces of a signed v4 extrinsic: version byte, `MultiAddress::Id`, `MultiSignature::Ed25519`, immortal era. */
const SIGNED_V4 = new Uint8Array([0x84]);
const ADDRESS_ID = new Uint8Array([0x00]);
const ED25519 = new Uint8Array([0x00]);
const IMMORTAL = new Uint8Array([0x00]);
/** How long one phase may take, its sending window and the pool's draining together. */
const PHASE_TIMEOUT_MS = 900_000;

/** The `q`-quantile (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Ed25519 keyring pairs `//load//<i>` for i in 0..count-1 (hard junctions: ed25519 derives no
 * soft ones). Ed25519, not sr25519: this client signs several times faster with it.
 */
export function loadAccounts(count) {
  const keyring = new Keyring({ type: 'ed25519' });
  return Array.from({ length: count }, (_, i) => keyring.addFromUri(`//load//${i}`));
}

/** Sends `amount` to every account from `funder` in one `utility.batchAll`; waits until finalised. */
export async function fund(api, funder, accounts, amount) {
  const transfers = accounts.map(({ address }) => api.tx.balances.transferKeepAlive(address, amount));
  const { dispatchError } = await signAndWaitFinalized(api, api.tx.utility.batchAll(transfers), funder, 120_000);
  if (dispatchError) throw new Error(`funding the load accounts: ${dispatchErrorName(api, dispatchError)}`);
}

/**
 * What one finalised block carried: `{ number, timestamp, extrinsics, length, agendaLag (the
 * block's number minus the agenda's cursor after it: -1 once every due entry was handled),
 * attestorJobs (most jobs held by one attestor), weight: { normal, operational, mandatory } (ref
 * time, ps), transfers, submitted, finalized, failed (job ids), failures: { reason: count },
 * commitItems, revealItems (items of the attestors' batches), extrinsicFailed }`. `transfers` and
 * `submitted` count only the load accounts' own.
 */
async function readBlock(api, number, ours) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const apiAt = await api.at(hash);
  const [{ block }, records, weight, cursor, attestorJobs] = await Promise.all([
    api.rpc.chain.getBlock(hash),
    apiAt.query.system.events(),
    apiAt.query.system.blockWeight(),
    apiAt.query.inference.agendaCursor(),
    apiAt.query.inference.attestorJobs.entries(),
  ]);
  const record = {
    number,
    timestamp: 0,
    extrinsics: block.extrinsics.length,
    length: block.encodedLength,
    agendaLag: number - cursor.toNumber(),
    attestorJobs: Math.max(0, ...attestorJobs.map(([, jobs]) => jobs.length)),
    weight: {
      normal: weight.normal.refTime.toBigInt(),
      operational: weight.operational.refTime.toBigInt(),
      mandatory: weight.mandatory.refTime.toBigInt(),
    },
    transfers: 0,
    submitted: [],
    finalized: [],
    failed: [],
    failures: {},
    commitItems: 0,
    revealItems: 0,
    extrinsicFailed: 0,
    /** Our accounts' transactions included but failed, by error (e.g. `inference.AttestorsBusy`). */
    refused: {},
    refusedOurs: 0,
  };
  const signers = block.extrinsics.map((xt) => (xt.isSigned ? u8aToHex(decodeAddress(xt.signer.toString())) : undefined));
  for (const { method } of block.extrinsics) {
    const call = `${method.section}.${method.method}`;
    if (call === 'timestamp.set') record.timestamp = method.args[0].toNumber();
    if (call === 'inference.commit') record.commitItems += method.args[0].length;
    if (call === 'inference.reveal') record.revealItems += method.args[0].length;
  }
  for (const { event, phase } of records) {
    const name = `${event.section}.${event.method}`;
    if (name === 'balances.Transfer' && ours.has(event.data.from.toHex())) record.transfers += 1;
    else if (name === 'inference.JobSubmitted' && ours.has(event.data.submitter.toHex())) {
      record.submitted.push(event.data.jobId.toBigInt());
    } else if (name === 'inference.JobFinalized') record.finalized.push(event.data.jobId.toBigInt());
    else if (name === 'inference.JobFailed') {
      record.failed.push(event.data.jobId.toBigInt());
      const reason = event.data.reason.type;
      record.failures[reason] = (record.failures[reason] ?? 0) + 1;
    } else if (name === 'system.ExtrinsicFailed') {
      record.extrinsicFailed += 1;
      if (phase.isApplyExtrinsic && ours.has(signers[phase.asApplyExtrinsic.toNumber()])) {
        const error = dispatchErrorName(api, event.data.dispatchError);
        record.refused[error] = (record.refused[error] ?? 0) + 1;
        record.refusedOurs += 1;
      }
    }
  }
  return record;
}

/**
 * Every finalised block from the one after `start`'s head on, read in order (one subscription to
 * finalised heads). `blocks` holds the records (see `readBlock`) by number; `waitFor(predicate)`
 * resolves with the first record, from now on, that satisfies `predicate`.
 */
export class BlockRecorder {
  #api;
  #ours;
  #next;
  #unsubscribe;
  #reading = Promise.resolve();
  #waiters = [];
  #error;

  /** Starts recording after the current finalised head; `ours`: public keys (hex) of the load accounts. */
  static async start(api, ours) {
    const recorder = new BlockRecorder(api, ours);
    const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    recorder.#next = head.number.toNumber() + 1;
    recorder.#unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
      const upTo = header.number.toNumber();
      recorder.#reading = recorder.#reading.then(() => recorder.#readUpTo(upTo));
    });
    return recorder;
  }

  constructor(api, ours) {
    this.#api = api;
    this.#ours = ours;
    /** Records by block number. */
    this.blocks = new Map();
  }

  /** The last block read, or undefined before the first. */
  get last() {
    return this.blocks.get(this.#next - 1);
  }

  /** Resolves with the first block read from now on for which `predicate(record)` holds. */
  waitFor(predicate, timeoutMs, what) {
    if (this.#error) return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w.resolve !== resolve);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last finalised block read: #${this.#next - 1}`));
      }, timeoutMs);
      this.#waiters.push({ predicate, resolve: (record) => { clearTimeout(timer); resolve(record); }, reject });
    });
  }

  /** Ends the subscription. */
  stop() {
    this.#unsubscribe?.();
  }

  async #readUpTo(upTo) {
    try {
      for (; this.#next <= upTo; this.#next += 1) {
        const record = await readBlock(this.#api, this.#next, this.#ours);
        this.blocks.set(record.number, record);
        const ready = this.#waiters.filter((w) => w.predicate(record));
        this.#waiters = this.#waiters.filter((w) => !ready.includes(w));
        ready.forEach((w) => w.resolve(record));
      }
    } catch (err) {
      this.#error = new Error(`reading finalised block #${this.#next}: ${err.message}`);
      this.#waiters.forEach((w) => w.reject(this.#error));
      this.#waiters = [];
    }
  }
}

/**
 * The call `callBytes` (encoded) signed by `pair` (ed25519) with `nonce`, immortal and without
 * tip, as the hex of a SCALE-encoded extrinsic (v4) of the runtime's transaction extensions
 * (`CheckEra`, `CheckNonce`, `ChargeTransactionPayment` carry data; the versions and the genesis
 * hash are signed). Built by hand: @polkadot/api's `sign` takes milliseconds a transaction, which
 * would make this client, not the chain, the limit.
 */
export function presign(api, pair, callBytes, nonce) {
  const u32 = (n) => bnToU8a(n, { bitLength: 32, isLe: true });
  const genesis = api.genesisHash.toU8a();
  const extra = u8aConcat(IMMORTAL, compactToU8a(nonce), compactToU8a(0));
  const { specVersion, transactionVersion } = api.runtimeVersion;
  const payload = u8aConcat(callBytes, extra, u32(specVersion.toNumber()), u32(transactionVersion.toNumber()), genesis, genesis);
  const signature = pair.sign(payload.length > 256 ? blake2AsU8a(payload) : payload);
  const body = u8aConcat(SIGNED_V4, ADDRESS_ID, pair.publicKey, ED25519, signature, extra, callBytes);
  return u8aToHex(u8aConcat(compactToU8a(body.length), body));
}

/**
 * `count` transactions signed round-robin by `accounts`, each account's with consecutive nonces
 * from its next one: the i-th is account `i % accounts.length`'s call `callOf(that index)`
 * (encoded call bytes).
 */
export async function presignRoundRobin(api, accounts, callOf, count) {
  const nonces = await Promise.all(accounts.map(async ({ address }) =>
    (await api.rpc.system.accountNextIndex(address)).toNumber()));
  return Array.from({ length: count }, (_, i) => {
    const who = i % accounts.length;
    return presign(api, accounts[who], callOf(who), nonces[who]++);
  });
}

/**
 * How many transactions like `hex` (an extrinsic) the normal class of a block holds by weight:
 * its share of the block over the transaction's weight plus the base weight of an extrinsic.
 */
export async function capacityPerBlock(api, hex) {
  // `api.call.transactionPaymentApi.queryInfo` re-encodes the extrinsic so that the runtime
  // cannot decode it (a trap in `TransactionPaymentApi_query_info`): the call is made raw.
  const bytes = hexToU8a(hex);
  const encoded = await api.rpc.state.call(
    'TransactionPaymentApi_query_info',
    // Hex: a Uint8Array given for `Bytes` is read as already SCALE-encoded.
    u8aToHex(u8aConcat(bytes, bnToU8a(bytes.length, { bitLength: 32, isLe: true }))),
  );
  const info = api.createType('RuntimeDispatchInfo', encoded);
  const { maxTotal, baseExtrinsic } = api.consts.system.blockWeights.perClass.normal;
  const limit = maxTotal.unwrapOr(api.consts.system.blockWeights.maxBlock).refTime.toBigInt();
  const each = info.weight.refTime.toBigInt() + baseExtrinsic.refTime.toBigInt();
  return { each, perBlock: Number(limit / each) };
}

/**
 * Keeps the pool full of the transactions `signed` (hex, round-robin over `accounts` accounts,
 * each account's in nonce order), each sent once with `author_submitExtrinsic` through
 * `provider` (a WsProvider: raw, so that the hex is not decoded and encoded again) and no
 * subscription, one per account at a time, so that none reaches the pool before its
 * predecessor (the pool's small future queue would drop it, and every later transaction of its
 * account would wait for it forever), `DEPTH_BLOCKS` times `perBlock` (what
 * a block holds) pending at a time, and at most `rate` a finalised block if given (an offered
 * load below saturation); one the pool refused for room is sent again, one it refused
 * as invalid is dropped (both counted in `rejected`). Runs until
 * `blocks` finalised blocks included some of them, then stops sending and waits until those
 * still pending are included (or none was for `STALL_BLOCKS` blocks). `included(record)` counts
 * a block's transactions of this phase. Returns `{ first, last, drained, sent, lost, rejected:
 * { message: count }, exhausted }`: `first..last` are the blocks of the sending window, `drained`
 * the block after which nothing of the phase was pending; `exhausted` if `signed` ran out before
 * the window ended (the pool was then not kept full).
 */
export async function saturate(provider, recorder, { signed, accounts, perBlock, rate = Infinity, included, blocks }) {
  const queue = [...signed];
  const rejected = {};
  let sent = 0;
  let includedSoFar = 0;
  let first;
  let last;
  let quiet = 0;
  let toppingUp = false;
  let exhausted = false;
  let blocksSeen = 0;

  const drained = recorder.waitFor((record) => {
    blocksSeen += 1;
    const n = included(record);
    includedSoFar += n;
    if (n > 0 && first === undefined) first = record.number;
    if (last === undefined) {
      if (first !== undefined && record.number >= first + blocks - 1) last = record.number;
      return false;
    }
    quiet = n > 0 ? 0 : quiet + 1;
    return !toppingUp && (includedSoFar >= sent || quiet >= STALL_BLOCKS);
  }, PHASE_TIMEOUT_MS, `${blocks} blocks of the phase and the pool to drain`);

  const topUp = async () => {
    const depth = Math.min(MAX_DEPTH, DEPTH_BLOCKS * perBlock);
    const room = Math.min(depth - (sent - includedSoFar), rate * (blocksSeen + 1) - sent);
    const batch = queue.splice(0, Math.max(0, room));
    if (queue.length === 0) exhausted = true;
    const retry = [];
    for (let start = 0; start < batch.length; start += accounts) {
      const outcomes = await Promise.all(batch.slice(start, start + accounts).map((hex) =>
        provider.send('author_submitExtrinsic', [hex]).then(
          () => 1,
          (err) => {
            rejected[err.message] = (rejected[err.message] ?? 0) + 1;
            if (POOL_FULL.test(err.message)) retry.push(hex);
            return 0;
          },
        )));
      sent += outcomes.reduce((a, b) => a + b, 0);
    }
    queue.unshift(...retry);
  };

  while (last === undefined) {
    toppingUp = true;
    await topUp();
    toppingUp = false;
    await Promise.race([delay(TOP_UP_INTERVAL_MS), drained]);
  }
  const end = await drained;
  return { first, last, drained: end.number, sent, lost: sent - includedSoFar, rejected, exhausted };
}

/**
 * The rate of `count(record)` per second of chain time over blocks `from..to`: what blocks
 * `from+1..to` carried over the time between `from` and `to`.
 */
export function ratePerSecond(recorder, from, to, count) {
  let total = 0;
  for (let n = from + 1; n <= to; n += 1) total += count(recorder.blocks.get(n));
  const seconds = (recorder.blocks.get(to).timestamp - recorder.blocks.get(from).timestamp) / 1000;
  return seconds > 0 ? total / seconds : NaN;
}

/**
 * Per-block figures of blocks `from..to`, to see what saturates: the median and the largest
 * extrinsic count, block length (bytes) and consumed weight of each class (share of the block's
 * maximum), the agenda's lag, the most jobs one attestor holds, and commit and reveal items.
 */
export function blockProfile(api, recorder, from, to) {
  const maxBlock = api.consts.system.blockWeights.maxBlock.refTime.toBigInt();
  const records = [];
  for (let n = from; n <= to; n += 1) records.push(recorder.blocks.get(n));
  const stat = (value) => {
    const values = records.map(value).sort((a, b) => a - b);
    return { median: quantile(values, 0.5), max: values.at(-1) };
  };
  const share = (ps) => Number((ps * 10_000n) / maxBlock) / 10_000;
  return {
    blocks: records.length,
    extrinsics: stat((r) => r.extrinsics),
    length: stat((r) => r.length),
    normal: stat((r) => share(r.weight.normal)),
    operational: stat((r) => share(r.weight.operational)),
    mandatory: stat((r) => share(r.weight.mandatory)),
    agendaLag: stat((r) => r.agendaLag),
    attestorJobs: stat((r) => r.attestorJobs),
    commitItems: stat((r) => r.commitItems),
    revealItems: stat((r) => r.revealItems),
  };
}

/** The columns of `timeline` rows. */
export const TIMELINE_COLUMNS = [
  'block', 'extrinsics', 'bytes', 'normal‰', 'mandatory‰', 'transfers', 'submitted', 'finalized', 'failed',
  'commitItems', 'revealItems', 'agendaLag', 'attestorJobs', 'extrinsicFailed',
];

/** Blocks `from..to` as rows of `TIMELINE_COLUMNS` (weights in thousandths of the block). */
export function timeline(api, recorder, from, to) {
  const maxBlock = api.consts.system.blockWeights.maxBlock.refTime.toBigInt();
  const permille = (ps) => Number((ps * 1000n) / maxBlock);
  const rows = [];
  for (let n = from; n <= to; n += 1) {
    const r = recorder.blocks.get(n);
    rows.push([
      n, r.extrinsics, r.length, permille(r.weight.normal), permille(r.weight.mandatory), r.transfers,
      r.submitted.length, r.finalized.length, r.failed.length, r.commitItems, r.revealItems, r.agendaLag,
      r.attestorJobs, r.extrinsicFailed,
    ]);
  }
  return rows;
}

/** Milliseconds of CPU (user + system) a process used so far, from `/proc/<pid>/stat`. */
export async function cpuMillis(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) start after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
