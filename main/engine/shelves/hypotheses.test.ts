// Product and quantity posteriors on hand-worked cases: the weight picks the quantity, the prior picks
// between products the weight cannot separate, and a change nothing explains gets no hypothesis.
import { describe, expect, it } from 'vitest';
import { explainChange, quantityPrior, type Candidate, type QuantityModel } from './hypotheses';
import { demoProducts } from './test-store';

const product = (sku: string) => demoProducts.find((p) => p.sku === sku)!;
const model: QuantityModel = {
  logQuantityPrior: quantityPrior(50, [{ weight: 1, decay: 0.35 }]),
  maxQuantity: 50,
  maxZ: 5,
  weightModelG: 0.3,
  maxHypotheses: 5,
};
const crisps: Candidate[] = [
  { product: product('CRI-0001'), prior: 0.8 },
  { product: product('CRI-0002'), prior: 0.05 },
  { product: product('CRI-0003'), prior: 0.05 },
];

describe('explainChange', () => {
  it('signs quantities: removed weight is taken (positive), added weight is put back (negative)', () => {
    expect(explainChange(-157.5, 0.1, crisps, model).hypotheses[0]).toMatchObject({ sku: 'CRI-0001', quantity: 1 });
    expect(explainChange(157.5, 0.1, crisps, model).hypotheses[0]).toMatchObject({ sku: 'CRI-0001', quantity: -1 });
    expect(explainChange(-3 * 157.5, 0.1, crisps, model).hypotheses[0]).toMatchObject({ sku: 'CRI-0001', quantity: 3 });
  });

  it('lets the prior decide between products the weight cannot separate, and normalises', () => {
    const { hypotheses } = explainChange(-157.9, 0.1, crisps, model);
    expect(hypotheses.map((h) => h.sku)).toEqual(['CRI-0001', 'CRI-0003', 'CRI-0002']);
    expect(hypotheses[0]!.probability).toBeGreaterThan(0.8);
    expect(hypotheses.reduce((s, h) => s + h.probability, 0)).toBeCloseTo(1, 9);
  });

  it('lets the weight decide when the products differ by more than their spread', () => {
    const candidates: Candidate[] = [
      { product: product('BIS-0003'), prior: 0.8 },
      { product: product('CAK-0011'), prior: 0.01 },
    ];
    expect(explainChange(-293.5, 0.2, candidates, model).hypotheses[0]).toMatchObject({ sku: 'CAK-0011', quantity: 1 });
  });

  it('returns no hypothesis when nothing comes near, and a low evidence', () => {
    const far = explainChange(-60, 0.1, crisps, model);
    expect(far.hypotheses).toEqual([]);
    expect(far.logEvidence).toBeLessThan(explainChange(-157.5, 0.1, crisps, model).logEvidence - 20);
  });

  it('keeps at most maxHypotheses, best first, ties broken by sku', () => {
    const many: Candidate[] = demoProducts.map((p) => ({ product: p, prior: 1 }));
    const { hypotheses } = explainChange(-105, 1, many, { ...model, maxHypotheses: 2, maxZ: 50 });
    expect(hypotheses).toHaveLength(2);
    expect(hypotheses[0]!.probability).toBeGreaterThanOrEqual(hypotheses[1]!.probability);
  });

  it('builds a normalised mixture quantity prior', () => {
    const prior = quantityPrior(400, [
      { weight: 0.95, decay: 0.35 },
      { weight: 0.05, decay: 0.9 },
    ]);
    let total = 0;
    for (let k = 1; k <= 400; k++) total += Math.exp(prior[k]!);
    expect(total).toBeCloseTo(1, 6);
    expect(prior[1]!).toBeGreaterThan(prior[2]!);
    // The tail keeps a restock of eight units plausible.
    expect(Math.exp(prior[8]!)).toBeGreaterThan(0.002);
  });
});
