// Shelf-event metrics on hand-made cases with scores worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ReceiptDecision, ShelfEventDecision } from '../engine/decisions';
import { issueEntryToken, keyFromHex } from '../engine/fusion/entry-token';
import type { SimInteraction, SimSession } from '../sim/world';
import { joinAttributions, scoreEvents } from './events';

const key = keyFromHex('cd'.repeat(32));
const token = (nonce: string) => issueEntryToken(key, { account: 'a', store: 's', issuedAtMs: 0, expiresAtMs: 1e9, nonce, groupSize: 1 });
const sessions: SimSession[] = [
  { id: 'T1', token: token('n1'), account: 'a', memberIds: [1], entryMs: 0, exitMs: 1, receipt: [] },
  { id: 'T2', token: token('n2'), account: 'a', memberIds: [2], entryMs: 0, exitMs: 1, receipt: [] },
];
const receipts: ReceiptDecision[] = [
  { kind: 'receipt', t: 1, sessionId: 'E1', tokenNonce: 'n1', status: 'charged', lines: [], flags: [] },
  { kind: 'receipt', t: 1, sessionId: 'E2', tokenNonce: 'n2', status: 'charged', lines: [], flags: [] },
];
let nextId = 1;
function interaction(plate: string, startMs: number, sku: string, quantity: number, sessionId: string | undefined, kind: SimInteraction['kind'] = 'pick'): SimInteraction {
  return { id: nextId++, personId: 1, sessionId, kind, plate, sku, quantity, startMs, endMs: startMs + 1000 };
}
function event(id: string, plates: string[], startMs: number, sku: string, quantity: number, sessionId?: string): ShelfEventDecision {
  return {
    kind: 'shelf-event', id, t: startMs + 1500, startMs, endMs: startMs + 1200, fixture: 'G1', shelf: 'S1', plates,
    deltaGrams: plates.map(() => -100), hypotheses: [{ sku, quantity, probability: 0.9 }], ...(sessionId ? { sessionId } : {}),
  };
}

describe('scoreEvents', () => {
  it('scores a perfect engine as 1 everywhere', () => {
    const truth = { interactions: [interaction('P1', 10_000, 'A', 2, 'T1'), interaction('P2', 20_000, 'B', 1, 'T2', 'put-back')], sessions };
    const m = scoreEvents(truth, [event('e1', ['P1'], 10_100, 'A', 2, 'E1'), event('e2', ['P2'], 20_050, 'B', -1, 'E2')], receipts);
    expect(m).toMatchObject({ event_precision: 1, event_recall: 1, product_accuracy: 1, attribution_accuracy: 1 });
  });

  it('counts a phantom event, a missed interaction, a wrong product and a wrong session', () => {
    const truth = {
      interactions: [interaction('P1', 10_000, 'A', 1, 'T1'), interaction('P2', 20_000, 'B', 1, 'T1'), interaction('P3', 30_000, 'C', 1, 'T2')],
      sessions,
    };
    const events = [
      event('e1', ['P1'], 10_000, 'A', 1, 'E2'), // right product, wrong session
      event('e2', ['P2'], 20_000, 'X', 1, 'E1'), // wrong product, right session
      event('e3', ['P9'], 40_000, 'A', 1, 'E1'), // nothing happened there
    ]; // P3 is missed
    const m = scoreEvents(truth, events, receipts);
    expect(m.event_precision).toBeCloseTo(2 / 3, 12);
    expect(m.event_recall).toBeCloseTo(2 / 3, 12);
    expect(m.product_accuracy).toBe(0.5);
    expect(m.attribution_accuracy).toBe(0.5);
  });

  it('does not match an event far away in time on the same plate', () => {
    const m = scoreEvents({ interactions: [interaction('P1', 10_000, 'A', 1, 'T1')], sessions }, [event('e1', ['P1'], 60_000, 'A', 1, 'E1')], receipts);
    expect(m.counts.matchedInteractions).toBe(0);
    expect(m.event_precision).toBe(0);
  });

  it('lets one two-plate event cover two simultaneous picks at adjacent plates, one per plate', () => {
    const truth = { interactions: [interaction('P1', 10_000, 'A', 1, 'T1'), interaction('P2', 10_100, 'B', 1, 'T2')], sessions };
    const m = scoreEvents(truth, [event('e1', ['P1', 'P2'], 10_000, 'A', 1, 'E1')], receipts);
    expect(m.event_recall).toBe(1);
    expect(m.event_precision).toBe(1);
    expect(m.product_accuracy).toBe(0.5);
  });

  it('expects restocks to be charged to nobody', () => {
    const truth = { interactions: [interaction('P1', 10_000, 'A', 6, undefined, 'restock')], sessions };
    expect(scoreEvents(truth, [event('e1', ['P1'], 10_000, 'A', -6, 'nobody')], receipts).attribution_accuracy).toBe(1);
    expect(scoreEvents(truth, [event('e1', ['P1'], 10_000, 'A', -6, 'E1')], receipts).attribution_accuracy).toBe(0);
  });

  it('reports null, not zero, where there is nothing to score', () => {
    const m = scoreEvents({ interactions: [], sessions }, [], receipts);
    expect(m).toMatchObject({ event_precision: null, event_recall: null, product_accuracy: null, attribution_accuracy: null });
  });
});

describe('joinAttributions', () => {
  it('gives each shelf event the session fusion attributed it to, without touching the originals', () => {
    const events = [event('e1', ['P1'], 10_000, 'A', 1), event('e2', ['P2'], 20_000, 'B', 1, 'nobody'), event('e3', ['P3'], 30_000, 'C', 1)];
    const before = JSON.stringify(events);
    const joined = joinAttributions(events, [
      { eventId: 'e1', sessionId: 'E1' },
      { eventId: 'e2', sessionId: 'nobody' },
    ]);
    expect(joined.map((e) => e.sessionId)).toEqual(['E1', 'nobody', undefined]);
    expect(JSON.stringify(events)).toBe(before);
    expect(joined[2]).toBe(events[2]);
  });

  it('scores attribution from the joined sessions', () => {
    const truth = { interactions: [interaction('P1', 10_000, 'A', 1, 'T1'), interaction('P2', 20_000, 'B', 1, 'T2')], sessions };
    const events = [event('e1', ['P1'], 10_000, 'A', 1), event('e2', ['P2'], 20_000, 'B', 1)];
    expect(scoreEvents(truth, events, receipts).attribution_accuracy).toBe(0);
    const joined = joinAttributions(events, [{ eventId: 'e1', sessionId: 'E1' }, { eventId: 'e2', sessionId: 'E1' }]);
    expect(scoreEvents(truth, joined, receipts).attribution_accuracy).toBe(0.5);
  });
});
