// Hand-made worlds for fusion's tests: a 10 m square store with two adjacent entry gates (0.2 m
// apart, like the demo store's) and an exit on its bottom wall (y = 10, inside is y < 10), one gondola with four plates whose fronts face the aisle
// at y = 5.3, a stock-room door top right, and helpers that write track points, tokens and shelf
// events, and feed them to a stage the way the engine frame would.
import type { EngineDecision, ProductHypothesis, ShelfEventDecision, ShelfReadingDecision, TrackLifecycleDecision, TrackPoint } from '../decisions';
import type { EngineInput, GatePassage, GateScan, StaffAction } from '../inputs';
import { inputTime } from '../inputs';
import type { EngineStage } from '../stage';
import type { StoreModel } from '../../store/schema';
import { issueEntryToken, keyFromHex, type EntryClaims } from './entry-token';

export const testKey = keyFromHex('5a'.repeat(32));
export const T0 = 1_000_000;

const plate = (id: string, offset: number, channel: number) => ({ id, offset, width: 0.5, device: { controller: 'SHC-T', channel } });

export const testStore: StoreModel = {
  layout: {
    schemaVersion: 1,
    id: 'test-store',
    name: 'Test store',
    currency: 'EUR',
    timezone: 'Europe/Dublin',
    floor: { width: 10, depth: 10, outline: [[0, 0], [10, 0], [10, 10], [0, 10]] },
    zones: [{ id: 'stock-room', name: 'Stock-room door', kind: 'staff', polygon: [[9, 0], [10, 0], [10, 1], [9, 1]] }],
    fixtures: [
      {
        id: 'F1',
        name: 'Gondola',
        kind: 'gondola',
        center: [5, 5],
        length: 2,
        depth: 0.6,
        height: 1.6,
        rotation: 0,
        shelves: [{ id: 'F1-S1', face: 'front', height: 1.0, depth: 0.4, plates: [plate('P1', 0, 0), plate('P2', 0.5, 1), plate('P3', 1.0, 2), plate('P4', 1.5, 3)] }],
      },
    ],
    gates: [
      { id: 'in-1', name: 'Entry 1', kind: 'entry', line: [[2, 10], [1, 10]], scanner: { kind: 'simulated', serial: 'S-1' } },
      { id: 'in-2', name: 'Entry 2', kind: 'entry', line: [[3.2, 10], [2.2, 10]], scanner: { kind: 'simulated', serial: 'S-2' } },
      { id: 'out-1', name: 'Exit 1', kind: 'exit', line: [[9, 10], [8, 10]] },
    ],
  },
  cameras: [],
  catalog: [
    { sku: 'APPLE', upc: '00000001', name: 'Apple', category: 'fruit', priceMinor: 50, weightMeanG: 180, weightStdG: 10, ageRestricted: false },
    { sku: 'BREAD', upc: '00000002', name: 'Bread', category: 'bakery', priceMinor: 200, weightMeanG: 400, weightStdG: 8, ageRestricted: false },
    { sku: 'WINE', upc: '00000003', name: 'Wine', category: 'drinks', priceMinor: 900, weightMeanG: 1200, weightStdG: 15, ageRestricted: true },
    { sku: 'CHEESE', upc: '00000004', name: 'Cheese', category: 'dairy', priceMinor: 400, weightMeanG: 200, weightStdG: 5, ageRestricted: false },
  ],
  planogram: [
    { plate: 'P1', sku: 'APPLE', capacity: 20, restockThreshold: 4 },
    { plate: 'P2', sku: 'BREAD', capacity: 10, restockThreshold: 2 },
    { plate: 'P3', sku: 'WINE', capacity: 6, restockThreshold: 1 },
    { plate: 'P4', sku: 'CHEESE', capacity: 10, restockThreshold: 2 },
  ],
};

/** Floor x of plate Pn's front (its middle), and the aisle's y right in front of the plates. */
export const plateX = { P1: 4.25, P2: 4.75, P3: 5.25, P4: 5.75 } as const;
export const frontY = 5.3;

let nonceCounter = 0;
export function token(overrides: Partial<EntryClaims> = {}, key = testKey): string {
  return issueEntryToken(key, {
    account: 'acct-1',
    store: 'test-store',
    issuedAtMs: T0 - 60_000,
    expiresAtMs: T0 + 3_600_000,
    nonce: `nonce-${++nonceCounter}`,
    groupSize: 1,
    ...overrides,
  });
}

export const scan = (gate: string, t: number, text: string): GateScan => ({ kind: 'gate-scan', gate, t, token: text });
export const passage = (gate: string, t: number): GatePassage => ({ kind: 'gate-passage', gate, t });
export const restock = (action: 'restock-start' | 'restock-end', t: number, fixture = 'F1'): StaffAction => ({ kind: 'staff-action', t, actor: 'staff-1', action, fixture });
export const ageChecked = (t: number, sessionId: string): StaffAction => ({ kind: 'staff-action', t, actor: 'staff-1', action: 'age-checked', sessionId });

export type Waypoint = readonly [x: number, y: number];

/** A reach into a plate by one track, from one time to another. */
export interface Reach {
  trackId: number;
  plate: keyof typeof plateX;
  fromMs: number;
  toMs: number;
}

/** A wrist seen by several cameras: about 2 cm either way. */
const wristCov: [number, number, number, number, number, number] = [0.0004, 0, 0, 0.0004, 0, 0.0004];

/**
 * Gives every track point both wrists, as the vision stage reports them: at the hips either side
 * of the body, except during a reach, when the right one is where a wrist is when its hand grasps
 * at the plate (10 cm behind the front edge, 7 cm above the shelf, pulled back 14 cm towards the body).
 */
