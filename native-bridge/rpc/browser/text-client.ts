// The renderer's side of the text transports (WebSocket, in-memory): an `ApiClient` on birpc over a
// channel that may drop and come back. Subscriptions survive reconnects; calls made while the
// channel is down wait for it (birpc's timeout bounds the wait).
import { createBirpc, type BirpcReturn } from 'birpc';
import type { ApiClient, ApiInput, ApiMethod, ApiOutput, ApiStreams, ConnectionState, StreamTopic } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { parseFrame, reviveFrame, serializeFrame } from '../shared/frames';

/** A text channel as the client sees it: it reports open/close and may be reopened by its owner. */
export interface ClientChannel {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  onState(listener: (state: ConnectionState) => void): void;
  close(): void;
}

type ServerFunctions = Record<string, (input?: unknown) => Promise<unknown>>;

export function createTextClient(channel: ClientChannel, options: { timeoutMs?: number } = {}): ApiClient {
  let connection: ConnectionState = 'connecting';
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const topicHandlers = new Map<StreamTopic, Set<(payload: never) => void>>();
  const outbox: string[] = [];
  let deliver: ((frame: unknown) => void) | undefined;

  const rpc: BirpcReturn<ServerFunctions, object> = createBirpc<ServerFunctions, object>(
    {
      push: (topic: StreamTopic, payload: unknown) => {
        for (const handler of topicHandlers.get(topic) ?? []) (handler as (p: unknown) => void)(payload);
      },
    },
    {
      post: (text: string) => {
        if (connection === 'open') channel.send(text);
        else outbox.push(text);
      },
      on: (listener) => {
        deliver = listener;
      },
      serialize: serializeFrame,
      deserialize: (frame) => frame,
      timeout: options.timeoutMs ?? 30_000,
    },
  );

  channel.onMessage((text) => {
    const parsed = parseFrame(text);
    if (!parsed.ok) return; // a server that speaks nonsense gets ignored, not trusted
    // An 'x' frame answers a message of ours the server could not read; it carries no call id to
    // settle, and the client library never sends such messages, so there is nothing to do with it.
    if (parsed.frame.t === 'x') return;
    deliver?.(reviveFrame(parsed.frame));
  });

  channel.onState((state) => {
    connection = state;
    if (state === 'open') {
      for (const topic of topicHandlers.keys()) void rpc.$call('subscribe', topic).catch(() => undefined);
      for (const text of outbox.splice(0)) channel.send(text);
    }
    if (state === 'unauthorized') {
      outbox.length = 0;
      void rpc.$rejectPendingCalls(({ method, reject }) => reject(new ApiError('unauthorized', `${method}: the host refused the connection token; open the URL the host printed (each run has a fresh token)`)));
    }
    for (const listener of connectionListeners) listener(state);
  });

  return {
    get connection() {
      return connection;
    },
    call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      return rpc.$call(method, input) as Promise<ApiOutput<M>>;
    },
    subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void) {
      let set = topicHandlers.get(topic);
      if (!set) {
        set = new Set();
        topicHandlers.set(topic, set);
        if (connection === 'open') void rpc.$call('subscribe', topic).catch(() => undefined);
      }
      set.add(handler as (payload: never) => void);
      return () => {
        set.delete(handler as (payload: never) => void);
        if (set.size === 0) {
          topicHandlers.delete(topic);
          if (connection === 'open') void rpc.$call('unsubscribe', topic).catch(() => undefined);
        }
      };
    },
    onConnectionChange(handler) {
      connectionListeners.add(handler);
      return () => connectionListeners.delete(handler);
    },
    close() {
      rpc.$close();
      channel.close();
    },
  };
}
