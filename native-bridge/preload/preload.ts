// The Electron preload: runs sandboxed beside the renderer and exposes `window.walkout`, one narrow
// function per API call generated from the contract, through contextBridge. The renderer never
// sees ipcRenderer itself, so it can only make the calls the contract lists.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiMethods, type ApiStreams, type StreamTopic } from '../contract/api';
import { ipcChannels, type WalkoutBridge } from '../contract/bridge';

const handlers = new Map<StreamTopic, Set<(payload: unknown) => void>>();

ipcRenderer.on(ipcChannels.stream, (_event: IpcRendererEvent, topic: StreamTopic, payload: unknown) => {
  for (const handler of handlers.get(topic) ?? []) handler(payload);
});

const calls = Object.fromEntries(
  apiMethods.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannels.call(method), input)]),
);

const bridge = {
  ...calls,
  subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void) {
    let set = handlers.get(topic);
    if (!set) {
      set = new Set();
      handlers.set(topic, set);
      void ipcRenderer.invoke(ipcChannels.subscribe, topic);
    }
    const wrapped = handler as (payload: unknown) => void;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
      if (set.size === 0) {
        handlers.delete(topic);
        void ipcRenderer.invoke(ipcChannels.unsubscribe, topic);
      }
    };
  },
} as WalkoutBridge;

contextBridge.exposeInMainWorld('walkout', bridge);
