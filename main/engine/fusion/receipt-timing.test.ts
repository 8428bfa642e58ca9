// When receipts go out, through the real engine frame with the real shelf stage reading synthetic
// weight streams and the real fusion stage: a receipt waits for a shelf its shopper reached into
// that is still settling, and for nothing else, never past settleMs; its time is the same however
// often the host advances the clock. The test store's gondola stands by the exit, so a shopper can
// be out before their own pick has settled.
import { describe, expect, it } from 'vitest';
import type { EngineDecision, ReceiptDecision, TrackLifecycleDecision, TrackPoint } from '../decisions';
import { createEngine } from '../engine';
import { inputTime, type EngineInput } from '../inputs';
import { createShelfStage } from '../shelves';
import { syntheticSamples, type SyntheticPress, type SyntheticStep } from '../shelves/synthetic';
import type { DecisionSink, EngineStage } from '../stage';
import type { StoreModel } from '../../store/schema';
import { createFusionStage } from './fusion-stage';
import { fusionOptions } from './options';
import { ReceiptTiming } from './receipt-timing';
import { Session } from './session';
import type { QueuedEvent } from './context';
import { T0, ofKind, scan, shelfEvent, testKey, testStore, token, walkedTrack, type Waypoint } from './test-support';
import { TrackRegistry } from './tracks';

const [gondola] = testStore.layout.fixtures;
/** The gondola moved next to exit out-1 (plate fronts at y = 8.9, P4's middle at x = 8.25), and a second one far off. */
const store: StoreModel = {
  ...testStore,
  layout: {
    ...testStore.layout,
    fixtures: [
      { ...gondola!, center: [7.5, 8.6] },
      {
        id: 'F2',
        name: 'Far gondola',
        kind: 'gondola',
        center: [2, 3],
        length: 1,
        depth: 0.6,
        height: 1.6,
        rotation: 0,
        shelves: [{ id: 'F2-S1', face: 'front', height: 1.0, depth: 0.4, plates: [0, 1].map((i) => ({ id: `Q${i + 1}`, offset: i * 0.5, width: 0.5, device: { controller: 'SHC-U', channel: i } })) }],
      },
    ],
  },
  planogram: [...testStore.planogram, { plate: 'Q1', sku: 'APPLE', capacity: 20, restockThreshold: 4 }, { plate: 'Q2', sku: 'BREAD', capacity: 10, restockThreshold: 2 }],
};
const levels = { P1: 3600, P2: 4000, P3: 7200, P4: 2000, Q1: 3600, Q2: 4000 };

/** Where a shopper stands to take from P4, and the way out through out-1. */
const atP4: Waypoint = [8.25, 9.35];
const outside: Waypoint = [8.5, 10.8];

/** Stands in for the vision stage: sends prepared track decisions once store time has passed them, as the vision stage sends its ticks. */
function trackSource(decisions: readonly EngineDecision[]): EngineStage {
  let next = 0;
  const send = (t: number, inclusive: boolean, emit: DecisionSink) => {
    while (next < decisions.length && (decisions[next]!.t < t || (inclusive && decisions[next]!.t <= t))) emit(decisions[next++]!);
  };
  return {
    name: 'vision',
    accept: () => undefined,
    advance: (t, emit) => send(t, false, emit),
    finish: (t, emit) => send(t, true, emit),
  };
}

interface Visit {
  /** When the shopper reaches P4, the first point on or past the exit line after it, and the first 0.5 m past it (clear of the gate). */
  arrivedAt: number;
  outAt: number;
  clearAt: number;
  decisions: EngineDecision[];
  receipt: ReceiptDecision;
}

/**
 * One shopper walks in, stands at P4 for `standMs` and walks out; `weights` says what happens on the
 * plates, relative to the arrival. `advanceEveryMs`: the host also advances the clock this often, as
 * the live runner does on its ticks.
 */
function visit(
  weights: (arrivedAt: number) => { steps?: SyntheticStep[]; presses?: SyntheticPress[] },
  o: { standMs?: number; settleMs?: number; advanceEveryMs?: number; token?: string } = {},
): Visit {
  const track = walkedTrack(1, T0, [[1.5, 10.6], [1.5, 10.4], 1500, [1.5, 9.2], atP4, o.standMs ?? 2000, outside]);
  const points = track.filter((d): d is TrackPoint => d.kind === 'track-point');
  const arrivedAt = points.find((p) => p.x === atP4[0] && p.y === atP4[1])!.t;
  const outAt = points.find((p) => p.t > arrivedAt && p.y >= 10 - 1e-9)!.t;
  const clearAt = points.find((p) => p.t > arrivedAt && p.y >= 10.5 - 1e-9)!.t;
  const endMs = (track[track.length - 1] as TrackLifecycleDecision).t + 8000;
  const plates = Object.entries(levels).map(([plate, levelG]) => ({ plate, levelG }));
  const inputs: EngineInput[] = [...syntheticSamples({ plates, startMs: T0 - 5000, endMs, chunkMs: 100, ...weights(arrivedAt) }), scan('in-1', T0 + 1000, o.token ?? token())];
  inputs.sort((a, b) => inputTime(a) - inputTime(b));

  const shelves = createShelfStage(store);
  const fusion = createFusionStage(store, { storeKey: testKey, shelfActivity: shelves, ...(o.settleMs !== undefined ? { settleMs: o.settleMs } : {}) });
  const decisions: EngineDecision[] = [];
  const engine = createEngine([shelves, trackSource(track), fusion], (d) => decisions.push(d));
  let nextTick = T0 - 5000;
  for (const input of inputs) {
    if (o.advanceEveryMs) for (; nextTick < inputTime(input); nextTick += o.advanceEveryMs) engine.advance(nextTick);
    engine.push(input);
  }
  engine.advance(endMs);
  engine.finish();
  const receipts = ofKind(decisions, 'receipt');
  expect(receipts).toHaveLength(1);
  return { arrivedAt, outAt, clearAt, decisions, receipt: receipts[0]! };
}

