// What the store needs from the outside world. The client is passed in (never imported as a
// module-level singleton) so tests can hand the store a test double and the composition root
// decides which transport the app uses.
import type { ApiClient } from '../../../native-bridge/contract';

/** Where this window keeps its sign-in token between reconnects (sessionStorage in the app). */
export interface SessionTokenStore {
  read(): string | null;
  write(token: string | null): void;
}

export interface StoreDeps {
  client: ApiClient;
  sessionTokens: SessionTokenStore;
}

/** Kept in memory only: for tests, and where the page has no storage. */
export function memorySessionTokens(): SessionTokenStore {
  let token: string | null = null;
  return {
    read: () => token,
    write: (next) => {
      token = next;
    },
  };
}

/** The tab's sessionStorage: survives a reload of this tab, never shared with other tabs or written to disk for long. */
export function sessionStorageTokens(storage: Storage, key = 'walkout.session'): SessionTokenStore {
  return {
    read: () => storage.getItem(key),
    write: (token) => (token === null ? storage.removeItem(key) : storage.setItem(key, token)),
  };
}
