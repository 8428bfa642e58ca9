// The review of flagged sessions as stored: corrections (with the sessions each touches), each
// session's outcome (approved, or waived: closed without charge) and refunds. Every write appends its audit entry in the same transaction, so a row never
// exists without the audit entry that explains it, nor an entry without its row. `atomically` runs
// the caller's checks and writes under one write lock, so two reviewers (or the app and the CLI)
// cannot both approve a session or undo past each other.
import type BetterSqlite3 from 'better-sqlite3';
import type { JsonValue } from '../json';
import type { AuditEntryInput, AuditRepository } from './audit';

export type PaymentState = 'pending' | 'issued' | 'failed';

export interface StoredCorrection {
  id: number;
  createdMs: number;
  actor: string;
  reason: string;
  note: string;
  /** The action as JSON (the review module owns its shape). */
  action: JsonValue;
  /** The shelf event the action moves, if it moves one. */
  eventId?: string;
  sessions: string[];
  auditId: number;
  undone?: { ms: number; by: string; auditId: number };
}

export type OutcomeKind = 'approved' | 'waived';

export interface StoredOutcome {
  sessionId: string;
  /** Approved (the receipt is charged) or waived (closed without charge). */
  kind: OutcomeKind;
  /** When the reviewer decided (approved or waived). */
  approvedMs: number;
  actor: string;
  note: string;
  /** A waiver's reason code. */
  reason?: string;
  /** What was charged (approved), or what the cart came to when it was waived. */
  receipt: JsonValue;
  auditId: number;
  /** For a waiver: the payment side closing the held receipt uncharged. */
  payment: StoredPayment;
}

export interface StoredPayment {
  state: PaymentState;
  reference?: string;
  error?: string;
}

export interface StoredRefund {
  id: number;
  sessionId: string;
  createdMs: number;
  actor: string;
  reason: string;
  note: string;
  items: JsonValue;
  amountMinor: number;
  auditId: number;
  payment: StoredPayment;
}

export interface HeldReceiptRow {
  /** The session's key across runs (see native-bridge/contract/session-key.ts). */
  sessionId: string;
  t: number;
  json: string;
}

/** before/after are checked for JSON at run time by the audit repository (canonicalJson throws). */
type Audit = AuditEntryInput<unknown, unknown>;

export interface ReviewRepository {
  /** Runs `work` in one IMMEDIATE transaction (nested calls join it). */
  atomically<T>(work: () => T): T;
  /** Receipts held for review with no approval yet, oldest first. */
  pendingHeldReceipts(query: { limit: number; offset: number }): HeldReceiptRow[];
  pendingHeldCount(): number;
  /** Corrections touching any of the sessions, in the order they were made. */
  corrections(sessionIds: readonly string[]): StoredCorrection[];
  /** Corrections that moved this shelf event, oldest first, whichever sessions they touched. */
  correctionsOfEvent(eventId: string): StoredCorrection[];
  addCorrection(input: {
    createdMs: number;
    actor: string;
    reason: string;
    note: string;
    action: JsonValue;
    eventId?: string;
    sessions: readonly string[];
    audit: Audit;
  }): StoredCorrection;
  markUndone(id: number, input: { ms: number; by: string; audit: Audit }): void;
  outcome(sessionId: string): StoredOutcome | undefined;
  /** Throws when the session already has an outcome (the primary key). */
  approve(input: { sessionId: string; approvedMs: number; actor: string; note: string; receipt: JsonValue; audit: Audit }): StoredOutcome;
  /** Closes the session without charge; throws when it already has an outcome. */
  waive(input: { sessionId: string; waivedMs: number; actor: string; reason: string; note: string; receipt: JsonValue; audit: Audit }): StoredOutcome;
  setOutcomePayment(sessionId: string, payment: StoredPayment): void;
  refunds(sessionId: string): StoredRefund[];
  addRefund(input: { sessionId: string; createdMs: number; actor: string; reason: string; note: string; items: JsonValue; amountMinor: number; audit: Audit }): StoredRefund;
  setRefundPayment(id: number, payment: StoredPayment): void;
  /** Outcomes (approvals, waivers) and refunds committed whose payment was never answered (still 'pending'). */
  unsettledPayments(): { outcomes: string[]; refunds: { sessionId: string; refundId: number }[] };
}

interface CorrectionRow {
  id: number;
  created_ms: number;
  actor: string;
  reason: string;
  note: string;
  action_json: string;
  event_id: string | null;
  audit_id: number;
  undone_ms: number | null;
  undone_by: string | null;
  undo_audit_id: number | null;
  sessions: string;
}

