// HOTA (Luiten et al., IJCV 2020) exactly as TrackEval's metrics/hota.py computes it for one sequence.
// Two passes over the frames: the first accumulates, per (gt id, tracker id) pair, how strongly the two
// overlap across the whole sequence (the "global alignment score"); the second matches each frame by
// maximising alignment score × similarity, then counts TP/FN/FP and matched pairs for every alpha
// threshold 0.05, 0.10, ... 0.95. Reported values are means over the 19 alphas, as TrackEval reports them.
import { AssignmentSolver } from './assignment';
import { columnSums, pairwiseSum, rowSums } from './numpy-sum';
import { PairTable } from './pair-table';
import type { FrameView } from './sequence';
import { FLOAT_EPS } from './similarity';

/** np.arange(0.05, 0.99, 0.05): numpy computes start + i * step, and so do we (same bits). */
export const HOTA_ALPHAS: readonly number[] = Array.from({ length: 19 }, (_, i) => 0.05 + i * 0.05);
const A = HOTA_ALPHAS.length;

export interface HotaResult {
  HOTA: number;
  DetA: number;
  AssA: number;
  LocA: number;
  /** The same four per alpha (HOTA_ALPHAS), from which the means above are taken. */
  byAlpha: { HOTA: number[]; DetA: number[]; AssA: number[]; LocA: number[] };
}

export class HotaAccumulator {
  private readonly gtIdCount: Float64Array;
  private readonly trIdCount: Float64Array;
  private readonly pairs: PairTable;
  private alignment = new Float64Array(0);
  private matchCounts = new Float64Array(0);
  private readonly tp = new Float64Array(A);
  private readonly fn = new Float64Array(A);
  private readonly fp = new Float64Array(A);
  private readonly locSum = new Float64Array(A);
  private readonly frameMatches = new Float64Array(A);
  private readonly frameLoc = new Float64Array(A);
  private readonly solver = new AssignmentSolver();
  private rowSum = new Float64Array(16);
  private colSum = new Float64Array(16);
  private cost = new Float64Array(64);
  private rowToCol = new Int32Array(16);

  constructor(numGtIds: number, numTrackerIds: number) {
    this.gtIdCount = new Float64Array(numGtIds);
    this.trIdCount = new Float64Array(numTrackerIds);
    this.pairs = new PairTable(numTrackerIds);
  }

  /** Pass 1, every frame: how much each pair overlaps here, relative to all other candidates of both. */
  addAlignment(f: FrameView): void {
    const { nGt, nTr, sim } = f;
    for (let i = 0; i < nGt; i++) this.gtIdCount[f.gtIds[f.gtFirst + i]!]!++;
    for (let j = 0; j < nTr; j++) this.trIdCount[f.trIds[f.trFirst + j]!]!++;
    if (nGt === 0 || nTr === 0) return;
    if (this.rowSum.length < nGt) this.rowSum = new Float64Array(nGt * 2);
    if (this.colSum.length < nTr) this.colSum = new Float64Array(nTr * 2);
    rowSums(sim, nGt, nTr, this.rowSum);
    columnSums(sim, nGt, nTr, this.colSum);
    for (let i = 0; i < nGt; i++) {
      const g = f.gtIds[f.gtFirst + i]!;
      const rs = this.rowSum[i]!;
      for (let j = 0; j < nTr; j++) {
        const s = sim[i * nTr + j]!;
        if (s === 0) continue; // adds nothing; keeps the table sparse
        const denominator = this.colSum[j]! + rs - s;
        if (denominator > FLOAT_EPS) this.pairs.add(g, f.trIds[f.trFirst + j]!, s / denominator);
      }
    }
  }

  /** Between the passes: turn the accumulated overlaps into a Jaccard-style score per pair. */
  finishAlignment(): void {
    const { pairs } = this;
    this.alignment = new Float64Array(pairs.size);
    for (let p = 0; p < pairs.size; p++) {
      const potential = pairs.valueAt(p);
      this.alignment[p] = potential / (this.gtIdCount[pairs.gtAt(p)]! + this.trIdCount[pairs.trackerAt(p)]! - potential);
    }
    this.matchCounts = new Float64Array(pairs.size * A);
  }

