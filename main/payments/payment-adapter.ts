// The one seam between Walkout and whatever takes the money: an adapter delivers a payment message
// and says whether it arrived, and if not, whether trying again can help. The outbox decides when
// to try again; adapters never retry on their own.
import type { PaymentMessage } from './payment-message';

export type DeliveryOutcome =
  | { ok: true; /** The receiver's reference for it, when it gives one. */ reference?: string }
  | {
      ok: false;
      /** False when the receiver refused the message itself: sending it again cannot succeed. */
      retryable: boolean;
      error: string;
      /** The receiver asked for this much patience (HTTP Retry-After). */
      retryAfterMs?: number;
    };

export interface PaymentAdapter {
  /** For logs and the outbox's record of who delivered what: 'webhook https://…', 'file /…'. */
  readonly name: string;
  deliver(message: PaymentMessage): Promise<DeliveryOutcome>;
  /** Releases files or sockets. */
  close(): void;
}
