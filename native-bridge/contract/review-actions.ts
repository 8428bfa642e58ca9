// Cart corrections as actions (Excalidraw style): each is plain JSON with a pure `performCorrection`
// from carts to carts and an exact inverse, so the host applies them, the review page previews
// them, and undo is the inverse performed. Shared by main (authoritative) and the renderer
// (preview), hence here in the contract; no I/O, no clock.
import { z } from 'zod';
import { sessionKeySchema } from './session-key';

/** Where a shelf event goes when it is charged to no session (staff, restock, nobody in reach). */
export const NOBODY = 'nobody';

/** Why a reviewer changed a cart; stored with every correction and in the audit log. */
export const correctionReasons = [
  'wrong-shopper',
  'wrong-product',
  'wrong-quantity',
  'missed-item',
  'not-taken',
  'staff-or-restock',
  'customer-dispute',
  'other',
] as const;
export type CorrectionReason = (typeof correctionReasons)[number];

export const correctionReasonLabels: Readonly<Record<CorrectionReason, string>> = {
  'wrong-shopper': 'Charged to the wrong shopper',
  'wrong-product': 'Wrong product',
  'wrong-quantity': 'Wrong quantity',
  'missed-item': 'Item taken but not charged',
  'not-taken': 'Item charged but not taken',
  'staff-or-restock': 'Staff or restock activity',
  'customer-dispute': 'Customer dispute',
  other: 'Other (explain in the note)',
};

/** Units of one product; in a cart always positive, in an event's effect negative for a put-back. */
export interface CartItem {
  sku: string;
  quantity: number;
}

/**
 * A session's cart under review. Canonical: lines sorted by SKU with positive quantities, events
 * sorted, so two carts holding the same things are equal whatever path led to them.
 */
export interface ReviewCart {
  lines: CartItem[];
  /** The shelf events whose effect is in this cart. */
  events: string[];
}

export type Carts = Readonly<Record<string, ReviewCart>>;

const sku = z.string().min(1).max(64);
/** Session keys (see session-key.ts); NOBODY fits the same pattern. */
const sessionId = sessionKeySchema;
const units = z.number().int().min(1).max(999);
const item = z.object({ sku, quantity: units }).strict();

export const addLineSchema = z.object({ type: z.literal('add-line'), sessionId, sku, quantity: units }).strict();
export const removeLineSchema = z.object({ type: z.literal('remove-line'), sessionId, sku, quantity: units }).strict();
export const changeLineSchema = z
  .object({ type: z.literal('change-line'), sessionId, from: item, to: item })
  .strict()
  .refine((a) => a.from.sku !== a.to.sku || a.from.quantity !== a.to.quantity, { message: 'changes nothing', path: ['to'] });

/** As a client asks for it: the event's effect on the carts is looked up by the host, never taken from the client. */
export const reassignEventRequestSchema = z
  .object({ type: z.literal('reassign-event'), eventId: z.string().min(1).max(64), from: sessionId, to: sessionId })
  .strict()
  .refine((a) => a.from !== a.to, { message: 'the event is already there', path: ['to'] });

export const correctionActionRequestSchema = z.union([addLineSchema, removeLineSchema, changeLineSchema, reassignEventRequestSchema]);
export type CorrectionActionRequest = z.output<typeof correctionActionRequestSchema>;

export type AddLine = z.output<typeof addLineSchema>;
export type RemoveLine = z.output<typeof removeLineSchema>;
export type ChangeLine = z.output<typeof changeLineSchema>;
export interface ReassignEvent {
  type: 'reassign-event';
  eventId: string;
  /** A session id or NOBODY. */
  from: string;
  to: string;
  /** The event's effect: what moves out of `from`'s cart and into `to`'s (negative for a put-back). */
  items: CartItem[];
}
export type CorrectionAction = AddLine | RemoveLine | ChangeLine | ReassignEvent;

/** A correction that cannot apply to the carts as they are (the cart no longer holds what it removes…). */
export class CorrectionRefusedError extends Error {
  override readonly name = 'CorrectionRefusedError';
}

