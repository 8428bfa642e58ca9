// Schema 6: local user accounts (manager, reviewer, analyst) with scrypt password hashes, and the
// sign-in sessions a browser presents again after a reconnect (only a hash of each token is kept,
// so a copied database file signs nobody in).
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('manager', 'reviewer', 'analyst')),
        password_hash TEXT NOT NULL,
        created_at_ms REAL NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        last_sign_in_at_ms REAL
      );
      CREATE TABLE sign_in_sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username),
        created_at_ms REAL NOT NULL,
        expires_at_ms REAL NOT NULL
      );
      CREATE INDEX sign_in_sessions_by_user ON sign_in_sessions (username);
    `);
  },
};
