// Schema 4: the input log learns a gate's passage sensor (turnstile or beam counting people
// through), which the engine needs to tell tailgaters from scanned shoppers. Migration 002 made
// kinds a lookup table precisely so that this is one row, not a rebuild of input_batches.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'gate-passage-kind',
  up(db) {
    db.exec(`INSERT INTO input_kinds (code, name) VALUES (6, 'gate-passage');`);
  },
};
