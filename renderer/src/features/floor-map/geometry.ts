// Plan geometry for drawing: where a fixture's corners, its plates and the labels fall, in floor
// metres (x right, y down). Computed here rather than with SVG transforms so the conventions —
// rotation clockwise about the centre, which side is "front", where a plate's offset starts —
// are tested in one place and the SVG only draws polygons.
import type { Fixture, Gate, Point } from '../../../../native-bridge/contract';

type Shelf = Fixture['shelves'][number];
type Plate = Shelf['plates'][number];

/**
 * A point in the fixture's own frame (origin at its centre, length along x, front towards +y) to
 * the plan. With y pointing down, the usual rotation matrix turns positive angles clockwise on
 * screen, which is what the store model means by rotation.
 */
export function localToPlan(fixture: Pick<Fixture, 'center' | 'rotation'>, [x, y]: Point): Point {
  const radians = ((fixture.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return [fixture.center[0] + x * cos - y * sin, fixture.center[1] + x * sin + y * cos];
}

function rectToPlan(fixture: Pick<Fixture, 'center' | 'rotation'>, x0: number, y0: number, x1: number, y1: number): Point[] {
  return [
    localToPlan(fixture, [x0, y0]),
    localToPlan(fixture, [x1, y0]),
    localToPlan(fixture, [x1, y1]),
    localToPlan(fixture, [x0, y1]),
  ];
}

export function fixtureFootprint(fixture: Pick<Fixture, 'center' | 'rotation' | 'length' | 'depth'>): Point[] {
  const hl = fixture.length / 2;
  const hd = fixture.depth / 2;
  return rectToPlan(fixture, -hl, -hd, hl, hd);
}

/**
 * A plate's footprint on the plan. A front shelf is on the +y side and is read by someone standing
 * there looking at it, whose left is −x; a back shelf is read from the other side, so its offsets
 * run from +x. Shelves deeper than the fixture are clipped to it.
 */
export function plateFootprint(
  fixture: Pick<Fixture, 'center' | 'rotation' | 'length' | 'depth'>,
  shelf: Pick<Shelf, 'face' | 'depth'>,
  plate: Pick<Plate, 'offset' | 'width'>,
): Point[] {
  const hl = fixture.length / 2;
  const hd = fixture.depth / 2;
  const depth = Math.min(shelf.depth, fixture.depth);
  if (shelf.face === 'front') {
    const x0 = -hl + plate.offset;
    return rectToPlan(fixture, x0, hd - depth, x0 + plate.width, hd);
  }
  const x1 = hl - plate.offset;
  return rectToPlan(fixture, x1 - plate.width, -hd, x1, -hd + depth);
}

export function pointsAttr(points: readonly Point[]): string {
  return points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
}

/** Area-weighted centroid, the natural place for a zone's label; falls back to the mean for slivers. */
export function polygonCentroid(points: readonly Point[]): Point {
  if (points.length === 0) return [0, 0];
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length] ?? [x0, y0];
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  });
  if (Math.abs(area2) < 1e-9) {
    const sum = points.reduce<Point>((acc, [x, y]) => [acc[0] + x, acc[1] + y], [0, 0]);
    return [sum[0] / points.length, sum[1] / points.length];
  }
  return [cx / (3 * area2), cy / (3 * area2)];
}

/**
 * Where a gate's label goes: beside the middle of its line, on the outside of the store. A shopper
 * walking from line[0] to line[1] has the store on the right, which with y down is (−dy, dx).
 */
export function gateLabelPosition(gate: Pick<Gate, 'line'>, offsetM: number): Point {
  const [[x0, y0], [x1, y1]] = gate.line;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy) || 1;
  const inside: Point = [-dy / length, dx / length];
  return [(x0 + x1) / 2 - inside[0] * offsetM, (y0 + y1) / 2 - inside[1] * offsetM];
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
