// Payment by signed webhook: each message is POSTed as JSON to the configured URL with an
// Idempotency-Key header (the message id) and a Walkout-Signature header. 2xx is delivered. A
// timeout, a network error, 408, 425, 429, 5xx — and 401, 403, 404, which a fixed URL or secret
// cures — are worth retrying; the receiver refusing the message itself (400, 409, 410, 413, 415,
// 422) is not, and the message waits in the outbox, marked failed, for a person.
import type { DeliveryOutcome, PaymentAdapter } from './payment-adapter';
import type { PaymentMessage } from './payment-message';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export interface WebhookAdapterOptions {
  url: string;
  secret: string;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  userAgent?: string;
  now?: () => number;
}

const refusals = new Set([400, 409, 410, 413, 415, 422]);

export function createWebhookAdapter(options: WebhookAdapterOptions): PaymentAdapter {
  const url = new URL(options.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`webhook URL must be http(s): ${options.url}`);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: `webhook ${url.origin}${url.pathname}`,
    async deliver(message: PaymentMessage): Promise<DeliveryOutcome> {
      const body = JSON.stringify(message);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': options.userAgent ?? 'walkout',
            [IDEMPOTENCY_HEADER]: message.id,
            [SIGNATURE_HEADER]: signatureHeader(options.secret, body, Math.floor(now() / 1000)),
          },
        });
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        return { ok: false, retryable: true, error: `POST ${url.host}: ${cause}` };
      }
      const text = await response.text().catch(() => '');
      if (response.ok) {
        const reference = referenceIn(text);
        return { ok: true, ...(reference !== undefined ? { reference } : {}) };
      }
      const error = `POST ${url.host}: HTTP ${response.status}${text ? ` ${text.slice(0, 200)}` : ''}`;
      const retryAfterMs = retryAfter(response.headers.get('retry-after'), now());
      return { ok: false, retryable: !refusals.has(response.status), error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    },
    close() {},
  };
}

/** A JSON answer's `reference` (or `id`), if the receiver gives one. */
function referenceIn(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { reference?: unknown; id?: unknown };
    const value = parsed.reference ?? parsed.id;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After as seconds or as an HTTP date. */
function retryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
