// Test support for review and replay: a real store database holding the decisions the engine makes
// for a small story (two shoppers reaching for the same apples, wine nobody was charged for, a third
// shopper charged without review), and a recording payment issuer.
import type { AttributionCandidate, AttributionDecision, EngineDecision, ShelfEventDecision, TrackPoint } from '../engine/decisions';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { createFactsSink } from '../facts/facts-sink';
import { tempDbPath } from '../db/test-support';
import { testStore } from '../engine/fusion/test-support';
import type { PaymentReceipt, RefundOrder, ReceiptIssuer, ReviewedReceipt, WaivedReceipt } from './receipt-issuer';

export { testStore };

export const T0 = 1_700_000_000_000;

function shelfEvent(id: string, t: number, plate: string, sku: string, quantity: number, grams: number): ShelfEventDecision {
  return {
    kind: 'shelf-event',
    id,
    t,
    startMs: t - 1500,
    endMs: t,
    fixture: 'F1',
    shelf: 'F1-S1',
    plates: [plate],
    deltaGrams: [grams],
    hypotheses: [{ sku, quantity, probability: 0.93 }],
  };
}

/** A session the engine weighed for an event: its best track, how far its body was, its share of the posterior (no camera saw hands). */
function candidate(sessionId: string, trackId: number, distanceM: number, probability: number): AttributionCandidate {
  const evidence = { bodyM: distanceM, handSeen: false, handFit: 0, handPrecision: 0, handBeforeSeen: false, handBefore: 0, handCoreSightings: 0, handCoreMean: 0 };
  return { sessionId, trackId, distanceM, evidence, score: Math.log(probability), probability };
}

function attribution(
  t: number,
  eventId: string,
  sessionId: string,
  probability: number,
  candidates: AttributionCandidate[],
  more: Pick<AttributionDecision, 'basis' | 'nobody' | 'flags'>,
): AttributionDecision {
  return { kind: 'attribution', t, eventId, sessionId, probability, candidates, ...more };
}

/** A walk through waypoints [t, x, y], a floor point every 250 ms, as vision reports it. */
function walk(trackId: number, waypoints: readonly [number, number, number][]): TrackPoint[] {
  const points: TrackPoint[] = [];
  for (let k = 1; k < waypoints.length; k++) {
    const [t0, x0, y0] = waypoints[k - 1]!;
    const [t1, x1, y1] = waypoints[k]!;
    for (let t = t0; t < t1; t += 250) {
      const f = (t - t0) / (t1 - t0);
      points.push({ kind: 'track-point', t, trackId, x: x0 + (x1 - x0) * f, y: y0 + (y1 - y0) * f });
    }
  }
  return points;
}

/** Where the three shoppers walk: in at the entry gates, to the gondola's plates, out at the exit. */
export function storyWalks(): TrackPoint[] {
  return [
    ...walk(1, [[T0 + 800, 1.5, 9.8], [T0 + 9_000, 4.25, 5.6], [T0 + 13_000, 4.75, 5.6], [T0 + 56_000, 8.5, 9.8]]),
    ...walk(2, [[T0 + 1_800, 2.7, 9.8], [T0 + 9_500, 4.5, 5.8], [T0 + 14_500, 5.25, 5.7], [T0 + 57_000, 8.6, 9.8]]),
    ...walk(3, [[T0 + 2_800, 1.6, 9.8], [T0 + 14_000, 5.75, 5.6], [T0 + 58_000, 8.4, 9.8]]),
  ];
}

