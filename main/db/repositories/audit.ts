// The append-only, hash-chained audit log of human actions: who did what to which subject, when,
// why, and the value before and after. Each entry's hash covers the previous entry's hash, so
// editing, removing or reordering any entry breaks every hash after it. SQLite triggers refuse
// UPDATE and DELETE; the chain is what still tells the truth if someone removes the triggers.
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, sha256Hex, type JsonCompatible, type JsonValue } from '../json';

/** prev_hash of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** B and A are the types of the before and after values; any JSON-shaped types will do. */
export interface AuditEntryInput<B = JsonValue, A = JsonValue> {
  /** Who acted (a user id). */
  actor: string;
  /** What they did, e.g. "receipt.refund", "alert.acknowledge". */
  action: string;
  /** What it was done to, e.g. "receipt:1234". */
  subject: string;
  /** Why, in the actor's words. */
  reason: string;
  before: B;
  after: A;
  /** When, in ms since the epoch. */
  at: number;
}

export interface AuditEntry extends Omit<AuditEntryInput, 'before' | 'after'> {
  id: number;
  /** As stored: canonical JSON parsed back, so undefined properties are gone. */
  before: JsonValue;
  after: JsonValue;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; brokenAt: number; reason: string };

export interface AuditRepository {
  append<B, A>(entry: AuditEntryInput<B & JsonCompatible<B>, A & JsonCompatible<A>>): AuditEntry;
  /**
   * Newest first. With `subject`: the entries about it, and also those `alsoIds` names — entries
   * filed under another subject that concern this one too (an event moved between two carts is
   * filed under the session it was reviewed from, and belongs to the other session's trail as well).
   */
  list(query: { limit: number; offset?: number; subject?: string; alsoIds?: readonly number[] }): AuditEntry[];
  /** Recomputes the whole chain from the stored rows. */
  verify(): AuditVerification;
}

interface AuditRow {
  id: number;
  at_ms: number;
  actor: string;
  action: string;
  subject: string;
  reason: string;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers the previous hash and every field a person could dispute; not the id. */
export function auditEntryHash(prevHash: string, entry: AuditEntryInput<unknown, unknown>): string {
  const { actor, action, subject, reason, before, after, at } = entry;
  return sha256Hex(prevHash + canonicalJson({ actor, action, subject, reason, before, after, at }));
}

export function createAuditRepository(db: BetterSqlite3.Database): AuditRepository {
  const selectHead = db.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).pluck();
  const insert = db.prepare(
    `INSERT INTO audit_log (at_ms, actor, action, subject, reason, before_json, after_json, prev_hash, hash)
     VALUES (@at_ms, @actor, @action, @subject, @reason, @before_json, @after_json, @prev_hash, @hash)`,
  );
  const listAll = db.prepare(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?`);
  const listSubject = db.prepare(`SELECT * FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ? OFFSET ?`);
  const listSubjectOrIds = db.prepare(
    `SELECT * FROM audit_log WHERE subject = ? OR id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ? OFFSET ?`,
  );
  const selectChain = db.prepare(`SELECT * FROM audit_log ORDER BY id`);
  const selectHighestIssued = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck();

  // IMMEDIATE: reading the head and appending after it must be one step, or two writers (the
  // desktop host and the CLI, say) would both chain onto the same head and fork the log.
  const appendTx = db.transaction((entry: AuditEntryInput<unknown, unknown>): AuditEntry => {
    const prevHash = (selectHead.get() as string | undefined) ?? AUDIT_GENESIS_HASH;
    const hash = auditEntryHash(prevHash, entry);
    const row: Omit<AuditRow, 'id'> = {
      at_ms: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      reason: entry.reason,
      before_json: canonicalJson(entry.before),
      after_json: canonicalJson(entry.after),
      prev_hash: prevHash,
      hash,
    };
    const result = insert.run(row);
    // Built from the stored text, so the caller holds exactly what verify() will see.
    return fromRow({ ...row, id: Number(result.lastInsertRowid) });
  });

  return {
    append(entry) {
      validate(entry);
      return appendTx.immediate(entry);
    },

    list({ limit, offset = 0, subject, alsoIds = [] }) {
      if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(offset) || offset < 0) {
        throw new RangeError(`audit list: limit and offset must be non-negative integers`);
      }
      if (alsoIds.length > 0 && subject === undefined) throw new RangeError('audit list: alsoIds adds to a subject; give the subject');
      if (!alsoIds.every((id) => Number.isSafeInteger(id))) throw new RangeError('audit list: alsoIds must be entry ids (integers)');
      const rows = (
        subject === undefined
          ? listAll.all(limit, offset)
          : alsoIds.length > 0
            ? listSubjectOrIds.all(subject, JSON.stringify(alsoIds), limit, offset)
            : listSubject.all(subject, limit, offset)
      ) as AuditRow[];
      return rows.map(fromRow);
    },

    verify() {
      let expectedPrev = AUDIT_GENESIS_HASH;
      let expectedId = 1;
      let entries = 0;
      for (const row of selectChain.iterate() as IterableIterator<AuditRow>) {
        if (row.id !== expectedId) {
          return { ok: false, brokenAt: row.id, reason: `entries ${expectedId}..${row.id - 1} are missing` };
        }
        if (row.prev_hash !== expectedPrev) {
          return { ok: false, brokenAt: row.id, reason: 'prev_hash does not match the hash of the entry before it' };
        }
        let recomputed: string;
        try {
          recomputed = auditEntryHash(row.prev_hash, fromRow(row));
        } catch (error) {
          return { ok: false, brokenAt: row.id, reason: `entry cannot be read: ${(error as Error).message}` };
        }
        if (recomputed !== row.hash) {
          return { ok: false, brokenAt: row.id, reason: 'contents do not match the stored hash (the entry was altered)' };
        }
        expectedPrev = row.hash;
        expectedId += 1;
        entries += 1;
      }
      const highestIssued = (selectHighestIssued.get() as number | undefined) ?? 0;
      if (highestIssued > entries) {
        return {
          ok: false,
          brokenAt: entries + 1,
          reason: `entries ${entries + 1}..${highestIssued} were removed from the end of the log`,
        };
      }
      return { ok: true, entries };
    },
  };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at_ms,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    reason: row.reason,
    before: JSON.parse(row.before_json) as JsonValue,
    after: JSON.parse(row.after_json) as JsonValue,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function validate(entry: AuditEntryInput<unknown, unknown>): void {
  for (const field of ['actor', 'action', 'subject'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].length === 0) {
      throw new TypeError(`audit entry: ${field} must be a non-empty string`);
    }
  }
  if (typeof entry.reason !== 'string') throw new TypeError('audit entry: reason must be a string');
  if (!Number.isSafeInteger(entry.at)) throw new RangeError(`audit entry: at must be an integer ms timestamp (got ${entry.at})`);
}
