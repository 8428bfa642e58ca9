// Receipts and the payment outbox as stored. Every change to a receipt commits together with the
// payment it calls for (a charge, refund or adjustment in the outbox) and, for a person's action,
// its audit entry: a receipt is never marked charged without its charge queued, nor a charge queued
// for a receipt that does not say so. The outbox keeps delivered messages (the payment history);
// delivery claims due messages with a lease so two processes never send one at the same time.
import type BetterSqlite3 from 'better-sqlite3';
import type { JsonValue } from '../json';
import type { AuditEntryInput, AuditRepository } from './audit';
import type { StoredDecision } from './decisions';

export type ReceiptStatus = 'charged' | 'held-for-review' | 'approved' | 'waived';
export type PaymentType = 'charge' | 'refund' | 'adjustment';
export type OutboxState = 'pending' | 'delivered' | 'failed';

export interface ReceiptLineRecord {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

export interface NewReceipt {
  id: string;
  runId: number;
  sessionId: string;
  decisionId: number;
  t: number;
  status: ReceiptStatus;
  account?: string;
  tokenNonce?: string;
  currency: string;
  lines: ReceiptLineRecord[];
  flags: string[];
  totalMinor: number;
  note?: string;
  wallMs: number;
}

export interface ReceiptRecord extends Omit<NewReceipt, 'wallMs'> {
  issuedWallMs: number;
  updatedWallMs: number;
}

export interface OutboxMessageInput {
  /** Idempotency key: the receipt id for its charge. */
  key: string;
  receiptId: string;
  type: PaymentType;
  amountMinor: number;
  /** What the adapter sends, stored as JSON (its shape is main/payments' PaymentMessage). */
  message: object;
}

export interface OutboxEntry extends Omit<OutboxMessageInput, 'message'> {
  message: JsonValue;
  id: number;
  state: OutboxState;
  attempts: number;
  nextAttemptWallMs: number;
  lastError?: string;
  reference?: string;
  adapter?: string;
  createdWallMs: number;
  deliveredWallMs?: number;
}

export interface ReceiptChange {
  update?: Partial<Pick<ReceiptRecord, 'status' | 'lines' | 'totalMinor' | 'note'>>;
  payment?: OutboxMessageInput;
  /** Before and after are JSON-shaped snapshots of the receipt. */
  audit: AuditEntryInput<object | null, object | null>;
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
  failed: number;
  /** Creation time of the oldest message not delivered yet. */
  oldestPendingWallMs?: number;
}

export interface ReceiptsRepository {
  /** Receipt decisions of live runs the receipt service has not read yet, oldest first. */
  unread(limit: number): StoredDecision[];
  /**
   * Records a receipt and, when it is charged, its charge in the outbox, and marks its decision read:
   * one transaction. A second receipt for a (run, session) that has one is not recorded.
   */
  record(receipt: NewReceipt, charge?: OutboxMessageInput): { recorded: boolean; id: string };
  /** Marks a decision read without recording it (it was not a readable receipt); say why in the log. */
  skip(decisionId: number): void;
  get(id: string): ReceiptRecord | undefined;
  find(query: { runId?: number; sessionId?: string; tokenNonce?: string; status?: ReceiptStatus; limit: number; offset?: number }): ReceiptRecord[];
  /**
   * Changes a receipt under the write lock: `decide` sees the receipt as stored and returns the change,
   * undefined for none (the request was already done), or throws to refuse it; the update, its
   * payment and its audit entry commit together. Throws RangeError for an unknown id.
   */
  change(id: string, wallMs: number, decide: (current: ReceiptRecord, payments: OutboxEntry[]) => ReceiptChange | undefined): ReceiptRecord;
  payments(receiptId: string): OutboxEntry[];
  /** Takes up to `limit` messages due by `wallMs`, leased for `leaseMs`, oldest first; one receipt's in order. */
  claimDue(wallMs: number, leaseMs: number, limit: number): OutboxEntry[];
  markDelivered(id: number, wallMs: number, adapter: string, reference?: string): void;
  markRetry(id: number, nextAttemptWallMs: number, error: string, adapter: string): void;
  markFailed(id: number, error: string, adapter: string): void;
  /** Puts failed messages back in the queue (after the cause was fixed); returns how many. */
  requeueFailed(wallMs: number): number;
  /** Messages not delivered yet (pending or failed), oldest first. */
  undelivered(limit: number): OutboxEntry[];
  /** Receipts per status. */
  statusCounts(): Record<ReceiptStatus, number>;
  /** When the next pending message is due (undefined when none is pending). */
  nextDueWallMs(): number | undefined;
  outboxCounts(): OutboxCounts;
}

interface ReceiptRow {
  id: string;
  run_id: number;
  session_id: string;
  decision_id: number;
  t_ms: number;
  status: ReceiptStatus;
  account: string | null;
  token_nonce: string | null;
  currency: string;
  lines_json: string;
  flags_json: string;
  total_minor: number;
  note: string | null;
  issued_wall_ms: number;
  updated_wall_ms: number;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  receipt_id: string;
  type: PaymentType;
  amount_minor: number;
  message_json: string;
  state: OutboxState;
  attempts: number;
  next_attempt_wall_ms: number;
  last_error: string | null;
  reference: string | null;
  adapter: string | null;
  created_wall_ms: number;
  delivered_wall_ms: number | null;
}

function toReceipt(r: ReceiptRow): ReceiptRecord {
  return {
    id: r.id,
    runId: r.run_id,
    sessionId: r.session_id,
    decisionId: r.decision_id,
    t: r.t_ms,
    status: r.status,
    ...(r.account !== null ? { account: r.account } : {}),
    ...(r.token_nonce !== null ? { tokenNonce: r.token_nonce } : {}),
    currency: r.currency,
    lines: JSON.parse(r.lines_json) as ReceiptLineRecord[],
    flags: JSON.parse(r.flags_json) as string[],
    totalMinor: r.total_minor,
    ...(r.note !== null ? { note: r.note } : {}),
    issuedWallMs: r.issued_wall_ms,
    updatedWallMs: r.updated_wall_ms,
  };
}

function toEntry(r: OutboxRow): OutboxEntry {
  return {
    id: r.id,
    key: r.idempotency_key,
    receiptId: r.receipt_id,
    type: r.type,
    amountMinor: r.amount_minor,
    message: JSON.parse(r.message_json) as JsonValue,
    state: r.state,
    attempts: r.attempts,
    nextAttemptWallMs: r.next_attempt_wall_ms,
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.reference !== null ? { reference: r.reference } : {}),
    ...(r.adapter !== null ? { adapter: r.adapter } : {}),
    createdWallMs: r.created_wall_ms,
    ...(r.delivered_wall_ms !== null ? { deliveredWallMs: r.delivered_wall_ms } : {}),
  };
}

