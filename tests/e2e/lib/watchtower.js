// A public watchtower (`opg-node watch`, docs/inference.md) run by a test: it re-executes every
// finalised job of the models it watches and challenges those it disagrees with.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { nodeBinary, waitUntil } from './node.js';

export class Watchtower {
  /** The lines it printed so far, stdout and stderr interleaved. */
  lines = [];
  #child;
  #exited;

  /**
   * Starts `opg-node watch` against the node at `url`, signing challenges with `suri`, and waits
   * until it says it is watching.
   */
  static async start({ url, models, suri }, timeoutMs) {
    const tower = new Watchtower();
    const args = ['watch', '--url', url, '--suri', suri, ...models.flatMap((m) => ['--model', m])];
    tower.#child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    tower.#exited = new Promise((resolve) => tower.#child.once('exit', resolve));
    for (const stream of [tower.#child.stdout, tower.#child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => tower.lines.push(line));
    }
    await tower.waitForLine(/watching models/, timeoutMs);
    return tower;
  }

  /** Waits until it printed a line matching `pattern`; returns the line. */
  async waitForLine(pattern, timeoutMs) {
    let found;
    await waitUntil(`the watchtower to print ${pattern}`, async () => {
      if (this.#child.exitCode !== null) {
        throw new Error(`the watchtower exited (${this.#child.exitCode}):\n${this.lines.join('\n')}`);
      }
      found = this.lines.find((line) => pattern.test(line));
      return { done: found !== undefined, seen: this.lines.at(-1) ?? 'nothing yet' };
    }, timeoutMs);
    return found;
  }

  /** Stops it with SIGTERM, as an operator would. Returns its exit code. */
  async stop() {
    if (this.#child.exitCode === null) this.#child.kill('SIGTERM');
    return this.#exited;
  }
}
