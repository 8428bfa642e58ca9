import { describe, expect, it } from 'vitest';
import { dayCount, formatBytes, funnelRates, lastDays, rangeProblem, rangeWithData, selectAnalyticsPhase, selectKpis, shiftDay } from './analytics-selectors';
import { sampleReport } from './analytics-test-data';

describe('analytics selectors', () => {
  it('makes and checks ranges of days', () => {
    expect(lastDays(new Date(2026, 10, 17, 15, 0), 7)).toEqual({ from: '2026-11-11', to: '2026-11-17' });
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayCount({ from: '2026-11-11', to: '2026-11-17' })).toBe(7);
    expect(rangeProblem({ from: '2026-11-11', to: '2026-11-17' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-18', to: '2026-11-17' })).toMatch(/comes after/);
    expect(rangeProblem({ from: '', to: '2026-11-17' })).toMatch(/Both dates/);
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-02' })).toMatch(/Both dates/);
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01' })).toMatch(/at most 366 days/);
  });

  it('says which panel to show, an empty range apart from a ready one', () => {
    expect(selectAnalyticsPhase({ report: { status: 'idle' } }, 'connecting')).toEqual({ kind: 'waiting' });
    expect(selectAnalyticsPhase({ report: { status: 'idle' } }, 'open')).toEqual({ kind: 'loading' });
    const error = { code: 'internal' as const, message: 'locked' };
    expect(selectAnalyticsPhase({ report: { status: 'error', error } }, 'open')).toEqual({ kind: 'error', error });
    expect(selectAnalyticsPhase({ report: { status: 'ready', data: sampleReport() } }, 'open').kind).toBe('ready');
    const empty = sampleReport({ footfall: { sessions: 0, people: 0, byHour: [], byDay: [] } });
    expect(selectAnalyticsPhase({ report: { status: 'ready', data: empty } }, 'open').kind).toBe('empty');
  });

  it('words the headline figures with their definitions', () => {
    const kpis = selectKpis(sampleReport());
    expect(kpis.map((k) => [k.id, k.value])).toEqual([
      ['footfall', '30'],
      ['conversion', '75.0 %'],
      ['basket', '2.50 units'],
      ['put-backs', '10.0 %'],
    ]);
    expect(kpis[1]!.detail).toBe('21 of 28 sessions bought');
    expect(kpis[2]!.detail).toBe('median 2 · mean value €7.35');
    expect(kpis.every((k) => k.definition.length > 40)).toBe(true);
    const nothing = selectKpis(sampleReport({ conversion: { sessions: 0, purchasing: 0, rate: null }, basket: { purchasing: 0, meanUnits: null, medianUnits: null, meanValueMinor: null, byUnits: [] } }));
    expect(nothing[1]!.value).toBe('—');
    expect(nothing[2]!.value).toBe('—');
  });

  it('rates each funnel step against the one before', () => {
    const [crisps, dairy] = sampleReport().funnel;
    expect(funnelRates(crisps!)).toEqual({ dwelt: '75 %', picked: '60 %', purchased: '89 %' });
    expect(funnelRates(dairy!)).toEqual({ dwelt: '0 %', picked: '—', purchased: '—' });
  });

  it('points an empty range at the last week that holds data', () => {
    expect(rangeWithData(sampleReport())).toEqual({ from: '2026-11-11', to: '2026-11-17' });
    expect(rangeWithData(sampleReport({ dataBounds: { from: '2026-11-15', to: '2026-11-17' } }))).toEqual({ from: '2026-11-15', to: '2026-11-17' });
    expect(rangeWithData(sampleReport({ dataBounds: null }))).toBeNull();
  });

  it('sizes files for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 kB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
