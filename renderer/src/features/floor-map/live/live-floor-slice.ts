// The live layer's state: the latest `liveFloor` frame from the injected client, each track's
// recent trail, when the frame arrived (the canvas animates from there), and which shopper is
// selected. The subscription is opened by `attach` while the floor map is on screen, so a host
// does not push frames to a page that is showing something else.
//
// `trails` is the one mutable object in the app store: rewriting a few hundred trails immutably
// ten times a second would allocate for nothing. It is only ever changed together with `frame`,
// whose identity changes on every frame, so anything that watches `frame` sees trail changes too.
import type { LiveFloorFrame } from '../../../../../native-bridge/contract';
import type { StoreDeps } from '../../../state/deps';
import type { SliceApi } from '../../../state/slice';
import { TrailBook } from './trail-book';

/** The span a move is animated over before the first two frames say how far apart frames come. */
export const DEFAULT_FRAME_INTERVAL_MS = 100;
const MIN_FRAME_INTERVAL_MS = 40;
const MAX_FRAME_INTERVAL_MS = 1000;
/** Weight of the newest gap in the smoothed frame interval: steady against one late frame. */
const INTERVAL_SMOOTHING = 0.3;
/** Store time jumping back by more than this means a new feed (a restarted simulation), not a late frame. */
const RESTART_JUMP_MS = 60_000;

export interface LiveFloorState {
  frame: LiveFloorFrame | null;
  /** Wall-clock time (performance.now) at which `frame` arrived. */
  receivedAt: number;
  /** Smoothed wall time between frames: how long each move is animated over. */
  frameIntervalMs: number;
  trails: TrailBook;
  selectedTrackId: number | null;
  /** Whether the slice is subscribed to the host's live stream. */
  attached: boolean;
}

export interface LiveFloorActions {
  /** Subscribes to the `liveFloor` stream; the returned function unsubscribes and clears. */
  attach: () => () => void;
  /** Takes one frame; `at` is the wall-clock arrival time, passed in by tests. */
  receiveFrame: (frame: LiveFloorFrame, at?: number) => void;
  select: (trackId: number | null) => void;
  /** Moves the selection to the next (+1) or previous (−1) shopper by track id, wrapping round. */
  selectAdjacent: (direction: 1 | -1) => void;
  reset: () => void;
}

export type LiveFloorSlice = LiveFloorState & LiveFloorActions;

export function initialLiveFloorState(): LiveFloorState {
  return {
    frame: null,
    receivedAt: 0,
    frameIntervalMs: DEFAULT_FRAME_INTERVAL_MS,
    trails: new TrailBook(),
    selectedTrackId: null,
    attached: false,
  };
}

function smoothedInterval(previous: number, gap: number): number {
  const next = previous + (gap - previous) * INTERVAL_SMOOTHING;
  return Math.min(MAX_FRAME_INTERVAL_MS, Math.max(MIN_FRAME_INTERVAL_MS, next));
}

export function createLiveFloorSlice({ set, get }: SliceApi<LiveFloorSlice>, { client }: StoreDeps): LiveFloorSlice {
  // At most one subscription at a time. Each unsubscribe is called once only: a transport may
  // share one handler set per topic, and a second call could drop a newer subscriber's topic.
  let unsubscribe: (() => void) | null = null;

  const receiveFrame = (frame: LiveFloorFrame, at: number = performance.now()): void => {
    const { frame: previous, receivedAt, frameIntervalMs, trails } = get();
    if (previous) {
      if (frame.t < previous.t - RESTART_JUMP_MS) trails.clear();
      // A repeated or late frame would animate shoppers backwards; keep what we have.
      else if (frame.t <= previous.t) return;
    }
    trails.record(frame);
    set({
      frame,
      receivedAt: at,
      frameIntervalMs: previous ? smoothedInterval(frameIntervalMs, at - receivedAt) : frameIntervalMs,
    });
  };

  /** Unsubscribes and forgets every frame: a map shown again starts from the host's next frame, not a stale one. */
  const detach = (): void => {
    unsubscribe?.();
    unsubscribe = null;
    set(initialLiveFloorState());
  };

  return {
    ...initialLiveFloorState(),
    attach: () => {
      detach();
      const off = client.subscribe('liveFloor', (frame) => receiveFrame(frame));
      unsubscribe = off;
      set({ attached: true });
      // StrictMode runs effects twice; an older attach's cleanup must not end a newer subscription.
      return () => {
        if (unsubscribe === off) detach();
      };
    },
    receiveFrame,
    select: (trackId) => set({ selectedTrackId: trackId }),
    selectAdjacent: (direction) => {
      const { frame, selectedTrackId } = get();
      if (!frame || frame.shoppers.length === 0) return;
      // Hosts send shoppers sorted by track id, but nothing in the contract promises it. Keys are
      // multiplied by the direction so "next" and "previous" are the same search.
      let best: number | null = null;
      let wrap: number | null = null;
      for (const { trackId } of frame.shoppers) {
        const key = trackId * direction;
        if (wrap === null || key < wrap * direction) wrap = trackId;
        if (selectedTrackId !== null && key > selectedTrackId * direction && (best === null || key < best * direction)) best = trackId;
      }
      set({ selectedTrackId: best ?? wrap });
    },
    reset: detach,
  };
}
