import { describe, expect, it } from 'vitest';
import { gaussian } from './gaussian';
import { Rng } from './streams';

describe('gaussian', () => {
  it('draws standard normals: mean, variance, kurtosis and tail mass', () => {
    const rng = new Rng(42);
    const n = 2_000_000;
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    let beyond2 = 0;
    let beyond3 = 0;
    let beyond4 = 0;
    for (let i = 0; i < n; i++) {
      const x = gaussian(rng);
      s1 += x;
      s2 += x * x;
      s4 += x ** 4;
      const a = Math.abs(x);
      if (a > 2) beyond2++;
      if (a > 3) beyond3++;
      if (a > 4) beyond4++;
    }
    const mean = s1 / n;
    const variance = s2 / n - mean ** 2;
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(variance).toBeCloseTo(1, 2);
    expect(s4 / n / variance ** 2).toBeCloseTo(3, 1);
    expect(beyond2 / n).toBeCloseTo(0.0455, 3);
    expect(beyond3 / n).toBeCloseTo(0.0027, 3);
    expect(beyond4 / n).toBeGreaterThan(0.00003); // the tail beyond the base strip is drawn too
    expect(beyond4 / n).toBeLessThan(0.00010);
  });

  it('is a pure function of the generator state', () => {
    const a = new Rng(3);
    const b = new Rng(3);
    for (let i = 0; i < 1000; i++) expect(gaussian(a)).toBe(gaussian(b));
  });
});
