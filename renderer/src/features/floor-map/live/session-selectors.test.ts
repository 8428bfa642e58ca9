import { describe, expect, it } from 'vitest';
import type { LiveCartLine, LivePendingLine, LiveSessionDetail, LiveSessionEvent } from '../../../../../native-bridge/contract';
import { sampleLiveFrame, sampleShopper } from '../../../testing/sample-data';
import type { SessionPanelState } from './live-floor-slice';
import { cartTotals, PANEL_EVENTS, pendingRows, selectAgeCheckView, selectSessionView, selectShopperSummary, shopperForEvent } from './session-selectors';

const line = (sku: string, quantity: number, confidence: number, unitPriceMinor = 100): LiveCartLine => ({ sku, name: `Product ${sku}`, quantity, confidence, unitPriceMinor });

const noCheck: SessionPanelState['ageCheck'] = { busy: false, error: null };

function detail(patch: Partial<LiveSessionDetail> = {}): LiveSessionDetail {
  return { id: 'S1', anonymous: false, gate: 'in', openedAt: 0, status: 'open', trackIds: [1], cart: [], pending: [], flags: [], events: [], revision: 1, ...patch };
}

describe('selectShopperSummary', () => {
  const frame = sampleLiveFrame(1000, [sampleShopper(1, 2, 3, { cartUnits: 4 }), sampleShopper(2, 5, 5, { state: 'unbound', sessionId: undefined })]);

  it('is null with nobody selected', () => {
    expect(selectShopperSummary({ frame, selectedTrackId: null })).toBeNull();
  });

  it('flattens the selected shopper, leaving out where they stand', () => {
    expect(selectShopperSummary({ frame, selectedTrackId: 1 })).toEqual({ trackId: 1, present: true, sessionId: 'S1', state: 'session', cartUnits: 4 });
    expect(selectShopperSummary({ frame, selectedTrackId: 2 })).toEqual({ trackId: 2, present: true, sessionId: null, state: 'unbound', cartUnits: 0 });
  });

  it('says when the selected track has left the floor', () => {
    expect(selectShopperSummary({ frame, selectedTrackId: 9 })).toEqual({ trackId: 9, present: false, sessionId: null, state: null, cartUnits: 0 });
  });
});

describe('cartTotals', () => {
  it('adds units and money and finds the least sure line', () => {
    expect(cartTotals([line('a', 2, 0.9, 150), line('b', 1, 0.7, 99)])).toEqual({ units: 3, totalMinor: 399, weakest: 0.7 });
    expect(cartTotals([])).toEqual({ units: 0, totalMinor: 0, weakest: null });
  });
});

describe('selectSessionView', () => {
  it('follows the load state', () => {
    expect(selectSessionView({ sessionId: null, revision: null, detail: { status: 'idle' }, ageCheck: noCheck })).toEqual({ kind: 'none' });
    expect(selectSessionView({ sessionId: 'S1', revision: 1, detail: { status: 'loading' }, ageCheck: noCheck })).toEqual({ kind: 'loading' });
    const error = { code: 'not_found' as const, message: 'gone' };
    expect(selectSessionView({ sessionId: 'S1', revision: 1, detail: { status: 'error', error }, ageCheck: noCheck })).toEqual({ kind: 'error', error });
  });

  it('lists the least sure lines first and the newest events first', () => {
    const events: LiveSessionEvent[] = Array.from({ length: PANEL_EVENTS + 3 }, (_, i) => ({ t: i, kind: 'receipt', status: 'charged' }));
    const data = detail({ cart: [line('b', 1, 0.95), line('a', 2, 0.5), line('c', 1, 0.95)], events });
    const view = selectSessionView({ sessionId: 'S1', revision: 1, detail: { status: 'ready', data }, ageCheck: noCheck });
    if (view.kind !== 'ready') throw new Error('expected ready');
    expect(view.lines.map((l) => l.sku)).toEqual(['a', 'b', 'c']);
    expect(view.totals).toEqual({ units: 4, totalMinor: 400, weakest: 0.5 });
    expect(view.events).toHaveLength(PANEL_EVENTS);
    expect(view.events[0]!.t).toBe(PANEL_EVENTS + 2);
    expect(data.cart.map((l) => l.sku)).toEqual(['b', 'a', 'c']);
  });
});

