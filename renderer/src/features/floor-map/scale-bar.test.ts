import { describe, expect, it } from 'vitest';
import { scaleBarFor } from './scale-bar';

describe('scaleBarFor', () => {
  it('picks the longest round length that fits', () => {
    expect(scaleBarFor(50)).toEqual({ metres: 2, pixels: 100, label: '2 m' });
    expect(scaleBarFor(10)).toEqual({ metres: 10, pixels: 100, label: '10 m' });
    expect(scaleBarFor(11)).toEqual({ metres: 10, pixels: 110, label: '10 m' });
    expect(scaleBarFor(25)).toEqual({ metres: 2, pixels: 50, label: '2 m' });
  });

  it('uses centimetres below a metre', () => {
    expect(scaleBarFor(500)).toEqual({ metres: 0.2, pixels: 100, label: '20 cm' });
  });

  it('never goes below its shortest length, even when that overflows', () => {
    expect(scaleBarFor(5000).metres).toBe(0.1);
  });

  it('survives a nonsense scale', () => {
    expect(scaleBarFor(0).metres).toBeGreaterThan(0);
    expect(scaleBarFor(Number.NaN).metres).toBeGreaterThan(0);
  });

  it('honours a custom width', () => {
    expect(scaleBarFor(50, 300).metres).toBe(5);
  });
});
