// Staff actions the host asks the live worker to apply — restock mode from the Restock view (answered
// with the stock as it stands after it) and an ID check from the floor map (answered with the check as
// recorded). Requests are matched to answers by id; one the worker never answers (stopped, stuck)
// fails after a timeout instead of hanging a call.
import type { LiveAgeCheck } from '../../native-bridge/contract/live-floor';
import type { LiveHostMessage, LiveWorkerMessage } from './live-messages';
import type { LiveStock } from './live-stock';
import { PendingReplies } from './pending-replies';

type StaffActionMessage = Extract<LiveHostMessage, { type: 'staff-action' | 'age-check' }>;

/** An age check the live engine took, and the live run it belongs to (sessions are named per run). */
export interface AppliedAgeCheck {
  ageCheck: LiveAgeCheck;
  runId: number;
}

export class StaffActionRequests {
  private readonly restock: PendingReplies<LiveStock>;
  private readonly ageChecks: PendingReplies<AppliedAgeCheck>;

  constructor(
    private readonly post: (message: StaffActionMessage) => void,
    timeoutMs = 5000,
  ) {
    this.restock = new PendingReplies(timeoutMs);
    this.ageChecks = new PendingReplies(timeoutMs);
  }

  send(actor: string, action: Extract<StaffActionMessage, { type: 'staff-action' }>['action'], fixture: string): Promise<LiveStock> {
    return this.restock.ask((id) => this.post({ type: 'staff-action', id, actor, action, fixture }), `the live engine did not answer the ${action} at ${fixture}`);
  }

  ageCheck(actor: string, sessionId: string): Promise<AppliedAgeCheck> {
    return this.ageChecks.ask((id) => this.post({ type: 'age-check', id, actor, sessionId }), `the live engine did not answer the ID check for session ${sessionId}`);
  }

  /** Settles the request a worker message answers; false for any other message. */
  settle(message: LiveWorkerMessage): boolean {
    if (message.type === 'staff-action-done') this.restock.resolve(message.id, message.stock);
    else if (message.type === 'staff-action-failed') this.restock.reject(message.id, new Error(message.message));
    else if (message.type === 'age-check-done') this.ageChecks.resolve(message.id, { ageCheck: message.ageCheck, runId: message.runId });
    else if (message.type === 'age-check-failed') this.ageChecks.reject(message.id, new Error(message.message));
    else return false;
    return true;
  }
}
