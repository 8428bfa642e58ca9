// A standing body as an upright cylinder, and the image box it fills: a detector's box is the
// extent of the silhouette, so the cylinder's rim at the feet and at the top of the head is
// projected and bounded. Under a straight-down camera that box is the head-and-shoulders disc
// smeared outwards by parallax, which is exactly why the engine must correct for parallax.
import type { Projector } from './projector';

const RIM = 8;
const COS = Float64Array.from({ length: RIM }, (_, i) => Math.cos((2 * Math.PI * i) / RIM));
const SIN = Float64Array.from({ length: RIM }, (_, i) => Math.sin((2 * Math.PI * i) / RIM));

/** Pixel boxes as [u0, v0, u1, v1]. */
export interface ImageBox {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

export function boxArea(b: ImageBox): number {
  return Math.max(0, b.u1 - b.u0) * Math.max(0, b.v1 - b.v0);
}

export function overlapArea(a: ImageBox, b: ImageBox): number {
  const w = Math.min(a.u1, b.u1) - Math.max(a.u0, b.u0);
  const h = Math.min(a.v1, b.v1) - Math.max(a.v0, b.v0);
  return w > 0 && h > 0 ? w * h : 0;
}

const scratch = new Float64Array(2);

/**
 * The full (unclipped) box of a cylinder standing at (x, y) into `out`; false when any of it is
 * behind the camera, which for ceiling cameras only happens to people far outside the view.
 */
export function cylinderBox(p: Projector, x: number, y: number, radius: number, height: number, out: ImageBox): boolean {
  let u0 = Infinity;
  let v0 = Infinity;
  let u1 = -Infinity;
  let v1 = -Infinity;
  for (let i = 0; i < RIM; i++) {
    const px = x + radius * COS[i]!;
    const py = y + radius * SIN[i]!;
    for (let z = 0; z < 2; z++) {
      if (!p.project(px, py, z === 0 ? 0 : height, scratch, 0)) return false;
      const u = scratch[0]!;
      const v = scratch[1]!;
      if (u < u0) u0 = u;
      if (u > u1) u1 = u;
      if (v < v0) v0 = v;
      if (v > v1) v1 = v;
    }
  }
  out.u0 = u0;
  out.v0 = v0;
  out.u1 = u1;
  out.v1 = v1;
  return true;
}

/** Clips `box` to the image into `out`; false when nothing of it is inside. */
export function clipToImage(box: ImageBox, width: number, height: number, out: ImageBox): boolean {
  out.u0 = Math.max(0, box.u0);
  out.v0 = Math.max(0, box.v0);
  out.u1 = Math.min(width, box.u1);
  out.v1 = Math.min(height, box.v1);
  return out.u1 > out.u0 && out.v1 > out.v0;
}
