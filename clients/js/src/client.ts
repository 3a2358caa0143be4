// The OPG Chain inference client: models, jobs and results over polkadot-api, typed by the
// descriptors generated from the runtime (`.papi/descriptors`, see scripts/descriptors.sh).
//
// Reads go through the runtime API `InferenceApi` (pallets/inference/runtime-api: `job`,
// `model`) where it answers, and through storage otherwise (`NextJobId` to tell a pruned job
// from one never submitted, `Disputes` for the quorum of a disputed result); constants give
// the fees.

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { getMetadata, opg } from '@polkadot-api/descriptors';
import { createClient, type PolkadotClient, type PolkadotSigner, type TypedApi } from 'polkadot-api';
import { type WebSocketClass, getWsProvider } from 'polkadot-api/ws';

import { type ComparisonPolicy } from './compare.js';
import {
  DispatchError,
  type FailureReason,
  InvalidInputError,
  JobFailedError,
  JobNotFoundError,
  JobPrunedError,
  ModelNotFoundError,
  QuoteRefusedError,
  OpgClientError,
  TimeoutError,
} from './errors.js';
import { type ElementType, type Outcome, type Tensor, TensorError, toHex, validateTensor } from './tensor.js';
import { type OnnxRunner, type VerifyReport, verifyJob } from './verify.js';

/** The typed polkadot-api API of OPG Chain. */
export type OpgApi = TypedApi<typeof opg>;

/** One axis of a tensor spec: a fixed extent, or `null` for a dynamic axis (e.g. batch). */
export type Dim = number | null;

/** Element type and shape of a model input or output. */
export interface TensorSpec {
  readonly elementType: ElementType;
  readonly shape: readonly Dim[];
}

/** A model's inputs and outputs, in graph order. */
export interface ModelSignature {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
}

/** What is registered with a model (`ModelMetadata` in the pallet). */
export interface ModelMetadata {
  /** At most `MaxNameLength` (64) bytes of UTF-8. */
  readonly name: string;
  /** The registrant's version number (default 1). */
  readonly version?: number;
  readonly signature: ModelSignature;
  /** How attestors' outputs are compared; see `Policy`. */
  readonly policy: ComparisonPolicy;
  /** Attestors per job when the submitter does not choose (default 1). */
  readonly defaultRedundancy?: number;
}

/** A registered model, as `InferenceApi::model` returns it. */
export interface Model {
  readonly hash: string;
  readonly owner: string;
  readonly name: string;
  readonly version: number;
  readonly signature: ModelSignature;
  readonly policy: ComparisonPolicy;
  readonly defaultRedundancy: number;
  readonly size: number;
  /** The URI of a model registered by URI; `undefined` for one registered with its bytes. */
  readonly uri: string | undefined;
  readonly deposit: bigint;
  readonly status: 'Active' | 'Retired';
  readonly registeredAt: number;
  readonly jobs: number;
}

/** Where a job is (`JobPhase`). */
export type JobPhase =
  | { type: 'Assigning'; value: { at: number } }
  | { type: 'Committing'; value: { deadline: number } }
  | { type: 'Revealing'; value: { deadline: number } }
  | { type: 'Resolving'; value: { at: number } }
  | { type: 'Finalized'; value: { at: number } }
  | { type: 'Failed'; value: { at: number; reason: FailureReason } };

/** Whether an agreed result can still change (`Settlement`). */
export type Settlement =
  | { type: 'Challengeable'; value: { until: number; bond: bigint } }
  | { type: 'Challenged'; value: { challenger: string } }
  | { type: 'Irreversible'; value?: undefined };

/** A job, as `InferenceApi::job` returns it. */
export interface Job {
  readonly id: bigint;
  readonly model: string;
  readonly submitter: string;
  readonly redundancy: number;
  readonly maxFee: bigint;
  readonly submittedAt: number;
  readonly round: number;
  readonly phase: JobPhase;
  /** The current round's attestors: whether each committed, and its reveal's state. */
  readonly attestors: readonly { account: string; committed: boolean; reveal: 'Pending' | 'Valid' | 'Mismatched' }[];
  readonly inputs: readonly Tensor[];
  /** The agreed outcome, once the job ended by agreement. */
  readonly result: Outcome | undefined;
  /** blake2-256 of the agreed outcome's SCALE encoding. */
  readonly resultHash: string | undefined;
  readonly settlement: Settlement | undefined;
}

