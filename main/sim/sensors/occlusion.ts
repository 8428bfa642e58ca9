// How much of a body a camera cannot see: the share of its box covered by people nearer the
// camera, and the share of its height behind fixtures (sight lines from the camera to points up
// the body's axis, tested against each fixture's solid box). Detection misses, scores and box
// noise all grow with it, which is what makes crowded aisles and tall gondolas hard.
import { fixtureBlocks, type Vec3 } from '../../store/geometry';
import type { Fixture } from '../../store/schema';
import { boxArea, overlapArea, type ImageBox } from './silhouette';

/** Fixtures with what a cheap plan-view rejection needs before the exact 3-D test. */
export interface FixtureProbe {
  fixture: Fixture;
  cx: number;
  cy: number;
  radius: number;
  cos: number;
  sin: number;
  halfLength: number;
  halfDepth: number;
}

export function fixtureProbes(fixtures: readonly Fixture[]): FixtureProbe[] {
  return fixtures.map((f) => ({
    fixture: f,
    cx: f.center[0],
    cy: f.center[1],
    radius: Math.hypot(f.length, f.depth) / 2,
    cos: Math.cos((f.rotation * Math.PI) / 180),
    sin: Math.sin((f.rotation * Math.PI) / 180),
    halfLength: f.length / 2,
    halfDepth: f.depth / 2,
  }));
}

/** One axis of a slab test: narrows [t0, t1] (in `range`) to where a + t(b − a) is inside ±h. */
function slab(a: number, b: number, h: number, range: Float64Array): boolean {
  const d = b - a;
  if (Math.abs(d) < 1e-12) return a > -h && a < h;
  let tn = (-h - a) / d;
  let tf = (h - a) / d;
  if (tn > tf) {
    const s = tn;
    tn = tf;
    tf = s;
  }
  if (tn > range[0]!) range[0] = tn;
  if (tf < range[1]!) range[1] = tf;
  return range[0]! < range[1]!;
}

const range = new Float64Array(2);

/** Whether the plan segment a→b crosses the fixture's footprint (2-D slab test in its own frame). */
function crossesFootprint(p: FixtureProbe, ax: number, ay: number, bx: number, by: number): boolean {
  const dax = ax - p.cx;
  const day = ay - p.cy;
  const dbx = bx - p.cx;
  const dby = by - p.cy;
  range[0] = 0;
  range[1] = 1;
  return (
    slab(p.cos * dax + p.sin * day, p.cos * dbx + p.sin * dby, p.halfLength, range) &&
    slab(-p.sin * dax + p.cos * day, -p.sin * dbx + p.cos * dby, p.halfDepth, range)
  );
}

const target: Vec3 = [0, 0, 0];

/** True when a fixture hides the point (x, y, z) from the camera. */
export function hiddenByFixture(probes: readonly FixtureProbe[], camera: Vec3, x: number, y: number, z: number): boolean {
  target[0] = x;
  target[1] = y;
  target[2] = z;
  for (const p of probes) {
    // Only the part of the sight line below the fixture's top can meet it; from a ceiling camera
    // that is a short stretch next to the target, which rules out most fixtures cheaply.
    const top = p.fixture.height;
    let ax = camera[0];
    let ay = camera[1];
    if (camera[2] > top) {
      if (z >= top) continue;
      const f = (camera[2] - top) / (camera[2] - z);
      ax += f * (x - ax);
      ay += f * (y - ay);
    }
    const r = p.radius;
    if (Math.max(ax, x) < p.cx - r || Math.min(ax, x) > p.cx + r || Math.max(ay, y) < p.cy - r || Math.min(ay, y) > p.cy + r) continue;
    if (!crossesFootprint(p, ax, ay, x, y)) continue;
    if (fixtureBlocks(p.fixture, camera, target)) return true;
  }
  return false;
}

/** Heights up the body axis, as shares of its height: shins, hips, chest, head. */
const AXIS = [0.1, 0.4, 0.7, 0.97];

/** Share of the body's axis hidden by fixtures. */
export function fixtureOcclusion(probes: readonly FixtureProbe[], camera: Vec3, x: number, y: number, height: number): number {
  if (probes.length === 0) return 0;
  let hidden = 0;
  for (const a of AXIS) if (hiddenByFixture(probes, camera, x, y, a * height)) hidden++;
  return hidden / AXIS.length;
}

/**
 * Per box (given nearest-first), the share hidden by boxes before it. Boxes are loose around a
 * silhouette, so a box overlap counts 80 %; several occluders combine as independent covers.
 */
export function peopleOcclusion(boxes: readonly ImageBox[], out: Float64Array): void {
  for (let i = 0; i < boxes.length; i++) {
    const area = boxArea(boxes[i]!);
    let visible = 1;
    for (let j = 0; j < i && area > 0; j++) visible *= 1 - (0.8 * overlapArea(boxes[j]!, boxes[i]!)) / area;
    out[i] = area > 0 ? 1 - visible : 1;
  }
}
