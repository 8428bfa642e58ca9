// Similarity between the ground-truth and tracker detections of one frame, computed with the same
// floating-point steps as TrackEval's _calculate_box_ious (box_format 'xywh') and
// _calculate_euclidean_similarity, so that exact ties (which decide matchings) fall the same way.
// Fills a caller-owned row-major matrix (gt rows × tracker columns): no allocation per pair.

export type MotKind = { kind: 'box' } | { kind: 'point'; zeroDistance: number };

/** numpy's float64 machine epsilon, which TrackEval adds to or subtracts from its thresholds. */
export const FLOAT_EPS = 2.220446049250313e-16;

/** Numbers per detection in the coordinate arrays: x, y, w, h for boxes; x, y (metres) for points. */
export function coordinateStride(kind: MotKind): 2 | 4 {
  return kind.kind === 'box' ? 4 : 2;
}

/**
 * out[i * nTr + j] = similarity of gt detection gtFirst + i and tracker detection trFirst + j,
 * reading coordinates with the stride of `kind`.
 */
export function fillSimilarity(
  kind: MotKind,
  gt: Float64Array,
  gtFirst: number,
  nGt: number,
  tr: Float64Array,
  trFirst: number,
  nTr: number,
  out: Float64Array,
): void {
  if (kind.kind === 'box') fillBoxIou(gt, gtFirst, nGt, tr, trFirst, nTr, out);
  else fillPointSimilarity(gt, gtFirst, nGt, tr, trFirst, nTr, kind.zeroDistance, out);
}

function fillBoxIou(gt: Float64Array, gtFirst: number, nGt: number, tr: Float64Array, trFirst: number, nTr: number, out: Float64Array): void {
  for (let i = 0; i < nGt; i++) {
    const g = (gtFirst + i) * 4;
    // TrackEval converts xywh to corners first and takes areas from the corners, not from w*h.
    const ax0 = gt[g]!;
    const ay0 = gt[g + 1]!;
    const ax1 = ax0 + gt[g + 2]!;
    const ay1 = ay0 + gt[g + 3]!;
    const area1 = (ax1 - ax0) * (ay1 - ay0);
    for (let j = 0; j < nTr; j++) {
      const t = (trFirst + j) * 4;
      const bx0 = tr[t]!;
      const by0 = tr[t + 1]!;
      const bx1 = bx0 + tr[t + 2]!;
      const by1 = by0 + tr[t + 3]!;
      const area2 = (bx1 - bx0) * (by1 - by0);
      const iw = Math.max(Math.min(ax1, bx1) - Math.max(ax0, bx0), 0);
      const ih = Math.max(Math.min(ay1, by1) - Math.max(ay0, by0), 0);
      const intersection = iw * ih;
      const union = area1 + area2 - intersection;
      // Degenerate boxes and empty unions score 0, as TrackEval's masks make them.
      out[i * nTr + j] = area1 <= FLOAT_EPS || area2 <= FLOAT_EPS || union <= FLOAT_EPS ? 0 : intersection / union;
    }
  }
}

function fillPointSimilarity(
  gt: Float64Array,
  gtFirst: number,
  nGt: number,
  tr: Float64Array,
  trFirst: number,
  nTr: number,
  zeroDistance: number,
  out: Float64Array,
): void {
  for (let i = 0; i < nGt; i++) {
    const g = (gtFirst + i) * 2;
    const gx = gt[g]!;
    const gy = gt[g + 1]!;
    for (let j = 0; j < nTr; j++) {
      const t = (trFirst + j) * 2;
      const dx = gx - tr[t]!;
      const dy = gy - tr[t + 1]!;
      const distance = Math.sqrt(dx * dx + dy * dy);
      out[i * nTr + j] = Math.max(0, 1 - distance / zeroDistance);
    }
  }
}
