// The track ring: points come back newest first within a time window, old ones are overwritten
// once the ring is full, and the median helper handles odd and even counts.
import { describe, expect, it } from 'vitest';
import { HAND_STRIDE, SIGHTING_STRIDE, TrackHistory, TrackHistoryPool, medianInPlace } from './track-history';

describe('track history', () => {
  it('returns the distances of the points inside a window to the nearest target, newest first', () => {
    const ring = new TrackHistory(8);
    for (let k = 0; k < 5; k++) ring.push(1000 + 100 * k, k, 0);
    const out = new Float64Array(8);
    const n = ring.distancesInWindow(1100, 1300, Float64Array.from([0, 0, 10, 0]), out);
    expect([...out.subarray(0, n)]).toEqual([3, 2, 1]);
    expect(ring.lastT).toBe(1400);
  });

  it('keeps only the newest `capacity` points', () => {
    const ring = new TrackHistory(4);
    for (let k = 0; k < 10; k++) ring.push(k * 100, k, 0);
    expect(ring.length).toBe(4);
    const out = new Float64Array(10);
    const n = ring.distancesInWindow(0, 1e9, Float64Array.from([0, 0]), out);
    expect([...out.subarray(0, n)]).toEqual([9, 8, 7, 6]);
  });

  it('takes the median of odd and even counts', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]), 3)).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2, 99]), 4)).toBe(2.5);
    expect(medianInPlace(new Float64Array(3), 0)).toBeNaN();
  });

  it('hands out cleared rings and reuses returned ones', () => {
    const pool = new TrackHistoryPool(4);
    const ring = pool.take();
    ring.push(1, 1, 1);
    pool.give(ring);
    const again = pool.take();
    expect(again).toBe(ring);
    expect(again.length).toBe(0);
  });

  it('returns the hands seen in a window with the body, newest first, and NaN for a hand not seen', () => {
    const ring = new TrackHistory(8);
    const cov: [number, number, number, number, number, number] = [0.01, 0, 0, 0.01, 0, 0.01];
    ring.push(1000, 1, 2, { x: 1.1, y: 2.1, z: 0.8, cov });
    ring.push(1100, 1, 2);
    ring.push(1200, 1.5, 2, undefined, { x: 1.7, y: 1.6, z: 1.1, cov });
    const out = new Float64Array(8 * SIGHTING_STRIDE);
    const n = ring.handsInWindow(900, 1300, out);
    expect(n).toBe(2);
    expect([...out.subarray(0, 2)]).toEqual([1.5, 2]);
    expect(out[2]).toBeNaN();
    expect(Array.from(out.subarray(2 + HAND_STRIDE, 2 + HAND_STRIDE + 4)).map((v) => Math.round(v * 100) / 100)).toEqual([1.7, 1.6, 1.1, 0.01]);
    expect(Array.from(out.subarray(SIGHTING_STRIDE + 2, SIGHTING_STRIDE + 5)).map((v) => Math.round(v * 100) / 100)).toEqual([1.1, 2.1, 0.8]);
  });
});

