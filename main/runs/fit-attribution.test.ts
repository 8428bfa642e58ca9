// Fitting the attribution score: on events whose pickers are told apart by one feature, the fit
// finds that feature's weight, keeps the fixed priors where they are and respects the signs.
import { describe, expect, it } from 'vitest';
import { defaultFusionOptions, type AttributionLogit } from '../engine/fusion/options';
import { fitAttribution, type Row } from './fit-attribution';

const keys = Object.keys(defaultFusionOptions.attributionLogit) as (keyof AttributionLogit)[];
const features = (f: Partial<Record<keyof AttributionLogit, number>>) => Float64Array.from(keys.map((k) => f[k] ?? 0));

/** Two candidates per event: the picker's wrist fits at −0.5, the other's at −3; one event in ten goes the other way. */
function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 400; i++) {
    const picker = features({ handFit: -0.5, handCoreMean: -0.5 });
    const other = features({ handFit: -3, handCoreMean: -3 });
    const nobody = features({ nobody: 1 });
    out.push({ x: [picker, other, nobody], truth: i % 10 === 0 ? 1 : 0 });
  }
  return out;
}

describe('fitAttribution', () => {
  it('fits a calibrated weight to the telling feature and leaves the fixed priors alone', () => {
    const fit = fitAttribution(rows());
    // 90 % of pickers fit better: the fitted gap of 2.5 fit units must be worth ln 9 ≈ 2.2.
    const gap = 2.5 * (fit.coefficients.handFit + fit.coefficients.handCoreMean);
    expect(gap).toBeGreaterThan(1.9);
    expect(gap).toBeLessThan(2.5);
    expect(fit.coefficients.nobody).toBe(defaultFusionOptions.attributionLogit.nobody);
    expect(fit.coefficients.beyondReach).toBe(defaultFusionOptions.attributionLogit.beyondReach);
    expect(fit.accuracy).toBeCloseTo(0.9, 5);
  });

  it('never gives a feature the wrong sign, whatever the data says', () => {
    // Pickers whose hands fit worse: the weight would want to go negative and stops at zero.
    const flipped = rows().map((r) => ({ ...r, truth: r.truth === 0 ? 1 : 0 }));
    const fit = fitAttribution(flipped);
    expect(fit.coefficients.handFit).toBe(0);
    expect(fit.coefficients.handCoreMean).toBe(0);
  });
});
