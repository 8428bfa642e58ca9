// The shelf stage end to end on synthetic weight streams whose truth is known exactly: what a clean
// pick or put-back produces, what must produce nothing (hand force, drift, dropped samples, an
// offline controller), straddled and concurrent changes, the planogram prior between near-identical
// products, the dynamic planogram, restock mode, restock alerts and determinism.
import { describe, expect, it } from 'vitest';
import type { EngineDecision, RestockAlertDecision, ShelfEventDecision, ShelfReadingDecision } from '../decisions';
import type { DeviceStatus, EngineInput, StaffAction } from '../inputs';
import { createShelfStage, type ShelfStageOptions } from './index';
import { runStage, syntheticSamples, type SyntheticGap, type SyntheticPlate, type SyntheticPress, type SyntheticStep } from './synthetic';
import { demoProducts, testStore } from './test-store';

const grams = (sku: string): number => demoProducts.find((p) => p.sku === sku)!.weightMeanG;

const store = testStore([
  {
    id: 'F1',
    shelves: [
      {
        id: 'F1-S1',
        plates: [
          { id: 'P1', sku: 'CRI-0001' },
          { id: 'P2', sku: 'CRI-0002' },
          { id: 'P3', sku: 'CRI-0003' },
          { id: 'P4', sku: 'BIS-0003' },
          { id: 'P5', sku: 'BIS-0003' },
          { id: 'P6', sku: 'CRI-0006' },
        ],
      },
      {
        id: 'F1-S2',
        controller: 'SHC-F1B',
        plates: [
          { id: 'Q1', sku: 'CAK-0011' },
          { id: 'Q2', sku: 'DAI-0002', capacity: 6, threshold: 1 },
          { id: 'Q3', sku: 'PHA-0003', capacity: 30, threshold: 5 },
          { id: 'Q4', sku: 'BIS-0020', capacity: 20, threshold: 4 },
        ],
      },
    ],
  },
  { id: 'F2', shelves: [{ id: 'F2-S1', plates: [{ id: 'R1', sku: 'CRI-0007' }, { id: 'R2', sku: 'CRI-0008' }] }] },
]);

const skuOf = new Map(store.planogram.map((f) => [f.plate, f.sku]));
/** A plate holding `units` of its planogram product. */
const stocked = (plate: string, units = 8, extra: Partial<SyntheticPlate> = {}): SyntheticPlate => ({
  plate,
  levelG: units * grams(skuOf.get(plate)!),
  ...extra,
});
const shelf1 = (): SyntheticPlate[] => ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((p) => stocked(p));
const shelf2 = (): SyntheticPlate[] => ['Q1', 'Q2', 'Q3', 'Q4'].map((p) => stocked(p, 5));

/** A hand at a plate: presses around the step, as the simulator's hands do. */
function reach(plate: string, at: number, deltaG: number): { steps: SyntheticStep[]; presses: SyntheticPress[] } {
  return {
    steps: [{ plate, at: at + 600, deltaG, rampMs: 150 }],
    presses: [
      { plate, at, durationMs: 250, amplitudeG: 90 },
      { plate, at: at + 900, durationMs: 200, amplitudeG: -40 },
    ],
  };
}

interface Scenario {
  plates: SyntheticPlate[];
  endMs: number;
  steps?: SyntheticStep[];
  presses?: SyntheticPress[];
  gaps?: SyntheticGap[];
  extra?: EngineInput[];
  hz?: number;
  seed?: number;
  chunkMs?: number;
  options?: Partial<ShelfStageOptions>;
}

function run(s: Scenario): {
  decisions: EngineDecision[];
  events: ShelfEventDecision[];
  readings: ShelfReadingDecision[];
  alerts: RestockAlertDecision[];
  stage: ReturnType<typeof createShelfStage>;
} {
  const stage = createShelfStage(store, s.options);
  const samples = syntheticSamples({
    plates: s.plates,
    startMs: 0,
    endMs: s.endMs,
    hz: s.hz ?? 60,
    seed: s.seed ?? 7,
    ...(s.chunkMs !== undefined ? { chunkMs: s.chunkMs } : {}),
    resolutionG: 0.1,
    steps: s.steps ?? [],
    presses: s.presses ?? [],
    gaps: s.gaps ?? [],
  });
  const decisions = runStage(stage, [...samples, ...(s.extra ?? [])], s.endMs);
  return {
    decisions,
    events: decisions.filter((d): d is ShelfEventDecision => d.kind === 'shelf-event'),
    readings: decisions.filter((d): d is ShelfReadingDecision => d.kind === 'shelf-reading'),
    alerts: decisions.filter((d): d is RestockAlertDecision => d.kind === 'restock-alert'),
    stage,
  };
}

