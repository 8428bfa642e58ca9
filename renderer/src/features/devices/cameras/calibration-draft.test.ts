import { describe, expect, it } from 'vitest';
import { completePairs, emptyDraft, MAX_PAIRS, nextStep, performDraftAction, type CalibrationDraft, type DraftAction } from './calibration-draft';

const run = (actions: DraftAction[], from: CalibrationDraft = emptyDraft) => actions.reduce(performDraftAction, from);

describe('calibration draft', () => {
  it('pairs image and floor clicks in either order', () => {
    const draft = run([
      { type: 'add-image-point', point: [100, 200] },
      { type: 'add-floor-point', point: [1, 2] },
      { type: 'add-floor-point', point: [3, 4] },
      { type: 'add-image-point', point: [300, 400] },
      { type: 'add-image-point', point: [500, 600] },
    ]);
    expect(draft.pairs).toEqual([
      { image: [100, 200], floor: [1, 2] },
      { image: [300, 400], floor: [3, 4] },
      { image: [500, 600], floor: null },
    ]);
    expect(completePairs(draft)).toHaveLength(2);
    expect(nextStep(draft)).toBe('Click the same point on the plan (pair 3).');
  });

  it('removes a pair, clears, and loads saved pairs', () => {
    const saved = [
      { image: [1, 1] as [number, number], floor: [0, 0] as [number, number] },
      { image: [2, 2] as [number, number], floor: [1, 0] as [number, number] },
    ];
    const loaded = performDraftAction(emptyDraft, { type: 'load', pairs: saved });
    expect(completePairs(loaded)).toEqual(saved);
    expect(performDraftAction(loaded, { type: 'remove-pair', index: 0 }).pairs).toEqual([{ image: [2, 2], floor: [1, 0] }]);
    expect(performDraftAction(loaded, { type: 'clear' })).toBe(emptyDraft);
  });

  it('never changes the draft it was given', () => {
    const before = run([{ type: 'add-image-point', point: [1, 1] }]);
    const copy = structuredClone(before);
    performDraftAction(before, { type: 'add-floor-point', point: [5, 5] });
    expect(before).toEqual(copy);
  });

  it('says what to do next', () => {
    expect(nextStep(emptyDraft)).toMatch(/0 of at least 4 pairs/);
    const four = run([0, 1, 2, 3].flatMap((i): DraftAction[] => [{ type: 'add-image-point', point: [i, i] }, { type: 'add-floor-point', point: [i, 0] }]));
    expect(nextStep(four)).toMatch(/4 pairs fit exactly/);
    expect(nextStep(run([{ type: 'add-floor-point', point: [1, 1] }], four))).toBe('Click the same point on the still (pair 5).');
  });

  it('stops at the most pairs a calibration takes', () => {
    const full = run(Array.from({ length: MAX_PAIRS + 3 }, (_, i): DraftAction => ({ type: 'add-image-point', point: [i, i] })));
    expect(full.pairs).toHaveLength(MAX_PAIRS);
  });
});
