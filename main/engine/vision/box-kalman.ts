// ByteTrack's constant-velocity Kalman filter on an image box (centre x, centre y, aspect w/h,
// height, and their velocities per frame), with its noise model: position and velocity noise
// proportional to the box height, so near (large) and far (small) people are treated alike.
//
// Every noise matrix of that filter is diagonal and each velocity drives only its own coordinate,
// so the 8-state filter is exactly four independent (value, velocity) filters. They are stored as
// such: 8 means + 3 covariance entries per coordinate in one Float64Array slot per track, with no
// 8×8 products and no allocation per frame.

/** Floats per track: mean[8] then per coordinate k (0..3) its covariance pp, pv, vv. */
export const BOX_STATE = 20;

const W_POS = 1 / 20;
const W_VEL = 1 / 160;
/** Per coordinate: the aspect ratio gets fixed tiny noise instead of height-relative noise. */
const ASPECT = 2;

function covIndex(k: number): number {
  return 8 + 3 * k;
}

/** Starts a track at measurement (cx, cy, aspect, h). */
export function boxInitiate(s: Float64Array, o: number, cx: number, cy: number, a: number, h: number): void {
  s[o] = cx;
  s[o + 1] = cy;
  s[o + 2] = a;
  s[o + 3] = h;
  for (let k = 4; k < 8; k++) s[o + k] = 0;
  for (let k = 0; k < 4; k++) {
    const sp = k === ASPECT ? 1e-2 : 2 * W_POS * h;
    const sv = k === ASPECT ? 1e-5 : 10 * W_VEL * h;
    const c = o + covIndex(k);
    s[c] = sp * sp;
    s[c + 1] = 0;
    s[c + 2] = sv * sv;
  }
}

/**
 * Advances the track by `steps` frames (dropped frames make it more than one). A track that is
 * not being tracked keeps its height velocity at zero, as ByteTrack does, so a lost box does not
 * shrink or grow without evidence.
 */
export function boxPredict(s: Float64Array, o: number, steps: number, tracked: boolean): void {
  for (let n = 0; n < steps; n++) {
    if (!tracked) s[o + 7] = 0;
    const h = s[o + 3]!;
    for (let k = 0; k < 4; k++) {
      const sp = k === ASPECT ? 1e-2 : W_POS * h;
      const sv = k === ASPECT ? 1e-5 : W_VEL * h;
      s[o + k] = s[o + k]! + s[o + 4 + k]!;
      const c = o + covIndex(k);
      const pp = s[c]!;
      const pv = s[c + 1]!;
      const vv = s[c + 2]!;
      s[c] = pp + 2 * pv + vv + sp * sp;
      s[c + 1] = pv + vv;
      s[c + 2] = vv + sv * sv;
    }
  }
}

/** Kalman update with measurement (cx, cy, aspect, h); the measurement noise is ByteTrack's. */
export function boxUpdate(s: Float64Array, o: number, cx: number, cy: number, a: number, h: number): void {
  const hPred = s[o + 3]!;
  for (let k = 0; k < 4; k++) {
    const z = k === 0 ? cx : k === 1 ? cy : k === 2 ? a : h;
    const sr = k === ASPECT ? 1e-1 : W_POS * hPred;
    const c = o + covIndex(k);
    const pp = s[c]!;
    const pv = s[c + 1]!;
    const vv = s[c + 2]!;
    const S = pp + sr * sr;
    const kp = pp / S;
    const kv = pv / S;
    const innovation = z - s[o + k]!;
    s[o + k] = s[o + k]! + kp * innovation;
    s[o + 4 + k] = s[o + 4 + k]! + kv * innovation;
    // P − K S Kᵀ for the 2-state block.
    s[c] = pp - kp * pp;
    s[c + 1] = pv - kp * pv;
    s[c + 2] = vv - kv * pv;
  }
}

/** The predicted box as x0, y0, x1, y1 pixels into out[k..k+4). */
export function boxCorners(s: Float64Array, o: number, out: Float64Array, k: number): void {
  const h = s[o + 3]!;
  const w = s[o + 2]! * h;
  out[k] = s[o]! - w / 2;
  out[k + 1] = s[o + 1]! - h / 2;
  out[k + 2] = s[o]! + w / 2;
  out[k + 3] = s[o + 1]! + h / 2;
}
