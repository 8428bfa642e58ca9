import { describe, expect, it } from 'vitest';
import type { EngineDecision } from '../engine/decisions';
import type { LiveSession } from '../engine/fusion/session';
import { loadDemoStore } from '../store/load';
import { LiveFloor } from './live-floor';
import { LIVE_EVENTS_KEPT } from './live-floor-events';

const store = loadDemoStore();
const [product, other] = store.catalog;
const controller = store.layout.fixtures[0]!.shelves[0]!.plates[0]!.device.controller;
const camera = store.cameras[0]!.id;

function openSession(id: string, patch: Partial<LiveSession> = {}): LiveSession {
  return { id, tokenNonce: `n-${id}`, gate: 'entry', openedMs: 0, groupSize: 1, status: 'open', members: [], cart: [], flags: [], pending: [], ...patch };
}

function admit(floor: LiveFloor, sessionId: string, trackId: number, t: number): void {
  const decisions: EngineDecision[] = [
    { kind: 'gate-admitted', t, gate: 'entry', sessionId, account: 'acc', groupSize: 1, tokenNonce: `n-${sessionId}`, expiresAtMs: t + 60_000 },
    { kind: 'session-member', t: t + 500, sessionId, trackId, via: 'admission', gate: 'entry' },
    { kind: 'track-point', t: t + 500, trackId, x: 2, y: 3 },
  ];
  for (const d of decisions) floor.observe(d);
}

describe('LiveFloor frames', () => {
  it('puts each shopper with its session, state, cart units and the session revision', () => {
    const floor = new LiveFloor(store, 'simulator', 10);
    admit(floor, 'S1', 7, 1000);
    floor.observe({ kind: 'track-point', t: 1500, trackId: 8, x: 5, y: 5 });
    const session = openSession('S1', { members: [{ trackId: 7, state: 'active' }], cart: [{ sku: product!.sku, quantity: 2, confidence: 0.9 }] });
    const frame = floor.frame(1600, [session]);
    expect(frame.shoppers).toEqual([
      { trackId: 7, x: 2, y: 3, sessionId: 'S1', revision: expect.any(Number), state: 'session', cartUnits: 2 },
      { trackId: 8, x: 5, y: 5, state: 'unbound', cartUnits: 0 },
    ]);
    expect(frame.counters).toEqual({ openSessions: 1, entered: 1, receipts: 0, heldForReview: 0, tailgating: 0 });
  });

  it('bumps a shopper’s revision when their cart changes, and not otherwise', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    admit(floor, 'S1', 7, 1000);
    const members = [{ trackId: 7, state: 'active' as const }];
    const first = floor.frame(1600, [openSession('S1', { members })]).shoppers[0]!.revision!;
    expect(floor.frame(1700, [openSession('S1', { members })]).shoppers[0]!.revision).toBe(first);
    const withCart = openSession('S1', { members, cart: [{ sku: product!.sku, quantity: 1, confidence: 0.8 }] });
    expect(floor.frame(1800, [withCart]).shoppers[0]!.revision).toBeGreaterThan(first);
  });

  it('names a flagged session’s shopper flagged and a tailgater’s anonymous', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    floor.observe({ kind: 'track-point', t: 100, trackId: 1, x: 1, y: 1 });
    floor.observe({ kind: 'track-point', t: 100, trackId: 2, x: 1, y: 1 });
    const frame = floor.frame(200, [
      openSession('S1', { members: [{ trackId: 1, state: 'active' }], flags: ['close-second'] }),
      openSession('A1', { tokenNonce: undefined, members: [{ trackId: 2, state: 'active' }] }),
    ]);
    expect(frame.shoppers.map((s) => s.state)).toEqual(['flagged', 'anonymous']);
  });

  it('leaves off tracks unseen for longer than the stale limit', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    floor.observe({ kind: 'track-point', t: 0, trackId: 1, x: 1, y: 1 });
    expect(floor.frame(1000, []).shoppers).toHaveLength(1);
    expect(floor.frame(2000, []).shoppers).toHaveLength(0);
  });
});

