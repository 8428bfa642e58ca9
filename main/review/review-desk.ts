// The review desk: the queue of held sessions, corrections with undo, approval, closing without
// charge (waiver) and refunds. Each change is checked and written under one write lock (the repository's `atomically`), with its
// audit entry in the same transaction; payment is asked for only after the decision is committed,
// with an idempotency key, so a crash or a retry never charges or refunds twice.
import { ApiError } from '../../native-bridge/contract/errors';
import type { AuditChainCheck, ReviewQueue, ReviewSession, WaiveReason } from '../../native-bridge/contract/dto-review';
import {
  CorrectionRefusedError,
  NOBODY,
  inverseOf,
  performCorrection,
  sessionsOfAction,
  unitsOf,
  type CartItem,
  type Carts,
  type CorrectionAction,
  type CorrectionActionRequest,
  type CorrectionReason,
} from '../../native-bridge/contract/review-actions';
import type { JsonValue, StoreDatabase, StoredPayment } from '../db';
import type { StoreModel } from '../store/schema';
import { engineOwner, eventEffect } from './engine-cart';
import { createPricing, type Pricing } from './pricing';
import { approvalKey, refundKey, waiveKey, type PricedLine, type ReceiptIssuer } from './receipt-issuer';
import { activeCorrectionsOf, actionOf, currentOwner, loadReviewState, type ReviewState } from './review-state';
import {
  decisionSpan,
  eventKey,
  loadEvents,
  loadSessionDecisions,
  openedAt,
  parseDecision,
  referencedEventIds,
  type SessionDecisions,
} from './session-decisions';
import { parseSessionKey } from '../../native-bridge/contract/session-key';
import { buildReviewSession, chargedLines, refundableItems } from './session-view';

export interface ReviewDeskDeps {
  db: Pick<StoreDatabase, 'decisions' | 'review' | 'audit'>;
  store: Pick<StoreModel, 'catalog' | 'layout'>;
  issuer: ReceiptIssuer;
  /** Wall clock (ms since the epoch): when a person acted. */
  now: () => number;
}

export interface CorrectionRequest {
  sessionId: string;
  action: CorrectionActionRequest;
  reason: CorrectionReason;
  note: string;
}

export interface WaiveRequest {
  sessionId: string;
  reason: WaiveReason;
  note: string;
  /** Required for a session with an account: the reviewer means to let a shopper who could pay go uncharged. */
  waiveAccountCharge?: boolean;
}

export interface RefundRequest {
  sessionId: string;
  items: CartItem[];
  reason: CorrectionReason;
  note: string;
}

export interface ReviewDesk {
  queue(page: { limit: number; offset: number }): ReviewQueue;
  session(sessionId: string): ReviewSession;
  correct(request: CorrectionRequest, actor: string): ReviewSession;
  undo(sessionId: string, actor: string): ReviewSession;
  approve(request: { sessionId: string; note: string }, actor: string): Promise<ReviewSession>;
  waive(request: WaiveRequest, actor: string): Promise<ReviewSession>;
  refund(request: RefundRequest, actor: string): Promise<ReviewSession>;
  /** Payments decided but never confirmed (the host stopped in between): asked for again, same keys. */
  resumePayments(): Promise<number>;
  verifyAudit(): AuditChainCheck;
}

const subjectOf = (sessionId: string) => `session:${sessionId}`;

