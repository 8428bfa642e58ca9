// `walkout shelves accuracy`: the shelf stage alone on the simulator's scenarios — event precision,
// recall and product-and-quantity accuracy, the figures `walkout bench accuracy` reports for the
// shelves, without the cameras, fusion or a recording on disk in the loop (the shelf stage sees
// only plate samples, device status and staff actions, and no later stage changes its events).
// The sensors are rendered exactly as `walkout sim` renders them, cameras included, so the plates'
// signals are the ones the full benchmark replays; only the recording's 0.01 g rounding is skipped.
import { performance } from 'node:perf_hooks';
import type { ShelfEventDecision } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { createShelfStage } from '../engine/shelves';
import { scoreEvents, type EventMetrics } from '../eval/events';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import type { Scenario } from '../sim/scenarios';
import { createSensorRender } from '../sim/sensors';
import type { StoreModel } from '../store/schema';

export interface ShelfAccuracyRow {
  scenario: string;
  seed: number;
  shoppers: number;
  minutes: number;
  interactions: number;
  events: number;
  event_precision: number | null;
  event_recall: number | null;
  product_accuracy: number | null;
  counts: EventMetrics['counts'];
  wallMs: number;
}

export function shelfAccuracy(store: StoreModel, scenario: Scenario, seed: number): ShelfAccuracyRow {
  const started = performance.now();
  const shoppers = scenario.behaviour.shoppers ?? 20;
  const world = simulateWorld(store, behaviourConfig({ ...scenario.behaviour, seed, shoppers, durationMs: scenario.minutes * 60_000 }));
  const events: ShelfEventDecision[] = [];
  const engine = createEngine([createShelfStage(store)], (d) => {
    if (d.kind === 'shelf-event') events.push(d);
  });
  for (const input of createSensorRender(store, world, scenario.sensors ?? {}).inputs()) {
    if (input.kind === 'plate-samples' || input.kind === 'device-status' || input.kind === 'staff-action') engine.push(input);
  }
  engine.advance(world.endMs);
  engine.finish();
  // No receipts: attribution is fusion's, and not what this measures.
  const m = scoreEvents(world, events, []);
  return {
    scenario: scenario.name,
    seed,
    shoppers,
    minutes: scenario.minutes,
    interactions: world.interactions.length,
    events: events.length,
    event_precision: m.event_precision,
    event_recall: m.event_recall,
    product_accuracy: m.product_accuracy,
    counts: m.counts,
    wallMs: performance.now() - started,
  };
}

const fmt = (v: number | null): string => (v === null ? '—' : v.toFixed(3));

export function shelfAccuracyTable(rows: readonly ShelfAccuracyRow[]): string {
  const header = ['scenario', 'shoppers', 'interactions', 'events', 'event P', 'event R', 'product'];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${[r.scenario, r.shoppers, r.interactions, r.events, fmt(r.event_precision), fmt(r.event_recall), fmt(r.product_accuracy)].join(' | ')} |`),
  ].join('\n');
}
