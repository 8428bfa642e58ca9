// Webhook signatures, Stripe-style: `Walkout-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
// "<t>.<raw body>" with the shared secret. The timestamp is signed too, so a captured request cannot
// be replayed later than the receiver's tolerance; the receiver compares in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Walkout-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'too-old' | 'in-the-future' };

/** What a receiver runs on each request: the raw body exactly as received, the header, its clock. */
export function verifySignature(secret: string, body: string, header: string | undefined, nowSeconds: number, toleranceSeconds = 300): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = new Map(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isSafeInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'mismatch' };
  if (t < nowSeconds - toleranceSeconds) return { ok: false, reason: 'too-old' };
  if (t > nowSeconds + toleranceSeconds) return { ok: false, reason: 'in-the-future' };
  return { ok: true, timestamp: t };
}
