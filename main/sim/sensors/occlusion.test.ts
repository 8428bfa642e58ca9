import { describe, expect, it } from 'vitest';
import { fixtureBlocks, type Vec3 } from '../../store/geometry';
import type { Fixture } from '../../store/schema';
import { fixtureProbes, hiddenByFixture, peopleOcclusion } from './occlusion';
import { Rng } from './streams';

const fixture = (id: string, center: [number, number], rotation: number, height: number): Fixture => ({
  id,
  name: id,
  kind: 'gondola',
  center,
  length: 3.6,
  depth: 1,
  height,
  rotation,
  shelves: [],
});

describe('occlusion', () => {
  it('rules out fixtures cheaply without ever changing fixtureBlocks’ answer', () => {
    const fixtures = [fixture('a', [4, 3], 0, 1.6), fixture('b', [8, 5], 35, 1.9), fixture('c', [3, 7], 90, 2.2)];
    const probes = fixtureProbes(fixtures);
    const rng = new Rng(1);
    let hidden = 0;
    for (let i = 0; i < 20_000; i++) {
      const camera: Vec3 = [rng.range(0, 10), rng.range(0, 10), rng.range(1, 3.5)];
      const p: Vec3 = [rng.range(0, 10), rng.range(0, 10), rng.range(0, 2)];
      const exact = fixtures.some((f) => fixtureBlocks(f, camera, p));
      expect(hiddenByFixture(probes, camera, p[0], p[1], p[2])).toBe(exact);
      if (exact) hidden++;
    }
    expect(hidden).toBeGreaterThan(1_000);
  });

  it('lets nearer boxes hide the ones behind them, not the other way round', () => {
    const near = { u0: 0, v0: 0, u1: 100, v1: 200 };
    const far = { u0: 50, v0: 0, u1: 150, v1: 200 };
    const out = new Float64Array(2);
    peopleOcclusion([near, far], out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(0.4, 6);
  });
});
