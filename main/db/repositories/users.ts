// Local user accounts and their sign-in sessions. The repository stores what it is given (a
// password hash, a token hash); hashing and checking belong to the users service.
import type BetterSqlite3 from 'better-sqlite3';
import type { Role } from '../../../native-bridge/contract/auth';

export interface UserRecord {
  username: string;
  role: Role;
  passwordHash: string;
  createdAtMs: number;
  disabled: boolean;
  lastSignInAtMs: number | null;
}

export interface SignInSessionRecord {
  tokenHash: string;
  username: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface UsersRepository {
  get(username: string): UserRecord | undefined;
  list(): UserRecord[];
  count(query?: { role?: Role; enabledOnly?: boolean }): number;
  /** Throws a SqliteError (SQLITE_CONSTRAINT_PRIMARYKEY) when the username is taken. */
  insert(user: Omit<UserRecord, 'lastSignInAtMs' | 'disabled'>): void;
  update(username: string, change: { role?: Role; disabled?: boolean; passwordHash?: string }): void;
  recordSignIn(username: string, atMs: number): void;
  createSession(session: SignInSessionRecord): void;
  findSession(tokenHash: string): SignInSessionRecord | undefined;
  deleteSession(tokenHash: string): void;
  /** Every session of one user (after a password reset or when disabled). */
  deleteSessionsOf(username: string): void;
  deleteExpiredSessions(nowMs: number): number;
}

interface UserRow {
  username: string;
  role: Role;
  password_hash: string;
  created_at_ms: number;
  disabled: number;
  last_sign_in_at_ms: number | null;
}

function toUser(row: UserRow): UserRecord {
  return {
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    createdAtMs: row.created_at_ms,
    disabled: row.disabled === 1,
    lastSignInAtMs: row.last_sign_in_at_ms,
  };
}

export function createUsersRepository(db: BetterSqlite3.Database): UsersRepository {
  const selectOne = db.prepare(`SELECT * FROM users WHERE username = ?`);
  const selectAll = db.prepare(`SELECT * FROM users ORDER BY username`);
  const insertUser = db.prepare(
    `INSERT INTO users (username, role, password_hash, created_at_ms) VALUES (@username, @role, @passwordHash, @createdAtMs)`,
  );
  const updateUser = db.prepare(
    `UPDATE users SET role = coalesce(@role, role), disabled = coalesce(@disabled, disabled),
       password_hash = coalesce(@passwordHash, password_hash) WHERE username = @username`,
  );
  const updateSignIn = db.prepare(`UPDATE users SET last_sign_in_at_ms = ? WHERE username = ?`);
  const insertSession = db.prepare(
    `INSERT INTO sign_in_sessions (token_hash, username, created_at_ms, expires_at_ms) VALUES (@tokenHash, @username, @createdAtMs, @expiresAtMs)`,
  );
  const selectSession = db.prepare(`SELECT token_hash, username, created_at_ms, expires_at_ms FROM sign_in_sessions WHERE token_hash = ?`);
  const removeSession = db.prepare(`DELETE FROM sign_in_sessions WHERE token_hash = ?`);
  const removeSessionsOf = db.prepare(`DELETE FROM sign_in_sessions WHERE username = ?`);
  const removeExpired = db.prepare(`DELETE FROM sign_in_sessions WHERE expires_at_ms <= ?`);

  return {
    get: (username) => {
      const row = selectOne.get(username) as UserRow | undefined;
      return row && toUser(row);
    },
    list: () => (selectAll.all() as UserRow[]).map(toUser),
    count: (query = {}) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.role) {
        where.push('role = ?');
        params.push(query.role);
      }
      if (query.enabledOnly) where.push('disabled = 0');
      const sql = `SELECT count(*) FROM users${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      return db.prepare(sql).pluck().get(...params) as number;
    },
    insert: (user) => void insertUser.run(user),
    update: (username, change) =>
      void updateUser.run({
        username,
        role: change.role ?? null,
        disabled: change.disabled === undefined ? null : change.disabled ? 1 : 0,
        passwordHash: change.passwordHash ?? null,
      }),
    recordSignIn: (username, atMs) => void updateSignIn.run(atMs, username),
    createSession: (session) => void insertSession.run(session),
    findSession: (tokenHash) => {
      const row = selectSession.get(tokenHash) as
        | { token_hash: string; username: string; created_at_ms: number; expires_at_ms: number }
        | undefined;
      return row && { tokenHash: row.token_hash, username: row.username, createdAtMs: row.created_at_ms, expiresAtMs: row.expires_at_ms };
    },
    deleteSession: (tokenHash) => void removeSession.run(tokenHash),
    deleteSessionsOf: (username) => void removeSessionsOf.run(username),
    deleteExpiredSessions: (nowMs) => removeExpired.run(nowMs).changes,
  };
}
