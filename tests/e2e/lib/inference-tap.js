// A tap on the link between a node's off-chain worker and its inference service: an HTTP proxy
// on 127.0.0.1 that the worker is pointed at (`--inference-endpoint`). It forwards each request
// to the service and the answer back, counting both, and can hold the answers: a test then
// knows when a result is computed and decides whether the worker gets it before something
// happens (e.g. the node is killed). It outlives the node it serves, across restarts.

import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

const FORWARD_TIMEOUT_MS = 120_000;

export class InferenceTap {
  #server;
  #holding = false;
  #held = [];

  /** Base URL of the service requests are forwarded to (e.g. `OpgNode.inferenceUrl`). */
  target = undefined;
  /** Requests received from the worker. */
  received = 0;
  /** Answers received from the service (or 502 when it could not be reached). */
  answered = 0;
  /** Answers handed to the worker. */
  delivered = 0;

  /** Starts a tap on a free port of 127.0.0.1. */
  static async start() {
    const tap = new InferenceTap();
    tap.#server = createServer((request, response) => {
      tap.#forward(request, response).catch(() => response.destroy());
    });
    await new Promise((resolve, reject) => {
      tap.#server.once('error', reject);
      tap.#server.listen(0, '127.0.0.1', resolve);
    });
    return tap;
  }

  /** The URL to give the node as `--inference-endpoint`. */
  get url() {
    return `http://127.0.0.1:${this.#server.address().port}`;
  }

  /** From now on, answers are kept from the worker until `release`. */
  hold() {
    this.#holding = true;
  }

  /** Hands the held answers over (to a worker that may be gone) and stops holding. */
  release() {
    this.#holding = false;
    this.#held.splice(0).forEach((deliver) => deliver());
  }

  /** Waits until `answered` reaches `count`; throws after `timeoutMs`. */
  async waitForAnswers(count, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.answered < count) {
      if (Date.now() > deadline) {
        throw new Error(`the inference service answered ${this.answered} requests, not ${count}, within ${timeoutMs} ms`);
      }
      await delay(2);
    }
  }

  /** Stops the tap; held answers are dropped. */
  async close() {
    this.#held.length = 0;
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  async #forward(request, response) {
    this.received += 1;
    response.on('error', () => {});
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    let status = 502;
    let type = 'text/plain';
    let body;
    try {
      if (!this.target) throw new Error('the tap has no target yet');
      const answer = await fetch(`${this.target}${request.url}`, {
        method: request.method,
        headers: { 'content-type': request.headers['content-type'] ?? 'application/octet-stream' },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks),
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
      status = answer.status;
      type = answer.headers.get('content-type') ?? 'application/octet-stream';
      body = Buffer.from(await answer.arrayBuffer());
    } catch (err) {
      body = Buffer.from(`inference tap: ${err.message}`);
    }
    this.answered += 1;
    const deliver = () => {
      this.delivered += 1;
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': type, 'content-length': body.length });
      response.end(body);
    };
    if (this.#holding) this.#held.push(deliver);
    else deliver();
  }
}
