// The small memories of the shelf stage: stray units per plate, units shoppers carry, restock mode,
// and the partition of a settled change into straddled pairs and single plates.
import { describe, expect, it } from 'vitest';
import { runSegmentationBench } from './bench';
import { CarriedUnits } from './carried';
import { DynamicPlanogram } from './dynamic-planogram';
import { explainSettled } from './explain';
import { quantityPrior } from './hypotheses';
import { buildShelfLayout } from './layout';
import { shelfStageOptions } from './options';
import { RestockMode } from '../restock-mode';
import { demoProducts, testStore } from './test-store';

const grams = (sku: string): number => demoProducts.find((p) => p.sku === sku)!.weightMeanG;

describe('DynamicPlanogram', () => {
  it('remembers stray units per plate, forgets them when taken, and weighs them', () => {
    const d = new DynamicPlanogram();
    const products = new Map(demoProducts.map((p) => [p.sku, p]));
    d.add('P1', 'CAK-0011', 2);
    d.add('P1', 'BIS-0020', 1);
    expect(d.skusOn('P1')).toEqual(['BIS-0020', 'CAK-0011']);
    expect(d.strayGrams('P1', products)).toBeCloseTo(2 * grams('CAK-0011') + grams('BIS-0020'), 6);
    expect(d.remove('P1', 'CAK-0011', 5)).toBe(2);
    expect(d.remove('P1', 'CAK-0011', 1)).toBe(0);
    expect(d.remove('P1', 'BIS-0020', 1)).toBe(1);
    expect(d.skusOn('P1')).toEqual([]);
    expect(d.strayGrams('P1', products)).toBe(0);
  });
});

describe('CarriedUnits', () => {
  it('shares units carried by sku, returns put-backs newest first and forgets old picks', () => {
    const c = new CarriedUnits(60_000);
    c.take('A', 1, 0);
    c.take('B', 3, 30_000);
    expect(c.shares()).toEqual([['A', 0.25], ['B', 0.75]]);
    c.putBack('B', 1);
    expect(c.shares()).toEqual([['A', 1 / 3], ['B', 2 / 3]]);
    c.expire(70_000);
    expect(c.shares()).toEqual([['B', 1]]);
    c.putBack('B', 5);
    expect(c.shares()).toEqual([]);
  });
});

describe('RestockMode', () => {
  const action = (t: number, actor: string, what: 'restock-start' | 'restock-end', fixture = 'F1') => ({ kind: 'staff-action' as const, t, actor, action: what, fixture });

  it('lasts until the last of several staff ends it, and covers events that overlapped it', () => {
    const r = new RestockMode();
    r.apply(action(0, 'a', 'restock-start'));
    r.apply(action(5, 'b', 'restock-start'));
    r.apply(action(10, 'a', 'restock-end'));
    expect(r.active('F1')).toBe(true);
    r.apply(action(12, 'c', 'restock-start', 'F0'));
    expect(r.fixtures()).toEqual(['F0', 'F1']);
    r.apply(action(20, 'b', 'restock-end'));
    expect(r.active('F1')).toBe(false);
    expect(r.covers('F1', 15)).toBe(true);
    expect(r.covers('F1', 25)).toBe(false);
    expect(r.covers('F2', 0)).toBe(false);
  });

  it('ends for everyone when someone who did not start it ends it', () => {
    const r = new RestockMode();
    r.apply(action(0, 'a', 'restock-start'));
    r.apply(action(10, 'supervisor', 'restock-end'));
    expect(r.active('F1')).toBe(false);
  });

  it('tells who holds each fixture and since the start of the current stretch', () => {
    const r = new RestockMode();
    r.apply(action(0, 'b', 'restock-start'));
    r.apply(action(5, 'a', 'restock-start'));
    r.apply(action(7, 'c', 'restock-start', 'F0'));
    expect(r.holders()).toEqual([
      { fixture: 'F0', actors: ['c'], since: 7 },
      { fixture: 'F1', actors: ['a', 'b'], since: 0 },
    ]);
    r.apply(action(9, 'b', 'restock-end'));
    r.apply(action(10, 'a', 'restock-end'));
    r.apply(action(20, 'a', 'restock-start'));
    expect(r.holders()).toEqual([
      { fixture: 'F0', actors: ['c'], since: 7 },
      { fixture: 'F1', actors: ['a'], since: 20 },
    ]);
  });
});

describe('explainSettled', () => {
  const store = testStore([
    { id: 'F1', shelves: [{ id: 'S1', plates: [{ id: 'A', sku: 'BIS-0003' }, { id: 'B', sku: 'CAK-0011' }, { id: 'C', sku: 'CRI-0001' }] }] },
  ]);
  const layout = buildShelfLayout(store);
  const o = shelfStageOptions();
  const model = { ...o, logQuantityPrior: quantityPrior(o.maxQuantity, [{ weight: 1, decay: o.quantityDecay }]) };
  const settle = (slots: number[], deltas: number[]) =>
    explainSettled({ shelf: 0, startMs: 0, endMs: 1, t: 2, slots, deltas, variances: slots.map(() => 0.1) }, layout, new DynamicPlanogram(), o, model, []);

  it('pairs two adjacent plates whose changes are the parts of one unit', () => {
    const parts = settle([0, 1], [0.6 * grams('BIS-0003'), 0.4 * grams('BIS-0003')]);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.slots).toEqual([0, 1]);
    expect(parts[0]!.explanation.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: -1 });
  });

  it('keeps two adjacent plates apart when each change is a whole unit of its own product', () => {
    const parts = settle([0, 1], [-grams('BIS-0003'), -grams('CAK-0011')]);
    expect(parts.map((p) => [p.slots, p.explanation.hypotheses[0]?.sku])).toEqual([
      [[0], 'BIS-0003'],
      [[1], 'CAK-0011'],
    ]);
  });

  it('never pairs changes of opposite sign or plates that are not neighbours', () => {
    expect(settle([0, 1], [-200, 200])).toHaveLength(2);
    expect(settle([0, 2], [0.6 * grams('BIS-0003'), 0.4 * grams('BIS-0003')])).toHaveLength(2);
  });
});

describe('benchSegmentation', () => {
  it('runs the stage over synthetic samples and settles the picks in them', () => {
    const r = runSegmentationBench({ plates: 24, seconds: 120, hz: 20 });
    expect(r.samples).toBe(24 * 120 * 20);
    expect(r.events).toBeGreaterThan(10);
    expect(r.samplesPerSecond).toBeGreaterThan(0);
  });
});
