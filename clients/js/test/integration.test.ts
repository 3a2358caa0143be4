// The client against a real `opg-node --dev` (the binary in OPG_NODE) with
// its own inference service: Alice registers the bundled MLP, submits a job, waits for the
// validator's commit and reveal to finalise it, re-executes it with onnxruntime-node, and hits
// the typed error paths; meanwhile Bob's job on a model with an operator the validators' engine
// does not support ends in an agreed model error (code 2).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { after, afterEach, before, describe, it } from 'node:test';

import {
  DispatchError,
  InvalidInputError,
  JobFailedError,
  JobNotFoundError,
  ModelMismatchError,
  type ModelMetadata,
  ModelNotFoundError,
  type OpgClient,
  Policy,
  QuoteRefusedError,
  TimeoutError,
  createOpgClient,
  devAccount,
  modelHash,
  readNpy,
  tensorFromValues,
  tensorsAgree,
} from '../src/index.js';
import { DevNode } from './devnode.js';
import { FIXTURES } from './fixtures.js';

/** The repository's root (from dist/test, where the compiled tests run). */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The first TypeScript block of docs/dapp-guide.md's section 3, the guide's first example. */
async function guideExample(): Promise<string> {
  const guide = await readFile(join(ROOT, 'docs', 'dapp-guide.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## 3. Your first verified inference'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  assert.ok(block?.[1], 'docs/dapp-guide.md section 3 has a ts block');
  return block[1];
}

const JOB_MS = 120_000;

interface FixtureManifest {
  models: {
    name: string;
    file: string;
    blake2_256: string;
    signature: Record<'inputs' | 'outputs', { type: string; shape: (number | null)[] }[]>;
    policy: { kind: string; max_ulps: number };
    inputs: string[];
    outputs: string[];
  }[];
}

describe('OpgClient on opg-node --dev', { timeout: 240_000 }, () => {
  let node: DevNode | undefined;
  let client: OpgClient;
  const alice = devAccount('Alice');
  const bob = devAccount('Bob');
  let mlp: FixtureManifest['models'][number];
  let onnx: Uint8Array;
  let hash: string;
  let jobId: bigint;
  let unsupported: Uint8Array;
  let unsupportedHash: string;

  before(async () => {
    const manifest = JSON.parse(await readFile(join(FIXTURES, 'fixtures.json'), 'utf8')) as FixtureManifest;
    mlp = manifest.models.find((m) => m.name === 'mlp')!;
    onnx = new Uint8Array(await readFile(join(FIXTURES, mlp.file)));
    unsupported = new Uint8Array(await readFile(join(FIXTURES, 'hostile', 'unsupported_operator.onnx')));
    node = await DevNode.start();
    client = createOpgClient(node.url, { signer: alice.signer });
  });

  // The node's log tail when a test failed, as the end-to-end tests do.
  afterEach(async (t) => {
    if (node && (t as { passed?: boolean }).passed === false) process.stderr.write(`${await node.logTail()}\n`);
  });

  after(async () => {
    client?.destroy();
    await node?.stop();
  });

  it('registers models with their bytes and by URI', { timeout: 60_000 }, async () => {
    const metadata: ModelMetadata = {
      name: 'mlp',
      version: 1,
      signature: {
        inputs: mlp.signature.inputs.map(({ type, shape }) => ({ elementType: type as 'f32', shape })),
        outputs: mlp.signature.outputs.map(({ type, shape }) => ({ elementType: type as 'f32', shape })),
      },
      policy: Policy.ulps(mlp.policy.max_ulps),
      defaultRedundancy: 1,
    };
    const scalar = { elementType: 'f32' as const, shape: [1] };
    // A model registered by URI, by Charlie: recorded at once; nothing is fetched until a job.
    const byUri = { hash: `0x${'ab'.repeat(32)}`, size: 1234, uri: 'https://models.example/never-fetched.onnx' };
    const [registered, other, remote] = await Promise.all([
      client.registerModel(onnx, metadata),
      client.registerModel(unsupported, {
        name: 'unsupported_operator',
        signature: { inputs: [scalar], outputs: [scalar] },
        policy: Policy.exact(),
      }, { signer: bob.signer }),
      client.registerModelByUri(byUri, {
        name: 'remote',
        signature: { inputs: [scalar], outputs: [scalar] },
        policy: Policy.absRel(1000, 1000),
        defaultRedundancy: 1,
      }, { signer: devAccount('Charlie').signer }),
    ]);
    assert.equal(remote.hash, byUri.hash);
    const remoteModel = await client.getModel(byUri.hash);
    assert.equal(remoteModel?.uri, byUri.uri);
    assert.equal(remoteModel?.size, byUri.size);
    assert.deepEqual(remoteModel?.policy, Policy.absRel(1000, 1000));
    unsupportedHash = other.hash;
    assert.equal(unsupportedHash, modelHash(unsupported));
    hash = registered.hash;
    assert.equal(hash, `0x${mlp.blake2_256}`);
    assert.equal(modelHash(onnx), hash);
    assert.ok(registered.deposit > 0n);

    const model = await client.getModel(hash);
    assert.ok(model);
    assert.equal(model.owner, alice.address);
    assert.equal(model.name, 'mlp');
    assert.equal(model.size, onnx.length);
    assert.equal(model.status, 'Active');
    assert.deepEqual(model.policy, Policy.ulps(64));
    assert.deepEqual(model.signature, metadata.signature);
    assert.equal(model.uri, undefined);

    const quote = await client.quote(hash);
    const fee = await client.api.constants.Inference.AttestationFee();
    assert.equal(quote.maxFee, fee);
    assert.equal((await client.quote(hash, { redundancy: 1, escalations: 2 })).maxFee, fee * 7n);
    // Refused as submit_job would refuse the job: one validator cannot attest twice.
    await assert.rejects(client.quote(hash, { redundancy: 2 }),
      (e) => e instanceof QuoteRefusedError && e.error === 'InvalidRedundancy');
    await assert.rejects(client.quote(`0x${'00'.repeat(32)}`), ModelNotFoundError);
  });

  it('submits a job, waits for its verified result and re-executes it with onnxruntime', { timeout: JOB_MS + 60_000 }, async () => {
    const input = await readNpy(join(FIXTURES, mlp.inputs[0]!));
    let failingJob: bigint;
    [jobId, failingJob] = await Promise.all([
      client.submitJob(hash, [input]),
      client.submitJob(unsupportedHash, [tensorFromValues('f32', [1], [1])], { signer: bob.signer }),
    ]);
    assert.equal(typeof jobId, 'bigint');
    const failed: Promise<void> = assert.rejects(client.waitForResult(failingJob, { timeoutMs: JOB_MS }), (err: unknown) =>
      err instanceof JobFailedError && err.jobId === failingJob && err.reason.type === 'ModelError' &&
      err.reason.value === 2 && /failed at block \d+: ModelError \(error code 2\)/.test(err.message));
    failed.catch(() => {}); // awaited below; keeps an early failure from being unhandled meanwhile

    // Just submitted: not ended yet, so a short wait times out.
    await assert.rejects(client.waitForResult(jobId, { timeoutMs: 1 }), TimeoutError);

    const result = await client.waitForResult(jobId, { timeoutMs: JOB_MS });
    assert.equal(result.jobId, jobId);
    assert.equal(result.model, hash);
    assert.deepEqual(result.attestors, [alice.address], 'Alice, the only validator, agreed');
    assert.equal(result.outputs.length, 2);
    for (const [i, output] of result.outputs.entries()) {
      assert.equal(output.elementType, 'f32');
      assert.deepEqual(output.shape, [1, 4]);
      const reference = await readNpy(join(FIXTURES, mlp.outputs[i]!));
      assert.ok(tensorsAgree(Policy.ulps(mlp.policy.max_ulps), output, reference), `output ${i} within the model's ULPs of the reference`);
    }

    const job = await client.getJob(jobId);
    assert.equal(job?.phase.type, 'Finalized');
    assert.deepEqual(job?.inputs, [input]);
    assert.equal(job?.submitter, alice.address);
    assert.equal(job?.settlement?.type, 'Challengeable');

    const report = await client.verify(jobId, onnx);
    assert.ok(report.agree, report.summary);
    assert.match(report.summary, /^agree/);
    assert.equal(report.local.type, 'Success');
    assert.ok(report.maxUlps.every((d) => d <= mlp.policy.max_ulps), `ULP distances ${report.maxUlps}`);

    // The agreed model error: reported by verify, never "agreed" with a local run.
    await failed;
    const failedReport = await client.verify(failingJob, unsupported);
    assert.deepEqual(failedReport.chain, { type: 'Failure', value: 2 });
    assert.equal(failedReport.agree, false);
    assert.match(failedReport.summary, /model error code 2/);
  });

  // What a new user copies from docs/dapp-guide.md, run as written (only the node's address
  // changed), from the repository's root, importing the package by its name.
  it("runs the dApp guide's first example as written, in under 10 lines", { timeout: 150_000 }, async () => {
    const source = await guideExample();
    assert.ok(source.trimEnd().split('\n').length < 10, `the example has ${source.split('\n').length} lines`);
    const script = ts.transpileModule(source.replace('ws://127.0.0.1:9944', node!.url), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    // Inside the package, so that `@opg-chain/client` resolves to it by its own name.
    const file = fileURLToPath(new URL('../guide-example.mjs', import.meta.url));
    await writeFile(file, script);
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: ROOT, timeout: 140_000 });
    assert.match(stdout, /agree/, stdout);
    assert.match(stdout, new RegExp(alice.address), 'Alice attested');
  });

  it('reports errors by type: bad input, unknown job, wrong model bytes', { timeout: 60_000 }, async () => {
    const wrong = tensorFromValues('f32', [1, 7], new Array(7).fill(0.5));
    // Refused before anything is sent ...
    await assert.rejects(client.submitJob(hash, [wrong]), (err: unknown) =>
      err instanceof InvalidInputError && /tensor 0, axis 1: expected extent 8, got 7/.test(err.message));
    // ... and by the chain, when the client's check is skipped.
    await assert.rejects(client.submitJob(hash, [wrong], { checkInputs: false }), (err: unknown) =>
      err instanceof DispatchError && err.qualifiedName === 'Inference.InvalidInput' && /Inference\.submit_job failed/.test(err.message));

    await assert.rejects(client.waitForResult(1_000_000n, { timeoutMs: 10_000 }), JobNotFoundError);
    await assert.rejects(client.verify(jobId, Uint8Array.of(1, 2, 3)), ModelMismatchError);
  });
});
