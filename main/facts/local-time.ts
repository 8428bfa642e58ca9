// The store's local calendar: which day and hour of the store's time zone an instant falls in. Facts
// are stored with both, so "Tuesday 10–11 h" in a report means the store's Tuesday, whatever the
// time zone of the PC that runs the query, and date ranges use an index instead of time arithmetic.

export interface LocalSlot {
  /** YYYY-MM-DD in the store's time zone. */
  day: string;
  /** 0-23 in the store's time zone. */
  hour: number;
}

/** Every UTC offset in use is a multiple of 15 minutes, so one lookup per quarter hour is exact. */
const QUARTER_HOUR_MS = 15 * 60_000;

export class StoreCalendar {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, LocalSlot>();

  constructor(readonly timeZone: string) {
    // Throws RangeError for a zone name Intl does not know: a clear error at startup.
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  }

  slot(ms: number): LocalSlot {
    const key = Math.floor(ms / QUARTER_HOUR_MS);
    let slot = this.cache.get(key);
    if (!slot) {
      if (this.cache.size > 50_000) this.cache.clear();
      const parts: Record<string, string> = {};
      for (const p of this.format.formatToParts(key * QUARTER_HOUR_MS)) parts[p.type] = p.value;
      slot = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
      this.cache.set(key, slot);
    }
    return slot;
  }

  day(ms: number): string {
    return this.slot(ms).day;
  }
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The days from `from` to `to` inclusive, YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** `day` plus `n` days (negative goes back). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