const merge = (...parts: { steps: SyntheticStep[]; presses: SyntheticPress[] }[]) => ({
  steps: parts.flatMap((p) => p.steps),
  presses: parts.flatMap((p) => p.presses),
});

describe('shelf stage: first readings', () => {
  // Controllers reporting every 50 ms, so a reading's time is not rounded up to a long chunk.
  const chunkMs = 50;

  it('reads a pick from the first still samples, a second before the settled event, with the same plate and product', () => {
    const { readings, events } = run({ plates: shelf1(), endMs: 20_000, chunkMs, ...reach('P4', 8_000, -2 * grams('BIS-0003')) });
    expect(events).toHaveLength(1);
    // The weight reaches its new level at 8_750 (the step's ramp); the reading follows within the window and a chunk.
    expect(readings.length).toBeGreaterThanOrEqual(1);
    const last = readings.at(-1)!;
    expect(last).toMatchObject({ shelf: 'F1-S1', fixture: 'F1', plates: ['P4'], startMs: events[0]!.startMs });
    expect(last.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: 2 });
    expect(last.deltaGrams[0]).toBeCloseTo(events[0]!.deltaGrams[0]!, -1);
    expect(readings[0]!.t).toBeGreaterThan(8_750);
    expect(readings[0]!.t).toBeLessThan(8_750 + 150 + chunkMs + 50);
    expect(events[0]!.t - last.t).toBeGreaterThan(800);
    // Readings come out before the event they precede.
    expect(readings.every((r) => r.t <= events[0]!.t)).toBe(true);
  });

  it('gives none while nothing changed: idle plates, and a hand pressing on a plate without taking', () => {
    expect(run({ plates: shelf1(), endMs: 12_000, chunkMs }).readings).toEqual([]);
    const pressOnly = run({ plates: shelf1(), endMs: 12_000, chunkMs, presses: [{ plate: 'P2', at: 5_000, durationMs: 400, amplitudeG: 200 }] });
    expect(pressOnly.readings).toEqual([]);
    expect(pressOnly.events).toEqual([]);
  });

  it('reads again when a second unit goes before the shelf settles, and says so when the unit comes back', () => {
    const unit = grams('BIS-0003');
    const twice = run({ plates: shelf1(), endMs: 20_000, chunkMs, ...merge(reach('P4', 8_000, -unit), reach('P4', 9_300, -unit)) });
    expect(twice.readings.map((r) => r.hypotheses[0]?.quantity)).toEqual([1, 2]);
    expect(twice.events.map((e) => e.hypotheses[0]?.quantity)).toEqual([2]);
    const back = run({ plates: shelf1(), endMs: 20_000, chunkMs, ...merge(reach('P4', 8_000, -unit), reach('P4', 9_300, unit)) });
    expect(back.readings.map((r) => r.plates)).toEqual([['P4'], []]);
    expect(back.events).toEqual([]);
  });

  it('marks a reading in a fixture under restock as nobody’s', () => {
    const start: StaffAction = { kind: 'staff-action', t: 1_000, actor: 'staff-1', action: 'restock-start', fixture: 'F1' };
    const { readings } = run({ plates: shelf1(), endMs: 20_000, chunkMs, extra: [start], ...reach('P4', 8_000, grams('BIS-0003')) });
    expect(readings.length).toBeGreaterThanOrEqual(1);
    expect(readings.every((r) => r.sessionId === 'nobody')).toBe(true);
  });
});

