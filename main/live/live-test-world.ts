// A small simulated store morning for the live path's tests, the crash fixture and the latency
// bench: the demo store, a few shoppers, sensor inputs in time order, and a loop that feeds them to
// a live pipeline the way the live runner does (advancing store time every tick).
import type { EngineInput } from '../engine/inputs';
import { inputTime } from '../engine/inputs';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import { createSensorRender } from '../sim/sensors';
import type { SimWorld } from '../sim/world';
import { demoStoreDir, loadStore } from '../store/load';
import type { StoreModel } from '../store/schema';
import type { LivePipeline } from './live-pipeline';

export interface TestWorld {
  store: StoreModel;
  world: SimWorld;
  inputs: EngineInput[];
}

/** `plateHz` below the demo's 60 keeps tests quick (the shelf stage works from 10 Hz). */
export function testWorld(options: { seed: number; shoppers: number; minutes: number; plateHz?: number; chunkMs?: number }): TestWorld {
  const store = loadStore(demoStoreDir());
  const { seed, shoppers, minutes } = options;
  const world = simulateWorld(store, behaviourConfig({ seed, shoppers, durationMs: minutes * 60_000, staffCount: 0, tailgateRate: 0 }));
  return { store, world, inputs: [...createSensorRender(store, world, { plateHz: options.plateHz ?? 60, chunkMs: options.chunkMs ?? 250 }).inputs()] };
}

/**
 * Feeds `inputs` with times in [fromMs, toMs) to `pipeline`, advancing store time every `tickMs` as
 * the live runner does; `onTick` runs after each advance and may stop the feed by returning true.
 */
export function feed(
  pipeline: Pick<LivePipeline, 'push' | 'advance'>,
  inputs: readonly EngineInput[],
  options: { fromMs?: number; toMs?: number; tickMs?: number; onTick?: (t: number) => boolean | void } = {},
): number {
  const tickMs = options.tickMs ?? 100;
  const fromMs = options.fromMs ?? -Infinity;
  const toMs = options.toMs ?? Infinity;
  let nextTick = -Infinity;
  for (const input of inputs) {
    const t = inputTime(input);
    if (t < fromMs) continue;
    if (t >= toMs) break;
    if (nextTick === -Infinity) nextTick = Math.ceil(t / tickMs) * tickMs;
    while (t > nextTick) {
      pipeline.advance(nextTick);
      if (options.onTick?.(nextTick)) return nextTick;
      nextTick += tickMs;
    }
    pipeline.push(input);
  }
  return nextTick;
}
