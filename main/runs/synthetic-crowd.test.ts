import { describe, expect, it } from 'vitest';
import { fixtureFootprint, pointInPolygon } from '../store/geometry';
import { loadDemoStore } from '../store/load';
import { SyntheticCrowd } from './synthetic-crowd';

const store = loadDemoStore();

describe('SyntheticCrowd', () => {
  it('puts exactly N shoppers on the floor, outside every fixture, and walks them at shopper speeds', () => {
    const crowd = new SyntheticCrowd(store, 120, { seed: 3 });
    let before = crowd.step(100);
    expect(before.shoppers).toHaveLength(120);
    for (let i = 0; i < 50; i++) {
      const frame = crowd.step(100);
      for (const [j, s] of frame.shoppers.entries()) {
        const moved = Math.hypot(s.x - before.shoppers[j]!.x, s.y - before.shoppers[j]!.y);
        expect(moved).toBeLessThanOrEqual(1.4 * 0.1 + 1e-9);
        expect(pointInPolygon([s.x, s.y], store.layout.floor.outline)).toBe(true);
      }
      before = frame;
    }
    const spots = before.shoppers.filter((s) => store.layout.fixtures.some((f) => pointInPolygon([s.x, s.y], fixtureFootprint(f))));
    // Straight walks between open spots may cut a corner of a fixture; most shoppers are in the aisles.
    expect(spots.length).toBeLessThan(before.shoppers.length / 4);
  });

  it('is the same for the same seed, and mixes states, sessions, events and a device fault', () => {
    const a = new SyntheticCrowd(store, 30, { seed: 9 });
    const b = new SyntheticCrowd(store, 30, { seed: 9 });
    let frame = a.step(100);
    b.step(100);
    for (let i = 0; i < 60; i++) {
      frame = a.step(100);
      expect(b.step(100).shoppers).toEqual(frame.shoppers);
    }
    expect(new Set(frame.shoppers.map((s) => s.state))).toEqual(new Set(['session', 'anonymous', 'flagged', 'unbound']));
    expect(frame.shoppers.filter((s) => s.state === 'unbound').every((s) => s.sessionId === undefined)).toBe(true);
    expect(frame.events!.length).toBeGreaterThan(0);
    expect(frame.devices!.faults).toHaveLength(1);
  });
});