describe('shelf stage: events', () => {
  it('a clean pick of k units is one event with the right Δw, product and quantity', () => {
    for (const k of [1, 2, 3]) {
      const { events } = run({ plates: shelf1(), endMs: 20_000, ...reach('P4', 8_000, -k * grams('BIS-0003')) });
      expect(events).toHaveLength(1);
      const [e] = events;
      expect(e!.plates).toEqual(['P4']);
      expect(e!.deltaGrams[0]).toBeCloseTo(-k * grams('BIS-0003'), -0.5);
      expect(e!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: k });
      expect(e!.hypotheses[0]!.probability).toBeGreaterThan(0.9);
      expect(e!.startMs).toBeGreaterThanOrEqual(7_900);
      expect(e!.startMs).toBeLessThanOrEqual(8_800);
      expect(e!.endMs).toBeLessThanOrEqual(e!.t);
      expect(e!.t).toBeLessThan(11_000);
      expect(e!.fixture).toBe('F1');
      expect(e!.shelf).toBe('F1-S1');
      expect(e!.sessionId).toBeUndefined();
    }
  });

  it('a put-back is a negative quantity of the plate product', () => {
    const { events } = run({ plates: shelf1(), endMs: 15_000, ...reach('P6', 6_000, grams('CRI-0006')) });
    expect(events).toHaveLength(1);
    expect(events[0]!.deltaGrams[0]).toBeCloseTo(grams('CRI-0006'), -0.5);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'CRI-0006', quantity: -1 });
  });

  it('measures Δw after a hand has pushed hard on the plate, not during', () => {
    const { events } = run({
      plates: shelf1(),
      endMs: 15_000,
      steps: [{ plate: 'P5', at: 6_000, deltaG: -grams('BIS-0003'), rampMs: 100 }],
      presses: [
        { plate: 'P5', at: 5_800, durationMs: 300, amplitudeG: 600 },
        { plate: 'P5', at: 6_150, durationMs: 400, amplitudeG: 350 },
        { plate: 'P4', at: 6_150, durationMs: 400, amplitudeG: 60 },
        { plate: 'P6', at: 6_150, durationMs: 400, amplitudeG: 40 },
      ],
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.plates).toEqual(['P5']);
    expect(Math.abs(events[0]!.deltaGrams[0]! + grams('BIS-0003'))).toBeLessThan(2);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: 1 });
  });

  it('small items are seen too: one 14.7 g blister pack', () => {
    const { events } = run({ plates: shelf2(), endMs: 12_000, ...reach('Q3', 5_000, -grams('PHA-0003')) });
    expect(events).toHaveLength(1);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'PHA-0003', quantity: 1 });
  });

  it('windows are sized in seconds: plates at 10 Hz and 80 Hz read the same pick', () => {
    for (const hz of [10, 80]) {
      const { events } = run({ plates: shelf2(), hz, endMs: 15_000, ...reach('Q1', 6_000, -2 * grams('CAK-0011')) });
      expect(events, `${hz} Hz`).toHaveLength(1);
      expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'CAK-0011', quantity: 2 });
    }
  });
});

describe('shelf stage: no phantom events', () => {
  it('hand force and rummaging without taking anything produce no event', () => {
    const presses: SyntheticPress[] = [];
    for (let i = 0; i < 12; i++) {
      const plate = ['P1', 'P3', 'P4', 'P6'][i % 4]!;
      presses.push({ plate, at: 3_000 + i * 2_500, durationMs: 150 + 40 * (i % 5), amplitudeG: (i % 3 === 0 ? -1 : 1) * (30 + 45 * (i % 7)) });
      presses.push({ plate, at: 3_300 + i * 2_500, durationMs: 200, amplitudeG: 80 });
    }
    const { events } = run({ plates: shelf1(), endMs: 40_000, presses });
    expect(events).toEqual([]);
  });

  it('slow drift over an hour produces no event, and a pick after it is still measured right', () => {
    const plates = shelf2().map((p, i) => ({ ...p, driftGPerHour: [25, -30, 12, -8][i]!, noiseG: 2 }));
    const { events } = run({ plates, hz: 10, endMs: 3_600_000, ...reach('Q4', 3_590_000, -grams('BIS-0020')) });
    expect(events).toHaveLength(1);
    expect(events[0]!.startMs).toBeGreaterThan(3_589_000);
    expect(events[0]!.deltaGrams[0]).toBeCloseTo(-grams('BIS-0020'), -0.5);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'BIS-0020', quantity: 1 });
  });

  it('dropped samples and an offline controller produce no event', () => {
    const offline: DeviceStatus = { kind: 'device-status', device: 'SHC-F1', t: 11_000, state: 'offline' };
    const online: DeviceStatus = { kind: 'device-status', device: 'SHC-F1', t: 30_000, state: 'online' };
    const gaps: SyntheticGap[] = [
      { plates: ['P2'], from: 3_000, to: 3_080, nan: true },
      { plates: ['P4', 'P5'], from: 5_000, to: 5_600, nan: true },
      { plates: ['P6'], from: 7_000, to: 9_500, nan: true },
      { plates: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'], from: 10_000, to: 30_000 },
    ];
    const { events } = run({ plates: shelf1(), endMs: 45_000, gaps, extra: [offline, online] });
    expect(events).toEqual([]);
  });

  it('a weight changed while the controller was offline is one event spanning the outage', () => {
    const gaps: SyntheticGap[] = [{ plates: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'], from: 10_000, to: 30_000 }];
    const extra: DeviceStatus[] = [
      { kind: 'device-status', device: 'SHC-F1', t: 11_000, state: 'offline' },
      { kind: 'device-status', device: 'SHC-F1', t: 30_000, state: 'online' },
    ];
    const { events } = run({ plates: shelf1(), endMs: 45_000, gaps, extra, steps: [{ plate: 'P4', at: 20_000, deltaG: -grams('BIS-0003') }] });
    expect(events).toHaveLength(1);
    expect(events[0]!.startMs).toBeLessThanOrEqual(10_000);
    // It ended when the plates were heard again.
    expect(events[0]!.endMs).toBeGreaterThan(29_900);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: 1 });
  });
});