export function createReviewDesk(deps: ReviewDeskDeps): ReviewDesk {
  const { db, issuer, now } = deps;
  const pricing: Pricing = createPricing(deps.store.catalog);
  const currency = deps.store.layout.currency;

  function sessionOrThrow(sessionId: string): SessionDecisions {
    const s = loadSessionDecisions(db.decisions, sessionId);
    if (!s) throw new ApiError('not_found', `no session ${sessionId}`);
    return s;
  }

  /** Why `sessionId`'s cart may not be changed now, or null when it may. */
  function lockedBecause(sessionId: string, s: SessionDecisions | undefined): string | null {
    if (!s) return `no session ${sessionId}`;
    if (!s.receipt) return `${sessionId} is still in the store: its cart is corrected once its receipt is held`;
    if (s.receipt.status === 'charged') return `${sessionId} was charged without review: take things back with a refund`;
    const outcome = db.review.outcome(sessionId);
    if (outcome) return outcome.kind === 'approved' ? `${sessionId} is already approved` : `${sessionId} was already closed without charge`;
    return null;
  }

  function requireEditable(sessionId: string, s: SessionDecisions | undefined): void {
    const why = lockedBecause(sessionId, s);
    if (why) throw new ApiError(s ? 'conflict' : 'not_found', why);
  }

  /** Why the last correction on the session cannot be undone, or null (also when there is none). */
  function undoBlockedBy(state: ReviewState, sessionId: string): string | null {
    const last = activeCorrectionsOf(state, sessionId).at(-1);
    if (!last) return null;
    for (const other of last.sessions) {
      const why = lockedBecause(other, state.sessions.get(other));
      if (why) return why;
      const lastThere = activeCorrectionsOf(state, other).at(-1);
      if (lastThere && lastThere.id !== last.id) return `correction #${lastThere.id} on ${other} came after it: undo that one first`;
    }
    return null;
  }

  function view(sessionId: string): ReviewSession {
    const s = sessionOrThrow(sessionId);
    const state = loadReviewState(db, [sessionId]);
    const span = decisionSpan(s);
    const moved = state.corrections.map(actionOf).flatMap((a) => (a.type === 'reassign-event' ? [a.eventId] : []));
    const eventIds = [...new Set([...referencedEventIds(s), ...moved])];
    const events = loadEvents(db.decisions, s.runId, eventIds, span.fromMs, span.toMs).map((entry) => {
      const owner = engineOwner(entry);
      return { entry, engineOwner: owner, owner: currentOwner(db.review, eventKey(s.runId, entry.event.id), owner), effect: eventEffect(entry, ownerDecisions(s, owner)) };
    });
    return buildReviewSession({
      s,
      state,
      events,
      outcome: db.review.outcome(sessionId),
      refunds: db.review.refunds(sessionId),
      audit: db.audit.list({ limit: 500, subject: subjectOf(sessionId), alsoIds: correctionAuditIds(state, sessionId) }).reverse(),
      editable: lockedBecause(sessionId, s) === null,
      undoBlockedBy: undoBlockedBy(state, sessionId),
      pricing,
      catalog: deps.store.catalog,
      currency,
    });
  }

  function ownerDecisions(s: SessionDecisions, owner: string): SessionDecisions | undefined {
    if (owner === NOBODY) return undefined;
    return owner === s.key ? s : loadSessionDecisions(db.decisions, owner);
  }

  /** The full action: an event's effect comes from the engine's record, never from the client. */
  function resolve(request: CorrectionRequest, s: SessionDecisions): CorrectionAction {
    const action = request.action;
    if (action.type !== 'reassign-event') {
      for (const sku of action.type === 'change-line' ? [action.to.sku] : [action.sku]) {
        if (!pricing.has(sku)) throw new ApiError('invalid_input', `product ${sku} is not in the catalog`);
      }
      return action;
    }
    for (const side of [action.from, action.to]) {
      if (side !== NOBODY && parseSessionKey(side).runId !== s.runId) {
        throw new ApiError('invalid_input', `${side} is not from the same live run as ${s.key}: an event can only move between sessions of its run`);
      }
    }
    const span = decisionSpan(s);
    const [entry] = loadEvents(db.decisions, s.runId, [action.eventId], span.fromMs, span.toMs);
    if (!entry) throw new ApiError('not_found', `no shelf event ${action.eventId} around session ${s.key}`);
    const engine = engineOwner(entry);
    const owner = currentOwner(db.review, eventKey(s.runId, action.eventId), engine);
    if (owner !== action.from) throw new ApiError('conflict', `event ${action.eventId} is charged to ${owner} now, not ${action.from}`);
    return { ...action, items: eventEffect(entry, ownerDecisions(s, engine)) };
  }

  function cartsOf(carts: Carts, sessionIds: readonly string[]): JsonValue {
    return Object.fromEntries(sessionIds.map((id) => [id, carts[id] ?? null])) as unknown as JsonValue;
  }

  function paymentFailure(error: unknown): StoredPayment {
    return { state: 'failed', error: error instanceof Error ? error.message : String(error) };
  }

  /** Who the payment side is asked about: the session as the engine named it, in its run, with its token and account. */
  function payer(s: SessionDecisions) {
    return {
      sessionId: s.sessionId,
      ...(s.runId !== undefined ? { runId: s.runId } : {}),
      ...(s.receipt?.tokenNonce !== undefined ? { tokenNonce: s.receipt.tokenNonce } : {}),
      ...(s.admitted ? { account: s.admitted.account } : {}),
    };
  }

  /** Tells the payment side what the reviewer decided: charge the approved receipt, or close the waived one uncharged. */
  async function settleOutcome(sessionId: string): Promise<void> {
    const outcome = db.review.outcome(sessionId);
    if (!outcome || outcome.payment.state === 'issued') return;
    const s = sessionOrThrow(sessionId);
    const receipt = outcome.receipt as unknown as { lines: PricedLine[]; totalMinor: number };
    try {
      const { reference } =
        outcome.kind === 'approved'
          ? await issuer.issueReviewed(
              { ...payer(s), currency, lines: receipt.lines, totalMinor: receipt.totalMinor, approvedBy: outcome.actor, approvedAtMs: outcome.approvedMs },
              approvalKey(sessionId),
            )
          : await issuer.waive({ ...payer(s), reason: outcome.reason ?? '', note: outcome.note, waivedBy: outcome.actor, waivedAtMs: outcome.approvedMs }, waiveKey(sessionId));
      db.review.setOutcomePayment(sessionId, { state: 'issued', reference });
    } catch (error) {
      db.review.setOutcomePayment(sessionId, paymentFailure(error));
    }
  }

  async function issueRefund(sessionId: string, refundId: number): Promise<void> {
    const refund = db.review.refunds(sessionId).find((r) => r.id === refundId);
    if (!refund || refund.payment.state === 'issued') return;
    const s = sessionOrThrow(sessionId);
    const lines = refund.items as unknown as PricedLine[];
    try {
      const { reference } = await issuer.refund(
        {
          ...payer(s),
          refundId,
          currency,
          lines,
          totalMinor: refund.amountMinor,
          reason: refund.reason,
          note: refund.note,
          refundedBy: refund.actor,
          refundedAtMs: refund.createdMs,
        },
        refundKey(sessionId, refundId),
      );
      db.review.setRefundPayment(refundId, { state: 'issued', reference });
    } catch (error) {
      db.review.setRefundPayment(refundId, paymentFailure(error));
    }
  }

  return {
    queue({ limit, offset }) {
      const items = db.review.pendingHeldReceipts({ limit, offset }).map((row) => {
        const receipt = parseDecision(row.json);
        const s = loadSessionDecisions(db.decisions, row.sessionId)!;
        const state = loadReviewState(db, [row.sessionId]);
        const cart = state.carts[row.sessionId];
        const reasons = receipt.kind === 'receipt' ? receipt.flags : [];
        return {
          sessionId: row.sessionId,
          heldAt: row.t,
          openedAt: openedAt(s),
          ...(s.admitted ? { account: s.admitted.account } : {}),
          anonymous: !s.admitted,
          reasons,
          units: cart ? unitsOf(cart) : 0,
          corrections: activeCorrectionsOf(state, row.sessionId).length,
        };
      });
      return { items, total: db.review.pendingHeldCount() };
    },

    session: view,

    correct(request, actor) {
      db.review.atomically(() => {
        const s = sessionOrThrow(request.sessionId);
        const action = resolve(request, s);
        const touched = sessionsOfAction(action);
        if (!touched.includes(request.sessionId)) {
          throw new ApiError('invalid_input', `the correction must change ${request.sessionId}'s cart (it changes ${touched.join(' and ') || 'no cart'})`);
        }
        for (const id of touched) requireEditable(id, id === s.key ? s : loadSessionDecisions(db.decisions, id));
        const state = loadReviewState(db, touched);
        let after: Carts;
        try {
          after = performCorrection(state.carts, action);
        } catch (error) {
          if (error instanceof CorrectionRefusedError) throw new ApiError('conflict', error.message);
          throw error;
        }
        db.review.addCorrection({
          createdMs: now(),
          actor,
          reason: request.reason,
          note: request.note,
          action: action as unknown as JsonValue,
          ...(action.type === 'reassign-event' ? { eventId: eventKey(s.runId, action.eventId) } : {}),
          sessions: touched,
          audit: {
            actor,
            action: 'review.correct',
            subject: subjectOf(request.sessionId),
            reason: auditReason(request.reason, request.note),
            before: { action: action as unknown as JsonValue, carts: cartsOf(state.carts, touched) },
            after: { carts: cartsOf(after, touched) },
            at: now(),
          },
        });
      });
      return view(request.sessionId);
    },

    undo(sessionId, actor) {
      db.review.atomically(() => {
        sessionOrThrow(sessionId);
        const state = loadReviewState(db, [sessionId]);
        const last = activeCorrectionsOf(state, sessionId).at(-1);
        if (!last) throw new ApiError('conflict', `${sessionId} has no correction to undo`);
        const blocked = undoBlockedBy(state, sessionId);
        if (blocked) throw new ApiError('conflict', blocked);
        const after = performCorrection(state.carts, inverseOf(actionOf(last)));
        db.review.markUndone(last.id, {
          ms: now(),
          by: actor,
          audit: {
            actor,
            action: 'review.undo',
            subject: subjectOf(sessionId),
            reason: `undo correction #${last.id}`,
            before: { correction: last.id, carts: cartsOf(state.carts, last.sessions) },
            after: { carts: cartsOf(after, last.sessions) },
            at: now(),
          },
        });
      });
      return view(sessionId);
    },

    async approve({ sessionId, note }, actor) {
      db.review.atomically(() => {
        const s = sessionOrThrow(sessionId);
        const existing = db.review.outcome(sessionId);
        // Approved but the payment never went through: asking again retries it, nothing else.
        if (existing?.kind === 'approved' && existing.payment.state !== 'issued') return;
        requireEditable(sessionId, s);
        if (!s.admitted) {
          throw new ApiError('conflict', `${sessionId} came in without a scan: there is no account to charge, so close it without charge instead`);
        }
        const cart = loadReviewState(db, [sessionId]).carts[sessionId]!;
        let priced: { lines: PricedLine[]; totalMinor: number };
        try {
          priced = pricing.price(cart.lines);
        } catch (error) {
          throw new ApiError('conflict', (error as Error).message);
        }
        db.review.approve({
          sessionId,
          approvedMs: now(),
          actor,
          note,
          receipt: priced as unknown as JsonValue,
          audit: {
            actor,
            action: 'review.approve',
            subject: subjectOf(sessionId),
            reason: note,
            before: { engineReceipt: { lines: s.receipt!.lines, flags: s.receipt!.flags } } as unknown as JsonValue,
            after: { currency, ...priced } as unknown as JsonValue,
            at: now(),
          },
        });
      });
      await settleOutcome(sessionId);
      return view(sessionId);
    },

    // Who may waive: anyone who may review ('review' permission: reviewers and managers). A waiver
    // of a tailgater's session is routine (nobody can be charged). Waiving a shopper who has an
    // account is a real decision (goodwill, a disputed visit), yet a reviewer can already correct
    // the cart down to nothing and approve it, so keeping waivers for managers would protect
    // nothing; instead the call must say so explicitly (waiveAccountCharge), carry a reason code
    // and a note, and the audit entry names who let whom go uncharged and why.
    async waive(request, actor) {
      const { sessionId } = request;
      db.review.atomically(() => {
        const s = sessionOrThrow(sessionId);
        const existing = db.review.outcome(sessionId);
        // Waived but the payment side never closed the receipt: asking again retries that, nothing else.
        if (existing?.kind === 'waived' && existing.payment.state !== 'issued') return;
        requireEditable(sessionId, s);
        if (s.admitted && request.reason === 'no-account') {
          throw new ApiError('invalid_input', `${sessionId} has an account (${s.admitted.account}): "no account" is not why it goes uncharged`);
        }
        if (s.admitted && request.waiveAccountCharge !== true) {
          throw new ApiError('conflict', `${sessionId} has an account (${s.admitted.account}) that can be charged: waive it only on purpose (waiveAccountCharge)`);
        }
        const cart = loadReviewState(db, [sessionId]).carts[sessionId]!;
        const waived = pricing.describe(cart.lines);
        db.review.waive({
          sessionId,
          waivedMs: now(),
          actor,
          reason: request.reason,
          note: request.note,
          receipt: waived as unknown as JsonValue,
          audit: {
            actor,
            action: 'review.waive',
            subject: subjectOf(sessionId),
            reason: auditReason(request.reason, request.note),
            before: { engineReceipt: { lines: s.receipt!.lines, flags: s.receipt!.flags }, cart } as unknown as JsonValue,
            after: { charged: 0, notCharged: { currency, ...waived }, ...(s.admitted ? { account: s.admitted.account } : {}) } as unknown as JsonValue,
            at: now(),
          },
        });
      });
      await settleOutcome(sessionId);
      return view(sessionId);
    },

    async refund(request, actor) {
      const refundId = db.review.atomically(() => {
        const s = sessionOrThrow(request.sessionId);
        const outcome = db.review.outcome(request.sessionId);
        const charged = chargedLines(s, outcome, pricing);
        if (!charged) throw new ApiError('conflict', `${request.sessionId} has not been charged: correct its cart instead`);
        const refundable = refundableItems(charged, db.review.refunds(request.sessionId));
        const lines: PricedLine[] = [];
        for (const { sku, quantity } of mergeItems(request.items)) {
          const charge = charged.find((line) => line.sku === sku);
          const left = refundable.find((item) => item.sku === sku)?.quantity ?? 0;
          if (!charge || quantity > left) throw new ApiError('conflict', `${request.sessionId} was charged for ${left} more × ${sku} at most, not ${quantity}`);
          lines.push({ ...charge, quantity, amountMinor: charge.unitPriceMinor * quantity });
        }
        const totalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
        const stored = db.review.addRefund({
          sessionId: request.sessionId,
          createdMs: now(),
          actor,
          reason: request.reason,
          note: request.note,
          items: lines as unknown as JsonValue,
          amountMinor: totalMinor,
          audit: {
            actor,
            action: 'review.refund',
            subject: subjectOf(request.sessionId),
            reason: auditReason(request.reason, request.note),
            before: { refundable } as unknown as JsonValue,
            after: { refund: lines, totalMinor, currency } as unknown as JsonValue,
            at: now(),
          },
        });
        return stored.id;
      });
      await issueRefund(request.sessionId, refundId);
      return view(request.sessionId);
    },

    async resumePayments() {
      const unsettled = db.review.unsettledPayments();
      for (const sessionId of unsettled.outcomes) await settleOutcome(sessionId);
      for (const { sessionId, refundId } of unsettled.refunds) await issueRefund(sessionId, refundId);
      return unsettled.outcomes.length + unsettled.refunds.length;
    },

    verifyAudit: () => db.audit.verify(),
  };
}

/**
 * The audit entries of every correction (and its undo) that changed this session's cart. An event
 * moved between two carts is filed under the session it was reviewed from; the other session's
 * trail must show it too.
 */
function correctionAuditIds(state: ReviewState, sessionId: string): number[] {
  return state.corrections.filter((c) => c.sessions.includes(sessionId)).flatMap((c) => (c.undone ? [c.auditId, c.undone.auditId] : [c.auditId]));
}

function auditReason(reason: CorrectionReason | WaiveReason, note: string): string {
  return note ? `${reason}: ${note}` : reason;
}

function mergeItems(items: readonly CartItem[]): CartItem[] {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of items) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
