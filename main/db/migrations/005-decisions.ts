// Schema 5: the engine's decisions (shelf events, receipts, alerts…), so live runs and replays keep
// what was decided next to the inputs it was decided from. JSON per decision: the shapes are the
// engine's (main/engine/decisions.ts) and grow with it; the kind and time are columns for lookups.
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'decisions',
  up(db) {
    db.exec(`
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        t_ms REAL NOT NULL,
        kind TEXT NOT NULL,
        session_id TEXT,
        json TEXT NOT NULL
      );
      CREATE INDEX decisions_by_time ON decisions (t_ms);
      CREATE INDEX decisions_by_kind ON decisions (kind, t_ms);
      CREATE INDEX decisions_by_session ON decisions (session_id) WHERE session_id IS NOT NULL;
    `);
  },
};
