import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, resetAppStore, type AppStore } from '../../../state/app-store';
import { sampleLiveFrame, sampleShopper } from '../../../testing/sample-data';
import { ApiError, type LiveDevices, type LiveEvent, type LiveSessionDetail } from '../../../../../native-bridge/contract';
import { TestDoubleApiClient, deferred } from '../../../testing/test-double-api-client';
import { DEFAULT_FRAME_INTERVAL_MS, initialLiveFloorState } from './live-floor-slice';
import { selectTrailPolyline } from './live-selectors';

let client: TestDoubleApiClient;
let store: AppStore;
const live = () => store.getState().liveFloor;

beforeEach(() => {
  client = new TestDoubleApiClient('open');
  store = createAppStore({ client });
});

describe('live floor slice: subscription', () => {
  it('starts empty and unsubscribed', () => {
    expect(live()).toMatchObject({ frame: null, selectedTrackId: null, attached: false });
    expect(client.subscriberCount('liveFloor')).toBe(0);
  });

  it('subscribes on attach and keeps the frames the client pushes', () => {
    live().attach();
    expect(client.subscriberCount('liveFloor')).toBe(1);
    const frame = sampleLiveFrame(1000, [sampleShopper(1, 2, 3)]);
    client.push('liveFloor', frame);
    expect(live().frame).toBe(frame);
    expect(live().attached).toBe(true);
  });

  it('unsubscribes and forgets the feed on detach', () => {
    const detach = live().attach();
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 2, 3)]));
    live().select(1);
    detach();
    expect(client.subscriberCount('liveFloor')).toBe(0);
    expect(live()).toMatchObject({ frame: null, selectedTrackId: null, attached: false });
    expect(live().trails.size).toBe(0);
  });

  it('survives StrictMode’s attach, detach, attach with exactly one subscription', () => {
    const first = live().attach();
    first();
    const second = live().attach();
    expect(client.subscriberCount('liveFloor')).toBe(1);
    client.push('liveFloor', sampleLiveFrame(1000));
    expect(live().frame).not.toBeNull();
    second();
    expect(client.subscriberCount('liveFloor')).toBe(0);
  });

  it('a stale detach does not end a newer subscription', () => {
    const first = live().attach();
    live().attach();
    first();
    expect(client.subscriberCount('liveFloor')).toBe(1);
    client.push('liveFloor', sampleLiveFrame(1000));
    expect(live().frame?.t).toBe(1000);
  });

  it('reset unsubscribes and goes back to the first state', () => {
    live().attach();
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(4, 0, 0)]));
    live().select(4);
    resetAppStore(store);
    expect(client.subscriberCount('liveFloor')).toBe(0);
    expect(live()).toMatchObject(initialLiveFloorState());
    expect(live().trails.size).toBe(0);
  });
});

