// A held session for the review slice and selector tests: two events in its cart (one a close call
// with r1.S2), one event charged to nobody that it came close to.
import type { ReviewEvent, ReviewSession } from '../../../../native-bridge/contract';

export const T = Date.UTC(2026, 4, 6, 14, 0, 0);

export function sampleEvent(id: string, owner: string, sku: string, quantity: number, candidates: string[] = ['r1.S1']): ReviewEvent {
  return {
    id,
    t: T + 10_000,
    startMs: T + 8_500,
    endMs: T + 10_000,
    fixture: 'F1',
    shelf: 'F1-S1',
    plates: ['P1'],
    deltaGrams: [-181],
    hypotheses: [{ sku, quantity, probability: 0.93 }],
    attribution: {
      sessionId: owner,
      probability: 0.55,
      basis: 'posterior',
      candidates: candidates.map((sessionId, i) => ({ sessionId, trackId: i + 1, distanceM: 0.4 + i * 0.2, probability: i === 0 ? 0.55 : 0.4 })),
      nobody: { probability: 0.05 },
      late: false,
    },
    engineOwner: owner,
    owner,
    effect: [{ sku, quantity }],
  };
}

export function sampleSession(patch: Partial<ReviewSession> = {}): ReviewSession {
  return {
    sessionId: 'r1.S1',
    account: 'acct-1',
    anonymous: false,
    openedAt: T,
    closedAt: T + 60_000,
    status: 'held-for-review',
    editable: true,
    currency: 'EUR',
    flags: [{ reason: 'close-second', t: T + 10_000, detail: 'runner-up r1.S2 at 0.4 against 0.55', eventId: 'E1' }],
    engineCart: { lines: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }], events: ['E1', 'E2'] },
    cart: { lines: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }], events: ['E1', 'E2'] },
    lines: [
      { sku: 'APPLE', name: 'Apple', quantity: 1, unitPriceMinor: 50, amountMinor: 50 },
      { sku: 'BREAD', name: 'Bread', quantity: 1, unitPriceMinor: 200, amountMinor: 200 },
    ],
    totalMinor: 250,
    engineTotalMinor: 250,
    events: [sampleEvent('E1', 'r1.S1', 'APPLE', 1, ['r1.S1', 'r1.S2']), sampleEvent('E2', 'r1.S1', 'BREAD', 1), sampleEvent('E3', 'nobody', 'WINE', 1, ['r1.S1'])],
    corrections: [],
    undoBlockedBy: null,
    refunds: [],
    refundable: [],
    audit: [],
    products: [
      { sku: 'APPLE', name: 'Apple', priceMinor: 50 },
      { sku: 'BREAD', name: 'Bread', priceMinor: 200 },
      { sku: 'WINE', name: 'Wine', priceMinor: 900 },
    ],
    ...patch,
  };
}
