// A camera's floor homography from clicked point pairs: image pixels ↔ floor metres, four or more,
// by the normalised direct linear transform (Hartley & Zisserman, Multiple View Geometry, alg. 4.2):
// both point sets are moved to their centroid and scaled to a mean distance of √2, the 2n × 9
// system's null vector is taken from an SVD (ml-matrix), and the normalisation undone. The
// reprojection error is reported in floor metres, per pair and overall: what a person can judge
// ("the points land within 4 cm") and what the tracker's floor positions inherit.
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { mat3Determinant, mat3Multiply, type Mat3 } from '../../store/geometry';
import type { Point } from '../../store/schema';

export interface PointPair {
  /** Camera pixels (the camera's full resolution). */
  image: Point;
  /** Floor metres on the plan. */
  floor: Point;
}

export interface HomographyFit {
  /** Row-major, image pixels → floor metres; scaled so the points' third coordinate is positive. */
  homography: Mat3;
  /** Distance on the floor between each clicked floor point and its image point mapped through the fit. */
  residualsM: number[];
  rmsM: number;
  maxM: number;
  /** With exactly four pairs the fit is exact: the residuals say nothing about the calibration's quality. */
  exact: boolean;
}

export class HomographyFitError extends Error {
  override readonly name = 'HomographyFitError';
}

/** Similarity moving points to their centroid with a mean distance of √2, as a 3×3 matrix. */
function normaliser(points: readonly Point[]): Mat3 {
  const n = points.length;
  const cx = points.reduce((s, p) => s + p[0], 0) / n;
  const cy = points.reduce((s, p) => s + p[1], 0) / n;
  const mean = points.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / n;
  const k = Math.SQRT2 / mean;
  return [k, 0, -k * cx, 0, k, -k * cy, 0, 0, 1];
}

function apply(m: Mat3, p: Point): [number, number, number] {
  return [m[0]! * p[0] + m[1]! * p[1] + m[2]!, m[3]! * p[0] + m[4]! * p[1] + m[5]!, m[6]! * p[0] + m[7]! * p[1] + m[8]!];
}

/** Smallest spread of a point set across its principal axes, relative to the largest: 0 when collinear. */
function flatness(points: readonly Point[]): number {
  const n = points.length;
  const cx = points.reduce((s, p) => s + p[0], 0) / n;
  const cy = points.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - cx) ** 2;
    sxy += (x - cx) * (y - cy);
    syy += (y - cy) ** 2;
  }
  const tr = sxx + syy;
  const disc = Math.sqrt(Math.max(0, ((sxx - syy) / 2) ** 2 + sxy ** 2));
  const big = tr / 2 + disc;
  return big > 0 ? (tr / 2 - disc) / big : 0;
}

export function fitFloorHomography(pairs: readonly PointPair[]): HomographyFit {
  if (pairs.length < 4) throw new HomographyFitError(`a floor homography needs at least 4 point pairs, got ${pairs.length}`);
  const image = pairs.map((p) => p.image);
  const floor = pairs.map((p) => p.floor);
  for (const [name, set] of [['image', image], ['floor', floor]] as const) {
    if (set.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) throw new HomographyFitError(`an ${name} point is not a finite number`);
    if (flatness(set) < 1e-4) throw new HomographyFitError(`the ${name} points lie on one line: spread them over the floor`);
  }
  const ti = normaliser(image);
  const tf = normaliser(floor);
  // Zero rows pad the system to at least 9 × 9, so the SVD yields all nine right singular vectors.
  const rows = Math.max(9, 2 * pairs.length);
  const a = Matrix.zeros(rows, 9);
  pairs.forEach((_, i) => {
    const [u, v] = apply(ti, image[i]!);
    const [x, y] = apply(tf, floor[i]!);
    a.setRow(2 * i, [u, v, 1, 0, 0, 0, -x * u, -x * v, -x]);
    a.setRow(2 * i + 1, [0, 0, 0, u, v, 1, -y * u, -y * v, -y]);
  });
  const svd = new SingularValueDecomposition(a, { computeLeftSingularVectors: false });
  const sigma = svd.diagonal;
  const order = sigma.map((s, i) => [s, i] as const).sort((p, q) => p[0] - q[0]);
  const [smallest, second] = order;
  // A second near-zero singular value: the pairs fit a whole family of maps (three points on one line).
  if (second![0] < 1e-7 * order.at(-1)![0]) throw new HomographyFitError('the points do not determine a homography: keep any three of them off one line');
  const h = svd.rightSingularVectors.getColumn(smallest![1]);
  // A singular map (unit-norm h in normalised coordinates): it flattens the floor onto a line,
  // which is what four pairs with three image points on one line lead to.
  if (Math.abs(mat3Determinant(h)) < 1e-6) throw new HomographyFitError('the points do not determine a homography: keep any three of them off one line');
  const tfInv = invertSimilarity(tf);
  let homography = mat3Multiply(tfInv, mat3Multiply(h, ti));
  const ws = image.map((p) => apply(homography, p)[2]);
  if (ws.some((w) => Math.sign(w) !== Math.sign(ws[0]!) || Math.abs(w) < 1e-12)) {
    throw new HomographyFitError('the points put part of the floor behind the camera: check that each floor point matches its image point');
  }
  const scale = 1 / ws.reduce((s, w) => s + w, 0) * ws.length;
  homography = homography.map((v) => v * scale);
  const residualsM = pairs.map((pair) => {
    const [x, y, w] = apply(homography, pair.image);
    return Math.hypot(x / w - pair.floor[0], y / w - pair.floor[1]);
  });
  const rmsM = Math.sqrt(residualsM.reduce((s, r) => s + r * r, 0) / residualsM.length);
  return { homography, residualsM, rmsM, maxM: Math.max(...residualsM), exact: pairs.length === 4 };
}

function invertSimilarity(t: Mat3): Mat3 {
  const k = t[0]!;
  return [1 / k, 0, -t[2]! / k, 0, 1 / k, -t[5]! / k, 0, 0, 1];
}
