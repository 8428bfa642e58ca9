// CLEAR MOT metrics (Bernardin & Stiefelhagen 2008) exactly as TrackEval's metrics/clear.py computes
// them for one sequence: per frame, pairs with similarity >= 0.5 are matched by Hungarian assignment
// that first keeps the matches of the previous frame (a bonus of 1000) and then maximises similarity;
// an identity switch is a gt matched to a different tracker id than the last one it was ever matched to.
import { AssignmentSolver } from './assignment';
import type { FrameView } from './sequence';
import { FLOAT_EPS } from './similarity';

const THRESHOLD = 0.5;
const NONE = -1; // TrackEval's NaN: no tracker id

export interface ClearResult {
  MOTA: number;
  MOTP: number;
  TP: number;
  FN: number;
  FP: number;
  IDSW: number;
  Frag: number;
  /** Mostly tracked (> 80 % of its frames matched), partly tracked (>= 20 %), mostly lost. */
  MT: number;
  PT: number;
  ML: number;
}

export class ClearAccumulator {
  private readonly gtIdCount: Int32Array;
  private readonly gtMatchedCount: Int32Array;
  private readonly gtFragCount: Int32Array;
  /** Tracker id each gt was last matched to, however long ago: decides IDSW. */
  private readonly lastTracker: Int32Array;
  /** Tracker id each gt was matched to in the previous frame that had both gt and tracker detections. */
  private readonly previousFrameTracker: Int32Array;
  /** The gt ids set in previousFrameTracker, so resetting it costs the matches, not all ids. */
  private previousMatchedGt = new Int32Array(16);
  private previousMatchedCount = 0;
  private tp = 0;
  private fn = 0;
  private fp = 0;
  private idsw = 0;
  private motpSum = 0;
  private readonly solver = new AssignmentSolver();
  private score = new Float64Array(64);
  private cost = new Float64Array(64);
  private rowToCol = new Int32Array(16);

  constructor(private readonly numGtIds: number) {
    this.gtIdCount = new Int32Array(numGtIds);
    this.gtMatchedCount = new Int32Array(numGtIds);
    this.gtFragCount = new Int32Array(numGtIds);
    this.lastTracker = new Int32Array(numGtIds).fill(NONE);
    this.previousFrameTracker = new Int32Array(numGtIds).fill(NONE);
  }

  addFrame(f: FrameView): void {
    const { nGt, nTr, sim } = f;
    // Frames missing one side change neither "previous frame" record, exactly as TrackEval's `continue`s.
    if (nGt === 0) {
      this.fp += nTr;
      return;
    }
    if (nTr === 0) {
      this.fn += nGt;
      for (let i = 0; i < nGt; i++) this.gtIdCount[f.gtIds[f.gtFirst + i]!]!++;
      return;
    }
    if (this.score.length < nGt * nTr) {
      this.score = new Float64Array(nGt * nTr * 2);
      this.cost = new Float64Array(nGt * nTr * 2);
    }
    if (this.rowToCol.length < nGt) this.rowToCol = new Int32Array(nGt * 2);
    const { score, cost, rowToCol } = this;
    for (let i = 0; i < nGt; i++) {
      const previous = this.previousFrameTracker[f.gtIds[f.gtFirst + i]!]!;
      for (let j = 0; j < nTr; j++) {
        const s = sim[i * nTr + j]!;
        const value = s < THRESHOLD - FLOAT_EPS ? 0 : (f.trIds[f.trFirst + j] === previous ? 1000 : 0) + s;
        score[i * nTr + j] = value;
        cost[i * nTr + j] = -value;
      }
    }
    this.solver.solve(cost, nGt, nTr, rowToCol);

    // The frame's matches, recorded in gt row order (scipy returns rows ascending).
    let matched = 0;
    let frameMotp = 0;
    for (let i = 0; i < nGt; i++) this.gtIdCount[f.gtIds[f.gtFirst + i]!]!++;
    const matchedGt = this.takeMatchedBuffer(nGt);
    for (let i = 0; i < nGt; i++) {
      const j = rowToCol[i]!;
      if (j < 0 || !(score[i * nTr + j]! > FLOAT_EPS)) continue;
      const g = f.gtIds[f.gtFirst + i]!;
      const t = f.trIds[f.trFirst + j]!;
      const last = this.lastTracker[g]!;
      if (last !== NONE && last !== t) this.idsw++;
      this.gtMatchedCount[g]!++;
      this.lastTracker[g] = t;
      matchedGt[matched++] = g;
      frameMotp += sim[i * nTr + j]!;
    }
    // A fragment starts where a gt is matched now but was not matched in the previous frame.
    for (let k = 0; k < matched; k++) {
      const g = matchedGt[k]!;
      if (this.previousFrameTracker[g] === NONE) this.gtFragCount[g]!++;
    }
    for (let k = 0; k < this.previousMatchedCount; k++) this.previousFrameTracker[this.previousMatchedGt[k]!] = NONE;
    for (let k = 0; k < matched; k++) this.previousFrameTracker[matchedGt[k]!] = this.lastTracker[matchedGt[k]!]!;
    this.swapMatchedBuffer(matched);

    this.tp += matched;
    this.fn += nGt - matched;
    this.fp += nTr - matched;
    if (matched > 0) this.motpSum += frameMotp;
  }

  result(numGtDets: number, numTrackerDets: number): ClearResult {
    // TrackEval returns early when either side is empty, before computing MOTA/MOTP (both stay 0).
    if (numTrackerDets === 0) return { ...emptyResult(), FN: numGtDets, ML: this.numGtIds };
    if (numGtDets === 0) return { ...emptyResult(), FP: numTrackerDets };
    let mt = 0;
    let pt = 0;
    let frag = 0;
    for (let g = 0; g < this.numGtIds; g++) {
      const count = this.gtIdCount[g]!;
      if (count > 0) {
        const ratio = this.gtMatchedCount[g]! / count;
        if (ratio > 0.8) mt++;
        else if (ratio >= 0.2) pt++;
      }
      if (this.gtFragCount[g]! > 0) frag += this.gtFragCount[g]! - 1;
    }
    return {
      MOTA: (this.tp - this.fp - this.idsw) / Math.max(1, this.tp + this.fn),
      MOTP: this.motpSum / Math.max(1, this.tp),
      TP: this.tp,
      FN: this.fn,
      FP: this.fp,
      IDSW: this.idsw,
      Frag: frag,
      MT: mt,
      PT: pt,
      ML: this.numGtIds - mt - pt,
    };
  }

  // Two buffers of matched gt ids alternate: this frame's, and the previous frame's (to reset it).
  private spareMatchedGt = new Int32Array(16);

  private takeMatchedBuffer(n: number): Int32Array {
    if (this.spareMatchedGt.length < n) this.spareMatchedGt = new Int32Array(n * 2);
    return this.spareMatchedGt;
  }

  private swapMatchedBuffer(count: number): void {
    const current = this.spareMatchedGt;
    this.spareMatchedGt = this.previousMatchedGt;
    this.previousMatchedGt = current;
    this.previousMatchedCount = count;
  }
}

function emptyResult(): ClearResult {
  return { MOTA: 0, MOTP: 0, TP: 0, FN: 0, FP: 0, IDSW: 0, Frag: 0, MT: 0, PT: 0, ML: 0 };
}
