// `walkout audit verify` on a real store database after real review actions, then after someone
// edits the file behind the app's back (triggers dropped, a row changed or removed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStoreDatabase } from '../../../db';
import { createReviewDesk } from '../../../review/review-desk';
import { RecordingIssuer, storeDecisions, storyDecisions, testStore } from '../../../review/test-support';
import { demoStoreDir, loadStore } from '../../../store/load';
import { runCli } from '../main';

let dataDir: string;
let dbPath: string;
let logs: string[];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'walkout-audit-'));
  const storeId = loadStore(demoStoreDir()).layout.id;
  dbPath = join(dataDir, `${storeId}.sqlite`);
  const db = openStoreDatabase(dbPath, { storeId });
  storeDecisions(db, storyDecisions());
  let clock = 1_800_000_000_000;
  const desk = createReviewDesk({ db, store: testStore, issuer: new RecordingIssuer(), now: () => ++clock });
  desk.correct({ sessionId: 'S1', action: { type: 'reassign-event', eventId: 'F1-S1#1', from: 'S1', to: 'S2' }, reason: 'wrong-shopper', note: 'video' }, 'rita');
  desk.correct({ sessionId: 'S1', action: { type: 'add-line', sessionId: 'S1', sku: 'APPLE', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita');
  await desk.approve({ sessionId: 'S1', note: 'ok' }, 'rita');
  db.close();
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
  process.exitCode = undefined;
});

/**
 * Edits the file as an attacker with the sqlite3 shell would: foreign keys off (review rows point at
 * their audit entries) and triggers dropped first, then the rows.
 */
function tamper(sql: string): void {
  const raw = new Database(dbPath);
  raw.pragma('foreign_keys = OFF');
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
  raw.close();
}

describe('walkout audit verify', () => {
  it('says the chain is intact, with the number of entries, and exits 0', async () => {
    await runCli(['audit', 'verify', '--data-dir', dataDir]);
    expect(process.exitCode).toBeUndefined();
    expect(logs).toEqual([`audit log intact: 3 entries, every hash chained to the one before (${dbPath})`]);
  });

  it('names the first broken link when an entry was altered, and exits 1', async () => {
    tamper(`UPDATE audit_log SET reason = 'missed-item: nothing to see' WHERE id = 2`);
    await runCli(['audit', 'verify', '--data-dir', dataDir, '--json']);
    expect(process.exitCode).toBe(1);
    expect(JSON.parse(logs[0]!)).toEqual({ path: dbPath, ok: false, brokenAt: 2, reason: 'contents do not match the stored hash (the entry was altered)' });
  });

  it('catches an altered entry whose hash was recomputed too: the next entry no longer chains to it', async () => {
    const raw = new Database(dbPath, { readonly: true });
    const row = raw.prepare(`SELECT * FROM audit_log WHERE id = 1`).get() as { prev_hash: string };
    raw.close();
    const { auditEntryHash } = await import('../../../db/repositories/audit');
    const forged = { actor: 'mallory', action: 'review.correct', subject: 'session:S1', reason: 'wrong-shopper: video', before: null, after: null, at: 1 };
    tamper(
      `UPDATE audit_log SET actor = 'mallory', before_json = 'null', after_json = 'null', at_ms = 1, hash = '${auditEntryHash(row.prev_hash, forged)}' WHERE id = 1`,
    );
    await runCli(['audit', 'verify', '--data-dir', dataDir]);
    expect(process.exitCode).toBe(1);
    expect(logs).toEqual([`audit log BROKEN at entry 2: prev_hash does not match the hash of the entry before it (${dbPath})`]);
  });

  it('notices entries removed from the end of the log', async () => {
    tamper(`DELETE FROM audit_log WHERE id = 3`);
    await runCli(['audit', 'verify', '--db', dbPath]);
    expect(process.exitCode).toBe(1);
    expect(logs[0]).toMatch(/^audit log BROKEN at entry 3: entries 3\.\.3 were removed from the end of the log/);
  });

  it('refuses a missing database with a clear error instead of creating one', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await runCli(['audit', 'verify', '--db', join(dataDir, 'nope.sqlite')]);
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toMatch(/nope\.sqlite.*does not exist/);
  });
});
