import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../../native-bridge/contract';
import { createAppStore, resetAppStore, type AppStore } from '../../state/app-store';
import { sampleLiveFrame } from '../../testing/sample-data';
import { TestDoubleApiClient } from '../../testing/test-double-api-client';
import { initialGateDisplayState } from './gate-display-slice';
import { OUTCOME_SHOWN_MS } from './gate-outcomes';

let client: TestDoubleApiClient;
let store: AppStore;
const gate = () => store.getState().gateDisplay;

const admitted = (seq: number, at = 'entry-1', groupSize = 1): LiveEvent => ({ seq, t: seq, kind: 'gate-admitted', gate: at, sessionId: `S${seq}`, groupSize });
const refused = (seq: number, at = 'entry-1'): LiveEvent => ({ seq, t: seq, kind: 'gate-refused', gate: at, reason: 'reused' });
const tailgating = (seq: number, at = 'entry-1'): LiveEvent => ({ seq, t: seq, kind: 'tailgating', gate: at });
let t = 0;
/** A frame carrying `events` (the host's latest few), as the live stream pushes them. */
const push = (events: LiveEvent[]) => client.push('liveFloor', sampleLiveFrame((t += 100), [], { events }));

beforeEach(() => {
  vi.useFakeTimers();
  client = new TestDoubleApiClient('open');
  store = createAppStore({ client });
  t = 0;
});

afterEach(() => {
  resetAppStore(store);
  vi.useRealTimers();
});

describe('gate display slice: subscription', () => {
  it('starts idle and unsubscribed', () => {
    expect(gate()).toMatchObject(initialGateDisplayState());
    expect(client.subscriberCount('liveFloor')).toBe(0);
  });

  it('subscribes for one gate, and a stale detach does not end a newer subscription', () => {
    const first = gate().attach('entry-1');
    gate().attach('entry-2');
    first();
    expect(client.subscriberCount('liveFloor')).toBe(1);
    expect(gate()).toMatchObject({ gateId: 'entry-2', attached: true });
  });

  it('reset unsubscribes, cancels the pending return to idle and starts over', () => {
    gate().attach('entry-1');
    push([]);
    push([refused(1)]);
    resetAppStore(store);
    expect(client.subscriberCount('liveFloor')).toBe(0);
    expect(gate()).toMatchObject(initialGateDisplayState());
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('gate display slice: what the gate shows', () => {
  beforeEach(() => {
    gate().attach('entry-1');
  });

  it('takes the first frame’s events as history: nothing is shown for what happened before the screen opened', () => {
    push([admitted(1), refused(2)]);
    expect(gate()).toMatchObject({ source: 'simulator', lastSeq: 2, showing: null });
  });

  it('shows a welcome for this gate’s new admission, with the group size, then goes back to idle after 4 s', () => {
    push([admitted(1)]);
    push([admitted(1), admitted(2, 'entry-1', 3)]);
    expect(gate().showing).toEqual({ seq: 2, t: 2, kind: 'admitted', groupSize: 3 });
    vi.advanceTimersByTime(OUTCOME_SHOWN_MS.admitted - 1);
    expect(gate().showing).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(gate().showing).toBeNull();
    expect(OUTCOME_SHOWN_MS.admitted).toBe(4000);
  });

  it('shows a refusal with its reason for 6 s', () => {
    push([]);
    push([refused(1)]);
    expect(gate().showing).toMatchObject({ kind: 'refused', reason: 'reused' });
    vi.advanceTimersByTime(5999);
    expect(gate().showing).toMatchObject({ kind: 'refused' });
    vi.advanceTimersByTime(1);
    expect(gate().showing).toBeNull();
  });

  it('ignores other gates’ events and events that are not about a gate', () => {
    push([]);
    push([admitted(1, 'entry-2'), tailgating(2, 'entry-2'), { seq: 3, t: 3, kind: 'receipt', sessionId: 'S1', status: 'charged', units: 1, totalMinor: 100 }]);
    expect(gate().showing).toBeNull();
    expect(gate().lastSeq).toBe(3);
  });

  it('shows an event once however many frames repeat it', () => {
    push([]);
    push([refused(1)]);
    vi.advanceTimersByTime(OUTCOME_SHOWN_MS.refused);
    push([refused(1)]);
    push([refused(1)]);
    expect(gate().showing).toBeNull();
  });

  it('a newer outcome replaces the one on screen and gets its own full time', () => {
    push([]);
    push([admitted(1)]);
    vi.advanceTimersByTime(3000);
    push([admitted(1), tailgating(2)]);
    expect(gate().showing).toMatchObject({ kind: 'tailgating' });
    vi.advanceTimersByTime(OUTCOME_SHOWN_MS.tailgating - 1);
    expect(gate().showing).toMatchObject({ kind: 'tailgating' });
    vi.advanceTimersByTime(1);
    expect(gate().showing).toBeNull();
  });

  it('treats a feed numbered below what was seen as a restarted host: its events are history', () => {
    push([admitted(40)]);
    push([refused(1), refused(2)]);
    expect(gate()).toMatchObject({ lastSeq: 2, showing: null });
    push([refused(1), refused(2), admitted(3)]);
    expect(gate().showing).toMatchObject({ kind: 'admitted', seq: 3 });
  });

  it('records a host without a live feed', () => {
    client.push('liveFloor', sampleLiveFrame(1, [], { source: 'none' }));
    expect(gate()).toMatchObject({ source: 'none', lastSeq: 0, showing: null });
  });

  it('dismiss goes back to idle at once', () => {
    push([]);
    push([refused(1)]);
    gate().dismiss();
    expect(gate().showing).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
