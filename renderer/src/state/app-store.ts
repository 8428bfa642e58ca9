// The one app store, assembled from per-feature slices, each under its own key. Built by a
// factory rather than at module load so every app (and every test) gets its own store wired to
// the client it was given.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createShellSlice, type ShellSlice } from '../app/shell-slice';
import { createFloorMapSlice, type FloorMapSlice } from '../features/floor-map/floor-map-slice';
import { createLiveFloorSlice, type LiveFloorSlice } from '../features/floor-map/live/live-floor-slice';
import { memorySessionTokens, type StoreDeps } from './deps';
import { createAccountSlice, type AccountSlice } from '../features/account/account-slice';
import { createUsersSlice, type UsersSlice } from '../features/settings/users/users-slice';
import { createRestockSlice, type RestockSlice } from '../features/restock/restock-slice';
import { createReviewSlice, type ReviewSlice } from '../features/review/review-slice';
import { createReplaySlice, type ReplaySlice } from '../features/replay/replay-slice';
import { createDevicesSlice, type DevicesSlice } from '../features/devices/devices-slice';
import { createCamerasSlice, type CamerasSlice } from '../features/devices/cameras/cameras-slice';
import { createAnalyticsSlice, type AnalyticsSlice } from '../features/analytics/analytics-slice';
import { createGateDisplaySlice, type GateDisplaySlice } from '../features/gate-display/gate-display-slice';
import { scopeSlice } from './slice';

export interface AppState {
  shell: ShellSlice;
  account: AccountSlice;
  users: UsersSlice;
  floorMap: FloorMapSlice;
  liveFloor: LiveFloorSlice;
  restock: RestockSlice;
  review: ReviewSlice;
  replay: ReplaySlice;
  devices: DevicesSlice;
  cameras: CamerasSlice;
  analytics: AnalyticsSlice;
  gateDisplay: GateDisplaySlice;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(input: Pick<StoreDeps, 'client'> & Partial<StoreDeps>): AppStore {
  const deps: StoreDeps = { sessionTokens: memorySessionTokens(), ...input };
  return createStore<AppState>()((_set, _get, store) => ({
    shell: createShellSlice(scopeSlice(store, 'shell'), deps),
    account: createAccountSlice(scopeSlice(store, 'account'), deps),
    users: createUsersSlice(scopeSlice(store, 'users'), deps),
    floorMap: createFloorMapSlice(scopeSlice(store, 'floorMap'), deps),
    liveFloor: createLiveFloorSlice(scopeSlice(store, 'liveFloor'), deps),
    restock: createRestockSlice(scopeSlice(store, 'restock'), deps),
    review: createReviewSlice(scopeSlice(store, 'review'), deps),
    replay: createReplaySlice(scopeSlice(store, 'replay'), deps),
    devices: createDevicesSlice(scopeSlice(store, 'devices'), deps),
    cameras: createCamerasSlice(scopeSlice(store, 'cameras'), deps),
    analytics: createAnalyticsSlice(scopeSlice(store, 'analytics'), deps),
    gateDisplay: createGateDisplaySlice(scopeSlice(store, 'gateDisplay'), deps),
  }));
}

/** Every slice back to its first state: used between tests and when the app switches stores. */
export function resetAppStore(store: AppStore): void {
  const state = store.getState();
  state.shell.reset();
  state.account.reset();
  state.users.reset();
  state.floorMap.reset();
  state.liveFloor.reset();
  state.restock.reset();
  state.review.reset();
  state.replay.reset();
  state.devices.reset();
  state.cameras.reset();
  state.analytics.reset();
  state.gateDisplay.reset();
}
