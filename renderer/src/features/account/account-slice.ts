// Who is signed in on this window. On a host that needs no login the local operator is signed in
// already and the slice only learns who that is; where login is required it signs in, keeps the
// session token for this browser tab, and signs in again by token after the link drops (every new
// connection starts signed out on the host).
import type { Caller, ConnectionState } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { toErrorInfo, type ErrorInfo } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';

export type AccountStatus = 'checking' | 'signed-in' | 'signed-out' | 'error';

export interface AccountState {
  status: AccountStatus;
  caller: Caller | null;
  loginRequired: boolean;
  storeName: string | null;
  signingIn: boolean;
  /** Why the last sign-in or check failed. */
  error: ErrorInfo | null;
}

export interface AccountActions {
  /** Follows the client's connection: asks who is signed in at every (re)connect. */
  attach: () => () => void;
  check: () => Promise<void>;
  signIn: (username: string, password: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  reset: () => void;
}

export type AccountSlice = AccountState & AccountActions;

export const initialAccountState: AccountState = {
  status: 'checking',
  caller: null,
  loginRequired: false,
  storeName: null,
  signingIn: false,
  error: null,
};

export function createAccountSlice({ set }: SliceApi<AccountSlice>, { client, sessionTokens }: StoreDeps): AccountSlice {
  let request = 0;

  const check = async (): Promise<void> => {
    const mine = ++request;
    try {
      let who = await client.call('whoAmI', {});
      const token = sessionTokens.read();
      if (!who.caller && token) {
        try {
          await client.call('resumeSession', { sessionToken: token });
          who = await client.call('whoAmI', {});
        } catch {
          // Expired or revoked: forget it and ask for the password again.
          sessionTokens.write(null);
        }
      }
      if (mine !== request) return;
      set({
        status: who.caller ? 'signed-in' : 'signed-out',
        caller: who.caller,
        loginRequired: who.loginRequired,
        storeName: who.storeName,
        error: null,
      });
    } catch (error) {
      if (mine === request) set({ status: 'error', error: toErrorInfo(error) });
    }
  };

  const onConnection = (connection: ConnectionState): void => {
    if (connection === 'open') void check();
  };

  return {
    ...initialAccountState,
    attach: () => {
      const off = client.onConnectionChange(onConnection);
      onConnection(client.connection);
      return off;
    },
    check,
    signIn: async (username, password) => {
      request++;
      set({ signingIn: true, error: null });
      try {
        const signedIn = await client.call('signIn', { username, password });
        sessionTokens.write(signedIn.sessionToken);
        set({ status: 'signed-in', caller: signedIn.caller, signingIn: false });
        return true;
      } catch (error) {
        set({ signingIn: false, error: toErrorInfo(error) });
        return false;
      }
    },
    signOut: async () => {
      const token = sessionTokens.read();
      sessionTokens.write(null);
      try {
        const who = await client.call('signOut', token ? { sessionToken: token } : {});
        set({ status: who.caller ? 'signed-in' : 'signed-out', caller: who.caller, error: null });
      } catch (error) {
        set({ error: toErrorInfo(error) });
      }
    },
    reset: () => {
      request++;
      set(initialAccountState);
    },
  };
}
