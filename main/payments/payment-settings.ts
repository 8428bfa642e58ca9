// Where payments go, kept in the store's settings (key "payments") and validated with zod on every
// read: no adapter ("none": receipts and their payments queue in the outbox until one is set), a
// signed webhook (URL and shared secret), or a file export (path). The webhook secret may instead
// come from WALKOUT_WEBHOOK_SECRET, so it need not sit in the database. A broken setting never
// loses a payment: delivery pauses with the problem named in the status.
import { z } from 'zod';
import type { SettingsRepository } from '../db';
import { createFileExportAdapter } from './file-export-adapter';
import type { PaymentAdapter } from './payment-adapter';
import { createWebhookAdapter } from './webhook-adapter';
import { problems } from './problems';

export const PAYMENT_SETTINGS_KEY = 'payments';
export const WEBHOOK_SECRET_ENV = 'WALKOUT_WEBHOOK_SECRET';

const paymentSettingsSchema = z.discriminatedUnion('adapter', [
  z.object({ adapter: z.literal('none') }).strict(),
  z
    .object({
      adapter: z.literal('webhook'),
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      secret: z.string().min(16, 'must be at least 16 characters').optional(),
      timeoutMs: z.number().int().min(100).max(60_000).optional(),
    })
    .strict(),
  z.object({ adapter: z.literal('file'), path: z.string().min(1) }).strict(),
]);
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

type SettingsRead = { ok: true; settings: PaymentSettings } | { ok: false; error: string };

export function readPaymentSettings(settings: Pick<SettingsRepository, 'get'>): SettingsRead {
  const stored = settings.get(PAYMENT_SETTINGS_KEY);
  if (stored === undefined) return { ok: true, settings: { adapter: 'none' } };
  const parsed = paymentSettingsSchema.safeParse(stored);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, error: `setting "${PAYMENT_SETTINGS_KEY}": ${problems(parsed.error)}` };
}

/** Validates and stores new settings; throws with every problem named. */
export function writePaymentSettings(settings: Pick<SettingsRepository, 'set'>, value: unknown): PaymentSettings {
  const parsed = paymentSettingsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`payment settings: ${problems(parsed.error)}`);
  settings.set(PAYMENT_SETTINGS_KEY, parsed.data);
  return parsed.data;
}

/** The adapter the settings describe, or undefined for "none". Throws when the webhook has no secret. */
export function adapterFor(settings: PaymentSettings, env: NodeJS.ProcessEnv, log: (line: string) => void): PaymentAdapter | undefined {
  switch (settings.adapter) {
    case 'none':
      return undefined;
    case 'file':
      return createFileExportAdapter({ path: settings.path, log });
    case 'webhook': {
      const secret = env[WEBHOOK_SECRET_ENV] || settings.secret;
      if (!secret) throw new Error(`the payment webhook has no secret: set ${WEBHOOK_SECRET_ENV} or "walkout payments settings --webhook-secret"`);
      return createWebhookAdapter({ url: settings.url, secret, ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}) });
    }
  }
}

/** The settings as shown to people: the secret masked. */
export function describeSettings(settings: PaymentSettings, env: NodeJS.ProcessEnv): Record<string, string> {
  if (settings.adapter === 'webhook') {
    const source = env[WEBHOOK_SECRET_ENV] ? WEBHOOK_SECRET_ENV : settings.secret ? 'settings' : 'missing';
    return { adapter: 'webhook', url: settings.url, secret: source === 'missing' ? 'missing' : `set (from ${source})` };
  }
  return settings.adapter === 'file' ? { adapter: 'file', path: settings.path } : { adapter: 'none' };
}