describe('live floor slice: frames and trails', () => {
  beforeEach(() => {
    live().attach();
  });

  it('builds a trail per track from successive frames', () => {
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 0, 0), sampleShopper(2, 5, 5)]));
    client.push('liveFloor', sampleLiveFrame(2000, [sampleShopper(1, 1, 0), sampleShopper(2, 5, 6)]));
    client.push('liveFloor', sampleLiveFrame(3000, [sampleShopper(1, 2, 0), sampleShopper(2, 5, 7)]));
    expect(selectTrailPolyline(live(), 1)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    expect(selectTrailPolyline(live(), 2)).toHaveLength(3);
  });

  it('drops the trail of a track that disappears', () => {
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 0, 0), sampleShopper(2, 5, 5)]));
    client.push('liveFloor', sampleLiveFrame(1100, [sampleShopper(1, 0.1, 0)]));
    expect(selectTrailPolyline(live(), 2)).toEqual([]);
    expect(live().trails.size).toBe(1);
  });

  it('ignores a repeated or late frame, which would animate shoppers backwards', () => {
    const latest = sampleLiveFrame(2000, [sampleShopper(1, 2, 0)]);
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 1, 0)]));
    client.push('liveFloor', latest);
    client.push('liveFloor', sampleLiveFrame(2000, [sampleShopper(1, 9, 9)]));
    client.push('liveFloor', sampleLiveFrame(1500, [sampleShopper(1, 9, 9)]));
    expect(live().frame).toBe(latest);
    expect(selectTrailPolyline(live(), 1)).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('starts afresh when store time jumps far back (a restarted simulation)', () => {
    client.push('liveFloor', sampleLiveFrame(10_000_000, [sampleShopper(1, 1, 0)]));
    client.push('liveFloor', sampleLiveFrame(10_000_100, [sampleShopper(1, 2, 0)]));
    const restarted = sampleLiveFrame(5000, [sampleShopper(1, 7, 7)]);
    client.push('liveFloor', restarted);
    expect(live().frame).toBe(restarted);
    expect(selectTrailPolyline(live(), 1)).toEqual([[7, 7]]);
  });

  it('learns the frame interval from arrival times, smoothed and clamped', () => {
    live().receiveFrame(sampleLiveFrame(0), 1000);
    expect(live().frameIntervalMs).toBe(DEFAULT_FRAME_INTERVAL_MS);
    for (let i = 1; i <= 30; i++) live().receiveFrame(sampleLiveFrame(i * 1000), 1000 + i * 250);
    expect(live().frameIntervalMs).toBeCloseTo(250, 0);
    expect(live().receivedAt).toBe(1000 + 30 * 250);
    for (let i = 31; i <= 60; i++) live().receiveFrame(sampleLiveFrame(i * 1000), 1000 + 30 * 250 + (i - 30) * 5000);
    expect(live().frameIntervalMs).toBe(1000);
  });

  it('keeps up with 300 shoppers at 10 Hz for a minute of frames', () => {
    const started = performance.now();
    for (let f = 0; f < 600; f++) {
      const t = f * 100;
      const shoppers = Array.from({ length: 300 }, (_, i) => sampleShopper(i + 1, (i % 30) + Math.sin(t / 3000 + i), Math.floor(i / 30) * 2));
      client.push('liveFloor', sampleLiveFrame(t, shoppers));
    }
    expect(live().trails.size).toBe(300);
    expect(selectTrailPolyline(live(), 1).length).toBeLessThanOrEqual(64);
    // Generous: the point is that per-frame work is linear and small, not a benchmark.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('live floor slice: selection', () => {
  beforeEach(() => {
    live().attach();
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(3, 0, 0), sampleShopper(10, 1, 1), sampleShopper(7, 2, 2)]));
  });

  it('selects and clears a shopper', () => {
    live().select(7);
    expect(live().selectedTrackId).toBe(7);
    live().select(null);
    expect(live().selectedTrackId).toBeNull();
  });

  it('steps through shoppers by track id, wrapping round', () => {
    const next = () => {
      live().selectAdjacent(1);
      return live().selectedTrackId;
    };
    expect([next(), next(), next(), next()]).toEqual([3, 7, 10, 3]);
    live().selectAdjacent(-1);
    expect(live().selectedTrackId).toBe(10);
    live().selectAdjacent(-1);
    expect(live().selectedTrackId).toBe(7);
  });

  it('starts from the end when stepping back with nothing selected', () => {
    live().selectAdjacent(-1);
    expect(live().selectedTrackId).toBe(10);
  });

  it('does nothing with nobody on the floor', () => {
    client.push('liveFloor', sampleLiveFrame(2000, []));
    live().selectAdjacent(1);
    expect(live().selectedTrackId).toBeNull();
  });

  it('keeps the selection when the track leaves, so the panel can say so', () => {
    live().select(10);
    client.push('liveFloor', sampleLiveFrame(2000, [sampleShopper(3, 0, 0)]));
    expect(live().selectedTrackId).toBe(10);
  });
});

