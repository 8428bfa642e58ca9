// The upgrade path: a file left by ANY older Walkout must open in this one with its rows intact,
// and a failing migration must leave the file at the last version that fully applied.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import type { Migration } from './migrations';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrate';
import { canonicalJson } from './json';
import { openStoreDatabase } from './open';
import { AUDIT_GENESIS_HASH, auditEntryHash } from './repositories/audit';
import type { StoreDatabase } from './store-database';
import { rawDatabaseAtVersion, tempDbPath } from './test-support';

const STORE = 'demo-store';

/**
 * For each schema version: rows as the Walkout of that version wrote them (raw SQL against that
 * version's tables), and how this build must read them back. Adding a migration means adding an
 * entry for the version before it; the first test below fails until one exists.
 */
const rowsByVersion: Record<number, { write(db: Database.Database): void; check(store: StoreDatabase): void }> = {
  1: {
    write(db) {
      db.prepare(`INSERT INTO settings (key, value_json) VALUES (?, ?)`).run('retention.rawInputDays', '14');
      db.prepare(`INSERT INTO settings (key, value_json) VALUES (?, ?)`).run('ui', '{"units":"metric"}');
      db.prepare(`INSERT INTO store_snapshots (content_hash, json, loaded_at_ms) VALUES (?, ?, ?)`).run(
        'hash-of-v1-model',
        '{"layout":{"id":"demo-store"}}',
        1_700_000_000_000,
      );
    },
    check(store) {
      expect(store.settings.get('retention.rawInputDays')).toBe(14);
      expect(store.settings.all()).toEqual({ 'retention.rawInputDays': 14, ui: { units: 'metric' } });
      expect(store.storeSnapshots.latest()).toEqual({
        id: 1,
        contentHash: 'hash-of-v1-model',
        json: '{"layout":{"id":"demo-store"}}',
        loadedAtMs: 1_700_000_000_000,
      });
    },
  },
  2: {
    write(db) {
      db.prepare(`INSERT INTO input_sources (id, name) VALUES (1, 'shelf-ctrl-A'), (2, 'cam-3')`).run();
      const insert = db.prepare(
        `INSERT INTO input_batches (source, kind, t0_ms, t1_ms, count, payload) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      insert.run(1, 1, 1000, 1099, 100, Buffer.from([1, 2, 3]));
      insert.run(2, 2, 1050, 1050, 4, Buffer.from([9]));
    },
    check(store) {
      const batches = [...store.inputLog.readRange(0, 10_000)];
      expect(batches).toEqual([
        { id: 1, source: 'shelf-ctrl-A', kind: 'plate-samples', t0Ms: 1000, t1Ms: 1099, count: 100, payload: expect.anything() },
        { id: 2, source: 'cam-3', kind: 'detections', t0Ms: 1050, t1Ms: 1050, count: 4, payload: expect.anything() },
      ]);
      expect([...batches[0]!.payload]).toEqual([1, 2, 3]);
      expect(store.inputLog.stats()).toEqual({ batches: 2, samples: 104, bytes: 4, firstMs: 1000, lastMs: 1099 });
      // The interned source table carried over: appending for a known source reuses its id.
      store.inputLog.append({ source: 'cam-3', kind: 'detections', t0Ms: 1200, t1Ms: 1200, count: 1, payload: new Uint8Array(1) });
      expect([...store.inputLog.readRange(1100, 2000)].map((b) => b.source)).toEqual(['cam-3']);
    },
  },
  3: {
    write(db) {
      // As the version-3 repository wrote them: canonical JSON, each hash chained on the one before.
      const insert = db.prepare(
        `INSERT INTO audit_log (at_ms, actor, action, subject, reason, before_json, after_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let prevHash = AUDIT_GENESIS_HASH;
      for (const entry of v3AuditEntries) {
        const hash = auditEntryHash(prevHash, entry);
        const { at, actor, action, subject, reason, before, after } = entry;
        insert.run(at, actor, action, subject, reason, canonicalJson(before), canonicalJson(after), prevHash, hash);
        prevHash = hash;
      }
    },
    check(store) {
      expect(store.audit.verify()).toEqual({ ok: true, entries: 2 });
      expect(store.audit.list({ limit: 10, subject: 'receipt:17' })).toEqual([
        expect.objectContaining({ id: 2, ...v3AuditEntries[1] }),
        expect.objectContaining({ id: 1, prevHash: AUDIT_GENESIS_HASH, ...v3AuditEntries[0] }),
      ]);
    },
  },
  4: {
    // Version 4 added one lookup row (the gate-passage kind) and no table: a v4 file holds nothing
    // a v3 file could not, and checkLatestFeatures proves gate passages still append after upgrade.
    write() {},
    check(store) {
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    },
  },
};

const v3AuditEntries = [
  { actor: 'u7', action: 'cart.correct', subject: 'receipt:17', reason: 'wrong size', before: { sku: 'A' }, after: { sku: 'B' }, at: 1_700_000_001_000 },
  { actor: 'u7', action: 'receipt.refund', subject: 'receipt:17', reason: 'customer call', before: null, after: { refunded: 250 }, at: 1_700_000_002_000 },
];

/**
 * What every upgraded file must support afterwards, whatever version it came from. Returns how
 * many audit entries the file holds now.
 */
function checkLatestFeatures(store: StoreDatabase): number {
  const found = store.audit.verify();
  const entriesBefore = found.ok ? found.entries : -1;
  store.audit.append({ actor: 'u1', action: 'test', subject: 's', reason: 'after upgrade', before: null, after: 1, at: 5 });
  expect(store.audit.verify()).toEqual({ ok: true, entries: entriesBefore + 1 });

  // Schema 4: gate passages are a known input kind (the foreign key to input_kinds accepts them).
  const passage = { source: 'gate-1', kind: 'gate-passage', t0Ms: 50_000, t1Ms: 50_000, count: 1, payload: new Uint8Array([4]) } as const;
  const id = store.inputLog.append(passage);
  expect([...store.inputLog.readRange(50_000, 50_001, ['gate-passage'])]).toEqual([{ ...passage, id, payload: expect.anything() }]);

  // Schema 5: decisions are stored and read back by kind and time.
  store.decisions.replaceAll([{ t: 60_000, kind: 'receipt', sessionId: 'S1', json: '{"kind":"receipt"}' }]);
  expect(store.decisions.list({ kinds: ['receipt'] })).toEqual([{ id: expect.any(Number), t: 60_000, kind: 'receipt', sessionId: 'S1', json: '{"kind":"receipt"}' }]);
  return entriesBefore + 1;
}

describe('migrations', () => {
  it('are numbered 1..n and every older version has upgrade fixtures', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
    for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
      expect(rowsByVersion[version], `rows for schema version ${version}`).toBeDefined();
    }
  });

  for (let k = 0; k < LATEST_SCHEMA_VERSION; k++) {
    it(`upgrades a file left at schema version ${k} to ${LATEST_SCHEMA_VERSION} with its rows intact`, () => {
      const file = tempDbPath();
      const raw = rawDatabaseAtVersion(file, k, STORE);
      for (let v = 1; v <= k; v++) rowsByVersion[v]!.write(raw);
      expect(readSchemaVersion(raw)).toBe(k);
      raw.close();

      const store = openStoreDatabase(file, { storeId: STORE });
      let auditEntries = 0;
      try {
        expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
        for (let v = 1; v <= k; v++) rowsByVersion[v]!.check(store);
        auditEntries = checkLatestFeatures(store);
      } finally {
        store.close();
      }

      // And it opens again as-is, already current.
      const again = openStoreDatabase(file, { storeId: STORE });
      expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(again.audit.verify()).toEqual({ ok: true, entries: auditEntries });
      again.close();
    });
  }

  it('commits each migration on its own: a failing one leaves the file at the last good version', () => {
    const db = new Database(tempDbPath());
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(conn) {
        conn.exec(`CREATE TABLE half_done (x INTEGER)`);
        throw new Error('migration bug');
      },
    };
    expect(() => migrate(db, Infinity, [...migrations, failing])).toThrow('migration bug');
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('refuses a list with a gap in its numbering', () => {
    const db = new Database(':memory:');
    const gap = [migrations[0]!, { ...migrations[2]!, version: 3 }];
    expect(() => migrate(db, Infinity, gap)).toThrow(/expected 2/);
    db.close();
  });

  it('stops at a target version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'`).pluck().get()).toBe(0);
    db.close();
  });
});
