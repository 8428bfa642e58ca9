// How well a store's cameras cover its walkable floor: for each point of a grid over the floor
// outside fixture footprints, how many cameras see it, optionally counting fixtures as blocking.
// The cross-camera tracker wants two views of every point; this is how a layout is checked for it.
// Pure.
import { cameraFieldOfView, cameraFrame, cameraSees, fixtureBlocks, fixtureFootprint, pointInPolygon } from './geometry';
import type { Camera, Point, StoreLayout } from './schema';

/** Cell centres of a square grid over the floor that are inside the outline and outside every fixture. */
export function walkablePoints(layout: StoreLayout, step = 0.25): Point[] {
  const footprints = layout.fixtures.map(fixtureFootprint);
  const points: Point[] = [];
  for (let x = step / 2; x < layout.floor.width; x += step) {
    for (let y = step / 2; y < layout.floor.depth; y += step) {
      const p: Point = [x, y];
      if (pointInPolygon(p, layout.floor.outline) && !footprints.some((f) => pointInPolygon(p, f))) points.push(p);
    }
  }
  return points;
}

export interface CoverageOptions {
  /** Height of the plane sampled: 0 for the floor, about 1.6 for heads. */
  z?: number;
  /** Count a camera only when no fixture stands between it and the point. */
  occlusion?: boolean;
  step?: number;
}

export interface Coverage {
  points: number;
  /** Fewest cameras seeing any one point. */
  min: number;
  /** Share of points seen by at least one and by at least two cameras. */
  atLeastOne: number;
  atLeastTwo: number;
  mean: number;
  /** The least-covered points, for tuning. */
  worst: Point[];
}

/** Cameras seeing each walkable point; at floor level through the field-of-view polygons, else by projection. */
export function cameraCoverage(layout: StoreLayout, cameras: Camera[], options: CoverageOptions = {}): Coverage {
  const { z = 0, occlusion = false, step = 0.25 } = options;
  const points = walkablePoints(layout, step);
  const views = cameras.map((c) => (z === 0 ? cameraFieldOfView(c, layout.floor) : []));
  const sees = (camera: Camera, i: number, p: Point): boolean => {
    const inView = z === 0 ? pointInPolygon(p, views[i]!) : cameraSees(camera, [p[0], p[1], z]);
    if (!inView || !occlusion) return inView;
    const eye = cameraFrame(camera)?.center;
    return eye !== undefined && !layout.fixtures.some((f) => fixtureBlocks(f, eye, [p[0], p[1], z]));
  };
  const counts = points.map((p) => cameras.filter((camera, i) => sees(camera, i, p)).length);
  const min = Math.min(...counts);
  return {
    points: points.length,
    min,
    atLeastOne: counts.filter((n) => n >= 1).length / points.length,
    atLeastTwo: counts.filter((n) => n >= 2).length / points.length,
    mean: counts.reduce((a, b) => a + b, 0) / points.length,
    worst: points.filter((_, i) => counts[i] === min).slice(0, 20),
  };
}
