// The floor filter: constant velocity when tau is infinite, velocity relaxing otherwise, correct
// Mahalanobis distances, and updates that trust the measurement in proportion to its noise.
import { describe, expect, it } from 'vitest';
import { FLOOR_STATE, floorInitiate, floorMahalanobis, floorPeek, floorPositionVariance, floorPredict, floorUpdate } from './floor-kalman';

const r = { xx: 0.01, xy: 0, yy: 0.01 };

describe('floor Kalman filter', () => {
  it('learns a walking velocity and predicts along it', () => {
    const s = new Float64Array(FLOOR_STATE);
    floorInitiate(s, 0, 0, 0, r, 1);
    for (let k = 1; k <= 50; k++) {
      floorPredict(s, 0, 0.1, Infinity, 1);
      floorUpdate(s, 0, 0.12 * k, -0.05 * k, r);
    }
    expect(s[2]).toBeCloseTo(1.2, 1);
    expect(s[3]).toBeCloseTo(-0.5, 1);
    const out = new Float64Array(2);
    floorPeek(s, 0, 1, Infinity, out);
    expect(out[0]).toBeCloseTo(6 + 1.2, 1);
  });

  it('with a finite tau, a prediction travels at most v·tau', () => {
    const s = new Float64Array(FLOOR_STATE);
    floorInitiate(s, 0, 0, 0, r, 1);
    s[2] = 1;
    for (let k = 0; k < 100; k++) floorPredict(s, 0, 0.1, 0.5, 1);
    expect(s[0]).toBeCloseTo(0.5, 2);
    expect(s[2]).toBeLessThan(1e-3);
  });

  it('grows its uncertainty when predicting and shrinks it on update', () => {
    const s = new Float64Array(FLOOR_STATE);
    floorInitiate(s, 0, 1, 1, r, 1);
    const v0 = floorPositionVariance(s, 0);
    floorPredict(s, 0, 0.5, 2, 1);
    const v1 = floorPositionVariance(s, 0);
    expect(v1).toBeGreaterThan(v0);
    floorUpdate(s, 0, 1.1, 1, r);
    expect(floorPositionVariance(s, 0)).toBeLessThan(v1);
    expect(s[0]).toBeGreaterThan(1);
    expect(s[0]).toBeLessThan(1.1);
  });

  it('weighs a noisy measurement less', () => {
    const a = new Float64Array(FLOOR_STATE);
    const b = new Float64Array(FLOOR_STATE);
    floorInitiate(a, 0, 0, 0, r, 1);
    floorInitiate(b, 0, 0, 0, r, 1);
    floorUpdate(a, 0, 1, 0, { xx: 0.01, xy: 0, yy: 0.01 });
    floorUpdate(b, 0, 1, 0, { xx: 1, xy: 0, yy: 1 });
    expect(a[0]).toBeGreaterThan(b[0]!);
  });

  it('measures Mahalanobis distance in the combined covariance', () => {
    const s = new Float64Array(FLOOR_STATE);
    floorInitiate(s, 0, 0, 0, { xx: 0.5, xy: 0, yy: 0.5 }, 1);
    // Total variance 1 per axis: a point 2 m away along x is at squared distance 4.
    expect(floorMahalanobis(s, 0, 2, 0, { xx: 0.5, xy: 0, yy: 0.5 })).toBeCloseTo(4, 6);
    expect(floorMahalanobis(s, 0, 0, 0, r)).toBe(0);
  });
});
