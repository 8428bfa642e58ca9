import { describe, expect, it } from 'vitest';
import { ApiError, type EventWeights, type SessionReplay } from '../../../../native-bridge/contract';
import { createAppStore } from '../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../testing/test-double-api-client';
import { sampleReplay, T } from './replay-test-data';

function setup() {
  const client = new TestDoubleApiClient();
  client.answer('getSessionReplay', () => sampleReplay());
  client.answer('getEventWeights', ({ eventId }) => ({ eventId, fromMs: T, toMs: T + 5000, curves: [] }));
  const store = createAppStore({ client });
  return { client, replay: () => store.getState().replay };
}

async function opened() {
  const s = setup();
  await s.replay().open('r1.S1');
  return s;
}

describe('replay slice: finding and opening', () => {
  it('searches with the query as typed, leaving out open time bounds', async () => {
    const { client, replay } = setup();
    client.answer('searchSessions', () => ({ sessions: [], matchedProducts: [], more: false }));
    replay().setQuery({ text: 'r1.S', product: 'apple', fromMs: T });
    const searching = replay().search();
    expect(replay().results).toEqual({ status: 'loading' });
    await searching;
    expect(client.callsOf('searchSessions')).toEqual([{ text: 'r1.S', product: 'apple', flaggedOnly: false, fromMs: T }]);
    expect(replay().results.status).toBe('ready');
  });

  it('shows a failed search and a failed replay as errors', async () => {
    const { client, replay } = setup();
    client.answer('searchSessions', () => Promise.reject(new ApiError('invalid_input', 'searchSessions: toMs: from must be before to')));
    await replay().search();
    expect(replay().results).toEqual({ status: 'error', error: { code: 'invalid_input', message: 'searchSessions: toMs: from must be before to' } });
    client.answer('getSessionReplay', () => Promise.reject(new ApiError('not_found', 'no session r9.S1')));
    await replay().open('r9.S1');
    expect(replay().replay).toEqual({ status: 'error', error: { code: 'not_found', message: 'no session r9.S1' } });
  });

  it('opens a replay paused at its start; the latest open wins', async () => {
    const { client, replay } = setup();
    const slow = deferred<SessionReplay>();
    client.answer('getSessionReplay', ({ sessionId }) => (sessionId === 'r1.S1' ? slow.promise : sampleReplay({ startMs: T + 5 })));
    const first = replay().open('r1.S1');
    await replay().open('r1.S2');
    slow.resolve(sampleReplay());
    await first;
    expect(replay().selected).toBe('r1.S2');
    expect(replay().playhead).toBe(T + 5);
    expect(replay().playing).toBe(false);
  });
});

describe('replay slice: playback', () => {
  it('plays at the chosen speed frame by frame and stops at the end', async () => {
    const { replay } = await opened();
    replay().advance(1000);
    expect(replay().playhead).toBe(T);
    replay().play();
    replay().advance(1000);
    expect(replay().playhead).toBe(T + 1000);
    replay().setSpeed(16);
    replay().advance(1000);
    expect(replay().playhead).toBe(T + 17_000);
    replay().advance(60_000);
    expect(replay().playhead).toBe(T + 60_000);
    expect(replay().playing).toBe(false);
    replay().play();
    expect(replay().playhead).toBe(T);
  });

  it('pauses, toggles, seeks within the session and changes speed by steps', async () => {
    const { replay } = await opened();
    replay().togglePlay();
    expect(replay().playing).toBe(true);
    replay().togglePlay();
    expect(replay().playing).toBe(false);
    replay().seek(T + 30_000);
    expect(replay().playhead).toBe(T + 30_000);
    replay().seekBy(-99_000);
    expect(replay().playhead).toBe(T);
    replay().changeSpeed(1);
    replay().changeSpeed(1);
    expect(replay().speed).toBe(4);
    replay().changeSpeed(-1);
    expect(replay().speed).toBe(2);
  });

  it('steps from moment to moment', async () => {
    const { replay } = await opened();
    replay().stepMoment(1);
    expect(replay().playhead).toBe(T + 10_000);
    replay().stepMoment(1);
    expect(replay().playhead).toBe(T + 20_000);
    replay().stepMoment(-1);
    expect(replay().playhead).toBe(T + 10_000);
  });

  it('opens an event’s evidence: seeks to it and fetches its weights once', async () => {
    const { client, replay } = await opened();
    const weights = deferred<EventWeights>();
    client.answer('getEventWeights', () => weights.promise);
    replay().focusEvent('E2');
    expect(replay().focusedEventId).toBe('E2');
    expect(replay().playhead).toBe(T + 19_000);
    expect(replay().weights.E2).toEqual({ status: 'loading' });
    weights.resolve({ eventId: 'E2', fromMs: T, toMs: T + 1, curves: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(replay().weights.E2?.status).toBe('ready');
    replay().focusEvent('E2');
    expect(client.callsOf('getEventWeights')).toEqual([{ sessionId: 'r1.S1', eventId: 'E2' }]);
    replay().focusEvent(null);
    expect(replay().focusedEventId).toBeNull();
  });
});