describe('live floor slice: event feed and devices', () => {
  const refused = (seq: number): LiveEvent => ({ seq, t: seq, kind: 'gate-refused', gate: 'in', reason: 'reused' });

  beforeEach(() => {
    live().attach();
  });

  it('takes the first frame’s events as history and later ones as news', () => {
    client.push('liveFloor', sampleLiveFrame(1000, [], { events: [refused(1)] }));
    expect(live().feed.feed.map((e) => e.seq)).toEqual([1]);
    expect(live().feed.toasts).toEqual([]);
    client.push('liveFloor', sampleLiveFrame(1100, [], { events: [refused(1), refused(2)] }));
    expect(live().feed.toasts.map((e) => e.seq)).toEqual([2]);
    live().dismissToast(2);
    expect(live().feed.toasts).toEqual([]);
    expect(live().feed.feed.map((e) => e.seq)).toEqual([2, 1]);
  });

  it('keeps one devices object while the faults stay the same', () => {
    const devices = (online: number): LiveDevices => ({ online, faults: [{ device: 'C1', kind: 'shelf-controller', state: 'offline', since: 5 }] });
    client.push('liveFloor', sampleLiveFrame(1000, [], { devices: devices(3) }));
    const first = live().devices;
    client.push('liveFloor', sampleLiveFrame(1100, [], { devices: devices(3) }));
    expect(live().devices).toBe(first);
    client.push('liveFloor', sampleLiveFrame(1200, [], { devices: devices(4) }));
    expect(live().devices).not.toBe(first);
    expect(live().devices?.online).toBe(4);
  });

  it('forgets the feed and devices on detach', () => {
    client.push('liveFloor', sampleLiveFrame(1000, [], { events: [refused(1)], devices: { online: 1, faults: [] } }));
    live().reset();
    expect(live().feed.feed).toEqual([]);
    expect(live().devices).toBeNull();
  });
});

