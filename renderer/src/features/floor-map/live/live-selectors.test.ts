import { describe, expect, it } from 'vitest';
import type { LiveFloorFrame } from '../../../../../native-bridge/contract';
import { sampleLiveFrame, sampleShopper } from '../../../testing/sample-data';
import { initialLiveFloorState, type LiveFloorState } from './live-floor-slice';
import {
  countShoppersByState,
  formatStoreClock,
  formatTimeOfDay,
  groupShoppersByState,
  interpolatedPosition,
  interpolationProgress,
  liveCounters,
  selectLivePhase,
  STALL_MS,
  selectOccupancy,
  selectSelectedShopper,
  selectTrailPolyline,
  sourceLabel,
} from './live-selectors';
import { Trail, TrailBook } from './trail-book';

const crowd = () => [
  sampleShopper(1, 1, 1),
  sampleShopper(2, 2, 2, { state: 'anonymous', sessionId: 'S9' }),
  sampleShopper(3, 3, 3, { state: 'unbound', sessionId: undefined }),
  sampleShopper(4, 4, 4, { state: 'flagged', cartUnits: 5 }),
  sampleShopper(5, 5, 5),
];

function stateWith(patch: Partial<LiveFloorState>): LiveFloorState {
  return { ...initialLiveFloorState(), ...patch };
}

describe('selectLivePhase', () => {
  const at = (frame: LiveFloorFrame | null, receivedAt = 1000) => ({ frame, receivedAt });

  it('waits before the first frame', () => {
    expect(selectLivePhase(at(null), 'open', 1000)).toEqual({ kind: 'waiting' });
    expect(selectLivePhase(at(null), 'connecting', 1000)).toEqual({ kind: 'waiting' });
  });

  it('says when the host has no feed', () => {
    const frame = sampleLiveFrame(0, [], { source: 'none' });
    expect(selectLivePhase(at(frame), 'open', 1000)).toEqual({ kind: 'no-feed', frame });
  });

  it('is live for the simulator and for devices, shoppers or not', () => {
    expect(selectLivePhase(at(sampleLiveFrame(0)), 'open', 1100).kind).toBe('live');
    expect(selectLivePhase(at(sampleLiveFrame(0, crowd(), { source: 'devices', speed: 1 })), 'open', 1100).kind).toBe('live');
  });

  it('is disconnected when the link drops or is refused, keeping the last frame frozen', () => {
    const frame = sampleLiveFrame(0, crowd());
    expect(selectLivePhase(at(frame), 'closed', 1100)).toEqual({ kind: 'disconnected', frame });
    expect(selectLivePhase(at(null), 'unauthorized', 1100)).toEqual({ kind: 'disconnected', frame: null });
    expect(selectLivePhase(at(sampleLiveFrame(0, [], { source: 'none' })), 'closed', 1100)).toEqual({ kind: 'disconnected', frame: null });
  });

  it('is stalled when connected but no frame came for a while', () => {
    const frame = sampleLiveFrame(0, crowd());
    expect(selectLivePhase(at(frame), 'open', 1000 + STALL_MS).kind).toBe('live');
    expect(selectLivePhase(at(frame), 'open', 1000 + STALL_MS + 1)).toEqual({ kind: 'stalled', frame, silentMs: STALL_MS + 1 });
  });
});

describe('occupancy and states', () => {
  it('counts shoppers on the floor; unknown before the first frame, zero is a real answer', () => {
    expect(selectOccupancy({ frame: null })).toBeNull();
    expect(selectOccupancy({ frame: sampleLiveFrame(0) })).toBe(0);
    expect(selectOccupancy({ frame: sampleLiveFrame(0, crowd()) })).toBe(5);
  });

  it('counts and groups by state', () => {
    const frame = sampleLiveFrame(0, crowd());
    expect(countShoppersByState(frame)).toEqual({ session: 2, anonymous: 1, flagged: 1, unbound: 1 });
    expect(countShoppersByState(null)).toEqual({ session: 0, anonymous: 0, flagged: 0, unbound: 0 });
    const groups = groupShoppersByState(frame);
    expect(groups.session.map((s) => s.trackId)).toEqual([1, 5]);
    expect(groups.flagged.map((s) => s.trackId)).toEqual([4]);
  });
});

