// From a detection in one camera to a point on the floor plan with its uncertainty.
//
// Which point of a person to project depends on how the camera looks at them. The rule, by pitch:
// - top-down cameras (pitched ≥ topDownPitchDeg, default 70°; the demo store's ceiling cameras
//   are at 90°): the feet are hidden under head and shoulders and the box is the body smeared
//   outwards by parallax, so its bottom edge means nothing. The head keypoint is back-projected
//   onto the horizontal plane at head height instead. A person's true head height differs from the
//   assumed one, which moves the point along the line from the camera's nadir; the observation
//   carries that direction (∂position/∂height) and the floor tracker learns each person's height
//   from cameras that disagree (fuse.ts). Without a head keypoint the head is read off the box:
//   every vertical line runs through the image's vertical vanishing point, so the head is at the
//   box's far end from it. When that end is cut by the image border (between two rows of ceiling
//   cameras a tall person's head is in neither image) the feet end of the box is used.
// - oblique cameras (the gate cameras, 65°): the feet, where the body's axis (the line from the
//   vertical vanishing point through the head, or the box centre) enters the box, i.e. the bottom
//   edge for people ahead. That is the near edge of the feet; the body's centre is footOffsetM
//   further from the camera. When the vanishing point is inside the box (someone right below the
//   camera) or that edge is cut by the image border, the head is used as for top-down views.
// Noise: pixel noise mapped to the floor through the projection's Jacobian (so it grows with
// distance and obliquity), plus a floor-level base, both scaled up towards the image corners.
import { cameraFloorHomography, cameraFrame, type Mat3, type Vec3 } from '../../store/geometry';
import type { Camera } from '../../store/schema';
import { HAND_RAY_STRIDE, HANDS } from './hands';
import type { VisionOptions } from './options';

/** A floor point seen by one camera in one frame; owned and reused by its camera track. */
export interface FloorObservation {
  camera: number;
  t: number;
  /** Position at the assumed head height (head-based) or on the floor (feet-based), metres. */
  x: number;
  y: number;
  /** Change of the position per metre of extra head height (zero for feet-based observations). */
  gx: number;
  gy: number;
  /** Covariance of (x, y) from pixel noise and the base floor noise; height uncertainty excluded. */
  rxx: number;
  rxy: number;
  ryy: number;
  /** The camera's centre, where the hand rays start. */
  camX: number;
  camY: number;
  camZ: number;
  /** Per hand (left, right), HAND_RAY_STRIDE values: the unit ray through the keypoint and its precision (0 = not seen). */
  hands: Float64Array;
}

export function newObservation(): FloorObservation {
  return { camera: -1, t: 0, x: 0, y: 0, gx: 0, gy: 0, rxx: 0, rxy: 0, ryy: 0, camX: 0, camY: 0, camZ: 0, hands: new Float64Array(HANDS * HAND_RAY_STRIDE) };
}

export type ViewKind = 'top-down' | 'oblique';

/** A box edge this close to the image border (share of the shorter side) is taken as cut by it: detectors' edges jitter. */
const EDGE_SHARE = 0.02;

export class CameraProjection {
  readonly kind: ViewKind;
  readonly width: number;
  readonly height: number;
  readonly periodMs: number;
  readonly pitchDeg: number;
  private readonly c: Vec3;
  private readonly right: Vec3;
  private readonly down: Vec3;
  private readonly forward: Vec3;
  private readonly fx: number;
  private readonly fy: number;
  private readonly cx: number;
  private readonly cy: number;
  private readonly h: Mat3 | null;
  /** Image point of the vertical vanishing point (where the image of every vertical line meets). */
  private readonly vpU: number;
  private readonly vpV: number;
  private readonly headRadiusPx: number;
  private readonly edgePx: number;
  private readonly feetRadiusPx: number;
  private readonly headScale: number;
  private readonly ray = new Float64Array(3);
  private readonly point = new Float64Array(2);
  private readonly jac = new Float64Array(4);
  private readonly feet = new Float64Array(2);

