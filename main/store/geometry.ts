// Store geometry: where fixtures, shelves and plates sit on the floor plan, and how each camera
// maps between its image and the floor. PURE (no node:*, no I/O) because the engine imports it:
// attribution needs plate positions, vision needs floor projection.
//
// Conventions (see schema.ts): floor metres with x to the right, y down the page, z up. On the
// plan, "clockwise" turns +x towards +y. A fixture's local frame has x along its length and y
// along its depth, its front face on local +y; rotation turns that frame clockwise about the
// centre. Image pixels have u to the right and v down, with (0, 0) at the top-left corner.
import type { Camera, CameraPose, Fixture, Floor, Intrinsics, Plate, Point, Shelf, StoreLayout } from './schema';

export type Vec3 = [number, number, number];
/** Row-major 3×3 matrix. */
export type Mat3 = number[];

const DEG = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// Fixtures, shelves, plates

/** Maps a point of the fixture's local frame (metres from its centre) onto the floor plan. */
export function fixtureToFloor(fixture: Fixture, local: Point): Point {
  const a = fixture.rotation * DEG;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [fixture.center[0] + c * local[0] - s * local[1], fixture.center[1] + s * local[0] + c * local[1]];
}

/** The footprint's corners in plan order: front-left, front-right, back-right, back-left (left as seen from the front). */
export function fixtureFootprint(fixture: Fixture): Point[] {
  const hl = fixture.length / 2;
  const hd = fixture.depth / 2;
  return ([[-hl, hd], [hl, hd], [hl, -hd], [-hl, -hd]] as Point[]).map((p) => fixtureToFloor(fixture, p));
}

/** Unit vector on the plan pointing from the shelf into the aisle, where a shopper stands. */
export function shelfFacing(fixture: Fixture, shelf: Shelf): Point {
  const a = fixture.rotation * DEG;
  const sign = shelf.face === 'front' ? 1 : -1;
  return [-Math.sin(a) * sign, Math.cos(a) * sign];
}

/**
 * The local-frame rectangle a plate covers: x from its left end to its right end as seen from the
 * aisle, y from the shelf's outer edge inwards by the shelf depth. The back face runs mirrored
 * because its "left" is the fixture's local +x end.
 */
function plateLocalRect(fixture: Fixture, shelf: Shelf, plate: Plate): { x0: number; x1: number; yEdge: number; yInner: number } {
  const hl = fixture.length / 2;
  const hd = fixture.depth / 2;
  const depth = Math.min(shelf.depth, fixture.depth);
  if (shelf.face === 'front') {
    return { x0: -hl + plate.offset, x1: -hl + plate.offset + plate.width, yEdge: hd, yInner: hd - depth };
  }
  return { x0: hl - plate.offset, x1: hl - plate.offset - plate.width, yEdge: -hd, yInner: -hd + depth };
}

/** The floor-plan centre of a plate: mid-width, half the shelf depth in from the shelf's edge. */
export function plateCenter(fixture: Fixture, shelf: Shelf, plate: Plate): Point {
  const r = plateLocalRect(fixture, shelf, plate);
  return fixtureToFloor(fixture, [(r.x0 + r.x1) / 2, (r.yEdge + r.yInner) / 2]);
}

/** Where a hand reaches the plate: the middle of its aisle-side edge, at shelf height. */
export function plateFrontPoint(fixture: Fixture, shelf: Shelf, plate: Plate): Vec3 {
  const r = plateLocalRect(fixture, shelf, plate);
  const [x, y] = fixtureToFloor(fixture, [(r.x0 + r.x1) / 2, r.yEdge]);
  return [x, y, shelf.height];
}

/** The plate's outline on the plan: aisle-side left, aisle-side right, inner right, inner left. */
export function plateFootprint(fixture: Fixture, shelf: Shelf, plate: Plate): Point[] {
  const r = plateLocalRect(fixture, shelf, plate);
  return ([[r.x0, r.yEdge], [r.x1, r.yEdge], [r.x1, r.yInner], [r.x0, r.yInner]] as Point[]).map((p) =>
    fixtureToFloor(fixture, p),
  );
}

