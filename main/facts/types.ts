// The facts: what the engine decided, reshaped into rows that analytics, exports, replay and review
// can query (DESIGN §5). Each row carries the store-local day and hour it belongs to, so date ranges
// and "by hour" need no time-zone arithmetic in SQL.
import type { FlagReason } from '../engine/decisions';
import type { PathChunk } from './path-chunks';

export type SessionState = 'open' | 'charged' | 'held-for-review';
/** 'shopper': opened by a scanned entry token; 'anonymous': a tailgater's session. Staff have no session. */
export type SessionKind = 'shopper' | 'anonymous';

interface Dated {
  /** Store-local YYYY-MM-DD. */
  day: string;
  /** Store-local hour, 0-23. */
  hour: number;
}

/** A session, keyed by the engine's id within one engine run. */
export interface SessionFact extends Dated {
  sessionId: string;
  kind: SessionKind;
  /** The shopper's account (absent for anonymous sessions); exports pseudonymise it. */
  account?: string;
  tokenNonce?: string;
  gate?: string;
  groupSize: number;
  /** Floor tracks that walked in on the session (a group of three is 3). */
  people: number;
  enteredMs: number;
  /** The last time a member was seen; absent while open. */
  exitedMs?: number;
  /** The receipt's time; absent while open. */
  closedMs?: number;
  state: SessionState;
  flags: FlagReason[];
  /** Units on the receipt (0 while open). */
  units: number;
  /** Receipt value in the store currency's minor units, at catalog prices. */
  valueMinor: number;
  pickedUnits: number;
  putBackUnits: number;
}

export interface SessionTrackFact {
  sessionId: string;
  trackId: number;
  via: 'admission' | 'tailgating' | 'rebind';
  tMs: number;
}

/** A receipt line. */
export interface SessionLineFact {
  sessionId: string;
  day: string;
  sku: string;
  quantity: number;
  confidence: number;
  /** Catalog price; absent for a SKU the catalog does not know. */
  unitPriceMinor?: number;
}

export type AttributionKind = 'session' | 'nobody' | 'restock' | 'unattributed';

export interface ShelfEventFact extends Dated {
  eventId: string;
  /** The session charged; absent for staff, nobody, or an event fusion never attributed. */
  sessionId?: string;
  startMs: number;
  endMs: number;
  fixture: string;
  shelf: string;
  plates: string[];
  /** The department or counter zone the fixture stands in. */
  zone?: string;
  /** Sum of the plates' weight changes, grams (negative = removed). */
  deltaGrams: number;
  /** What the cart got (or the shelf stage's best guess when no cart changed); absent when unexplained. */
  sku?: string;
  /** Units: positive picked, negative put back, 0 when unexplained. */
  quantity: number;
  probability?: number;
  attribution: AttributionKind;
  attributionProbability?: number;
}

export interface ZoneVisitFact extends Dated {
  /** Absent for a track bound to no session (staff, unknown). */
  sessionId?: string;
  trackId: number;
  zone: string;
  enteredMs: number;
  exitedMs: number;
}

/**
 * One store-local hour of one day: sessions and people that came in (counted as they enter), and
 * of those sessions the ones closed, with a purchase, and their picked and put-back units (counted
 * as they leave, under the hour they came in).
 */
export interface SessionHourFact {
  day: string;
  hour: number;
  sessions: number;
  people: number;
  closed: number;
  purchasing: number;
  pickedUnits: number;
  putBackUnits: number;
}

/** Purchasing sessions of one day that bought `units` units, and what they paid. */
export interface BasketDayFact {
  day: string;
  units: number;
  sessions: number;
  valueMinor: number;
}

/**
 * Sessions of one day at each step of one zone's funnel (DESIGN §4 Analytics), counted when each
 * session closes; the steps nest: dwelt implies visited, picked implies dwelt, purchased implies picked.
 */
export interface ZoneDayFact {
  day: string;
  zone: string;
  /** In the zone for at least a second. */
  visited: number;
  /** …and at least the dwell threshold (5 s) in one visit. */
  dwelt: number;
  /** …and picked something from a fixture of the zone. */
  picked: number;
  /** …and something picked there is on the receipt. */
  purchased: number;
}

/** Units of one product on one day's receipts, their value at catalog prices, and how many receipts. */
export interface ProductDayFact {
  day: string;
  sku: string;
  units: number;
  revenueMinor: number;
  receipts: number;
}

/** Shoppers' visits of one day and zone lasting `seconds` whole seconds (capped), with their total time. */
export interface DwellFact {
  day: string;
  zone: string;
  seconds: number;
  visits: number;
  totalMs: number;
}

/** Seconds shoppers spent in one floor cell on one day. */
export interface HeatFact {
  day: string;
  ix: number;
  iy: number;
  seconds: number;
}

/** A chunk of a track's path, dated by its first point. */
export interface PathFact extends PathChunk {
  day: string;
}

/** What one projection step produced, written by the facts repository in one transaction. */
export interface FactsBatch {
  sessions: SessionFact[];
  sessionTracks: SessionTrackFact[];
  lines: SessionLineFact[];
  shelfEvents: ShelfEventFact[];
  zoneVisits: ZoneVisitFact[];
  sessionHours: SessionHourFact[];
  baskets: BasketDayFact[];
  zoneDays: ZoneDayFact[];
  productDays: ProductDayFact[];
  dwell: DwellFact[];
  paths: PathFact[];
  heat: HeatFact[];
}

export function emptyBatch(): FactsBatch {
  return { sessions: [], sessionTracks: [], lines: [], shelfEvents: [], zoneVisits: [], sessionHours: [], baskets: [], zoneDays: [], productDays: [], dwell: [], paths: [], heat: [] };
}

export function batchSize(batch: FactsBatch): number {
  return Object.values(batch).reduce((n, rows: unknown[]) => n + rows.length, 0);
}
