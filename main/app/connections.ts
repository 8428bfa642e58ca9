// One client's connection and who is signed in on it. A signed-in user is looked up again on every
// call, so disabling an account or changing its role takes effect at that user's next call, not at
// their next sign-in.
import type { Caller } from '../../native-bridge/contract/auth';
import type { ClientConnection } from '../../native-bridge/rpc/server/api-server';
import type { StoreDatabase } from '../db';

export function connectionFor(db: StoreDatabase, initial: Caller | undefined, onRelease: () => void): ClientConnection {
  let signedIn = initial;
  let released = false;
  return {
    get caller(): Caller | undefined {
      if (!signedIn || signedIn.via === 'local') return signedIn;
      const user = db.users.get(signedIn.username);
      if (!user || user.disabled) signedIn = undefined;
      else if (user.role !== signedIn.role) signedIn = { ...signedIn, role: user.role };
      return signedIn;
    },
    set caller(next: Caller | undefined) {
      signedIn = next;
    },
    release() {
      if (!released) onRelease();
      released = true;
    },
  };
}