interface OutcomeRow {
  session_id: string;
  kind: OutcomeKind;
  approved_ms: number;
  actor: string;
  note: string;
  reason: string | null;
  receipt_json: string;
  audit_id: number;
  payment_state: PaymentState;
  payment_reference: string | null;
  payment_error: string | null;
}

interface RefundRow {
  id: number;
  session_id: string;
  created_ms: number;
  actor: string;
  reason: string;
  note: string;
  items_json: string;
  amount_minor: number;
  audit_id: number;
  payment_state: PaymentState;
  payment_reference: string | null;
  payment_error: string | null;
}

export function createReviewRepository(db: BetterSqlite3.Database, audit: AuditRepository): ReviewRepository {
  // Review rows name a session by its key across runs: "r<run>.<id>", or the bare id without a run.
  const keySql = `CASE WHEN d.run_id IS NULL THEN d.session_id ELSE 'r' || d.run_id || '.' || d.session_id END`;
  const pendingSql = `
    FROM decisions d
    WHERE d.kind = 'receipt'
      AND json_extract(d.json, '$.status') = 'held-for-review'
      AND NOT EXISTS (SELECT 1 FROM review_outcomes o WHERE o.session_id = ${keySql})`;
  const selectPending = db.prepare(`SELECT ${keySql} AS sessionId, d.t_ms AS t, d.json ${pendingSql} ORDER BY d.t_ms, d.id LIMIT ? OFFSET ?`);
  const countPending = db.prepare(`SELECT count(*) ${pendingSql}`).pluck();
  const insertCorrection = db.prepare(
    `INSERT INTO review_corrections (created_ms, actor, reason, note, action_json, event_id, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCorrectionSession = db.prepare(`INSERT INTO review_correction_sessions (session_id, correction_id) VALUES (?, ?)`);
  const updateUndone = db.prepare(
    `UPDATE review_corrections SET undone_ms = ?, undone_by = ?, undo_audit_id = ? WHERE id = ? AND undone_ms IS NULL`,
  );
  const selectOutcome = db.prepare(`SELECT * FROM review_outcomes WHERE session_id = ?`);
  const insertOutcome = db.prepare(
    `INSERT INTO review_outcomes (session_id, kind, approved_ms, actor, note, reason, receipt_json, audit_id, payment_state)
     VALUES (@sessionId, @kind, @decidedMs, @actor, @note, @reason, @receipt, @auditId, 'pending')`,
  );
  const updateOutcomePayment = db.prepare(
    `UPDATE review_outcomes SET payment_state = ?, payment_reference = ?, payment_error = ? WHERE session_id = ?`,
  );
  const selectRefunds = db.prepare(`SELECT * FROM review_refunds WHERE session_id = ? ORDER BY id`);
  const selectRefund = db.prepare(`SELECT * FROM review_refunds WHERE id = ?`);
  const insertRefund = db.prepare(
    `INSERT INTO review_refunds (session_id, created_ms, actor, reason, note, items_json, amount_minor, audit_id, payment_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
  );
  const selectUnsettledOutcomes = db.prepare(`SELECT session_id FROM review_outcomes WHERE payment_state = 'pending' ORDER BY approved_ms`).pluck();
  const selectUnsettledRefunds = db.prepare(`SELECT session_id AS sessionId, id AS refundId FROM review_refunds WHERE payment_state = 'pending' ORDER BY id`);
  const updateRefundPayment = db.prepare(`UPDATE review_refunds SET payment_state = ?, payment_reference = ?, payment_error = ? WHERE id = ?`);

  const withSessions = `SELECT c.*, (SELECT json_group_array(s.session_id) FROM review_correction_sessions s WHERE s.correction_id = c.id) AS sessions
    FROM review_corrections c`;
  const selectCorrections = (sessionIds: readonly string[]) =>
    db.prepare(
      `${withSessions}
       WHERE c.id IN (SELECT correction_id FROM review_correction_sessions WHERE session_id IN (${sessionIds.map(() => '?').join(', ')}))
       ORDER BY c.id`,
    );
  const selectEventCorrections = db.prepare(`${withSessions} WHERE c.event_id = ? ORDER BY c.id`);

  const atomically = <T>(work: () => T): T => db.transaction(work).immediate();
  // The review module's values are JSON by construction; the compile-time JsonCompatible check
  // cannot follow JsonValue's recursion, so it is waived here and canonicalJson checks instead.
  const appendAudit = (entry: Audit) => audit.append(entry as AuditEntryInput<null, null>);

  const addOutcome = (input: { sessionId: string; kind: OutcomeKind; decidedMs: number; actor: string; note: string; reason: string | null; receipt: JsonValue; audit: Audit }) =>
    atomically(() => {
      const entry = appendAudit(input.audit);
      const { sessionId, kind, decidedMs, actor, note, reason } = input;
      insertOutcome.run({ sessionId, kind, decidedMs, actor, note, reason, receipt: JSON.stringify(input.receipt), auditId: entry.id });
      return toOutcome(selectOutcome.get(sessionId) as OutcomeRow);
    });

  return {
    atomically,
    pendingHeldReceipts: ({ limit, offset }) => selectPending.all(limit, offset) as HeldReceiptRow[],
    pendingHeldCount: () => countPending.get() as number,

    corrections(sessionIds) {
      if (sessionIds.length === 0) return [];
      return (selectCorrections(sessionIds).all(...sessionIds) as CorrectionRow[]).map(toCorrection);
    },

    correctionsOfEvent: (eventId) => (selectEventCorrections.all(eventId) as CorrectionRow[]).map(toCorrection),

    addCorrection(input) {
      return atomically(() => {
        const entry = appendAudit(input.audit);
        const { createdMs, actor, reason, note, action, eventId } = input;
        const id = Number(insertCorrection.run(createdMs, actor, reason, note, JSON.stringify(action), eventId ?? null, entry.id).lastInsertRowid);
        const sessions = [...new Set(input.sessions)].sort();
        for (const sessionId of sessions) insertCorrectionSession.run(sessionId, id);
        return { id, createdMs, actor, reason, note, action, ...(eventId !== undefined ? { eventId } : {}), sessions, auditId: entry.id };
      });
    },

    markUndone(id, { ms, by, audit: auditInput }) {
      atomically(() => {
        const entry = appendAudit(auditInput);
        if (updateUndone.run(ms, by, entry.id, id).changes !== 1) throw new Error(`correction ${id} does not exist or was already undone`);
      });
    },

    outcome(sessionId) {
      const row = selectOutcome.get(sessionId) as OutcomeRow | undefined;
      return row ? toOutcome(row) : undefined;
    },

    approve: (input) => addOutcome({ ...input, kind: 'approved', decidedMs: input.approvedMs, reason: null }),
    waive: (input) => addOutcome({ ...input, kind: 'waived', decidedMs: input.waivedMs }),

    setOutcomePayment(sessionId, payment) {
      updateOutcomePayment.run(payment.state, payment.reference ?? null, payment.error ?? null, sessionId);
    },

    refunds: (sessionId) => (selectRefunds.all(sessionId) as RefundRow[]).map(toRefund),

    addRefund(input) {
      return atomically(() => {
        const entry = appendAudit(input.audit);
        const id = Number(
          insertRefund.run(input.sessionId, input.createdMs, input.actor, input.reason, input.note, JSON.stringify(input.items), input.amountMinor, entry.id).lastInsertRowid,
        );
        return toRefund(selectRefund.get(id) as RefundRow);
      });
    },

    setRefundPayment(id, payment) {
      updateRefundPayment.run(payment.state, payment.reference ?? null, payment.error ?? null, id);
    },

    unsettledPayments: () => ({
      outcomes: selectUnsettledOutcomes.all() as string[],
      refunds: selectUnsettledRefunds.all() as { sessionId: string; refundId: number }[],
    }),
  };
}

function toPayment(row: { payment_state: PaymentState; payment_reference: string | null; payment_error: string | null }): StoredPayment {
  return {
    state: row.payment_state,
    ...(row.payment_reference !== null ? { reference: row.payment_reference } : {}),
    ...(row.payment_error !== null ? { error: row.payment_error } : {}),
  };
}

function toCorrection(row: CorrectionRow): StoredCorrection {
  return {
    id: row.id,
    createdMs: row.created_ms,
    actor: row.actor,
    reason: row.reason,
    note: row.note,
    action: JSON.parse(row.action_json) as JsonValue,
    ...(row.event_id !== null ? { eventId: row.event_id } : {}),
    sessions: (JSON.parse(row.sessions) as string[]).sort(),
    auditId: row.audit_id,
    ...(row.undone_ms !== null ? { undone: { ms: row.undone_ms, by: row.undone_by ?? '', auditId: row.undo_audit_id! } } : {}),
  };
}

function toOutcome(row: OutcomeRow): StoredOutcome {
  return {
    sessionId: row.session_id,
    kind: row.kind,
    approvedMs: row.approved_ms,
    actor: row.actor,
    note: row.note,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    receipt: JSON.parse(row.receipt_json) as JsonValue,
    auditId: row.audit_id,
    payment: toPayment(row),
  };
}

function toRefund(row: RefundRow): StoredRefund {
  return {
    id: row.id,
    sessionId: row.session_id,
    createdMs: row.created_ms,
    actor: row.actor,
    reason: row.reason,
    note: row.note,
    items: JSON.parse(row.items_json) as JsonValue,
    amountMinor: row.amount_minor,
    auditId: row.audit_id,
    payment: toPayment(row),
  };
}
