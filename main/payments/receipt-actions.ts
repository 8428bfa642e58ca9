// What people do to receipts after the engine issued them: approve a held receipt (with the lines
// review settled on) so it is charged, waive one (nobody pays), refund after charge, or charge an
// adjustment for items found missing. Each checks the receipt as stored and commits the change, its
// payment in the outbox and its audit entry together. A request carrying a key it was already done
// under returns what was done then, so a retried request never pays or refunds twice.
import { z } from 'zod';
import type { OutboxEntry, ReceiptChange, ReceiptRecord, StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';
import { paymentMessage } from './payment-message';
import { priceLines } from './pricing';
import { problems } from './problems';

const lineSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative().optional(),
});
const actionSchema = z.object({
  receiptId: z.string().min(1),
  actor: z.string().min(1),
  reason: z.string().min(1, 'a reason is required'),
});
const approveSchema = actionSchema.extend({ lines: z.array(lineSchema).optional() }).strict();
const waiveSchema = actionSchema.strict();
const refundSchema = actionSchema
  .extend({ amountMinor: z.number().int().positive().optional(), lines: z.array(lineSchema).optional(), requestId: z.string().min(1).optional() })
  .strict()
  .refine((r) => (r.amountMinor === undefined) !== (r.lines === undefined), 'give either amountMinor or lines');
const adjustSchema = actionSchema.extend({ lines: z.array(lineSchema).min(1), requestId: z.string().min(1).optional() }).strict();

export type ApproveRequest = z.input<typeof approveSchema>;
export type WaiveRequest = z.input<typeof waiveSchema>;
export type RefundRequest = z.input<typeof refundSchema>;
export type AdjustRequest = z.input<typeof adjustSchema>;

export interface ActionResult {
  receipt: ReceiptRecord;
  /** The payment queued (or found queued, for a repeated request). */
  payment?: OutboxEntry;
}

export class ReceiptActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReceiptActionError';
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ReceiptActionError(problems(parsed.error));
  return parsed.data;
}

/** Minor units charged (charge and adjustments) and refunded so far; failed messages count for nothing. */
function paidSoFar(payments: readonly OutboxEntry[]): { chargedMinor: number; refundedMinor: number } {
  let chargedMinor = 0;
  let refundedMinor = 0;
  for (const p of payments) {
    if (p.state === 'failed') continue;
    if (p.type === 'refund') refundedMinor += p.amountMinor;
    else chargedMinor += p.amountMinor;
  }
  return { chargedMinor, refundedMinor };
}

const snapshot = (r: ReceiptRecord) => ({ status: r.status, totalMinor: r.totalMinor, lines: r.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, amountMinor: l.amountMinor })) });