/** A finalised job's outputs. */
export interface JobResult {
  readonly jobId: bigint;
  readonly model: string;
  readonly outputs: Tensor[];
  /**
   * The attestors whose outputs formed the quorum: the dispute record's quorum when the result
   * had dissenters or was challenged, else every attestor whose reveal was valid (all of them
   * agreed, or there would be a dispute record).
   */
  readonly attestors: string[];
  readonly resultHash: string | undefined;
  /** The block in which the job was finalised (its `JobFinalized` event). */
  readonly finalizedAt: number;
  readonly settlement: Settlement | undefined;
}

/** The fee to hold for a job (see `OpgClient.quote`). */
export interface Quote {
  /** `max_fee` to pass: `attestationFee × the largest round's attestors`. */
  readonly maxFee: bigint;
  readonly attestationFee: bigint;
  readonly redundancy: number;
  /** Attestors of each round the fee covers: the first, then each escalation. */
  readonly rounds: number[];
}

export interface ClientOptions {
  /** Signs transactions when a call is not given its own `signer`. */
  readonly signer?: PolkadotSigner;
  /**
   * Runs models for `verify`. The package root's `createOpgClient` (Node) uses onnxruntime-node;
   * in a browser pass `ortRunner(onnxruntime-web, ['wasm'])`.
   */
  readonly runOnnx?: OnnxRunner;
  /**
   * The WebSocket class for a URL; the global `WebSocket` by default (browsers, Node 22). The
   * package root's `createOpgClient` falls back on the `ws` package (Node 20).
   */
  readonly websocketClass?: WebSocketClass;
}

export interface TxOptions {
  readonly signer?: PolkadotSigner;
}

export interface SubmitOptions extends TxOptions {
  /** Attestors for the job; the model's default when absent. */
  readonly redundancy?: number;
  /** Fee to hold; `quote(model, { redundancy })` when absent. */
  readonly maxFee?: bigint;
  /** Check the inputs against the model's signature before sending (default true). */
  readonly checkInputs?: boolean;
}

