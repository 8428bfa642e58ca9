// Pure reads for the shopper panel: the selected shopper as a few flat values (so the panel
// re-renders when they change, not on every frame that moves the shopper), and the session's cart
// and history shaped for display.
import type { LiveCartLine, LiveEvent, LiveFloorFrame, LiveSessionDetail, LiveSessionEvent, ShopperState } from '../../../../../native-bridge/contract';
import type { ErrorInfo } from '../../../state/load-state';
import type { LiveFloorState, SessionPanelState } from './live-floor-slice';

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
  | { kind: 'ready'; detail: LiveSessionDetail; lines: LiveCartLine[]; totals: CartTotals; events: LiveSessionEvent[] };

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
      return { kind: 'ready', detail: detail.data, lines, totals: cartTotals(detail.data.cart), events };
    }
  }
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
