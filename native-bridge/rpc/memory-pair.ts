// A client and a server session joined in memory through the same JSON frames the WebSocket
// carries: the contract test suite runs over it and over a real socket, so a difference between
// transports shows as a failing test.
import type { ApiClient } from '../contract/api';
import { createTextClient } from './browser/text-client';
import type { ApiServer } from './server/api-server';
import { serveTextSession } from './server/text-session';

export interface MemoryPair {
  client: ApiClient;
  /** Sends raw text to the server as if a client had, for malformed-message tests. */
  sendRaw(text: string): void;
  /** Calls `listener` with each raw text the server sends from now on. */
  onServerText(listener: (text: string) => void): () => void;
  disconnect(): void;
}

export function createMemoryPair(server: ApiServer): MemoryPair {
  let toServer: (text: string) => void = () => undefined;
  let toClient: (text: string) => void = () => undefined;
  let serverClosed: () => void = () => undefined;
  let clientState: (state: 'open' | 'closed') => void = () => undefined;
  const serverTextListeners = new Set<(text: string) => void>();

  serveTextSession(server, {
    send: (text) => {
      for (const listener of serverTextListeners) listener(text);
      queueMicrotask(() => toClient(text));
    },
    onMessage: (listener) => {
      toServer = listener;
    },
    onClose: (listener) => {
      serverClosed = listener;
    },
  });
  const disconnect = () => {
    serverClosed();
    clientState('closed');
  };
  const client = createTextClient({
    send: (text) => queueMicrotask(() => toServer(text)),
    onMessage: (listener) => {
      toClient = listener;
    },
    onState: (listener) => {
      clientState = listener;
      queueMicrotask(() => listener('open'));
    },
    close: disconnect,
  });
  return {
    client,
    sendRaw: (text) => toServer(text),
    onServerText: (listener) => {
      serverTextListeners.add(listener);
      return () => serverTextListeners.delete(listener);
    },
    disconnect,
  };
}
