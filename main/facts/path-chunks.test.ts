// Paths: kept at 2 Hz, packed 12 bytes a point into chunks, decoded back to the millisecond and
// a centimetre; a damaged chunk is refused with a clear error.
import { describe, expect, it } from 'vitest';
import { BYTES_PER_POINT, decodePath, PathRecorder, type PathChunk } from './path-chunks';

describe('PathRecorder', () => {
  it('keeps one point per 500 ms from a 10 Hz track and closes full chunks', () => {
    const recorder = new PathRecorder(7, { intervalMs: 500, pointsPerChunk: 4 });
    const full: PathChunk[] = [];
    let kept = 0;
    for (let i = 0; i < 100; i++) if (recorder.offer(1_700_000_000_000 + i * 100, 1 + i * 0.05, 2.25, full)) kept++;
    expect(kept).toBe(20);
    expect(full).toHaveLength(5);
    expect(full.every((c) => c.count === 4 && c.points.byteLength === 4 * BYTES_PER_POINT && c.trackId === 7)).toBe(true);
    expect(recorder.flush()).toBeUndefined();

    const path = decodePath(full);
    expect(path.t.length).toBe(20);
    expect(path.t[0]).toBe(1_700_000_000_000);
    expect(path.t[19]).toBe(1_700_000_000_000 + 95 * 100);
    expect(path.x[19]).toBeCloseTo(1 + 95 * 0.05, 4);
    expect(path.y[3]).toBeCloseTo(2.25, 6);
  });

  it('flushes a short last chunk', () => {
    const recorder = new PathRecorder(1);
    const full: PathChunk[] = [];
    recorder.offer(0, 1, 1, full);
    recorder.offer(600, 2, 2, full);
    const last = recorder.flush()!;
    expect(last).toMatchObject({ trackId: 1, t0Ms: 0, t1Ms: 600, count: 2 });
    expect(Array.from(decodePath([last]).t)).toEqual([0, 600]);
  });

  it('refuses a chunk whose bytes do not match its count', () => {
    expect(() => decodePath([{ t0Ms: 5, count: 3, points: new Uint8Array(20) }])).toThrow(/holds 20 bytes, expected 36/);
  });
});
