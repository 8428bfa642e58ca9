// Shelf-event metrics: did the engine see each hand-to-shelf action (event precision and recall),
// name the right product and quantity, and charge the right session? An engine event matches a true
// interaction on one of the event's plates whose time span overlaps the event's, give or take a
// tolerance; an event spanning several plates may match one interaction per plate (two shoppers
// at adjacent plates at once), and each interaction matches at most one event.
import type { AttributionDecision, ReceiptDecision, ShelfEventDecision } from '../engine/decisions';
import { peekEntryClaims } from '../engine/fusion/entry-token';
import type { SimInteraction, SimSession } from '../sim/world';
import { ratio } from './ratio';

export interface EventMetrics {
  event_precision: number | null;
  event_recall: number | null;
  product_accuracy: number | null;
  attribution_accuracy: number | null;
  counts: { events: number; interactions: number; matchedEvents: number; matchedInteractions: number; rightProduct: number; rightSession: number };
}

export const defaultEventToleranceMs = 1500;

/**
 * The shelf events as fusion attributed them: each takes the session of the attribution decision
 * naming it (the last, if several), else keeps its own (the shelf stage marks staff work 'nobody').
 * New objects: the shelf stage's decisions are left as they were recorded.
 */
export function joinAttributions(events: readonly ShelfEventDecision[], attributions: readonly Pick<AttributionDecision, 'eventId' | 'sessionId'>[]): ShelfEventDecision[] {
  const byEvent = new Map<string, string>();
  for (const a of attributions) byEvent.set(a.eventId, a.sessionId);
  return events.map((event) => {
    const sessionId = byEvent.get(event.id);
    return sessionId === undefined ? event : { ...event, sessionId };
  });
}

/** Quantity as the engine signs it: units leaving the shelf are positive. */
function signedQuantity(interaction: SimInteraction): number {
  return interaction.kind === 'pick' ? interaction.quantity : -interaction.quantity;
}

/**
 * Each true interaction with the engine event that matched it (the nearest in time on its plate,
 * within the tolerance; an event may match one interaction per plate), in the interactions' order.
 */
export function pairEvents(
  interactions: readonly SimInteraction[],
  events: readonly ShelfEventDecision[],
  toleranceMs = defaultEventToleranceMs,
): [SimInteraction, ShelfEventDecision][] {
  const eventsByPlate = new Map<string, ShelfEventDecision[]>();
  for (const event of events) for (const plate of event.plates) (eventsByPlate.get(plate) ?? eventsByPlate.set(plate, []).get(plate)!).push(event);
  const usedPlateOfEvent = new Set<string>();
  const pairs: [SimInteraction, ShelfEventDecision][] = [];
  const ordered = [...interactions].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  for (const interaction of ordered) {
    const centre = (interaction.startMs + interaction.endMs) / 2;
    let best: ShelfEventDecision | undefined;
    let bestGap = Infinity;
    for (const event of eventsByPlate.get(interaction.plate) ?? []) {
      if (usedPlateOfEvent.has(`${event.id}|${interaction.plate}`)) continue;
      if (event.startMs > interaction.endMs + toleranceMs || event.endMs < interaction.startMs - toleranceMs) continue;
      const gap = Math.abs((event.startMs + event.endMs) / 2 - centre);
      if (gap < bestGap) {
        best = event;
        bestGap = gap;
      }
    }
    if (!best) continue;
    usedPlateOfEvent.add(`${best.id}|${interaction.plate}`);
    pairs.push([interaction, best]);
  }
  return pairs;
}

export function scoreEvents(
  truth: { interactions: readonly SimInteraction[]; sessions: readonly SimSession[] },
  events: readonly ShelfEventDecision[],
  receipts: readonly ReceiptDecision[],
  toleranceMs = defaultEventToleranceMs,
): EventMetrics {
  const pairs = pairEvents(truth.interactions, events, toleranceMs);
  const matchedEvents = new Set(pairs.map(([, event]) => event));

  const nonceOfEngineSession = new Map<string, string | undefined>(receipts.map((r) => [r.sessionId, r.tokenNonce]));
  const nonceOfTrueSession = new Map(truth.sessions.map((s) => [s.id, peekEntryClaims(s.token)?.nonce]));
  let rightProduct = 0;
  let rightSession = 0;
  for (const [interaction, event] of pairs) {
    const top = event.hypotheses[0];
    if (top && top.sku === interaction.sku && top.quantity === signedQuantity(interaction)) rightProduct++;
    const charged = event.sessionId;
    if (interaction.kind === 'restock') {
      if (charged === 'nobody') rightSession++;
    } else if (interaction.sessionId === undefined) {
      // A tailgater: right when charged to an anonymous session (one with no token).
      if (charged !== undefined && charged !== 'nobody' && nonceOfEngineSession.has(charged) && nonceOfEngineSession.get(charged) === undefined) rightSession++;
    } else if (charged !== undefined && charged !== 'nobody') {
      const expected = nonceOfTrueSession.get(interaction.sessionId);
      if (expected !== undefined && nonceOfEngineSession.get(charged) === expected) rightSession++;
    }
  }

  return {
    event_precision: ratio(matchedEvents.size, events.length),
    event_recall: ratio(pairs.length, truth.interactions.length),
    product_accuracy: ratio(rightProduct, pairs.length),
    attribution_accuracy: ratio(rightSession, pairs.length),
    counts: {
      events: events.length,
      interactions: truth.interactions.length,
      matchedEvents: matchedEvents.size,
      matchedInteractions: pairs.length,
      rightProduct,
      rightSession,
    },
  };
}
