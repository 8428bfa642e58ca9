// Pre-processing for YOLOX-style detectors, as their model cards state it: scale the frame by
// r = min(inW / W, inH / H), resize bilinearly to (floor(W·r), floor(H·r)) with OpenCV's
// INTER_LINEAR sampling (pixel centres aligned), paste at the top-left of an inW × inH canvas filled
// with the pad value, and write planar NCHW in the model's channel order and value range.
//
// Runs per frame per camera, so the sampling tables are computed once per frame size and the
// output tensor is reused: no allocation in the steady state.
import type { ModelEntry } from './model-manifest';

export interface Letterbox {
  /** The scale applied to the frame: divide model-input coordinates by it to get frame pixels. */
  readonly r: number;
  /** The resized frame's size inside the canvas. */
  readonly width: number;
  readonly height: number;
}

interface Axis {
  lo: Int32Array;
  hi: Int32Array;
  w: Float32Array;
}

/** OpenCV INTER_LINEAR source positions for one axis: (dst + 0.5) · src/dst − 0.5, clamped. */
function axis(src: number, dst: number): Axis {
  const lo = new Int32Array(dst);
  const hi = new Int32Array(dst);
  const w = new Float32Array(dst);
  const scale = src / dst;
  for (let d = 0; d < dst; d++) {
    let s = (d + 0.5) * scale - 0.5;
    if (s < 0) s = 0;
    let i = Math.floor(s);
    if (i >= src - 1) {
      i = src - 1;
      s = i;
    }
    lo[d] = i;
    hi[d] = Math.min(i + 1, src - 1);
    w[d] = s - i;
  }
  return { lo, hi, w };
}

export class LetterboxPreprocessor {
  readonly tensor: Float32Array;
  private readonly inW: number;
  private readonly inH: number;
  private readonly pad: number;
  private readonly valueScale: number;
  /** Channel of the RGB frame written to planes 0, 1, 2. */
  private readonly order: readonly [number, number, number];
  private cacheKey = '';
  private xs: Axis | null = null;
  private ys: Axis | null = null;
  private box: Letterbox = { r: 1, width: 0, height: 0 };

  constructor(model: ModelEntry) {
    const [, , h, w] = model.input.shape;
    this.inW = w;
    this.inH = h;
    this.pad = model.preprocess.padValue;
    this.valueScale = model.preprocess.valueRange[1] / 255;
    this.order = model.preprocess.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2];
    this.tensor = new Float32Array(3 * w * h);
  }

  /** Fills `tensor` from an rgb24 frame and returns the geometry needed to map boxes back. */
  run(rgb: Uint8Array, width: number, height: number): Letterbox {
    this.prepare(width, height);
    const { inW, inH, tensor } = this;
    const xs = this.xs!;
    const ys = this.ys!;
    const { width: rw, height: rh } = this.box;
    const plane = inW * inH;
    const padValue = this.pad * this.valueScale;
    const k = this.valueScale;
    const [c0, c1, c2] = this.order;
    const stride = width * 3;
    for (let y = 0; y < rh; y++) {
      const wy = ys.w[y]!;
      const row0 = ys.lo[y]! * stride;
      const row1 = ys.hi[y]! * stride;
      let o = y * inW;
      for (let x = 0; x < rw; x++, o++) {
        const wx = xs.w[x]!;
        const a = xs.lo[x]! * 3;
        const b = xs.hi[x]! * 3;
        const p00 = row0 + a;
        const p01 = row0 + b;
        const p10 = row1 + a;
        const p11 = row1 + b;
        const w00 = (1 - wx) * (1 - wy);
        const w01 = wx * (1 - wy);
        const w10 = (1 - wx) * wy;
        const w11 = wx * wy;
        tensor[o] = k * (rgb[p00 + c0]! * w00 + rgb[p01 + c0]! * w01 + rgb[p10 + c0]! * w10 + rgb[p11 + c0]! * w11);
        tensor[plane + o] = k * (rgb[p00 + c1]! * w00 + rgb[p01 + c1]! * w01 + rgb[p10 + c1]! * w10 + rgb[p11 + c1]! * w11);
        tensor[2 * plane + o] = k * (rgb[p00 + c2]! * w00 + rgb[p01 + c2]! * w01 + rgb[p10 + c2]! * w10 + rgb[p11 + c2]! * w11);
      }
      // The padding to the right of this row.
      for (let c = 0; c < 3; c++) tensor.fill(padValue, c * plane + y * inW + rw, c * plane + (y + 1) * inW);
    }
    // The padding below the resized frame.
    for (let c = 0; c < 3; c++) tensor.fill(padValue, c * plane + rh * inW, (c + 1) * plane);
    return this.box;
  }

  private prepare(width: number, height: number): void {
    const key = `${width}x${height}`;
    if (key === this.cacheKey) return;
    const r = Math.min(this.inW / width, this.inH / height);
    const rw = Math.max(1, Math.min(this.inW, Math.floor(width * r)));
    const rh = Math.max(1, Math.min(this.inH, Math.floor(height * r)));
    this.xs = axis(width, rw);
    this.ys = axis(height, rh);
    this.box = { r, width: rw, height: rh };
    this.cacheKey = key;
  }
}
