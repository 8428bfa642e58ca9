// The simulator as a live source: one simulated store hour after another, its sensor inputs handed
// out in store-time order as the wall clock reaches the time each would arrive from a real device
// (times `speed`). To everything downstream it is just another producer of engine inputs, the same
// path real devices take.
import type { EngineInput } from '../engine/inputs';
import { inputTime } from '../engine/inputs';
import { plateRunEnd } from '../recording/plate-codec';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import { createSensorRender } from '../sim/sensors';
import type { StoreModel } from '../store/schema';

/**
 * Plate chunk length of the live simulated store, ms: real shelf controllers reach the engine in
 * chunks of about this length (the device feed's chunkMs, main/devices/shelves/device-feed.ts), and a
 * chunk is only there once its last sample is taken, so live latencies must be measured on chunks of
 * the same length. The simulator's own default (longer, cheaper to record) stays for recorded runs.
 */
export const LIVE_CHUNK_MS = 100;

export interface SimulatedFeedOptions {
  shoppers: number;
  /** Store seconds per wall second. */
  speed: number;
  seed: number;
  /** Store time the feed starts at (ms since the epoch). */
  startMs: number;
  /** Length of each simulated world; a new one (next seed) follows when it runs out. */
  worldMs?: number;
}

/** Yields the inputs of consecutive simulated worlds, forever, in store-time order. */
export function* simulatedInputs(store: StoreModel, options: SimulatedFeedOptions): Generator<EngineInput> {
  const worldMs = options.worldMs ?? 30 * 60_000;
  for (let k = 0; ; k++) {
    const world = simulateWorld(
      store,
      behaviourConfig({ seed: options.seed + k, shoppers: options.shoppers, startMs: options.startMs + k * worldMs, durationMs: worldMs }),
    );
    yield* createSensorRender(store, world, { chunkMs: LIVE_CHUNK_MS }).inputs();
  }
}

/**
 * When an input is there to be handed over: a plate chunk once its last sample has been taken (a
 * controller sends a chunk when it is full), anything else at its own time.
 */
export function arrivalTime(input: EngineInput): number {
  return input.kind === 'plate-samples' ? plateRunEnd(input) : input.t;
}

/**
 * Releases inputs, in the order given (store-time order, which the engine requires), when the wall
 * clock reaches their arrival time: a plate chunk only once its last sample has been taken, so the
 * engine never sees samples from the future. An input that arrives later than the next ones holds
 * them back until it is there, as the device path's reorder queue (DeviceInputQueue) does.
 * `pump(wallMs)` hands every arrived input to `sink` and returns the store time reached, so the
 * caller drives it from a timer.
 */
export class PacedFeed {
  private pending: EngineInput | undefined;
  private readonly wallStart: number;

  constructor(
    private readonly inputs: Iterator<EngineInput>,
    private readonly storeStartMs: number,
    private readonly speed: number,
    wallNowMs: number,
  ) {
    this.wallStart = wallNowMs;
  }

  storeTimeAt(wallMs: number): number {
    return this.storeStartMs + (wallMs - this.wallStart) * this.speed;
  }

  /** The wall time (on the clock given at construction) when store time reaches `storeMs`. */
  wallTimeAt(storeMs: number): number {
    return this.wallStart + (storeMs - this.storeStartMs) / this.speed;
  }

  /**
   * Hands every arrived input to `sink` and returns the store time reached: the clock's store time,
   * but never past the time of an input still held back (it sorts there, and the engine may not be
   * advanced beyond an input it has yet to take). `overBudget` is asked now and then; when it says
   * yes the pump stops early and returns the time of the last input handed out, so a machine too
   * slow for the chosen speed falls behind smoothly instead of stalling.
   */
  pump(wallMs: number, sink: (input: EngineInput) => void, overBudget: () => boolean = () => false): number {
    const due = this.storeTimeAt(wallMs);
    let reached = -Infinity;
    for (let n = 1; ; n++) {
      if (!this.pending) {
        const next = this.inputs.next();
        if (next.done) return due;
        this.pending = next.value;
      }
      if (arrivalTime(this.pending) > due) return Math.min(due, inputTime(this.pending));
      sink(this.pending);
      reached = inputTime(this.pending);
      this.pending = undefined;
      if ((n & 255) === 0 && overBudget()) return reached;
    }
  }
}
