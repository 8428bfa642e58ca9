// Post-processing for YOLOX-style heads, as the model cards state it. The output holds one row per
// grid point, levels in stride order, row-major (y, then x) within a level:
// [dx, dy, log_w, log_h, obj, p_0 … p_C-1] with obj and p already sigmoid-activated. Decoded in
// model-input pixels: cx = (dx + gx)·s, cy = (dy + gy)·s, w = exp(log_w)·s, h = exp(log_h)·s; then
// divided by the letterbox scale r and clipped to the frame. A row is a person when the person
// class is its best class; its score is obj · p_person. Rows under the score threshold are
// dropped, then greedy non-maximum suppression at the card's IoU.
//
// Output is the engine's detection layout: a Float32Array of (x, y, w, h, score) per person.
import { iou } from '../../main/engine/vision/iou';
import type { Letterbox } from './letterbox';
import type { ModelEntry } from './model-manifest';

export class YoloxDecoder {
  private readonly gridX: Int32Array;
  private readonly gridY: Int32Array;
  private readonly stride: Int32Array;
  private readonly rows: number;
  private readonly width: number;
  private readonly classes: number;
  private readonly personClass: number;
  readonly scoreThreshold: number;
  readonly nmsIou: number;
  // Candidates (x0, y0, x1, y1, score), grown on demand.
  private cand = new Float32Array(5 * 64);
  private order = new Int32Array(64);
  private suppressed = new Uint8Array(64);

  constructor(model: ModelEntry, options: { scoreThreshold?: number; nmsIou?: number } = {}) {
    const [, , inH, inW] = model.input.shape;
    const [, rows, width] = model.output.shape;
    this.rows = rows;
    this.width = width;
    this.classes = model.postprocess.classes;
    this.personClass = model.postprocess.personClass;
    this.scoreThreshold = options.scoreThreshold ?? model.postprocess.scoreThreshold;
    this.nmsIou = options.nmsIou ?? model.postprocess.nmsIou;
    this.gridX = new Int32Array(rows);
    this.gridY = new Int32Array(rows);
    this.stride = new Int32Array(rows);
    let r = 0;
    for (const s of model.postprocess.strides) {
      const gh = inH / s;
      const gw = inW / s;
      for (let gy = 0; gy < gh; gy++)
        for (let gx = 0; gx < gw; gx++, r++) {
          this.gridX[r] = gx;
          this.gridY[r] = gy;
          this.stride[r] = s;
        }
    }
    if (r !== rows) throw new Error(`${model.name}: the strides give ${r} grid points, the output has ${rows}`);
  }

  /** People in frame pixels: (x, y, w, h, score) per detection, best first. */
  decode(output: Float32Array, box: Letterbox, frameWidth: number, frameHeight: number): Float32Array {
    if (output.length !== this.rows * this.width) throw new Error(`detector output has ${output.length} values, ${this.rows * this.width} expected`);
    const { width: rowWidth, classes, personClass, scoreThreshold } = this;
    const inv = 1 / box.r;
    let n = 0;
    for (let r = 0; r < this.rows; r++) {
      const o = r * rowWidth;
      const obj = output[o + 4]!;
      // p ≤ 1, so a row whose objectness is under the threshold cannot pass it (NaN fails too).
      if (!(obj >= scoreThreshold)) continue;
      const p = output[o + 5 + personClass]!;
      const score = obj * p;
      if (!(score >= scoreThreshold)) continue;
      let best = true;
      for (let c = 0; c < classes; c++) {
        if (c !== personClass && output[o + 5 + c]! > p) {
          best = false;
          break;
        }
      }
      if (!best) continue;
      const s = this.stride[r]!;
      const cx = (output[o]! + this.gridX[r]!) * s;
      const cy = (output[o + 1]! + this.gridY[r]!) * s;
      const w = Math.exp(output[o + 2]!) * s;
      const h = Math.exp(output[o + 3]!) * s;
      const x0 = clamp((cx - w / 2) * inv, frameWidth);
      const y0 = clamp((cy - h / 2) * inv, frameHeight);
      const x1 = clamp((cx + w / 2) * inv, frameWidth);
      const y1 = clamp((cy + h / 2) * inv, frameHeight);
      if (!(x1 > x0 && y1 > y0)) continue;
      this.ensure(n + 1);
      const c = this.cand;
      c[n * 5] = x0;
      c[n * 5 + 1] = y0;
      c[n * 5 + 2] = x1;
      c[n * 5 + 3] = y1;
      c[n * 5 + 4] = score;
      n++;
    }
    return this.suppress(n);
  }

  private suppress(n: number): Float32Array {
    const c = this.cand;
    const order = this.order.subarray(0, n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => c[b * 5 + 4]! - c[a * 5 + 4]!);
    this.suppressed.fill(0, 0, n);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = order[i]!;
      if (this.suppressed[a]) continue;
      kept.push(a);
      for (let j = i + 1; j < n; j++) {
        const b = order[j]!;
        if (!this.suppressed[b] && iou(c, a * 5, c, b * 5) > this.nmsIou) this.suppressed[b] = 1;
      }
    }
    const out = new Float32Array(kept.length * 5);
    kept.forEach((a, k) => {
      out[k * 5] = c[a * 5]!;
      out[k * 5 + 1] = c[a * 5 + 1]!;
      out[k * 5 + 2] = c[a * 5 + 2]! - c[a * 5]!;
      out[k * 5 + 3] = c[a * 5 + 3]! - c[a * 5 + 1]!;
      out[k * 5 + 4] = c[a * 5 + 4]!;
    });
    return out;
  }

  private ensure(n: number): void {
    if (n <= this.order.length) return;
    const grown = new Float32Array(this.cand.length * 2);
    grown.set(this.cand);
    this.cand = grown;
    this.order = new Int32Array(this.order.length * 2);
    this.suppressed = new Uint8Array(this.suppressed.length * 2);
  }
}

function clamp(v: number, max: number): number {
  return v < 0 ? 0 : v > max ? max : v;
}