/** The story, as the engine's decisions in time order (floor paths apart: see storyWalks). */
export function storyDecisions(): EngineDecision[] {
  const candidates = [
    candidate('S1', 1, 0.4, 0.55),
    candidate('S2', 2, 0.6, 0.4),
  ];
  return [
    { kind: 'gate-admitted', t: T0, gate: 'in-1', sessionId: 'S1', account: 'acct-1', groupSize: 1, tokenNonce: 'n1', expiresAtMs: T0 + 900_000 },
    { kind: 'session-member', t: T0 + 800, sessionId: 'S1', trackId: 1, via: 'admission', gate: 'in-1' },
    { kind: 'gate-admitted', t: T0 + 1000, gate: 'in-2', sessionId: 'S2', account: 'acct-2', groupSize: 1, tokenNonce: 'n2', expiresAtMs: T0 + 900_000 },
    { kind: 'session-member', t: T0 + 1800, sessionId: 'S2', trackId: 2, via: 'admission', gate: 'in-2' },
    { kind: 'gate-admitted', t: T0 + 2000, gate: 'in-1', sessionId: 'S3', account: 'acct-3', groupSize: 1, tokenNonce: 'n3', expiresAtMs: T0 + 900_000 },
    { kind: 'session-member', t: T0 + 2800, sessionId: 'S3', trackId: 3, via: 'admission', gate: 'in-1' },
    shelfEvent('F1-S1#1', T0 + 10_000, 'P1', 'APPLE', 1, -181),
    attribution(T0 + 10_000, 'F1-S1#1', 'S1', 0.55, candidates, { basis: 'posterior', nobody: { probability: 0.05 }, flags: ['close-second'] }),
    { kind: 'session-flag', t: T0 + 10_000, sessionId: 'S1', reason: 'close-second', eventId: 'F1-S1#1', detail: 'runner-up S2 at 0.4 against 0.55' },
    { kind: 'cart-change', t: T0 + 10_000, sessionId: 'S1', eventId: 'F1-S1#1', sku: 'APPLE', quantity: 1, confidence: 0.51, hypothesisRank: 0 },
    { kind: 'session-flag', t: T0 + 10_000, sessionId: 'S2', reason: 'close-second', eventId: 'F1-S1#1', detail: 'event F1-S1#1: runner-up at 0.4 to S1 at 0.55' },
    shelfEvent('F1-S1#2', T0 + 12_000, 'P2', 'BREAD', 1, -398),
    attribution(T0 + 12_000, 'F1-S1#2', 'S1', 0.97, [candidate('S1', 1, 0.3, 0.97)], { basis: 'posterior', nobody: { probability: 0.03 }, flags: [] }),
    { kind: 'cart-change', t: T0 + 12_000, sessionId: 'S1', eventId: 'F1-S1#2', sku: 'BREAD', quantity: 1, confidence: 0.9, hypothesisRank: 0 },
    shelfEvent('F1-S1#3', T0 + 14_000, 'P3', 'WINE', 1, -1204),
    attribution(T0 + 14_000, 'F1-S1#3', 'nobody', 1, [candidate('S2', 2, 0.7, 0.3)], { basis: 'marked-nobody', nobody: { probability: 0.7, trackId: 9, distanceM: 0.5 }, flags: [] }),
    { kind: 'session-flag', t: T0 + 14_000, sessionId: 'S2', reason: 'close-second', eventId: 'F1-S1#3', detail: 'event F1-S1#3: charged to nobody (marked-nobody) though this session was 0.7 m away' },
    shelfEvent('F1-S1#4', T0 + 15_000, 'P4', 'CHEESE', 2, -401),
    attribution(T0 + 15_000, 'F1-S1#4', 'S3', 0.99, [candidate('S3', 3, 0.2, 0.99)], { basis: 'posterior', nobody: { probability: 0.01 }, flags: [] }),
    { kind: 'cart-change', t: T0 + 15_000, sessionId: 'S3', eventId: 'F1-S1#4', sku: 'CHEESE', quantity: 2, confidence: 0.95, hypothesisRank: 0 },
    { kind: 'track-lost', t: T0 + 30_000, trackId: 2, x: 6.5, y: 7.5 },
    { kind: 'track-refound', t: T0 + 31_000, trackId: 2, x: 6.6, y: 7.6 },
    { kind: 'receipt', t: T0 + 60_000, sessionId: 'S1', tokenNonce: 'n1', status: 'held-for-review', lines: [{ sku: 'APPLE', quantity: 1, confidence: 0.51 }, { sku: 'BREAD', quantity: 1, confidence: 0.9 }], flags: ['close-second'] },
    { kind: 'receipt', t: T0 + 61_000, sessionId: 'S2', tokenNonce: 'n2', status: 'held-for-review', lines: [], flags: ['close-second'] },
    { kind: 'receipt', t: T0 + 62_000, sessionId: 'S3', tokenNonce: 'n3', status: 'charged', lines: [{ sku: 'CHEESE', quantity: 2, confidence: 0.95 }], flags: [] },
  ];
}

