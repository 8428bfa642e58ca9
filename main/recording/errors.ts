// Failures of reading a recording back. A replay that met a damaged batch must stop and say
// which row is bad and why: feeding the engine garbage would "reproduce" decisions that never
// happened, and a bare RangeError from deep inside a decoder tells the operator nothing.

/** A recorded input batch whose payload cannot be decoded; nothing from it was returned. */
export class RecordingFormatError extends Error {
  readonly code = 'RECORDING_FORMAT';
  constructor(
    /** The input_batches row id; undefined for a batch that was never stored. */
    readonly batchId: number | undefined,
    /** What is wrong, in words. */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`Recorded input batch ${batchId ?? '(not stored)'} cannot be decoded: ${problem}`, options);
    this.name = 'RecordingFormatError';
  }
}

/**
 * Raised by the byte-level decoders, which do not know which batch they are reading; the batch
 * decoder turns it into a RecordingFormatError with the batch id.
 */
export class PayloadProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadProblem';
  }
}