export interface PlatePlacement {
  fixture: Fixture;
  shelf: Shelf;
  plate: Plate;
  /** Plan centre of the plate and the shelf height: the 3-D point the plate's weight sits on. */
  center: Vec3;
  /** Middle of the aisle-side edge at shelf height, where hands reach. */
  front: Vec3;
  /** Unit vector into the aisle. */
  facing: Point;
}

/** Every plate of the layout by id, with its position, so per-event lookups are O(1). */
export function locatePlates(layout: StoreLayout): Map<string, PlatePlacement> {
  const out = new Map<string, PlatePlacement>();
  for (const fixture of layout.fixtures) {
    for (const shelf of fixture.shelves) {
      const facing = shelfFacing(fixture, shelf);
      for (const plate of shelf.plates) {
        const [x, y] = plateCenter(fixture, shelf, plate);
        out.set(plate.id, {
          fixture,
          shelf,
          plate,
          center: [x, y, shelf.height],
          front: plateFrontPoint(fixture, shelf, plate),
          facing,
        });
      }
    }
  }
  return out;
}

/**
 * True when the straight segment from `a` to `b` passes through the fixture's solid box
 * (footprint × [0, height]): what hides a shopper from a camera. Slab test in the fixture's frame.
 */
export function fixtureBlocks(fixture: Fixture, a: Vec3, b: Vec3): boolean {
  const r = fixture.rotation * DEG;
  const c = Math.cos(r);
  const s = Math.sin(r);
  // Inverse of fixtureToFloor: rotate back by the fixture's rotation.
  const toLocal = (p: Vec3): Vec3 => {
    const dx = p[0] - fixture.center[0];
    const dy = p[1] - fixture.center[1];
    return [c * dx + s * dy, -s * dx + c * dy, p[2]];
  };
  const la = toLocal(a);
  const lb = toLocal(b);
  const lo: Vec3 = [-fixture.length / 2, -fixture.depth / 2, 0];
  const hi: Vec3 = [fixture.length / 2, fixture.depth / 2, fixture.height];
  let t0 = 0;
  let t1 = 1;
  for (let k = 0; k < 3; k++) {
    const d = lb[k]! - la[k]!;
    if (Math.abs(d) < 1e-12) {
      if (la[k]! <= lo[k]! || la[k]! >= hi[k]!) return false;
      continue;
    }
    let tNear = (lo[k]! - la[k]!) / d;
    let tFar = (hi[k]! - la[k]!) / d;
    if (tNear > tFar) [tNear, tFar] = [tFar, tNear];
    t0 = Math.max(t0, tNear);
    t1 = Math.min(t1, tFar);
    if (t0 >= t1) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Plane geometry

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function polygonBounds(polygon: readonly Point[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/** The floor's outline bounds, which is what camera views are clipped to. */
export function floorBounds(floor: Floor): Bounds {
  return polygonBounds(floor.outline);
}

/** Even-odd rule; points exactly on an edge may fall either way, so callers needing tolerance pad. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from a point to a polygon's boundary. */
export function distanceToPolygonEdge(p: Point, polygon: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return best;
}

/** Absolute area by the shoelace formula. */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    twice += polygon[j]![0] * polygon[i]![1] - polygon[i]![0] * polygon[j]![1];
  }
  return Math.abs(twice) / 2;
}

/** Sutherland–Hodgman against one half-plane `value(p) >= 0`, value affine along segments. */
function clipHalfPlane(polygon: Point[], value: (p: Point) => number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const va = value(a);
    const vb = value(b);
    if (va >= 0) out.push(a);
    if (va >= 0 !== vb >= 0) {
      const t = va / (va - vb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/** Clips a polygon to an axis-aligned rectangle; empty when they do not meet. */
export function clipPolygonToBounds(polygon: readonly Point[], b: Bounds): Point[] {
  let p = [...polygon];
  p = clipHalfPlane(p, (q) => q[0] - b.minX);
  p = clipHalfPlane(p, (q) => b.maxX - q[0]);
  p = clipHalfPlane(p, (q) => q[1] - b.minY);
  p = clipHalfPlane(p, (q) => b.maxY - q[1]);
  return p.length >= 3 ? p : [];
}

// ---------------------------------------------------------------------------------------------
// 3×3 matrices

export function mat3Multiply(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
  return out;
}

export function mat3Determinant(m: Mat3): number {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/** Inverse, or null when singular relative to the matrix's own scale. */
export function mat3Invert(m: Mat3): Mat3 | null {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const det = mat3Determinant(m);
  const scale = Math.max(...m.map(Math.abs));
  if (!Number.isFinite(det) || scale === 0 || Math.abs(det) <= 1e-12 * scale ** 3) return null;
  const adj = [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
  return adj.map((v) => v / det);
}

function mat3Apply(m: Mat3, v: Vec3): Vec3 {
  return [
    m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2],
    m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2],
    m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2],
  ];
}

/** Maps a point through a homography; null where it lands at infinity. */
export function applyHomography(h: Mat3, p: Point): Point | null {
  const [x, y, w] = mat3Apply(h, [p[0], p[1], 1]);
  if (Math.abs(w) < 1e-12) return null;
  return [x / w, y / w];
}

// ---------------------------------------------------------------------------------------------
// Cameras

/**
 * A camera's optical frame in floor coordinates: centre, and the world directions of the image's
 * right (+u), down (+v) and optical axis. Both ways of placing a camera (pose, or a calibrated
 * floor homography) reduce to this, so projection code has one path.
 */
export interface CameraFrame {
  center: Vec3;
  right: Vec3;
  down: Vec3;
  forward: Vec3;
  intrinsics: Intrinsics;
}

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
const unit = (a: Vec3): Vec3 => scale(a, 1 / norm(a));

/**
 * Frame from a pose. Yaw turns the horizontal heading clockwise from +x; pitch tilts the optical
 * axis down (90 = straight down, the image top then pointing along the heading); positive roll
 * turns the camera clockwise as seen from behind it, i.e. the image's right axis towards its down axis.
 */
export function frameFromPose(pose: CameraPose, intrinsics: Intrinsics): CameraFrame {
  const yaw = pose.yaw * DEG;
  const pitch = pose.pitch * DEG;
  const roll = pose.roll * DEG;
  const heading: Vec3 = [Math.cos(yaw), Math.sin(yaw), 0];
  const forward: Vec3 = [Math.cos(pitch) * heading[0], Math.cos(pitch) * heading[1], -Math.sin(pitch)];
  const right0: Vec3 = [-Math.sin(yaw), Math.cos(yaw), 0];
  const down0: Vec3 = [-Math.sin(pitch) * heading[0], -Math.sin(pitch) * heading[1], -Math.cos(pitch)];
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  return {
    center: [...pose.position],
    right: add(scale(right0, cr), scale(down0, sr)),
    down: add(scale(right0, -sr), scale(down0, cr)),
    forward,
    intrinsics,
  };
}

/** Image pixels → floor metres (z = 0) for a frame: the floor homography a pose implies. */
export function homographyFromFrame(frame: CameraFrame): Mat3 {
  const { fx, fy, cx, cy } = frame.intrinsics;
  const [Cx, Cy, Cz] = frame.center;
  // Ray direction for pixel (u, v): M · K⁻¹ · (u, v, 1), with M's columns right, down, forward.
  const kInv: Mat3 = [1 / fx, 0, -cx / fx, 0, 1 / fy, -cy / fy, 0, 0, 1];
  const m: Mat3 = [
    frame.right[0], frame.down[0], frame.forward[0],
    frame.right[1], frame.down[1], frame.forward[1],
    frame.right[2], frame.down[2], frame.forward[2],
  ];
  // The ray meets z = 0 at (Cx·w_z − Cz·w_x, Cy·w_z − Cz·w_y) / w_z; negated so that pixels seeing
  // the floor get a positive third coordinate (w_z < 0 there).
  const a: Mat3 = [Cz, 0, -Cx, 0, Cz, -Cy, 0, 0, -1];
  const h = mat3Multiply(a, mat3Multiply(m, kInv));
  // Scale so the principal point maps with w = 1 when it sees the floor; keeps numbers readable.
  const w0 = h[6]! * cx + h[7]! * cy + h[8]!;
  const k = w0 > 1e-9 ? 1 / w0 : 1 / Math.hypot(...h);
  return h.map((v) => v * k);
}

/**
 * Recovers the optical frame from a floor homography and the intrinsics (the classic planar
 * decomposition), so cameras calibrated only on the floor still project points above it.
 * Floor coordinates are left-handed (x right, y down, z up), hence the third axis's sign.
 */
export function frameFromHomography(h: Mat3, intrinsics: Intrinsics): CameraFrame | null {
  const g = mat3Invert(h);
  if (!g) return null;
  const { fx, fy, cx, cy } = intrinsics;
  const kInv: Mat3 = [1 / fx, 0, -cx / fx, 0, 1 / fy, -cy / fy, 0, 0, 1];
  const b = mat3Multiply(kInv, g);
  const col = (j: number): Vec3 => [b[j]!, b[3 + j]!, b[6 + j]!];
  let lambda = 2 / (norm(col(0)) + norm(col(1)));
  // The floor seen at the principal point must lie in front of the camera.
  const p0 = applyHomography(h, [cx, cy]);
  if (!p0) return null;
  const depth0 = b[6]! * p0[0] + b[7]! * p0[1] + b[8]!;
  if (depth0 * lambda < 0) lambda = -lambda;
  const c1 = unit(scale(col(0), lambda));
  let c2 = scale(col(1), lambda);
  c2 = unit(sub(c2, scale(c1, dot(c1, c2))));
  const c3 = scale(cross(c1, c2), -1);
  const t = scale(col(2), lambda);
  // R has columns c1, c2, c3; its rows are the camera axes in floor coordinates.
  const right: Vec3 = [c1[0], c2[0], c3[0]];
  const down: Vec3 = [c1[1], c2[1], c3[1]];
  const forward: Vec3 = [c1[2], c2[2], c3[2]];
  // Centre = −Rᵀ t.
  const center = scale(add(add(scale(right, t[0]), scale(down, t[1])), scale(forward, t[2])), -1);
  return { center, right, down, forward, intrinsics };
}

/** The camera's optical frame from its pose, else recovered from its floor homography. */
export function cameraFrame(camera: Camera): CameraFrame | null {
  if (camera.pose) return frameFromPose(camera.pose, camera.intrinsics);
  return camera.floorHomography ? frameFromHomography(camera.floorHomography, camera.intrinsics) : null;
}

/**
 * Image → floor (z = 0) homography. A calibrated floorHomography wins over the pose because it
 * was measured on site; the pose is only the installer's nominal figure.
 */
export function cameraFloorHomography(camera: Camera): Mat3 | null {
  if (camera.floorHomography) return [...camera.floorHomography];
  const frame = cameraFrame(camera);
  return frame ? homographyFromFrame(frame) : null;
}

/** Which sign of the homography's third coordinate means "in front": the one at the principal point. */
function floorSide(h: Mat3, intrinsics: Intrinsics): number {
  const w = h[6]! * intrinsics.cx + h[7]! * intrinsics.cy + h[8]!;
  return w >= 0 ? 1 : -1;
}

/** Pinhole projection of a floor-space point; null when it is behind (or level with) the camera. */
export function projectToImage(camera: Camera, point: Vec3): Point | null {
  if (point[2] === 0 && camera.floorHomography) {
    const h = camera.floorHomography;
    const g = mat3Invert(h);
    if (!g) return null;
    const [u, v, w] = mat3Apply(g, [point[0], point[1], 1]);
    // Inverting keeps the scale, so the floor point's w sign must match the image's "in front" side.
    const [, , w2] = mat3Apply(h, [u / w, v / w, 1]);
    if (Math.abs(w) < 1e-12 || w2 * floorSide(h, camera.intrinsics) <= 0) return null;
    return [u / w, v / w];
  }
  const frame = cameraFrame(camera);
  if (!frame) return null;
  const d = sub(point, frame.center);
  const zc = dot(d, frame.forward);
  if (zc <= 1e-9) return null;
  const { fx, fy, cx, cy } = frame.intrinsics;
  return [cx + (fx * dot(d, frame.right)) / zc, cy + (fy * dot(d, frame.down)) / zc];
}

/**
 * Back-projects a pixel onto the horizontal plane at height z (z = 1.6 puts a detected head on
 * the plan without parallax); null when the pixel's ray never reaches that plane.
 */
export function imageToFloor(camera: Camera, pixel: Point, z = 0): Point | null {
  if (z === 0 && camera.floorHomography) {
    const h = camera.floorHomography;
    const [x, y, w] = mat3Apply(h, [pixel[0], pixel[1], 1]);
    if (Math.abs(w) < 1e-12 || w * floorSide(h, camera.intrinsics) <= 0) return null;
    return [x / w, y / w];
  }
  const frame = cameraFrame(camera);
  if (!frame) return null;
  const { fx, fy, cx, cy } = frame.intrinsics;
  const ray = add(add(scale(frame.right, (pixel[0] - cx) / fx), scale(frame.down, (pixel[1] - cy) / fy)), frame.forward);
  const t = (z - frame.center[2]) / ray[2];
  if (!Number.isFinite(t) || t <= 0) return null;
  return [frame.center[0] + t * ray[0], frame.center[1] + t * ray[1]];
}

/** True when the point projects inside the image. */
export function cameraSees(camera: Camera, point: Vec3): boolean {
  const uv = projectToImage(camera, point);
  return uv !== null && uv[0] >= 0 && uv[0] <= camera.resolution.width && uv[1] >= 0 && uv[1] <= camera.resolution.height;
}

/**
 * The floor (z = 0) the image sees, clipped to the floor's bounding rectangle. Exact for a
 * pinhole: the image rectangle is first cut at the horizon (pixels whose rays rise never reach
 * the floor), and a homography maps the remaining convex polygon's edges to straight edges.
 */
export function cameraFieldOfView(camera: Camera, floor: Floor): Point[] {
  const h = cameraFloorHomography(camera);
  if (!h) return [];
  const { width, height } = camera.resolution;
  const side = floorSide(h, camera.intrinsics);
  const bounds = floorBounds(floor);
  // Stop just short of the horizon: beyond ~1000 camera heights nothing is on any store floor.
  const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY, 1);
  const w0 = Math.abs(h[6]! * camera.intrinsics.cx + h[7]! * camera.intrinsics.cy + h[8]!);
  const margin = (w0 * 1e-4) / span;
  const image: Point[] = [[0, 0], [width, 0], [width, height], [0, height]];
  const visible = clipHalfPlane(image, ([u, v]) => side * (h[6]! * u + h[7]! * v + h[8]!) - margin);
  if (visible.length < 3) return [];
  const onFloor = visible.map((p) => applyHomography(h, p)).filter((p): p is Point => p !== null);
  if (onFloor.length < 3) return [];
  return clipPolygonToBounds(onFloor, bounds);
}