describe('shelf stage: plates and products', () => {
  it('an item straddling two adjacent plates is one event with both plates and the summed Δw', () => {
    const unit = grams('BIS-0003');
    const { events } = run({
      plates: shelf1(),
      endMs: 15_000,
      steps: [
        { plate: 'P4', at: 6_000, deltaG: 0.7 * unit },
        { plate: 'P5', at: 6_000, deltaG: 0.3 * unit },
      ],
      presses: [{ plate: 'P4', at: 5_800, durationMs: 300, amplitudeG: 80 }],
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.plates).toEqual(['P4', 'P5']);
    expect(events[0]!.deltaGrams[0]! + events[0]!.deltaGrams[1]!).toBeCloseTo(unit, -0.5);
    expect(events[0]!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: -1 });
  });

  it('two picks at once on plates apart on one shelf are two events, each with its own product', () => {
    const { events } = run({ plates: shelf1(), endMs: 15_000, ...merge(reach('P1', 5_000, -grams('CRI-0001')), reach('P5', 5_300, -2 * grams('BIS-0003'))) });
    expect(events).toHaveLength(2);
    const byPlate = new Map(events.map((e) => [e.plates.join(), e]));
    expect(byPlate.get('P1')!.hypotheses[0]).toMatchObject({ sku: 'CRI-0001', quantity: 1 });
    expect(byPlate.get('P5')!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: 2 });
  });

  it('near-identical neighbours (crisps 157.4, 157.5 and 158.1 g): the planogram decides', () => {
    for (const [plate, sku] of [['P1', 'CRI-0001'], ['P2', 'CRI-0002'], ['P3', 'CRI-0003']] as const) {
      const { events } = run({ plates: shelf1(), endMs: 12_000, ...reach(plate, 4_000, -grams(sku)) });
      expect(events).toHaveLength(1);
      expect(events[0]!.hypotheses[0]).toMatchObject({ sku, quantity: 1 });
      // The other flavours are still offered, as less likely.
      expect(events[0]!.hypotheses.map((h) => h.sku)).toEqual(expect.arrayContaining(['CRI-0001', 'CRI-0002', 'CRI-0003']));
    }
  });

  it('a misplaced put-back is remembered, and the next pick of it from that plate is explained', () => {
    const muffins = grams('CAK-0011');
    const { events, stage } = run({
      plates: [...shelf1(), ...shelf2()],
      endMs: 40_000,
      ...merge(
        reach('Q1', 4_000, -muffins), // taken from its own plate on shelf 2
        reach('P4', 14_000, muffins), // left on the biscuits on shelf 1
        reach('P4', 24_000, -muffins), // and taken from there again
      ),
    });
    expect(events.map((e) => [e.plates.join(), e.hypotheses[0]?.sku, e.hypotheses[0]?.quantity])).toEqual([
      ['Q1', 'CAK-0011', 1],
      ['P4', 'CAK-0011', -1],
      ['P4', 'CAK-0011', 1],
    ]);
    // The stray muffins never counted as biscuits.
    expect(stage.inventory().find((i) => i.plate === 'P4')!.units).toBe(8);
  });

  it('without the misplaced put-back, the same pick from that plate is not the muffins', () => {
    const muffins = grams('CAK-0011');
    const { events } = run({
      // The muffin is on the plate from the start: nothing saw it arrive.
      plates: shelf1().map((p) => (p.plate === 'P4' ? { ...p, levelG: p.levelG + muffins } : p)),
      endMs: 15_000,
      ...reach('P4', 6_000, -muffins),
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.hypotheses[0]?.sku).not.toBe('CAK-0011');
  });
});

