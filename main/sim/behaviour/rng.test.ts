// The seeded generator: reproducible, seed-sensitive, and with the moments the behaviour model
// relies on (uniform in [0, 1), standard normal).
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('repeats itself for a seed and differs between seeds and derived streams', () => {
    const draw = (r: Rng): number[] => Array.from({ length: 20 }, () => r.nextU32());
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
    expect(draw(new Rng(42))).not.toEqual(draw(new Rng(43)));
    expect(draw(Rng.derive(42, 1))).not.toEqual(draw(Rng.derive(42, 2)));
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and sd 1', () => {
    const r = new Rng(7);
    const n = 50_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.float();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sq / n) - 1)).toBeLessThan(0.02);
  });

  it('draws weighted indices in proportion and hex of the asked length', () => {
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weighted([1, 2, 7])]! += 1;
    expect(counts[2]! / 30_000).toBeCloseTo(0.7, 1);
    expect(counts[0]! / 30_000).toBeCloseTo(0.1, 1);
    expect(r.hex(16)).toMatch(/^[0-9a-f]{16}$/);
  });
});
