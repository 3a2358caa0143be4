// Inference helpers shared by the end-to-end tests and the dev-chain demo: the bundled fixture
// models, canonical tensors for @polkadot/api, and the job life cycle.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../node/engine/fixtures');

const DTYPES = {
  '<f4': { type: 'f32', size: 4 },
  '<f8': { type: 'f64', size: 8 },
  '|i1': { type: 'i8', size: 1 },
  '|u1': { type: 'u8', size: 1 },
  '<i2': { type: 'i16', size: 2 },
  '<i4': { type: 'i32', size: 4 },
  '<i8': { type: 'i64', size: 8 },
  '|b1': { type: 'bool', size: 1 },
};

/** Reads a C-order little-endian `.npy` file as `{ type, shape, data }` (data: raw bytes). */
export function readNpy(path) {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 6).toString('latin1') !== '\x93NUMPY') throw new Error(`${path}: not .npy`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const offset = (major === 1 ? 10 : 12) + headerLength;
  const header = bytes.subarray(major === 1 ? 10 : 12, offset).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '')
    .split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${path}: Fortran order`);
  const dtype = DTYPES[descr];
  if (!dtype) throw new Error(`${path}: unsupported dtype ${descr}`);
  return { type: dtype.type, shape, data: new Uint8Array(bytes.subarray(offset)) };
}

/**
 * The bundled fixture `name` (`mlp`, `cnn`, `int8`, or of the deterministic set: `convnet`,
 * `transformer`): bytes, metadata, input and reference. `deterministic` registers it under the
 * `Deterministic` policy instead of its tolerance.
 */
export function fixture(name, { deterministic = false } = {}) {
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'fixtures.json'), 'utf8'));
  const model = [...manifest.models, ...(manifest.deterministic ?? [])].find((m) => m.name === name);
  if (!model) throw new Error(`no fixture named ${name}`);
  const spec = ({ type, shape }) => ({
    elementType: elementType(type),
    shape: shape.map((d) => (d === null || d === 'dynamic' ? { Dynamic: null } : { Fixed: d })),
  });
  const policy = {
    exact: () => ({ Exact: null }),
    ulps: () => ({ Ulps: { maxUlps: model.policy.max_ulps } }),
    abs_rel: () => ({ AbsRel: { absE9: model.policy.abs_e9, relE9: model.policy.rel_e9 } }),
  }[model.policy.kind]();
  return {
    deterministic,
    name,
    hash: `0x${model.blake2_256}`,
    onnxPath: join(FIXTURES, model.file),
    // Hex: @polkadot/api reads a Uint8Array given for `Vec<u8>` as already SCALE-encoded.
    onnx: u8aToHex(readFileSync(join(FIXTURES, model.file))),
    metadata: {
      name,
      version: 1,
      signature: {
        inputs: model.signature.inputs.map(spec),
        outputs: model.signature.outputs.map(spec),
      },
      policy: deterministic ? { Deterministic: null } : policy,
      defaultRedundancy: 1,
    },
    policy: model.policy,
    inputs: model.inputs.map((f) => toCanonical(readNpy(join(FIXTURES, f)))),
    reference: model.outputs.map((f) => readNpy(join(FIXTURES, f))),
  };
}

function elementType(type) {
  return { f32: 'F32', f64: 'F64', i8: 'I8', u8: 'U8', i16: 'I16', i32: 'I32', i64: 'I64', bool: 'Bool' }[type];
}

/** A tensor as the chain's canonical `Tensor` argument (data as hex: raw bytes, not SCALE). */
export function toCanonical({ type, shape, data }) {
  return { elementType: elementType(type), shape, data: u8aToHex(data) };
}

/** Element values of an f32 tensor's bytes, as numbers. */
export function f32Values(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Distance between two f32 values on the IEEE bit line (what the chain's `Ulps` policy uses). */
export function ulpDistance(a, b) {
  const ordered = (x) => {
    const bits = new DataView(new Float32Array([x]).buffer).getInt32(0, true);
    return bits < 0 ? -(bits & 0x7fffffff) : bits;
  };
  return Math.abs(ordered(a) - ordered(b));
}

/** The largest ULP distance between an on-chain f32 output and a reference `.npy` tensor. */
export function maxUlps(chainTensor, reference) {
  const got = f32Values(chainTensor.data.toU8a(true));
  const want = f32Values(reference.data);
  if (got.length !== want.length) throw new Error(`length ${got.length} != ${want.length}`);
  return got.reduce((max, g, i) => Math.max(max, ulpDistance(g, want[i])), 0);
}

/**
 * Whether an on-chain f32 output is within `abs + rel * max(|a|, |b|)` of a reference `.npy`
 * tensor everywhere, with `abs = absE9 / 1e9` and `rel = relE9 / 1e9` (an `AbsRel` policy).
 */
export function withinAbsRel(chainTensor, reference, { abs_e9: absE9, rel_e9: relE9 }) {
  const got = f32Values(chainTensor.data.toU8a(true));
  const want = f32Values(reference.data);
  if (got.length !== want.length) throw new Error(`length ${got.length} != ${want.length}`);
  const [abs, rel] = [Number(absE9) / 1e9, Number(relE9) / 1e9];
  return got.every((g, i) => Math.abs(g - want[i]) <= abs + rel * Math.max(Math.abs(g), Math.abs(want[i])));
}

/** The id of the job submitted in `events` (from `inference.JobSubmitted`). */
export function submittedJobId(events) {
  const submitted = events.find(({ event }) => event.section === 'inference' && event.method === 'JobSubmitted');
  if (!submitted) throw new Error('no JobSubmitted event');
  return submitted.event.data.jobId.toBigInt();
}

/**
 * Waits until job `jobId` has ended; returns `{ job, phase, result, endedAt }` from the chain
 * (`endedAt`: hash of the block that ended it).
 */
export async function waitForJobEnd(api, jobId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'not found';
  while (Date.now() < deadline) {
    const job = await api.query.inference.jobs(jobId);
    if (job.isSome) {
      const { phase } = job.unwrap();
      last = phase.type;
      if (phase.isFinalized || phase.isFailed) {
        const result = await api.query.inference.results(jobId);
        const at = (phase.isFinalized ? phase.asFinalized : phase.asFailed).at.toNumber();
        const endedAt = await api.rpc.chain.getBlockHash(at);
        return { job: job.unwrap(), phase, result: result.isSome ? result.unwrap() : null, endedAt };
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`job ${jobId} did not end within ${timeoutMs} ms; last phase: ${last}`);
}

const HOSTILE = join(FIXTURES, 'hostile');
/** The on-chain error code a refusal of the engine becomes (`error_code` in the primitives). */
const REFUSAL_CODES = { invalid_model: 3, unsupported_operator: 2, float_to_discrete: 8, resource_bound: 9 };
const ELEMENT_BYTES = { f32: 4, f64: 8, i8: 1, u8: 1, i16: 2, i32: 4, i64: 8, bool: 1 };

/**
 * The hostile model corpus (`node/engine/fixtures/hostile`): for each model its bytes, metadata
 * (policy `Exact`), an input (the corpus's own, or zeros with dynamic axes at 1) and what the job
 * must end as: `{ code }` for a deterministic refusal, `null` for a finalised output.
 */
export function hostileCorpus() {
  const manifest = JSON.parse(readFileSync(join(HOSTILE, 'manifest.json'), 'utf8'));
  return manifest.models.map((model) => {
    const bytes = readFileSync(join(HOSTILE, model.file));
    const spec = ({ type, shape }) => ({
      elementType: elementType(type),
      shape: shape.map((d) => (d === null ? { Dynamic: null } : { Fixed: d })),
    });
    const inputs = model.signature.inputs.map(({ type, shape }, i) => {
      const file = join(HOSTILE, `${model.name}.input${i}.npy`);
      if (existsSync(file)) return toCanonical(readNpy(file));
      const dims = shape.map((d) => d ?? 1);
      const length = dims.reduce((a, b) => a * b, 1) * ELEMENT_BYTES[type];
      return toCanonical({ type, shape: dims, data: new Uint8Array(length) });
    });
    return {
      name: model.name,
      size: bytes.length,
      hash: blake2AsHex(bytes, 256),
      onnx: u8aToHex(bytes),
      metadata: {
        name: model.name.slice(0, 32),
        version: 1,
        signature: { inputs: model.signature.inputs.map(spec), outputs: model.signature.outputs.map(spec) },
        policy: { Exact: null },
        defaultRedundancy: 1,
      },
      inputs,
      expect: model.refuse ? { code: REFUSAL_CODES[model.refuse] } : null,
    };
  });
}
