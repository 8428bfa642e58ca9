// The even grid: readings stamped a few ms off their slot come out as evenly spaced runs, linearly
// interpolated, in chunks; long silences split runs instead of being bridged.
import { describe, expect, it } from 'vitest';
import { EvenGrid } from './even-grid';

function collect(readings: [number, number][], o = { originMs: 0, dtMs: 10, maxGapMs: 50, chunkSamples: 4 }) {
  const runs: { t0: number; dt: number; grams: number[] }[] = [];
  const grid = new EvenGrid(o, (t0, dt, grams) => runs.push({ t0, dt, grams: [...grams] }));
  for (const [t, g] of readings) grid.push(t, g);
  grid.flush();
  return runs;
}

describe('EvenGrid', () => {
  it('interpolates jittered readings onto the grid and chunks them', () => {
    // A ramp of 1 g/ms read at slightly irregular times: every grid point must read its own time.
    const readings: [number, number][] = [3, 12, 21, 33, 39, 52, 61, 70, 79].map((t) => [t, t]);
    const runs = collect(readings);
    expect(runs.map((r) => r.t0)).toEqual([10, 50]);
    expect(runs.flatMap((r) => r.grams)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(runs.every((r) => r.dt === 10)).toBe(true);
  });

  it('starts exactly on a reading that falls on a grid point', () => {
    expect(collect([[20, 5], [30, 7]]).flatMap((r) => r.grams)).toEqual([5, 7]);
  });

  it('leaves a gap where readings stop for longer than the limit; a repeated time\'s later reading leads on', () => {
    const runs = collect([[0, 1], [10, 1], [10, 3], [20, 3], [200, 9], [210, 9]]);
    expect(runs).toEqual([
      { t0: 0, dt: 10, grams: [1, 1, 3] },
      { t0: 200, dt: 10, grams: [9, 9] },
    ]);
  });

  it('puts plates with different first readings on one shared grid', () => {
    const a = collect([[1, 0], [11, 0], [21, 0]], { originMs: 0, dtMs: 10, maxGapMs: 50, chunkSamples: 8 });
    const b = collect([[7, 0], [17, 0], [27, 0]], { originMs: 0, dtMs: 10, maxGapMs: 50, chunkSamples: 8 });
    expect(a[0]!.t0 % 10).toBe(0);
    expect(b[0]!.t0 % 10).toBe(0);
  });
});
