// Harness of the end-to-end tests: runs `opg-node` processes on loopback and waits on them.

import { execFile, spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { appendFile, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

import { ApiPromise, WsProvider } from '@polkadot/api';

const RPC_READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
const POLL_INTERVAL_MS = 500;
const LOG_TAIL_LINES = 60;
const TIMED_OUT = Symbol('timed out');

/** Every node process still running, killed if the test process exits without stopping it. */
const running = new Set();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** The node each API is connected to, to name it in timeout messages. */
const nodeOfApi = new WeakMap();

/** The `opg-node` binary named by `OPG_NODE`; throws if it is unset or not executable. */
export function nodeBinary() {
  const bin = process.env.OPG_NODE;
  if (!bin) {
    throw new Error(
      'OPG_NODE is not set: point it at the opg-node binary, ' +
        'e.g. OPG_NODE=$HOME/.cache/opg-chain/target/testnet/opg-node npm test',
    );
  }
  try {
    accessSync(bin, fsConstants.X_OK);
  } catch {
    throw new Error(`OPG_NODE=${bin} is not an executable file: build opg-node first`);
  }
  return bin;
}

/** `count` distinct TCP ports that were free on 127.0.0.1 a moment ago. */
export async function freePorts(count) {
  const servers = await Promise.all(Array.from({ length: count }, listenOnAnyPort));
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function listenOnAnyPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The libp2p peer id of an ed25519 node key (32 bytes, hex), as `opg-node key` derives it. */
export async function peerIdOf(nodeKey) {
  const dir = await mkdtemp(join(tmpdir(), 'opg-e2e-key-'));
  try {
    const keyFile = join(dir, 'node-key');
    await writeFile(keyFile, nodeKey);
    const { stdout } = await promisify(execFile)(nodeBinary(), [
      'key',
      'inspect-node-key',
      '--file',
      keyFile,
    ]);
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One `opg-node` process with its own temporary directory (base path and log file), RPC and p2p
 * ports on 127.0.0.1, and an `api` connected to it while it runs.
 */
export class OpgNode {
  #child;
  #exited;

  /** Starts a node with `args` (e.g. `['--dev']`) and waits until its RPC answers. */
  static async start(name, args) {
    const dir = await mkdtemp(join(tmpdir(), `opg-e2e-${name.toLowerCase()}-`));
    const [rpcPort, p2pPort, inferencePort, prometheusPort] = await freePorts(4);
    const node = new OpgNode(name, args, dir, { rpcPort, p2pPort, inferencePort, prometheusPort });
    try {
      await node.#launch();
    } catch (err) {
      await node.dispose();
      throw err;
    }
    return node;
  }

  constructor(name, args, dir, { rpcPort, p2pPort, inferencePort, prometheusPort }) {
    this.name = name;
    this.args = args;
    this.dir = dir;
    this.basePath = join(dir, 'base');
    this.logFile = join(dir, 'node.log');
    this.rpcPort = rpcPort;
    this.p2pPort = p2pPort;
    this.inferencePort = inferencePort;
    this.prometheusPort = prometheusPort;
    this.api = undefined;
  }

  get rpcUrl() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  get p2pAddress() {
    return `/ip4/127.0.0.1/tcp/${this.p2pPort}`;
  }

  /** One JSON-RPC call to the node, for methods @polkadot/api does not know. */
  rpc(method, params = []) {
    return rpcCall(this.rpcPort, method, params);
  }

  /** Peak resident memory of the node process so far, in bytes (Linux `VmHWM`). */
  async peakMemory() {
    const status = await readFile(`/proc/${this.#child.pid}/status`, 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (!kib) throw new Error('no VmHWM in /proc status');
    return Number(kib) * 1024;
  }

  /**
   * The largest peak resident memory (VmHWM) among the node's inference workers alive now,
   * its child processes, in bytes; 0 if none runs.
   */
  async workerPeakMemory() {
    const tasks = await readdir(`/proc/${this.#child.pid}/task`);
    const children = (await Promise.all(tasks.map((task) =>
      readFile(`/proc/${this.#child.pid}/task/${task}/children`, 'utf8').catch(() => '')))).join(' ');
    const peaks = await Promise.all(children.split(/\s+/).filter(Boolean).map(async (pid) => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    }));
    return Math.max(0, ...peaks);
  }

  /** The node's own inference service (`--inference-port`). */
  get inferenceUrl() {
    return `http://127.0.0.1:${this.inferencePort}`;
  }

  /**
   * The node's Prometheus samples, as a map from `name{labels}` (exactly as exposed) to number.
   */
  async metrics() {
    const response = await fetch(`http://127.0.0.1:${this.prometheusPort}/metrics`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`${this.name}: /metrics answered ${response.status}`);
    const samples = new Map();
    for (const line of (await response.text()).split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const split = line.lastIndexOf(' ');
      samples.set(line.slice(0, split), Number(line.slice(split + 1)));
    }
    return samples;
  }

  get isRunning() {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /**
   * Stops the node (see `stop`) unless it is already down (see `kill`), and starts it again with
   * the same base path and ports. Its output goes on to the same log file.
   */
  async restart() {
    await this.stop();
    await this.#launch();
  }

  /**
   * Kills the node with SIGKILL, as a crash would: no shutdown, and whatever it kept only in
   * memory (its transaction pool, writes not yet handed to the OS) is gone. The signal is sent
   * before this returns its promise, so a caller that saw the moment it waited for kills the
   * node at that moment; the promise resolves once the process exited and the API is
   * disconnected. Returns the time of the signal (`Date.now()`). A no-op if the node is down.
   */
  async kill() {
    if (!this.isRunning) return undefined;
    this.#child.kill('SIGKILL');
    const at = Date.now();
    await this.#exited;
    await this.api?.disconnect().catch(() => {});
    this.api = undefined;
    await appendFile(this.logFile, `----- ${this.name}: killed with SIGKILL at ${new Date(at).toISOString()} -----\n`);
    return at;
  }

  /** Disconnects the API, then SIGINT; SIGKILL if the node has not exited after a grace period. */
  async stop() {
    await this.api?.disconnect();
    this.api = undefined;
    if (!this.isRunning) return;
    this.#child.kill('SIGINT');
    const exit = await Promise.race([this.#exited, delay(STOP_GRACE_MS, TIMED_OUT, { ref: false })]);
    if (exit === TIMED_OUT) {
      this.#child.kill('SIGKILL');
      await this.#exited;
    }
  }

  /** Stops the node and removes its directory. Safe to call more than once. */
  async dispose() {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The last lines of the node's log, headed by its name and log file. */
  async logTail(lines = LOG_TAIL_LINES) {
    const log = await readFile(this.logFile, 'utf8').catch((err) => `(no log: ${err.message})`);
    const tail = log.trimEnd().split('\n').slice(-lines).join('\n');
    return `----- ${this.name}: last ${lines} lines of ${this.logFile} -----\n${tail}\n-----`;
  }

  async #launch() {
    const log = await open(this.logFile, 'a');
    try {
      this.#child = spawn(nodeBinary(), [...this.args, ...this.#fixedArgs()], {
        stdio: ['ignore', log.fd, log.fd],
      });
    } finally {
      await log.close();
    }
    const child = this.#child;
    running.add(child);
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      });
    });
    await this.#waitForRpc();
    this.api = await ApiPromise.create({
      provider: new WsProvider(this.rpcUrl),
      noInitWarn: true,
      throwOnConnect: true,
    });
    nodeOfApi.set(this.api, this);
  }

  #fixedArgs() {
    return [
      '--base-path', this.basePath,
      '--rpc-port', String(this.rpcPort),
      '--listen-addr', this.p2pAddress,
      '--inference-port', String(this.inferencePort),
      '--prometheus-port', String(this.prometheusPort),
      '--no-telemetry',
      '--no-mdns',
    ];
  }

  async #waitForRpc() {
    const deadline = Date.now() + RPC_READY_TIMEOUT_MS;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (!this.isRunning) {
        const { code, signal } = await this.#exited;
        throw new Error(
          `${this.name} exited (code ${code}, signal ${signal}) before its RPC answered\n` +
            (await this.logTail()),
        );
      }
      last = await rpcCall(this.rpcPort, 'system_health').then(
        () => null,
        (err) => err.message,
      );
      if (last === null) return;
      await delay(POLL_INTERVAL_MS);
    }
    throw new Error(
      `${this.name}: RPC on port ${this.rpcPort} did not answer within ${RPC_READY_TIMEOUT_MS} ms ` +
        `(last: ${last})\n${await this.logTail()}`,
    );
  }
}

