// The shape of `window.walkout`, the object the Electron preload exposes through contextBridge:
// one narrow function per API call (never a raw ipcRenderer), plus stream subscription. Answers
// come wrapped so an ApiError's code survives IPC, which would flatten a thrown error to a string.
import type { ApiMethod, ApiOutputs, ApiStreams, StreamTopic } from './api';
import type { ApiErrorBody } from './errors';

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type WalkoutBridge = {
  [M in ApiMethod]: (input: unknown) => Promise<BridgeResult<ApiOutputs[M]>>;
} & {
  subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void): () => void;
};

/** IPC channel names, shared by the preload and the desktop host so they cannot drift apart. */
export const ipcChannels = {
  call: (method: ApiMethod) => `walkout:call:${method}`,
  subscribe: 'walkout:subscribe',
  unsubscribe: 'walkout:unsubscribe',
  stream: 'walkout:stream',
} as const;