describe('live floor slice: the selected shopper’s session', () => {
  const detail = (revision: number, patch: Partial<LiveSessionDetail> = {}): LiveSessionDetail => ({
    id: 'S1',
    anonymous: false,
    gate: 'in',
    openedAt: 0,
    status: 'open',
    trackIds: [1],
    cart: [{ sku: 'MILK', name: 'Milk', quantity: revision, confidence: 0.9, unitPriceMinor: 100 }],
    pending: [],
    flags: [],
    events: [],
    revision,
    ...patch,
  });
  const frameWith = (t: number, revision: number) =>
    sampleLiveFrame(t, [sampleShopper(1, 0, 0, { revision, cartUnits: revision }), sampleShopper(2, 1, 1, { state: 'unbound', sessionId: undefined })]);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    live().attach();
  });

  it('fetches the session on select, and again only when its revision moves on', async () => {
    client.answer('getLiveSession', ({ sessionId }) => detail(sessionId === 'S1' ? 1 : 0));
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    expect(live().session.detail.status).toBe('loading');
    await settle();
    expect(live().session.detail).toMatchObject({ status: 'ready', data: { id: 'S1', revision: 1 } });
    client.push('liveFloor', frameWith(1100, 1));
    client.push('liveFloor', frameWith(1200, 1));
    expect(client.callsOf('getLiveSession')).toEqual([{ sessionId: 'S1' }]);

    client.answer('getLiveSession', () => detail(2));
    client.push('liveFloor', frameWith(1300, 2));
    // The older cart stays on screen while the newer one is on its way.
    expect(live().session.detail).toMatchObject({ status: 'ready', data: { revision: 1 } });
    await settle();
    expect(live().session.detail).toMatchObject({ status: 'ready', data: { revision: 2 } });
    expect(client.callsOf('getLiveSession')).toHaveLength(2);
  });

  it('asks nothing for a shopper with no session, and drops the session when the selection is cleared', async () => {
    client.answer('getLiveSession', () => detail(1));
    client.push('liveFloor', frameWith(1000, 1));
    live().select(2);
    expect(live().session).toEqual({ sessionId: null, revision: null, detail: { status: 'idle' }, ageCheck: { busy: false, error: null } });
    live().select(1);
    await settle();
    live().select(null);
    expect(live().session.detail.status).toBe('idle');
    expect(client.callsOf('getLiveSession')).toHaveLength(1);
  });

  it('shows an error, does not retry on every frame, and retries when asked', async () => {
    client.answer('getLiveSession', () => {
      throw new ApiError('not_found', 'session S1 is gone');
    });
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    await settle();
    expect(live().session.detail).toEqual({ status: 'error', error: { code: 'not_found', message: 'session S1 is gone' } });
    client.push('liveFloor', frameWith(1100, 1));
    expect(client.callsOf('getLiveSession')).toHaveLength(1);
    client.answer('getLiveSession', () => detail(1));
    live().retrySession();
    expect(live().session.detail.status).toBe('loading');
    await settle();
    expect(live().session.detail.status).toBe('ready');
  });

  it('ignores an answer that arrives after the selection moved to another session', async () => {
    const slow = deferred<LiveSessionDetail>();
    client.answer('getLiveSession', () => slow.promise);
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 0, 0, { revision: 1 }), sampleShopper(3, 0, 0, { sessionId: 'S3', revision: 1 })]));
    live().select(1);
    client.answer('getLiveSession', () => detail(1, { id: 'S3' }));
    live().select(3);
    await settle();
    slow.resolve(detail(5));
    await settle();
    expect(live().session.sessionId).toBe('S3');
    expect(live().session.detail).toMatchObject({ status: 'ready', data: { id: 'S3' } });
  });

  it('never goes back to an older revision when answers cross', async () => {
    const first = deferred<LiveSessionDetail>();
    client.answer('getLiveSession', () => first.promise);
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    client.answer('getLiveSession', () => detail(2));
    client.push('liveFloor', frameWith(1100, 2));
    await settle();
    first.resolve(detail(1));
    await settle();
    expect(live().session.detail).toMatchObject({ status: 'ready', data: { revision: 2 } });
  });

  it('confirms an ID check for the selected session and shows the host’s answer at once', async () => {
    client.answer('getLiveSession', () => detail(1));
    const answer = deferred<{ sessionId: string; ageCheck: { by: string; t: number } }>();
    client.answer('confirmAgeCheck', () => answer.promise);
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    await settle();
    const done = live().confirmAgeCheck('passport');
    expect(live().session.ageCheck).toEqual({ busy: true, error: null });
    expect(await live().confirmAgeCheck()).toBe(false); // one at a time
    answer.resolve({ sessionId: 'S1', ageCheck: { by: 'maria', t: 1500 } });
    expect(await done).toBe(true);
    expect(client.callsOf('confirmAgeCheck')).toEqual([{ sessionId: 'S1', note: 'passport' }]);
    expect(live().session).toMatchObject({ ageCheck: { busy: false, error: null }, detail: { status: 'ready', data: { ageCheck: { by: 'maria', t: 1500 } } } });
  });

  it('keeps a refused ID check’s reason for the panel, and does nothing with no session selected', async () => {
    expect(await live().confirmAgeCheck()).toBe(false);
    expect(client.callsOf('confirmAgeCheck')).toEqual([]);
    client.answer('getLiveSession', () => detail(1));
    client.answer('confirmAgeCheck', () => {
      throw new ApiError('conflict', 'confirmAgeCheck: session S1 is not open');
    });
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    await settle();
    expect(await live().confirmAgeCheck()).toBe(false);
    expect(live().session.ageCheck).toEqual({ busy: false, error: expect.objectContaining({ code: 'conflict', message: 'confirmAgeCheck: session S1 is not open' }) });
    const shown = live().session.detail;
    expect(shown.status === 'ready' ? shown.data.ageCheck : 'not shown').toBeUndefined();
  });

  it('keeps the last cart when the selected shopper leaves the floor', async () => {
    client.answer('getLiveSession', () => detail(1));
    client.push('liveFloor', frameWith(1000, 1));
    live().select(1);
    await settle();
    client.push('liveFloor', sampleLiveFrame(1100, []));
    expect(live().session.detail.status).toBe('ready');
  });
});
