// Fusing one person's observations from several cameras at one tick into a floor measurement, and
// learning their head height on the way (the parallax correction of top-down views).
//
// A head-based observation i, projected at the assumed height h, lies at z_i = x − δ·g_i + noise,
// where x is the true floor position, δ the error of h and g_i the camera's ∂position/∂height (it
// points away from the camera's nadir). Two cameras seeing the head from different sides disagree
// along their g's exactly in proportion to δ, so (x, y, δ) is a small weighted least-squares
// problem with a prior δ ~ N(0, σh²). Its solution is the measurement the floor Kalman filter gets
// (with the marginal covariance, which keeps the height uncertainty when one camera sees the head)
// and δ corrects the track's height. Feet-based observations have g = 0 and pin x directly.
// Observations are first moved to the tick time with the track's velocity (frames within a tick
// are up to ~100 ms apart, 0.14 m at walking pace).
import type { Cov2 } from './floor-kalman';
import type { FloorObservation } from './floor-projection';

export interface Fused {
  x: number;
  y: number;
  cov: Cov2;
  /** Correction to the assumed head height, and its variance. */
  dh: number;
  dhVar: number;
}

export function newFused(): Fused {
  return { x: 0, y: 0, cov: { xx: 0, xy: 0, yy: 0 }, dh: 0, dhVar: 0 };
}

/** An observation's position for a person of head height h at tick time tick, given their velocity (m/s). */
export function observedAt(ob: FloorObservation, h: number, refHeight: number, tick: number, vx: number, vy: number, out: Float64Array): void {
  const lead = (tick - ob.t) / 1000;
  out[0] = ob.x + (h - refHeight) * ob.gx + vx * lead;
  out[1] = ob.y + (h - refHeight) * ob.gy + vy * lead;
}

const n = new Float64Array(9);
const b = new Float64Array(3);
const inv = new Float64Array(9);
const z = new Float64Array(2);

/**
 * Solves for (x, y, δ) from `obs[0..count)` at head height h (prior variance hVar). Returns false
 * when the problem is degenerate (no observations).
 */
export function fuseObservations(
  obs: readonly FloorObservation[],
  count: number,
  h: number,
  hVar: number,
  refHeight: number,
  tick: number,
  vx: number,
  vy: number,
  out: Fused,
): boolean {
  if (count === 0) return false;
  n.fill(0);
  b.fill(0);
  for (let i = 0; i < count; i++) {
    const ob = obs[i]!;
    const det = ob.rxx * ob.ryy - ob.rxy * ob.rxy;
    if (!(det > 0)) continue;
    const wxx = ob.ryy / det;
    const wxy = -ob.rxy / det;
    const wyy = ob.rxx / det;
    observedAt(ob, h, refHeight, tick, vx, vy, z);
    // H = [[1, 0, −gx], [0, 1, −gy]]; accumulate Hᵀ W H and Hᵀ W z.
    const gx = ob.gx;
    const gy = ob.gy;
    const wgx = wxx * gx + wxy * gy; // (W g)_x
    const wgy = wxy * gx + wyy * gy; // (W g)_y
    n[0] = n[0]! + wxx;
    n[1] = n[1]! + wxy;
    n[2] = n[2]! - wgx;
    n[4] = n[4]! + wyy;
    n[5] = n[5]! - wgy;
    n[8] = n[8]! + gx * wgx + gy * wgy;
    const wzx = wxx * z[0]! + wxy * z[1]!;
    const wzy = wxy * z[0]! + wyy * z[1]!;
    b[0] = b[0]! + wzx;
    b[1] = b[1]! + wzy;
    b[2] = b[2]! - (gx * wzx + gy * wzy);
  }
  n[3] = n[1]!;
  n[6] = n[2]!;
  n[7] = n[5]!;
  n[8] = n[8]! + 1 / hVar;
  if (!invert3(n, inv)) return false;
  out.x = inv[0]! * b[0]! + inv[1]! * b[1]! + inv[2]! * b[2]!;
  out.y = inv[3]! * b[0]! + inv[4]! * b[1]! + inv[5]! * b[2]!;
  out.dh = inv[6]! * b[0]! + inv[7]! * b[1]! + inv[8]! * b[2]!;
  out.cov.xx = inv[0]!;
  out.cov.xy = inv[1]!;
  out.cov.yy = inv[4]!;
  out.dhVar = inv[8]!;
  return true;
}

function invert3(m: Float64Array, out: Float64Array): boolean {
  const a = m[0]!;
  const b0 = m[1]!;
  const c = m[2]!;
  const d = m[3]!;
  const e = m[4]!;
  const f = m[5]!;
  const g = m[6]!;
  const h = m[7]!;
  const i = m[8]!;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b0 * B + c * C;
  if (!(Math.abs(det) > 1e-300) || !Number.isFinite(det)) return false;
  out[0] = A / det;
  out[1] = -(b0 * i - c * h) / det;
  out[2] = (b0 * f - c * e) / det;
  out[3] = B / det;
  out[4] = (a * i - c * g) / det;
  out[5] = -(a * f - c * d) / det;
  out[6] = C / det;
  out[7] = -(a * h - b0 * g) / det;
  out[8] = (a * e - b0 * d) / det;
  return true;
}

/**
 * The observation that fits the fused solution worst: index into `worst[0]`, its squared
 * Mahalanobis residual (own noise only) into worst[1] and its distance (m) into worst[2].
 */
export function worstResidual(
  obs: readonly FloorObservation[],
  count: number,
  fused: Fused,
  h: number,
  refHeight: number,
  tick: number,
  vx: number,
  vy: number,
  worst: Float64Array,
): void {
  worst[0] = -1;
  worst[1] = -Infinity;
  worst[2] = 0;
  for (let i = 0; i < count; i++) {
    const ob = obs[i]!;
    observedAt(ob, h + fused.dh, refHeight, tick, vx, vy, z);
    const dx = z[0]! - fused.x;
    const dy = z[1]! - fused.y;
    const det = ob.rxx * ob.ryy - ob.rxy * ob.rxy;
    const d2 = det > 0 ? (ob.ryy * dx * dx - 2 * ob.rxy * dx * dy + ob.rxx * dy * dy) / det : Infinity;
    if (d2 > worst[1]!) {
      worst[0] = i;
      worst[1] = d2;
      worst[2] = Math.hypot(dx, dy);
    }
  }
}
