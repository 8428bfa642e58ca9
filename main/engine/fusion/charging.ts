// From shelf events to carts and receipts. Each event is attributed by the posterior (attribution.ts)
// unless it is staff work (restock mode, or marked 'nobody' by the shelf stage), where a shopper is
// charged only when they won the posterior and no staff or unknown track was within reach, or won
// it clearly despite one (then flagged unless near certain). Every session in the running carries
// its share of the doubt (the winner 1 − p, each runner-up its p); one whose expected number of
// wrong attributions passes maxAttributionDoubt is flagged, with the event that tipped it. Picks
// add the best product reading, put-backs are read against the cart (put-back.ts). A session's
// receipt carries its cart and every reason raised, deduplicated.
import type { FlagReason, ShelfEventDecision } from '../decisions';
import type { DecisionSink } from '../stage';
import { NOBODY, round, type Posterior } from './attribution';
import type { FusionContext } from './context';
import type { PutBackReading } from './put-back';
import type { Session } from './session';

type StaffWork = 'restock-mode' | 'marked-nobody';

export function attribute(ctx: FusionContext, event: ShelfEventDecision, emit: DecisionSink): void {
  const o = ctx.o;
  ctx.pending.settle(event.shelf, event.t);
  const post = ctx.attributor.posterior(event);
  const staffWork: StaffWork | undefined =
    event.sessionId === NOBODY ? 'marked-nobody' : ctx.restock.covers(event.fixture, event.startMs) ? 'restock-mode' : undefined;
  const shopperWon = post.winner !== NOBODY;
  const staffClear = post.nearestUnbound === undefined || post.nearestUnbound.distanceM > o.restockClearM;
  const chargeable = !staffWork || (o.restockPolicy === 'charge-when-clear' && shopperWon && (staffClear || post.probability >= o.lowPosterior));
  const candidates = post.candidates.map((c) => ({ ...c, probability: round(c.probability, 4) }));
  const nobody = { ...post.nobody, probability: round(post.nobody.probability, 4) };
  if (!chargeable) {
    emit({ kind: 'attribution', t: event.t, eventId: event.id, sessionId: NOBODY, probability: 1, basis: staffWork!, candidates, nobody, flags: [] });
    // A shopper within reach may have made it after all: a person should look.
    const best = post.candidates[0];
    const shopper = best && best.probability >= o.closeSecondRatio * post.nobody.probability ? ctx.openSession(best.sessionId) : undefined;
    if (shopper) ctx.raise(shopper, 'close-second', event.t, `event ${event.id}: charged to nobody (${staffWork}) though this session was ${best!.distanceM} m away`, emit, { eventId: event.id });
    return;
  }

  const session = shopperWon ? ctx.openSession(post.winner) : undefined;
  const putBack = session ? ctx.putBacks.read(event, session.cart.held()) : undefined;
  const reasons = eventFlags(ctx, event, post, staffWork !== undefined && !staffClear, putBack);
  const late = shopperWon && !session;
  emit({
    kind: 'attribution',
    t: event.t,
    eventId: event.id,
    sessionId: post.winner,
    probability: round(post.probability, 4),
    basis: 'posterior',
    candidates,
    nobody,
    flags: reasons.map((r) => r.reason),
    ...(late ? { late: true as const } : {}),
  });
  if (session) {
    for (const { reason, detail } of reasons) ctx.raise(session, reason, event.t, `event ${event.id}: ${detail}`, emit, { eventId: event.id });
    applyToCart(ctx, session, event, post.probability, putBack, emit);
  }
  // Every session in the running carries its share of the doubt: the winner the chance it was not
  // them, each runner-up the chance it was (their receipt may be short of the item).
  for (const c of post.candidates) {
    const won = c.sessionId === post.winner;
    const share = won ? 1 - post.probability : c.probability;
    const s = ctx.openSession(c.sessionId);
    if (s) addDoubt(ctx, s, share, won, event, won ? `posterior ${round(post.probability, 3)}` : `runner-up at ${round(c.probability, 3)} to ${post.winner} at ${round(post.probability, 3)}`, emit);
  }
}

/**
 * Adds an event's doubt to a session: the expected number of wrong attributions on its receipt. The
 * session is flagged once that passes maxAttributionDoubt — 'low-posterior' when the event that
 * tipped it was charged to the session, 'close-second' when it went to someone else.
 */
