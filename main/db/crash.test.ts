// Durability: the file is in WAL mode, and a writer killed mid-transaction (SIGKILL, no cleanup)
// loses nothing it had committed, leaks nothing it had not, and leaves the file usable.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from './open';
import { tempDbPath } from './test-support';

const STORE = 'demo-store';
const betterSqlite3Path = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * A writer as another process would be: it commits 3 transactions of 50 batches, then starts a
 * 4th big enough to spill uncommitted pages into the WAL, says "ready" and waits to be killed.
 * Autocheckpoint is off so the committed work is still only in the WAL when it dies.
 */
const writerScript = `
  const Database = require(process.env.BETTER_SQLITE3);
  const db = new Database(process.env.DB_FILE);
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('cache_size = 8');
  const insert = db.prepare(
    'INSERT INTO input_batches (source, kind, t0_ms, t1_ms, count, payload) VALUES (1, 1, ?, ?, 1, ?)');
  let t = 1000;
  for (let tx = 0; tx < 3; tx++) {
    db.transaction(() => { for (let i = 0; i < 50; i++) { insert.run(t, t, Buffer.alloc(100, 1)); t++; } })();
  }
  db.exec('BEGIN');
  for (let i = 0; i < 2000; i++) { insert.run(t, t, Buffer.alloc(4000, 2)); t++; }
  process.stdout.write('ready\\n');
  setInterval(() => {}, 1 << 30);
`;

function runWriterUntilReady(file: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', writerScript], {
    env: { ...process.env, BETTER_SQLITE3: betterSqlite3Path, DB_FILE: file },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited on its own (code ${code}, signal ${signal}) before it was killed`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready') && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    });
  });
}

describe('durability', () => {
  it('opens in WAL mode', () => {
    const file = tempDbPath();
    const store = openStoreDatabase(file, { storeId: STORE });
    store.settings.set('k', 1);
    expect(store.sizes().walBytes).toBeGreaterThan(0);
    expect(store.sizes().sizeBytes).toBeGreaterThan(0);

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    // WAL is recorded in the file header (bytes 18-19 = 2), so it holds for every later connection.
    const header = fs.readFileSync(file).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([2, 2]);

    store.close();
  });

  it('keeps committed work and drops uncommitted work when a writer is killed mid-transaction', async () => {
    const file = tempDbPath();
    const setup = openStoreDatabase(file, { storeId: STORE });
    setup.inputLog.append({ source: 'shelf-A', kind: 'plate-samples', t0Ms: 0, t1Ms: 0, count: 1, payload: new Uint8Array(1) });
    setup.audit.append({ actor: 'u1', action: 'a', subject: 's', reason: 'before the crash', before: null, after: null, at: 1 });
    setup.close();

    await runWriterUntilReady(file);
    // The crash left a WAL behind: committed frames that were never checkpointed, plus spilled
    // frames of the transaction that never committed.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(2000 * 4000);

    const store = openStoreDatabase(file, { storeId: STORE });
    const stats = store.inputLog.stats();
    expect(stats.batches).toBe(1 + 150);
    expect(stats.samples).toBe(1 + 150);
    expect(stats.lastMs).toBe(1149);
    expect([...store.inputLog.readRange(1000, 2000)]).toHaveLength(150);
    expect(store.audit.verify()).toEqual({ ok: true, entries: 1 });

    // Usable: it takes new writes and reopens cleanly.
    store.inputLog.append({ source: 'shelf-A', kind: 'plate-samples', t0Ms: 5000, t1Ms: 5000, count: 1, payload: new Uint8Array(1) });
    store.audit.append({ actor: 'u1', action: 'a', subject: 's', reason: 'after the crash', before: null, after: null, at: 2 });
    store.close();
    const again = openStoreDatabase(file, { storeId: STORE });
    expect(again.inputLog.stats().batches).toBe(152);
    expect(again.audit.verify()).toEqual({ ok: true, entries: 2 });
    again.close();
  }, 60_000);
});
