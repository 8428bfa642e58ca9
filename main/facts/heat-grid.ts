// The heatmap's grid: square cells over the floor outline's bounds. Facts store seconds per cell
// index (ix, iy); the analytics answer carries the same grid so the renderer draws cells to scale.
import { polygonBounds } from '../store/geometry';
import type { StoreLayout } from '../store/schema';

export interface HeatGrid {
  /** Plan coordinates of the grid's top-left corner, metres. */
  originX: number;
  originY: number;
  cellM: number;
  nx: number;
  ny: number;
}

export const HEAT_CELL_M = 0.5;

export function heatGrid(layout: StoreLayout, cellM = HEAT_CELL_M): HeatGrid {
  const b = polygonBounds(layout.floor.outline);
  return {
    originX: b.minX,
    originY: b.minY,
    cellM,
    nx: Math.max(1, Math.ceil((b.maxX - b.minX) / cellM)),
    ny: Math.max(1, Math.ceil((b.maxY - b.minY) / cellM)),
  };
}

/** The cell's flat index (iy * nx + ix), or -1 off the grid. */
export function heatCell(grid: HeatGrid, x: number, y: number): number {
  const ix = Math.floor((x - grid.originX) / grid.cellM);
  const iy = Math.floor((y - grid.originY) / grid.cellM);
  if (ix < 0 || iy < 0 || ix >= grid.nx || iy >= grid.ny) return -1;
  return iy * grid.nx + ix;
}
