// Staff actions the host asks the live worker to apply (restock mode from the Restock view), each
// answered by the worker with the stock as it stands after it. Requests are matched to answers by
// id; one the worker never answers (stopped, stuck) fails after a timeout instead of hanging a call.
import type { LiveHostMessage, LiveWorkerMessage } from './live-messages';
import type { LiveStock } from './live-stock';
import { PendingReplies } from './pending-replies';

type StaffActionMessage = Extract<LiveHostMessage, { type: 'staff-action' }>;

export class StaffActionRequests {
  private readonly replies: PendingReplies<LiveStock>;

  constructor(
    private readonly post: (message: StaffActionMessage) => void,
    timeoutMs = 5000,
  ) {
    this.replies = new PendingReplies(timeoutMs);
  }

  send(actor: string, action: StaffActionMessage['action'], fixture: string): Promise<LiveStock> {
    return this.replies.ask((id) => this.post({ type: 'staff-action', id, actor, action, fixture }), `the live engine did not answer the ${action} at ${fixture}`);
  }

  /** Settles the request a worker message answers; false for any other message. */
  settle(message: LiveWorkerMessage): boolean {
    if (message.type === 'staff-action-done') this.replies.resolve(message.id, message.stock);
    else if (message.type === 'staff-action-failed') this.replies.reject(message.id, new Error(message.message));
    else return false;
    return true;
  }
}
