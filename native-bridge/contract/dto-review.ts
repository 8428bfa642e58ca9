// The review of flagged sessions as the renderer sees it: the queue, one session with everything a
// reviewer needs to decide (flags with their evidence, the shelf events and who they could belong
// to, the cart before and after corrections, the correction history, the approval, refunds and
// the session's audit trail), and the calls that change it: correct, undo, approve, waive (close
// without charge), refund.
import { z } from 'zod';
import type { LiveFlagReason } from './live-floor';
import {
  correctionActionRequestSchema,
  correctionReasons,
  type CartItem,
  type CorrectionAction,
  type CorrectionReason,
  type ReviewCart,
} from './review-actions';
import { sessionKeySchema } from './session-key';

/** Every `sessionId` here is a session key across live runs ("r3.S12"; see session-key.ts). */
const sessionId = sessionKeySchema;
const note = z.string().trim().max(500);

/** Why a reviewer closes a held session without charging anyone; stored with the waiver and in the audit log. */
export const waiveReasons = ['no-account', 'nothing-taken', 'staff-or-restock', 'goodwill', 'other'] as const;
export type WaiveReason = (typeof waiveReasons)[number];

export const waiveReasonLabels: Readonly<Record<WaiveReason, string>> = {
  'no-account': 'No account to charge (came in without a scan)',
  'nothing-taken': 'Nothing was taken',
  'staff-or-restock': 'Staff or restock, not a shopper',
  goodwill: 'Goodwill (waive the charge)',
  other: 'Other (explain in the note)',
};

export const reviewCalls = {
  getReviewQueue: z.object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  getReviewSession: z.object({ sessionId }).strict(),
  /** `sessionId`: the session under review, whose view comes back; the action must touch it. */
  correctCart: z
    .object({ sessionId, action: correctionActionRequestSchema, reason: z.enum(correctionReasons), note })
    .strict()
    .refine((c) => c.reason !== 'other' || c.note.length > 0, { message: 'say what happened when the reason is "other"', path: ['note'] }),
  undoCorrection: z.object({ sessionId }).strict(),
  approveSession: z.object({ sessionId, note }).strict(),
  /**
   * Closes a held session without charge. The note is required: nobody pays, so the log must say why.
   * A session with an account could be charged; waiving it is refused unless `waiveAccountCharge`
   * says the reviewer means it (goodwill, a disputed visit).
   */
  waiveSession: z
    .object({ sessionId, reason: z.enum(waiveReasons), note: note.min(1, 'say why nobody is charged'), waiveAccountCharge: z.literal(true).optional() })
    .strict(),
  refundSession: z
    .object({
      sessionId,
      items: z.array(z.object({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(999) }).strict()).min(1).max(100),
      reason: z.enum(correctionReasons),
      note,
    })
    .strict()
    .refine((r) => r.reason !== 'other' || r.note.length > 0, { message: 'say what happened when the reason is "other"', path: ['note'] }),
  verifyAuditChain: z.object({}).strict(),
} as const;

/** A reviewer's waiver of the session open for review, as the page sends it. */
export type WaiveDecision = Omit<z.output<typeof reviewCalls.waiveSession>, 'sessionId'>;

export type ReviewStatus = 'open' | 'charged' | 'held-for-review' | 'approved' | 'waived';

export interface ReviewQueueItem {
  sessionId: string;
  /** When the receipt was held (store time, ms). */
  heldAt: number;
  openedAt: number;
  account?: string;
  anonymous: boolean;
  /** Distinct reasons, in the order first raised. */
  reasons: LiveFlagReason[];
  units: number;
  /** Corrections made so far and not undone. */
  corrections: number;
}

export interface ReviewQueue {
  items: ReviewQueueItem[];
  /** Sessions waiting in all (the queue may be longer than one page). */
  total: number;
}

export interface ReviewFlag {
  reason: LiveFlagReason;
  t: number;
  detail: string;
  eventId?: string;
  trackId?: number;
}

export interface ProductInfo {
  sku: string;
  name: string;
  priceMinor: number;
}

