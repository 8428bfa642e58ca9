// Assembles what the review page shows of one session from the engine's decisions, the review
// state and the stored outcome (approval or waiver), refunds and audit entries. Pure: everything
// arrives as arguments.
import type { EventEvidence, ReviewEvent, ReviewSession, ReviewStatus, WaiveReason } from '../../native-bridge/contract/dto-review';
import type { CartItem, CorrectionReason } from '../../native-bridge/contract/review-actions';
import type { AuditEntry, StoredOutcome, StoredPayment, StoredRefund } from '../db';
import type { Product } from '../store/schema';
import type { Pricing } from './pricing';
import type { PricedLine } from './receipt-issuer';
import { actionOf, type ReviewState } from './review-state';
import { keyInRun, openedAt, type EventWithAttribution, type SessionDecisions } from './session-decisions';
import { engineCart } from './engine-cart';
import { flagsWithKeys } from './flag-details';

export interface ResolvedEvent {
  entry: EventWithAttribution;
  engineOwner: string;
  owner: string;
  effect: CartItem[];
}

export interface SessionViewInput {
  s: SessionDecisions;
  state: ReviewState;
  events: ResolvedEvent[];
  outcome: StoredOutcome | undefined;
  refunds: StoredRefund[];
  /** Oldest first. */
  audit: AuditEntry[];
  editable: boolean;
  undoBlockedBy: string | null;
  pricing: Pricing;
  catalog: readonly Product[];
  currency: string;
}

export function statusOf(s: SessionDecisions, outcome: StoredOutcome | undefined): ReviewStatus {
  return outcome?.kind ?? s.receipt?.status ?? 'open';
}

/** What the shopper was charged, line by line; undefined while nothing has been charged (a waived session never is). */
export function chargedLines(s: SessionDecisions, outcome: StoredOutcome | undefined, pricing: Pricing): PricedLine[] | undefined {
  if (outcome) return outcome.kind === 'approved' && outcome.payment.state === 'issued' ? receiptOf(outcome).lines : undefined;
  if (s.receipt?.status !== 'charged') return undefined;
  return pricing.describe(s.receipt.lines).lines;
}

/** Charged units less every refund that has not failed, per product. */
export function refundableItems(charged: readonly PricedLine[], refunds: readonly StoredRefund[]): CartItem[] {
  const left = new Map(charged.map((line) => [line.sku, line.quantity]));
  for (const refund of refunds) {
    if (refund.payment.state === 'failed') continue;
    for (const line of refund.items as unknown as PricedLine[]) left.set(line.sku, (left.get(line.sku) ?? 0) - line.quantity);
  }
  return [...left].filter(([, quantity]) => quantity > 0).map(([sku, quantity]) => ({ sku, quantity }));
}

function payment(p: StoredPayment): ReviewSession['refunds'][number]['payment'] {
  return { state: p.state, ...(p.reference !== undefined ? { reference: p.reference } : {}), ...(p.error !== undefined ? { error: p.error } : {}) };
}

/** The priced lines an outcome stored: charged for an approval, not charged for a waiver. */
function receiptOf(outcome: StoredOutcome): { lines: PricedLine[]; totalMinor: number } {
  return outcome.receipt as unknown as { lines: PricedLine[]; totalMinor: number };
}

function outcomeView(outcome: StoredOutcome | undefined): Pick<ReviewSession, 'approval' | 'waiver'> {
  if (!outcome) return {};
  const decided = { at: outcome.approvedMs, actor: outcome.actor, note: outcome.note, ...receiptOf(outcome), payment: payment(outcome.payment) };
  return outcome.kind === 'approved' ? { approval: decided } : { waiver: { ...decided, reason: outcome.reason as WaiveReason } };
}

/** A shelf event with what the engine decided it on; session ids as keys of the event's run. */
export function eventEvidence(entry: EventWithAttribution): EventEvidence {
  const { event, attribution, runId } = entry;
  return {
    id: event.id,
    t: event.t,
    startMs: event.startMs,
    endMs: event.endMs,
    fixture: event.fixture,
    shelf: event.shelf,
    plates: event.plates,
    deltaGrams: event.deltaGrams,
    hypotheses: event.hypotheses,
    ...(attribution
      ? {
          attribution: {
            sessionId: keyInRun(runId, attribution.sessionId),
            probability: attribution.probability,
            basis: attribution.basis,
            candidates: attribution.candidates.map((c) => ({
              sessionId: keyInRun(runId, c.sessionId),
              trackId: c.trackId,
              distanceM: c.distanceM,
              ...(c.handDistanceM !== undefined ? { handDistanceM: c.handDistanceM } : {}),
              ...(c.cartFit !== undefined ? { cartFit: c.cartFit } : {}),
              probability: c.probability,
            })),
            nobody: attribution.nobody,
            late: attribution.late === true,
          },
        }
      : {}),
  };
}

function eventView({ entry, engineOwner, owner, effect }: ResolvedEvent): ReviewEvent {
  return { ...eventEvidence(entry), engineOwner, owner, effect };
}

export function buildReviewSession(input: SessionViewInput): ReviewSession {
  const { s, state, outcome, pricing } = input;
  const sessionId = s.key;
  const engine = engineCart(s);
  const cart = state.carts[sessionId] ?? engine;
  const current = pricing.describe(cart.lines);
  const charged = chargedLines(s, outcome, pricing);
  return {
    sessionId,
    ...(s.admitted ? { account: s.admitted.account } : {}),
    anonymous: !s.admitted,
    openedAt: openedAt(s),
    ...(s.receipt ? { closedAt: s.receipt.t } : {}),
    status: statusOf(s, outcome),
    editable: input.editable,
    currency: input.currency,
    flags: flagsWithKeys(s, input.events.map((e) => e.entry)),
    engineCart: engine,
    cart,
    lines: current.lines,
    totalMinor: current.totalMinor,
    engineTotalMinor: pricing.describe(engine.lines).totalMinor,
    events: input.events.map(eventView),
    corrections: state.corrections
      .filter((c) => c.sessions.includes(sessionId))
      .map((c) => ({
        id: c.id,
        at: c.createdMs,
        actor: c.actor,
        reason: c.reason as CorrectionReason,
        note: c.note,
        action: actionOf(c),
        ...(c.undone ? { undone: { at: c.undone.ms, by: c.undone.by } } : {}),
      })),
    undoBlockedBy: input.undoBlockedBy,
    ...outcomeView(outcome),
    refunds: input.refunds.map((r) => ({
      id: r.id,
      at: r.createdMs,
      actor: r.actor,
      reason: r.reason as CorrectionReason,
      note: r.note,
      lines: r.items as unknown as PricedLine[],
      totalMinor: r.amountMinor,
      payment: payment(r.payment),
    })),
    refundable: charged ? refundableItems(charged, input.refunds) : [],
    audit: input.audit.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, reason: e.reason, hash: e.hash })),
    products: input.catalog.map((p) => ({ sku: p.sku, name: p.name, priceMinor: p.priceMinor })),
  };
}
