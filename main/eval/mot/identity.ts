// Identity metrics (Ristani et al. 2016: IDF1, IDP, IDR) as TrackEval's metrics/identity.py computes
// them for one sequence: each gt id is paired with at most one tracker id for the whole sequence so as
// to maximise the detections they share (similarity >= 0.5 in the same frame), and IDTP is that total.
//
// TrackEval solves it as a (gt ids + tracker ids)² assignment with dummy rows and columns. Its cost at
// any optimum is (gt dets − shared) + (tracker dets − shared), so IDTP is the maximum weight matching
// of the "shared" counts whichever optimum is picked: ties cannot change it. We therefore solve the
// same maximum in each connected component of the overlap graph separately, which gives the same
// integer and stays fast when hours of data hold thousands of ids (TrackEval's square matrix would not).
import { AssignmentSolver } from './assignment';
import { PairTable } from './pair-table';
import type { FrameView } from './sequence';

const THRESHOLD = 0.5;

export interface IdentityResult {
  IDF1: number;
  IDP: number;
  IDR: number;
  IDTP: number;
  IDFN: number;
  IDFP: number;
}

export class IdentityAccumulator {
  private readonly pairs: PairTable;

  constructor(
    private readonly numGtIds: number,
    private readonly numTrackerIds: number,
  ) {
    this.pairs = new PairTable(numTrackerIds);
  }

  addFrame(f: FrameView): void {
    const { nGt, nTr, sim } = f;
    for (let i = 0; i < nGt; i++) {
      for (let j = 0; j < nTr; j++) {
        // np.greater_equal(sim, 0.5): no epsilon here, unlike CLEAR and HOTA.
        if (sim[i * nTr + j]! >= THRESHOLD) this.pairs.add(f.gtIds[f.gtFirst + i]!, f.trIds[f.trFirst + j]!, 1);
      }
    }
  }

  result(numGtDets: number, numTrackerDets: number): IdentityResult {
    const idtp = numGtDets === 0 || numTrackerDets === 0 ? 0 : this.maxSharedDetections();
    const idfn = numGtDets - idtp;
    const idfp = numTrackerDets - idtp;
    // TrackEval's early return for an empty side leaves IDF1/IDP/IDR at 0, which these give too.
    return {
      IDTP: idtp,
      IDFN: idfn,
      IDFP: idfp,
      IDR: idtp / Math.max(1, idtp + idfn),
      IDP: idtp / Math.max(1, idtp + idfp),
      IDF1: idtp / Math.max(1, idtp + 0.5 * idfp + 0.5 * idfn),
    };
  }

  /** Maximum total of shared detections over one-to-one id pairings, component by component. */
  private maxSharedDetections(): number {
    const { pairs, numGtIds } = this;
    const parent = new Int32Array(numGtIds + this.numTrackerIds).map((_, k) => k);
    const root = (k: number): number => {
      while (parent[k] !== k) {
        parent[k] = parent[parent[k]!]!;
        k = parent[k]!;
      }
      return k;
    };
    for (let p = 0; p < pairs.size; p++) {
      const a = root(pairs.gtAt(p));
      const b = root(numGtIds + pairs.trackerAt(p));
      if (a !== b) parent[a] = b;
    }
    const byComponent = new Map<number, number[]>();
    for (let p = 0; p < pairs.size; p++) {
      const r = root(pairs.gtAt(p));
      const list = byComponent.get(r);
      if (list) list.push(p);
      else byComponent.set(r, [p]);
    }
    const solver = new AssignmentSolver();
    const local = new Int32Array(numGtIds + this.numTrackerIds).fill(-1);
    let total = 0;
    for (const slots of byComponent.values()) {
      if (slots.length === 1) {
        total += pairs.valueAt(slots[0]!);
        continue;
      }
      let rows = 0;
      let cols = 0;
      for (const p of slots) {
        const g = pairs.gtAt(p);
        const t = numGtIds + pairs.trackerAt(p);
        if (local[g] === -1) local[g] = rows++;
        if (local[t] === -1) local[t] = cols++;
      }
      const cost = new Float64Array(rows * cols);
      for (const p of slots) cost[local[pairs.gtAt(p)]! * cols + local[numGtIds + pairs.trackerAt(p)]!] = -pairs.valueAt(p);
      const rowToCol = new Int32Array(rows);
      solver.solve(cost, rows, cols, rowToCol);
      for (let i = 0; i < rows; i++) if (rowToCol[i]! >= 0) total -= cost[i * cols + rowToCol[i]!]!;
      for (const p of slots) {
        local[pairs.gtAt(p)] = -1;
        local[numGtIds + pairs.trackerAt(p)] = -1;
      }
    }
    return total;
  }
}