describe('pendingRows', () => {
  const pending = (readingId: string, sku: string, quantity: number, confidence: number, since: number): LivePendingLine => ({ ...line(sku, quantity, confidence), readingId, since });

  it('words each line still settling, oldest first: "+1 …" for a pick, "−1 …" for a put-back', () => {
    const rows = pendingRows(detail({ pending: [pending('R2', 'b', -1, 0.6, 300), { ...pending('R1', 'OAT', 1, 0.834, 150), name: 'Oat milk' }] }));
    expect(rows).toEqual([
      { key: 'R1', sku: 'OAT', text: '+1 Oat milk · settling · 83%', putBack: false },
      { key: 'R2', sku: 'b', text: '\u22121 Product b · settling · 60%', putBack: true },
    ]);
  });

  it('is empty without pending lines, for nothing-changed readings and once the receipt is out', () => {
    expect(pendingRows(detail())).toEqual([]);
    expect(pendingRows(detail({ pending: [pending('R1', 'a', 0, 0.9, 1)] }))).toEqual([]);
    expect(pendingRows(detail({ status: 'closed', receipt: 'charged', pending: [pending('R1', 'a', 1, 0.9, 1)] }))).toEqual([]);
  });

  it('leaves the cart’s units and total alone in the session view', () => {
    const data = detail({ cart: [line('a', 2, 0.9, 150)], pending: [pending('R1', 'b', 3, 0.8, 10), pending('R2', 'a', -1, 0.7, 20)] });
    const view = selectSessionView({ sessionId: 'S1', revision: 1, detail: { status: 'ready', data }, ageCheck: noCheck });
    if (view.kind !== 'ready') throw new Error('expected ready');
    expect(view.totals).toEqual({ units: 2, totalMinor: 300, weakest: 0.9 });
    expect(view.lines.map((l) => l.sku)).toEqual(['a']);
    expect(view.pending.map((row) => row.text)).toEqual(['+3 Product b · settling · 80%', '\u22121 Product a · settling · 70%']);
  });
});

describe('selectAgeCheckView', () => {
  const wine: LiveCartLine = { ...line('WINE', 1, 0.9), name: 'Red wine', ageRestricted: true };
  const panel = (patch: Partial<LiveSessionDetail>, ageCheck = noCheck): SessionPanelState => ({
    sessionId: 'S1',
    revision: 1,
    detail: { status: 'ready' as const, data: detail(patch) },
    ageCheck,
  });

  it('asks for an ID check while an open session holds an age-restricted product, saying whether this role may confirm', () => {
    expect(selectAgeCheckView(panel({ cart: [line('a', 1, 1), wine, { ...wine, sku: 'GIN', name: 'Gin' }] }), true)).toEqual({ kind: 'needed', products: 'Red wine, Gin', mayConfirm: true, busy: false, error: null });
    const error = { code: 'conflict' as const, message: 'not open' };
    expect(selectAgeCheckView(panel({ status: 'settling', cart: [wine] }, { busy: true, error }), false)).toEqual({ kind: 'needed', products: 'Red wine', mayConfirm: false, busy: true, error });
  });

  it('shows who checked, and nothing without age-restricted lines, after the receipt or before the detail arrives', () => {
    expect(selectAgeCheckView(panel({ cart: [wine], ageCheck: { by: 'maria', t: 5 } }), false)).toEqual({ kind: 'checked', by: 'maria', t: 5 });
    expect(selectAgeCheckView(panel({ cart: [line('a', 1, 1)] }), true)).toEqual({ kind: 'none' });
    expect(selectAgeCheckView(panel({ cart: [{ ...wine, quantity: 0 }] }), true)).toEqual({ kind: 'none' });
    expect(selectAgeCheckView(panel({ status: 'closed', receipt: 'held-for-review', cart: [wine] }), true)).toEqual({ kind: 'none' });
    expect(selectAgeCheckView({ sessionId: 'S1', revision: 1, detail: { status: 'loading' }, ageCheck: noCheck }, true)).toEqual({ kind: 'none' });
  });
});

describe('shopperForEvent', () => {
  const frame = sampleLiveFrame(1000, [sampleShopper(3, 0, 0), sampleShopper(4, 0, 0, { sessionId: 'S77' })]);

  it('finds the event’s own track, else its session’s shopper, else nobody', () => {
    expect(shopperForEvent(frame, { seq: 1, t: 0, kind: 'tailgating', gate: 'in', trackId: 3 })).toBe(3);
    expect(shopperForEvent(frame, { seq: 1, t: 0, kind: 'session-flagged', sessionId: 'S77', reason: 'track-lost', trackId: 99 })).toBe(4);
    expect(shopperForEvent(frame, { seq: 1, t: 0, kind: 'receipt', sessionId: 'S1', status: 'charged', units: 0, totalMinor: 0 })).toBeNull();
    expect(shopperForEvent(frame, { seq: 1, t: 0, kind: 'gate-refused', gate: 'in', reason: 'expired' })).toBeNull();
    expect(shopperForEvent(null, { seq: 1, t: 0, kind: 'tailgating', gate: 'in', trackId: 3 })).toBeNull();
  });
});
