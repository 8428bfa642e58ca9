import { describe, expect, it } from 'vitest';
import { MotionHistory } from './motion-history';

describe('MotionHistory', () => {
  it('reads walking and standing from displacement over the window', () => {
    const h = new MotionHistory();
    for (let k = 0; k <= 20; k++) h.push(k * 100, k * 0.12, 0);
    expect(h.speed(1000)).toBeCloseTo(1.2, 6);
    const s = new MotionHistory();
    for (let k = 0; k <= 20; k++) s.push(k * 100, 5 + (k % 2) * 0.05, 2);
    expect(s.speed(1000)).toBeLessThan(0.1);
    const from: [number, number] = [0, 0];
    h.from(1000, from);
    expect(from[0]).toBeCloseTo(1.2, 6);
  });
});
