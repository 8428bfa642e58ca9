// Code a view downloads only when it first needs it (a dynamic `import()` the bundler splits into its
// own chunk), with the same loading/error life as fetched data, so a view can show the usual panels
// while it arrives and offer Retry when it does not. One loader per chunk, shared by every component
// that draws with it: the chunk is fetched once, and one Retry serves them all.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { idle, toErrorInfo, type LoadState } from '../state/load-state';

export interface LazyModule<T> {
  store: StoreApi<LoadState<T>>;
  /** Starts the download unless it is under way or done; after a failure, starts it again. */
  load: () => Promise<void>;
}

/** `what` names the code in the error a person reads: "the charting code". */
export function lazyModule<T>(importModule: () => Promise<T>, what: string): LazyModule<T> {
  const store = createStore<LoadState<T>>(() => idle);
  let downloading: Promise<void> | null = null;
  const load = (): Promise<void> => {
    if (store.getState().status === 'ready') return Promise.resolve();
    if (downloading) return downloading;
    store.setState({ status: 'loading' }, true);
    downloading = importModule()
      .then(
        (data) => store.setState({ status: 'ready', data }, true),
        (error: unknown) => {
          // Usually the chunk did not download: a network failure, or the host was rebuilt and the
          // page asks for a file that no longer exists — only a reload helps then, so say so.
          const { code, message } = toErrorInfo(error);
          const hint = `Could not load ${what} (${message}). If Walkout was updated since this page opened, reload the page.`;
          store.setState({ status: 'error', error: { code, message: hint } }, true);
        },
      )
      .finally(() => {
        downloading = null;
      });
    return downloading;
  };
  return { store, load };
}

/** The module's load state, starting the download the first time a component asks for it. */
export function useLazyModule<T>(lazy: LazyModule<T>): LoadState<T> {
  const state = useStore(lazy.store);
  useEffect(() => {
    if (state.status === 'idle') void lazy.load();
  }, [lazy, state.status]);
  return state;
}
