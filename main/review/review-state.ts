// The carts under review as they stand now: each session's engine cart with every correction not
// undone performed on it, in the order they were made. An event moved between two sessions ties
// their carts together, so the state is built for every session linked to the ones asked for.
import { performCorrections, type Carts, type CorrectionAction } from '../../native-bridge/contract/review-actions';
import type { DecisionsRepository, ReviewRepository, StoredCorrection } from '../db';
import { engineCart } from './engine-cart';
import { loadSessionDecisions, type SessionDecisions } from './session-decisions';

export interface ReviewState {
  sessions: ReadonlyMap<string, SessionDecisions>;
  /** Every correction touching these sessions, undone ones included, oldest first. */
  corrections: StoredCorrection[];
  carts: Carts;
}

export function actionOf(correction: StoredCorrection): CorrectionAction {
  return correction.action as unknown as CorrectionAction;
}

export function isActive(correction: StoredCorrection): boolean {
  return correction.undone === undefined;
}

/** `seed` must name sessions the decisions know; unknown ones are left out of the carts. */
export function loadReviewState(db: { decisions: Pick<DecisionsRepository, 'list'>; review: Pick<ReviewRepository, 'corrections'> }, seed: readonly string[]): ReviewState {
  const ids = new Set(seed);
  let corrections: StoredCorrection[] = [];
  for (;;) {
    corrections = db.review.corrections([...ids]);
    const before = ids.size;
    for (const c of corrections) for (const id of c.sessions) ids.add(id);
    if (ids.size === before) break;
  }
  const sessions = new Map<string, SessionDecisions>();
  const engineCarts: Record<string, ReturnType<typeof engineCart>> = {};
  for (const id of ids) {
    const s = loadSessionDecisions(db.decisions, id);
    if (!s) continue;
    sessions.set(id, s);
    engineCarts[id] = engineCart(s);
  }
  const carts = performCorrections(engineCarts, corrections.filter(isActive).map(actionOf));
  return { sessions, corrections, carts };
}

/** The corrections not undone that change `sessionId`'s cart, oldest first. */
export function activeCorrectionsOf(state: ReviewState, sessionId: string): StoredCorrection[] {
  return state.corrections.filter((c) => isActive(c) && c.sessions.includes(sessionId));
}

/**
 * Who holds an event now: its engine owner, then wherever corrections not undone moved it. Asked of
 * the whole store, not one session's state: an event charged to nobody may have been given to a
 * session this review never touched.
 */
export function currentOwner(review: Pick<ReviewRepository, 'correctionsOfEvent'>, eventKey: string, engineOwner: string): string {
  let owner = engineOwner;
  for (const c of review.correctionsOfEvent(eventKey)) {
    const action = actionOf(c);
    if (isActive(c) && action.type === 'reassign-event') owner = action.to;
  }
  return owner;
}
