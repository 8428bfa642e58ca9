// Schema 13: a held session may be closed without charge (waived) instead of approved. A session
// has one outcome either way, so the waiver is a kind of outcome (the primary key still allows only
// one), with the reviewer's reason code next to the note. Outcomes written before are approvals.
import type { Migration } from './types';

export const migration013: Migration = {
  version: 13,
  name: 'review-waivers',
  up(db) {
    db.exec(`
      ALTER TABLE review_outcomes ADD COLUMN kind TEXT NOT NULL DEFAULT 'approved' CHECK (kind IN ('approved', 'waived'));
      -- Why nobody was charged (a waive reason code); NULL for an approval.
      ALTER TABLE review_outcomes ADD COLUMN reason TEXT;
    `);
  },
};
