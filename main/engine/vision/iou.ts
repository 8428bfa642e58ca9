// Intersection over union of axis-aligned boxes given as corners (x0, y0, x1, y1): the only
// similarity the per-camera tracker uses, as in ByteTrack (no appearance features).

export function iou(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): number {
  const w = Math.min(a[ai + 2]!, b[bi + 2]!) - Math.max(a[ai]!, b[bi]!);
  const h = Math.min(a[ai + 3]!, b[bi + 3]!) - Math.max(a[ai + 1]!, b[bi + 1]!);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const areaA = (a[ai + 2]! - a[ai]!) * (a[ai + 3]! - a[ai + 1]!);
  const areaB = (b[bi + 2]! - b[bi]!) * (b[bi + 3]! - b[bi + 1]!);
  const union = areaA + areaB - inter;
  return union > 0 ? inter / union : 0;
}
