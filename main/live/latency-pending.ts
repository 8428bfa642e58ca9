// The latency bench's view of pending cart lines: which first readings of a shelf (shelf-reading
// decisions) were shown as a pending line on a session, which settled shelf event each of them
// stood for, how soon after the weight went still the shopper's cart showed something, and whether
// the pending line said what the settled cart line then said. Pure: the bench collects what the
// live pipeline published, with wall times, and hands it here.
import type { ShelfEventDecision, ShelfReadingDecision } from '../engine/decisions';

/** A pending line as a published session change showed it, with the wall time it was first seen so. */
export interface ShownPending {
  readingId: string;
  sessionId: string;
  sku: string;
  quantity: number;
  wall: number;
}

/** A settled cart change, with the wall time the engine made it. */
export interface SettledCartChange {
  eventId: string;
  sessionId: string;
  sku: string;
  quantity: number;
  wall: number;
}

export interface PendingAgreement {
  /** Settled cart changes of known shelf events. */
  cartChanges: number;
  /** Of them, those a pending line of the same shelf event was shown before. */
  pendingFirst: number;
  /** Of those, the ones whose last pending line named the same session, sku and quantity. */
  agreed: number;
  /** Of the others, how many named another session, another sku, another quantity (one may differ in several). */
  differed: { session: number; sku: number; quantity: number };
  /** Readings shown as a pending line on some session. */
  readingsShown: number;
  /** Of them, those no settled cart change followed: the shopper saw a line that was withdrawn. */
  withdrawn: number;
}

export interface PendingMatch {
  /** Per settled shelf event with a cart change: when a pending line of it was first shown (wall), if one was before the cart change. */
  firstShown: { event: ShelfEventDecision; wall: number }[];
  agreement: PendingAgreement;
}

/** Whether a reading is a first reading of `event`: the same shelf, taken while that event was under way. */
export function readingOf(reading: Pick<ShelfReadingDecision, 'shelf' | 't'>, event: Pick<ShelfEventDecision, 'shelf' | 'startMs' | 't'>): boolean {
  return reading.shelf === event.shelf && reading.t >= event.startMs && reading.t <= event.t;
}

/**
 * Matches what was shown as pending to the settled cart changes that followed. `shown` holds every
 * distinct state a pending line was seen in (one entry each time its session, sku or quantity
 * changed), in the order seen.
 */
export function matchPending(
  events: ReadonlyMap<string, ShelfEventDecision>,
  readings: ReadonlyMap<string, ShelfReadingDecision>,
  shown: readonly ShownPending[],
  carts: readonly SettledCartChange[],
): PendingMatch {
  // Shown pending lines per shelf, in the order seen.
  const shownByShelf = new Map<string, { line: ShownPending; reading: ShelfReadingDecision }[]>();
  for (const line of shown) {
    const reading = readings.get(line.readingId);
    if (!reading) continue;
    const list = shownByShelf.get(reading.shelf) ?? [];
    list.push({ line, reading });
    shownByShelf.set(reading.shelf, list);
  }
  const followed = new Set<string>();
  const firstShownOf = new Map<string, number>();
  let cartChanges = 0;
  let pendingFirst = 0;
  let agreed = 0;
  const differed = { session: 0, sku: 0, quantity: 0 };
  for (const cart of carts) {
    const event = events.get(cart.eventId);
    if (!event) continue;
    cartChanges++;
    let first: ShownPending | undefined;
    let last: ShownPending | undefined;
    for (const { line, reading } of shownByShelf.get(event.shelf) ?? []) {
      if (!readingOf(reading, event)) continue;
      followed.add(line.readingId);
      if (line.wall >= cart.wall) continue;
      if (!first || line.wall < first.wall) first = line;
      if (!last || line.wall >= last.wall) last = line;
    }
    if (!first || !last) continue;
    pendingFirst++;
    if (last.sessionId === cart.sessionId && last.sku === cart.sku && last.quantity === cart.quantity) agreed++;
    else {
      if (last.sessionId !== cart.sessionId) differed.session++;
      if (last.sku !== cart.sku) differed.sku++;
      if (last.quantity !== cart.quantity) differed.quantity++;
    }
    const before = firstShownOf.get(event.id);
    if (before === undefined || first.wall < before) firstShownOf.set(event.id, first.wall);
  }
  const shownReadings = new Set(shown.filter((line) => readings.has(line.readingId)).map((line) => line.readingId));
  let withdrawn = 0;
  for (const id of shownReadings) if (!followed.has(id)) withdrawn++;
  return {
    firstShown: [...firstShownOf].map(([id, wall]) => ({ event: events.get(id)!, wall })),
    agreement: { cartChanges, pendingFirst, agreed, differed, readingsShown: shownReadings.size, withdrawn },
  };
}

/** The agreement as lines to print under the latency table. */
export function pendingAgreementLines(a: PendingAgreement): string[] {
  const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)} %` : '—');
  return [
    `pending lines: ${a.pendingFirst} of ${a.cartChanges} settled cart lines (${share(a.pendingFirst, a.cartChanges)}) had a pending line shown first; ` +
      `${a.agreed} of those (${share(a.agreed, a.pendingFirst)}) ended on the same session, product and quantity ` +
      `(the others: ${a.differed.session} another session, ${a.differed.sku} another product, ${a.differed.quantity} another quantity)`,
    `withdrawn: ${a.withdrawn} of ${a.readingsShown} readings shown as a pending line (${share(a.withdrawn, a.readingsShown)}) were not followed by a settled cart line`,
  ];
}
