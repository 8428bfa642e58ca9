// The audit log: entries round-trip, the chain verifies, the triggers refuse edits, and when the
// triggers are bypassed anyway, verify() names the first broken entry.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from './open';
import { AUDIT_GENESIS_HASH, auditEntryHash } from './repositories/audit';
import type { StoreDatabase } from './store-database';
import { tempDbPath } from './test-support';

const STORE = 'demo-store';

function withEntries(count: number): { file: string; store: StoreDatabase } {
  const file = tempDbPath();
  const store = openStoreDatabase(file, { storeId: STORE });
  for (let i = 1; i <= count; i++) {
    store.audit.append({
      actor: `user-${i % 2}`,
      action: 'receipt.correct',
      subject: `receipt:${i % 3}`,
      reason: `customer returned item ${i}`,
      before: { lines: [{ sku: 'A', qty: i }] },
      after: { lines: [{ sku: 'A', qty: i - 1 }] },
      at: 1_700_000_000_000 + i,
    });
  }
  return { file, store };
}

/** A second connection, as someone with the file and an SQLite shell would have. */
function rawConnection(file: string): Database.Database {
  return new Database(file);
}

describe('audit', () => {
  it('round-trips entries and chains them from the genesis hash', () => {
    const { store } = withEntries(0);
    const first = store.audit.append({
      actor: 'u7',
      action: 'alert.acknowledge',
      subject: 'alert:9',
      reason: 'checked the shelf',
      before: { b: 1, a: [true, null, 'x'] },
      after: { state: 'acknowledged', note: undefined } as never,
      at: 42,
    });
    expect(first).toMatchObject({ id: 1, prevHash: AUDIT_GENESIS_HASH, before: { a: [true, null, 'x'], b: 1 } });
    // An undefined property is absent, as in JSON; the returned entry is what was stored.
    expect(first.after).toEqual({ state: 'acknowledged' });
    expect(first.hash).toBe(auditEntryHash(AUDIT_GENESIS_HASH, first));
    const second = store.audit.append({ actor: 'u7', action: 'x', subject: 'alert:9', reason: '', before: null, after: 3, at: 43 });
    expect(second.prevHash).toBe(first.hash);
    expect(store.audit.list({ limit: 10 })).toEqual([second, first]);
    store.close();
  });

  it('hashes key order independently', () => {
    const a = auditEntryHash('p', { actor: 'a', action: 'b', subject: 'c', reason: 'd', before: { x: 1, y: 2 }, after: null, at: 1 });
    const b = auditEntryHash('p', { at: 1, after: null, before: { y: 2, x: 1 }, reason: 'd', subject: 'c', action: 'b', actor: 'a' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists newest first, pages, and filters by subject', () => {
    const { store } = withEntries(7);
    expect(store.audit.list({ limit: 3 }).map((e) => e.id)).toEqual([7, 6, 5]);
    expect(store.audit.list({ limit: 3, offset: 5 }).map((e) => e.id)).toEqual([2, 1]);
    expect(store.audit.list({ limit: 10, subject: 'receipt:1' }).map((e) => e.id)).toEqual([7, 4, 1]);
    expect(() => store.audit.list({ limit: -1 })).toThrow(RangeError);
    store.close();
  });

  it('lists a subject together with entries filed under another subject that concern it too', () => {
    const { store } = withEntries(7);
    expect(store.audit.list({ limit: 10, subject: 'receipt:1', alsoIds: [2, 4, 99] }).map((e) => e.id)).toEqual([7, 4, 2, 1]);
    expect(store.audit.list({ limit: 2, offset: 1, subject: 'receipt:1', alsoIds: [2] }).map((e) => e.id)).toEqual([4, 2]);
    expect(() => store.audit.list({ limit: 10, alsoIds: [2] })).toThrow(/give the subject/);
    expect(() => store.audit.list({ limit: 10, subject: 'receipt:1', alsoIds: [1.5] })).toThrow(RangeError);
    store.close();
  });

  it('verifies an intact chain, and an empty one', () => {
    const { store } = withEntries(5);
    expect(store.audit.verify()).toEqual({ ok: true, entries: 5 });
    store.close();
    const empty = withEntries(0).store;
    expect(empty.audit.verify()).toEqual({ ok: true, entries: 0 });
    empty.close();
  });

  it('refuses UPDATE and DELETE at the SQL level', () => {
    const { file, store } = withEntries(3);
    const raw = rawConnection(file);
    expect(() => raw.prepare(`UPDATE audit_log SET reason = 'nothing happened' WHERE id = 2`).run()).toThrow(
      /append-only: UPDATE refused/,
    );
    expect(() => raw.prepare(`DELETE FROM audit_log WHERE id = 2`).run()).toThrow(/append-only: DELETE refused/);
    raw.close();
    expect(store.audit.verify()).toEqual({ ok: true, entries: 3 });
    store.close();
  });

  it('reports an edited entry once the trigger is dropped', () => {
    const { file, store } = withEntries(5);
    const raw = rawConnection(file);
    raw.exec(`DROP TRIGGER audit_log_no_update`);
    raw.prepare(`UPDATE audit_log SET after_json = '{"lines":[]}' WHERE id = 3`).run();
    raw.close();
    const result = store.audit.verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(result.ok === false && result.reason).toMatch(/altered/);
    store.close();
  });

  it('reports an entry whose stored hash was rewritten to match its edit', () => {
    const { file, store } = withEntries(5);
    const raw = rawConnection(file);
    raw.exec(`DROP TRIGGER audit_log_no_update`);
    const row = store.audit.list({ limit: 1, offset: 5 - 2 })[0]!; // id 2
    const forged = { ...row, reason: 'forged' };
    raw.prepare(`UPDATE audit_log SET reason = 'forged', hash = ? WHERE id = 2`).run(auditEntryHash(row.prevHash, forged));
    raw.close();
    // Entry 2 is self-consistent now, but entry 3 still points at the old hash.
    expect(store.audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/prev_hash/) });
    store.close();
  });

  it('reports an entry removed from the middle', () => {
    const { file, store } = withEntries(5);
    const raw = rawConnection(file);
    raw.exec(`DROP TRIGGER audit_log_no_delete`);
    raw.prepare(`DELETE FROM audit_log WHERE id = 2`).run();
    raw.close();
    expect(store.audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/missing/) });
    store.close();
  });

  it('reports entries removed from the end', () => {
    const { file, store } = withEntries(5);
    const raw = rawConnection(file);
    raw.exec(`DROP TRIGGER audit_log_no_delete`);
    raw.prepare(`DELETE FROM audit_log WHERE id >= 4`).run();
    raw.close();
    expect(store.audit.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/4\.\.5 were removed/) });
    store.close();
  });

  it('rejects entries without actor, action or subject, and non-JSON values', () => {
    const { store } = withEntries(0);
    const ok = { actor: 'a', action: 'b', subject: 'c', reason: '', before: null, after: null, at: 1 };
    expect(() => store.audit.append({ ...ok, actor: '' })).toThrow(/actor/);
    expect(() => store.audit.append({ ...ok, at: Number.NaN })).toThrow(RangeError);
    expect(() => store.audit.append({ ...ok, after: { n: Number.POSITIVE_INFINITY } })).toThrow(/not representable/);
    expect(store.audit.verify()).toEqual({ ok: true, entries: 0 });
    store.close();
  });
});
