// The simulator as a live source: one simulated store hour after another, its sensor inputs handed
// out in store-time order as the wall clock reaches them (times `speed`). To everything downstream
// it is just another producer of engine inputs, the same path real devices take.
import type { EngineInput } from '../engine/inputs';
import { inputTime } from '../engine/inputs';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import { createSensorRender } from '../sim/sensors';
import type { StoreModel } from '../store/schema';

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
    yield* createSensorRender(store, world).inputs();
  }
}

/**
 * Releases inputs when the wall clock reaches their store time. `pump(wallMs)` hands every due input
 * to `sink` and returns the store time reached, so the caller drives it from a timer.
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
   * Hands every due input to `sink` and returns the store time reached. `overBudget` is asked now and
   * then; when it says yes the pump stops early and returns the time of the last input handed out,
   * so a machine too slow for the chosen speed falls behind smoothly instead of stalling.
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
      const t = inputTime(this.pending);
      if (t > due) return due;
      sink(this.pending);
      reached = t;
      this.pending = undefined;
      if ((n & 255) === 0 && overBudget()) return reached;
    }
  }
}
