// Pure reads for the shopper panel: the selected shopper as a few flat values (so the panel
// re-renders when they change, not on every frame that moves the shopper), and the session's cart,
// its lines still settling and its history shaped for display.
import type { LiveCartLine, LiveEvent, LiveFloorFrame, LiveSessionDetail, LiveSessionEvent, ShopperState } from '../../../../../native-bridge/contract';
import type { ErrorInfo } from '../../../state/load-state';
import type { LiveFloorState, SessionPanelState } from './live-floor-slice';
import { describePendingLine } from './live-words';

/** Session events the panel lists, newest first. */
export const PANEL_EVENTS = 8;

export interface ShopperSummary {
  trackId: number;
  /** Still on the floor in the latest frame. */
  present: boolean;
  sessionId: string | null;
  state: ShopperState | null;
  cartUnits: number;
}

/** Flat, so `useShallow` can tell "nothing the panel shows changed" from a moved shopper. */
export function selectShopperSummary(state: Pick<LiveFloorState, 'frame' | 'selectedTrackId'>): ShopperSummary | null {
  const { frame, selectedTrackId } = state;
  if (selectedTrackId === null) return null;
  const shopper = frame?.shoppers.find((s) => s.trackId === selectedTrackId);
  return {
    trackId: selectedTrackId,
    present: shopper !== undefined,
    sessionId: shopper?.sessionId ?? null,
    state: shopper?.state ?? null,
    cartUnits: shopper?.cartUnits ?? 0,
  };
}

export interface CartTotals {
  units: number;
  totalMinor: number;
  /** The least sure line; null for an empty cart. */
  weakest: number | null;
}

export function cartTotals(lines: readonly LiveCartLine[]): CartTotals {
  let units = 0;
  let totalMinor = 0;
  let weakest: number | null = null;
  for (const line of lines) {
    units += line.quantity;
    totalMinor += line.quantity * line.unitPriceMinor;
    weakest = weakest === null ? line.confidence : Math.min(weakest, line.confidence);
  }
  return { units, totalMinor, weakest };
}

export type SessionView =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorInfo }
  | { kind: 'ready'; detail: LiveSessionDetail; lines: LiveCartLine[]; totals: CartTotals; pending: PendingRow[]; events: LiveSessionEvent[] };

/** A line still settling as the panel's "Settling" group lists it. */
export interface PendingRow {
  /** The reading it comes from: stable while the same reading stands. */
  key: string;
  sku: string;
  /** "+1 Oat milk · settling · 83%". */
  text: string;
  /** Removes units (a put-back) rather than adding them. */
  putBack: boolean;
}

/**
 * The session's lines still settling, oldest first, worded for the panel. They are not the cart's:
 * `cartTotals` never sees them. None once the receipt is out (nothing settles into a closed session).
 */
export function pendingRows(detail: Pick<LiveSessionDetail, 'status' | 'pending'>): PendingRow[] {
  if (detail.status === 'closed') return [];
  return detail.pending
    .filter((line) => line.quantity !== 0)
    .sort((a, b) => a.since - b.since)
    .map((line) => ({ key: line.readingId, sku: line.sku, text: describePendingLine(line), putBack: line.quantity < 0 }));
}

/** The panel's session part. Lines least sure first: those are the ones a manager looks at. */
export function selectSessionView(session: SessionPanelState, recent = PANEL_EVENTS): SessionView {
  const { detail } = session;
  switch (detail.status) {
    case 'idle':
      return { kind: 'none' };
    case 'loading':
      return { kind: 'loading' };
    case 'error':
      return { kind: 'error', error: detail.error };
    case 'ready': {
      const lines = [...detail.data.cart].sort((a, b) => a.confidence - b.confidence || a.name.localeCompare(b.name));
      const events = detail.data.events.slice(-recent).reverse();
      return { kind: 'ready', detail: detail.data, lines, totals: cartTotals(detail.data.cart), pending: pendingRows(detail.data), events };
    }
  }
}

export type AgeCheckView =
  | { kind: 'none' }
  /** An open session with age-restricted lines and no ID check: its receipt will be held unless staff check. */
  /** `products`: their names, comma-separated (a string, so `useShallow` sees an unchanged view as unchanged). */
  | { kind: 'needed'; products: string; mayConfirm: boolean; busy: boolean; error: ErrorInfo | null }
  | { kind: 'checked'; by: string; t: number };

/**
 * The panel's ID-check line. A check is shown once made; "needed" only while the session is open
 * (after the receipt, review settles it) and the cart holds an age-restricted product. `mayConfirm`:
 * the signed-in role holds 'operate'.
 */
export function selectAgeCheckView(session: SessionPanelState, mayConfirm: boolean): AgeCheckView {
  const { detail } = session;
  if (detail.status !== 'ready') return { kind: 'none' };
  const { ageCheck, cart, status } = detail.data;
  if (ageCheck) return { kind: 'checked', by: ageCheck.by, t: ageCheck.t };
  const restricted = cart.filter((line) => line.ageRestricted && line.quantity > 0).map((line) => line.name);
  if (status === 'closed' || restricted.length === 0) return { kind: 'none' };
  return { kind: 'needed', products: restricted.join(', '), mayConfirm, busy: session.ageCheck.busy, error: session.ageCheck.error };
}

/** The track a feed entry points at, if that shopper is on the floor now: its own track, else its session's. */
export function shopperForEvent(frame: LiveFloorFrame | null, event: LiveEvent): number | null {
  if (!frame) return null;
  const trackId = 'trackId' in event ? event.trackId : undefined;
  if (trackId !== undefined && frame.shoppers.some((s) => s.trackId === trackId)) return trackId;
  const sessionId = 'sessionId' in event ? event.sessionId : undefined;
  if (sessionId === undefined) return null;
  return frame.shoppers.find((s) => s.sessionId === sessionId)?.trackId ?? null;
}
