// The live layer's state: the latest `liveFloor` frame from the injected client, each track's
// recent trail, when the frame arrived (the canvas animates from there), and which shopper is
// selected. The subscription is opened by `attach` while the floor map is on screen, so a host
// does not push frames to a page that is showing something else.
//
// Beside the positions it keeps the store's event feed (with the toasts it raises), the devices
// that are down, and the selected shopper's session detail (live cart and history), fetched when
// the selection changes and again whenever the frame says that session's revision moved on.
// Staff with 'operate' confirm there that they checked the shopper's ID (an audited host call whose
// answer goes straight into the shown detail).
//
// `trails` is the one mutable object in the app store: rewriting a few hundred trails immutably
// ten times a second would allocate for nothing. It is only ever changed together with `frame`,
// whose identity changes on every frame, so anything that watches `frame` sees trail changes too.
import type { AgeCheckConfirmation, LiveDevices, LiveFloorFrame, LiveSessionDetail } from '../../../../../native-bridge/contract';
import type { StoreDeps } from '../../../state/deps';
import { toErrorInfo, type ErrorInfo, type LoadState } from '../../../state/load-state';
import type { SliceApi } from '../../../state/slice';
import { sameDevices } from './device-overlay';
import { dismissToast, emptyFeed, mergeFeed, type FeedState } from './live-feed';
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
  feed: FeedState;
  /** As of the latest frame; the same object while nothing about the devices changes. */
  devices: LiveDevices | null;
  session: SessionPanelState;
}

/** The selected shopper's session: which one and revision is wanted, and what has arrived. */
export interface SessionPanelState {
  sessionId: string | null;
  revision: number | null;
  detail: LoadState<LiveSessionDetail>;
  /** The "ID checked" confirmation on its way for this session, and the last one's failure. */
  ageCheck: { busy: boolean; error: ErrorInfo | null };
}

const ageCheckIdle: SessionPanelState['ageCheck'] = { busy: false, error: null };
const noSession: SessionPanelState = { sessionId: null, revision: null, detail: { status: 'idle' }, ageCheck: ageCheckIdle };

/** The panel's session with the host's answer to an ID check folded in (other sessions, and details not yet loaded, unchanged). */
export function withAgeCheck(session: SessionPanelState, confirmation: AgeCheckConfirmation): SessionPanelState {
  const { detail } = session;
  if (session.sessionId !== confirmation.sessionId || detail.status !== 'ready' || detail.data.ageCheck) return session;
  return { ...session, detail: { status: 'ready', data: { ...detail.data, ageCheck: confirmation.ageCheck } } };
}

export interface LiveFloorActions {
  /** Subscribes to the `liveFloor` stream; the returned function unsubscribes and clears. */
  attach: () => () => void;
  /** Takes one frame; `at` is the wall-clock arrival time, passed in by tests. */
  receiveFrame: (frame: LiveFloorFrame, at?: number) => void;
  select: (trackId: number | null) => void;
  /** Moves the selection to the next (+1) or previous (−1) shopper by track id, wrapping round. */
  selectAdjacent: (direction: 1 | -1) => void;
  dismissToast: (seq: number) => void;
  /** Asks for the selected shopper's session again (after an error). */
  retrySession: () => void;
  /** Tells the host staff checked the selected session's shopper's ID; true when the host took it. */
  confirmAgeCheck: (note?: string) => Promise<boolean>;
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
    feed: emptyFeed,
    devices: null,
    session: noSession,
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

  // Only the latest request may report a failure; answers are taken whenever they are newer.
  let sessionRequests = 0;

  const fetchSession = (sessionId: string): void => {
    const ticket = ++sessionRequests;
    client.call('getLiveSession', { sessionId }).then(
      (detail) => {
        const { session } = get();
        if (session.sessionId !== sessionId) return;
        if (session.detail.status === 'ready' && session.detail.data.revision >= detail.revision) return;
        set({ session: { ...session, detail: { status: 'ready', data: detail } } });
      },
      (error: unknown) => {
        const { session } = get();
        if (ticket !== sessionRequests || session.sessionId !== sessionId) return;
        set({ session: { ...session, detail: { status: 'error', error: toErrorInfo(error) } } });
      },
    );
  };

  /**
   * Makes the panel's session follow the selected shopper: none for an unbound track, a fetch when
   * the session or its revision changed. While a newer revision of the same session is on its way
   * the old detail stays on screen rather than flashing a loading state.
   */
  const followSelection = (): void => {
    const { frame, selectedTrackId, session } = get();
    if (selectedTrackId === null) {
      if (session !== noSession) set({ session: noSession });
      return;
    }
    const shopper = frame?.shoppers.find((s) => s.trackId === selectedTrackId);
    // Gone from the floor: keep showing what we knew.
    if (!shopper) return;
    const sessionId = shopper.sessionId ?? null;
    if (sessionId === null) {
      if (session !== noSession) set({ session: noSession });
      return;
    }
    const revision = shopper.revision ?? 0;
    // Up to date, on its way, or failed for this revision (a retry is the person's call, not every frame's).
    if (session.sessionId === sessionId && session.revision === revision) return;
    const keep = session.sessionId === sessionId && session.detail.status === 'ready';
    set({ session: { sessionId, revision, detail: keep ? session.detail : { status: 'loading' }, ageCheck: keep ? session.ageCheck : ageCheckIdle } });
    fetchSession(sessionId);
  };

  const receiveFrame = (frame: LiveFloorFrame, at: number = performance.now()): void => {
    const { frame: previous, receivedAt, frameIntervalMs, trails, feed, devices } = get();
    if (previous) {
      if (frame.t < previous.t - RESTART_JUMP_MS) trails.clear();
      // A repeated or late frame would animate shoppers backwards; keep what we have.
      else if (frame.t <= previous.t) return;
    }
    trails.record(frame);
    const nextDevices = frame.devices ?? null;
    set({
      frame,
      receivedAt: at,
      frameIntervalMs: previous ? smoothedInterval(frameIntervalMs, at - receivedAt) : frameIntervalMs,
      // The first frame's events happened before the page was watching: history, not news.
      feed: mergeFeed(feed, frame.events, previous === null),
      devices: sameDevices(devices, nextDevices) ? devices : nextDevices,
    });
    if (get().selectedTrackId !== null) followSelection();
  };

  const choose = (trackId: number | null): void => {
    set({ selectedTrackId: trackId });
    followSelection();
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
    select: choose,
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
      choose(best ?? wrap);
    },
    dismissToast: (seq) => set({ feed: dismissToast(get().feed, seq) }),
    retrySession: () => {
      const { session } = get();
      if (session.sessionId === null) return;
      set({ session: { ...session, detail: { status: 'loading' } } });
      fetchSession(session.sessionId);
    },
    confirmAgeCheck: async (note = '') => {
      const { sessionId, ageCheck } = get().session;
      if (sessionId === null || ageCheck.busy) return false;
      const forThisSession = (patch: Partial<SessionPanelState>): void => {
        const { session } = get();
        if (session.sessionId === sessionId) set({ session: { ...session, ...patch } });
      };
      forThisSession({ ageCheck: { busy: true, error: null } });
      try {
        const confirmation = await client.call('confirmAgeCheck', { sessionId, note });
        const { session } = get();
        if (session.sessionId === sessionId) set({ session: { ...withAgeCheck(session, confirmation), ageCheck: ageCheckIdle } });
        return true;
      } catch (error) {
        forThisSession({ ageCheck: { busy: false, error: toErrorInfo(error) } });
        return false;
      }
    },
    reset: detach,
  };
}
