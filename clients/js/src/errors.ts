// Typed errors of the client. Each has a stable `name` to test with `instanceof` or by name.

/** Base class of every error the client throws on purpose. */
export class OpgClientError extends Error {
  override readonly name: string = 'OpgClientError';
}

/** Why a job failed, as the chain's `FailureReason`. */
export type FailureReason =
  | { type: 'ModelError'; value: number }
  | { type: 'NoQuorum'; value?: undefined }
  | { type: 'NotEnoughAttestors'; value?: undefined }
  | { type: 'Unavailable'; value?: undefined };

const REASON_TEXT: Record<FailureReason['type'], string> = {
  ModelError: 'the attestors agreed the model fails on this input',
  NoQuorum: 'no quorum of attestors agreed on an outcome; fee refunded',
  NotEnoughAttestors: 'too few validators had room for the job; fee refunded',
  Unavailable: 'no validator could fetch or run the model; the last round\'s attestation fees were burnt',
};

/** The job ended in `Failed` (a model error agreed by a quorum, no quorum, ...). */
export class JobFailedError extends OpgClientError {
  override readonly name = 'JobFailedError';
  constructor(readonly jobId: bigint, readonly reason: FailureReason, readonly block: number) {
    super(
      `job ${jobId} failed at block ${block}: ${reason.type}` +
        (reason.type === 'ModelError' ? ` (error code ${reason.value})` : '') +
        `: ${REASON_TEXT[reason.type]}`,
    );
  }
}

/** The job left state (`RetentionPeriod` after it ended): its result can no longer be read. */
export class JobPrunedError extends OpgClientError {
  override readonly name = 'JobPrunedError';
  constructor(readonly jobId: bigint) {
    super(`job ${jobId} was pruned: it ended more than the retention period ago; only its events remain`);
  }
}

/** No job with this id was ever submitted. */
export class JobNotFoundError extends OpgClientError {
  override readonly name = 'JobNotFoundError';
  constructor(readonly jobId: bigint) {
    super(`no job ${jobId} on chain (the next job id is higher than any submitted)`);
  }
}

/** No model with this hash is registered. */
export class ModelNotFoundError extends OpgClientError {
  override readonly name = 'ModelNotFoundError';
  constructor(readonly hash: string) {
    super(`no model ${hash} is registered`);
  }
}

/**
 * `submit_job` would refuse the job the quote was asked for: `error` is the pallet's error, such
 * as `InvalidRedundancy` (above `MaxRedundancy` or the validators that may be drawn) or
 * `ModelRetired`. An unknown model is a `ModelNotFoundError` instead.
 */
export class QuoteRefusedError extends OpgClientError {
  override readonly name = 'QuoteRefusedError';
  constructor(readonly model: string, readonly error: string) {
    super(`a job of model ${model} would be refused: ${error}`);
  }
}

/** A wait did not end in time. */
export class TimeoutError extends OpgClientError {
  override readonly name = 'TimeoutError';
  constructor(readonly what: string, readonly timeoutMs: number, readonly lastSeen?: string) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastSeen ? `; last seen: ${lastSeen}` : ''));
  }
}

/** Inputs that do not match the model's input signature, refused before anything is sent. */
export class InvalidInputError extends OpgClientError {
  override readonly name = 'InvalidInputError';
  constructor(readonly model: string, readonly detail: string) {
    super(`input does not match the signature of model ${model}: ${detail}`);
  }
}

/**
 * A transaction was included but its dispatch failed, e.g. `Inference.InvalidInput`:
 * `pallet` and `error` name the module error when it is one; `dispatchError` is the raw value.
 */
export class DispatchError extends OpgClientError {
  override readonly name = 'DispatchError';
  constructor(
    readonly call: string,
    readonly pallet: string | undefined,
    readonly error: string,
    readonly dispatchError: unknown,
    readonly blockHash: string,
  ) {
    super(`${call} failed in block ${blockHash}: ${pallet ? `${pallet}.${error}` : error}`);
  }

  /** `Pallet.Error`, e.g. `Inference.InvalidInput`. */
  get qualifiedName(): string {
    return this.pallet ? `${this.pallet}.${this.error}` : this.error;
  }
}

/** The model's bytes do not hash to the job's model. */
export class ModelMismatchError extends OpgClientError {
  override readonly name = 'ModelMismatchError';
  constructor(readonly expected: string, readonly actual: string) {
    super(`the ONNX bytes hash to ${actual}, not to the job's model ${expected}`);
  }
}
