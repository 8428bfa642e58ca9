// Brings a database's schema up to date, one numbered migration at a time. Each migration commits
// on its own together with its PRAGMA user_version, so a crash or a failing migration leaves the
// file at the last version that fully applied, never half-way between two.
import type BetterSqlite3 from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations';

export const LATEST_SCHEMA_VERSION = latestVersion(allMigrations);

export function readSchemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations above the file's version, up to `targetVersion` (default: all of them).
 * Returns the schema version the file is at afterwards. `list` is replaceable for tests only.
 */
export function migrate(
  db: BetterSqlite3.Database,
  targetVersion: number = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = allMigrations,
): number {
  assertNumbered(list);
  for (const migration of list) {
    if (migration.version > targetVersion) break;
    // IMMEDIATE takes the write lock before re-reading the version: when two processes open the
    // same fresh file, the second waits and then finds the work done instead of repeating it.
    db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return readSchemaVersion(db);
}

function assertNumbered(list: readonly Migration[]): void {
  list.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}: ` +
          `migrations must be numbered 1..n in order`,
      );
    }
  });
}

function latestVersion(list: readonly Migration[]): number {
  assertNumbered(list);
  return list.length;
}
