// Pure reads of the analytics state for the view: which panel to show, the headline figures with
// their definitions, the funnel's step-to-step rates, ranges and their checks — tested without a DOM.
import { MAX_RANGE_DAYS, type AnalyticsReport, type ConnectionState, type DayRange, type ZoneFunnel } from '../../../../native-bridge/contract';
import { analyticsDefinitions, formatMoney, formatPercent } from '../../../../native-bridge/contract/analytics-charts';
import { pendingPhase, type PendingPhase } from '../../state/load-state';
import type { AnalyticsState } from './analytics-slice';

const DAY_MS = 86_400_000;

/** A date as YYYY-MM-DD in the browser's calendar. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `n` days ending with `today`. */
export function lastDays(today: Date, n: number): DayRange {
  const to = isoDay(today);
  return { from: shiftDay(to, 1 - n), to };
}

/** Why a range cannot be asked for, in words; null when it can (the host checks the same). */
export function rangeProblem({ from, to }: DayRange): string | null {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(from) || !valid(to)) return 'Both dates are needed, written YYYY-MM-DD.';
  if (from > to) return 'The first day comes after the last.';
  if (dayCount({ from, to }) > MAX_RANGE_DAYS) return `A range may span at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

export function dayCount({ from, to }: DayRange): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export type AnalyticsPhase =
  | PendingPhase
  /** No session in the range; `dataBounds` says where data is, if anywhere. */
  | { kind: 'empty'; report: AnalyticsReport }
  | { kind: 'ready'; report: AnalyticsReport };

export function selectAnalyticsPhase(state: Pick<AnalyticsState, 'report'>, connection: ConnectionState): AnalyticsPhase {
  const { report } = state;
  if (report.status !== 'ready') return pendingPhase(report, connection)!;
  return report.data.footfall.sessions === 0 ? { kind: 'empty', report: report.data } : { kind: 'ready', report: report.data };
}

export interface Kpi {
  id: string;
  label: string;
  value: string;
  detail: string;
  definition: string;
}

export function selectKpis(report: AnalyticsReport): Kpi[] {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, report.store.currency));
  const { footfall, conversion, basket, putBacks } = report;
  return [
    { id: 'footfall', label: 'Footfall', value: footfall.sessions.toLocaleString('en'), detail: `${footfall.people.toLocaleString('en')} people`, definition: analyticsDefinitions.footfall },
    { id: 'conversion', label: 'Conversion', value: formatPercent(conversion.rate), detail: `${conversion.purchasing.toLocaleString('en')} of ${conversion.sessions.toLocaleString('en')} sessions bought`, definition: analyticsDefinitions.conversion },
    {
      id: 'basket',
      label: 'Basket size',
      value: basket.meanUnits === null ? '—' : `${basket.meanUnits.toFixed(2)} units`,
      detail: `median ${basket.medianUnits ?? '—'} · mean value ${money(basket.meanValueMinor)}`,
      definition: analyticsDefinitions.basket,
    },
    { id: 'put-backs', label: 'Put-back rate', value: formatPercent(putBacks.rate), detail: `${putBacks.putBackUnits.toLocaleString('en')} of ${putBacks.pickedUnits.toLocaleString('en')} units picked`, definition: analyticsDefinitions.putBacks },
  ];
}

/** Each funnel step as a share of the step before ("—" when the step before is empty). */
export function funnelRates(zone: ZoneFunnel): { dwelt: string; picked: string; purchased: string } {
  const rate = (part: number, whole: number) => formatPercent(whole > 0 ? part / whole : null, 0);
  return { dwelt: rate(zone.dwelt, zone.visited), picked: rate(zone.picked, zone.dwelt), purchased: rate(zone.purchased, zone.picked) };
}

/** For an empty range: the last week that holds data, when there is any. */
export function rangeWithData(report: AnalyticsReport): DayRange | null {
  if (!report.dataBounds) return null;
  const to = report.dataBounds.to;
  const from = shiftDay(to, -6) < report.dataBounds.from ? report.dataBounds.from : shiftDay(to, -6);
  return { from, to };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
