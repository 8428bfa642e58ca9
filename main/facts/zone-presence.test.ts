// Zone visits with hysteresis: brushing a zone is no visit, a short step out is not two visits,
// overlapping zones are followed independently, and closing ends what is open.
import { describe, expect, it } from 'vitest';
import { ZoneIndex, ZonePresence, type ClosedVisit } from './zone-presence';

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const zones = new ZoneIndex([
  { id: 'left', polygon: square(0, 0, 2, 2) },
  { id: 'wide', polygon: square(0, 0, 4, 2) },
  { id: 'L', polygon: [[5, 0], [7, 0], [7, 1], [6, 1], [6, 2], [5, 2]] },
]);

/** Feeds (t, x) points at y = 1 every 100 ms; returns the visits closed, then those closed by close(). */
function walk(points: [number, number][], closeAt?: number, y = 1): ClosedVisit[] {
  const presence = new ZonePresence(zones);
  const closed: ClosedVisit[] = [];
  for (const [t, x] of points) presence.update(t, x, y, closed);
  if (closeAt !== undefined) presence.close(closeAt, closed);
  return closed;
}

/** x at every 100 ms from t0 to t1 (inclusive). */
const stay = (t0: number, t1: number, x: number): [number, number][] => {
  const out: [number, number][] = [];
  for (let t = t0; t <= t1; t += 100) out.push([t, x]);
  return out;
};

describe('ZonePresence', () => {
  it('counts a visit only after a second inside, dated from the first point inside', () => {
    expect(walk([...stay(0, 800, 1), ...stay(900, 3000, 9)])).toEqual([]);
    expect(walk([...stay(0, 1000, 1), ...stay(1100, 3000, 9)])).toEqual([
      { zone: 'left', enteredMs: 0, exitedMs: 1100 },
      { zone: 'wide', enteredMs: 0, exitedMs: 1100 },
    ]);
  });

  it('keeps one visit through a step outside shorter than a second', () => {
    const visits = walk([...stay(0, 2000, 1), ...stay(2100, 2700, 3), ...stay(2800, 5000, 1), ...stay(5100, 7000, 9)]);
    expect(visits.filter((v) => v.zone === 'left')).toEqual([{ zone: 'left', enteredMs: 0, exitedMs: 5100 }]);
    // 'wide' contains x = 3 as well: the shopper never left it.
    expect(visits.filter((v) => v.zone === 'wide')).toEqual([{ zone: 'wide', enteredMs: 0, exitedMs: 5100 }]);
  });

  it('ends a visit once a second outside has passed, dated from the first point outside', () => {
    const visits = walk([...stay(0, 2000, 1), ...stay(2100, 4000, 3)]);
    expect(visits).toEqual([{ zone: 'left', enteredMs: 0, exitedMs: 2100 }]);
  });

  it('handles concave zones', () => {
    expect(walk(stay(0, 2000, 6.5), 2000, 1.5)).toEqual([]);
    expect(walk(stay(0, 2000, 6.5), 2000, 0.5)).toEqual([{ zone: 'L', enteredMs: 0, exitedMs: 2000 }]);
  });

  it('closes open visits where the track was last seen, and drops one not yet a second old', () => {
    expect(walk(stay(0, 3000, 1), 3000)).toEqual([
      { zone: 'left', enteredMs: 0, exitedMs: 3000 },
      { zone: 'wide', enteredMs: 0, exitedMs: 3000 },
    ]);
    expect(walk(stay(0, 500, 1), 500)).toEqual([]);
  });

  it('works on sparse points (2 Hz) and across a gap in the track', () => {
    const points: [number, number][] = [[0, 1], [500, 1], [1000, 1], [6000, 1], [6500, 9], [7000, 9], [7500, 9]];
    expect(walk(points).map((v) => [v.zone, v.enteredMs, v.exitedMs])).toEqual([
      ['left', 0, 6500],
      ['wide', 0, 6500],
    ]);
  });
});
