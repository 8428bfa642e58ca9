// ByteTrack's box filter: it moves with its velocity, learns the velocity from measurements, is
// pulled towards what it sees, and grows less sure between frames and surer after each update.
import { describe, expect, it } from 'vitest';
import { BOX_STATE, boxCorners, boxInitiate, boxPredict, boxUpdate } from './box-kalman';

const posVar = (s: Float64Array): number => s[8]!;

describe('box Kalman filter', () => {
  it('starts at the measurement with zero velocity', () => {
    const s = new Float64Array(BOX_STATE);
    boxInitiate(s, 0, 100, 200, 0.5, 80);
    expect(Array.from(s.slice(0, 8))).toEqual([100, 200, 0.5, 80, 0, 0, 0, 0]);
    const c = new Float64Array(4);
    boxCorners(s, 0, c, 0);
    expect(Array.from(c)).toEqual([80, 160, 120, 240]);
  });

  it('learns a constant velocity and predicts along it', () => {
    const s = new Float64Array(BOX_STATE);
    boxInitiate(s, 0, 100, 200, 0.5, 80);
    for (let k = 1; k <= 30; k++) {
      boxPredict(s, 0, 1, true);
      boxUpdate(s, 0, 100 + 5 * k, 200 - 2 * k, 0.5, 80);
    }
    expect(s[4]).toBeCloseTo(5, 1);
    expect(s[5]).toBeCloseTo(-2, 1);
    boxPredict(s, 0, 2, true);
    expect(s[0]).toBeCloseTo(100 + 5 * 32, 0);
    expect(s[1]).toBeCloseTo(200 - 2 * 32, 0);
  });

  it('is less sure after predicting and surer after an update, and moves towards the measurement', () => {
    const s = new Float64Array(BOX_STATE);
    boxInitiate(s, 0, 100, 200, 0.5, 80);
    const v0 = posVar(s);
    boxPredict(s, 0, 1, true);
    const v1 = posVar(s);
    expect(v1).toBeGreaterThan(v0);
    boxUpdate(s, 0, 110, 200, 0.5, 80);
    expect(posVar(s)).toBeLessThan(v1);
    expect(s[0]).toBeGreaterThan(100);
    expect(s[0]).toBeLessThan(110);
  });

  it('freezes the height velocity of a track that is not being tracked', () => {
    const s = new Float64Array(BOX_STATE);
    boxInitiate(s, 0, 100, 200, 0.5, 80);
    s[7] = 3;
    boxPredict(s, 0, 1, false);
    expect(s[3]).toBe(80);
  });
});
