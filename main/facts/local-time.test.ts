// The store calendar: local day and hour across daylight-saving changes and odd offsets.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDay, StoreCalendar } from './local-time';

describe('StoreCalendar', () => {
  it('gives the store-local day and hour, summer time included', () => {
    const dublin = new StoreCalendar('Europe/Dublin');
    expect(dublin.slot(Date.parse('2026-01-15T23:30:00Z'))).toEqual({ day: '2026-01-15', hour: 23 });
    expect(dublin.slot(Date.parse('2026-07-15T23:30:00Z'))).toEqual({ day: '2026-07-16', hour: 0 });
    const kolkata = new StoreCalendar('Asia/Kolkata');
    expect(kolkata.slot(Date.parse('2026-03-01T18:29:00Z'))).toEqual({ day: '2026-03-01', hour: 23 });
    expect(kolkata.slot(Date.parse('2026-03-01T18:30:00Z'))).toEqual({ day: '2026-03-02', hour: 0 });
  });

  it('refuses a time zone it does not know', () => {
    expect(() => new StoreCalendar('Mars/Olympus')).toThrow(RangeError);
  });
});

describe('days', () => {
  it('checks, lists and shifts calendar days', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('26-02-01')).toBe(false);
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
