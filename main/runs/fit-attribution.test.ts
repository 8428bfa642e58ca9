// Fitting the attribution score: on events whose pickers are told apart by how near their wrist came,
// the fit finds what that is worth, keeps the fixed priors where they are and respects the signs.
import { describe, expect, it } from 'vitest';
import type { AttributionEvidence } from '../engine/decisions';
import { logitFeatures } from '../engine/fusion/attribution';
import { defaultFusionOptions, rampPieces, type AttributionLogit, type RampPiece } from '../engine/fusion/options';
import { fitAttribution, type Row } from './fit-attribution';

const keys = Object.keys(defaultFusionOptions.attributionLogit) as (keyof AttributionLogit)[];
const { reachM } = defaultFusionOptions;

/** A track within reach whose wrist fitted the plate at `fit` during the event and in its core. */
function candidate(fit: number): Float64Array {
  const evidence: AttributionEvidence = {
    bodyM: 0.4,
    handSeen: true,
    handFit: fit,
    handPrecision: -1,
    handBeforeSeen: true,
    handBefore: -10,
    handCoreSightings: 6,
    handCoreMean: fit - 1,
  };
  const x = logitFeatures(evidence, undefined, reachM);
  return Float64Array.from(keys.map((k) => x[k]));
}
const nobody = Float64Array.from(keys.map((k) => (k === 'nobody' ? 1 : 0)));

/** Two candidates per event: the picker's wrist fits at −0.5, the other's at −3; one event in ten goes the other way. */
function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 400; i++) out.push({ x: [candidate(-0.5), candidate(-3), nobody], truth: i % 10 === 0 ? 1 : 0 });
  return out;
}

/** The score of a candidate under the fitted coefficients. */
const score = (x: Float64Array, c: AttributionLogit) => keys.reduce((sum, k, i) => sum + c[k] * x[i]!, 0);

describe('fitAttribution', () => {
  it('fits a calibrated weight to the telling evidence and leaves the fixed priors alone', () => {
    const fit = fitAttribution(rows());
    // 90 % of pickers fit better: the gap between them must be worth ln 9 ≈ 2.2.
    const gap = score(candidate(-0.5), fit.coefficients) - score(candidate(-3), fit.coefficients);
    expect(gap).toBeGreaterThan(1.9);
    expect(gap).toBeLessThan(2.5);
    expect(fit.coefficients.nobody).toBe(defaultFusionOptions.attributionLogit.nobody);
    expect(fit.coefficients.beyondReach).toBe(defaultFusionOptions.attributionLogit.beyondReach);
    expect(fit.accuracy).toBeCloseTo(0.9, 5);
  });

  it('never gives a hand piece the wrong sign, whatever the data says', () => {
    // Pickers whose hands fit worse: every piece that tells them apart would want to go negative and stops at zero.
    const flipped = rows().map((r) => ({ ...r, truth: r.truth === 0 ? 1 : 0 }));
    const fit = fitAttribution(flipped);
    for (const piece of Object.keys(rampPieces) as RampPiece[]) {
      if (rampPieces[piece][0] !== 'handBefore') expect(fit.coefficients[piece], piece).toBeGreaterThanOrEqual(0);
    }
    expect(score(candidate(-0.5), fit.coefficients)).toBeGreaterThanOrEqual(score(candidate(-3), fit.coefficients));
  });
});
