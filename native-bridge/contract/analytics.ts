// Analytics and exports over a date range of the store's own calendar: the figures of the Analytics
// view (footfall, conversion, zone funnel, dwell, heatmap, basket, products, put-backs) and the
// files an analyst downloads (CSV, Parquet, the PDF report).
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest range one request may ask for: a year of days. */
export const MAX_RANGE_DAYS = 366;

const isoDay = z
  .string()
  .regex(DAY, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a calendar date');

/** Whole days, both ends included, in the store's time zone. */
export type DayRange = { from: string; to: string };

function checkRange(r: DayRange, ctx: z.RefinementCtx): void {
  if (r.from > r.to) ctx.addIssue({ code: 'custom', message: '"from" must not be after "to"', path: ['to'] });
  else if ((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 >= MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', message: `a range may span at most ${MAX_RANGE_DAYS} days`, path: ['to'] });
  }
}

export const dayRangeSchema = z.object({ from: isoDay, to: isoDay }).strict().superRefine(checkRange);

export const exportTables = ['sessions', 'receipts', 'shelf-events', 'zone-visits'] as const;
export type ExportTable = (typeof exportTables)[number];
export const exportFormats = ['csv', 'parquet'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const analyticsCalls = {
  getAnalytics: dayRangeSchema,
  exportTable: z.object({ from: isoDay, to: isoDay, table: z.enum(exportTables), format: z.enum(exportFormats) }).strict().superRefine(checkRange),
  exportReport: dayRangeSchema,
} as const;

export interface HourCount {
  hour: number;
  sessions: number;
  people: number;
}

export interface DayCount {
  day: string;
  sessions: number;
  people: number;
}

export interface ZoneFunnel {
  zone: string;
  name: string;
  /** Sessions that were in the zone for at least a second. */
  visited: number;
  /** …and stayed at least 5 s in one visit. */
  dwelt: number;
  /** …and picked something from a fixture of the zone. */
  picked: number;
  /** …and have something picked there on their receipt. */
  purchased: number;
}

export interface DwellDistribution {
  zone: string;
  name: string;
  visits: number;
  /** Seconds, to the second. */
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  meanS: number;
  /** Visits per bin; bin i spans [binEdgesS[i], binEdgesS[i+1]) seconds, the last is open-ended. */
  counts: number[];
}

export interface HeatmapData {
  /** The floor outline and the fixtures' footprints (plan metres), drawn under the cells. */
  outline: [number, number][];
  fixtures: [number, number][][];
  originX: number;
  originY: number;
  cellM: number;
  nx: number;
  ny: number;
  /** Seconds shoppers spent per cell, row-major (iy * nx + ix). */
  seconds: number[];
  maxSeconds: number;
}

export interface ProductFigure {
  sku: string;
  name: string;
  category: string;
  units: number;
  revenueMinor: number;
  /** Receipts it is on. */
  receipts: number;
}

export interface AnalyticsReport {
  range: DayRange;
  days: number;
  store: { id: string; name: string; currency: string; timezone: string };
  /** The first and last day holding any session, for "no data in this range" hints; null when none. */
  dataBounds: DayRange | null;
  footfall: { sessions: number; people: number; byHour: HourCount[]; byDay: DayCount[] };
  conversion: { sessions: number; purchasing: number; rate: number | null };
  funnel: ZoneFunnel[];
  dwell: { binEdgesS: number[]; zones: DwellDistribution[] };
  heatmap: HeatmapData;
  basket: { purchasing: number; meanUnits: number | null; medianUnits: number | null; meanValueMinor: number | null; byUnits: { units: number; sessions: number }[] };
  topProducts: ProductFigure[];
  putBacks: { pickedUnits: number; putBackUnits: number; rate: number | null };
  /** How long each query took on the host, ms (what `walkout bench analytics` reports). */
  timings: { query: string; ms: number }[];
}

/** A file made on the host for the renderer to save. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64 (both transports carry text). */
  base64: string;
  bytes: number;
  rows: number;
}

export interface AnalyticsOutputs {
  getAnalytics: AnalyticsReport;
  exportTable: ExportedFile;
  exportReport: ExportedFile;
}
