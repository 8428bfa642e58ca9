// Serves one client over any text channel (a WebSocket, or an in-memory pair in tests): birpc for
// calls and pushes, with every incoming message checked before birpc sees it, so a malformed one
// gets an error reply and the session lives on.
import { createBirpc } from 'birpc';
import { streamTopicSchema, type ApiStreams, type StreamTopic } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { apiMethods } from '../../contract/api';
import { parseFrame, reviveFrame, serializeFrame, unreadableMessageFrame } from '../shared/frames';
import type { ApiServer } from './api-server';
import { mayReceiveStreams } from './dispatcher';

export interface TextChannel {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

/** Functions the client exposes to the server (called as events, no reply). */
export interface ClientFunctions {
  push(topic: StreamTopic, payload: ApiStreams[StreamTopic]): void;
}

export function serveTextSession(server: ApiServer, channel: TextChannel): void {
  const unsubscribers = new Map<StreamTopic, () => void>();
  const connection = server.connect();
  let deliver: ((frame: unknown) => void) | undefined;

  const functions: Record<string, (input?: unknown) => Promise<unknown>> = {
    subscribe: async (input) => {
      const topic = parseTopic(input);
      if (!unsubscribers.has(topic)) {
        unsubscribers.set(
          topic,
          server.streams.subscribe(topic, (payload) => {
            if (mayReceiveStreams(connection)) void rpc.push.asEvent(topic, payload);
          }),
        );
      }
      return true;
    },
    unsubscribe: async (input) => {
      const topic = parseTopic(input);
      unsubscribers.get(topic)?.();
      unsubscribers.delete(topic);
      return true;
    },
  };
  for (const method of apiMethods) functions[method] = (input) => server.dispatch(method, input, connection);

  const rpc = createBirpc<ClientFunctions, typeof functions>(functions, {
    post: (text: string) => channel.send(text),
    on: (listener) => {
      deliver = listener;
    },
    serialize: serializeFrame,
    deserialize: (frame) => frame,
    eventNames: ['push'],
    resolver: (name, fn) => (Object.hasOwn(functions, name) ? fn : undefined),
  });

  channel.onMessage((text) => {
    const parsed = parseFrame(text);
    if (!parsed.ok) {
      channel.send(unreadableMessageFrame(parsed.problem));
      return;
    }
    deliver?.(reviveFrame(parsed.frame));
  });
  channel.onClose(() => {
    for (const unsubscribe of unsubscribers.values()) unsubscribe();
    unsubscribers.clear();
    connection.release();
    rpc.$close();
  });
}

function parseTopic(input: unknown): StreamTopic {
  const parsed = streamTopicSchema.safeParse(input);
  if (!parsed.success) throw new ApiError('invalid_input', `unknown stream topic ${JSON.stringify(input)}`);
  return parsed.data;
}
