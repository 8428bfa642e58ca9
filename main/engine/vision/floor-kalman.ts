// The floor tracker's motion model: a 2-D constant-velocity Kalman filter (x, y in metres, and
// their velocities in m/s) whose velocity relaxes towards zero with time constant tau. Shoppers
// walk, stop at a shelf, turn back; a pure constant-velocity model carries a stopped shopper on
// across an occlusion, while a relaxing velocity predicts "about where they were, a bit along the
// way they were going", which is where they are found again. With tau → ∞ it is the textbook
// filter. State lives in a Float64Array slot per track (mean[4], covariance 4×4 row-major).

export const FLOOR_STATE = 20;

const P = 4;

/** 2×2 symmetric covariance of a floor measurement. */
export interface Cov2 {
  xx: number;
  xy: number;
  yy: number;
}

export function floorInitiate(s: Float64Array, o: number, x: number, y: number, r: Cov2, velocityStd: number): void {
  s.fill(0, o, o + FLOOR_STATE);
  s[o] = x;
  s[o + 1] = y;
  s[o + P] = r.xx;
  s[o + P + 1] = r.xy;
  s[o + P + 4] = r.xy;
  s[o + P + 5] = r.yy;
  s[o + P + 10] = velocityStd * velocityStd;
  s[o + P + 15] = velocityStd * velocityStd;
}

const scratch = new Float64Array(16);

/**
 * Advances the state by dt seconds: x += β v, v *= α with α = e^(−dt/τ), β = τ(1 − α), plus
 * white-noise acceleration of spectral density q (m²/s³) on each axis.
 */
export function floorPredict(s: Float64Array, o: number, dt: number, tau: number, q: number): void {
  if (dt <= 0) return;
  const alpha = Number.isFinite(tau) ? Math.exp(-dt / tau) : 1;
  const beta = Number.isFinite(tau) ? tau * (1 - alpha) : dt;
  s[o] = s[o]! + beta * s[o + 2]!;
  s[o + 1] = s[o + 1]! + beta * s[o + 3]!;
  s[o + 2] = s[o + 2]! * alpha;
  s[o + 3] = s[o + 3]! * alpha;
  // F P: rows 0,1 gain β × rows 2,3; rows 2,3 scale by α.
  const c = o + P;
  for (let j = 0; j < 4; j++) {
    scratch[j] = s[c + j]! + beta * s[c + 8 + j]!;
    scratch[4 + j] = s[c + 4 + j]! + beta * s[c + 12 + j]!;
    scratch[8 + j] = alpha * s[c + 8 + j]!;
    scratch[12 + j] = alpha * s[c + 12 + j]!;
  }
  // (F P) Fᵀ: the same on columns.
  for (let i = 0; i < 4; i++) {
    const r = i * 4;
    s[c + r] = scratch[r]! + beta * scratch[r + 2]!;
    s[c + r + 1] = scratch[r + 1]! + beta * scratch[r + 3]!;
    s[c + r + 2] = alpha * scratch[r + 2]!;
    s[c + r + 3] = alpha * scratch[r + 3]!;
  }
  const qpp = (q * dt * dt * dt) / 3;
  const qpv = (q * dt * dt) / 2;
  const qvv = q * dt;
  s[c] = s[c]! + qpp;
  s[c + 5] = s[c + 5]! + qpp;
  s[c + 2] = s[c + 2]! + qpv;
  s[c + 8] = s[c + 8]! + qpv;
  s[c + 7] = s[c + 7]! + qpv;
  s[c + 13] = s[c + 13]! + qpv;
  s[c + 10] = s[c + 10]! + qvv;
  s[c + 15] = s[c + 15]! + qvv;
}

/** Where the track will be after dt seconds, without changing it: out[0], out[1]. */
export function floorPeek(s: Float64Array, o: number, dt: number, tau: number, out: Float64Array): void {
  const beta = dt <= 0 ? 0 : Number.isFinite(tau) ? tau * (1 - Math.exp(-dt / tau)) : dt;
  out[0] = s[o]! + beta * s[o + 2]!;
  out[1] = s[o + 1]! + beta * s[o + 3]!;
}

/** Squared Mahalanobis distance of measurement (x, y) with covariance r from the predicted position. */
export function floorMahalanobis(s: Float64Array, o: number, x: number, y: number, r: Cov2): number {
  const sxx = s[o + P]! + r.xx;
  const sxy = s[o + P + 1]! + r.xy;
  const syy = s[o + P + 5]! + r.yy;
  const det = sxx * syy - sxy * sxy;
  const dx = x - s[o]!;
  const dy = y - s[o + 1]!;
  if (!(det > 0)) return Infinity;
  return (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
}

const gain = new Float64Array(8);

/** Kalman update with a position measurement (x, y) of covariance r. */
export function floorUpdate(s: Float64Array, o: number, x: number, y: number, r: Cov2): void {
  const c = o + P;
  const sxx = s[c]! + r.xx;
  const sxy = s[c + 1]! + r.xy;
  const syy = s[c + 5]! + r.yy;
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) return;
  const ixx = syy / det;
  const ixy = -sxy / det;
  const iyy = sxx / det;
  // K = P Hᵀ S⁻¹: P's first two columns times S⁻¹.
  for (let i = 0; i < 4; i++) {
    const p0 = s[c + i * 4]!;
    const p1 = s[c + i * 4 + 1]!;
    gain[i * 2] = p0 * ixx + p1 * ixy;
    gain[i * 2 + 1] = p0 * ixy + p1 * iyy;
  }
  const dx = x - s[o]!;
  const dy = y - s[o + 1]!;
  for (let i = 0; i < 4; i++) s[o + i] = s[o + i]! + gain[i * 2]! * dx + gain[i * 2 + 1]! * dy;
  // P −= K H P: H P is P's first two rows.
  for (let i = 0; i < 4; i++) {
    const k0 = gain[i * 2]!;
    const k1 = gain[i * 2 + 1]!;
    for (let j = 0; j < 4; j++) scratch[i * 4 + j] = s[c + i * 4 + j]! - k0 * s[c + j]! - k1 * s[c + 4 + j]!;
  }
  // Symmetrise against rounding drift over hours of updates.
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) s[c + i * 4 + j] = (scratch[i * 4 + j]! + scratch[j * 4 + i]!) / 2;
  }
}

/** Position variance trace (m²): how unsure the track is of where it is. */
export function floorPositionVariance(s: Float64Array, o: number): number {
  return s[o + P]! + s[o + P + 5]!;
}
