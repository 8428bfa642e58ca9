// Gate lines: the schema's "inside is on the right of line[0] → line[1]" read the same way as the
// simulator's lanes, on the demo store's actual gates, and crossings counted once per step.
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../store/schema';
import { distanceToGate, gateLine, insideDistance, stepCrossing } from './gate-lines';

// The demo store's entry gate 1: on the front wall (y = 10), the sales floor above it (y < 10).
const entry: Gate = { id: 'entry-1', name: 'Entry gate 1', kind: 'entry', line: [[2.4, 10], [1.4, 10]] };
const g = gateLine(entry);

describe('gate lines', () => {
  it('puts the store on the right of line[0] → line[1] (y down the page)', () => {
    expect(insideDistance(g, 1.9, 9.5)).toBeCloseTo(0.5, 12);
    expect(insideDistance(g, 1.9, 10.4)).toBeCloseTo(-0.4, 12);
  });

  it('sees a step from the lane into the store as an inward crossing, with where and when', () => {
    expect(stepCrossing(g, 0, 1.9, 10.1, 100, 1.9, 9.9, 0)).toMatchObject({ direction: 'in', t: 50 });
    expect(stepCrossing(g, 0, 1.9, 10.1, 100, 1.9, 9.9, 0)!.x).toBeCloseTo(1.9, 12);
    expect(stepCrossing(g, 0, 1.9, 9.9, 100, 1.9, 10.1, 0)).toMatchObject({ direction: 'out' });
  });

  it('ignores steps that stay on one side, or pass beside the gate beyond the tolerance', () => {
    expect(stepCrossing(g, 0, 1.9, 9.9, 100, 1.9, 9.7, 0.3)).toBeUndefined();
    expect(stepCrossing(g, 0, 3.0, 10.1, 100, 3.0, 9.9, 0.3)).toBeUndefined();
    expect(stepCrossing(g, 0, 2.6, 10.1, 100, 2.6, 9.9, 0.3)).toMatchObject({ direction: 'in' });
  });

  it('counts a track standing on the line and stepping in once', () => {
    const steps: [number, number][] = [[10.1, 10.0], [10.0, 10.0], [10.0, 9.9]];
    const crossings = steps.map(([y0, y1]) => stepCrossing(g, 0, 1.9, y0, 100, 1.9, y1, 0)).filter(Boolean);
    expect(crossings).toHaveLength(1);
  });

  it('measures the distance to the gate segment', () => {
    expect(distanceToGate(g, 1.9, 9)).toBeCloseTo(1, 12);
    expect(distanceToGate(g, 3.4, 10)).toBeCloseTo(1, 12);
  });
});
