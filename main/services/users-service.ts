// Sign-in and user management. The browser host beyond 127.0.0.1 signs every connection in through
// here; on this computer the operator is signed in as the local manager. Every change to a user is
// an audited human action, and the last enabled manager can be neither disabled nor demoted, so the
// store can never lock itself out.
import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { CallContext, Caller, Role } from '../../native-bridge/contract/auth';
import { ApiError } from '../../native-bridge/contract/errors';
import type { SignedIn, UserSummary, WhoAmI } from '../../native-bridge/contract/users';
import type { StoreDatabase, UserRecord } from '../db';
import { hashPassword, verifyPassword } from '../users/password';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const failureWindowMs = 10 * 60 * 1000;
const failuresBeforeLockout = 5;

export interface UsersServiceDeps {
  db: StoreDatabase;
  storeName: string;
  loginRequired: boolean;
  now?: () => number;
  /** Lower only in tests: scrypt at full cost takes ~100 ms per hash. */
  hashCost?: { N: number; r: number; p: number };
}

export interface UsersService {
  whoAmI(context: CallContext): WhoAmI;
  signIn(input: { username: string; password: string }, context: CallContext): Promise<SignedIn>;
  resumeSession(input: { sessionToken: string }, context: CallContext): SignedIn;
  signOut(input: { sessionToken?: string | undefined }, context: CallContext): WhoAmI;
  list(): UserSummary[];
  create(input: { username: string; role: Role; password: string }, actor: string): Promise<UserSummary>;
  update(input: { username: string; role?: Role | undefined; disabled?: boolean | undefined }, actor: string): UserSummary;
  resetPassword(input: { username: string; password: string }, actor: string): Promise<UserSummary>;
}

/** The person at this computer: the desktop app, or the browser host on 127.0.0.1 without login. */
export function localOperator(): Caller {
  let name = 'local';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (containers): keep the generic name.
  }
  return { username: name, role: 'manager', via: 'local' };
}

function summary(user: UserRecord): UserSummary {
  return { username: user.username, role: user.role, disabled: user.disabled, createdAt: user.createdAtMs, lastSignInAt: user.lastSignInAtMs };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const wrongCredentials = () => new ApiError('unauthenticated', 'wrong username or password');

export function createUsersService(deps: UsersServiceDeps): UsersService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const failures = new Map<string, number[]>();
  // Unknown usernames still pay for one hash check, so timing does not tell which names exist.
  const decoyHash = hashPassword(randomBytes(12).toString('hex'), deps.hashCost);

  const recentFailures = (username: string): number[] => {
    const kept = (failures.get(username) ?? []).filter((t) => now() - t < failureWindowMs);
    failures.set(username, kept);
    return kept;
  };

  const requireUser = (username: string): UserRecord => {
    const user = db.users.get(username);
    if (!user) throw new ApiError('not_found', `no user named "${username}"`);
    return user;
  };

  const openSession = (user: UserRecord, context: CallContext): SignedIn => {
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = now() + sessionLifetimeMs;
    db.users.deleteExpiredSessions(now());
    db.users.createSession({ tokenHash: tokenHash(sessionToken), username: user.username, createdAtMs: now(), expiresAtMs: expiresAt });
    const caller: Caller = { username: user.username, role: user.role, via: 'login' };
    context.signIn(caller);
    return { caller, sessionToken, expiresAt };
  };

  /** Refuses to leave the store without an enabled manager. */
  const keepOneManager = (user: UserRecord, change: { role?: Role | undefined; disabled?: boolean | undefined }) => {
    const losesManager = user.role === 'manager' && !user.disabled && ((change.role && change.role !== 'manager') || change.disabled === true);
    if (losesManager && db.users.count({ role: 'manager', enabledOnly: true }) <= 1) {
      throw new ApiError('invalid_input', `${user.username} is the last enabled manager: make someone else a manager first`);
    }
  };

  const audit = (actor: string, action: string, username: string, reason: string, before: UserSummary | null, after: UserSummary) =>
    db.audit.append({ actor, action, subject: `user:${username}`, reason, before, after, at: now() });

  return {
    whoAmI: (context) => ({ caller: context.caller ?? null, loginRequired: deps.loginRequired, storeName: deps.storeName }),

    async signIn({ username, password }, context) {
      const attempts = recentFailures(username);
      if (attempts.length >= failuresBeforeLockout) {
        const waitS = Math.ceil((attempts[0]! + failureWindowMs - now()) / 1000);
        throw new ApiError('unauthenticated', `too many failed sign-ins for "${username}": try again in ${waitS} s`);
      }
      const user = db.users.get(username);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
      if (!user || !matches || user.disabled) {
        attempts.push(now());
        throw wrongCredentials();
      }
      failures.delete(username);
      db.users.recordSignIn(user.username, now());
      return openSession(user, context);
    },

    resumeSession({ sessionToken }, context) {
      const found = db.users.findSession(tokenHash(sessionToken));
      const user = found && db.users.get(found.username);
      if (!found || !user || user.disabled || found.expiresAtMs <= now()) {
        if (found) db.users.deleteSession(found.tokenHash);
        throw new ApiError('unauthenticated', 'your sign-in has expired: sign in again');
      }
      const caller: Caller = { username: user.username, role: user.role, via: 'login' };
      context.signIn(caller);
      return { caller, sessionToken, expiresAt: found.expiresAtMs };
    },

    signOut({ sessionToken }, context) {
      if (sessionToken) db.users.deleteSession(tokenHash(sessionToken));
      if (context.caller?.via === 'login') context.signOut();
      return { caller: context.caller ?? null, loginRequired: deps.loginRequired, storeName: deps.storeName };
    },

    list: () => db.users.list().map(summary),

    async create({ username, role, password }, actor) {
      if (db.users.get(username)) throw new ApiError('invalid_input', `the username "${username}" is taken`);
      const passwordHash = await hashPassword(password, deps.hashCost);
      db.users.insert({ username, role, passwordHash, createdAtMs: now() });
      const created = summary(requireUser(username));
      audit(actor, 'user.create', username, `new ${role}`, null, created);
      return created;
    },

    update({ username, role, disabled }, actor) {
      const user = requireUser(username);
      keepOneManager(user, { role, disabled });
      db.users.update(username, { ...(role ? { role } : {}), ...(disabled !== undefined ? { disabled } : {}) });
      // A role change or a disabled account takes effect at the next call of every open session.
      if (disabled || (role && role !== user.role)) db.users.deleteSessionsOf(username);
      const after = summary(requireUser(username));
      audit(actor, 'user.update', username, disabled ? 'disabled' : disabled === false ? 'enabled' : `role ${after.role}`, summary(user), after);
      return after;
    },

    async resetPassword({ username, password }, actor) {
      const user = requireUser(username);
      db.users.update(username, { passwordHash: await hashPassword(password, deps.hashCost) });
      db.users.deleteSessionsOf(username);
      const after = summary(requireUser(username));
      audit(actor, 'user.reset-password', username, 'password reset', summary(user), after);
      return after;
    },
  };
}
