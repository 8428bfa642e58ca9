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
import { emptyBatch as emptyFactsBatch, type SessionFact } from '../facts/types';

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
  5: {
    write(db) {
      db.prepare(`INSERT INTO decisions (t_ms, kind, session_id, json) VALUES (?, ?, ?, ?)`).run(42_000, 'receipt', 'S9', '{"kind":"receipt"}');
    },
    check(store) {
      expect(store.decisions.list({ kinds: ['receipt'], sessionId: 'S9' })).toEqual([{ id: 1, t: 42_000, kind: 'receipt', sessionId: 'S9', json: '{"kind":"receipt"}' }]);
    },
  },
  6: {
    write(db) {
      db.prepare(`INSERT INTO users (username, role, password_hash, created_at_ms) VALUES (?, ?, ?, ?)`).run('rev', 'reviewer', 'scrypt$v6', 7_000);
    },
    check(store) {
      expect(store.users.get('rev')).toMatchObject({ username: 'rev', role: 'reviewer', passwordHash: 'scrypt$v6', disabled: false });
    },
  },
  7: {
    // A correction as the version-7 repository wrote it, pointing at an audit entry the v3 rows left.
    write(db) {
      db.prepare(`INSERT INTO review_corrections (created_ms, actor, reason, note, action_json, event_id, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        7_500, 'rev', 'wrong-product', 'v7 row', '{"type":"change-product"}', 'E3', 1,
      );
      db.prepare(`INSERT INTO review_correction_sessions (session_id, correction_id) VALUES ('S7', 1)`).run();
    },
    check(store) {
      expect(store.review.corrections(['S7'])).toEqual([expect.objectContaining({ id: 1, createdMs: 7_500, actor: 'rev', note: 'v7 row' })]);
    },
  },
  8: {
    // A receipt decision a version-8 live run stored, before payments existed: upgrading must not charge it.
    write(db) {
      db.prepare(`INSERT INTO decisions (t_ms, kind, session_id, json) VALUES (?, ?, ?, ?)`).run(48_000, 'receipt', 'S8', '{"kind":"receipt","status":"charged"}');
    },
    check(store) {
      expect(store.decisions.list({ sessionId: 'S8' })).toHaveLength(1);
      expect(store.receipts.unread(10)).toEqual([]);
    },
  },
  9: {
    // A live run, its stored receipt decision, the receipt and its charge waiting in the outbox.
    write(db) {
      db.prepare(`INSERT INTO live_runs (id, source, started_wall_ms, first_input_ms, reached_ms) VALUES (1, 'simulator', 9_000, 90_000, 95_000)`).run();
      db.prepare(`INSERT INTO decisions (t_ms, kind, session_id, json, run_id) VALUES (94_000, 'receipt', 'S1', '{"kind":"receipt"}', 1)`).run();
      db.prepare(
        `INSERT INTO receipts (id, run_id, session_id, decision_id, t_ms, status, account, currency, lines_json, flags_json, total_minor, issued_wall_ms, updated_wall_ms)
         VALUES ('v9.r1.S1', 1, 'S1', (SELECT max(id) FROM decisions), 94_000, 'charged', 'acct-9', 'EUR', '[]', '[]', 250, 9_500, 9_500)`,
      ).run();
      db.prepare(
        `INSERT INTO payment_outbox (idempotency_key, receipt_id, type, amount_minor, message_json, state, next_attempt_wall_ms, created_wall_ms)
         VALUES ('v9.r1.S1', 'v9.r1.S1', 'charge', 250, '{}', 'pending', 9_500, 9_500)`,
      ).run();
      db.prepare(`UPDATE receipt_ingest SET decision_id = (SELECT max(id) FROM decisions)`).run();
    },
    check(store) {
      expect(store.receipts.get('v9.r1.S1')).toMatchObject({ runId: 1, sessionId: 'S1', status: 'charged', account: 'acct-9', totalMinor: 250 });
      expect(store.receipts.payments('v9.r1.S1')).toEqual([expect.objectContaining({ key: 'v9.r1.S1', type: 'charge', state: 'pending', amountMinor: 250 })]);
      expect(store.liveRuns.get(1)).toMatchObject({ reachedMs: 95_000 });
    },
  },
  10: {
    // A plate that went offline and came back, as version-10 device management recorded it.
    write(db) {
      db.prepare(`INSERT INTO device_alerts (subject, status, detail, raised_ms, cleared_ms) VALUES ('plate:P10', 'offline', 'unplugged', 100_000, 101_000)`).run();
    },
    check(store) {
      expect(store.deviceAlerts.recent(10)).toContainEqual(expect.objectContaining({ subject: 'plate:P10', status: 'offline', raisedMs: 100_000, clearedMs: 101_000 }));
    },
  },
  11: {
    // A restock alert acknowledged by version-11 staff (its audit entry is the version-3 fixture's first).
    write(db) {
      db.prepare(
        `INSERT INTO restock_acknowledgements (plate, alert_since_ms, sku, units, acknowledged_ms, acknowledged_by, note, audit_id)
         VALUES ('P11', 110000.5, 'SKU11', 2, 111000, 'staff-11', 'shelf filled', 1)`,
      ).run();
    },
    check(store) {
      expect(store.restockAcknowledgements.forPlates(['P11'])).toEqual([expect.objectContaining({ plate: 'P11', sku: 'SKU11', units: 2, acknowledgedBy: 'staff-11' })]);
    },
  },
  12: {
    // A camera given a video file and calibrated by version-12 staff (audit entries from the version-3 fixture).
    write(db) {
      db.prepare(`INSERT INTO camera_sources (camera, kind, url, updated_ms, updated_by, audit_id) VALUES ('cam-12', 'file', '/v/c12.mp4', 120000, 'staff-12', 1)`).run();
      db.prepare(
        `INSERT INTO camera_calibrations (camera, homography_json, pairs_json, rms_m, max_m, updated_ms, updated_by, audit_id)
         VALUES ('cam-12', '[1,0,0,0,1,0,0,0,1]', '[{"image":[1,2],"floor":[3,4]}]', 0.02, 0.04, 121000, 'staff-12', 2)`,
      ).run();
      // A session approved in review before waivers existed: it must read back as an approval.
      db.prepare(
        `INSERT INTO review_outcomes (session_id, approved_ms, actor, note, receipt_json, audit_id, payment_state, payment_reference)
         VALUES ('r1.S12', 122000, 'rev-12', 'v12 row', '{"lines":[],"totalMinor":0}', 2, 'issued', 'pay-12')`,
      ).run();
    },
    check(store) {
      expect(store.cameraSettings.sources()).toContainEqual(expect.objectContaining({ camera: 'cam-12', kind: 'file', url: '/v/c12.mp4', updatedBy: 'staff-12' }));
      expect(store.cameraSettings.calibrations()).toContainEqual(
        expect.objectContaining({ camera: 'cam-12', homography: [1, 0, 0, 0, 1, 0, 0, 0, 1], pairs: [{ image: [1, 2], floor: [3, 4] }], rmsM: 0.02 }),
      );
      expect(store.review.outcome('r1.S12')).toEqual({
        sessionId: 'r1.S12', kind: 'approved', approvedMs: 122_000, actor: 'rev-12', note: 'v12 row', receipt: { lines: [], totalMinor: 0 }, auditId: 2,
        payment: { state: 'issued', reference: 'pay-12' },
      });
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

  // Schema 6: user accounts and sign-in sessions.
  store.users.insert({ username: 'mgr', role: 'manager', passwordHash: 'scrypt$x', createdAtMs: 1 });
  store.users.createSession({ tokenHash: 'h', username: 'mgr', createdAtMs: 1, expiresAtMs: 2 });
  expect(store.users.findSession('h')?.username).toBe('mgr');

  // Schema 9: a live run stores its decisions; a receipt is recorded with its charge in the outbox.
  const { run } = store.liveRuns.openOrResume('simulator', 100);
  store.liveRuns.commit(run.id, [{ t: 70_000, kind: 'receipt', sessionId: 'S900', json: '{"kind":"receipt"}' }], 70_500);
  const [unread] = store.receipts.unread(10);
  expect(unread).toMatchObject({ runId: run.id, sessionId: 'S900' });
  const pendingBefore = store.receipts.outboxCounts().pending;
  const receipt = { id: 'r900', runId: run.id, sessionId: 'S900', decisionId: unread!.id, t: 70_000, status: 'charged', currency: 'EUR', totalMinor: 0, wallMs: 1 } as const;
  expect(store.receipts.record({ ...receipt, lines: [], flags: [] }, { key: 'r900', receiptId: 'r900', type: 'charge', amountMinor: 0, message: {} })).toEqual({ recorded: true, id: 'r900' });
  expect(store.receipts.outboxCounts().pending).toBe(pendingBefore + 1);
  expect(store.receipts.unread(10)).toEqual([]);

  // Schema 5: decisions are stored and read back by kind and time.
  store.decisions.replaceAll([{ t: 60_000, kind: 'receipt', sessionId: 'S1', json: '{"kind":"receipt"}' }]);
  expect(store.decisions.list({ kinds: ['receipt'] })).toEqual([{ id: expect.any(Number), t: 60_000, kind: 'receipt', sessionId: 'S1', json: '{"kind":"receipt"}' }]);

  // Schema 7: review corrections are stored with the sessions they touch and their audit entry.
  const audit = { actor: 'rev', action: 'review.correct', subject: 'session:S1', reason: 'test', before: null, after: null, at: 6 };
  const correction = store.review.addCorrection({ createdMs: 6, actor: 'rev', reason: 'other', note: 'n', action: { type: 'x' }, sessions: ['S1', 'S2'], audit });
  expect(store.review.corrections(['S2'])).toEqual([correction]);

  // Schema 8: facts (sessions and their paths) are written by run and read back.
  const runId = store.facts.beginRun('live', 1);
  store.facts.write(runId, { ...emptyFactsBatch(), sessions: [factsSession], sessionTracks: [{ sessionId: 'S1', trackId: 4, via: 'admission', tMs: 10 }] });
  const [session] = store.facts.listSessions();
  expect(session).toMatchObject({ runId, sessionId: 'S1', state: 'open' });
  expect(store.facts.sessionTracks(session!.id)).toEqual([{ runId, trackId: 4, via: 'admission', tMs: 10 }]);

  // Schema 10: a plate's calibration is stored with its audit entry; device alerts open and clear.
  const { calibration } = store.plateCalibrations.set({ plate: 'P1', offset: 8000, scale: 0.05, action: 'span', knownGrams: 500, actor: 'mgr', reason: 'test', at: 80_000, before: null });
  expect(store.plateCalibrations.get('P1')).toEqual(calibration);
  expect(store.deviceAlerts.apply([{ subject: 'plate:P1', status: 'offline', detail: 'unplugged' }], 81_000)).toBe(1);
  expect(store.deviceAlerts.apply([{ subject: 'plate:P1', status: 'offline', detail: 'unplugged' }], 81_500)).toBe(0);
  expect(store.deviceAlerts.apply([{ subject: 'plate:P1', status: null, detail: '' }], 82_000)).toBe(1);
  expect(store.deviceAlerts.open()).toEqual([]);

  // Schema 11: a restock alert is acknowledged once, with its audit entry.
  const ack = { plate: 'P1', alertSinceMs: 90_000.5, sku: 'SKU1', units: 1, acknowledgedMs: 91_000, acknowledgedBy: 'mgr', note: 'on it' };
  const { acknowledgement } = store.restockAcknowledgements.acknowledge(ack);
  expect(store.restockAcknowledgements.forPlates(['P1'])).toEqual([acknowledgement]);
  expect(() => store.restockAcknowledgements.acknowledge(ack)).toThrow(/already acknowledged by mgr/);

  // Schema 12: a camera's video source and floor calibration, each with its audit entry.
  store.cameraSettings.setSource({ camera: 'cam-1', source: { kind: 'file', url: '/v/cam1.mp4' }, actor: 'mgr', reason: 'test', at: 95_000, before: null });
  const { calibration: cameraCalibration } = store.cameraSettings.setCalibration({
    camera: 'cam-1',
    calibration: { homography: [1, 0, 0, 0, 1, 0, 0, 0, 1], pairs: [{ image: [0, 0], floor: [0, 0] }], rmsM: 0.01, maxM: 0.02 },
    actor: 'mgr',
    reason: 'test',
    at: 96_000,
    before: null,
  });
  expect(store.cameraSettings.sources()).toContainEqual(expect.objectContaining({ camera: 'cam-1', kind: 'file', url: '/v/cam1.mp4' }));
  expect(store.cameraSettings.calibrations()).toContainEqual(cameraCalibration);

  // Schema 13: a held session closed without charge, with its reason code and audit entry; still one outcome per session.
  const waiverAudit = { actor: 'rev', action: 'review.waive', subject: 'session:A13', reason: 'no-account: tailgater', before: null, after: null, at: 97_000 };
  const waiver = { sessionId: 'A13', waivedMs: 97_000, actor: 'rev', reason: 'no-account', note: 'tailgater', receipt: { lines: [], totalMinor: 0 }, audit: waiverAudit };
  expect(store.review.waive(waiver)).toMatchObject({ kind: 'waived', reason: 'no-account', payment: { state: 'pending' } });
  expect(() => store.review.approve({ sessionId: 'A13', approvedMs: 98_000, actor: 'rev', note: '', receipt: {}, audit: waiverAudit })).toThrow(/UNIQUE|PRIMARY KEY/);
  expect(store.review.unsettledPayments().outcomes).toContain('A13');

  return entriesBefore + 7;
}

const factsSession: SessionFact = {
  sessionId: 'S1', kind: 'shopper', account: 'acct', groupSize: 1, people: 1, enteredMs: 10, state: 'open', flags: [],
  units: 0, valueMinor: 0, pickedUnits: 0, putBackUnits: 0, day: '2026-11-21', hour: 9,
};

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