export interface ReviewCandidate {
  sessionId: string;
  /** The member track that explains the event best, and its median distance to the plates. */
  trackId: number;
  distanceM: number;
  /** How near its hand came to the plates, where a camera saw its hands. */
  handDistanceM?: number;
  /** For a put-back: how well the session's cart explains it (1: it holds the units). */
  cartFit?: number;
  probability: number;
}

/** A shelf event and the evidence the engine decided on: the weight change, the products it could be, who could have made it. */
export interface EventEvidence {
  id: string;
  t: number;
  startMs: number;
  endMs: number;
  fixture: string;
  shelf: string;
  plates: string[];
  deltaGrams: number[];
  hypotheses: { sku: string; quantity: number; probability: number }[];
  /** Absent when the engine never attributed it. */
  attribution?: {
    sessionId: string;
    probability: number;
    basis: 'posterior' | 'restock-mode' | 'marked-nobody';
    candidates: ReviewCandidate[];
    nobody: { probability: number; trackId?: number; distanceM?: number };
    late: boolean;
  };
}

/** A shelf event the session was charged for, came close to, or was flagged over. */
export interface ReviewEvent extends EventEvidence {
  /** Who the engine charged it to, and who holds it now after corrections (a session id or "nobody"). */
  engineOwner: string;
  owner: string;
  /** What moves with the event when it is reassigned (negative for a put-back). */
  effect: CartItem[];
}

export interface PricedLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

export interface ReviewCorrection {
  id: number;
  at: number;
  actor: string;
  reason: CorrectionReason;
  note: string;
  action: CorrectionAction;
  undone?: { at: number; by: string };
}

export interface PaymentStatus {
  state: 'pending' | 'issued' | 'failed';
  reference?: string;
  error?: string;
}

export interface ReviewApproval {
  at: number;
  actor: string;
  note: string;
  lines: PricedLine[];
  totalMinor: number;
  payment: PaymentStatus;
}

/** A held session closed without charge. */
export interface ReviewWaiver {
  at: number;
  actor: string;
  reason: WaiveReason;
  note: string;
  /** What the cart came to when it was waived: the money not charged. */
  lines: PricedLine[];
  totalMinor: number;
  /** The payment side closing the held receipt uncharged (nothing is paid either way). */
  payment: PaymentStatus;
}

export interface ReviewRefund {
  id: number;
  at: number;
  actor: string;
  reason: CorrectionReason;
  note: string;
  lines: PricedLine[];
  totalMinor: number;
  payment: PaymentStatus;
}

export interface AuditTrailEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  reason: string;
  hash: string;
}

export interface ReviewSession {
  sessionId: string;
  account?: string;
  anonymous: boolean;
  openedAt: number;
  /** When the receipt was issued or held; absent while the session is open. */
  closedAt?: number;
  status: ReviewStatus;
  /** Corrections may be made and undone: held for review and not yet approved. */
  editable: boolean;
  currency: string;
  flags: ReviewFlag[];
  engineCart: ReviewCart;
  cart: ReviewCart;
  lines: PricedLine[];
  totalMinor: number;
  engineTotalMinor: number;
  events: ReviewEvent[];
  corrections: ReviewCorrection[];
  /** Why the last correction cannot be undone here, or null when it can (or there is none). */
  undoBlockedBy: string | null;
  approval?: ReviewApproval;
  waiver?: ReviewWaiver;
  refunds: ReviewRefund[];
  /** Units charged and not yet refunded, per product: the most a refund may take back. */
  refundable: CartItem[];
  audit: AuditTrailEntry[];
  /** Every product a reviewer may put on the cart (the store's catalog). */
  products: ProductInfo[];
}

export type AuditChainCheck = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string };

export interface ReviewOutputs {
  getReviewQueue: ReviewQueue;
  getReviewSession: ReviewSession;
  correctCart: ReviewSession;
  undoCorrection: ReviewSession;
  approveSession: ReviewSession;
  waiveSession: ReviewSession;
  refundSession: ReviewSession;
  verifyAuditChain: AuditChainCheck;
}
