// What the floor map calls when staff have checked a shopper's ID on the floor: the live engine
// takes it as a staff action (recorded in the input log like any input, so a replay holds or
// charges the same receipts), after which the session's age-restricted lines no longer hold its
// receipt for review. A human action: audited under the caller.
import { ApiError } from '../../native-bridge/contract/errors';
import { sessionKey } from '../../native-bridge/contract/session-key';
import type { AgeCheckConfirmation, LiveAgeCheck, LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import type { StoreDatabase } from '../db';

/** The live feed as the age check needs it (the live service, or a test's stand-in). */
export interface AgeCheckLiveSource {
  session(sessionId: string): LiveSessionDetail | undefined;
  /** Applies the check; answers with it and the live run whose session it is. */
  ageCheck(actor: string, sessionId: string): Promise<{ ageCheck: LiveAgeCheck; runId: number }>;
}

export interface AgeCheckService {
  confirm(input: { sessionId: string; note: string }, actor: string): Promise<AgeCheckConfirmation>;
}

export interface AgeCheckServiceDeps {
  db: Pick<StoreDatabase, 'audit'>;
  /** Absent when the host runs no live feed. */
  live: AgeCheckLiveSource | undefined;
  /** Wall clock for audit times. */
  now?: () => number;
}

export function createAgeCheckService({ db, live, now = Date.now }: AgeCheckServiceDeps): AgeCheckService {
  return {
    async confirm({ sessionId, note }, actor) {
      if (!live) throw new ApiError('conflict', 'confirmAgeCheck: this host runs no live feed, so there is no open session to mark');
      const known = live.session(sessionId);
      if (!known) throw new ApiError('not_found', `confirmAgeCheck: session ${sessionId} is neither open nor among the recently closed ones`);
      if (known.status === 'closed') throw new ApiError('conflict', `confirmAgeCheck: session ${sessionId} already has its receipt (${known.receipt ?? 'issued'}); a held one is settled in Review`);
      if (known.ageCheck) throw new ApiError('conflict', `confirmAgeCheck: the ID for session ${sessionId} was already checked by ${known.ageCheck.by}`);
      let applied: { ageCheck: LiveAgeCheck; runId: number };
      try {
        applied = await live.ageCheck(actor, sessionId);
      } catch (error) {
        throw new ApiError('conflict', `confirmAgeCheck: ${error instanceof Error ? error.message : String(error)}`);
      }
      db.audit.append({
        actor,
        action: 'session.age-check',
        // The name Review files the session under, so its audit trail shows the check.
        subject: `session:${sessionKey(applied.runId, sessionId)}`,
        reason: note,
        before: { ageChecked: false },
        after: { ageChecked: true, storeTimeMs: applied.ageCheck.t },
        at: Math.round(now()),
      });
      return { sessionId, ageCheck: applied.ageCheck };
    },
  };
}
