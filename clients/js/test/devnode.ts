// A single `opg-node --dev` for the integration test, started as tests/e2e/lib/node.js starts
// its nodes: its own base path, RPC, p2p, inference-service and Prometheus ports on 127.0.0.1,
// picked free by the OS (ephemeral ports, never the defaults 9944-9946/9955), no telemetry.

import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** The node binary, `OPG_NODE`; throws if it is unset or not executable. */
export function nodeBinary(): string {
  const bin = process.env.OPG_NODE;
  if (!bin) {
    throw new Error(
      'OPG_NODE is not set: point it at the opg-node binary, '
        + 'e.g. OPG_NODE=$HOME/.cache/opg-chain/target/testnet/opg-node npm test',
    );
  }
  try {
    accessSync(bin, fsConstants.X_OK);
  } catch {
    throw new Error(`OPG_NODE=${bin} is not an executable file: build opg-node or point OPG_NODE at it`);
  }
  return bin;
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function rpcCall(port: number, method: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

export class DevNode {
  private constructor(
    readonly dir: string,
    readonly rpcPort: number,
    private readonly child: ChildProcess,
    private readonly exited: Promise<unknown>,
  ) {}

  get url(): string {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  get logFile(): string {
    return join(this.dir, 'node.log');
  }

  /** Starts `opg-node --dev` and waits until its RPC answers and block 1 is finalised. */
  static async start(timeoutMs = 120_000): Promise<DevNode> {
    const dir = await mkdtemp(join(tmpdir(), 'opg-client-js-'));
    const [rpcPort, p2pPort, inferencePort, prometheusPort] = (await freePorts(4)) as [number, number, number, number];
    const log = await open(join(dir, 'node.log'), 'a');
    let child: ChildProcess;
    try {
      child = spawn(nodeBinary(), [
        '--dev',
        '--base-path', join(dir, 'base'),
        '--rpc-port', String(rpcPort),
        '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
        '--inference-port', String(inferencePort),
        '--prometheus-port', String(prometheusPort),
        '--no-telemetry',
        '--no-mdns',
      ], { stdio: ['ignore', log.fd, log.fd] });
    } finally {
      await log.close();
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.once('exit', () => child.kill('SIGKILL'));
    const node = new DevNode(dir, rpcPort, child, exited);
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`opg-node exited before its RPC answered\n${await node.logTail()}`);
      }
      try {
        const header = (await rpcCall(rpcPort, 'chain_getFinalizedHead')) as string;
        const block = (await (await fetch(`http://127.0.0.1:${rpcPort}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [header] }),
        })).json()) as { result: { number: string } };
        const number = parseInt(block.result.number, 16);
        if (number >= 1) return node;
        last = `finalised #${number}`;
      } catch (err) {
        last = (err as Error).message;
      }
      if (Date.now() > deadline) {
        await node.stop();
        throw new Error(`opg-node did not finalise block 1 within ${timeoutMs} ms (last: ${last})`);
      }
      await delay(500);
    }
  }

  async logTail(lines = 40): Promise<string> {
    const log = await readFile(this.logFile, 'utf8').catch((err: Error) => `(no log: ${err.message})`);
    return `----- last ${lines} lines of ${this.logFile} -----\n${log.trimEnd().split('\n').slice(-lines).join('\n')}\n-----`;
  }

  /** SIGINT, then SIGKILL after 20 s; removes the directory unless `keep`. */
  async stop(keep = false): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGINT');
      const timedOut = await Promise.race([this.exited.then(() => false), delay(20_000, true, { ref: false })]);
      if (timedOut) {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    if (!keep) await rm(this.dir, { recursive: true, force: true });
  }
}
