import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table';

describe('PairTable', () => {
  it('keeps every sum while it grows past its first capacity', () => {
    const table = new PairTable(1000);
    for (let round = 0; round < 3; round++) {
      for (let g = 0; g < 50; g++) for (let t = 0; t < 10; t++) table.add(g, 900 + t, g + t / 10);
    }
    expect(table.size).toBe(500);
    const slot = table.find(49, 909);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(table.gtAt(slot)).toBe(49);
    expect(table.trackerAt(slot)).toBe(909);
    expect(table.valueAt(slot)).toBeCloseTo(3 * 49.9, 12);
    expect(table.find(0, 0)).toBe(-1);
  });
});
