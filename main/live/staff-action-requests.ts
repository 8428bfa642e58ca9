// Staff actions the host asks the live worker to apply (restock mode from the Restock view), each
// answered by the worker with the stock as it stands after it. Requests are matched to answers by
// id; one the worker never answers (stopped, stuck) fails after a timeout instead of hanging a call.
import type { LiveHostMessage, LiveWorkerMessage } from './live-messages';
import type { LiveStock } from './live-stock';

type StaffActionMessage = Extract<LiveHostMessage, { type: 'staff-action' }>;

export class StaffActionRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (stock: LiveStock) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly post: (message: StaffActionMessage) => void,
    private readonly timeoutMs = 5000,
  ) {}

  send(actor: string, action: StaffActionMessage['action'], fixture: string): Promise<LiveStock> {
    const id = this.nextId++;
    return new Promise<LiveStock>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`the live engine did not answer the ${action} at ${fixture} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      this.post({ type: 'staff-action', id, actor, action, fixture });
    });
  }

  /** Settles the request a worker message answers; false for any other message. */
  settle(message: LiveWorkerMessage): boolean {
    if (message.type !== 'staff-action-done' && message.type !== 'staff-action-failed') return false;
    const request = this.waiting.get(message.id);
    if (!request) return true;
    this.waiting.delete(message.id);
    clearTimeout(request.timer);
    if (message.type === 'staff-action-done') request.resolve(message.stock);
    else request.reject(new Error(message.message));
    return true;
  }
}
