import { describe, expect, it } from 'vitest';
import {
  SPEEDS,
  activeEventIds,
  cartAt,
  clampToReplay,
  fieldTime,
  currentMomentIndex,
  formatOffset,
  lastAtOrBefore,
  momentTimeAfter,
  momentTimeBefore,
  positionAt,
  stepSpeed,
  timelineFraction,
  walkedPoints,
} from './replay-selectors';
import { sampleReplay, T } from './replay-test-data';

const replay = sampleReplay();
const track = replay.tracks[0]!;

describe('replay selectors', () => {
  it('finds the last time at or before t by bisection', () => {
    expect(lastAtOrBefore([10, 20, 30], 5)).toBe(-1);
    expect(lastAtOrBefore([10, 20, 30], 10)).toBe(0);
    expect(lastAtOrBefore([10, 20, 30], 29)).toBe(1);
    expect(lastAtOrBefore([10, 20, 30], 99)).toBe(2);
    expect(lastAtOrBefore([], 1)).toBe(-1);
  });

  it('interpolates a position between recorded points, and makes none up across a gap or past the end', () => {
    expect(positionAt(track, T - 1)).toBeNull();
    expect(positionAt(track, T + 250)).toEqual([1.25, 8.75]);
    expect(positionAt(track, T + 1000)).toEqual([2, 8]);
    expect(positionAt(track, T + 10_000)).toBeNull();
    expect(positionAt(track, T + 30_250)).toEqual([5.25, 5]);
    expect(positionAt(track, T + 30_500 + 900)).toEqual([5.5, 5]);
    expect(positionAt(track, T + 45_000)).toBeNull();
  });

  it('draws the walked part of the path up to the playhead', () => {
    expect(walkedPoints(track, T - 1)).toBe('');
    expect(walkedPoints(track, T + 750)).toBe('1,9 1.5,8.5 1.75,8.25');
  });

  it('gives the cart as it stood at the playhead', () => {
    expect(cartAt(replay, T + 9_999)).toEqual([]);
    expect(cartAt(replay, T + 10_000)).toEqual([{ sku: 'APPLE', quantity: 1 }]);
    expect(cartAt(replay, T + 59_000)).toEqual([{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }]);
  });

  it('knows the current moment and steps between moments', () => {
    expect(currentMomentIndex(replay, T + 15_000)).toBe(1);
    expect(momentTimeAfter(replay, T + 10_000)).toBe(T + 20_000);
    expect(momentTimeAfter(replay, T + 60_000)).toBeNull();
    expect(momentTimeBefore(replay, T + 20_100)).toBe(T + 10_000);
    expect(momentTimeBefore(replay, T + 20_300)).toBe(T + 20_000);
    expect(momentTimeBefore(replay, T)).toBeNull();
  });

  it('marks the events happening around the playhead', () => {
    expect(activeEventIds(replay, T + 8_000)).toEqual(['E1']);
    expect(activeEventIds(replay, T + 11_000)).toEqual(['E1']);
    expect(activeEventIds(replay, T + 15_000)).toEqual([]);
  });

  it('clamps seeks, places times on the timeline and formats offsets', () => {
    expect(clampToReplay(replay, T - 5)).toBe(T);
    expect(clampToReplay(replay, T + 99_000)).toBe(T + 60_000);
    expect(timelineFraction(replay, T + 15_000)).toBe(0.25);
    expect(timelineFraction({ startMs: 5, endMs: 5 }, 5)).toBe(0);
    expect(formatOffset(65_400)).toBe('1:05');
    expect(formatOffset(3_725_000)).toBe('1:02:05');
  });

  it('reads a datetime field, and nothing from an empty or broken one', () => {
    expect(fieldTime('2026-05-06T14:00')).toBe(new Date(2026, 4, 6, 14, 0).getTime());
    expect(fieldTime('')).toBeNull();
    expect(fieldTime('yesterday-ish')).toBeNull();
  });

  it('climbs the speed ladder from 0.5× to 16× and stops at its ends', () => {
    expect(SPEEDS).toEqual([0.5, 1, 2, 4, 8, 16]);
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(16, 1)).toBe(16);
    expect(stepSpeed(0.5, -1)).toBe(0.5);
  });
});
