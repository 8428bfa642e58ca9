import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter';

describe('RateMeter', () => {
  it('counts events in the last two seconds as a rate', () => {
    const meter = new RateMeter();
    for (let t = 0; t < 5000; t += 100) meter.mark(t);
    expect(meter.perSecond(4900)).toBe(10.5);
    expect(meter.perSecond(5900)).toBe(5.5);
    expect(meter.perSecond(9000)).toBe(0);
  });

  it('keeps working past its ring capacity', () => {
    const meter = new RateMeter(1000, 8);
    for (let t = 0; t < 1000; t += 10) meter.mark(t);
    expect(meter.perSecond(990)).toBe(8);
  });
});