describe('selectSelectedShopper', () => {
  const frame = sampleLiveFrame(0, crowd());

  it('is null with nothing selected', () => {
    expect(selectSelectedShopper({ frame, selectedTrackId: null })).toBeNull();
  });

  it('finds the selected shopper in the latest frame', () => {
    expect(selectSelectedShopper({ frame, selectedTrackId: 4 })).toEqual({ trackId: 4, shopper: crowd()[3] });
  });

  it('keeps the track id once the shopper has left', () => {
    expect(selectSelectedShopper({ frame, selectedTrackId: 99 })).toEqual({ trackId: 99, shopper: null });
  });
});

describe('trails and interpolation', () => {
  it('gives a track’s trail as points, oldest first', () => {
    const trails = new TrailBook();
    trails.record(sampleLiveFrame(0, [sampleShopper(1, 0, 0)]));
    trails.record(sampleLiveFrame(100, [sampleShopper(1, 1, 0.5)]));
    expect(selectTrailPolyline(stateWith({ trails }), 1)).toEqual([
      [0, 0],
      [1, 0.5],
    ]);
    expect(selectTrailPolyline(stateWith({ trails }), 2)).toEqual([]);
  });

  it('measures animation progress over the frame interval, clamped to 0–1', () => {
    const state = { receivedAt: 1000, frameIntervalMs: 100 };
    expect(interpolationProgress(state, 1000)).toBe(0);
    expect(interpolationProgress(state, 1050)).toBe(0.5);
    expect(interpolationProgress(state, 5000)).toBe(1);
    expect(interpolationProgress(state, 900)).toBe(0);
    expect(interpolationProgress({ receivedAt: 0, frameIntervalMs: 0 }, 10)).toBe(1);
  });

  it('places a shopper between its previous and newest point', () => {
    const trail = new Trail(8);
    const out: [number, number] = [0, 0];
    trail.push(0, 5, 5);
    expect(interpolatedPosition(trail, 0.5, out)).toEqual([5, 5]);
    trail.push(100, 7, 9);
    expect(interpolatedPosition(trail, 0, out)).toEqual([5, 5]);
    expect(interpolatedPosition(trail, 0.5, out)).toEqual([6, 7]);
    expect(interpolatedPosition(trail, 1, out)).toEqual([7, 9]);
    expect(interpolatedPosition(trail, 1, out)).toBe(out);
  });
});

describe('wording', () => {
  it('names the source', () => {
    expect(sourceLabel({ source: 'simulator', speed: 10 })).toBe('Simulated sensors · 10× real time');
    expect(sourceLabel({ source: 'simulator', speed: 0.5 })).toBe('Simulated sensors · 0.5× real time');
    expect(sourceLabel({ source: 'devices', speed: 1 })).toBe('Live devices');
    expect(sourceLabel({ source: 'none', speed: 1 })).toBe('No live feed');
  });

  it('shows store time in the store’s time zone', () => {
    const t = Date.UTC(2026, 2, 4, 13, 5, 9); // a Wednesday
    expect(formatStoreClock(t, 'UTC')).toMatch(/13:05:09/);
    expect(formatStoreClock(t, 'Asia/Tokyo')).toMatch(/22:05:09/);
    expect(formatStoreClock(t, 'Not/AZone')).toMatch(/\d\d:05:09/);
    expect(formatStoreClock(Number.NaN, 'UTC')).toBe('—');
  });

  it('shows an event’s time of day alone, in the store’s time zone', () => {
    const t = Date.UTC(2026, 2, 4, 13, 5, 9);
    expect(formatTimeOfDay(t, 'UTC')).toMatch(/^13:05:09$/);
    expect(formatTimeOfDay(t, 'Asia/Tokyo')).toMatch(/^22:05:09$/);
    expect(formatTimeOfDay(t, 'Not/AZone')).toMatch(/^\d\d:05:09$/);
    expect(formatTimeOfDay(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('lists the counters in the strip’s order, alerting on reviews and tailgating', () => {
    const frame = sampleLiveFrame(0, crowd(), { counters: { openSessions: 4, entered: 12, receipts: 8, heldForReview: 1, tailgating: 0 } });
    expect(liveCounters(frame).map(({ key, value, alert }) => [key, value, alert])).toEqual([
      ['occupancy', 5, false],
      ['openSessions', 4, false],
      ['entered', 12, false],
      ['receipts', 8, false],
      ['heldForReview', 1, true],
      ['tailgating', 0, false],
    ]);
  });
});
