import { describe, expect, it } from 'vitest';
import { CalibrationError, isCalibrated, span, tare, toGrams, type RawLevel } from './calibration';

const level = (mean: number, std = 2, samples = 50): RawLevel => ({ mean, std, samples, t: 1000 });

describe('plate calibration', () => {
  it('tares to the empty reading and spans from a known weight', () => {
    const zeroed = tare(null, level(8123));
    expect(zeroed).toEqual({ offset: 8123, scale: 0 });
    expect(isCalibrated(zeroed)).toBe(false);
    const spanned = span(zeroed, level(8123 + 10_000), 500);
    expect(spanned).toEqual({ offset: 8123, scale: 0.05 });
    expect(toGrams(8123 + 4000, spanned)).toBeCloseTo(200, 9);
    // A later tare keeps the scale: only the zero moves.
    expect(tare(spanned, level(8200))).toEqual({ offset: 8200, scale: 0.05 });
  });

  it('refuses to tare or span a plate that is moving or has no samples', () => {
    expect(() => tare({ offset: 0, scale: 0.05 }, level(9000, 400))).toThrow(new CalibrationError('tare: the plate is moving (±20.0 g over the last second); let it settle and try again'));
    expect(() => tare(null, undefined)).toThrow(/not reported enough samples/);
    expect(() => tare(null, level(1, 0, 3))).toThrow(/not reported enough samples/);
  });

  it('refuses a span without a tare, without the weight on the plate, or with a bad weight', () => {
    expect(() => span(null, level(10_000), 500)).toThrow('calibrate: tare the empty plate first, so its zero is known');
    expect(() => span({ offset: 8000, scale: 0 }, level(8001), 500)).toThrow(/reads the same as empty .* put the 500 g weight on it/);
    expect(() => span({ offset: 8000, scale: 0 }, level(9000), 0)).toThrow(/known weight must be a positive number/);
    expect(() => span({ offset: 8000, scale: 0 }, level(9000), Number.NaN)).toThrow(/known weight must be a positive number/);
  });
});
