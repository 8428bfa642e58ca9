// Where a tracked person's hands are, in 3-D: each camera that saw a hand keypoint gives a ray from
// its centre through that pixel, and the hand is the point nearest all the rays (weighted least
// squares, each ray by its angular precision over its range). A weak prior at the person's own
// body keeps the solution finite when one camera alone saw the hand: along that ray the depth is
// then the body's, which is all one view can say, and the reported error says so. A camera whose
// ray misses the others' point by more than its noise allows saw someone else's hand (or another
// body part) and is dropped when at least three rays remain to outvote it.
//
// Hands are what the fusion stage needs to tell two shoppers at neighbouring plates apart: their
// bodies stand half a metre apart either way, but only the picker's hand is in the shelf.
import type { FloorObservation } from './floor-projection';

/** Values per hand in FloorObservation.hands: unit ray direction x, y, z, and its precision (1/rad², 0 = not seen). */
export const HAND_RAY_STRIDE = 4;
/** Values per hand in a triangulated set: x, y, z (metres), then the covariance xx, xy, xz, yy, yz, zz (m²); NaN = not seen. */
export const HAND_POINT_STRIDE = 9;
/** Hands per person, in keypoint order: left, right. */
export const HANDS = 2;

export interface HandPrior {
  /** Where the hands are expected without any view of them (the body at mid height). */
  x: number;
  y: number;
  z: number;
  /** How far from there a hand may be (an arm's length), metres. */
  sigmaM: number;
}

export interface HandOptions {
  /** A ray further than this (and than 3σ) from the others' point is an outlier. */
  outlierM: number;
}

const a = new Float64Array(9);
const inv = new Float64Array(9);
const b = new Float64Array(3);
const x = new Float64Array(3);
const used = new Uint8Array(64);

/**
 * Triangulates hand `hand` (0 left, 1 right) of one person from `obs[0..count)` into `out` at
 * `hand × HAND_POINT_STRIDE`: the point and its covariance, or NaN there when no camera saw it.
 * One camera alone leaves the covariance long along its ray: the depth is the prior's.
 */
export function triangulateHand(obs: readonly FloorObservation[], count: number, hand: number, prior: HandPrior, o: HandOptions, out: Float64Array): void {
  const at = hand * HAND_POINT_STRIDE;
  out.fill(NaN, at, at + HAND_POINT_STRIDE);
  let rays = 0;
  for (let i = 0; i < count && i < used.length; i++) {
    const seen = obs[i]!.hands[hand * HAND_RAY_STRIDE + 3]! > 0;
    used[i] = seen ? 1 : 0;
    if (seen) rays++;
  }
  if (rays === 0) return;
  for (;;) {
    solve(obs, count, hand, prior);
    // The worst ray: its distance from the point, and that distance in its own standard deviations.
    let worst = -1;
    let worstD = 0;
    let worstZ = 0;
    for (let i = 0; i < count && i < used.length; i++) {
      if (!used[i]) continue;
      const ob = obs[i]!;
      const d = rayDistance(ob, hand);
      const z = d * Math.sqrt(rayWeight(ob, hand, prior));
      if (z > worstZ) {
        worst = i;
        worstD = d;
        worstZ = z;
      }
    }
    if (rays >= 3 && worstD > o.outlierM && worstZ > 3) {
      used[worst] = 0;
      rays--;
      continue;
    }
    out[at] = x[0]!;
    out[at + 1] = x[1]!;
    out[at + 2] = x[2]!;
    // The rays' noise, and no less than two views that disagree say it is (spread evenly over the axes).
    const spread2 = rays === 2 ? (worstD * worstD) / 3 : 0;
    out[at + 3] = inv[0]! + spread2;
    out[at + 4] = inv[1]!;
    out[at + 5] = inv[2]!;
    out[at + 6] = inv[4]! + spread2;
    out[at + 7] = inv[5]!;
    out[at + 8] = inv[8]! + spread2;
    return;
  }
}