/** A hand takes one cheese from P4 at `at`: pressing, the unit coming off, letting go (as the simulator's hands do). */
const cheeseTaken = (at: number) => ({
  steps: [{ plate: 'P4', at: at + 600, deltaG: -200, rampMs: 150 }],
  presses: [
    { plate: 'P4', at, durationMs: 250, amplitudeG: 90 },
    { plate: 'P4', at: at + 900, durationMs: 200, amplitudeG: -40 },
  ],
});

/** The cheese taken 800 ms after arriving, and the shelf rocking a little for a second after. */
function takenAndRocking(arrived: number): { steps: SyntheticStep[]; presses: SyntheticPress[] } {
  const { steps, presses } = cheeseTaken(arrived + 800);
  return { steps, presses: [...presses, { plate: 'P4', at: arrived + 2000, durationMs: 250, amplitudeG: 20 }, { plate: 'P4', at: arrived + 2350, durationMs: 250, amplitudeG: 15 }] };
}

/** Someone's hand on `plate`, pressing every 300 ms from `from` to `to`: its shelf never settles meanwhile. */
const busy = (plate: string, from: number, to: number): SyntheticPress[] => {
  const presses: SyntheticPress[] = [];
  for (let at = from; at < to; at += 300) presses.push({ plate, at, durationMs: 250, amplitudeG: 60 });
  return presses;
};

describe('receipt timing', () => {
  it('closes a session with nothing pending one track lag after its shopper is clear of the exit', () => {
    const v = visit(() => ({}));
    expect(v.receipt).toMatchObject({ status: 'charged', lines: [] });
    expect(v.receipt.t).toBe(v.clearAt + 100);
  });

  it('waits for a shelf the shopper reached into that settles after they left, and charges its event', () => {
    // Taken 800 ms after arriving, the shelf still rocking as they walk off: out of the door before
    // the plate has been still long enough to settle.
    const v = visit(takenAndRocking, { standMs: 1900 });
    const [event] = ofKind(v.decisions, 'shelf-event');
    expect(event).toMatchObject({ plates: ['P4'] });
    expect(event!.hypotheses[0]).toMatchObject({ sku: 'CHEESE', quantity: 1 });
    expect(event!.t).toBeGreaterThan(v.clearAt + 100);
    // Issued when the shelf settled, with the pick on it.
    expect(v.receipt.t).toBe(event!.t);
    expect(v.receipt.lines).toEqual([expect.objectContaining({ sku: 'CHEESE', quantity: 1 })]);
    expect(v.decisions.indexOf(ofKind(v.decisions, 'cart-change')[0]!)).toBeLessThan(v.decisions.indexOf(v.receipt));
  });

  it('is not held by a busy shelf the shopper never came near', () => {
    const v = visit((arrived) => ({ presses: busy('Q1', arrived - 3000, arrived + 6000) }));
    expect(v.receipt.t).toBe(v.clearAt + 100);
  });

  it('waits no longer than settleMs for a shelf that will not settle', () => {
    const v = visit((arrived) => ({ ...cheeseTaken(arrived + 800), presses: [...cheeseTaken(arrived + 800).presses, ...busy('P1', arrived + 1200, arrived + 9000)] }), {
      standMs: 1900,
      settleMs: 2000,
    });
    expect(v.receipt.t).toBeGreaterThan(v.outAt - 100 + 2000);
    expect(v.receipt.t).toBeLessThanOrEqual(v.outAt + 2000);
    expect(v.receipt.lines).toEqual([]);
    expect(ofKind(v.decisions, 'shelf-event')[0]!.t).toBeGreaterThan(v.receipt.t);
  });

  it('issues the same receipt at the same time however often the host advances the clock', () => {
    const shopper = token();
    const replayed = visit(takenAndRocking, { standMs: 1900, token: shopper });
    const live = visit(takenAndRocking, { standMs: 1900, token: shopper, advanceEveryMs: 30 });
    expect(live.receipt).toEqual(replayed.receipt);
    expect(ofKind(live.decisions, 'attribution')).toEqual(ofKind(replayed.decisions, 'attribution'));
  });
});

describe('ReceiptTiming', () => {
  const o = fusionOptions({ storeKey: testKey });

  function settling(exitMs: number): Session {
    const session = new Session({ id: 'S1', gate: 'in-1', openedMs: T0, groupSize: 1 });
    session.addMember(1, T0);
    session.setState(1, 'exited', exitMs);
    session.schedule(o, false, undefined);
    return session;
  }

  it('waits for the attribution of an event begun before the exit, not of one begun after', () => {
    const queued: QueuedEvent[] = [];
    const timing = new ReceiptTiming(o, new TrackRegistry(64), new Map(), queued, undefined, 64, () => 0);
    const exit = T0 + 10_000;
    const session = settling(exit);
    timing.plan(session);
    expect(session.closesAtMs).toBe(exit + o.trackLagMs);
    queued.push({ event: shelfEvent('after', ['P1'], exit + 50, exit + 300, []), due: exit + 900 });
    expect(timing.due(session)).toBe(exit + o.trackLagMs);
    queued.push({ event: shelfEvent('before', ['P1'], exit - 2000, exit - 200, []), due: exit + 400 });
    expect(timing.due(session)).toBe(exit + 400);
  });
});
