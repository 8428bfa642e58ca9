// The point pairs being clicked for a camera's floor calibration, edited through actions with a
// pure `performDraftAction` (Excalidraw style): the view dispatches, the slice performs, tests read
// the result. A click on the still fills the first pair still missing its image point, a click on
// the plan the first pair missing its floor point, so pairs can be entered in either order.
import type { Point, PointPairInput } from '../../../../../native-bridge/contract';

export interface DraftPair {
  /** Camera pixels (the camera's full resolution), or null until clicked. */
  image: Point | null;
  /** Floor metres, or null until clicked. */
  floor: Point | null;
}

export interface CalibrationDraft {
  pairs: DraftPair[];
}

export type DraftAction =
  | { type: 'add-image-point'; point: Point }
  | { type: 'add-floor-point'; point: Point }
  | { type: 'remove-pair'; index: number }
  | { type: 'clear' }
  /** Starts from pairs already saved, to adjust a calibration rather than redo it. */
  | { type: 'load'; pairs: readonly PointPairInput[] };

export const emptyDraft: CalibrationDraft = { pairs: [] };

/** Most pairs a calibration takes (the API refuses more). */
export const MAX_PAIRS = 64;

function fill(draft: CalibrationDraft, side: 'image' | 'floor', point: Point): CalibrationDraft {
  const index = draft.pairs.findIndex((p) => p[side] === null);
  if (index >= 0) return { pairs: draft.pairs.map((p, i) => (i === index ? { ...p, [side]: point } : p)) };
  if (draft.pairs.length >= MAX_PAIRS) return draft;
  return { pairs: [...draft.pairs, side === 'image' ? { image: point, floor: null } : { image: null, floor: point }] };
}

export function performDraftAction(draft: CalibrationDraft, action: DraftAction): CalibrationDraft {
  switch (action.type) {
    case 'add-image-point':
      return fill(draft, 'image', action.point);
    case 'add-floor-point':
      return fill(draft, 'floor', action.point);
    case 'remove-pair':
      return { pairs: draft.pairs.filter((_, i) => i !== action.index) };
    case 'clear':
      return emptyDraft;
    case 'load':
      return { pairs: action.pairs.map((p) => ({ image: [...p.image], floor: [...p.floor] })) };
  }
}

/** The pairs with both points, in order: what a fit is made from. */
export function completePairs(draft: CalibrationDraft): PointPairInput[] {
  return draft.pairs.filter((p): p is { image: Point; floor: Point } => p.image !== null && p.floor !== null).map((p) => ({ image: p.image, floor: p.floor }));
}

/** What the person should click next, in words. */
export function nextStep(draft: CalibrationDraft): string {
  const open = draft.pairs.find((p) => p.image === null || p.floor === null);
  const done = completePairs(draft).length;
  if (open?.image === null) return `Click the same point on the still (pair ${draft.pairs.indexOf(open) + 1}).`;
  if (open?.floor === null) return `Click the same point on the plan (pair ${draft.pairs.indexOf(open) + 1}).`;
  if (done < 4) return `Click a floor point on the still, then the same point on the plan: ${done} of at least 4 pairs.`;
  if (done === 4) return '4 pairs fit exactly: add more to see how well they agree.';
  return `${done} pairs. Add more, remove a bad one, or save.`;
}
