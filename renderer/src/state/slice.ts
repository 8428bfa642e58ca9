// Slices live under their own key of the app state (`state.floorMap`, `state.shell`…). This helper
// gives each slice a set/get scoped to its key, so a slice is written against its own shape only
// and never reaches into, or collides with, another feature's state.
import type { StoreApi } from 'zustand/vanilla';

export type SlicePatch<S> = Partial<S> | ((current: S) => Partial<S>);

export interface SliceApi<S> {
  set: (patch: SlicePatch<S>) => void;
  get: () => S;
}

export function scopeSlice<Root extends object, K extends keyof Root>(
  store: Pick<StoreApi<Root>, 'setState' | 'getState'>,
  key: K,
): SliceApi<Root[K]> {
  return {
    set: (patch) =>
      store.setState((root) => {
        const current = root[key];
        const next = typeof patch === 'function' ? patch(current) : patch;
        return { [key]: { ...current, ...next } } as unknown as Partial<Root>;
      }),
    get: () => store.getState()[key],
  };
}
