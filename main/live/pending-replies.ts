// Requests to the live worker that its answer settles later, matched by id. Each one waits for its
// answer or fails after a timeout, so a worker that stopped or got stuck fails the call instead of
// hanging it.
export class PendingReplies<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly timeoutMs: number) {}

  /** Sends the request with `send(id)` and waits for its answer; `unanswered` starts the timeout's message. */
  ask(send: (id: number) => void, unanswered: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${unanswered} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      send(id);
    });
  }

  /** Settles request `id` (an answer to a request that timed out already is dropped). */
  resolve(id: number, value: T): void {
    this.take(id)?.resolve(value);
  }

  reject(id: number, error: Error): void {
    this.take(id)?.reject(error);
  }

  private take(id: number) {
    const request = this.waiting.get(id);
    if (!request) return undefined;
    this.waiting.delete(id);
    clearTimeout(request.timer);
    return request;
  }
}
