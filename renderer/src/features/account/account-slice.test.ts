import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type Caller, type WhoAmI } from '../../../../native-bridge/contract';
import { createAppStore, resetAppStore, type AppStore } from '../../state/app-store';
import { memorySessionTokens, type SessionTokenStore } from '../../state/deps';
import { TestDoubleApiClient } from '../../testing/test-double-api-client';
import { initialAccountState } from './account-slice';

const maria: Caller = { username: 'maria', role: 'manager', via: 'login' };
const signedOut: WhoAmI = { caller: null, loginRequired: true, storeName: 'Demo' };

let client: TestDoubleApiClient;
let tokens: SessionTokenStore;
let store: AppStore;
let serverCaller: Caller | null;
const account = () => store.getState().account;

beforeEach(() => {
  serverCaller = null;
  client = new TestDoubleApiClient('open')
    .answer('whoAmI', () => ({ ...signedOut, caller: serverCaller }))
    .answer('signIn', ({ password }) => {
      if (password !== 'right-password') throw new ApiError('unauthenticated', 'wrong username or password');
      serverCaller = maria;
      return { caller: maria, sessionToken: 'token-1234567890abcdef', expiresAt: 9e12 };
    })
    .answer('resumeSession', ({ sessionToken }) => {
      if (sessionToken !== 'token-1234567890abcdef') throw new ApiError('unauthenticated', 'expired');
      serverCaller = maria;
      return { caller: maria, sessionToken, expiresAt: 9e12 };
    })
    .answer('signOut', () => {
      serverCaller = null;
      return signedOut;
    });
  tokens = memorySessionTokens();
  store = createAppStore({ client, sessionTokens: tokens });
});

describe('account slice', () => {
  it('asks who is signed in when attached and lands signed out where login is required', async () => {
    expect(account().status).toBe('checking');
    account().attach();
    await expect.poll(() => account().status).toBe('signed-out');
    expect(account()).toMatchObject({ loginRequired: true, storeName: 'Demo', caller: null });
  });

  it('is signed in at once as the local operator where the host needs no login', async () => {
    const local: Caller = { username: 'op', role: 'manager', via: 'local' };
    client.answer('whoAmI', () => ({ caller: local, loginRequired: false, storeName: 'Demo' }));
    await account().check();
    expect(account()).toMatchObject({ status: 'signed-in', caller: local, loginRequired: false });
  });

  it('signs in, keeps the token for this tab, and shows a wrong password as an error', async () => {
    await account().check();
    expect(await account().signIn('maria', 'wrong')).toBe(false);
    expect(account()).toMatchObject({ status: 'signed-out', error: { code: 'unauthenticated', message: 'wrong username or password' } });
    expect(await account().signIn('maria', 'right-password')).toBe(true);
    expect(account()).toMatchObject({ status: 'signed-in', caller: maria, error: null, signingIn: false });
    expect(tokens.read()).toBe('token-1234567890abcdef');
  });

  it('signs in again by token after the link drops and comes back', async () => {
    account().attach();
    await account().signIn('maria', 'right-password');
    serverCaller = null; // a new connection starts signed out on the host
    client.setConnection('closed');
    client.setConnection('open');
    await expect.poll(() => client.callsOf('resumeSession').length).toBe(1);
    await expect.poll(() => account().status).toBe('signed-in');
  });

  it('forgets a token the host no longer accepts', async () => {
    tokens.write('token-revoked-0000000000');
    await account().check();
    expect(account().status).toBe('signed-out');
    expect(tokens.read()).toBeNull();
  });

  it('signs out with its token and forgets it', async () => {
    await account().signIn('maria', 'right-password');
    await account().signOut();
    expect(client.callsOf('signOut')).toEqual([{ sessionToken: 'token-1234567890abcdef' }]);
    expect(account()).toMatchObject({ status: 'signed-out', caller: null });
    expect(tokens.read()).toBeNull();
  });

  it('reports a host that cannot answer, and resets to its first state', async () => {
    client.answer('whoAmI', () => {
      throw new ApiError('internal', 'database locked');
    });
    await account().check();
    expect(account()).toMatchObject({ status: 'error', error: { code: 'internal', message: 'database locked' } });
    resetAppStore(store);
    expect(account()).toMatchObject(initialAccountState);
  });
});
