// Store settings as JSON values under string keys (retention days, thresholds, display choices).
// The schema of each setting belongs to the services that use it; storage only guarantees that
// what is read back is the JSON that was written.
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, type JsonValue } from '../json';

/** Maps each setting key to the type of its value. */
export type SettingsShape = Record<string, JsonValue>;

export interface SettingsRepository<S extends SettingsShape = SettingsShape> {
  get<K extends keyof S & string>(key: K): S[K] | undefined;
  set<K extends keyof S & string>(key: K, value: S[K]): void;
  /** Removes the key; returns whether it was set. */
  delete(key: keyof S & string): boolean;
  all(): Partial<S>;
}

export function createSettingsRepository<S extends SettingsShape = SettingsShape>(
  db: BetterSqlite3.Database,
): SettingsRepository<S> {
  const select = db.prepare(`SELECT value_json FROM settings WHERE key = ?`).pluck();
  const upsert = db.prepare(
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  );
  const remove = db.prepare(`DELETE FROM settings WHERE key = ?`);
  const selectAll = db.prepare(`SELECT key, value_json FROM settings ORDER BY key`);

  return {
    get(key) {
      const text = select.get(key) as string | undefined;
      return text === undefined ? undefined : (JSON.parse(text) as S[typeof key]);
    },
    set(key, value) {
      // canonicalJson rejects undefined, NaN and class instances that JSON.stringify would mangle.
      upsert.run(key, canonicalJson(value));
    },
    delete(key) {
      return remove.run(key).changes > 0;
    },
    all() {
      const result: Record<string, JsonValue> = {};
      for (const row of selectAll.all() as Array<{ key: string; value_json: string }>) {
        result[row.key] = JSON.parse(row.value_json) as JsonValue;
      }
      return result as Partial<S>;
    },
  };
}
