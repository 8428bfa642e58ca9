// What the engine left in a session's cart and what each shelf event put there: the starting point
// every correction is performed on, and the effect an event carries when a reviewer moves it.
import { NOBODY, cartOf, type CartItem, type ReviewCart } from '../../native-bridge/contract/review-actions';
import type { ShelfEventDecision } from '../engine/decisions';
import { keyInRun, type EventWithAttribution, type SessionDecisions } from './session-decisions';

/** The cart the engine closed the session with, and the events charged to it. */
export function engineCart(s: SessionDecisions): ReviewCart {
  const lines = s.receipt ? s.receipt.lines : s.cartChanges;
  return cartOf(
    lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    s.attributions.filter((a) => !a.late).map((a) => a.eventId),
  );
}

/**
 * Who the engine charged the event to: the attribution's session, or NOBODY when it went to nobody,
 * arrived after the session's receipt (late: the receipt did not change) or was never attributed.
 */
export function engineOwner(entry: EventWithAttribution): string {
  const a = entry.attribution;
  return a && !a.late ? keyInRun(entry.runId, a.sessionId) : NOBODY;
}

/**
 * What the event does to a cart. For its engine owner, the cart changes the engine made (a put-back
 * removes only what the cart held); for an event charged to nobody, the shelf's best reading.
 */
export function eventEffect(entry: EventWithAttribution, owner: SessionDecisions | undefined): CartItem[] {
  const engineSession = engineOwner(entry);
  if (engineSession !== NOBODY && owner?.key === engineSession) {
    return owner.cartChanges.filter((c) => c.eventId === entry.event.id).map((c) => ({ sku: c.sku, quantity: c.quantity }));
  }
  return bestReading(entry.event);
}

function bestReading(event: ShelfEventDecision): CartItem[] {
  const top = event.hypotheses[0];
  return top && top.quantity !== 0 ? [{ sku: top.sku, quantity: top.quantity }] : [];
}
