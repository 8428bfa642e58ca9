// Multi-object-tracking metrics for one sequence, computed exactly as TrackEval (JonathonLuiten/TrackEval)
// computes them per sequence: HOTA (+ DetA, AssA, LocA), CLEAR (MOTA, MOTP, IDSW, Frag, MT/PT/ML,
// TP/FN/FP) and Identity (IDF1, IDP, IDR, IDTP/IDFN/IDFP). Boxes are compared by IoU, floor points by
// max(0, 1 − distance / zeroDistance). Pure: no I/O (motchallenge-file.ts reads files).
//
// Frames are walked twice, computing each frame's similarity once per walk: the first walk feeds
// CLEAR, Identity and HOTA's global alignment; the second is HOTA's matching, which needs that alignment.
import { ClearAccumulator, type ClearResult } from './clear';
import { HotaAccumulator, type HotaResult } from './hota';
import { IdentityAccumulator, type IdentityResult } from './identity';
import { forEachFrame, prepareSequence, type MotDetections } from './sequence';
import type { MotKind } from './similarity';

export { detectionsFromRows, type MotDetections } from './sequence';
export { HOTA_ALPHAS } from './hota';
export type { MotKind } from './similarity';

export interface MotCounts {
  /** Distinct ground-truth ids. */
  gtIds: number;
  /** Distinct tracker ids. */
  trackerIds: number;
  /** TrackEval's num_timesteps: 1 .. the last frame either side has. */
  frames: number;
  gtDets: number;
  trackerDets: number;
}

export type MotMetrics = Omit<HotaResult, 'byAlpha'> &
  ClearResult &
  IdentityResult & {
    counts: MotCounts;
    /** HOTA, DetA, AssA and LocA at each alpha of HOTA_ALPHAS. */
    hotaByAlpha: HotaResult['byAlpha'];
  };

/**
 * Evaluate a tracker against ground truth for one sequence. Ids need not be contiguous; rows need not
 * be in frame order (within a frame, row order is kept: it is the order TrackEval breaks ties in).
 * Empty inputs follow TrackEval's per-sequence conventions: every score 0 except LocA = 1, and the
 * missing side's detections all count as FN (empty tracker) or FP (empty ground truth).
 */
export function evaluateMot(gt: MotDetections, tracker: MotDetections, kind: MotKind): MotMetrics {
  const seq = prepareSequence(gt, tracker, kind);
  const numGtDets = seq.gt.ids.length;
  const numTrackerDets = seq.tracker.ids.length;
  const hota = new HotaAccumulator(seq.gt.numIds, seq.tracker.numIds);
  const clear = new ClearAccumulator(seq.gt.numIds);
  const identity = new IdentityAccumulator(seq.gt.numIds, seq.tracker.numIds);
  if (numGtDets > 0 && numTrackerDets > 0) {
    forEachFrame(seq, (frame) => {
      hota.addAlignment(frame);
      clear.addFrame(frame);
      identity.addFrame(frame);
    });
    hota.finishAlignment();
    forEachFrame(seq, (frame) => hota.matchFrame(frame));
  }
  const { byAlpha, ...hotaScores } = hota.result(numGtDets, numTrackerDets);
  return {
    ...hotaScores,
    ...clear.result(numGtDets, numTrackerDets),
    ...identity.result(numGtDets, numTrackerDets),
    hotaByAlpha: byAlpha,
    counts: {
      gtIds: seq.gt.numIds,
      trackerIds: seq.tracker.numIds,
      frames: seq.numFrames,
      gtDets: numGtDets,
      trackerDets: numTrackerDets,
    },
  };
}
