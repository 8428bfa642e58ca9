// A recorded batch once decoded, as the replay merge walks it: inputs in the order they must reach
// the engine, each with its time and source known without making the input itself.
import type { EngineInput, PlateSamples } from '../engine/inputs';

export interface DecodedBatch {
  readonly length: number;
  /** The sources its inputs come from (one, except in a batch of many plates); source(i) indexes this. */
  readonly sources: readonly string[];
  /** inputTime of input i. */
  time(i: number): number;
  source(i: number): number;
  /** Input i; a plate run is made in `transient` when given (see TransientRuns). */
  input(i: number, transient?: TransientRuns): EngineInput;
}

/** Runs longer than this get an array of their own even in a transient read. */
const maxPooledSamples = 256;

/**
 * Where a transient read makes plate runs: one object, refilled, and one samples array per run length,
 * so a replay allocates nothing per run. What it hands out is valid only until the next input is read.
 */
export class TransientRuns {
  readonly run: PlateSamples = { kind: 'plate-samples', plate: '', t0: 0, dt: 1, grams: new Float32Array(0) };
  private readonly arrays: Float32Array[] = [];

  /** An array of n samples to fill (the same one for every run of that length). */
  samples(n: number): Float32Array {
    if (n > maxPooledSamples) return new Float32Array(n);
    let array = this.arrays[n];
    if (array === undefined) this.arrays[n] = array = new Float32Array(n);
    return array;
  }
}
