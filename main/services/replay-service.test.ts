// Replay over a real store database: the story's decisions, the facts the live projection wrote
// (sessions, 2 Hz paths) and plate samples in the input log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../native-bridge/contract/errors';
import type { StoreDatabase } from '../db';
import type { PlateSamples } from '../engine/inputs';
import { RecordingWriter } from '../recording';
import { createReviewDesk } from '../review/review-desk';
import { RecordingIssuer, T0, storyDatabase, testStore } from '../review/test-support';
import { createReplayService, type ReplayService } from './replay-service';

let db: StoreDatabase;
let replay: ReplayService;

beforeEach(() => {
  db = storyDatabase(1);
  replay = createReplayService({ db, store: testStore });
});
afterEach(() => db.close());

const anyTime = { text: '', product: '', flaggedOnly: false, limit: 50 };

describe('finding a session', () => {
  it('lists every session newest first, named by run', () => {
    const found = replay.search(anyTime);
    expect(found.sessions.map((s) => s.sessionId)).toEqual(['r1.S3', 'r1.S2', 'r1.S1']);
    expect(found.sessions[2]).toMatchObject({ account: 'acct-1', anonymous: false, status: 'held-for-review', flags: ['close-second'], units: 2, valueMinor: 250 });
    expect(found.more).toBe(false);
  });

  it('finds by session key, by account prefix, by product name, flagged only and by entry time', () => {
    expect(replay.search({ ...anyTime, text: 'r1.S2' }).sessions.map((s) => s.sessionId)).toEqual(['r1.S2']);
    expect(replay.search({ ...anyTime, text: 'acct-3' }).sessions.map((s) => s.sessionId)).toEqual(['r1.S3']);
    const cheese = replay.search({ ...anyTime, product: 'chee' });
    expect(cheese.matchedProducts.map((p) => p.sku)).toEqual(['CHEESE']);
    expect(cheese.sessions.map((s) => s.sessionId)).toEqual(['r1.S3']);
    expect(replay.search({ ...anyTime, product: 'caviar' })).toEqual({ sessions: [], matchedProducts: [], more: false });
    expect(replay.search({ ...anyTime, flaggedOnly: true }).sessions.map((s) => s.sessionId)).toEqual(['r1.S2', 'r1.S1']);
    expect(replay.search({ ...anyTime, fromMs: T0 + 500, toMs: T0 + 1500 }).sessions.map((s) => s.sessionId)).toEqual(['r1.S2']);
    expect(replay.search({ ...anyTime, limit: 1 })).toMatchObject({ sessions: [{ sessionId: 'r1.S3' }], more: true });
  });
});

