import { describe, expect, it } from 'vitest';
import type { LiveSession, PendingLine } from '../engine/fusion/session';
import { CLOSED_SESSIONS_KEPT, LiveSessionBook, SESSION_EVENTS_KEPT } from './live-floor-sessions';
import { LiveSessionCache } from './live-session-cache';

const catalog = new Map([
  ['MILK', { name: 'Milk 1 l', priceMinor: 129, ageRestricted: false }],
  ['WINE', { name: 'Red wine', priceMinor: 899, ageRestricted: true }],
]);

function admitted(book: LiveSessionBook, id: string, t = 0): void {
  book.observe({ kind: 'gate-admitted', t, gate: 'entry', sessionId: id, account: 'a', groupSize: 1, tokenNonce: `n${id}`, expiresAtMs: t + 1 });
}

describe('LiveSessionBook', () => {
  it('ignores decisions about sessions it never saw open', () => {
    const book = new LiveSessionBook(catalog);
    book.observe({ kind: 'cart-change', t: 1, sessionId: 'S9', eventId: 'e', sku: 'MILK', quantity: 1, confidence: 1, hypothesisRank: 0 });
    book.observe({ kind: 'receipt', t: 2, sessionId: 'S9', status: 'charged', lines: [], flags: [] });
    expect(book.get('S9')).toBeUndefined();
    expect(book.takeChanges()).toBeNull();
  });

  it('opens a tailgater’s anonymous session from its alert', () => {
    const book = new LiveSessionBook(catalog);
    book.observe({ kind: 'tailgating-alert', t: 5, gate: 'entry', trackId: 3, sessionId: 'A1', evidence: 'track-crossing' });
    book.observe({ kind: 'session-member', t: 5, sessionId: 'A1', trackId: 3, via: 'tailgating', gate: 'entry' });
    expect(book.get('A1')).toMatchObject({ anonymous: true, gate: 'entry', openedAt: 5, events: [{ kind: 'member', trackId: 3, via: 'tailgating' }] });
  });

  it('lists each flag reason once however often fusion repeats it', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    for (let i = 0; i < 3; i++) book.observe({ kind: 'session-flag', t: i, sessionId: 'S1', reason: 'low-posterior', detail: `event e${i}` });
    expect(book.get('S1')!.flags).toEqual(['low-posterior']);
    expect(book.get('S1')!.events.filter((e) => e.kind === 'flagged')).toHaveLength(1);
    expect(book.hasFlag('S1', 'low-posterior')).toBe(true);
    expect(book.hasFlag('S1', 'track-lost')).toBe(false);
  });

  it('marks age-restricted lines and shows an applied ID check once, ignoring checks that changed nothing', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    book.observe({ kind: 'receipt', t: 1, sessionId: 'S1', status: 'held-for-review', lines: [{ sku: 'WINE', quantity: 1, confidence: 0.9 }, { sku: 'MILK', quantity: 1, confidence: 1 }], flags: ['age-restricted'] });
    expect(book.get('S1')!.cart.map((line) => [line.sku, line.ageRestricted])).toEqual([['WINE', true], ['MILK', undefined]]);
    admitted(book, 'S2');
    book.takeChanges();
    book.observe({ kind: 'age-check', t: 3, sessionId: 'S2', actor: 'maria', outcome: 'closed-session' });
    expect(book.takeChanges()).toBeNull();
    book.observe({ kind: 'age-check', t: 4, sessionId: 'S2', actor: 'maria', outcome: 'applied' });
    book.observe({ kind: 'age-check', t: 5, sessionId: 'S2', actor: 'rui', outcome: 'applied' });
    const changed = book.takeChanges()!.changed[0]!;
    expect(changed.ageCheck).toEqual({ by: 'maria', t: 4 });
    expect(changed.events.filter((e) => e.kind === 'age-checked')).toEqual([{ t: 4, kind: 'age-checked', by: 'maria' }]);
  });

  it('keeps only the newest events of a busy session', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    for (let i = 0; i < SESSION_EVENTS_KEPT + 10; i++) {
      book.observe({ kind: 'cart-change', t: i, sessionId: 'S1', eventId: `e${i}`, sku: 'MILK', quantity: 1, confidence: 1, hypothesisRank: 0 });
    }
    const events = book.get('S1')!.events;
    expect(events).toHaveLength(SESSION_EVENTS_KEPT);
    expect(events.at(-1)).toMatchObject({ eventId: `e${SESSION_EVENTS_KEPT + 9}` });
  });

  it('takes status, members (not replaced ones) and cart from fusion’s snapshot', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    const snapshot: LiveSession = {
      id: 'S1',
      tokenNonce: 'nS1',
      gate: 'entry',
      openedMs: 0,
      groupSize: 2,
      status: 'settling',
      pending: [],
      members: [
        { trackId: 1, state: 'exited' },
        { trackId: 2, state: 'replaced' },
        { trackId: 3, state: 'exited' },
      ],
      cart: [
        { sku: 'MILK', quantity: 3, confidence: 0.81 },
        { sku: 'GONE', quantity: 0, confidence: 1 },
      ],
      flags: [],
    };
    book.sync([snapshot]);
    expect(book.get('S1')).toMatchObject({
      status: 'settling',
      trackIds: [1, 3],
      cart: [{ sku: 'MILK', name: 'Milk 1 l', quantity: 3, confidence: 0.81, unitPriceMinor: 129 }],
    });
  });

  it('shows fusion’s pending lines apart from the cart, publishes each change, and drops them once settled', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    book.takeChanges();
    const snapshot = (patch: Partial<LiveSession>): LiveSession => ({ id: 'S1', tokenNonce: 'nS1', gate: 'entry', openedMs: 0, groupSize: 1, status: 'open', members: [{ trackId: 1, state: 'active' }], cart: [], flags: [], pending: [], ...patch });
    const pick: PendingLine = { readingId: 'R1', shelf: 'F1.S1', sku: 'MILK', quantity: 1, confidence: 0.83, t: 150 };

    book.sync([snapshot({ pending: [pick] })]);
    const first = book.takeChanges()!.changed[0]!;
    expect(first.cart).toEqual([]);
    expect(first.pending).toEqual([{ sku: 'MILK', name: 'Milk 1 l', quantity: 1, confidence: 0.83, unitPriceMinor: 129, readingId: 'R1', since: 150 }]);
    expect(first.pending).not.toBe(book.get('S1')!.pending);
    // The same snapshot again changes nothing.
    book.sync([snapshot({ pending: [pick] })]);
    expect(book.takeChanges()).toBeNull();

    // A newer reading of the same shelf (a put-back of an age-restricted product, an unknown SKU beside it).
    book.sync([snapshot({ pending: [{ ...pick, readingId: 'R2', sku: 'WINE', quantity: -1, confidence: 0.6, t: 300 }, { ...pick, readingId: 'R3', shelf: 'F2.S1', sku: 'NEW', t: 310 }] })]);
    const second = book.takeChanges()!.changed[0]!;
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(second.pending).toEqual([
      { sku: 'WINE', name: 'Red wine', quantity: -1, confidence: 0.6, unitPriceMinor: 899, ageRestricted: true, readingId: 'R2', since: 300 },
      { sku: 'NEW', name: 'NEW', quantity: 1, confidence: 0.83, unitPriceMinor: 0, readingId: 'R3', since: 310 },
    ]);

    // The shelf settled: the line is in the cart and no longer pending.
    book.sync([snapshot({ cart: [{ sku: 'MILK', quantity: 1, confidence: 0.9 }] })]);
    const settled = book.takeChanges()!.changed[0]!;
    expect(settled.pending).toEqual([]);
    expect(settled.cart).toMatchObject([{ sku: 'MILK', quantity: 1 }]);
  });

  it('clears pending lines at the receipt: they are never charged', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    book.sync([{ id: 'S1', tokenNonce: 'nS1', gate: 'entry', openedMs: 0, groupSize: 1, status: 'settling', members: [], cart: [{ sku: 'MILK', quantity: 1, confidence: 1 }], flags: [], pending: [{ readingId: 'R1', shelf: 'F1.S1', sku: 'WINE', quantity: 1, confidence: 0.7, t: 5 }] }]);
    expect(book.get('S1')!.pending).toHaveLength(1);
    book.takeChanges();
    book.observe({ kind: 'receipt', t: 10, sessionId: 'S1', status: 'charged', lines: [{ sku: 'MILK', quantity: 1, confidence: 1 }], flags: [] });
    const closed = book.takeChanges()!.changed[0]!;
    expect(closed).toMatchObject({ status: 'closed', receipt: 'charged', pending: [] });
    expect(closed.cart.map((line) => line.sku)).toEqual(['MILK']);
  });

  it('forgets the oldest closed sessions beyond its limit, and says which', () => {
    const book = new LiveSessionBook(catalog);
    for (let i = 0; i <= CLOSED_SESSIONS_KEPT; i++) {
      admitted(book, `S${i}`, i);
      book.observe({ kind: 'receipt', t: i, sessionId: `S${i}`, status: 'charged', lines: [], flags: [] });
    }
    const changes = book.takeChanges()!;
    expect(changes.forgotten).toEqual(['S0']);
    expect(changes.changed.some((s) => s.id === 'S0')).toBe(false);
    expect(book.get('S0')).toBeUndefined();
    expect(book.get(`S${CLOSED_SESSIONS_KEPT}`)?.status).toBe('closed');

    const cache = new LiveSessionCache();
    cache.apply({ changed: [{ ...book.get('S1')! }], forgotten: [] });
    cache.apply(changes);
    expect(cache.get('S0')).toBeUndefined();
    expect(cache.size).toBe(CLOSED_SESSIONS_KEPT);
  });

  it('hands out copies: later changes do not reach a detail already sent', () => {
    const book = new LiveSessionBook(catalog);
    admitted(book, 'S1');
    const sent = book.takeChanges()!.changed[0]!;
    book.observe({ kind: 'cart-change', t: 1, sessionId: 'S1', eventId: 'e', sku: 'MILK', quantity: 1, confidence: 1, hypothesisRank: 0 });
    expect(sent.events).toHaveLength(1);
    expect(book.get('S1')!.events).toHaveLength(2);
    expect(book.get('S1')!.revision).toBeGreaterThan(sent.revision);
  });
});