export function withWrists<T extends EngineDecision>(decisions: readonly T[], reaches: readonly Reach[] = []): T[] {
  return decisions.map((d) => {
    if (d.kind !== 'track-point') return d;
    const p = d as TrackPoint;
    const reach = reaches.find((r) => r.trackId === p.trackId && p.t >= r.fromMs && p.t <= r.toMs);
    const hip = (side: number) => ({ x: p.x + side * 0.22, y: p.y, z: 0.8, cov: wristCov });
    let right = hip(1);
    if (reach) {
      const gx = plateX[reach.plate];
      const gy = frontY - 0.1;
      const d = Math.hypot(gx - p.x, gy - p.y);
      right = { x: gx - ((gx - p.x) * 0.14) / d, y: gy - ((gy - p.y) * 0.14) / d, z: 1.07, cov: wristCov };
    }
    return { ...p, leftHand: hip(-1), rightHand: right } as T;
  });
}

/**
 * Track points every 100 ms from t0 along straight legs between waypoints at `speed` m/s; a
 * waypoint followed by a number stands there that many ms.
 */
export function path(trackId: number, t0: number, legs: readonly (Waypoint | number)[], speed = 1): TrackPoint[] {
  const out: TrackPoint[] = [];
  let t = t0;
  let [x, y] = legs[0] as Waypoint;
  out.push({ kind: 'track-point', t, trackId, x, y });
  for (const leg of legs.slice(1)) {
    if (typeof leg === 'number') {
      for (let k = 0; k < Math.round(leg / 100); k++) out.push({ kind: 'track-point', t: (t += 100), trackId, x, y });
      continue;
    }
    const [tx, ty] = leg;
    const steps = Math.max(1, Math.ceil(Math.hypot(tx - x, ty - y) / (speed * 0.1)));
    const [sx, sy] = [x, y];
    for (let k = 1; k <= steps; k++) out.push({ kind: 'track-point', t: (t += 100), trackId, x: sx + ((tx - sx) * k) / steps, y: sy + ((ty - sy) * k) / steps });
    [x, y] = [tx, ty];
  }
  return out;
}

export function lifecycle(kind: TrackLifecycleDecision['kind'], trackId: number, t: number, x: number, y: number): TrackLifecycleDecision {
  return { kind, trackId, t, x, y };
}

/** The lifecycle the vision stage reports around a path: started at its first point, ended at its last. */
export function walkedTrack(trackId: number, t0: number, legs: readonly (Waypoint | number)[], speed = 1): (TrackPoint | TrackLifecycleDecision)[] {
  const points = path(trackId, t0, legs, speed);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return [lifecycle('track-started', trackId, first.t, first.x, first.y), ...points, lifecycle('track-ended', trackId, last.t + 50, last.x, last.y)];
}

/** The shelf stage's first reading of what `shelfEvent` with the same plates and hypotheses will settle. */
export function shelfReading(id: string, plates: string[], startMs: number, t: number, hypotheses: ProductHypothesis[], extra: Partial<ShelfReadingDecision> = {}): ShelfReadingDecision {
  return { kind: 'shelf-reading', id, t, startMs, endMs: t - 150, fixture: 'F1', shelf: 'F1-S1', plates, deltaGrams: plates.map(() => -100), hypotheses, ...extra };
}

export function shelfEvent(id: string, plates: string[], startMs: number, endMs: number, hypotheses: ProductHypothesis[], extra: Partial<ShelfEventDecision> = {}): ShelfEventDecision {
  return {
    kind: 'shelf-event',
    id,
    t: endMs + 1200,
    startMs,
    endMs,
    fixture: 'F1',
    shelf: 'F1-S1',
    plates,
    deltaGrams: plates.map(() => -100),
    hypotheses,
    ...extra,
  };
}

type Item = { input: EngineInput } | { decision: EngineDecision };
const itemTime = (item: Item): number => ('input' in item ? inputTime(item.input) : item.decision.t);

export interface FeedOptions {
  /** Sees the stage after every item, at the time it was delivered. */
  afterEach?: (t: number) => void;
  /** When a decision reaches the stage, if not at its own time (a late camera's track points): items go in delivery order. */
  deliveredAt?: (decision: EngineDecision) => number;
}

/**
 * Feeds inputs and earlier stages' decisions in time order (inputs before decisions at one time,
 * as the frame advances before it accepts), advancing time first as the engine frame does, then
 * finishes at `endMs`. Returns every decision the stage emitted.
 */
export function feed(stage: EngineStage, inputs: readonly EngineInput[], decisions: readonly EngineDecision[], endMs: number, options: FeedOptions = {}): EngineDecision[] {
  const out: EngineDecision[] = [];
  const emit = (d: EngineDecision) => void out.push(d);
  const { afterEach, deliveredAt } = options;
  const deliveryTime = (item: Item): number => (deliveredAt && 'decision' in item ? deliveredAt(item.decision) : itemTime(item));
  const items: Item[] = [...inputs.map((input) => ({ input })), ...decisions.map((decision) => ({ decision }))];
  items.sort((a, b) => deliveryTime(a) - deliveryTime(b));
  let now = -Infinity;
  for (const item of items) {
    const t = deliveryTime(item);
    if (t > now) {
      now = t;
      stage.advance(t, emit);
    }
    if ('input' in item) stage.accept(item.input, emit);
    else stage.observe?.(item.decision, emit);
    afterEach?.(now);
  }
  if (endMs > now) stage.advance(endMs, emit);
  stage.finish(Math.max(now, endMs), emit);
  return out;
}

export function ofKind<K extends EngineDecision['kind']>(decisions: readonly EngineDecision[], kind: K): Extract<EngineDecision, { kind: K }>[] {
  return decisions.filter((d): d is Extract<EngineDecision, { kind: K }> => d.kind === kind);
}