describe('LiveFloor event feed', () => {
  it('numbers gate events, refusals, tailgating, flags and receipts in order', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    admit(floor, 'S1', 7, 1000);
    floor.observe({ kind: 'gate-refused', t: 2000, gate: 'entry', reason: 'reused', claimedNonce: 'n-S1', admittedSessionId: 'S1' });
    floor.observe({ kind: 'tailgating-alert', t: 2100, gate: 'entry', trackId: 9, sessionId: 'A1', evidence: 'track-crossing' });
    floor.observe({ kind: 'session-flag', t: 2200, sessionId: 'S1', reason: 'close-second', detail: 'runner-up', eventId: 'e1' });
    floor.observe({ kind: 'session-flag', t: 2300, sessionId: 'S1', reason: 'close-second', detail: 'again', eventId: 'e2' });
    floor.observe({ kind: 'session-flag', t: 2300, sessionId: 'A1', reason: 'tailgating', detail: 'no scan' });
    floor.observe({
      kind: 'receipt',
      t: 3000,
      sessionId: 'S1',
      status: 'held-for-review',
      lines: [{ sku: product!.sku, quantity: 2, confidence: 0.7 }],
      flags: ['close-second'],
    });
    const events = floor.frame(3000, []).events!;
    expect(events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'gate-admitted'],
      [2, 'gate-refused'],
      [3, 'tailgating'],
      [4, 'session-flagged'],
      [5, 'receipt'],
    ]);
    expect(events[1]).toMatchObject({ gate: 'entry', reason: 'reused' });
    expect(events[2]).toMatchObject({ trackId: 9, sessionId: 'A1' });
    expect(events[4]).toMatchObject({ status: 'held-for-review', units: 2, totalMinor: 2 * product!.priceMinor });
    const counters = floor.frame(3000, []).counters;
    expect(counters).toMatchObject({ entered: 1, receipts: 1, heldForReview: 1, tailgating: 1 });
  });

  it('keeps only the latest events, still numbered from the first', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    for (let i = 0; i < LIVE_EVENTS_KEPT + 5; i++) floor.observe({ kind: 'gate-refused', t: i, gate: 'entry', reason: 'expired' });
    const events = floor.frame(100, []).events!;
    expect(events).toHaveLength(LIVE_EVENTS_KEPT);
    expect(events[0]!.seq).toBe(6);
    expect(events.at(-1)!.seq).toBe(LIVE_EVENTS_KEPT + 5);
  });

  it('hands out the same events array until something new happens', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    floor.observe({ kind: 'gate-refused', t: 1, gate: 'entry', reason: 'expired' });
    const a = floor.frame(10, []).events;
    expect(floor.frame(20, []).events).toBe(a);
    floor.observe({ kind: 'gate-refused', t: 30, gate: 'entry', reason: 'expired' });
    expect(floor.frame(40, []).events).not.toBe(a);
  });
});

describe('LiveFloor device health', () => {
  it('lists devices that went down with their kind and since when, and says when they are back', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    floor.observeInput({ kind: 'device-status', device: controller, t: 0, state: 'online', detail: 'connected' });
    floor.observeInput({ kind: 'device-status', device: camera, t: 0, state: 'online' });
    floor.observeInput({ kind: 'device-status', device: controller, t: 5000, state: 'offline', detail: 'no data' });
    floor.observeInput({ kind: 'device-status', device: controller, t: 6000, state: 'offline', detail: 'no data' });
    floor.observeInput({ kind: 'device-status', device: 'mystery-box', t: 6500, state: 'error', detail: 'bad checksum' });
    let frame = floor.frame(7000, []);
    expect(frame.devices).toEqual({
      online: 1,
      faults: [
        { device: controller, kind: 'shelf-controller', state: 'offline', since: 5000, detail: 'no data' },
        { device: 'mystery-box', kind: 'other', state: 'error', since: 6500, detail: 'bad checksum' },
      ].sort((a, b) => (a.device < b.device ? -1 : 1)),
    });
    floor.observeInput({ kind: 'device-status', device: controller, t: 9000, state: 'online', detail: 'reporting again' });
    frame = floor.frame(9000, []);
    expect(frame.devices!.faults.map((f) => f.device)).toEqual(['mystery-box']);
    expect(frame.events!.map((e) => e.kind)).toEqual(['device-down', 'device-down', 'device-up']);
    expect(frame.events![0]).toMatchObject({ device: controller, deviceKind: 'shelf-controller', state: 'offline' });
  });

  it('knows cameras and gate scanners of the store', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    const scanner = store.layout.gates.find((g) => g.scanner)!.scanner!.serial;
    floor.observeInput({ kind: 'device-status', device: camera, t: 1, state: 'offline' });
    floor.observeInput({ kind: 'device-status', device: scanner, t: 2, state: 'error' });
    const kinds = Object.fromEntries(floor.frame(3, []).devices!.faults.map((f) => [f.device, f.kind]));
    expect(kinds).toEqual({ [camera]: 'camera', [scanner]: 'gate-scanner' });
  });
});

