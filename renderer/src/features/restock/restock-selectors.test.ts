import { describe, expect, it } from 'vitest';
import { compareUrgency, formatAge, formatStoreTime, orderedAlerts, restockCounts, restockingLabel, restoredNotice, selectRestockPhase, unitsLabel } from './restock-selectors';
import { sampleAlert, sampleOverview, T } from './restock-test-data';

describe('selectRestockPhase', () => {
  it('waits for the host link, then loads, then tells failure from data', () => {
    expect(selectRestockPhase({ overview: { status: 'idle' } }, 'connecting')).toEqual({ kind: 'waiting' });
    expect(selectRestockPhase({ overview: { status: 'idle' } }, 'open')).toEqual({ kind: 'loading' });
    const error = { code: 'internal' as const, message: 'boom' };
    expect(selectRestockPhase({ overview: { status: 'error', error } }, 'open')).toEqual({ kind: 'error', error });
    const data = sampleOverview();
    expect(selectRestockPhase({ overview: { status: 'ready', data } }, 'open')).toEqual({ kind: 'ready', overview: data });
  });

  it('says when there is no live feed, and when no plate has been weighed yet', () => {
    const none = { ...sampleOverview([]), source: 'none' as const, t: null };
    expect(selectRestockPhase({ overview: { status: 'ready', data: none } }, 'open').kind).toBe('no-feed');
    const starting = { ...sampleOverview([]), t: null, plates: { total: 40, known: 0 } };
    expect(selectRestockPhase({ overview: { status: 'ready', data: starting } }, 'open').kind).toBe('warming-up');
  });
});

describe('urgency', () => {
  it('puts unacknowledged first, then the emptier plate, then the one waiting longest', () => {
    const acked = sampleAlert('A', 0, 10, 60, { acknowledged: { by: 'mgr', at: T, note: '' } });
    const empty = sampleAlert('E', 0, 10, 1);
    const halfOld = sampleAlert('H1', 2, 4, 30);
    const halfNew = sampleAlert('H2', 2, 4, 2);
    const low = sampleAlert('L', 2, 10, 1);
    expect(orderedAlerts([acked, halfNew, low, halfOld, empty], false).map((a) => a.plate)).toEqual(['E', 'L', 'H1', 'H2', 'A']);
    expect(orderedAlerts([acked, empty], true).map((a) => a.plate)).toEqual(['E']);
    expect(compareUrgency(empty, empty)).toBe(0);
  });
});

describe('words', () => {
  it('names stock levels, ages and store clock times', () => {
    expect(unitsLabel({ units: 0, capacity: 8 })).toBe('Empty');
    expect(unitsLabel({ units: 2, capacity: 10 })).toBe('2 of 10 left');
    expect(formatAge(T, T + 20_000)).toBe('just now');
    expect(formatAge(T, T + 4 * 60_000)).toBe('4 min');
    expect(formatAge(T, T + 125 * 60_000)).toBe('2 h 05 min');
    expect(formatAge(T, T - 1000)).toBe('just now');
    expect(formatStoreTime(T, 'Europe/Dublin')).toBe('14:00');
    expect(formatStoreTime(T, 'America/New_York')).toBe('09:00');
    expect(formatStoreTime(T, 'Not/AZone')).toMatch(/^\d\d:\d\d$/);
  });

  it('counts low, empty, unacknowledged plates and fixtures in restock mode', () => {
    const overview = sampleOverview([sampleAlert('P1', 0, 10, 5), sampleAlert('P2', 1, 10, 5, { acknowledged: { by: 'mgr', at: T, note: '' } })]);
    overview.fixtures[1]!.restocking = true;
    expect(restockCounts(overview)).toEqual({ low: 2, empty: 1, unacknowledged: 1, restocking: 1 });
  });
});

describe('restock mode put back after a restart', () => {
  it('says who holds restock mode since when, and which fixtures were switched back on at start', () => {
    const overview = sampleOverview([]);
    expect(restoredNotice(overview)).toBeNull();
    expect(restockingLabel(overview.fixtures[0]!, overview.timezone)).toBeNull();
    overview.fixtures[0] = { ...overview.fixtures[0]!, restocking: true, restockingBy: ['ann', 'bob'], restockingSince: T - 3 * 3600_000, restoredAt: T };
    overview.fixtures[1] = { ...overview.fixtures[1]!, restocking: true, restockingBy: ['cat'], restockingSince: T - 60_000 };
    expect(restockingLabel(overview.fixtures[0]!, overview.timezone)).toBe('on since 11:00 · ann, bob');
    expect(restoredNotice(overview)).toBe('Restock mode was still on at Gondola 1 when the host last stopped, so it was switched back on at 14:00. Switch it off where staff have finished.');
    overview.fixtures[1] = { ...overview.fixtures[1]!, restoredAt: T + 60_000 };
    expect(restoredNotice(overview)).toMatch(/^Restock mode was still on at Gondola 1 and Gondola 2 when the host last stopped, so it was switched back on at 14:00\./);
  });
});