  constructor(
    readonly index: number,
    readonly camera: Camera,
    private readonly o: VisionOptions,
  ) {
    const frame = cameraFrame(camera);
    if (!frame) throw new Error(`camera ${camera.id} has neither a usable pose nor a floor homography`);
    this.c = frame.center;
    this.right = frame.right;
    this.down = frame.down;
    this.forward = frame.forward;
    ({ fx: this.fx, fy: this.fy, cx: this.cx, cy: this.cy } = frame.intrinsics);
    this.h = camera.floorHomography ? cameraFloorHomography(camera) : null;
    this.width = camera.resolution.width;
    this.height = camera.resolution.height;
    this.periodMs = 1000 / camera.fps;
    this.pitchDeg = (Math.asin(Math.max(-1, Math.min(1, -this.forward[2]))) * 180) / Math.PI;
    this.kind = this.pitchDeg >= o.topDownPitchDeg ? 'top-down' : 'oblique';
    // Direction (0, 0, −1) in camera coordinates; at pitch 90 this is the principal point.
    const zr = -this.right[2];
    const zd = -this.down[2];
    const zf = Math.max(1e-9, -this.forward[2]);
    this.vpU = this.cx + (this.fx * zr) / zf;
    this.vpV = this.cy + (this.fy * zd) / zf;
    this.edgePx = Math.max(4, EDGE_SHARE * Math.min(this.width, this.height));
    this.feetRadiusPx = (o.bodyRadiusM * this.fx) / this.c[2];
    this.headScale = this.c[2] / Math.max(0.3, this.c[2] - o.headHeightM);
    this.headRadiusPx = (o.bodyRadiusM * this.fx) / Math.max(0.3, this.c[2] - o.headHeightM);
  }

  /**
   * Projects detection `i` (boxes stride 5, keypoints stride 9 with the head first) into `out`.
   * False when no trustworthy floor point can be had from it (head out of view and box cut).
   */
  project(boxes: Float32Array, i: number, keypoints: Float32Array | undefined, t: number, out: FloorObservation): boolean {
    const o = this.o;
    const bx = boxes[i * 5]!;
    const by = boxes[i * 5 + 1]!;
    const bw = boxes[i * 5 + 2]!;
    const bh = boxes[i * 5 + 3]!;
    const x1 = bx + bw;
    const y1 = by + bh;
    const kconf = keypoints ? keypoints[i * 9 + 2]! : 0;
    const hasHead = kconf >= o.minKeypointConfidence && Number.isFinite(keypoints![i * 9]!) && Number.isFinite(keypoints![i * 9 + 1]!);
    const pixelStd = o.pixelNoise * Math.max(bh, bw) + 1;
    out.camera = this.index;
    out.t = t;
    this.handRays(keypoints, i, o.handPixelNoise * Math.max(bh, bw) + 1, out);

    if (this.kind === 'oblique' && this.feetPixel(bx, by, x1, y1, hasHead, keypoints, i)) return this.feetObservation(pixelStd, out);
    if (hasHead) return this.headObservation(keypoints![i * 9]!, keypoints![i * 9 + 1]!, pixelStd, out);
    // No head keypoint: read the head off the box, at its far end from the vertical vanishing point
    // (one head radius in), when that end is inside the image.
    const du = bx + bw / 2 - this.vpU;
    const dv = by + bh / 2 - this.vpV;
    const e = this.edgePx;
    const cutU = (du >= 0 && x1 >= this.width - e) || (du < 0 && bx <= e);
    const cutV = (dv >= 0 && y1 >= this.height - e) || (dv < 0 && by <= e);
    if (!cutU && !cutV) {
      const r = this.headRadiusPx;
      const u = du >= 0 ? Math.max(bx + bw / 2, x1 - r) : Math.min(bx + bw / 2, bx + r);
      const v = dv >= 0 ? Math.max(by + bh / 2, y1 - r) : Math.min(by + bh / 2, by + r);
      return this.headObservation(u, v, pixelStd + 0.5 * r, out);
    }
    // The head is out of view (between two rows of top-down cameras a tall person's head is seen
    // by neither): the feet end of the box is still there.
    if (this.kind === 'top-down' && this.feetFromBox(bx, x1, this.vpU, this.width, 0) && this.feetFromBox(by, y1, this.vpV, this.height, 1)) {
      if (!this.toPlane(this.feet[0]!, this.feet[1]!, 0, out)) return false;
      out.gx = 0;
      out.gy = 0;
      this.noise(this.feet[0]!, this.feet[1]!, pixelStd + 0.25 * this.feetRadiusPx, 0, out);
      return true;
    }
    return false;
  }