export interface WaitOptions {
  /** Give up after this long (default 180 s) with a `TimeoutError`. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface Registered {
  readonly hash: string;
  readonly deposit: bigint;
  readonly blockHash: string;
}

/** blake2-256 of the ONNX bytes: a model's on-chain identity, as `0x` hex. */
export function modelHash(onnx: Uint8Array): string {
  return `0x${toHex(blake2b256(onnx))}`;
}

// ---- conversions between the client's types and polkadot-api's ----

const CHAIN_TYPE: Record<ElementType, string> = {
  f32: 'F32', f64: 'F64', i8: 'I8', u8: 'U8', i16: 'I16', i32: 'I32', i64: 'I64', bool: 'Bool',
};

type Variant = { type: string; value?: unknown };

function elementTypeFromChain(v: Variant): ElementType {
  return v.type.toLowerCase() as ElementType;
}

/** A tensor as the chain's `Tensor` argument (polkadot-api's shape of it). */
export function toChainTensor(tensor: Tensor) {
  validateTensor(tensor);
  return {
    element_type: { type: CHAIN_TYPE[tensor.elementType], value: undefined },
    shape: [...tensor.shape],
    data: tensor.data,
  } as { element_type: never; shape: number[]; data: Uint8Array };
}

/** A chain `Tensor` (from polkadot-api) as a client tensor. */
export function fromChainTensor(t: { element_type: Variant; shape: number[]; data: Uint8Array }): Tensor {
  return { elementType: elementTypeFromChain(t.element_type), shape: [...t.shape], data: new Uint8Array(t.data) };
}

function specToChain(spec: TensorSpec) {
  return {
    element_type: { type: CHAIN_TYPE[spec.elementType], value: undefined },
    shape: spec.shape.map((d) => (d === null ? { type: 'Dynamic', value: undefined } : { type: 'Fixed', value: d })),
  };
}

function specFromChain(spec: { element_type: Variant; shape: Variant[] }): TensorSpec {
  return {
    elementType: elementTypeFromChain(spec.element_type),
    shape: spec.shape.map((d) => (d.type === 'Fixed' ? (d.value as number) : null)),
  };
}

function metadataToChain(metadata: ModelMetadata) {
  const name = new TextEncoder().encode(metadata.name);
  return {
    name,
    version: metadata.version ?? 1,
    signature: {
      inputs: metadata.signature.inputs.map(specToChain),
      outputs: metadata.signature.outputs.map(specToChain),
    },
    policy: metadata.policy,
    default_redundancy: metadata.defaultRedundancy ?? 1,
  } as never;
}

function outcomeFromChain(o: Variant): Outcome {
  if (o.type === 'Success') return { type: 'Success', value: (o.value as Parameters<typeof fromChainTensor>[0][]).map(fromChainTensor) };
  return { type: 'Failure', value: o.value as number };
}

/** The first mismatch between inputs and a signature (Rust `ModelSignature::check_inputs`). */
export function checkInputs(signature: ModelSignature, inputs: readonly Tensor[]): string | undefined {
  if (inputs.length !== signature.inputs.length) {
    return `expected ${signature.inputs.length} tensors, got ${inputs.length}`;
  }
  for (const [index, tensor] of inputs.entries()) {
    const spec = signature.inputs[index] as TensorSpec;
    try {
      validateTensor(tensor);
    } catch (err) {
      return `tensor ${index}: ${(err as Error).message}`;
    }
    if (tensor.elementType !== spec.elementType) {
      return `tensor ${index}: expected element type ${spec.elementType}, got ${tensor.elementType}`;
    }
    if (tensor.shape.length !== spec.shape.length) {
      return `tensor ${index}: expected rank ${spec.shape.length}, got ${tensor.shape.length}`;
    }
    for (const [axis, dim] of spec.shape.entries()) {
      if (dim !== null && dim !== tensor.shape[axis]) {
        return `tensor ${index}, axis ${axis}: expected extent ${dim}, got ${tensor.shape[axis]}`;
      }
    }
  }
  return undefined;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of OPG Chain's inference pallet. Create it with `createOpgClient(url or PAPI
 * client, { signer })`; `destroy()` closes a connection it opened.
 */
export class OpgClient {
  readonly api: OpgApi;
  #signer: PolkadotSigner | undefined;
  #runOnnx: OnnxRunner | undefined;
  #owned: boolean;

  constructor(readonly client: PolkadotClient, options: ClientOptions & { owned?: boolean } = {}) {
    this.api = client.getTypedApi(opg);
    this.#signer = options.signer;
    this.#runOnnx = options.runOnnx;
    this.#owned = options.owned ?? false;
  }

  /** Closes the connection if this client opened it (created from a URL). */
  destroy(): void {
    if (this.#owned) this.client.destroy();
  }

  #signerFor(options: TxOptions | undefined): PolkadotSigner {
    const signer = options?.signer ?? this.#signer;
    if (!signer) throw new OpgClientError('no signer: pass { signer } to createOpgClient or to the call');
    return signer;
  }

  /** Signs, submits and waits for finality; throws `DispatchError` if the dispatch failed. */
  async #submit(call: string, tx: { signAndSubmit: (s: PolkadotSigner) => Promise<TxOutcome> }, options?: TxOptions): Promise<TxOutcome> {
    const outcome = await tx.signAndSubmit(this.#signerFor(options));
    if (!outcome.ok) {
      const { pallet, error } = describeDispatchError(outcome.dispatchError);
      throw new DispatchError(call, pallet, error, outcome.dispatchError, outcome.block.hash);
    }
    return outcome;
  }

  /**
   * Registers a model with its ONNX bytes (`register_model`; at most `MaxModelBytes`). Holds
   * `ModelDepositBase + ModelDepositPerByte × size` from the signer. Resolves once finalised.
   */
  async registerModel(onnx: Uint8Array, metadata: ModelMetadata, options?: TxOptions): Promise<Registered> {
    const tx = this.api.tx.Inference.register_model({ onnx, metadata: metadataToChain(metadata) });
    return this.#registered('Inference.register_model', await this.#submit('Inference.register_model', tx, options));
  }

  /**
   * Registers a model by hash, size and URI (`register_model_by_uri`, `https://` or
   * `ipfs://`): validators fetch the bytes and check the hash. Unproven until a job on it is
   * finalised. Holds `ModelDepositBase`.
   */
  async registerModelByUri(
    source: { hash: string; size: number; uri: string },
    metadata: ModelMetadata,
    options?: TxOptions,
  ): Promise<Registered> {
    const tx = this.api.tx.Inference.register_model_by_uri({
      model: source.hash as `0x${string}`,
      size: source.size,
      uri: new TextEncoder().encode(source.uri),
      metadata: metadataToChain(metadata),
    } as never);
    return this.#registered('Inference.register_model_by_uri', await this.#submit('Inference.register_model_by_uri', tx, options));
  }

  #registered(call: string, outcome: TxOutcome): Registered {
    const [event] = this.api.event.Inference.ModelRegistered.filter(outcome.events as never);
    if (!event) throw new OpgClientError(`${call}: no ModelRegistered event`);
    return { hash: event.payload.model, deposit: event.payload.deposit, blockHash: outcome.block.hash };
  }

  /**
   * Submits a job (`submit_job`) and resolves with its id, from the `JobSubmitted` event, once
   * its block is finalised. `model` is the model's hash. Inputs are checked against the
   * model's signature first (`InvalidInputError`) unless `checkInputs: false`; the chain
   * checks them again (`DispatchError` `Inference.InvalidInput`).
   */
  async submitJob(model: string, inputs: readonly Tensor[], options: SubmitOptions = {}): Promise<bigint> {
    let details: Model | undefined;
    if (options.checkInputs !== false || options.maxFee === undefined) {
      details = await this.getModel(model);
      if (!details) throw new ModelNotFoundError(model);
    }
    if (options.checkInputs !== false && details) {
      const problem = checkInputs(details.signature, inputs);
      if (problem) throw new InvalidInputError(model, problem);
    }
    let chainInputs;
    try {
      chainInputs = inputs.map(toChainTensor);
    } catch (err) {
      if (err instanceof TensorError) throw new InvalidInputError(model, err.message);
      throw err;
    }
    const maxFee = options.maxFee ?? (await this.quote(details ?? model, { redundancy: options.redundancy })).maxFee;
    const tx = this.api.tx.Inference.submit_job({
      model: model as `0x${string}`,
      input: chainInputs as never,
      redundancy: options.redundancy,
      max_fee: maxFee,
    });
    const outcome = await this.#submit('Inference.submit_job', tx, options);
    const [event] = this.api.event.Inference.JobSubmitted.filter(outcome.events as never);
    if (!event) throw new OpgClientError('Inference.submit_job: no JobSubmitted event');
    return event.payload.job_id;
  }

  /**
   * The fee to hold for a job of `model` (a hash or a `Model`), as the chain quotes it
   * (`InferenceApi::quote`): `AttestationFee × redundancy` (redundancy: the given one, else the
   * model's default). That is the least `max_fee` `submit_job` accepts (`FeeTooLow` below it)
   * and what a job whose attestors all agree is paid; the rest of a larger `max_fee` is
   * refunded. A job escalates after a round without quorum only if `max_fee` covers the next,
   * larger round (`2r + 1` attestors, at most `MaxRedundancy`): `escalations: n` quotes enough
   * for `n` of them. A job the chain would refuse throws `ModelNotFoundError` or
   * `QuoteRefusedError`. The transaction fee of `submit_job` itself is not included.
   */
  async quote(model: string | Model, options: { redundancy?: number | undefined; escalations?: number } = {}): Promise<Quote> {
    const hash = typeof model === 'string' ? model : model.hash;
    const quoted = await this.api.apis.InferenceApi.quote(
      hash as `0x${string}`, options.redundancy, options.escalations ?? 0,
    );
    if (!quoted.success) {
      const { error } = describeDispatchError(quoted.value);
      if (error === 'ModelNotFound') throw new ModelNotFoundError(hash);
      throw new QuoteRefusedError(hash, error);
    }
    const { max_fee: maxFee, attestation_fee: attestationFee, rounds } = quoted.value;
    return { maxFee, attestationFee, redundancy: rounds[0] as number, rounds };
  }

  /** A model by hash (`InferenceApi::model`), or `undefined`. */
  async getModel(hash: string, at?: string): Promise<Model | undefined> {
    const m = await this.api.apis.InferenceApi.model(hash as `0x${string}`, at ? { at } : {});
    if (!m) return undefined;
    return {
      hash: m.hash,
      owner: m.owner,
      name: new TextDecoder().decode(m.name),
      version: m.version,
      signature: {
        inputs: m.signature.inputs.map((s) => specFromChain(s as never)),
        outputs: m.signature.outputs.map((s) => specFromChain(s as never)),
      },
      policy: m.policy as ComparisonPolicy,
      defaultRedundancy: m.default_redundancy,
      size: m.size,
      uri: m.uri ? new TextDecoder().decode(m.uri) : undefined,
      deposit: m.deposit,
      status: m.status.type,
      registeredAt: m.registered_at,
      jobs: m.jobs,
    };
  }

  /** A job by id (`InferenceApi::job`), or `undefined` (never submitted, or pruned). */
  async getJob(jobId: bigint, at?: string): Promise<Job | undefined> {
    const j = await this.api.apis.InferenceApi.job(jobId, at ? { at } : {});
    if (!j) return undefined;
    return {
      id: j.id,
      model: j.model,
      submitter: j.submitter,
      redundancy: j.redundancy,
      maxFee: j.max_fee,
      submittedAt: j.submitted_at,
      round: j.round,
      phase: j.phase as JobPhase,
      attestors: j.attestors.map(([account, committed, reveal]) => ({ account, committed, reveal: reveal.type })),
      inputs: j.input.map((t) => fromChainTensor(t as never)),
      result: j.result ? outcomeFromChain(j.result as Variant) : undefined,
      resultHash: j.result_hash,
      settlement: j.settlement as Settlement | undefined,
    };
  }

  /**
   * Re-executes job `jobId` locally with onnxruntime (the client's `runOnnx`, or `options.runOnnx`)
   * on `onnx` (the model's bytes, which must hash to the job's model: `ModelMismatchError`
   * otherwise) and compares the outputs with the chain's agreed result under the model's
   * comparison policy.
   */
  async verify(jobId: bigint, onnx: Uint8Array, options: { runOnnx?: OnnxRunner } = {}): Promise<VerifyReport> {
    const run = options.runOnnx ?? this.#runOnnx;
    if (!run) throw new OpgClientError('no ONNX runner: pass { runOnnx } to createOpgClient or to verify');
    const job = await this.getJob(jobId);
    if (!job) {
      const next = await this.api.query.Inference.NextJobId.getValue();
      throw jobId < next ? new JobPrunedError(jobId) : new JobNotFoundError(jobId);
    }
    const model = await this.getModel(job.model);
    if (!model) throw new ModelNotFoundError(job.model);
    return verifyJob(job, model, modelHash(onnx), onnx, run);
  }

  /**
   * Waits until the job ends in a finalised block. Resolves with its outputs and the
   * attestors who agreed when it is `Finalized`; rejects with `JobFailedError` (with the
   * reason) when it `Failed`, `JobPrunedError` when it is gone, `JobNotFoundError` when it was
   * never submitted, and `TimeoutError` after `timeoutMs` (default 180 s).
   */
  async waitForResult(jobId: bigint, options: WaitOptions = {}): Promise<JobResult> {
    const timeoutMs = options.timeoutMs ?? 180_000;
    const deadline = Date.now() + timeoutMs;
    let lastSeen = 'nothing yet';
    let lastChecked: string | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      const block = await this.client.getFinalizedBlock();
      if (block.hash !== lastChecked) {
        lastChecked = block.hash;
        const done = await this.#checkEnded(jobId, block.hash, block.number);
        if (done.result) return done.result;
        lastSeen = `${done.seen} at finalised block #${block.number}`;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new TimeoutError(`job ${jobId} to end`, timeoutMs, lastSeen);
      await Promise.race([this.#nextFinalized(block.hash, Math.min(remaining, 6_000)), delay(Math.min(remaining, 6_000))]);
    }
  }

  /** Resolves when a block other than `hash` is finalised (or after `ms`). */
  #nextFinalized(hash: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        queueMicrotask(() => subscription.unsubscribe());
        resolve();
      };
      const timer = setTimeout(finish, ms);
      const subscription = this.client.finalizedBlock$.subscribe({
        next: (b) => {
          if (b.hash !== hash) finish();
        },
        error: finish,
      });
    });
  }

  async #checkEnded(jobId: bigint, at: string, number: number): Promise<{ result?: JobResult; seen: string }> {
    const job = await this.getJob(jobId, at);
    if (!job) {
      const next = await this.api.query.Inference.NextJobId.getValue({ at });
      if (jobId < next) throw new JobPrunedError(jobId);
      throw new JobNotFoundError(jobId);
    }
    const { phase } = job;
    if (phase.type === 'Failed') throw new JobFailedError(jobId, phase.value.reason, phase.value.at);
    if (phase.type !== 'Finalized') return { seen: `phase ${phase.type}` };
    if (job.result?.type !== 'Success') {
      throw new OpgClientError(`job ${jobId} is finalised at #${number} without outputs`);
    }
    const dispute = await this.api.query.Inference.Disputes.getValue(jobId, { at });
    const attestors = dispute
      ? [...dispute.quorum]
      : job.attestors.filter((a) => a.reveal === 'Valid').map((a) => a.account);
    return {
      seen: 'Finalized',
      result: {
        jobId,
        model: job.model,
        outputs: job.result.value,
        attestors,
        resultHash: job.resultHash,
        finalizedAt: phase.value.at,
        settlement: job.settlement,
      },
    };
  }
}