describe('LiveFloor session details', () => {
  it('keeps the cart with confidences and the session’s history, and hands out changes once', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    admit(floor, 'S1', 7, 1000);
    floor.observe({ kind: 'attribution', t: 4000, eventId: 'e1', sessionId: 'S1', probability: 0.93, basis: 'posterior', candidates: [], nobody: { probability: 0.07 }, flags: [] });
    floor.observe({ kind: 'cart-change', t: 4000, sessionId: 'S1', eventId: 'e1', sku: product!.sku, quantity: 2, confidence: 0.9, hypothesisRank: 0 });
    floor.observe({ kind: 'cart-change', t: 5000, sessionId: 'S1', eventId: 'e2', sku: other!.sku, quantity: -1, confidence: 0.6, hypothesisRank: 1 });
    const cart = [{ sku: product!.sku, quantity: 2, confidence: 0.9 }];
    floor.frame(5000, [openSession('S1', { members: [{ trackId: 7, state: 'active' }], cart })]);
    const changes = floor.takeSessionChanges()!;
    expect(changes.forgotten).toEqual([]);
    const detail = changes.changed.find((s) => s.id === 'S1')!;
    expect(detail).toMatchObject({ anonymous: false, gate: 'entry', openedAt: 1000, status: 'open', trackIds: [7] });
    expect(detail.cart).toEqual([{ sku: product!.sku, name: product!.name, quantity: 2, confidence: 0.9, unitPriceMinor: product!.priceMinor }]);
    expect(detail.events.map((e) => e.kind)).toEqual(['admitted', 'member', 'cart', 'cart']);
    expect(detail.events[2]).toMatchObject({ sku: product!.sku, name: product!.name, quantity: 2, confidence: 0.9, attribution: 0.93 });
    expect(detail.events[3]).not.toHaveProperty('attribution');
    expect(floor.takeSessionChanges()).toBeNull();
  });

  it('closes a session on its receipt, with the receipt’s lines', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    admit(floor, 'S1', 7, 1000);
    floor.takeSessionChanges();
    floor.observe({ kind: 'receipt', t: 9000, sessionId: 'S1', status: 'charged', lines: [{ sku: product!.sku, quantity: 1, confidence: 0.97 }], flags: [] });
    const detail = floor.takeSessionChanges()!.changed[0]!;
    expect(detail).toMatchObject({ status: 'closed', receipt: 'charged', cart: [{ sku: product!.sku, quantity: 1, confidence: 0.97 }] });
    expect(detail.events.at(-1)).toEqual({ t: 9000, kind: 'receipt', status: 'charged' });
  });

  it('names a product the catalog does not know by its SKU', () => {
    const floor = new LiveFloor(store, 'simulator', 1);
    admit(floor, 'S1', 7, 1000);
    floor.observe({ kind: 'cart-change', t: 4000, sessionId: 'S1', eventId: 'e1', sku: 'NOT-IN-CATALOG', quantity: 1, confidence: 0.5, hypothesisRank: 0 });
    const detail = floor.takeSessionChanges()!.changed[0]!;
    expect(detail.events.at(-1)).toMatchObject({ sku: 'NOT-IN-CATALOG', name: 'NOT-IN-CATALOG' });
  });
});
