// The Replay view's state: the session search, the session being replayed, and its playback (the
// playhead in store time, playing or paused, speed). Playback moves only through `advance`, which
// the view calls once per animation frame with the wall time that passed, so tests can drive it
// frame by frame. The plates' weight curves are fetched per shelf event when one is looked at.
import type { EventWeights, SessionReplay, SessionSearchResult } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';
import { clampToReplay, momentTimeAfter, momentTimeBefore, stepSpeed, DEFAULT_SPEED, type SpeedStep } from './replay-selectors';

export interface ReplayQuery {
  text: string;
  product: string;
  /** Entry time bounds, store ms; null for open. */
  fromMs: number | null;
  toMs: number | null;
  flaggedOnly: boolean;
}

export interface ReplayState {
  query: ReplayQuery;
  results: LoadState<SessionSearchResult>;
  selected: string | null;
  replay: LoadState<SessionReplay>;
  /** Store time shown, ms. */
  playhead: number;
  playing: boolean;
  speed: SpeedStep;
  /** The shelf event whose evidence is open. */
  focusedEventId: string | null;
  weights: Readonly<Record<string, LoadState<EventWeights>>>;
}

export interface ReplayActions {
  setQuery: (patch: Partial<ReplayQuery>) => void;
  search: () => Promise<void>;
  open: (sessionId: string) => Promise<void>;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  seek: (t: number) => void;
  seekBy: (deltaMs: number) => void;
  setSpeed: (speed: SpeedStep) => void;
  /** One step up (+1) or down (−1) the speed ladder. */
  changeSpeed: (direction: 1 | -1) => void;
  /** Moves the playhead by `wallMs` of wall time at the current speed; stops at the end. */
  advance: (wallMs: number) => void;
  /** Jumps to the next (+1) or previous (−1) moment on the timeline. */
  stepMoment: (direction: 1 | -1) => void;
  /** Opens an event's evidence (fetching its weight curves once) and moves the playhead to it; null closes. */
  focusEvent: (eventId: string | null) => void;
  reset: () => void;
}

export type ReplaySlice = ReplayState & ReplayActions;

export function initialReplayState(): ReplayState {
  return {
    query: { text: '', product: '', fromMs: null, toMs: null, flaggedOnly: false },
    results: idle,
    selected: null,
    replay: idle,
    playhead: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    focusedEventId: null,
    weights: {},
  };
}

export function createReplaySlice({ set, get }: SliceApi<ReplaySlice>, { client }: StoreDeps): ReplaySlice {
  let searchRequest = 0;
  let replayRequest = 0;

  const loaded = (): SessionReplay | null => {
    const { replay } = get();
    return replay.status === 'ready' ? replay.data : null;
  };

  const seek = (t: number): void => {
    const replay = loaded();
    if (replay) set({ playhead: clampToReplay(replay, t) });
  };

  const loadWeights = async (sessionId: string, eventId: string): Promise<void> => {
    const current = get().weights[eventId];
    if (current && current.status !== 'error') return;
    set(({ weights }) => ({ weights: { ...weights, [eventId]: { status: 'loading' } } }));
    const mine = replayRequest;
    try {
      const data = await client.call('getEventWeights', { sessionId, eventId });
      if (mine === replayRequest) set(({ weights }) => ({ weights: { ...weights, [eventId]: { status: 'ready', data } } }));
    } catch (error) {
      if (mine === replayRequest) set(({ weights }) => ({ weights: { ...weights, [eventId]: { status: 'error', error: toErrorInfo(error) } } }));
    }
  };

  return {
    ...initialReplayState(),

    setQuery: (patch) => set(({ query }) => ({ query: { ...query, ...patch } })),

    search: async () => {
      const mine = ++searchRequest;
      const { text, product, fromMs, toMs, flaggedOnly } = get().query;
      set({ results: { status: 'loading' } });
      try {
        const data = await client.call('searchSessions', {
          text,
          product,
          flaggedOnly,
          ...(fromMs !== null ? { fromMs } : {}),
          ...(toMs !== null ? { toMs } : {}),
        });
        if (mine === searchRequest) set({ results: { status: 'ready', data } });
      } catch (error) {
        if (mine === searchRequest) set({ results: { status: 'error', error: toErrorInfo(error) } });
      }
    },

    open: async (sessionId) => {
      const mine = ++replayRequest;
      set({ selected: sessionId, replay: { status: 'loading' }, playing: false, focusedEventId: null, weights: {} });
      try {
        const data = await client.call('getSessionReplay', { sessionId });
        if (mine === replayRequest) set({ replay: { status: 'ready', data }, playhead: data.startMs });
      } catch (error) {
        if (mine === replayRequest) set({ replay: { status: 'error', error: toErrorInfo(error) } });
      }
    },

    play: () => {
      const replay = loaded();
      if (!replay) return;
      // Playing from the very end starts over, as a media player does.
      if (get().playhead >= replay.endMs) set({ playhead: replay.startMs });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    seek,
    seekBy: (deltaMs) => seek(get().playhead + deltaMs),
    setSpeed: (speed) => set({ speed }),
    changeSpeed: (direction) => set(({ speed }) => ({ speed: stepSpeed(speed, direction) })),

    advance: (wallMs) => {
      const replay = loaded();
      const { playing, playhead, speed } = get();
      if (!replay || !playing || wallMs <= 0) return;
      const next = playhead + wallMs * speed;
      if (next >= replay.endMs) set({ playhead: replay.endMs, playing: false });
      else set({ playhead: next });
    },

    stepMoment: (direction) => {
      const replay = loaded();
      if (!replay) return;
      const t = direction > 0 ? momentTimeAfter(replay, get().playhead) : momentTimeBefore(replay, get().playhead);
      if (t !== null) seek(t);
    },

    focusEvent: (eventId) => {
      const replay = loaded();
      set({ focusedEventId: eventId });
      const event = eventId && replay?.events.find((e) => e.id === eventId);
      if (!replay || !event) return;
      seek(event.startMs);
      void loadWeights(replay.session.sessionId, event.id);
    },

    reset: () => {
      searchRequest++;
      replayRequest++;
      set(initialReplayState());
    },
  };
}