describe('shelf stage: staff and stock', () => {
  const start = (t: number, fixture = 'F1'): StaffAction => ({ kind: 'staff-action', t, actor: 'staff-1', action: 'restock-start', fixture });
  const end = (t: number, fixture = 'F1'): StaffAction => ({ kind: 'staff-action', t, actor: 'staff-1', action: 'restock-end', fixture });

  it('restock mode: events on the fixture are charged to nobody, events elsewhere are not', () => {
    const unit = grams('BIS-0003');
    const { events } = run({
      plates: [...shelf1(), stocked('R1'), stocked('R2')],
      endMs: 40_000,
      extra: [start(2_000), end(16_000)],
      steps: [
        { plate: 'P4', at: 5_000, deltaG: unit, rampMs: 120 },
        { plate: 'P4', at: 5_700, deltaG: unit, rampMs: 120 },
        { plate: 'P4', at: 6_300, deltaG: unit, rampMs: 120 },
        { plate: 'P4', at: 6_900, deltaG: unit, rampMs: 120 },
        { plate: 'P4', at: 7_500, deltaG: unit, rampMs: 120 },
        { plate: 'R1', at: 9_000, deltaG: -grams('CRI-0007') },
        { plate: 'P1', at: 25_000, deltaG: -grams('CRI-0001') },
      ],
    });
    const byPlate = new Map(events.map((e) => [e.plates.join(), e]));
    expect(byPlate.get('P4')).toMatchObject({ sessionId: 'nobody' });
    expect(byPlate.get('P4')!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: -5 });
    expect(byPlate.get('R1')!.sessionId).toBeUndefined();
    expect(byPlate.get('P1')!.sessionId).toBeUndefined();
  });

  it('inventory counts units from the settled weight', () => {
    const { stage } = run({ plates: [...shelf1(), ...shelf2()], endMs: 12_000, ...reach('Q2', 4_000, -grams('DAI-0002')) });
    const inv = new Map(stage.inventory().map((i) => [i.plate, i]));
    expect(inv.get('Q2')).toEqual({ plate: 'Q2', sku: 'DAI-0002', units: 4, capacity: 6, threshold: 1, belowThresholdSince: null });
    expect(inv.get('P1')!.units).toBe(8);
    // Every plate with a facing is listed; one never heard from has no count yet.
    expect(stage.inventory()).toHaveLength(12);
    expect(inv.get('R1')!.units).toBeNull();
  });

  it('a restock alert fires once when a plate reaches its threshold, and again only after a restock', () => {
    const bar = grams('BIS-0020');
    const picks = [5_000, 10_000, 15_000, 20_000]; // 7 → 3 units: alert at 4 (the threshold)
    const steps: SyntheticStep[] = picks.map((at) => ({ plate: 'Q4', at, deltaG: -bar }));
    steps.push({ plate: 'Q4', at: 30_000, deltaG: 10 * bar }); // restocked to 13
    steps.push(...[40_000, 45_000, 50_000, 55_000, 60_000, 65_000, 70_000, 75_000, 80_000].map((at) => ({ plate: 'Q4', at, deltaG: -bar }))); // 13 → 4
    const { alerts, stage, events } = run({ plates: [stocked('Q1', 5), stocked('Q4', 7)], endMs: 90_000, steps });
    expect(events).toHaveLength(14);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ kind: 'restock-alert', plate: 'Q4', sku: 'BIS-0020', units: 4, threshold: 4 });
    expect(alerts[0]!.t).toBeGreaterThan(15_000);
    expect(alerts[0]!.t).toBeLessThan(20_000);
    expect(alerts[1]).toMatchObject({ plate: 'Q4', units: 4 });
    expect(alerts[1]!.t).toBeGreaterThan(80_000);
    const q4 = stage.inventory().find((i) => i.plate === 'Q4')!;
    expect(q4.units).toBe(4);
    expect(q4.belowThresholdSince).toBe(alerts[1]!.t);
  });

  it('a plate already at its threshold when first seen is alerted at once', () => {
    const { alerts } = run({ plates: [stocked('Q2', 1)], endMs: 5_000 });
    expect(alerts).toEqual([expect.objectContaining({ plate: 'Q2', units: 1, threshold: 1 })]);
    expect(alerts[0]!.t).toBeLessThan(1_500);
  });
});

describe('shelf stage: determinism', () => {
  it('the same input stream gives identical decisions', () => {
    const scenario: Scenario = {
      plates: [...shelf1(), ...shelf2()],
      endMs: 60_000,
      seed: 99,
      ...merge(
        reach('P1', 5_000, -grams('CRI-0001')),
        reach('Q1', 9_000, -grams('CAK-0011')),
        reach('P4', 14_000, grams('CAK-0011')),
        reach('P3', 14_200, -2 * grams('CRI-0003')),
        reach('Q3', 30_000, -3 * grams('PHA-0003')),
        reach('P4', 40_000, -grams('CAK-0011')),
      ),
      gaps: [{ plates: ['P2', 'P3'], from: 20_000, to: 21_000, nan: true }],
    };
    const a = run(scenario).decisions;
    const b = run(scenario).decisions;
    expect(a.length).toBeGreaterThan(5);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
