// Local re-execution of a job with onnxruntime, and comparison with the chain's result under
// the model's comparison policy (the rules of `tensors_agree` in
// pallets/inference/primitives/src/compare.rs, mirrored in ./compare.ts). The runtime is
// passed in: onnxruntime-node in Node (./node.ts), onnxruntime-web in a browser (`ortRunner`).
//
// onnxruntime is not the validators' engine (tract, in node/engine): float outputs differ by a
// few ULPs, which a model's tolerance policy absorbs, and its errors are not the chain's error
// codes, so a job whose agreed outcome is a model error can only be reported, not matched.

import { type ComparisonPolicy, maxUlpDistance, outputsAgree } from './compare.js';
import type { Job, Model } from './client.js';
import { ModelMismatchError, OpgClientError } from './errors.js';
import { type ElementType, type Outcome, type Tensor, tensorFromTypedArray, toTypedArray } from './tensor.js';

/** Runs an ONNX model on canonical tensors; outputs in graph order. */
export type OnnxRunner = (onnx: Uint8Array, inputs: readonly Tensor[]) => Promise<Tensor[]>;

/**
 * The part of onnxruntime's JavaScript API (onnxruntime-common, shared by onnxruntime-node and
 * onnxruntime-web) that running a model takes.
 */
export interface OrtModule {
  readonly InferenceSession: {
    create(model: Uint8Array, options?: { executionProviders?: string[] }): Promise<OrtSession>;
  };
  readonly Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
}

interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, never>): Promise<Record<string, { type: string; data: unknown; dims: readonly number[] }>>;
  release(): Promise<void>;
}

const ORT_TYPE: Record<ElementType, string> = {
  f32: 'float32', f64: 'float64', i8: 'int8', u8: 'uint8', i16: 'int16', i32: 'int32', i64: 'int64', bool: 'bool',
};
const FROM_ORT: Record<string, ElementType> = Object.fromEntries(
  Object.entries(ORT_TYPE).map(([k, v]) => [v, k as ElementType]),
);

/**
 * An `OnnxRunner` on an onnxruntime module: `ortRunner(await import('onnxruntime-web'),
 * ['wasm'])` in a browser; in Node the package root's `runOnnx` is
 * `ortRunner(onnxruntime-node, ['cpu'])`.
 */
export function ortRunner(ort: OrtModule, executionProviders: string[]): OnnxRunner {
  return async (onnx, inputs) => {
    const session = await ort.InferenceSession.create(onnx, { executionProviders });
    try {
      if (session.inputNames.length !== inputs.length) {
        throw new OpgClientError(`the model takes ${session.inputNames.length} inputs, the job has ${inputs.length}`);
      }
      const feeds: Record<string, unknown> = {};
      session.inputNames.forEach((name, i) => {
        const tensor = inputs[i] as Tensor;
        feeds[name] = new ort.Tensor(ORT_TYPE[tensor.elementType] as 'float32', toTypedArray(tensor) as Float32Array, [...tensor.shape]);
      });
      const results = await session.run(feeds as Record<string, never>);
      return session.outputNames.map((name) => {
        const out = results[name];
        if (!out) throw new OpgClientError(`onnxruntime returned no output ${name}`);
        const type = FROM_ORT[out.type];
        if (!type) throw new OpgClientError(`output ${name} has type ${out.type}, not one of the chain's element types`);
        return tensorFromTypedArray(out.data as Float32Array, out.dims, type);
      });
    } finally {
      await session.release();
    }
  };
}

/** What `verify` found. */
export interface VerifyReport {
  readonly jobId: bigint;
  readonly model: string;
  readonly policy: ComparisonPolicy;
  /** The chain's agreed outcome. */
  readonly chain: Outcome;
  /** The local outputs, or the local error. */
  readonly local: { type: 'Success'; value: Tensor[] } | { type: 'Error'; value: string };
  /** Whether the outcomes agree under the model's policy (always false for error outcomes). */
  readonly agree: boolean;
  /** For float outputs, the largest ULP distance of each output (diagnostics). */
  readonly maxUlps: number[];
  /** A one-line verdict. */
  readonly summary: string;
}

/** Compares a job's agreed outcome with a local run of `run` (see `OpgClient.verify`). */
export async function verifyJob(job: Job, model: Model, onnxHash: string, onnx: Uint8Array, run: OnnxRunner): Promise<VerifyReport> {
  if (onnxHash !== job.model) throw new ModelMismatchError(job.model, onnxHash);
  if (!job.result) {
    throw new OpgClientError(`job ${job.id} has no agreed result yet (phase ${job.phase.type})`);
  }
  let local: VerifyReport['local'];
  try {
    local = { type: 'Success', value: await run(onnx, job.inputs) };
  } catch (err) {
    local = { type: 'Error', value: (err as Error).message };
  }
  const chain = job.result;
  const base = { jobId: job.id, model: job.model, policy: model.policy, chain, local };
  if (chain.type === 'Failure' || local.type === 'Error') {
    const summary =
      chain.type === 'Failure'
        ? `the chain agreed on model error code ${chain.value}; locally: ${local.type === 'Error' ? `error: ${local.value}` : 'outputs'} (error codes are the validators' engine's and cannot be compared)`
        : `local execution failed: ${(local as { value: string }).value}`;
    return { ...base, agree: false, maxUlps: [], summary };
  }
  const agree = outputsAgree(model.policy, chain.value, local.value);
  const maxUlps = chain.value.map((t, i) => {
    const other = local.value[i];
    return other && (t.elementType === 'f32' || t.elementType === 'f64') ? maxUlpDistance(t, other) : 0;
  });
  const summary = agree
    ? `agree: the local outputs match the chain's under ${describePolicy(model.policy)}`
    : `disagree: the local outputs differ from the chain's under ${describePolicy(model.policy)} (max ULP distance per output: ${maxUlps.join(', ')})${
        model.policy.type === 'Deterministic'
          ? '; onnxruntime does not reproduce the deterministic mode\'s bits: re-execute with `opg-node infer --deterministic` for a bit-exact check'
          : ''
      }`;
  return { ...base, agree, maxUlps, summary };
}

export function describePolicy(policy: ComparisonPolicy): string {
  switch (policy.type) {
    case 'Exact': return 'Exact';
    case 'Deterministic': return 'Deterministic';
    case 'Ulps': return `Ulps { max_ulps: ${policy.value.max_ulps} }`;
    case 'AbsRel': return `AbsRel { abs_e9: ${policy.value.abs_e9}, rel_e9: ${policy.value.rel_e9} }`;
  }
}