/**
 * A tailgater's session beside the story: A1 slipped in behind S3 without a scan, took a bread and
 * left; its receipt is held (nobody to charge). Later than the story, so the story's queue order stands.
 */
export function tailgaterDecisions(): EngineDecision[] {
  return [
    { kind: 'tailgating-alert', t: T0 + 3000, gate: 'in-1', trackId: 5, sessionId: 'A1', evidence: 'track-crossing' },
    { kind: 'session-member', t: T0 + 3000, sessionId: 'A1', trackId: 5, via: 'tailgating', gate: 'in-1' },
    { kind: 'session-flag', t: T0 + 3000, sessionId: 'A1', reason: 'tailgating', trackId: 5, detail: 'track 5 crossed in-1 inward with no open admission' },
    shelfEvent('F1-S1#5', T0 + 20_000, 'P2', 'BREAD', 1, -398),
    attribution(T0 + 20_000, 'F1-S1#5', 'A1', 0.96, [candidate('A1', 5, 0.3, 0.96)], { basis: 'posterior', nobody: { probability: 0.04 }, flags: [] }),
    { kind: 'cart-change', t: T0 + 20_000, sessionId: 'A1', eventId: 'F1-S1#5', sku: 'BREAD', quantity: 1, confidence: 0.9, hypothesisRank: 0 },
    { kind: 'receipt', t: T0 + 63_000, sessionId: 'A1', status: 'held-for-review', lines: [{ sku: 'BREAD', quantity: 1, confidence: 0.9 }], flags: ['tailgating'] },
  ];
}

export function storeDecisions(db: StoreDatabase, decisions: readonly EngineDecision[], runId?: number): void {
  db.decisions.appendMany(
    decisions.map((d) => ({ t: d.t, kind: d.kind, sessionId: 'sessionId' in d ? d.sessionId : undefined, json: JSON.stringify(d), runId })),
  );
}

/**
 * A fresh store database (removed after the test) holding the story's decisions: once with no live
 * run, or once per live run (the engine numbers sessions and events afresh in each), with the
 * run's facts (sessions, paths) projected as the live pipeline projects them.
 */
export function storyDatabase(liveRuns = 0): StoreDatabase {
  const db = openStoreDatabase(tempDbPath(), { storeId: testStore.layout.id });
  if (liveRuns === 0) storeDecisions(db, storyDecisions());
  for (let k = 0; k < liveRuns; k++) {
    const { run } = db.liveRuns.openOrResume('simulator', T0 + k);
    storeDecisions(db, storyDecisions(), run.id);
    db.facts.resetRun(run.id, 'live', T0 + k);
    const facts = createFactsSink(testStore, db.facts, run.id);
    const all: EngineDecision[] = [...storyDecisions(), ...storyWalks()].sort((a, b) => a.t - b.t);
    for (const decision of all) facts.observe(decision);
    facts.finish(T0 + 70_000);
    db.liveRuns.end(run.id, T0 + k);
  }
  return db;
}

/**
 * TEST DOUBLE for the payment adapter (the edge to the payment provider): records what it was
 * asked, answers with a reference, or fails while `failWith` is set.
 */
export class RecordingIssuer implements ReceiptIssuer {
  readonly issued: { receipt: ReviewedReceipt; key: string }[] = [];
  readonly refunds: { order: RefundOrder; key: string }[] = [];
  readonly waived: { receipt: WaivedReceipt; key: string }[] = [];
  failWith: string | undefined;

  async issueReviewed(receipt: ReviewedReceipt, key: string): Promise<PaymentReceipt> {
    if (this.failWith) throw new Error(this.failWith);
    this.issued.push({ receipt, key });
    return { reference: `pay-${this.issued.length}` };
  }

  async waive(receipt: WaivedReceipt, key: string): Promise<PaymentReceipt> {
    if (this.failWith) throw new Error(this.failWith);
    this.waived.push({ receipt, key });
    return { reference: `waived-${this.waived.length}` };
  }

  async refund(order: RefundOrder, key: string): Promise<PaymentReceipt> {
    if (this.failWith) throw new Error(this.failWith);
    this.refunds.push({ order, key });
    return { reference: `refund-${this.refunds.length}` };
  }
}