export function createReceiptActions(deps: { db: StoreDatabase; store: StoreModel; wallNow: () => number }) {
  const catalog = new Map(deps.store.catalog.map((p) => [p.sku, p]));
  const storeId = deps.store.layout.id;

  /**
   * Decides and commits one action on a receipt. `decide` returns the change, or `{ repeat }` with
   * the payment an earlier identical request queued (nothing is written then).
   */
  function run(receiptId: string, decide: (current: ReceiptRecord, payments: OutboxEntry[]) => ReceiptChange | { repeat: OutboxEntry | undefined }): ActionResult {
    let repeat: OutboxEntry | undefined;
    let queued: string | undefined;
    let receipt: ReceiptRecord;
    try {
      receipt = deps.db.receipts.change(receiptId, deps.wallNow(), (current, payments) => {
        const decided = decide(current, payments);
        if ('repeat' in decided) {
          repeat = decided.repeat;
          return undefined;
        }
        queued = decided.payment?.key;
        return decided;
      });
    } catch (error) {
      if (error instanceof RangeError) throw new ReceiptActionError(error.message);
      throw error;
    }
    const payment = repeat ?? (queued !== undefined ? deps.db.receipts.payments(receiptId).find((p) => p.key === queued) : undefined);
    return { receipt, ...(payment ? { payment } : {}) };
  }

  function audit(action: string, r: { actor: string; reason: string; receiptId: string }, before: ReceiptRecord, after: object) {
    return { actor: r.actor, action, subject: `receipt:${r.receiptId}`, reason: r.reason, before: snapshot(before), after, at: deps.wallNow() };
  }

  function requireAccount(current: ReceiptRecord): void {
    if (current.account === undefined) throw new ReceiptActionError(`receipt ${current.id} has no account (an anonymous session): it cannot be charged or refunded, only waived`);
  }

  return {
    /** A held receipt, approved with `lines` (default: as the engine held it), is charged. Repeating it returns the charge. */
    approveHeld(input: ApproveRequest): ActionResult {
      const r = parse(approveSchema, input);
      return run(r.receiptId, (current, payments) => {
        const charge = payments.find((p) => p.type === 'charge');
        if (current.status === 'approved' && charge) return { repeat: charge };
        if (current.status !== 'held-for-review') throw new ReceiptActionError(`receipt ${current.id} is ${current.status}, not held for review`);
        requireAccount(current);
        // Without reviewed lines, the held ones at today's catalog prices (an item the catalog lost must be priced by the reviewer).
        const priced = priceLines(catalog, r.lines ?? current.lines.map(({ sku, quantity }) => ({ sku, quantity })));
        if (priced.unknown.length > 0) throw new ReceiptActionError(`no price for ${priced.unknown.join(', ')}: give unitPriceMinor for it`);
        const payment = { key: current.id, type: 'charge' as const, amountMinor: priced.totalMinor, lines: priced.lines };
        const message = paymentMessage(current, payment, storeId, deps.wallNow());
        return {
          update: { status: 'approved', lines: priced.lines, totalMinor: priced.totalMinor },
          payment: { key: payment.key, receiptId: current.id, type: 'charge', amountMinor: payment.amountMinor, message },
          audit: audit('receipt.approve', r, current, { status: 'approved', totalMinor: priced.totalMinor, lines: priced.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, amountMinor: l.amountMinor })) }),
        };
      });
    },

    /** A held receipt closed without charge (nobody to charge, or nothing was taken). */
    waiveHeld(input: WaiveRequest): ActionResult {
      const r = parse(waiveSchema, input);
      return run(r.receiptId, (current) => {
        if (current.status === 'waived') return { repeat: undefined };
        if (current.status !== 'held-for-review') throw new ReceiptActionError(`receipt ${current.id} is ${current.status}, not held for review`);
        return { update: { status: 'waived' }, audit: audit('receipt.waive', r, current, { status: 'waived' }) };
      });
    },

    /** Gives money back after charge: an amount, or the value of `lines`; never more than was charged and not yet refunded. */
    refund(input: RefundRequest): ActionResult {
      const r = parse(refundSchema, input);
      return run(r.receiptId, (current, payments) => {
        const key = paymentKey(current.id, 'refund', payments, r.requestId);
        const earlier = payments.find((p) => p.key === key);
        if (earlier) return { repeat: earlier };
        if (current.status !== 'charged' && current.status !== 'approved') throw new ReceiptActionError(`receipt ${current.id} is ${current.status}: only a charged receipt can be refunded`);
        requireAccount(current);
        const priced = r.lines ? priceLines(catalog, r.lines) : undefined;
        if (priced && priced.unknown.length > 0) throw new ReceiptActionError(`no price for ${priced.unknown.join(', ')}`);
        const amountMinor = priced ? priced.totalMinor : r.amountMinor!;
        const { chargedMinor, refundedMinor } = paidSoFar(payments);
        if (amountMinor <= 0 || amountMinor > chargedMinor - refundedMinor) {
          throw new ReceiptActionError(`refund of ${amountMinor} refused: ${chargedMinor} charged, ${refundedMinor} already refunded`);
        }
        const payment = { key, type: 'refund' as const, amountMinor, lines: priced?.lines ?? [], reason: r.reason };
        return {
          payment: { key, receiptId: current.id, type: 'refund', amountMinor, message: paymentMessage(current, payment, storeId, deps.wallNow()) },
          audit: audit('receipt.refund', r, current, { refundMinor: amountMinor, key }),
        };
      });
    },

    /** Charges items found missing after the receipt was charged; they join its lines. */
    adjust(input: AdjustRequest): ActionResult {
      const r = parse(adjustSchema, input);
      return run(r.receiptId, (current, payments) => {
        const key = paymentKey(current.id, 'adjust', payments, r.requestId);
        const earlier = payments.find((p) => p.key === key);
        if (earlier) return { repeat: earlier };
        if (current.status !== 'charged' && current.status !== 'approved') throw new ReceiptActionError(`receipt ${current.id} is ${current.status}: only a charged receipt can be adjusted`);
        requireAccount(current);
        const priced = priceLines(catalog, r.lines);
        if (priced.unknown.length > 0) throw new ReceiptActionError(`no price for ${priced.unknown.join(', ')}: give unitPriceMinor for it`);
        const payment = { key, type: 'adjustment' as const, amountMinor: priced.totalMinor, lines: priced.lines, reason: r.reason };
        return {
          update: { lines: [...current.lines, ...priced.lines], totalMinor: current.totalMinor + priced.totalMinor },
          payment: { key, receiptId: current.id, type: 'adjustment', amountMinor: priced.totalMinor, message: paymentMessage(current, payment, storeId, deps.wallNow()) },
          audit: audit('receipt.adjust', r, current, { adjustmentMinor: priced.totalMinor, key }),
        };
      });
    },
  };
}

export type ReceiptActions = ReturnType<typeof createReceiptActions>;

/** `<receipt>.refund.<request id>` for a caller's request, else the next free `<receipt>.refund.<n>`. */
function paymentKey(receiptId: string, kind: 'refund' | 'adjust', payments: readonly OutboxEntry[], requestId: string | undefined): string {
  const prefix = `${receiptId}.${kind}.`;
  if (requestId !== undefined) return `${prefix}${requestId}`;
  const taken = new Set(payments.map((p) => p.key));
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