describe('replaying a session', () => {
  it('gives its path, its moments in time order, its events with plate positions, and its cart step by step', () => {
    const s1 = replay.replay('r1.S1');
    expect(s1.session).toMatchObject({ sessionId: 'r1.S1', status: 'held-for-review' });
    expect(s1.pathsRecorded).toBe(true);
    expect(s1.tracks.map((t) => t.trackId)).toEqual([1]);
    const path = s1.tracks[0]!;
    expect(path.t.length).toBeGreaterThan(100);
    expect(path.t.every((t, i) => i === 0 || t > path.t[i - 1]!)).toBe(true);
    expect([path.x[0], path.y[0]]).toEqual([expect.closeTo(1.5, 1), expect.closeTo(9.8, 1)]);
    expect(s1.startMs).toBeLessThanOrEqual(T0);
    expect(s1.endMs).toBe(T0 + 60_000);
    expect(s1.moments.map((m) => m.kind)).toEqual(['entered', 'joined', 'shelf-event', 'flag', 'shelf-event', 'receipt']);
    expect(s1.moments.map((m) => m.t)).toEqual([...s1.moments.map((m) => m.t)].sort((a, b) => a - b));
    expect(s1.moments[2]!.label).toBe('Took 1 × Apple at F1-S1 — charged to r1.S1 (p 0.55)');
    // The engine's flag names the runner-up by its bare id; replay names it by its key, like everything else.
    expect(s1.flags.map((f) => f.detail)).toEqual(['runner-up r1.S2 at 0.4 against 0.55']);
    expect(s1.moments[3]!.label).toBe('Flagged close-second: runner-up r1.S2 at 0.4 against 0.55');
    expect(s1.events.map((e) => [e.id, e.owner, e.plateFronts.map((p) => p.plate)])).toEqual([
      ['F1-S1#1', 'r1.S1', ['P1']],
      ['F1-S1#2', 'r1.S1', ['P2']],
    ]);
    expect(s1.events[0]!.plateFronts[0]).toEqual({ plate: 'P1', x: 4.25, y: expect.closeTo(5.3, 1) });
    expect(s1.cartSteps.map((c) => c.cart)).toEqual([[{ sku: 'APPLE', quantity: 1 }], [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }]]);
    expect(s1.receipt).toMatchObject({ status: 'held-for-review', totalMinor: 250 });
    expect(s1.products.map((p) => p.name)).toEqual(['Apple', 'Bread']);
  });

  it('shows a member track lost and found again, and an event a reviewer moved away', () => {
    createReviewDesk({ db, store: testStore, issuer: new RecordingIssuer(), now: () => 1 }).correct(
      { sessionId: 'r1.S1', action: { type: 'reassign-event', eventId: 'F1-S1#1', from: 'r1.S1', to: 'r1.S2' }, reason: 'wrong-shopper', note: '' },
      'rita',
    );
    const s2 = replay.replay('r1.S2');
    expect(s2.moments.filter((m) => m.trackId === 2).map((m) => m.label)).toEqual(['Track 2 joined (entered at in-2)', 'Track 2 lost', 'Track 2 found again']);
    expect(s2.events.find((e) => e.id === 'F1-S1#1')!.owner).toBe('r1.S2');
    expect(replay.replay('r1.S1').events.find((e) => e.id === 'F1-S1#1')!.owner).toBe('r1.S2');
  });

  it('answers not_found for a session that does not exist', () => {
    expect(() => replay.replay('r9.S1')).toThrow(ApiError);
    expect(() => replay.replay('r9.S1')).toThrow('no session r9.S1');
  });
});

describe('the weight curve behind an event', () => {
  function recordApplePlate(): void {
    // 60 Hz on P1 from 6 s before the apple was taken to 4 s after: 3600 g, then one apple less.
    const writer = new RecordingWriter(db);
    const dt = 1000 / 60;
    for (let batch = 0; batch < 10; batch++) {
      const t0 = T0 + 4_000 + batch * 1000;
      const grams = new Float32Array(60).map((_, i) => (t0 + i * dt < T0 + 9_200 ? 3600 : 3419));
      if (batch === 5) grams[10] = Number.NaN;
      writer.write({ kind: 'plate-samples', plate: 'P1', t0, dt, grams } satisfies PlateSamples);
    }
    writer.close();
  }

  it('reads the plate from the input log around the event, averaged into even steps', () => {
    recordApplePlate();
    const weights = replay.eventWeights('r1.S1', 'F1-S1#1');
    expect(weights).toMatchObject({ eventId: 'F1-S1#1', fromMs: T0 + 6_500, toMs: T0 + 12_000 });
    expect(weights.curves.map((c) => c.plate)).toEqual(['P1']);
    const curve = weights.curves[0]!;
    expect(curve.grams).toHaveLength(240);
    expect(curve.grams[0]).toBe(3600);
    expect(curve.grams.at(-1)).toBe(3419);
    expect(curve.dt).toBeCloseTo(5500 / 240);
  });

  it('has no curves where the input log holds nothing (purged or never recorded), and refuses unknown events', () => {
    expect(replay.eventWeights('r1.S1', 'F1-S1#2').curves).toEqual([]);
    expect(() => replay.eventWeights('r1.S1', 'F9#404')).toThrow('no shelf event F9#404 around session r1.S1');
  });
});
