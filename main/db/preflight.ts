// Looks at an existing store database through a READ-ONLY connection before anything may write
// to it. Whatever is wrong (damage, a newer schema, another store's file) is reported while the
// file is still byte-for-byte as found: a read-only connection cannot roll back a journal,
// checkpoint a WAL or run a migration by accident.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {
  DatabaseCorruptError,
  DatabaseStoreMismatchError,
  DatabaseTooNewError,
  DatabaseUnrecognizedError,
} from './errors';
import { LATEST_SCHEMA_VERSION, readSchemaVersion } from './migrate';

export interface PreflightResult {
  /** False when there is nothing to inspect: no file, or an empty one (SQLite treats both as new). */
  readonly exists: boolean;
  readonly schemaVersion: number;
  /** The store the file was created for; undefined before the store id was recorded. */
  readonly storeId: string | undefined;
}

export function preflight(path: string, expectedStoreId: string, busyTimeoutMs: number): PreflightResult {
  if (!fs.existsSync(path) || fs.statSync(path).size === 0) {
    return { exists: false, schemaVersion: 0, storeId: undefined };
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    const result = inspect(probe, path);
    if (result.storeId !== undefined && result.storeId !== expectedStoreId) {
      throw new DatabaseStoreMismatchError(path, expectedStoreId, result.storeId);
    }
    if (result.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new DatabaseTooNewError(path, result.schemaVersion, LATEST_SCHEMA_VERSION);
    }
    return result;
  } catch (error) {
    if (isCorruption(error)) {
      throw new DatabaseCorruptError(path, (error as Error).message, { cause: error });
    }
    throw error;
  } finally {
    probe?.close();
  }
}

function inspect(probe: Database.Database, path: string): PreflightResult {
  const schemaVersion = readSchemaVersion(probe);
  // quick_check reads every page, so its cost grows with the file; it is the price of refusing
  // a damaged file up front instead of failing (or writing) half-way through a shift.
  const problems = (probe.pragma('quick_check(5)') as Array<{ quick_check: string }>)
    .map((row) => row.quick_check)
    .filter((line) => line !== 'ok');
  if (problems.length > 0) throw new DatabaseCorruptError(path, problems.join('; '));

  if (schemaVersion === 0) {
    const objects = probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (objects > 0) throw new DatabaseUnrecognizedError(path);
    return { exists: true, schemaVersion, storeId: undefined };
  }
  return { exists: true, schemaVersion, storeId: readStoreId(probe) };
}

/** meta's shape is frozen by migration 001, so this works on files of any schema version. */
export function readStoreId(db: Database.Database): string | undefined {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get();
  return typeof row === 'string' ? row : undefined;
}

function isCorruption(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT');
}
