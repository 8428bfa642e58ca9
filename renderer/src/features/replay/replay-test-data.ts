// A short replay for the slice and selector tests: one shopper walking in, taking an apple at 10 s
// and a loaf at 20 s, unseen for 5 s in between, leaving at 60 s.
import type { SessionReplay } from '../../../../native-bridge/contract';

export const T = Date.UTC(2026, 4, 6, 14, 0, 0);

export function sampleReplay(patch: Partial<SessionReplay> = {}): SessionReplay {
  return {
    session: { sessionId: 'r1.S1', account: 'acct-1', anonymous: false, enteredAt: T, closedAt: T + 60_000, status: 'held-for-review', flags: ['close-second'], units: 2, valueMinor: 250 },
    startMs: T,
    endMs: T + 60_000,
    tracks: [{ trackId: 7, t: [T, T + 500, T + 1000, T + 30_000, T + 30_500], x: [1, 1.5, 2, 5, 5.5], y: [9, 8.5, 8, 5, 5] }],
    pathsRecorded: true,
    moments: [
      { t: T, kind: 'entered', label: 'Scanned in' },
      { t: T + 10_000, kind: 'shelf-event', label: 'Took 1 × Apple', eventId: 'E1' },
      { t: T + 20_000, kind: 'shelf-event', label: 'Took 1 × Bread', eventId: 'E2' },
      { t: T + 60_000, kind: 'receipt', label: 'Receipt held' },
    ],
    events: [
      { id: 'E1', t: T + 10_000, startMs: T + 8_500, endMs: T + 10_000, fixture: 'F1', shelf: 'F1-S1', plates: ['P1'], deltaGrams: [-181], hypotheses: [{ sku: 'APPLE', quantity: 1, probability: 0.9 }], plateFronts: [{ plate: 'P1', x: 4.25, y: 5.3 }], owner: 'r1.S1' },
      { id: 'E2', t: T + 20_000, startMs: T + 19_000, endMs: T + 20_000, fixture: 'F1', shelf: 'F1-S1', plates: ['P2'], deltaGrams: [-400], hypotheses: [{ sku: 'BREAD', quantity: 1, probability: 0.9 }], plateFronts: [{ plate: 'P2', x: 4.75, y: 5.3 }], owner: 'r1.S1' },
    ],
    cartSteps: [
      { t: T + 10_000, eventId: 'E1', sku: 'APPLE', quantity: 1, cart: [{ sku: 'APPLE', quantity: 1 }] },
      { t: T + 20_000, eventId: 'E2', sku: 'BREAD', quantity: 1, cart: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }] },
    ],
    flags: [],
    currency: 'EUR',
    products: [
      { sku: 'APPLE', name: 'Apple', priceMinor: 50 },
      { sku: 'BREAD', name: 'Bread', priceMinor: 200 },
    ],
    ...patch,
  };
}
