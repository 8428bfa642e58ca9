// The Electron transport on the main side. It takes ipcMain by its shape rather than importing
// electron, so only the desktop host touches electron. Every call checks who sent it: only the
// app's own top-level page may call, never an iframe or a page the window was navigated to.
import { apiMethods, streamTopicSchema, type StreamTopic } from '../../contract/api';
import { ipcChannels, type BridgeResult } from '../../contract/bridge';
import { ApiError } from '../../contract/errors';
import type { ApiServer, ClientConnection } from './api-server';
import { mayReceiveStreams } from './dispatcher';

export interface IpcSender {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): void;
}
export interface IpcInvokeEvent {
  sender: IpcSender;
  senderFrame: { url: string; parent: unknown } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Answers whether a sender's page is the app's own; the desktop host knows its origin. */
export type TrustedSender = (frameUrl: string) => boolean;

export function serveIpc(server: ApiServer, ipcMain: IpcMainLike, isTrusted: TrustedSender): () => void {
  const senders = new Map<number, { connection: ClientConnection; subscriptions: Map<StreamTopic, () => void> }>();

  const checkSender = (event: IpcInvokeEvent): void => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(frame.url)) {
      throw new ApiError('unauthorized', `IPC from an untrusted page refused (${frame?.url ?? 'no frame'})`);
    }
  };

  /** One connection per renderer page, opened on its first call and released when it goes away. */
  const senderState = (sender: IpcSender) => {
    let state = senders.get(sender.id);
    if (!state) {
      const created = { connection: server.connect(), subscriptions: new Map<StreamTopic, () => void>() };
      senders.set(sender.id, created);
      sender.once('destroyed', () => {
        for (const unsubscribe of created.subscriptions.values()) unsubscribe();
        senders.delete(sender.id);
        created.connection.release();
      });
      state = created;
    }
    return state;
  };

  for (const method of apiMethods) {
    ipcMain.handle(ipcChannels.call(method), async (event, input): Promise<BridgeResult<unknown>> => {
      try {
        checkSender(event);
        return { ok: true, value: await server.dispatch(method, input, senderState(event.sender).connection) };
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('internal', String(error));
        return { ok: false, error: apiError.toBody() };
      }
    });
  }
  ipcMain.handle(ipcChannels.subscribe, (event, topic) => {
    checkSender(event);
    const parsed = streamTopicSchema.parse(topic);
    const { connection, subscriptions: map } = senderState(event.sender);
    if (!map.has(parsed)) {
      map.set(
        parsed,
        server.streams.subscribe(parsed, (payload) => {
          if (mayReceiveStreams(connection)) event.sender.send(ipcChannels.stream, parsed, payload);
        }),
      );
    }
    return true;
  });
  ipcMain.handle(ipcChannels.unsubscribe, (event, topic) => {
    checkSender(event);
    const parsed = streamTopicSchema.parse(topic);
    const map = senders.get(event.sender.id)?.subscriptions;
    map?.get(parsed)?.();
    map?.delete(parsed);
    return true;
  });

  return () => {
    for (const method of apiMethods) ipcMain.removeHandler(ipcChannels.call(method));
    ipcMain.removeHandler(ipcChannels.subscribe);
    ipcMain.removeHandler(ipcChannels.unsubscribe);
  };
}
