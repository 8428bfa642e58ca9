import { describe, expect, it } from 'vitest';
import { sampleLiveFrame, sampleShopper } from '../../../testing/sample-data';
import { TRAIL_WINDOW_MS, Trail, TrailBook } from './trail-book';

function points(trail: Trail | undefined): number[][] {
  if (!trail) return [];
  return Array.from({ length: trail.length }, (_, i) => {
    const k = trail.index(i);
    return [trail.ts[k]!, trail.xs[k]!, trail.ys[k]!];
  });
}

describe('Trail', () => {
  it('keeps points oldest first and overwrites the oldest when full', () => {
    const trail = new Trail(3);
    for (let i = 1; i <= 5; i++) trail.push(i * 100, i, -i);
    expect(points(trail)).toEqual([
      [300, 3, -3],
      [400, 4, -4],
      [500, 5, -5],
    ]);
  });

  it('ignores a point no newer than the last one', () => {
    const trail = new Trail(4);
    trail.push(100, 1, 1);
    trail.push(100, 9, 9);
    trail.push(50, 9, 9);
    expect(points(trail)).toEqual([[100, 1, 1]]);
  });

  it('drops old points but always keeps the newest two', () => {
    const trail = new Trail(8);
    for (let i = 0; i < 5; i++) trail.push(i * 1000, i, 0);
    trail.dropBefore(2500);
    expect(points(trail).map(([t]) => t)).toEqual([3000, 4000]);
    trail.dropBefore(10_000);
    expect(points(trail).map(([t]) => t)).toEqual([3000, 4000]);
  });
});

describe('TrailBook', () => {
  it('adds each shopper’s position per frame', () => {
    const book = new TrailBook();
    book.record(sampleLiveFrame(1000, [sampleShopper(1, 1, 1), sampleShopper(2, 5, 5)]));
    book.record(sampleLiveFrame(1100, [sampleShopper(1, 1.1, 1), sampleShopper(2, 5, 5.2)]));
    expect(book.size).toBe(2);
    expect(points(book.get(1))).toEqual([
      [1000, 1, 1],
      [1100, 1.1, 1],
    ]);
    expect([...book.trackIds()].sort()).toEqual([1, 2]);
  });

  it('keeps only the trail window, in store time', () => {
    const book = new TrailBook();
    for (let t = 0; t <= 10_000; t += 1000) book.record(sampleLiveFrame(t, [sampleShopper(7, t / 1000, 0)]));
    const ts = points(book.get(7)).map(([t]) => t);
    expect(ts[0]).toBe(10_000 - TRAIL_WINDOW_MS);
    expect(ts.at(-1)).toBe(10_000);
  });

  it('caps the points kept per track', () => {
    const book = new TrailBook(8, 60_000);
    for (let t = 0; t < 50; t++) book.record(sampleLiveFrame(t, [sampleShopper(1, t, 0)]));
    expect(book.get(1)!.length).toBe(8);
    expect(points(book.get(1))[0]![0]).toBe(42);
  });

  it('drops tracks that leave the frame and reuses their buffers', () => {
    const book = new TrailBook();
    book.record(sampleLiveFrame(0, [sampleShopper(1, 0, 0), sampleShopper(2, 0, 0)]));
    const buffer = book.get(2)!.xs;
    book.record(sampleLiveFrame(100, [sampleShopper(1, 0, 0)]));
    expect(book.has(2)).toBe(false);
    expect(book.spareCount).toBe(1);
    book.record(sampleLiveFrame(200, [sampleShopper(1, 0, 0), sampleShopper(3, 4, 4)]));
    expect(book.get(3)!.xs).toBe(buffer);
    expect(points(book.get(3))).toEqual([[200, 4, 4]]);
    expect(book.spareCount).toBe(0);
  });

  it('does not allocate new buffers for a steady crowd', () => {
    const book = new TrailBook();
    const crowd = (t: number) => sampleLiveFrame(t, Array.from({ length: 300 }, (_, i) => sampleShopper(i, (i + t / 1000) % 30, i % 20)));
    book.record(crowd(0));
    const buffers = [...book.trackIds()].map((id) => book.get(id)!.xs);
    for (let t = 100; t <= 20_000; t += 100) book.record(crowd(t));
    expect(book.size).toBe(300);
    expect(buffers.every((xs, i) => xs === book.get(i)!.xs)).toBe(true);
  });

  it('clear drops every track', () => {
    const book = new TrailBook();
    book.record(sampleLiveFrame(0, [sampleShopper(1, 0, 0), sampleShopper(2, 0, 0)]));
    book.clear();
    expect(book.size).toBe(0);
    expect(book.spareCount).toBe(2);
  });
});