type TxOutcome = {
  ok: boolean;
  events: unknown[];
  dispatchError?: { type: string; value: unknown } | undefined;
  block: { hash: string; number: number };
};

/** `Module` errors as `{ pallet, error }`; others by their variant (`Token.FundsUnavailable`, ...). */
function describeDispatchError(dispatchError: unknown): { pallet: string | undefined; error: string } {
  const e = dispatchError as Variant | undefined;
  if (!e) return { pallet: undefined, error: 'unknown dispatch error' };
  if (e.type === 'Module') {
    const pallet = e.value as Variant;
    const inner = pallet.value as Variant | undefined;
    return { pallet: pallet.type, error: inner?.type ?? 'Unknown' };
  }
  const inner = e.value as Variant | undefined;
  return { pallet: undefined, error: inner && typeof inner === 'object' && 'type' in inner ? `${e.type}.${inner.type}` : e.type };
}

/**
 * A client from a WebSocket URL (it owns the connection: `destroy()` closes it) or from an
 * existing polkadot-api client (shared: `destroy()` leaves it open). This is the browser
 * entry's (`@opg-chain/client/browser`); the package root's adds Node's defaults.
 */
export function createOpgClient(source: string | PolkadotClient, options: ClientOptions = {}): OpgClient {
  if (typeof source === 'string') {
    const websocketClass = options.websocketClass ?? (globalThis.WebSocket as unknown as WebSocketClass | undefined);
    if (!websocketClass) throw new OpgClientError('no global WebSocket: pass { websocketClass }');
    const client = createClient(getWsProvider(source, { websocketClass }), { getMetadata });
    return new OpgClient(client, { ...options, owned: true });
  }
  return new OpgClient(source, options);
}
