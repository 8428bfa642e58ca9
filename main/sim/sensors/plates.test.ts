import { describe, expect, it } from 'vitest';
import type { DeviceStatus, EngineInput, PlateSamples } from '../../engine/inputs';
import type { SensorConfig } from './config';
import { trueLoadAt } from './plate-truth';
import { createSensorRender } from './render';
import { T0, plateSeries, testStore, testWorld } from './test-world';

const store = testStore();
/** Plates only, no random outages: the imperfection under test is switched on by each test. */
const platesOnly = (extra: Partial<SensorConfig> = {}) => ({ offlineEvents: [], announceDevices: false, ...extra });

function plateInputs(inputs: Iterable<EngineInput>): PlateSamples[] {
  return [...inputs].filter((i): i is PlateSamples => i.kind === 'plate-samples');
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function window(series: { t: number[]; g: number[] }, from: number, to: number): number[] {
  return series.g.filter((g, i) => series.t[i]! >= T0 + from && series.t[i]! < T0 + to && !Number.isNaN(g));
}

describe('weight plates', () => {
  it('renders the same bytes for the same seed, and different ones for another seed', () => {
    const world = testWorld({
      durationMs: 20_000,
      interactions: [{ personId: 1, kind: 'pick', plate: 'F-2', sku: 'B', quantity: 2, startMs: T0 + 5_000, endMs: T0 + 7_000 }],
    });
    const bytes = (seed: number) => {
      const chunks = plateInputs(createSensorRender(store, world, { seed, dropRate: 0.01 }).inputs());
      return { meta: chunks.map((c) => `${c.plate}@${c.t0}/${c.dt}`), data: Buffer.concat(chunks.map((c) => Buffer.from(c.grams.buffer, c.grams.byteOffset, c.grams.byteLength))) };
    };
    const a = bytes(3);
    const b = bytes(3);
    expect(a.meta).toEqual(b.meta);
    expect(a.data.equals(b.data)).toBe(true);
    expect(a.data.equals(bytes(4).data)).toBe(false);
  });

  it('drops the stable weight of a pick of k units by the weight of those k units', () => {
    const world = testWorld({
      durationMs: 20_000,
      interactions: [{ personId: 1, kind: 'pick', plate: 'F-2', sku: 'B', quantity: 3, startMs: T0 + 10_000, endMs: T0 + 12_000 }],
    });
    const render = createSensorRender(store, world, platesOnly());
    const series = plateSeries(render.inputs(), 'F-2');
    const before = mean(window(series, 5_000, 9_500));
    const after = mean(window(series, 12_500, 17_000));
    const truth = render.plateTruth.plates.get('F-2')!;
    const picked = truth.steps.reduce((s, step) => s + step.deltaG, 0);
    expect(picked).toBeGreaterThan(-3 * 400 - 3 * 4 * 4);
    expect(picked).toBeLessThan(-3 * 400 + 3 * 4 * 4);
    // Noise averages out over 4 s and drift is slow, so the step is the picked units' own weight.
    expect(Math.abs(after - before - picked)).toBeLessThan(1.5);
    expect(trueLoadAt(truth, T0 + 15_000) - trueLoadAt(truth, T0 + 5_000)).toBeCloseTo(picked, 6);
  });

  it('puts a unit back with the weight it had when it was picked', () => {
    const world = testWorld({
      durationMs: 30_000,
      interactions: [
        { personId: 1, kind: 'pick', plate: 'F-1', sku: 'A', quantity: 1, startMs: T0 + 5_000, endMs: T0 + 6_500 },
        { personId: 1, kind: 'misplaced-put-back', plate: 'F-3', sku: 'A', quantity: 1, startMs: T0 + 15_000, endMs: T0 + 16_500 },
      ],
    });
    const truth = createSensorRender(store, world, platesOnly({ straddleRate: 0 })).plateTruth.plates;
    const taken = truth.get('F-1')!.steps.reduce((s, x) => s + x.deltaG, 0);
    const placed = truth.get('F-3')!.steps.reduce((s, x) => s + x.deltaG, 0);
    expect(placed).toBeCloseTo(-taken, 6);
  });

  it('adds force transients only while a hand is in the shelf, on the plate and its shelf neighbours', () => {
    const interactions = [
      { personId: 1, kind: 'pick' as const, plate: 'F-2', sku: 'B', quantity: 1, startMs: T0 + 5_000, endMs: T0 + 7_000 },
      { personId: 1, kind: 'put-back' as const, plate: 'F-2', sku: 'B', quantity: 1, startMs: T0 + 12_000, endMs: T0 + 13_500 },
    ];
    const world = testWorld({ durationMs: 20_000, interactions });
    const render = createSensorRender(
      store,
      world,
      platesOnly({ plateNoiseG: 0, tareOffsetStdG: 0, driftGPerSqrtHour: 0, thermalDriftG: 0, plateResolutionG: 0, dropRate: 0, straddleRate: 0 }),
    );
    const inputs = [...render.inputs()];
    const inside = (t: number) => interactions.some((ix) => t >= ix.startMs && t < ix.endMs);
    for (const plate of ['F-1', 'F-2', 'F-3', 'F-4', 'B-2']) {
      const truth = render.plateTruth.plates.get(plate)!;
      const s = plateSeries(inputs, plate);
      let maxInside = 0;
      let maxOutside = 0;
      s.t.forEach((t, i) => {
        const dev = Math.abs(s.g[i]! - trueLoadAt(truth, t));
        if (inside(t)) maxInside = Math.max(maxInside, dev);
        else maxOutside = Math.max(maxOutside, dev);
      });
      expect(maxOutside, plate).toBeLessThan(0.01);
      if (plate === 'F-2') expect(maxInside).toBeGreaterThan(10);
      else if (plate.startsWith('F')) expect(maxInside, plate).toBeGreaterThan(0.2);
      else expect(maxInside, plate).toBeLessThan(0.01); // the other side of the gondola is another shelf
    }
  });

  it('measures each plate’s noise σ close to the configured one', () => {
    for (const plateNoiseG of [1.5, 4]) {
      const world = testWorld({ durationMs: 60_000 });
      const inputs = [...createSensorRender(store, world, platesOnly({ plateNoiseG, plateResolutionG: 0, dropRate: 0 })).inputs()];
      const sigmas = ['F-1', 'F-2', 'F-3', 'F-4', 'B-1', 'B-2', 'B-3', 'B-4'].map((plate) => {
        const g = plateSeries(inputs, plate).g;
        // Differences of neighbours remove the level and the slow drift: var(diff) = 2σ².
        const d = g.slice(1).map((x, i) => x - g[i]!);
        return Math.sqrt(mean(d.map((x) => x * x)) / 2);
      });
      for (const s of sigmas) {
        expect(s).toBeGreaterThan(0.6 * plateNoiseG);
        expect(s).toBeLessThan(1.6 * plateNoiseG);
      }
      expect(mean(sigmas) / plateNoiseG).toBeGreaterThan(0.85);
      expect(mean(sigmas) / plateNoiseG).toBeLessThan(1.2);
    }
  });

  it('drops about dropRate of the samples, in short gaps', () => {
    const world = testWorld({ durationMs: 300_000 });
    const inputs = plateInputs(createSensorRender(store, world, platesOnly({ dropRate: 0.01, dropGapSamples: 3 })).inputs());
    let total = 0;
    let dropped = 0;
    let gaps = 0;
    for (const plate of ['F-1', 'F-2', 'F-3', 'F-4', 'B-1', 'B-2', 'B-3', 'B-4']) {
      const g = plateSeries(inputs, plate).g;
      total += g.length;
      g.forEach((x, i) => {
        if (Number.isNaN(x)) {
          dropped++;
          if (i === 0 || !Number.isNaN(g[i - 1]!)) gaps++;
        }
      });
    }
    expect(dropped / total).toBeGreaterThan(0.0075);
    expect(dropped / total).toBeLessThan(0.0125);
    expect(dropped / gaps).toBeGreaterThan(2.4);
    expect(dropped / gaps).toBeLessThan(3.6);
  });

  it('sends nothing from a controller while it is offline, and says so with DeviceStatus', () => {
    const world = testWorld({ durationMs: 60_000 });
    const render = createSensorRender(store, world, {
      offlineEvents: [{ device: 'SHC-T1', atMs: 20_000, durationMs: 10_000 }],
      offlineDetectMs: 1_000,
    });
    const inputs = [...render.inputs()];
    const front = plateSeries(inputs, 'F-3').t;
    const back = plateSeries(inputs, 'B-3').t;
    const inGap = (t: number) => t >= T0 + 20_000 && t < T0 + 30_000;
    expect(front.filter(inGap)).toEqual([]);
    expect(back.filter(inGap).length).toBeGreaterThan(500);
    expect(front.filter((t) => t >= T0 + 30_000 && t < T0 + 31_000).length).toBeGreaterThan(50);
    const status = inputs.filter((i): i is DeviceStatus => i.kind === 'device-status' && i.device === 'SHC-T1');
    expect(status.map((s) => [s.t - T0, s.state])).toEqual([
      [0, 'online'],
      [21_000, 'offline'],
      [30_000, 'online'],
    ]);
  });

  it('adds random controller outages when none are configured', () => {
    const world = testWorld({ durationMs: 3_600_000 });
    const render = createSensorRender(store, world, { controllerOutagesPerHour: 6 });
    const windows = [...render.outages.values()].flat();
    expect(windows.length).toBeGreaterThan(0);
    for (const [from, to] of windows) expect(to - from).toBeLessThanOrEqual(45_000 * 2);
  });

  it('lets a put-back straddle two plates, splitting its weight between them', () => {
    const world = testWorld({
      durationMs: 20_000,
      interactions: [{ personId: 9, kind: 'restock', plate: 'F-2', sku: 'B', quantity: 1, startMs: T0 + 5_000, endMs: T0 + 8_000 }],
    });
    const render = createSensorRender(store, world, platesOnly({ straddleRate: 1 }));
    const [straddle] = render.plateTruth.straddles;
    expect(straddle).toBeDefined();
    expect(['F-1', 'F-3']).toContain(straddle!.neighbour);
    const own = render.plateTruth.plates.get('F-2')!.steps.reduce((s, x) => s + x.deltaG, 0);
    const other = render.plateTruth.plates.get(straddle!.neighbour)!.steps.reduce((s, x) => s + x.deltaG, 0);
    expect(own + other).toBeCloseTo(straddle!.weightG, 6);
    expect(other).toBeCloseTo(straddle!.weightG * straddle!.share, 6);
    const series = plateSeries(render.inputs(), straddle!.neighbour);
    expect(Math.abs(mean(window(series, 10_000, 19_000)) - mean(window(series, 0, 4_500)) - other)).toBeLessThan(1.5);
  });

  it('samples each controller at its configured rate, in chunks of about chunkMs', () => {
    const world = testWorld({ durationMs: 10_000 });
    const inputs = plateInputs(createSensorRender(store, world, platesOnly({ plateHz: 60, plateHzByController: { 'SHC-T2': 20 }, chunkMs: 1_000 })).inputs());
    const front = inputs.filter((i) => i.plate === 'F-1');
    const back = inputs.filter((i) => i.plate === 'B-1');
    expect(front[0]!.dt).toBeCloseTo(1000 / 60, 9);
    expect(back[0]!.dt).toBeCloseTo(50, 9);
    expect(front[1]!.grams.length).toBe(60);
    expect(back[1]!.grams.length).toBe(20);
    expect(front.reduce((n, c) => n + c.grams.length, 0)).toBe(600);
    // A run continues the previous one exactly, as a driver's clock does.
    for (let i = 1; i < front.length; i++) expect(front[i]!.t0).toBe(front[i - 1]!.t0 + front[i - 1]!.grams.length * front[i - 1]!.dt);
  });

  it('starts plates with the world’s initial stock, foreign units included', () => {
    const world = { ...testWorld({ durationMs: 1_000 }), initialStock: [{ plate: 'F-1', sku: 'A', units: 2 }, { plate: 'F-1', sku: 'B', units: 1 }, { plate: 'F-2', sku: 'B', units: 0 }] };
    const truth = createSensorRender(store, world, platesOnly()).plateTruth.plates;
    expect(truth.get('F-1')!.initialUnits).toBe(3);
    expect(truth.get('F-1')!.initialLoadG).toBeCloseTo(700, -1);
    expect(truth.get('F-2')!.initialUnits).toBe(0);
    expect(truth.get('F-3')!.initialUnits).toBe(0); // listed stock is the whole truth
  });

  it('starts plates at the given initial units, else at capacity', () => {
    const world = testWorld({ durationMs: 1_000 });
    const truth = createSensorRender(store, world, platesOnly({ initialUnits: new Map([['F-1', 3]]) })).plateTruth.plates;
    expect(truth.get('F-1')!.initialUnits).toBe(3);
    expect(truth.get('F-1')!.initialLoadG).toBeCloseTo(450, -1);
    expect(truth.get('F-2')!.initialUnits).toBe(10);
  });
});
