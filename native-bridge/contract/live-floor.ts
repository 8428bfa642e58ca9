// The live floor map beyond positions: the store's event feed (gate events, tailgating alerts,
// flags, receipts, devices going down), the devices that are not working, and one session's live
// cart and history, fetched when a manager clicks its shopper.
//
// The reason unions mirror the engine's (main/engine/decisions.ts); the contract may not import the
// engine, so main/live checks at compile time that every engine reason fits these.
import { z } from 'zod';

export const liveFlagReasons = [
  'low-posterior',
  'close-second',
  'weight-residual',
  'unmatched-put-back',
  'track-lost',
  'age-restricted',
  'tailgating',
] as const;
export type LiveFlagReason = (typeof liveFlagReasons)[number];

export const liveRefusalReasons = ['malformed', 'bad-signature', 'expired', 'not-yet-valid', 'wrong-store', 'reused', 'not-an-entry-gate'] as const;
export type LiveRefusalReason = (typeof liveRefusalReasons)[number];

/**
 * What the floor map overlays for device health. `device` is the name the store model uses:
 * a shelf controller's serial (its plates are `plate.device.controller`), a camera's id, a gate
 * scanner's serial. Only devices that are not working are listed.
 */
export type DeviceKind = 'shelf-controller' | 'camera' | 'gate-scanner' | 'other';

export interface DeviceFault {
  device: string;
  kind: DeviceKind;
  state: 'offline' | 'error';
  /** Store time the device went down (ms since the epoch). */
  since: number;
  detail?: string;
}

export interface LiveDevices {
  /** Devices whose latest report says they are working. */
  online: number;
  /** Sorted by device name. */
  faults: DeviceFault[];
}

/** One entry of the store's live event feed. */
export type LiveEvent = {
  /** Increases by one per event within a feed; a smaller number than seen before means a new feed. */
  seq: number;
  /** Store time, ms since the epoch. */
  t: number;
} & (
  | { kind: 'gate-admitted'; gate: string; sessionId: string; groupSize: number }
  | { kind: 'gate-refused'; gate: string; reason: LiveRefusalReason }
  | { kind: 'tailgating'; gate: string; trackId?: number; sessionId?: string }
  | { kind: 'session-flagged'; sessionId: string; reason: LiveFlagReason; trackId?: number }
  | { kind: 'receipt'; sessionId: string; status: 'charged' | 'held-for-review'; units: number; totalMinor: number }
  | { kind: 'device-down'; device: string; deviceKind: DeviceKind; state: 'offline' | 'error'; detail?: string }
  | { kind: 'device-up'; device: string; deviceKind: DeviceKind }
);
export type LiveEventKind = LiveEvent['kind'];

/** A line of a live cart: the engine's confidence is the weakest of the picks that made it. */
export interface LiveCartLine {
  sku: string;
  /** The catalog's name, or the SKU when the catalog does not know it. */
  name: string;
  quantity: number;
  /** 0–1. */
  confidence: number;
  unitPriceMinor: number;
  /** The catalog marks the product age-restricted: the receipt is held unless staff checked the shopper's ID. */
  ageRestricted?: true;
}

/**
 * A line not settled yet. A shelf's plates need about a second of stillness before the shelf event
 * is settled; meanwhile the plates' first still samples (~0.15 s after the hand left) give a first
 * reading, and fusion shows it at once on the session it would be charged to. `quantity` is what it
 * would change the cart by (positive: a pick; negative: a put-back); `confidence` is how likely
 * that is: attribution to this session × the reading's probability, 0–1.
 *
 * Not part of the cart: not on the receipt and not in the cart's units or total. Within about a
 * second the settled shelf event replaces it with a cart line (or removes it, when the shelf settles
 * with no change).
 */
export interface LivePendingLine extends LiveCartLine {
  /** The first reading it comes from; a newer reading of the same shelf replaces the line. */
  readingId: string;
  /** Store time of the reading, ms since the epoch. */
  since: number;
}

/** Staff checked the shopper's ID on the floor: who, and at what store time (ms since the epoch). */
export interface LiveAgeCheck {
  by: string;
  t: number;
}

/** Something that happened to one session, newest last in `LiveSessionDetail.events`. */
export type LiveSessionEvent = { t: number } & (
  | { kind: 'admitted'; gate: string; groupSize: number }
  | { kind: 'member'; trackId: number; via: 'admission' | 'tailgating' | 'rebind'; gate?: string }
  | {
      kind: 'cart';
      eventId: string;
      sku: string;
      name: string;
      /** Units added (pick) or removed (put-back, negative). */
      quantity: number;
      /** Confidence in the product and quantity, 0–1. */
      confidence: number;
      /** Probability that this session, rather than another or nobody, made the shelf event. */
      attribution?: number;
    }
  | { kind: 'flagged'; reason: LiveFlagReason; detail: string }
  | { kind: 'age-checked'; by: string }
  | { kind: 'receipt'; status: 'charged' | 'held-for-review' }
);

export interface LiveSessionDetail {
  id: string;
  /** Tailgater's session: nobody scanned a code for it. */
  anonymous: boolean;
  gate: string;
  openedAt: number;
  /** 'settling': every member has left and late shelf events are awaited; 'closed': receipt issued. */
  status: 'open' | 'settling' | 'closed';
  receipt?: 'charged' | 'held-for-review';
  trackIds: number[];
  cart: LiveCartLine[];
  /** Lines still settling, oldest first: shown apart from the cart, never on the receipt; none once closed. */
  pending: LivePendingLine[];
  flags: LiveFlagReason[];
  /** Set once staff have checked the shopper's ID (the first check stands). */
  ageCheck?: LiveAgeCheck;
  /** The most recent, oldest first. */
  events: LiveSessionEvent[];
  /** Increases whenever any of the above changes; the floor frame carries it per shopper. */
  revision: number;
}

/** Session ids as the engine makes them (e.g. S12, A3); bounded so a malformed call is refused early. */
const sessionId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');

export const liveFloorCalls = {
  getLiveSession: z.object({ sessionId }).strict(),
  /** Staff checked the shopper's ID on the floor: the session's age-restricted lines need no review at exit. Audited. */
  confirmAgeCheck: z.object({ sessionId, note: z.string().trim().max(500, 'at most 500 characters').default('') }).strict(),
} as const;

export interface AgeCheckConfirmation {
  sessionId: string;
  ageCheck: LiveAgeCheck;
}

export interface LiveFloorOutputs {
  getLiveSession: LiveSessionDetail;
  confirmAgeCheck: AgeCheckConfirmation;
}
