// The host's copy of the live sessions' details, kept up to date from the live worker's `sessions`
// messages, so a click on a shopper is answered at once from the host's thread without a round
// trip to the worker. Bounded by the worker: it forgets closed sessions beyond a limit and says so.
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import type { SessionChanges } from './live-floor-sessions';

export class LiveSessionCache {
  private readonly sessions = new Map<string, LiveSessionDetail>();

  apply(changes: SessionChanges): void {
    for (const detail of changes.changed) this.sessions.set(detail.id, detail);
    for (const id of changes.forgotten) this.sessions.delete(id);
  }

  get(sessionId: string): LiveSessionDetail | undefined {
    return this.sessions.get(sessionId);
  }

  get size(): number {
    return this.sessions.size;
  }
}
