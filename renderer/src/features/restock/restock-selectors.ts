// Pure reads of the restock state for the view: which panel to show, the alerts in order of
// urgency, and the words for stock levels and ages, tested without a DOM.
import type { ConnectionState, RestockAlert, RestockFixture, RestockOverview } from '../../../../native-bridge/contract';
import { pendingPhase, type PendingPhase } from '../../state/load-state';
import type { RestockState } from './restock-slice';

export type RestockPhase =
  | PendingPhase
  /** The host runs no live feed: no weights, so no estimates. */
  | { kind: 'no-feed'; overview: RestockOverview }
  /** The live engine has not weighed any plate yet. */
  | { kind: 'warming-up'; overview: RestockOverview }
  | { kind: 'ready'; overview: RestockOverview };

export function selectRestockPhase(state: Pick<RestockState, 'overview'>, connection: ConnectionState): RestockPhase {
  const { overview } = state;
  if (overview.status !== 'ready') return pendingPhase(overview, connection)!;
  const data = overview.data;
  if (data.source === 'none') return { kind: 'no-feed', overview: data };
  if (data.t === null || data.plates.known === 0) return { kind: 'warming-up', overview: data };
  return { kind: 'ready', overview: data };
}

/**
 * Most urgent first: alerts nobody has taken on before acknowledged ones; then the emptier plate
 * (share of its capacity left, so an empty plate leads); then the one waiting longest.
 */
export function compareUrgency(a: RestockAlert, b: RestockAlert): number {
  const acked = Number(a.acknowledged !== undefined) - Number(b.acknowledged !== undefined);
  if (acked !== 0) return acked;
  const left = a.units / Math.max(1, a.capacity) - b.units / Math.max(1, b.capacity);
  if (left !== 0) return left;
  return a.since - b.since || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0);
}

export function orderedAlerts(alerts: readonly RestockAlert[], hideAcknowledged: boolean): RestockAlert[] {
  return alerts.filter((a) => !hideAcknowledged || a.acknowledged === undefined).sort(compareUrgency);
}

/** "Empty" or "2 of 10 left". */
export function unitsLabel(alert: Pick<RestockAlert, 'units' | 'capacity'>): string {
  return alert.units === 0 ? 'Empty' : `${alert.units} of ${alert.capacity} left`;
}

/** How long, in words, from `since` to `now` (both store ms): "just now", "4 min", "2 h 05 min". */
export function formatAge(since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** A store time as a clock in the store's time zone (the viewer's when the zone is unknown). */
export function formatStoreTime(t: number, timeZone: string): string {
  let format = clocks.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', options);
    }
    clocks.set(timeZone, format);
  }
  return format.format(t);
}

export interface RestockCounts {
  low: number;
  empty: number;
  unacknowledged: number;
  restocking: number;
}

export function restockCounts(overview: RestockOverview): RestockCounts {
  return {
    low: overview.alerts.length,
    empty: overview.alerts.filter((a) => a.units === 0).length,
    unacknowledged: overview.alerts.filter((a) => a.acknowledged === undefined).length,
    restocking: overview.fixtures.filter((f) => f.restocking).length,
  };
}

/** "on since 09:40 · ann, bob", or null when restock mode is off there. */
export function restockingLabel(fixture: RestockFixture, timezone: string): string | null {
  if (!fixture.restocking) return null;
  const since = fixture.restockingSince === undefined ? '' : ` since ${formatStoreTime(fixture.restockingSince, timezone)}`;
  const by = fixture.restockingBy?.length ? ` · ${fixture.restockingBy.join(', ')}` : '';
  return `on${since}${by}`;
}

/**
 * The banner for restock mode put back at start: it was still on at these fixtures when the host
 * last stopped, so staff work there stays charged to nobody until someone switches it off. Null when
 * nothing was put back (or it has been switched off since).
 */
export function restoredNotice(overview: RestockOverview): string | null {
  const restored = overview.fixtures.filter((f) => f.restocking && f.restoredAt !== undefined);
  if (restored.length === 0) return null;
  const names = restored.map((f) => f.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  const at = formatStoreTime(Math.min(...restored.map((f) => f.restoredAt!)), overview.timezone);
  return `Restock mode was still on at ${list} when the host last stopped, so it was switched back on at ${at}. Switch it off where staff have finished.`;
}
