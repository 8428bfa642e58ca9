import { describe, expect, it } from 'vitest';
import { initialShellState } from '../app/shell-slice';
import { initialFloorMapState } from '../features/floor-map/floor-map-slice';
import { initialLiveFloorState } from '../features/floor-map/live/live-floor-slice';
import { sampleFloorPlan, sampleLiveFrame, sampleShopper } from '../testing/sample-data';
import { TestDoubleApiClient } from '../testing/test-double-api-client';
import { createAppStore, resetAppStore } from './app-store';

describe('createAppStore', () => {
  it('builds every slice in its first state', () => {
    const store = createAppStore({ client: new TestDoubleApiClient('connecting') });
    expect(store.getState().shell).toMatchObject(initialShellState('connecting'));
    expect(store.getState().floorMap).toMatchObject(initialFloorMapState());
    expect(store.getState().liveFloor).toMatchObject(initialLiveFloorState());
  });

  it('gives each store its own state and its own client', async () => {
    const first = new TestDoubleApiClient().answer('getFloorPlan', () => sampleFloorPlan());
    const second = new TestDoubleApiClient();
    const one = createAppStore({ client: first });
    const two = createAppStore({ client: second });
    await one.getState().floorMap.load();
    expect(first.callsOf('getFloorPlan')).toHaveLength(1);
    expect(second.calls).toHaveLength(0);
    expect(two.getState().floorMap.plan.status).toBe('idle');
  });

  it('resetAppStore puts every slice back', async () => {
    const client = new TestDoubleApiClient().answer('getFloorPlan', () => sampleFloorPlan());
    const store = createAppStore({ client });
    await store.getState().floorMap.load();
    store.getState().floorMap.toggleLayer('zones');
    store.getState().shell.setConnection('closed');
    client.connection = 'open';
    store.getState().liveFloor.attach();
    client.push('liveFloor', sampleLiveFrame(1000, [sampleShopper(1, 1, 1)]));
    resetAppStore(store);
    expect(store.getState().floorMap).toMatchObject(initialFloorMapState());
    expect(store.getState().shell).toMatchObject(initialShellState('open'));
    expect(store.getState().liveFloor).toMatchObject(initialLiveFloorState());
    expect(client.subscriberCount('liveFloor')).toBe(0);
  });
});
