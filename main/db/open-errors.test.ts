// Files this build must refuse, and refuse without changing a byte: a newer schema, damage,
// another store's file, another application's database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DatabaseCorruptError,
  DatabaseNotReadyError,
  DatabaseStoreMismatchError,
  DatabaseTooNewError,
  DatabaseUnrecognizedError,
  StoreDatabaseError,
} from './errors';
import { LATEST_SCHEMA_VERSION } from './migrate';
import { openStoreDatabase } from './open';
import { rawDatabaseAtVersion, sha256OfFile, tempDbPath } from './test-support';

const STORE = 'demo-store';

/** A real, healthy store database with enough rows to span many pages, closed and checkpointed. */
function healthyDatabase(file = tempDbPath()): string {
  const store = openStoreDatabase(file, { storeId: STORE });
  store.inputLog.appendMany(
    Array.from({ length: 400 }, (_, i) => ({
      source: `shelf-${i % 7}`,
      kind: 'plate-samples' as const,
      t0Ms: i * 100,
      t1Ms: i * 100 + 99,
      count: 50,
      payload: new Uint8Array(600).fill(i % 251),
    })),
  );
  store.audit.append({ actor: 'u1', action: 'a', subject: 's', reason: 'r', before: null, after: null, at: 1 });
  store.close();
  return file;
}

/** Opening must throw `type`; returns the error after checking the file kept every byte. */
function expectRefusal<E extends StoreDatabaseError>(
  file: string,
  storeId: string,
  type: new (...args: never[]) => E,
): E {
  const before = sha256OfFile(file);
  const sizeBefore = fs.statSync(file).size;
  let caught: unknown;
  try {
    openStoreDatabase(file, { storeId }).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect(caught).toBeInstanceOf(StoreDatabaseError);
  expect(fs.statSync(file).size).toBe(sizeBefore);
  expect(sha256OfFile(file)).toBe(before);
  return caught as E;
}

describe('openStoreDatabase refuses', () => {
  it('a file from a newer Walkout, naming both versions', () => {
    const file = healthyDatabase();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 4}`);
    db.close();

    const error = expectRefusal(file, STORE, DatabaseTooNewError);
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.fileVersion).toBe(LATEST_SCHEMA_VERSION + 4);
    expect(error.supportedVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(error.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 4}`);
    expect(error.message).toContain(`up to ${LATEST_SCHEMA_VERSION}`);
    expect(error.message).toContain('Upgrade Walkout');
    expect(error.message).toContain(file);
  });

  it('a file of random bytes', () => {
    const file = tempDbPath();
    fs.writeFileSync(file, randomBytes(64 * 1024));
    const error = expectRefusal(file, STORE, DatabaseCorruptError);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain('not a valid SQLite database or is damaged');
    expect(error.message).toContain('file is not a database');
  });

  it('a truncated database', () => {
    const file = healthyDatabase();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    const error = expectRefusal(file, STORE, DatabaseCorruptError);
    expect(error.message).toMatch(/malformed|damaged/);
  });

  it('a database cut off inside its header', () => {
    const file = healthyDatabase();
    fs.truncateSync(file, 50);
    expectRefusal(file, STORE, DatabaseCorruptError);
  });

  it('a database with one damaged page (found by quick_check)', () => {
    const file = healthyDatabase();
    const pageSize = 4096;
    expect(fs.statSync(file).size).toBeGreaterThan(pageSize * 30);
    const fd = fs.openSync(file, 'r+');
    // A fixed pattern, not random bytes, so the damage is the same on every run (0xA5 is no
    // valid b-tree page type).
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize * 20);
    fs.closeSync(fd);
    const error = expectRefusal(file, STORE, DatabaseCorruptError);
    expect(error.detail.length).toBeGreaterThan(0);
  });

  it("another store's database, naming both stores", () => {
    const file = healthyDatabase();
    const error = expectRefusal(file, 'other-store', DatabaseStoreMismatchError);
    expect(error.code).toBe('DB_STORE_MISMATCH');
    expect(error.expectedStoreId).toBe('other-store');
    expect(error.actualStoreId).toBe(STORE);
    expect(error.message).toContain('belongs to store "demo-store", not "other-store"');
  });

  it("another application's SQLite database", () => {
    const file = tempDbPath();
    const db = new Database(file);
    db.exec(`CREATE TABLE contacts (name TEXT)`);
    db.close();
    const error = expectRefusal(file, STORE, DatabaseUnrecognizedError);
    expect(error.message).toContain('not a Walkout store database');
  });
});

describe('openStoreDatabase read-only', () => {
  it('reads a current database without writing to it', () => {
    const file = healthyDatabase();
    const before = sha256OfFile(file);
    const store = openStoreDatabase(file, { storeId: STORE, readonly: true });
    expect(store.readonly).toBe(true);
    expect(store.inputLog.stats().batches).toBe(400);
    expect(store.audit.verify()).toEqual({ ok: true, entries: 1 });
    expect(() => store.settings.set('x', 1)).toThrow(/readonly/);
    store.close();
    expect(sha256OfFile(file)).toBe(before);
  });

  it('refuses a missing file or one that still needs migrating', () => {
    expect(() => openStoreDatabase(tempDbPath(), { storeId: STORE, readonly: true })).toThrow(DatabaseNotReadyError);

    const file = tempDbPath();
    rawDatabaseAtVersion(file, LATEST_SCHEMA_VERSION - 1, STORE).close();
    const before = sha256OfFile(file);
    expect(() => openStoreDatabase(file, { storeId: STORE, readonly: true })).toThrow(/open it read-write once to migrate/);
    expect(sha256OfFile(file)).toBe(before);
  });
});

describe('openStoreDatabase', () => {
  it('creates a new file at the latest version, owned by the store', () => {
    const file = tempDbPath();
    const store = openStoreDatabase(file, { storeId: STORE });
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.storeId).toBe(STORE);
    store.close();
    store.close(); // idempotent

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get()).toBe(STORE);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });

  it('rejects a missing store id', () => {
    expect(() => openStoreDatabase(tempDbPath(), { storeId: '' })).toThrow(TypeError);
  });
});