/** The sessions whose carts an action changes (NOBODY has none). */
export function sessionsOfAction(action: CorrectionAction): string[] {
  if (action.type !== 'reassign-event') return [action.sessionId];
  return [action.from, action.to].filter((id) => id !== NOBODY);
}

/** The action that takes the carts back: inverseOf(a) performed after a gives the carts before a. */
export function inverseOf(action: CorrectionAction): CorrectionAction {
  switch (action.type) {
    case 'add-line':
      return { ...action, type: 'remove-line' };
    case 'remove-line':
      return { ...action, type: 'add-line' };
    case 'change-line':
      return { ...action, from: action.to, to: action.from };
    case 'reassign-event':
      return { ...action, from: action.to, to: action.from };
  }
}

/** Applies one action; throws CorrectionRefusedError when the carts do not allow it. Never mutates `carts`. */
export function performCorrection(carts: Carts, action: CorrectionAction): Carts {
  switch (action.type) {
    case 'add-line':
      return withCart(carts, action.sessionId, (cart) => moveUnits(cart, [{ sku: action.sku, quantity: action.quantity }], action.sessionId));
    case 'remove-line':
      return withCart(carts, action.sessionId, (cart) => moveUnits(cart, [{ sku: action.sku, quantity: -action.quantity }], action.sessionId));
    case 'change-line':
      return withCart(carts, action.sessionId, (cart) =>
        moveUnits(cart, [{ sku: action.from.sku, quantity: -action.from.quantity }, { sku: action.to.sku, quantity: action.to.quantity }], action.sessionId),
      );
    case 'reassign-event': {
      let next = carts;
      if (action.from !== NOBODY) {
        next = withCart(next, action.from, (cart) => {
          if (!cart.events.includes(action.eventId)) throw new CorrectionRefusedError(`event ${action.eventId} is not in ${action.from}'s cart`);
          const moved = moveUnits(cart, action.items.map(negate), action.from);
          return { ...moved, events: moved.events.filter((id) => id !== action.eventId) };
        });
      }
      if (action.to !== NOBODY) {
        next = withCart(next, action.to, (cart) => {
          if (cart.events.includes(action.eventId)) throw new CorrectionRefusedError(`event ${action.eventId} is already in ${action.to}'s cart`);
          const moved = moveUnits(cart, action.items, action.to);
          return { ...moved, events: [...moved.events, action.eventId].sort() };
        });
      }
      return next;
    }
  }
}

/** Performs actions in order. */
export function performCorrections(carts: Carts, actions: readonly CorrectionAction[]): Carts {
  return actions.reduce(performCorrection, carts);
}

export function emptyCart(): ReviewCart {
  return { lines: [], events: [] };
}

/** A canonical cart from any list of items (quantities of one SKU summed, zero lines dropped). */
export function cartOf(items: readonly CartItem[], events: readonly string[] = []): ReviewCart {
  return moveUnits({ lines: [], events: [...new Set(events)].sort() }, items, 'cart');
}

export function unitsOf(cart: ReviewCart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}

export function quantityOf(cart: ReviewCart, sku: string): number {
  return cart.lines.find((line) => line.sku === sku)?.quantity ?? 0;
}

function withCart(carts: Carts, sessionId: string, change: (cart: ReviewCart) => ReviewCart): Carts {
  const cart = carts[sessionId];
  if (!cart) throw new CorrectionRefusedError(`session ${sessionId} is not open for correction here`);
  return { ...carts, [sessionId]: change(cart) };
}

function negate(item: CartItem): CartItem {
  return { sku: item.sku, quantity: -item.quantity };
}

/** Adds signed units line by line; refuses to take a line below zero (the cart never held them). */
function moveUnits(cart: ReviewCart, items: readonly CartItem[], owner: string): ReviewCart {
  const quantities = new Map(cart.lines.map((line) => [line.sku, line.quantity]));
  for (const { sku, quantity } of items) {
    const next = (quantities.get(sku) ?? 0) + quantity;
    if (next < 0) throw new CorrectionRefusedError(`${owner}'s cart holds ${quantities.get(sku) ?? 0} × ${sku}, not ${-quantity}`);
    if (next === 0) quantities.delete(sku);
    else quantities.set(sku, next);
  }
  const lines = [...quantities].map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { lines, events: cart.events };
}