  /**
   * One axis of the feet centre's pixel in a top-down view, from a box whose head end may be cut.
   * Looking straight down, a standing body's silhouette is the hull of its feet disc (radius rf
   * about f) and its head disc (k·rf about k·f, k = Cz / (Cz − head height)), both measured from the
   * vanishing point; so a box edge on the vanishing point's side is the feet disc's edge when the
   * box lies wholly to one side, and the head disc's (scaled by k) when the box straddles it.
   */
  private feetFromBox(lo: number, hi: number, vp: number, size: number, axis: number): boolean {
    const e = this.edgePx;
    const rf = this.feetRadiusPx;
    const k = this.headScale;
    const a = lo - vp;
    const b = hi - vp;
    const cutLo = lo <= e;
    const cutHi = hi >= size - e;
    let f: number;
    if (a > 0) {
      if (cutLo) return false;
      f = a + rf;
    } else if (b < 0) {
      if (cutHi) return false;
      f = b - rf;
    } else if (!cutLo && !cutHi) f = (a + b) / 2 / k;
    else if (!cutLo) f = a / k + rf;
    else if (!cutHi) f = b / k - rf;
    else return false;
    this.feet[axis] = vp + f;
    return true;
  }

  private headObservation(u: number, v: number, std: number, out: FloorObservation): boolean {
    const z = this.o.headHeightM;
    if (!this.toPlane(u, v, z, out)) return false;
    // p(z) = C + (z − Cz) · ray_xy / ray_z, so ∂p/∂z = ray_xy / ray_z.
    out.gx = this.ray[0]! / this.ray[2]!;
    out.gy = this.ray[1]! / this.ray[2]!;
    this.noise(u, v, std, z, out);
    return true;
  }

  /** From the feet pixel in this.feet (the near edge of the feet) to the body's centre on the floor. */
  private feetObservation(std: number, out: FloorObservation): boolean {
    const u = this.feet[0]!;
    const v = this.feet[1]!;
    if (!this.toPlane(u, v, 0, out)) return false;
    // The near edge of the feet is the one nearest the camera: the centre is one offset further away.
    const dx = out.x - this.c[0];
    const dy = out.y - this.c[1];
    const d = Math.hypot(dx, dy);
    if (d > 1e-6) {
      out.x += (dx / d) * this.o.footOffsetM;
      out.y += (dy / d) * this.o.footOffsetM;
    }
    out.gx = 0;
    out.gy = 0;
    this.noise(u, v, std, 0, out);
    return true;
  }

  /**
   * The near edge of the feet in an oblique view, into this.feet. The body's axis is a line through
   * the vertical vanishing point (aimed at the head keypoint, else the box centre); the feet are
   * where it enters the box from the vanishing point's side: the bottom edge for people far
   * ahead, a side edge for people off to the side and near. Using the box's bottom centre instead
   * is off by the head's perspective spread, ~0.3 m on a wide lens. False when the vanishing point
   * is inside the box (the person is under the camera: no feet to see) or the entry is cut by the
   * image border.
   */
  private feetPixel(x0: number, y0: number, x1: number, y1: number, hasHead: boolean, keypoints: Float32Array | undefined, i: number): boolean {
    const du = (hasHead ? keypoints![i * 9]! : (x0 + x1) / 2) - this.vpU;
    const dv = (hasHead ? keypoints![i * 9 + 1]! : (y0 + y1) / 2) - this.vpV;
    let s0 = 0;
    let s1 = Infinity;
    let side = -1;
    for (let k = 0; k < 2; k++) {
      const d = k === 0 ? du : dv;
      const p = k === 0 ? this.vpU : this.vpV;
      const lo = k === 0 ? x0 : y0;
      const hi = k === 0 ? x1 : y1;
      if (Math.abs(d) < 1e-9) {
        if (p < lo || p > hi) return false;
        continue;
      }
      const ta = (lo - p) / d;
      const tb = (hi - p) / d;
      const enter = Math.min(ta, tb);
      if (enter > s0) {
        s0 = enter;
        side = k * 2 + (ta < tb ? 0 : 1);
      }
      s1 = Math.min(s1, Math.max(ta, tb));
    }
    if (side < 0 || s0 >= s1) return false;
    const e = this.edgePx;
    // Entry edges: 0 left, 1 right, 2 top, 3 bottom; cut when that edge is at the image border.
    if ((side === 0 && x0 <= e) || (side === 1 && x1 >= this.width - e) || (side === 2 && y0 <= e) || (side === 3 && y1 >= this.height - e)) return false;
    this.feet[0] = this.vpU + s0 * du;
    this.feet[1] = this.vpV + s0 * dv;
    return true;
  }

