import { describe, expect, it } from 'vitest';
import { LABEL_ROW_PX, LabelGrid } from './label-grid';

describe('LabelGrid', () => {
  it('lets a label through where its span of the row is free, and refuses an overlapping one', () => {
    const grid = new LabelGrid();
    grid.reset(200, 100);
    expect(grid.claim(10, 30, 20)).toBe(true);
    expect(grid.claim(25, 45, 22)).toBe(false);
    expect(grid.claim(32, 52, 22)).toBe(true);
    expect(grid.claim(10, 30, 20 + LABEL_ROW_PX)).toBe(true);
  });

  it('starts empty again after a reset, at any size', () => {
    const grid = new LabelGrid();
    grid.reset(200, 100);
    grid.claim(10, 30, 20);
    grid.reset(400, 300);
    expect(grid.claim(10, 30, 20)).toBe(true);
    grid.reset(100, 50);
    expect(grid.claim(10, 30, 20)).toBe(true);
  });

  it('does not keep apart labels off the canvas', () => {
    const grid = new LabelGrid();
    grid.reset(100, 100);
    expect(grid.claim(10, 30, -5)).toBe(true);
    expect(grid.claim(10, 30, -5)).toBe(true);
    expect(grid.claim(-30, -10, 50)).toBe(true);
  });
});
