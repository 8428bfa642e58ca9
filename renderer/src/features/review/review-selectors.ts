// Pure readings of the review state for the view: corrections in words, the cart a correction
// would leave (previewed with the same `performCorrection` the host runs), where an event may be
// moved, what changed since the engine's cart, what may still be refunded, and what a waiver
// (closing without charge) must say.
import {
  NOBODY,
  cartOf,
  correctionReasonLabels,
  emptyCart,
  performCorrection,
  sessionsOfAction,
  waiveReasons,
  type CartItem,
  type CorrectionAction,
  type CorrectionActionRequest,
  type PaymentStatus,
  type ReviewCart,
  type ReviewEvent,
  type ReviewSession,
  type WaiveDecision,
  type WaiveReason,
} from '../../../../native-bridge/contract';

export type NameOf = (sku: string) => string;

export function productNames(session: Pick<ReviewSession, 'products'>): NameOf {
  const names = new Map(session.products.map((p) => [p.sku, p.name]));
  return (sku) => names.get(sku) ?? sku;
}

const units = (items: readonly CartItem[], name: NameOf) => items.map((i) => `${Math.abs(i.quantity)} × ${name(i.sku)}`).join(', ') || 'nothing';
const party = (id: string) => (id === NOBODY ? 'nobody (staff or no shopper)' : id);

/** One correction in a sentence, e.g. "Moved event F1-S1#3 (1 × Apple) from r1.S1 to r1.S2". */
export function describeCorrection(action: CorrectionAction, name: NameOf): string {
  switch (action.type) {
    case 'add-line':
      return `Added ${action.quantity} × ${name(action.sku)}`;
    case 'remove-line':
      return `Removed ${action.quantity} × ${name(action.sku)}`;
    case 'change-line':
      return action.from.sku === action.to.sku
        ? `Changed ${name(action.from.sku)} from ${action.from.quantity} to ${action.to.quantity}`
        : `Changed ${action.from.quantity} × ${name(action.from.sku)} to ${action.to.quantity} × ${name(action.to.sku)}`;
    case 'reassign-event':
      return `Moved event ${action.eventId} (${units(action.items, name)}) from ${party(action.from)} to ${party(action.to)}`;
  }
}

export function reasonLabel(reason: keyof typeof correctionReasonLabels): string {
  return correctionReasonLabels[reason];
}

export type Preview = { cart: ReviewCart } | { refused: string };

/**
 * The session's cart as the correction would leave it. The other side of a moved event is stood in
 * for by a cart holding exactly what moves, so only this session's change is judged here; the host
 * checks the other cart for real.
 */