  /** The rays through detection i's hand keypoints (keypoint order: head, left hand, right hand). */
  private handRays(keypoints: Float32Array | undefined, i: number, pixelStd: number, out: FloorObservation): void {
    out.camX = this.c[0];
    out.camY = this.c[1];
    out.camZ = this.c[2];
    const precision = (this.fx * this.fx) / (pixelStd * pixelStd);
    for (let hand = 0; hand < HANDS; hand++) {
      const k = hand * HAND_RAY_STRIDE;
      const at = i * 9 + (hand + 1) * 3;
      const u = keypoints ? keypoints[at]! : NaN;
      const v = keypoints ? keypoints[at + 1]! : NaN;
      const conf = keypoints ? keypoints[at + 2]! : 0;
      if (!(conf >= this.o.minHandConfidence) || !Number.isFinite(u) || !Number.isFinite(v)) {
        out.hands[k + 3] = 0;
        continue;
      }
      const a = (u - this.cx) / this.fx;
      const b = (v - this.cy) / this.fy;
      const dx = this.right[0] * a + this.down[0] * b + this.forward[0];
      const dy = this.right[1] * a + this.down[1] * b + this.forward[1];
      const dz = this.right[2] * a + this.down[2] * b + this.forward[2];
      const n = Math.hypot(dx, dy, dz);
      out.hands[k] = dx / n;
      out.hands[k + 1] = dy / n;
      out.hands[k + 2] = dz / n;
      // A keypoint the detector is less sure of is less precise, not ignored: a wrist half hidden by
      // a shelf edge is still near where the forearm points.
      out.hands[k + 3] = precision * conf;
    }
  }

  /** Back-projects pixel (u, v) onto the plane at height z into out.x, out.y; leaves the ray in this.ray. */
  private toPlane(u: number, v: number, z: number, out: FloorObservation): boolean {
    const a = (u - this.cx) / this.fx;
    const b = (v - this.cy) / this.fy;
    const r = this.ray;
    for (let k = 0; k < 3; k++) r[k] = this.right[k]! * a + this.down[k]! * b + this.forward[k]!;
    const s = (z - this.c[2]) / r[2]!;
    if (!Number.isFinite(s) || s <= 0) return false;
    if (z === 0 && this.h) {
      // The calibrated floor homography wins over the pose for floor points.
      const h = this.h;
      const w = h[6]! * u + h[7]! * v + h[8]!;
      if (Math.abs(w) < 1e-12) return false;
      this.point[0] = (h[0]! * u + h[1]! * v + h[2]!) / w;
      this.point[1] = (h[3]! * u + h[4]! * v + h[5]!) / w;
    } else {
      this.point[0] = this.c[0] + s * r[0]!;
      this.point[1] = this.c[1] + s * r[1]!;
    }
    out.x = this.point[0]!;
    out.y = this.point[1]!;
    return true;
  }

  /** Floor covariance of pixel noise `std` at (u, v) on the plane at height z, plus the base noise. */
  private noise(u: number, v: number, std: number, z: number, out: FloorObservation): void {
    const r = this.ray;
    const rz = r[2]!;
    const k = (z - this.c[2]) / (rz * rz);
    const j = this.jac;
    // ∂p/∂u = (z − Cz)(a_xy r_z − r_xy a_z)/r_z² with a = right/fx; likewise v with down/fy.
    j[0] = (k * (this.right[0] * rz - r[0]! * this.right[2])) / this.fx;
    j[1] = (k * (this.right[1] * rz - r[1]! * this.right[2])) / this.fx;
    j[2] = (k * (this.down[0] * rz - r[0]! * this.down[2])) / this.fy;
    j[3] = (k * (this.down[1] * rz - r[1]! * this.down[2])) / this.fy;
    const nu = (u - this.cx) / this.cx;
    const nv = (v - this.cy) / this.cy;
    const edge = 1 + this.o.edgeGain * Math.min(1, (nu * nu + nv * nv) / 2);
    const s2 = std * std * edge * edge;
    const b2 = this.o.baseNoiseM * this.o.baseNoiseM * edge * edge;
    out.rxx = s2 * (j[0]! * j[0]! + j[2]! * j[2]!) + b2;
    out.rxy = s2 * (j[0]! * j[1]! + j[2]! * j[3]!);
    out.ryy = s2 * (j[1]! * j[1]! + j[3]! * j[3]!) + b2;
  }
}