export function createReceiptsRepository(db: BetterSqlite3.Database, audit: AuditRepository): ReceiptsRepository {
  const selectUnread = db.prepare(
    `SELECT id, t_ms, kind, session_id, json, run_id FROM decisions
     WHERE kind = 'receipt' AND run_id IS NOT NULL AND id > (SELECT decision_id FROM receipt_ingest) ORDER BY id LIMIT ?`,
  );
  const moveCursor = db.prepare(`UPDATE receipt_ingest SET decision_id = max(decision_id, ?)`);
  const insertReceipt = db.prepare(
    `INSERT INTO receipts (id, run_id, session_id, decision_id, t_ms, status, account, token_nonce, currency, lines_json, flags_json, total_minor, note, issued_wall_ms, updated_wall_ms)
     VALUES (@id, @runId, @sessionId, @decisionId, @t, @status, @account, @tokenNonce, @currency, @lines, @flags, @totalMinor, @note, @wallMs, @wallMs)
     ON CONFLICT DO NOTHING`,
  );
  const updateReceipt = db.prepare(
    `UPDATE receipts SET status = @status, lines_json = @lines, total_minor = @totalMinor, note = @note, updated_wall_ms = @wallMs WHERE id = @id`,
  );
  const selectReceipt = db.prepare(`SELECT * FROM receipts WHERE id = ?`);
  const selectByRunSession = db.prepare(`SELECT id FROM receipts WHERE run_id = ? AND session_id = ?`).pluck();
  const insertMessage = db.prepare(
    `INSERT INTO payment_outbox (idempotency_key, receipt_id, type, amount_minor, message_json, state, next_attempt_wall_ms, created_wall_ms)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  const selectPayments = db.prepare(`SELECT * FROM payment_outbox WHERE receipt_id = ? ORDER BY id`);
  // One receipt's messages go in order: a refund never overtakes the charge it returns, even while
  // that charge waits out a retry.
  const selectDue = db.prepare(
    `SELECT * FROM payment_outbox o
     WHERE state = 'pending' AND next_attempt_wall_ms <= ? AND coalesce(lease_until_wall_ms, 0) <= ?
       AND NOT EXISTS (SELECT 1 FROM payment_outbox e WHERE e.receipt_id = o.receipt_id AND e.id < o.id AND e.state != 'delivered')
     ORDER BY id LIMIT ?`,
  );
  const lease = db.prepare(`UPDATE payment_outbox SET lease_until_wall_ms = ? WHERE id = ?`);
  const delivered = db.prepare(
    `UPDATE payment_outbox SET state = 'delivered', attempts = attempts + 1, delivered_wall_ms = ?, adapter = ?, reference = ?, last_error = NULL, lease_until_wall_ms = NULL WHERE id = ?`,
  );
  const retry = db.prepare(
    `UPDATE payment_outbox SET attempts = attempts + 1, next_attempt_wall_ms = ?, last_error = ?, adapter = ?, lease_until_wall_ms = NULL WHERE id = ?`,
  );
  const failed = db.prepare(
    `UPDATE payment_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, adapter = ?, lease_until_wall_ms = NULL WHERE id = ?`,
  );
  const selectUndelivered = db.prepare(`SELECT * FROM payment_outbox WHERE state != 'delivered' ORDER BY id LIMIT ?`);
  const selectStatusCounts = db.prepare(`SELECT status, count(*) AS n FROM receipts GROUP BY status`);
  const requeue = db.prepare(`UPDATE payment_outbox SET state = 'pending', next_attempt_wall_ms = ? WHERE state = 'failed'`);
  const selectNextDue = db.prepare(`SELECT min(max(next_attempt_wall_ms, coalesce(lease_until_wall_ms, 0))) FROM payment_outbox WHERE state = 'pending'`).pluck();
  const selectCounts = db.prepare(
    `SELECT
       sum(state = 'pending') AS pending, sum(state = 'delivered') AS delivered, sum(state = 'failed') AS failed,
       min(CASE WHEN state != 'delivered' THEN created_wall_ms END) AS oldest
     FROM payment_outbox`,
  );

  const enqueue = (m: OutboxMessageInput, wallMs: number) =>
    insertMessage.run(m.key, m.receiptId, m.type, m.amountMinor, JSON.stringify(m.message), wallMs, wallMs);

  const record = db.transaction((r: NewReceipt, charge: OutboxMessageInput | undefined) => {
    moveCursor.run(r.decisionId);
    const existing = selectByRunSession.get(r.runId, r.sessionId) as string | undefined;
    if (existing !== undefined) return { recorded: false, id: existing };
    insertReceipt.run({
      ...r,
      account: r.account ?? null,
      tokenNonce: r.tokenNonce ?? null,
      note: r.note ?? null,
      lines: JSON.stringify(r.lines),
      flags: JSON.stringify(r.flags),
    });
    if (charge) enqueue(charge, r.wallMs);
    return { recorded: true, id: r.id };
  });

  const get = (id: string) => {
    const row = selectReceipt.get(id) as ReceiptRow | undefined;
    return row ? toReceipt(row) : undefined;
  };
  const payments = (receiptId: string) => (selectPayments.all(receiptId) as OutboxRow[]).map(toEntry);

  const change = db.transaction((id: string, wallMs: number, decide: (current: ReceiptRecord, payments: OutboxEntry[]) => ReceiptChange | undefined) => {
    const current = get(id);
    if (!current) throw new RangeError(`no receipt ${id}`);
    const decided = decide(current, payments(id));
    if (!decided) return current;
    const { update, payment, audit: entry } = decided;
    const next = { ...current, ...update };
    updateReceipt.run({ id, status: next.status, lines: JSON.stringify(next.lines), totalMinor: next.totalMinor, note: next.note ?? null, wallMs });
    if (payment) enqueue(payment, wallMs);
    // The snapshots are plain JSON data; the cast only spares the compiler JsonCompatible's deep walk.
    audit.append(entry as AuditEntryInput<null, null>);
    return get(id)!;
  });

  const claim = db.transaction((wallMs: number, leaseMs: number, limit: number) => {
    const rows = selectDue.all(wallMs, wallMs, limit) as OutboxRow[];
    for (const row of rows) lease.run(wallMs + leaseMs, row.id);
    return rows.map(toEntry);
  });

  return {
    unread: (limit) =>
      (selectUnread.all(limit) as { id: number; t_ms: number; kind: string; session_id: string | null; json: string; run_id: number }[]).map((r) => ({
        id: r.id,
        t: r.t_ms,
        kind: r.kind,
        sessionId: r.session_id ?? undefined,
        json: r.json,
        runId: r.run_id,
      })),
    record: (receipt, charge) => record(receipt, charge),
    skip: (decisionId) => void moveCursor.run(decisionId),
    get,
    find(query) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.runId !== undefined) {
        where.push('run_id = ?');
        params.push(query.runId);
      }
      if (query.sessionId !== undefined) {
        where.push('session_id = ?');
        params.push(query.sessionId);
      }
      if (query.tokenNonce !== undefined) {
        where.push('token_nonce = ?');
        params.push(query.tokenNonce);
      }
      if (query.status !== undefined) {
        where.push('status = ?');
        params.push(query.status);
      }
      const sql = `SELECT * FROM receipts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t_ms DESC, id LIMIT ? OFFSET ?`;
      return (db.prepare(sql).all(...params, query.limit, query.offset ?? 0) as ReceiptRow[]).map(toReceipt);
    },
    // IMMEDIATE: the read that `decide` checks and the write it leads to happen under one lock.
    change: (id, wallMs, decide) => change.immediate(id, wallMs, decide),
    payments,
    claimDue: (wallMs, leaseMs, limit) => claim.immediate(wallMs, leaseMs, limit),
    markDelivered: (id, wallMs, adapter, reference) => void delivered.run(wallMs, adapter, reference ?? null, id),
    markRetry: (id, next, error, adapter) => void retry.run(next, error, adapter, id),
    markFailed: (id, error, adapter) => void failed.run(error, adapter, id),
    requeueFailed: (wallMs) => requeue.run(wallMs).changes,
    undelivered: (limit) => (selectUndelivered.all(limit) as OutboxRow[]).map(toEntry),
    statusCounts() {
      const counts: Record<ReceiptStatus, number> = { charged: 0, 'held-for-review': 0, approved: 0, waived: 0 };
      for (const row of selectStatusCounts.all() as { status: ReceiptStatus; n: number }[]) counts[row.status] = row.n;
      return counts;
    },
    nextDueWallMs: () => (selectNextDue.get() as number | null) ?? undefined,
    outboxCounts() {
      const row = selectCounts.get() as { pending: number | null; delivered: number | null; failed: number | null; oldest: number | null };
      return {
        pending: row.pending ?? 0,
        delivered: row.delivered ?? 0,
        failed: row.failed ?? 0,
        ...(row.oldest !== null ? { oldestPendingWallMs: row.oldest } : {}),
      };
    },
  };
}
