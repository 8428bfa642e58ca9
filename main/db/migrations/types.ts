// The shape of one schema migration. SQL lives inside the TypeScript modules (not .sql files) so
// every bundler carries it into the app without asset configuration.
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3, … with no gaps: stored in PRAGMA user_version once `up` has committed. */
  readonly version: number;
  readonly name: string;
  /**
   * Runs inside the transaction the runner opens, so it must not BEGIN/COMMIT itself, and it
   * cannot toggle PRAGMA foreign_keys (a no-op inside a transaction). Never edit a released
   * migration: files in the field were built by it, so fix things forward in a new one.
   */
  up(db: BetterSqlite3.Database): void;
}
