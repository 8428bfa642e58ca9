// `walkout bench tracking`: floor-tracking quality against the number of shoppers. For each count,
// a simulated stretch of the store goes through the vision stage alone (detections only), and its
// floor tracks are scored against the true trajectories at zero distance 1 m and 2 m, with the
// tracker's cost per camera frame and per floor tick.
import type { TrackPoint } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { createVisionStage } from '../engine/vision';
import { benchVision } from '../engine/vision/bench';
import { detectionsFromRows, evaluateMot } from '../eval/mot';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import { renderInputs } from '../sim/sensors';
import type { StoreModel } from '../store/schema';
import { frameOf } from './mot-points';
import { evalTickMs } from './run-dir';

export interface TrackingRow {
  shoppers: number;
  seed: number;
  people: number;
  hota1: number;
  idf11: number;
  mota1: number;
  hota2: number;
  idf12: number;
  mota2: number;
  idsw: number;
  idswPerShopperHour: number;
  msPerFrame: number;
  msPerTick: number;
}

export function benchTracking(store: StoreModel, options: { shoppers: number; minutes: number; seed: number }): TrackingRow {
  const world = simulateWorld(store, behaviourConfig({ seed: options.seed, shoppers: options.shoppers, durationMs: options.minutes * 60_000 }));
  const detections = [...renderInputs(store, world)].filter((input) => input.kind === 'detections');
  const points: TrackPoint[] = [];
  const engine = createEngine([createVisionStage(store)], (d) => {
    if (d.kind === 'track-point') points.push(d);
  });
  for (const input of detections) engine.push(input);
  engine.advance(world.endMs);
  engine.finish();

  const gtRows: number[][] = [];
  const { personIds, start, t, x, y } = world.trajectories;
  for (let p = 0; p < personIds.length; p++) {
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      const offset = t[i]! - world.startMs;
      if (Math.abs(offset - Math.round(offset / evalTickMs) * evalTickMs) <= 1) gtRows.push([frameOf(t[i]!, world.startMs), personIds[p]!, x[i]!, y[i]!]);
    }
  }
  const trRows = points.map((p) => [frameOf(p.t, world.startMs), p.trackId, p.x, p.y]);
  const at = (zeroDistance: number) => evaluateMot(detectionsFromRows(gtRows, { kind: 'point', zeroDistance }), detectionsFromRows(trRows, { kind: 'point', zeroDistance }), { kind: 'point', zeroDistance });
  const m1 = at(1);
  const m2 = at(2);
  const cost = benchVision(store, detections);
  const shopperHours = world.people.reduce((sum, p) => sum + (p.exitMs - p.enterMs), 0) / 3_600_000;
  return {
    shoppers: options.shoppers,
    seed: options.seed,
    people: world.people.length,
    hota1: m1.HOTA,
    idf11: m1.IDF1,
    mota1: m1.MOTA,
    hota2: m2.HOTA,
    idf12: m2.IDF1,
    mota2: m2.MOTA,
    idsw: m1.IDSW,
    idswPerShopperHour: shopperHours > 0 ? m1.IDSW / shopperHours : 0,
    msPerFrame: cost.msPerFrame,
    msPerTick: cost.msPerTick,
  };
}
