// Small hand-made stores and worlds for the sensor tests: one gondola, two shelf controllers, a
// straight-down and a tilted camera, an entry and an exit gate. Tests build worlds from people
// standing or walking and from explicit interactions, so each imperfection can be checked against
// a truth the test wrote itself rather than whatever the behaviour model does today.
import type { EngineInput } from '../../engine/inputs';
import { parseStoreFiles } from '../../store/validate';
import type { StoreModel } from '../../store/schema';
import type { SimGateCrossing, SimInteraction, SimPerson, SimSession, SimWorld } from '../world';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

export function testStore(): StoreModel {
  const plates = (prefix: string, controller: string) =>
    [0, 1, 2, 3].map((i) => ({ id: `${prefix}-${i + 1}`, offset: i * 0.9, width: 0.9, device: { controller, channel: i } }));
  return parseStoreFiles({
    layout: {
      schemaVersion: 1,
      id: 'test-store',
      name: 'Test store',
      currency: 'EUR',
      timezone: 'Europe/Dublin',
      floor: { width: 10, depth: 8, outline: [[0, 0], [10, 0], [10, 8], [0, 8]] },
      zones: [],
      fixtures: [
        {
          id: 'G1',
          name: 'Gondola',
          kind: 'gondola',
          center: [5, 3],
          length: 3.6,
          depth: 1,
          height: 1.6,
          rotation: 0,
          shelves: [
            { id: 'G1-F', face: 'front', height: 0.9, depth: 0.45, plates: plates('F', 'SHC-T1') },
            { id: 'G1-B', face: 'back', height: 0.9, depth: 0.45, plates: plates('B', 'SHC-T2') },
          ],
        },
      ],
      gates: [
        { id: 'in-1', name: 'Entry', kind: 'entry', line: [[2, 8], [1, 8]], scanner: { kind: 'simulated', serial: 'SCN-T1' } },
        { id: 'out-1', name: 'Exit', kind: 'exit', line: [[9, 8], [8, 8]] },
      ],
    },
    cameras: {
      cameras: [
        camera('cam-down', [5, 5, 3.35], 90, 90),
        // From the front wall looking back into the store, tilted down: sees bodies side-on.
        camera('cam-tilt', [5, 7.8, 3], 270, 40),
      ],
    },
    catalog: {
      products: [
        { sku: 'A', upc: '12345670', name: 'Apples', category: 'Fruit', priceMinor: 100, weightMeanG: 150, weightStdG: 1.5 },
        { sku: 'B', upc: '12345687', name: 'Beans', category: 'Tins', priceMinor: 120, weightMeanG: 400, weightStdG: 4 },
      ],
    },
    planogram: {
      facings: ['F-1', 'F-2', 'F-3', 'F-4', 'B-1', 'B-2', 'B-3', 'B-4'].map((plate, i) => ({
        plate,
        sku: i % 2 === 0 ? 'A' : 'B',
        capacity: 10,
        restockThreshold: 2,
      })),
    },
  });
}

function camera(id: string, position: [number, number, number], yaw: number, pitch: number) {
  return {
    id,
    name: id,
    resolution: { width: 1920, height: 1080 },
    fps: 15,
    intrinsics: { fx: 736, fy: 736, cx: 960, cy: 540 },
    pose: { position, yaw, pitch, roll: 0 },
    stream: { kind: 'simulated', url: `sim://${id}` },
  };
}

/** A person's path as [t offset ms, x, y] keyframes, optionally with a reaching hand per keyframe. */
export interface PathSpec {
  id: number;
  keys: [number, number, number][];
  hand?: ([number, number, number] | null)[];
  role?: SimPerson['role'];
  sessionId?: string;
  tailgater?: boolean;
}

export interface WorldSpec {
  durationMs: number;
  people?: PathSpec[];
  interactions?: Omit<SimInteraction, 'id' | 'sessionId'>[];
  sessions?: SimSession[];
  gateCrossings?: SimGateCrossing[];
  seed?: number;
}

/** Builds a SimWorld; trajectories sampled at 10 Hz by linear interpolation between keyframes. */
export function testWorld(spec: WorldSpec): SimWorld {
  const hz = 10;
  const people = spec.people ?? [];
  const t: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const hx: number[] = [];
  const hy: number[] = [];
  const hz3: number[] = [];
  const start: number[] = [];
  for (const p of people) {
    start.push(t.length);
    const k0 = p.keys[0]![0];
    const k1 = p.keys[p.keys.length - 1]![0];
    for (let ms = k0; ms <= k1; ms += 1000 / hz) {
      let j = 0;
      while (j < p.keys.length - 2 && p.keys[j + 1]![0] <= ms) j++;
      const a = p.keys[j]!;
      const b = p.keys[Math.min(j + 1, p.keys.length - 1)]!;
      const f = b[0] > a[0] ? Math.min(1, (ms - a[0]) / (b[0] - a[0])) : 0;
      t.push(T0 + ms);
      x.push(a[1] + f * (b[1] - a[1]));
      y.push(a[2] + f * (b[2] - a[2]));
      const h = p.hand?.[f < 0.5 ? j : Math.min(j + 1, p.keys.length - 1)] ?? null;
      hx.push(h ? h[0] : NaN);
      hy.push(h ? h[1] : NaN);
      hz3.push(h ? h[2] : NaN);
    }
  }
  return {
    storeId: 'test-store',
    seed: spec.seed ?? 7,
    startMs: T0,
    endMs: T0 + spec.durationMs,
    people: people.map((p) => ({
      id: p.id,
      role: p.role ?? 'shopper',
      sessionId: p.sessionId,
      tailgater: p.tailgater ?? false,
      enterMs: T0 + p.keys[0]![0],
      exitMs: T0 + p.keys[p.keys.length - 1]![0],
    })),
    sessions: spec.sessions ?? [],
    trajectories: {
      trajectoryHz: hz,
      personIds: Int32Array.from(people.map((p) => p.id)),
      start: Int32Array.from(start),
      t: Float64Array.from(t),
      x: Float32Array.from(x),
      y: Float32Array.from(y),
      handX: Float32Array.from(hx),
      handY: Float32Array.from(hy),
      handZ: Float32Array.from(hz3),
    },
    interactions: (spec.interactions ?? []).map((ix, id) => ({ ...ix, id, sessionId: undefined })),
    handOffs: [],
    gateCrossings: spec.gateCrossings ?? [],
  };
}

/** Concatenated samples of one plate (NaN for drops) with their times, from a rendered stream. */
export function plateSeries(inputs: Iterable<EngineInput>, plate: string): { t: number[]; g: number[] } {
  const t: number[] = [];
  const g: number[] = [];
  for (const input of inputs) {
    if (input.kind !== 'plate-samples' || input.plate !== plate) continue;
    for (let i = 0; i < input.grams.length; i++) {
      t.push(input.t0 + i * input.dt);
      g.push(input.grams[i]!);
    }
  }
  return { t, g };
}
