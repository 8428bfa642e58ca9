// The gate display's state: one entry gate's screen, following the host's `liveFloor` stream for
// that gate's events only. A welcome, a refusal or a tailgating warning is shown for a few seconds
// (OUTCOME_SHOWN_MS), then the screen asks for the next code again. Events already in the first frame
// happened before the screen was watching: they are history, and nobody at the gate now needs them.
import type { LiveFloorFrame, LiveSource } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import type { SliceApi } from '../../state/slice';
import { newestOutcome, OUTCOME_SHOWN_MS, type GateOutcome } from './gate-outcomes';

export interface GateDisplayState {
  /** The gate this screen stands at (from the address); null before `attach`. */
  gateId: string | null;
  /** Whether the slice is subscribed to the host's live stream. */
  attached: boolean;
  /** Where the host's live data comes from, as of the latest frame; null before the first. */
  source: LiveSource | null;
  /** Highest event number seen in the feed; 0 before any. */
  lastSeq: number;
  /** On screen now; null when the gate waits for a code. */
  showing: GateOutcome | null;
}

export interface GateDisplayActions {
  /** Follows `gateId`'s events on the live stream; the returned function unsubscribes and clears. */
  attach: (gateId: string) => () => void;
  receiveFrame: (frame: LiveFloorFrame) => void;
  /** Back to "scan your code" now (the timer does this by itself). */
  dismiss: () => void;
  reset: () => void;
}

export type GateDisplaySlice = GateDisplayState & GateDisplayActions;

export function initialGateDisplayState(): GateDisplayState {
  return { gateId: null, attached: false, source: null, lastSeq: 0, showing: null };
}

export function createGateDisplaySlice({ set, get }: SliceApi<GateDisplaySlice>, { client }: StoreDeps): GateDisplaySlice {
  let unsubscribe: (() => void) | null = null;
  let backToIdle: ReturnType<typeof setTimeout> | undefined;

  const show = (outcome: GateOutcome | null): void => {
    clearTimeout(backToIdle);
    set({ showing: outcome });
    if (outcome) backToIdle = setTimeout(() => set({ showing: null }), OUTCOME_SHOWN_MS[outcome.kind]);
  };

  const receiveFrame = (frame: LiveFloorFrame): void => {
    const { gateId, source, lastSeq } = get();
    const events = frame.events ?? [];
    const newest = events.length > 0 ? events[events.length - 1]!.seq : lastSeq;
    // The first frame is history; a feed numbered below what was seen is a restarted host: start over from it.
    const fresh = source !== null && newest >= lastSeq && gateId !== null ? newestOutcome(events, gateId, lastSeq) : null;
    set({ source: frame.source, lastSeq: newest });
    if (fresh) show(fresh);
  };

  const detach = (): void => {
    unsubscribe?.();
    unsubscribe = null;
    clearTimeout(backToIdle);
    set(initialGateDisplayState());
  };

  return {
    ...initialGateDisplayState(),
    attach: (gateId) => {
      detach();
      const off = client.subscribe('liveFloor', receiveFrame);
      unsubscribe = off;
      set({ gateId, attached: true });
      // StrictMode runs effects twice; an older attach's cleanup must not end a newer subscription.
      return () => {
        if (unsubscribe === off) detach();
      };
    },
    receiveFrame,
    dismiss: () => show(null),
    reset: detach,
  };
}
