// How a shopper looks on the live map: one colour per state, shared by the canvas and the legend
// (the canvas cannot read CSS classes, so the colours live here rather than in the stylesheet),
// and the words the legend and the shopper panel use for each state.
import type { ShopperState } from '../../../../../native-bridge/contract';

/** Drawing order too: later states are painted on top, so a flagged shopper is never hidden. */
export const shopperStates: readonly ShopperState[] = ['unbound', 'anonymous', 'session', 'flagged'];

export const shopperColours: Record<ShopperState, string> = {
  session: '#2563c9',
  anonymous: '#d98a0b',
  flagged: '#d62f2f',
  unbound: '#7d8796',
};

export const shopperStateLabels: Record<ShopperState, string> = {
  session: 'In a session',
  anonymous: 'Anonymous session',
  flagged: 'Flagged for review',
  unbound: 'Not bound to a session',
};

export const shopperStateExplanations: Record<ShopperState, string> = {
  session: 'Checked in at the gate with a code; what they take is added to their session’s cart and charged to their account.',
  anonymous:
    'Came in without scanning a code of their own (for example close behind someone else), so their session has no account behind it.',
  flagged: 'Their session has been flagged: something about it needs a person to look before its receipt is issued.',
  unbound: 'Seen on the floor, but not linked to any session yet — just through the gate, staff, or a track that was lost and found again.',
};

/** A person seen from above is roughly half a metre across; circles are drawn to that scale. */
export const SHOPPER_DIAMETER_M = 0.5;
/** …but never smaller than this on screen, or a zoomed-out crowd would vanish. */
export const SHOPPER_MIN_RADIUS_PX = 3;
/** Track ids are drawn at a fixed screen size… */
export const SHOPPER_LABEL_PX = 11;
/** …and only once a shopper is at least ~8 px across; further out the numbers are just clutter. */
export const SHOPPER_LABEL_MIN_PX_PER_M = 16;
/** Trail opacity from newest to oldest quarter of the trail window. */
export const TRAIL_BAND_ALPHAS: readonly number[] = [0.6, 0.4, 0.24, 0.1];
export const TRAIL_WIDTH_PX = 2;