/** Precision (1/m²) of a ray's position across it near the prior point: angular precision over range². */
function rayWeight(ob: FloorObservation, hand: number, prior: HandPrior): number {
  const range2 = (prior.x - ob.camX) ** 2 + (prior.y - ob.camY) ** 2 + (prior.z - ob.camZ) ** 2;
  return ob.hands[hand * HAND_RAY_STRIDE + 3]! / Math.max(0.25, range2);
}

/** Distance from the solved point x to the ray of `ob` for `hand`. */
function rayDistance(ob: FloorObservation, hand: number): number {
  const r = ob.hands;
  const k = hand * HAND_RAY_STRIDE;
  const px = x[0]! - ob.camX;
  const py = x[1]! - ob.camY;
  const pz = x[2]! - ob.camZ;
  const along = px * r[k]! + py * r[k + 1]! + pz * r[k + 2]!;
  return Math.sqrt(Math.max(0, px * px + py * py + pz * pz - along * along));
}

/** Weighted least squares over the used rays and the prior: x = A⁻¹b, covariance A⁻¹ in `inv`. */
function solve(obs: readonly FloorObservation[], count: number, hand: number, prior: HandPrior): void {
  const w0 = 1 / (prior.sigmaM * prior.sigmaM);
  a.fill(0);
  a[0] = a[4] = a[8] = w0;
  b[0] = w0 * prior.x;
  b[1] = w0 * prior.y;
  b[2] = w0 * prior.z;
  const k = hand * HAND_RAY_STRIDE;
  for (let i = 0; i < count && i < used.length; i++) {
    if (!used[i]) continue;
    const ob = obs[i]!;
    const w = rayWeight(ob, hand, prior);
    const dx = ob.hands[k]!;
    const dy = ob.hands[k + 1]!;
    const dz = ob.hands[k + 2]!;
    // w (I − d dᵀ): the ray constrains the two directions across it, not the one along it.
    const m00 = w * (1 - dx * dx);
    const m01 = -w * dx * dy;
    const m02 = -w * dx * dz;
    const m11 = w * (1 - dy * dy);
    const m12 = -w * dy * dz;
    const m22 = w * (1 - dz * dz);
    a[0] = a[0]! + m00;
    a[1] = a[1]! + m01;
    a[2] = a[2]! + m02;
    a[4] = a[4]! + m11;
    a[5] = a[5]! + m12;
    a[8] = a[8]! + m22;
    b[0] = b[0]! + m00 * ob.camX + m01 * ob.camY + m02 * ob.camZ;
    b[1] = b[1]! + m01 * ob.camX + m11 * ob.camY + m12 * ob.camZ;
    b[2] = b[2]! + m02 * ob.camX + m12 * ob.camY + m22 * ob.camZ;
  }
  a[3] = a[1]!;
  a[6] = a[2]!;
  a[7] = a[5]!;
  invertSymmetric3(a, inv);
  for (let r = 0; r < 3; r++) x[r] = inv[r * 3]! * b[0]! + inv[r * 3 + 1]! * b[1]! + inv[r * 3 + 2]! * b[2]!;
}

/** Inverse of a symmetric positive-definite 3×3 matrix (the prior term keeps it so). */
function invertSymmetric3(m: Float64Array, out: Float64Array): void {
  const c00 = m[4]! * m[8]! - m[5]! * m[7]!;
  const c01 = m[5]! * m[6]! - m[3]! * m[8]!;
  const c02 = m[3]! * m[7]! - m[4]! * m[6]!;
  const det = m[0]! * c00 + m[1]! * c01 + m[2]! * c02;
  out[0] = c00 / det;
  out[1] = (m[2]! * m[7]! - m[1]! * m[8]!) / det;
  out[2] = (m[1]! * m[5]! - m[2]! * m[4]!) / det;
  out[3] = c01 / det;
  out[4] = (m[0]! * m[8]! - m[2]! * m[6]!) / det;
  out[5] = (m[2]! * m[3]! - m[0]! * m[5]!) / det;
  out[6] = c02 / det;
  out[7] = (m[1]! * m[6]! - m[0]! * m[7]!) / det;
  out[8] = (m[0]! * m[4]! - m[1]! * m[3]!) / det;
}