function addDoubt(ctx: FusionContext, session: Session, share: number, won: boolean, event: ShelfEventDecision, what: string, emit: DecisionSink): void {
  const limit = ctx.o.maxAttributionDoubt;
  const before = session.attributionDoubt;
  session.attributionDoubt += share;
  if (before > limit || session.attributionDoubt <= limit) return;
  const reason: FlagReason = won ? 'low-posterior' : 'close-second';
  const detail = `event ${event.id}: ${what}; expected wrong attributions on this receipt ${round(session.attributionDoubt, 3)} > ${limit}`;
  ctx.raise(session, reason, event.t, detail, emit, { eventId: event.id });
}

/**
 * The doubts an event raises about its winner beyond who it was (none when nobody won: there is no
 * one to hold). A put-back read from the winner's cart is judged by that reading, not by the shelf's.
 */
function eventFlags(ctx: FusionContext, event: ShelfEventDecision, post: Posterior, staffNear: boolean, putBack: PutBackReading | undefined): { reason: FlagReason; detail: string }[] {
  const o = ctx.o;
  const out: { reason: FlagReason; detail: string }[] = [];
  if (post.winner === NOBODY) return out;
  if (staffNear && post.probability < o.restockCertainPosterior) {
    out.push({ reason: 'close-second', detail: `restocking, and a track of no session was ${round(post.nearestUnbound!.distanceM, 2)} m away (posterior ${round(post.probability, 3)})` });
  }
  const top = event.hypotheses[0];
  if (!top) out.push({ reason: 'weight-residual', detail: `no product explains ${event.deltaGrams.join(', ')} g` });
  else if (putBack?.fromCart) {
    if (putBack.probability < o.putBackReadingProbability) {
      out.push({ reason: 'weight-residual', detail: `best reading from the cart ${putBack.sku} × ${putBack.quantity} only ${round(putBack.probability, 3)}` });
    }
  } else if (top.probability < o.weightResidualProbability) out.push({ reason: 'weight-residual', detail: `best reading ${top.sku} × ${top.quantity} only ${round(top.probability, 3)}` });
  return out;
}

function applyToCart(ctx: FusionContext, session: Session, event: ShelfEventDecision, posterior: number, putBack: PutBackReading | undefined, emit: DecisionSink): void {
  const top = event.hypotheses[0];
  if (!top || top.quantity === 0) return;
  const change = { kind: 'cart-change' as const, t: event.t, sessionId: session.id, eventId: event.id };
  if (top.quantity > 0) {
    const confidence = posterior * top.probability;
    session.cart.add(top.sku, top.quantity, confidence, -sum(event.deltaGrams));
    emit({ ...change, sku: top.sku, quantity: top.quantity, confidence: round(confidence, 4), hypothesisRank: 0 });
    return;
  }
  if (!putBack) return;
  const removed = putBack.fromCart ? session.cart.remove(putBack.sku, -putBack.quantity, sum(event.deltaGrams)) : 0;
  if (removed > 0) {
    const confidence = posterior * putBack.probability;
    emit({ ...change, sku: putBack.sku, quantity: -removed, confidence: round(confidence, 4), hypothesisRank: putBack.shelfRank, fromCart: true, weightZ: round(putBack.z, 2) });
  }
  const unmatched = -putBack.quantity - removed;
  if (unmatched > 0) {
    const detail = `event ${event.id}: ${unmatched} × ${putBack.sku} put back (${event.deltaGrams.join(' + ')} g) but nothing in the cart fits`;
    ctx.raise(session, 'unmatched-put-back', event.t, detail, emit, { eventId: event.id });
  }
}

/** Issues the receipt: flags for members who never left and for age-restricted lines (unless staff checked the ID) first. */
export function closeSession(ctx: FusionContext, session: Session, t: number, atFinish: boolean, emit: DecisionSink): void {
  if (session.unaccounted(atFinish)) {
    const open = [...session.members.values()].filter((m) => m.state !== 'replaced' && m.state !== 'exited').map((m) => m.trackId);
    const detail = session.members.size === 0 ? 'no track came in on this session' : `track(s) ${open.join(', ')} never left through a gate`;
    ctx.raise(session, 'track-lost', t, detail, emit);
  }
  const restricted = session.ageCheck ? [] : session.cart.list().filter((line) => line.quantity > 0 && ctx.ageRestricted.has(line.sku)).map((line) => line.sku);
  if (restricted.length > 0) ctx.raise(session, 'age-restricted', t, `age-restricted: ${restricted.join(', ')}`, emit);
  emit(session.receipt(t));
  ctx.closedAt.set(session.id, t);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
