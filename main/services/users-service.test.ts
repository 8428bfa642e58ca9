import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext, Caller } from '../../native-bridge/contract/auth';
import type { ApiError } from '../../native-bridge/contract/errors';
import { connectionFor } from '../app/connections';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { createUsersService, type UsersService } from './users-service';

let db: StoreDatabase;
let users: UsersService;
let clock: number;

/** A connection as a transport holds it, with the context a handler would get. */
function connection(initial?: Caller) {
  const held = connectionFor(db, initial, () => undefined);
  const context: CallContext = {
    get caller() {
      return held.caller;
    },
    signIn: (caller) => {
      held.caller = caller;
    },
    signOut: () => {
      held.caller = undefined;
    },
  };
  return { held, context };
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

beforeEach(async () => {
  clock = 1_800_000_000_000;
  db = openStoreDatabase(tempDbPath(), { storeId: 'demo' });
  users = createUsersService({ db, storeName: 'Demo', loginRequired: true, now: () => clock, hashCost: { N: 1024, r: 8, p: 1 } });
  await users.create({ username: 'maria', role: 'manager', password: 'manager-password' }, 'setup');
  await users.create({ username: 'rui', role: 'reviewer', password: 'reviewer-password' }, 'maria');
});
afterEach(() => db.close());

describe('users service', () => {
  it('signs a connection in with the right password and names the caller', async () => {
    const { held, context } = connection();
    const signedIn = await users.signIn({ username: 'rui', password: 'reviewer-password' }, context);
    expect(signedIn.caller).toEqual({ username: 'rui', role: 'reviewer', via: 'login' });
    expect(held.caller).toEqual(signedIn.caller);
    expect(signedIn.expiresAt).toBe(clock + 12 * 3600_000);
    expect(users.list().find((u) => u.username === 'rui')?.lastSignInAt).toBe(clock);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const { held, context } = connection();
    const unknown = await failure(users.signIn({ username: 'nobody', password: 'whatever-password' }, context));
    const wrong = await failure(users.signIn({ username: 'rui', password: 'not-the-password' }, context));
    expect(unknown).toMatchObject({ code: 'unauthenticated', message: 'wrong username or password' });
    expect(wrong).toMatchObject({ code: 'unauthenticated', message: 'wrong username or password' });
    expect(held.caller).toBeUndefined();
  });

  it('locks a username out after five failures for ten minutes, even for the right password', async () => {
    const { context } = connection();
    for (let i = 0; i < 5; i++) await failure(users.signIn({ username: 'rui', password: `guess-number-${i}` }, context));
    const locked = await failure(users.signIn({ username: 'rui', password: 'reviewer-password' }, context));
    expect(locked.message).toMatch(/too many failed sign-ins.*600 s/);
    clock += 10 * 60_000;
    await expect(users.signIn({ username: 'rui', password: 'reviewer-password' }, context)).resolves.toBeDefined();
  });

  it('resumes a session with its token after a reconnect, and not after it expired or was signed out', async () => {
    const first = connection();
    const { sessionToken } = await users.signIn({ username: 'rui', password: 'reviewer-password' }, first.context);
    const second = connection();
    expect(users.resumeSession({ sessionToken }, second.context).caller.username).toBe('rui');
    expect(second.held.caller?.username).toBe('rui');

    users.signOut({ sessionToken }, second.context);
    expect(second.held.caller).toBeUndefined();
    expect((await failure(() => users.resumeSession({ sessionToken }, connection().context))).code).toBe('unauthenticated');

    const again = await users.signIn({ username: 'rui', password: 'reviewer-password' }, first.context);
    clock += 12 * 3600_000;
    expect((await failure(() => users.resumeSession({ sessionToken: again.sessionToken }, connection().context))).message).toMatch(/expired/);
  });

  it('stores only a hash of each session token', async () => {
    const { sessionToken } = await users.signIn({ username: 'rui', password: 'reviewer-password' }, connection().context);
    expect(db.users.findSession(sessionToken)).toBeUndefined();
  });

  it('applies a role change and a disabled account at the next call of an open connection', async () => {
    const { held, context } = connection();
    await users.signIn({ username: 'rui', password: 'reviewer-password' }, context);
    users.update({ username: 'rui', role: 'analyst' }, 'maria');
    expect(held.caller?.role).toBe('analyst');
    users.update({ username: 'rui', disabled: true }, 'maria');
    expect(held.caller).toBeUndefined();
    expect((await failure(users.signIn({ username: 'rui', password: 'reviewer-password' }, context))).code).toBe('unauthenticated');
  });

  it('never leaves the store without an enabled manager', async () => {
    expect((await failure(() => users.update({ username: 'maria', role: 'analyst' }, 'maria'))).message).toMatch(/last enabled manager/);
    expect((await failure(() => users.update({ username: 'maria', disabled: true }, 'maria'))).message).toMatch(/last enabled manager/);
    users.update({ username: 'rui', role: 'manager' }, 'maria');
    expect(users.update({ username: 'maria', disabled: true }, 'rui').disabled).toBe(true);
  });

  it('refuses a taken username and an unknown user', async () => {
    expect((await failure(users.create({ username: 'rui', role: 'analyst', password: 'another-password' }, 'maria'))).message).toMatch(/taken/);
    expect((await failure(() => users.update({ username: 'ghost', role: 'analyst' }, 'maria'))).code).toBe('not_found');
  });

  it('audits every change to a user, without password hashes', async () => {
    await users.resetPassword({ username: 'rui', password: 'a-new-password!' }, 'maria');
    users.update({ username: 'rui', role: 'analyst' }, 'maria');
    const entries = db.audit.list({ limit: 10, subject: 'user:rui' });
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ['maria', 'user.update'],
      ['maria', 'user.reset-password'],
      ['maria', 'user.create'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/scrypt/);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 4 });
  });

  it('signs out every session of a user whose password was reset', async () => {
    const { sessionToken } = await users.signIn({ username: 'rui', password: 'reviewer-password' }, connection().context);
    await users.resetPassword({ username: 'rui', password: 'a-new-password!' }, 'maria');
    expect((await failure(() => users.resumeSession({ sessionToken }, connection().context))).code).toBe('unauthenticated');
    await expect(users.signIn({ username: 'rui', password: 'a-new-password!' }, connection().context)).resolves.toBeDefined();
  });
});
