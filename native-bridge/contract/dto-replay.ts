// Shopper replay: find a session (by id or account, by time, by product), then replay it: the floor
// path of its people, its gate and shelf events on a timeline, the cart as it changed, and for each
// decision the evidence (candidates, product readings, and on request the plates' weight curves
// from the recorded input log).
import { z } from 'zod';
import type { EventEvidence, PricedLine, ProductInfo, ReviewFlag, ReviewStatus } from './dto-review';
import type { LiveFlagReason } from './live-floor';
import type { CartItem } from './review-actions';
import { sessionKeySchema } from './session-key';

const storeTime = z.number().int().min(0).max(8.64e15);

export const replayCalls = {
  searchSessions: z
    .object({
      /** A session key ("r3.S12"), an engine id or account prefix; empty for any. */
      text: z.string().trim().max(64).default(''),
      /** Product name (words it contains) or SKU; empty for any. */
      product: z.string().trim().max(64).default(''),
      /** Sessions that entered within [fromMs, toMs) of store time. */
      fromMs: storeTime.optional(),
      toMs: storeTime.optional(),
      flaggedOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict()
    .refine((q) => q.fromMs === undefined || q.toMs === undefined || q.fromMs < q.toMs, { message: 'from must be before to', path: ['toMs'] }),
  getSessionReplay: z.object({ sessionId: sessionKeySchema }).strict(),
  getEventWeights: z.object({ sessionId: sessionKeySchema, eventId: z.string().min(1).max(64) }).strict(),
} as const;

export interface SessionSummary {
  /** The session key across live runs ("r3.S12"). */
  sessionId: string;
  account?: string;
  anonymous: boolean;
  enteredAt: number;
  /** When its receipt was issued or held; absent while open. */
  closedAt?: number;
  status: ReviewStatus;
  flags: LiveFlagReason[];
  units: number;
  valueMinor: number;
}

export interface SessionSearchResult {
  /** Newest first. */
  sessions: SessionSummary[];
  /** The products the `product` text matched (empty when no product was asked for). */
  matchedProducts: ProductInfo[];
  /** More sessions match than were returned. */
  more: boolean;
}

/** One member's floor path, points in time order (store ms, metres on the plan). */
export interface ReplayTrack {
  trackId: number;
  t: number[];
  x: number[];
  y: number[];
}

export type ReplayMomentKind = 'entered' | 'joined' | 'tailgating' | 'shelf-event' | 'flag' | 'receipt' | 'track-lost' | 'track-refound' | 'track-ended';

/** A point on the timeline. */
export interface ReplayMoment {
  t: number;
  kind: ReplayMomentKind;
  label: string;
  eventId?: string;
  trackId?: number;
}

/** A shelf event on the replay, with where its plates are on the plan. */
export interface ReplayEvent extends EventEvidence {
  /** Aisle-side middle of each plate in `plates`, metres on the plan. */
  plateFronts: { plate: string; x: number; y: number }[];
  /** Who holds the event now: the engine's choice, or where a reviewer moved it. */
  owner: string;
}

/** The cart right after a change. */
export interface ReplayCartStep {
  t: number;
  eventId: string;
  sku: string;
  /** Units added (positive) or removed (negative) by this change. */
  quantity: number;
  cart: CartItem[];
}

export interface SessionReplay {
  session: SessionSummary;
  /** The span to play: from the first gate decision to the receipt (or the last decision while open). */
  startMs: number;
  endMs: number;
  tracks: ReplayTrack[];
  /** False when no floor path was recorded for this session (recorded before paths were kept). */
  pathsRecorded: boolean;
  moments: ReplayMoment[];
  events: ReplayEvent[];
  cartSteps: ReplayCartStep[];
  flags: ReviewFlag[];
  receipt?: { status: 'charged' | 'held-for-review'; lines: PricedLine[]; totalMinor: number };
  currency: string;
  /** Names of the products this replay mentions. */
  products: ProductInfo[];
}

/** A plate's weight around a shelf event, from the recorded input log; null marks a dropped sample. */
export interface WeightCurve {
  plate: string;
  t0: number;
  dt: number;
  grams: (number | null)[];
}

export interface EventWeights {
  eventId: string;
  fromMs: number;
  toMs: number;
  /** Empty when the input log no longer holds that time (purged by retention). */
  curves: WeightCurve[];
}

export interface ReplayOutputs {
  searchSessions: SessionSearchResult;
  getSessionReplay: SessionReplay;
  getEventWeights: EventWeights;
}
