import { describe, expect, it } from 'vitest';
import { detectionsFromRows, evaluateMot, HOTA_ALPHAS, type MotKind, type MotMetrics } from './index';

const box: MotKind = { kind: 'box' };
const rows = (r: number[][]) => detectionsFromRows(r, box);
const gtRows = [
  [1, 1, 0, 0, 10, 10],
  [1, 2, 50, 0, 10, 10],
  [2, 1, 1, 0, 10, 10],
  [2, 2, 51, 0, 10, 10],
  [3, 1, 2, 0, 10, 10],
];
const trackerRows = [
  [1, 7, 0, 0, 10, 10],
  [1, 8, 50, 0, 10, 10],
  [2, 8, 51, 0, 10, 10],
  [2, 7, 2, 0, 10, 10],
  [3, 9, 2, 0, 10, 10],
  [3, 8, 90, 0, 10, 10],
];

/** Everything but the counts, for comparing two evaluations. */
function scores(m: MotMetrics): Omit<MotMetrics, 'counts'> {
  const { counts: _counts, ...rest } = m;
  return rest;
}

describe('evaluateMot', () => {
  it('reports 19 alphas and their means', () => {
    expect(HOTA_ALPHAS).toHaveLength(19);
    expect(HOTA_ALPHAS[2]).toBe(0.15000000000000002); // np.arange's value, not 0.15
    const m = evaluateMot(rows(gtRows), rows(trackerRows), box);
    expect(m.hotaByAlpha.HOTA).toHaveLength(19);
    expect(m.HOTA).toBeCloseTo(m.hotaByAlpha.HOTA.reduce((a, b) => a + b) / 19, 14);
    expect(m.counts).toEqual({ gtIds: 2, trackerIds: 3, frames: 3, gtDets: 5, trackerDets: 6 });
    expect([m.TP, m.FN, m.FP, m.IDSW]).toEqual([5, 0, 1, 1]);
  });

  it('does not depend on id values: non-contiguous ids give the same scores as 1..n', () => {
    const relabel = (r: number[][], map: Record<number, number>) => r.map(([f, id, ...c]) => [f!, map[id!]!, ...c]);
    const a = evaluateMot(rows(gtRows), rows(trackerRows), box);
    const b = evaluateMot(rows(relabel(gtRows, { 1: 1_000_003, 2: -4 })), rows(relabel(trackerRows, { 7: 42, 8: 9_999_999, 9: 0 })), box);
    expect(scores(b)).toEqual(scores(a));
  });

  it('groups rows by frame whatever their order in the input', () => {
    const a = evaluateMot(rows(gtRows), rows(trackerRows), box);
    const b = evaluateMot(rows([...gtRows].reverse()), rows([...trackerRows.slice(4), ...trackerRows.slice(0, 4)]), box);
    expect(scores(b)).toEqual(scores(a));
  });

  it('counts frames up to the last one either side mentions, gaps included', () => {
    const m = evaluateMot(rows([[2, 1, 0, 0, 10, 10]]), rows([[9, 1, 0, 0, 10, 10]]), box);
    expect(m.counts.frames).toBe(9);
    expect([m.TP, m.FN, m.FP]).toEqual([0, 1, 1]);
  });

  describe("empty sequences follow TrackEval's per-sequence conventions", () => {
    const zeroScores = { HOTA: 0, DetA: 0, AssA: 0, MOTA: 0, MOTP: 0, IDF1: 0, IDP: 0, IDR: 0, IDSW: 0, TP: 0, Frag: 0, MT: 0, PT: 0, IDTP: 0 };

    it('empty tracker: every gt detection is a miss, every gt id mostly lost, LocA 1', () => {
      const m = evaluateMot(rows(gtRows), rows([]), box);
      expect(m).toMatchObject({ ...zeroScores, LocA: 1, FN: 5, FP: 0, ML: 2, IDFN: 5, IDFP: 0 });
      expect(m.counts).toEqual({ gtIds: 2, trackerIds: 0, frames: 3, gtDets: 5, trackerDets: 0 });
    });

    it('empty ground truth: every tracker detection is a false positive, MOTA stays 0', () => {
      const m = evaluateMot(rows([]), rows(trackerRows), box);
      expect(m).toMatchObject({ ...zeroScores, LocA: 1, FN: 0, FP: 6, ML: 0, IDFN: 0, IDFP: 6 });
    });

    it('both empty: all zero, LocA 1', () => {
      const m = evaluateMot(rows([]), rows([]), box);
      expect(m).toMatchObject({ ...zeroScores, LocA: 1, FN: 0, FP: 0, ML: 0, IDFN: 0, IDFP: 0 });
      expect(m.hotaByAlpha.LocA.every((v) => v === 1)).toBe(true);
      expect(m.counts).toEqual({ gtIds: 0, trackerIds: 0, frames: 0, gtDets: 0, trackerDets: 0 });
    });
  });

  describe('refuses input TrackEval refuses, saying where', () => {
    it('an id twice in one frame', () => {
      expect(() => evaluateMot(rows(gtRows), rows([...trackerRows, [2, 7, 40, 0, 10, 10]]), box)).toThrow(
        'tracker: id 7 appears more than once in frame 2',
      );
    });

    it('frames that are not whole numbers from 1', () => {
      expect(() => evaluateMot(rows([[0, 1, 0, 0, 1, 1]]), rows([]), box)).toThrow('ground truth row 0: frame 0 is not a whole number >= 1');
      expect(() => evaluateMot(rows([]), rows([[1.5, 1, 0, 0, 1, 1]]), box)).toThrow('tracker row 0: frame 1.5');
    });

    it('non-finite coordinates, mismatched columns and a bad zero distance', () => {
      expect(() => evaluateMot(rows([[1, 1, 0, NaN, 1, 1]]), rows([]), box)).toThrow('coordinate 2 is not a finite number');
      expect(() => evaluateMot({ frames: [1], ids: [1], coords: [0, 0] }, rows([]), box)).toThrow('2 coordinates for 1 rows; expected 4');
      expect(() => evaluateMot(rows([]), rows([]), { kind: 'point', zeroDistance: 0 })).toThrow('zero distance must be a positive');
    });
  });

  it('scores floor points by distance', () => {
    const point: MotKind = { kind: 'point', zeroDistance: 2 };
    const gt = detectionsFromRows([[1, 1, 0, 0], [2, 1, 0, 0]], point);
    const near = evaluateMot(gt, detectionsFromRows([[1, 5, 0.5, 0], [2, 5, 0.5, 0]], point), point);
    expect([near.TP, near.IDTP, near.MOTP]).toEqual([2, 2, 0.75]);
    const far = evaluateMot(gt, detectionsFromRows([[1, 5, 1.5, 0], [2, 5, 1.5, 0]], point), point);
    expect([far.TP, far.FP, far.FN, far.IDTP]).toEqual([0, 2, 2, 0]);
  });
});