  /** Pass 2, every frame: match, then count for each alpha. */
  matchFrame(f: FrameView): void {
    const { nGt, nTr, sim } = f;
    if (nGt === 0 || nTr === 0) {
      for (let a = 0; a < A; a++) {
        this.fp[a]! += nTr;
        this.fn[a]! += nGt;
      }
      return;
    }
    if (this.cost.length < nGt * nTr) this.cost = new Float64Array(nGt * nTr * 2);
    if (this.rowToCol.length < nGt) this.rowToCol = new Int32Array(nGt * 2);
    const { cost, rowToCol, pairs, alignment } = this;
    for (let i = 0; i < nGt; i++) {
      const g = f.gtIds[f.gtFirst + i]!;
      for (let j = 0; j < nTr; j++) {
        const s = sim[i * nTr + j]!;
        let score = 0;
        if (s !== 0) {
          const p = pairs.find(g, f.trIds[f.trFirst + j]!);
          score = p < 0 ? 0 : alignment[p]! * s;
        }
        cost[i * nTr + j] = -score; // TrackEval: linear_sum_assignment(-score_mat)
      }
    }
    this.solver.solve(cost, nGt, nTr, rowToCol);
    this.frameMatches.fill(0);
    this.frameLoc.fill(0);
    for (let i = 0; i < nGt; i++) {
      const j = rowToCol[i]!;
      if (j < 0) continue;
      const s = sim[i * nTr + j]!;
      if (!(s >= HOTA_ALPHAS[0]! - FLOAT_EPS)) continue;
      const p = pairs.find(f.gtIds[f.gtFirst + i]!, f.trIds[f.trFirst + j]!);
      // A similarity >= 0.05 always gave the pair a positive alignment share in pass 1.
      if (p < 0) throw new Error('HOTA: matched pair missing from the alignment table');
      for (let a = 0; a < A && s >= HOTA_ALPHAS[a]! - FLOAT_EPS; a++) {
        this.frameMatches[a]!++;
        this.frameLoc[a]! += s;
        this.matchCounts[p * A + a]!++;
      }
    }
    for (let a = 0; a < A; a++) {
      const matches = this.frameMatches[a]!;
      this.tp[a]! += matches;
      this.fn[a]! += nGt - matches;
      this.fp[a]! += nTr - matches;
      if (matches > 0) this.locSum[a]! += this.frameLoc[a]!;
    }
  }

  result(numGtDets: number, numTrackerDets: number): HotaResult {
    // TrackEval returns early when either side is empty: every score 0, LocA 1.
    if (numGtDets === 0 || numTrackerDets === 0) return summarise(zeros(), zeros(), zeros(), ones());
    const HOTA = zeros();
    const DetA = zeros();
    const AssA = zeros();
    const LocA = zeros();
    const { pairs } = this;
    for (let a = 0; a < A; a++) {
      let assSum = 0;
      for (let p = 0; p < pairs.size; p++) {
        const matches = this.matchCounts[p * A + a]!;
        if (matches === 0) continue;
        const union = this.gtIdCount[pairs.gtAt(p)]! + this.trIdCount[pairs.trackerAt(p)]! - matches;
        assSum += matches * (matches / Math.max(1, union));
      }
      const tp = this.tp[a]!;
      AssA[a] = assSum / Math.max(1, tp);
      DetA[a] = tp / Math.max(1, tp + this.fn[a]! + this.fp[a]!);
      HOTA[a] = Math.sqrt(DetA[a]! * AssA[a]!);
      LocA[a] = Math.max(1e-10, this.locSum[a]!) / Math.max(1e-10, tp);
    }
    return summarise(HOTA, DetA, AssA, LocA);
  }
}

function summarise(HOTA: number[], DetA: number[], AssA: number[], LocA: number[]): HotaResult {
  return { HOTA: mean(HOTA), DetA: mean(DetA), AssA: mean(AssA), LocA: mean(LocA), byAlpha: { HOTA, DetA, AssA, LocA } };
}

function mean(values: number[]): number {
  return pairwiseSum(Float64Array.from(values), 0, values.length, 1) / values.length;
}

function zeros(): number[] {
  return new Array<number>(A).fill(0);
}

function ones(): number[] {
  return new Array<number>(A).fill(1);
}
