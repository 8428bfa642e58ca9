// The attribution score's features: hand evidence cut into pieces, so that a nearer hand never scores
// less, and unseen evidence counts as the bottom of its range with its own "unseen" term.
import { describe, expect, it } from 'vitest';
import type { AttributionEvidence } from '../decisions';
import { logitFeatures } from './attribution';
import { defaultFusionOptions } from './options';

const seen: AttributionEvidence = {
  bodyM: 0.8,
  handSeen: true,
  handFit: -0.5,
  handPrecision: -1.2,
  handBeforeSeen: true,
  handBefore: -5,
  handCoreSightings: 4,
  handCoreMean: -2.5,
};

describe('logitFeatures', () => {
  it('fills each piece by how far the evidence got through its stretch', () => {
    const x = logitFeatures(seen, undefined, 0.6);
    expect([x.handFit20to8, x.handFit8to4, x.handFit4to2, x.handFit2to1, x.handFit1to0]).toEqual([12, 4, 2, 1, 0.5]);
    expect([x.handCore6to5, x.handCore5to4, x.handCore4to3, x.handCore3to2, x.handCore2to0]).toEqual([1, 1, 1, 0.5, 0]);
    expect([x.handBefore20to8, x.handBefore8to4, x.handBefore4to2, x.handBefore2to0]).toEqual([12, 3, 0, 0]);
    expect(x.beyondReach).toBeCloseTo(0.04, 10);
    expect(x.handUnseen).toBe(0);
    expect(x.cart).toBe(0);
  });

  it('counts unseen evidence as the bottom of its range and says it was unseen', () => {
    const x = logitFeatures({ ...seen, handSeen: false, handBeforeSeen: false, handCoreSightings: 0, handCoreMean: 0 }, 0.5, 0.6);
    for (const [key, value] of Object.entries(x)) if (key.startsWith('handFit') || key.startsWith('handCore6') || key.startsWith('handBefore2')) expect(value, key).toBe(0);
    expect(x.handUnseen).toBe(1);
    expect(x.handCoreUnseen).toBe(1);
    expect(x.handBeforeUnseen).toBe(0);
    expect(x.cart).toBeCloseTo(Math.log(0.5), 12);
  });

  it('never scores a nearer hand lower with the fitted coefficients', () => {
    const m = defaultFusionOptions.attributionLogit;
    const score = (fit: number) => {
      const x = logitFeatures({ ...seen, handFit: fit, handCoreMean: Math.max(-6, fit - 1) }, undefined, 0.6);
      return (Object.keys(x) as (keyof typeof x)[]).reduce((sum, k) => sum + m[k] * x[k], 0);
    };
    for (let fit = -20; fit < 0; fit += 0.25) expect(score(fit + 0.25)).toBeGreaterThanOrEqual(score(fit));
  });
});
