// The track ring: points come back newest first within a time window, old ones are overwritten
// once the ring is full, and the median helper handles odd and even counts.
import { describe, expect, it } from 'vitest';
import { TrackHistory, TrackHistoryPool, medianInPlace } from './track-history';

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
});
