// The one app store, assembled from per-feature slices, each under its own key. Built by a
// factory rather than at module load so every app (and every test) gets its own store wired to
// the client it was given.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createShellSlice, type ShellSlice } from '../app/shell-slice';
import { createFloorMapSlice, type FloorMapSlice } from '../features/floor-map/floor-map-slice';
import { createLiveFloorSlice, type LiveFloorSlice } from '../features/floor-map/live/live-floor-slice';
import type { StoreDeps } from './deps';
import { scopeSlice } from './slice';

export interface AppState {
  shell: ShellSlice;
  floorMap: FloorMapSlice;
  liveFloor: LiveFloorSlice;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((_set, _get, store) => ({
    shell: createShellSlice(scopeSlice(store, 'shell'), deps),
    floorMap: createFloorMapSlice(scopeSlice(store, 'floorMap'), deps),
    liveFloor: createLiveFloorSlice(scopeSlice(store, 'liveFloor'), deps),
  }));
}

/** Every slice back to its first state: used between tests and when the app switches stores. */
export function resetAppStore(store: AppStore): void {
  const state = store.getState();
  state.shell.reset();
  state.floorMap.reset();
  state.liveFloor.reset();
}