export function previewCorrection(session: Pick<ReviewSession, 'sessionId' | 'cart' | 'events'>, request: CorrectionActionRequest): Preview {
  const me = session.sessionId;
  let action: CorrectionAction;
  if (request.type === 'reassign-event') {
    const event = session.events.find((e) => e.id === request.eventId);
    if (!event) return { refused: `event ${request.eventId} is not one of this session's events` };
    action = { ...request, items: event.effect };
  } else {
    action = request;
  }
  const carts: Record<string, ReviewCart> = { [me]: session.cart };
  for (const other of sessionsOfAction(action)) {
    if (other === me) continue;
    carts[other] = action.type === 'reassign-event' && other === action.from ? cartOf(action.items.filter((i) => i.quantity > 0), [action.eventId]) : emptyCart();
  }
  if (!sessionsOfAction(action).includes(me)) return { refused: 'this correction does not change this session’s cart' };
  try {
    return { cart: performCorrection(carts, action)[me]! };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Where the event can go from here: out of this cart to a runner-up or to nobody, or into this cart
 * from whoever holds it now. Each choice is a ready correction request.
 */
export function reassignChoices(session: Pick<ReviewSession, 'sessionId'>, event: ReviewEvent): { label: string; request: CorrectionActionRequest }[] {
  const me = session.sessionId;
  const move = (to: string) => ({ type: 'reassign-event' as const, eventId: event.id, from: event.owner, to });
  if (event.owner !== me) return [{ label: `Charge to this session (now ${party(event.owner)})`, request: move(me) }];
  const runnersUp = (event.attribution?.candidates ?? []).filter((c) => c.sessionId !== me).map((c) => c.sessionId);
  return [...new Set(runnersUp)].map((id) => ({ label: `Move to ${id}`, request: move(id) })).concat([{ label: 'Charge to nobody (staff, not a shopper)', request: move(NOBODY) }]);
}

export interface LineChange {
  sku: string;
  before: number;
  after: number;
}

/** Lines whose quantity differs between two carts (the engine's and the corrected one), by SKU. */
export function cartChanges(before: ReviewCart, after: ReviewCart): LineChange[] {
  const skus = [...new Set([...before.lines, ...after.lines].map((l) => l.sku))].sort();
  const quantity = (cart: ReviewCart, sku: string) => cart.lines.find((l) => l.sku === sku)?.quantity ?? 0;
  return skus.map((sku) => ({ sku, before: quantity(before, sku), after: quantity(after, sku) })).filter((c) => c.before !== c.after);
}

export function paymentLabel(payment: PaymentStatus): string {
  if (payment.state === 'issued') return `sent to payment${payment.reference ? ` · ${payment.reference}` : ''}`;
  if (payment.state === 'failed') return `payment failed: ${payment.error ?? 'unknown error'}`;
  return 'payment pending';
}

/** Events grouped for the page: those in this cart now, and the others it came close to or was flagged over. */
export function eventGroups(session: Pick<ReviewSession, 'sessionId' | 'events'>): { inCart: ReviewEvent[]; elsewhere: ReviewEvent[] } {
  return {
    inCart: session.events.filter((e) => e.owner === session.sessionId),
    elsewhere: session.events.filter((e) => e.owner !== session.sessionId),
  };
}

export type LineEdit = 'change-product' | 'change-quantity' | 'add-line' | 'remove-line';

export interface LineEditFields {
  /** The cart line acted on (change, remove). */
  lineSku: string;
  /** The product put on the cart (change product, add). */
  productSku: string;
  quantity: number;
}

/** The correction a line edit form describes, or why it describes none yet. */
export function lineEditRequest(
  session: Pick<ReviewSession, 'sessionId' | 'cart'>,
  edit: LineEdit,
  fields: LineEditFields,
): { request: CorrectionActionRequest } | { invalid: string } {
  const sessionId = session.sessionId;
  const line = session.cart.lines.find((l) => l.sku === fields.lineSku);
  if (!Number.isInteger(fields.quantity) || fields.quantity < 1) return { invalid: 'the quantity must be a whole number of at least 1' };
  if (edit === 'add-line') {
    if (!fields.productSku) return { invalid: 'choose a product' };
    return { request: { type: 'add-line', sessionId, sku: fields.productSku, quantity: fields.quantity } };
  }
  if (!line) return { invalid: 'choose a line of the cart' };
  switch (edit) {
    case 'remove-line':
      return { request: { type: 'remove-line', sessionId, sku: line.sku, quantity: fields.quantity } };
    case 'change-quantity':
      if (fields.quantity === line.quantity) return { invalid: 'that is the quantity already' };
      return { request: { type: 'change-line', sessionId, from: line, to: { sku: line.sku, quantity: fields.quantity } } };
    case 'change-product':
      if (!fields.productSku || fields.productSku === line.sku) return { invalid: 'choose a different product' };
      return { request: { type: 'change-line', sessionId, from: line, to: { sku: fields.productSku, quantity: fields.quantity } } };
  }
}

/** The reasons a waiver of this session may give: "no account" fits only a session that came in without a scan. */
export function waiveReasonChoices(session: Pick<ReviewSession, 'anonymous'>): WaiveReason[] {
  return session.anonymous ? [...waiveReasons] : waiveReasons.filter((r) => r !== 'no-account');
}

export interface WaiveFields {
  reason: WaiveReason;
  note: string;
  /** The reviewer ticked that this shopper, who has an account, goes uncharged on purpose. */
  accountConfirmed: boolean;
}

/** The waiver a form describes, or why it describes none yet (the host checks the same again). */
export function waiveDecision(session: Pick<ReviewSession, 'anonymous' | 'account'>, fields: WaiveFields): { decision: WaiveDecision } | { invalid: string } {
  const note = fields.note.trim();
  if (!waiveReasonChoices(session).includes(fields.reason)) return { invalid: `this session has an account (${session.account ?? 'unknown'}): choose another reason` };
  if (!note) return { invalid: 'say in the note why nobody is charged' };
  if (session.anonymous) return { decision: { reason: fields.reason, note } };
  if (!fields.accountConfirmed) return { invalid: `tick the box to let account ${session.account ?? ''} go uncharged on purpose` };
  return { decision: { reason: fields.reason, note, waiveAccountCharge: true } };
}

export function waiverPaymentLabel(payment: PaymentStatus): string {
  if (payment.state === 'issued') return `receipt closed, nothing charged${payment.reference ? ` · ${payment.reference}` : ''}`;
  if (payment.state === 'failed') return `the payment side did not record it: ${payment.error ?? 'unknown error'}`;
  return 'telling the payment side';
}
