import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../../../native-bridge/contract';
import { FEED_KEPT, TOASTS_KEPT, dismissToast, emptyFeed, eventSeverity, isToastWorthy, mergeFeed } from './live-feed';

const admitted = (seq: number): LiveEvent => ({ seq, t: seq * 1000, kind: 'gate-admitted', gate: 'in', sessionId: `S${seq}`, groupSize: 1 });
const tailgating = (seq: number): LiveEvent => ({ seq, t: seq * 1000, kind: 'tailgating', gate: 'in', trackId: seq });
const range = (from: number, to: number, make: (seq: number) => LiveEvent = admitted) => Array.from({ length: to - from + 1 }, (_, i) => make(from + i));

describe('mergeFeed', () => {
  it('takes a first frame’s events as history: listed newest first, no toasts', () => {
    const state = mergeFeed(emptyFeed, [admitted(1), tailgating(2)], true);
    expect(state.feed.map((e) => e.seq)).toEqual([2, 1]);
    expect(state.lastSeq).toBe(2);
    expect(state.toasts).toEqual([]);
  });

  it('keeps each event once however many frames carry it, and toasts only the news that needs eyes', () => {
    let state = mergeFeed(emptyFeed, [admitted(1)], true);
    state = mergeFeed(state, [admitted(1), admitted(2), tailgating(3)], false);
    state = mergeFeed(state, [admitted(1), admitted(2), tailgating(3)], false);
    expect(state.feed.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(state.toasts.map((e) => e.seq)).toEqual([3]);
  });

  it('returns the same state when nothing is new, so nobody re-renders', () => {
    const state = mergeFeed(emptyFeed, [admitted(1)], true);
    expect(mergeFeed(state, [admitted(1)], false)).toBe(state);
    expect(mergeFeed(state, [], false)).toBe(state);
    expect(mergeFeed(state, undefined, false)).toBe(state);
  });

  it('starts over when the host’s numbers go back (a new feed), without toasting its history', () => {
    let state = mergeFeed(emptyFeed, range(1, 40), true);
    state = mergeFeed(state, [tailgating(41)], false);
    expect(state.toasts.map((e) => e.seq)).toEqual([41]);
    state = mergeFeed(state, [admitted(1), tailgating(2)], false);
    expect(state.feed.map((e) => e.seq)).toEqual([2, 1]);
    expect(state.lastSeq).toBe(2);
    // The old feed's toasts go with it: their numbers would clash with the new feed's.
    expect(state.toasts).toEqual([]);
  });

  it('keeps at most FEED_KEPT events and TOASTS_KEPT toasts, the newest', () => {
    let state = mergeFeed(emptyFeed, [admitted(1)], true);
    state = mergeFeed(state, range(2, FEED_KEPT + 10, tailgating), false);
    expect(state.feed).toHaveLength(FEED_KEPT);
    expect(state.feed[0]!.seq).toBe(FEED_KEPT + 10);
    expect(state.toasts.map((e) => e.seq)).toEqual(range(FEED_KEPT + 11 - TOASTS_KEPT, FEED_KEPT + 10).map((e) => e.seq).reverse());
  });

  it('drops warnings before alerts when there are too many toasts', () => {
    let state = mergeFeed(emptyFeed, [], true);
    const refused = (seq: number): LiveEvent => ({ seq, t: seq, kind: 'gate-refused', gate: 'in', reason: 'expired' });
    state = mergeFeed(state, [tailgating(1), ...range(2, TOASTS_KEPT + 3, refused)], false);
    expect(state.toasts).toHaveLength(TOASTS_KEPT);
    expect(state.toasts.map((e) => e.kind)).toContain('tailgating');
    expect(state.toasts[0]!.seq).toBe(TOASTS_KEPT + 3);
  });

  it('dismisses one toast, and is a no-op for one already gone', () => {
    let state = mergeFeed(emptyFeed, [], true);
    state = mergeFeed(state, [tailgating(1), tailgating(2)], false);
    const after = dismissToast(state, 1);
    expect(after.toasts.map((e) => e.seq)).toEqual([2]);
    expect(dismissToast(after, 1)).toBe(after);
  });
});

describe('event severity and toasts', () => {
  it('ranks tailgating as an alert, trouble as a warning, the rest as information', () => {
    expect(eventSeverity(tailgating(1))).toBe('alert');
    expect(eventSeverity({ seq: 1, t: 0, kind: 'gate-refused', gate: 'in', reason: 'reused' })).toBe('warning');
    expect(eventSeverity({ seq: 1, t: 0, kind: 'receipt', sessionId: 'S1', status: 'held-for-review', units: 1, totalMinor: 1 })).toBe('warning');
    expect(eventSeverity({ seq: 1, t: 0, kind: 'receipt', sessionId: 'S1', status: 'charged', units: 1, totalMinor: 1 })).toBe('info');
    expect(eventSeverity(admitted(1))).toBe('info');
    expect(eventSeverity({ seq: 1, t: 0, kind: 'device-down', device: 'C1', deviceKind: 'shelf-controller', state: 'offline' })).toBe('warning');
  });

  it('toasts tailgating, refused scans and devices going down; not check-ins or receipts', () => {
    expect(isToastWorthy(tailgating(1))).toBe(true);
    expect(isToastWorthy({ seq: 1, t: 0, kind: 'gate-refused', gate: 'in', reason: 'expired' })).toBe(true);
    expect(isToastWorthy({ seq: 1, t: 0, kind: 'device-down', device: 'C1', deviceKind: 'camera', state: 'offline' })).toBe(true);
    expect(isToastWorthy(admitted(1))).toBe(false);
    expect(isToastWorthy({ seq: 1, t: 0, kind: 'device-up', device: 'C1', deviceKind: 'camera' })).toBe(false);
  });
});