/**
 * The sum of the samples of metric `name` (e.g. `opg_inference_requests_total`) whose labels
 * include every `labels` entry, in a map returned by `OpgNode.metrics`; `undefined` if none.
 */
export function metricValue(samples, name, labels = {}) {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let total;
  for (const [key, value] of samples) {
    const brace = key.indexOf('{');
    const sampleName = brace === -1 ? key : key.slice(0, brace);
    if (sampleName !== name || !wanted.every((pair) => key.includes(pair))) continue;
    total = (total ?? 0) + value;
  }
  return total;
}

/** One JSON-RPC call over HTTP to a node on 127.0.0.1. */
async function rpcCall(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Polls `check` until it reports `done`. `check` returns `{ done, seen }`; `seen` describes what
 * it saw, for the timeout message. A check that throws or hangs counts as not done.
 */
export async function waitUntil(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let seen = 'nothing yet';
  for (;;) {
    const remaining = deadline - Date.now();
    const result = await Promise.race([
      check().catch((err) => ({ done: false, seen: `error: ${err.message}` })),
      delay(Math.max(remaining, 0), TIMED_OUT, { ref: false }),
    ]);
    if (result !== TIMED_OUT) {
      seen = result.seen;
      if (result.done) return result.seen;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

/**
 * Waits for a finalised event matching `predicate(event)`, looking at every block from
 * `fromBlock` on; returns `{ event, blockNumber }` of the first.
 */
export async function waitForEvent(api, what, predicate, fromBlock, timeoutMs) {
  let next = fromBlock;
  let found;
  await waitUntil(what, async () => {
    const finalized = await finalizedNumber(api);
    for (; next <= finalized && !found; next += 1) {
      const hash = await api.rpc.chain.getBlockHash(next);
      const records = await api.query.system.events.at(hash);
      const match = records.find(({ event }) => predicate(event));
      if (match) found = { event: match.event, blockNumber: next };
    }
    return { done: found !== undefined, seen: `finalised #${finalized}` };
  }, timeoutMs);
  return found;
}

/** The number of the node's best block. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** The number of the node's finalised block. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/** Waits until the node's best block is at least `n`; returns its number. */
export function waitForBest(api, n, timeoutMs) {
  return waitForNumber(api, 'best', bestNumber, n, timeoutMs);
}

/** Waits until the node's finalised block is at least `n`; returns its number. */
export function waitForFinalized(api, n, timeoutMs) {
  return waitForNumber(api, 'finalized', finalizedNumber, n, timeoutMs);
}

async function waitForNumber(api, kind, read, n, timeoutMs) {
  const name = nodeOfApi.get(api)?.name ?? 'node';
  return waitUntil(
    `${name}'s ${kind} block to reach #${n}`,
    async () => {
      const number = await read(api);
      return { done: number >= n, seen: number };
    },
    timeoutMs,
  );
}

/** An `afterEach` hook printing every node's log tail when the test failed. */
export function logTailsOnFailure(nodes) {
  return async (t) => {
    if (t.passed) return;
    for (const node of nodes()) process.stderr.write(`${await node.logTail()}\n`);
  };
}
