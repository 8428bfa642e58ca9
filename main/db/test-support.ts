// Helpers shared by the storage tests: throwaway directories, raw databases built at an exact
// schema version (as an older Walkout would have left them), and file fingerprints for proving
// that a refused file was not touched.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrate } from './migrate';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed after the current test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkout-db-'));
  made.push(dir);
  return dir;
}

export function tempDbPath(name = 'store.sqlite'): string {
  return path.join(tempDir(), name);
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * A WAL database migrated to exactly `version`, with the store id recorded, still open so the
 * caller can write the rows an app at that version would have written.
 */
export function rawDatabaseAtVersion(file: string, version: number, storeId: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  if (version >= 1) db.prepare(`INSERT INTO meta (key, value) VALUES ('store_id', ?)`).run(storeId);
  return db;
}
