import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type FloorPlan } from '../../../../native-bridge/contract';
import { createAppStore, type AppStore } from '../../state/app-store';
import { sampleFloorPlan } from '../../testing/sample-data';
import { TestDoubleApiClient, deferred } from '../../testing/test-double-api-client';
import { initialFloorMapState } from './floor-map-slice';
import { layerIds } from './layers';
import { selectPixelsPerMetre } from './selectors';
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEP } from './viewport';

let client: TestDoubleApiClient;
let store: AppStore;
const floorMap = () => store.getState().floorMap;

beforeEach(() => {
  client = new TestDoubleApiClient('open').answer('getFloorPlan', () => sampleFloorPlan());
  store = createAppStore({ client });
});

async function loaded(): Promise<void> {
  await floorMap().load();
  floorMap().setViewport({ width: 1100, height: 600 });
}

describe('floor map slice: loading', () => {
  it('starts idle, with nothing fetched', () => {
    expect(floorMap().plan).toEqual({ status: 'idle' });
    expect(client.calls).toHaveLength(0);
  });

  it('goes loading → ready, asking the client once', async () => {
    const answer = deferred<FloorPlan>();
    client.answer('getFloorPlan', () => answer.promise);
    const done = floorMap().load();
    expect(floorMap().plan).toEqual({ status: 'loading' });
    answer.resolve(sampleFloorPlan());
    await done;
    expect(floorMap().plan).toEqual({ status: 'ready', data: sampleFloorPlan() });
    expect(client.calls).toEqual([{ method: 'getFloorPlan', input: {} }]);
  });

  it('frames the whole floor when a plan arrives', async () => {
    floorMap().zoomBy(3);
    await floorMap().load();
    expect(floorMap().view).toEqual({ center: [10, 5], zoom: 1 });
  });

  it('goes loading → error with the ApiError’s message', async () => {
    client.answer('getFloorPlan', () => {
      throw new ApiError('not_found', 'this store has no layout file');
    });
    await floorMap().load();
    expect(floorMap().plan).toEqual({ status: 'error', error: { code: 'not_found', message: 'this store has no layout file' } });
  });

  it('recovers on retry: error → loading → ready', async () => {
    client.answer('getFloorPlan', () => Promise.reject(new ApiError('internal', 'host restarting')));
    await floorMap().load();
    expect(floorMap().plan.status).toBe('error');
    client.answer('getFloorPlan', () => sampleFloorPlan());
    const retry = floorMap().load();
    expect(floorMap().plan.status).toBe('loading');
    await retry;
    expect(floorMap().plan.status).toBe('ready');
  });

  it('lets the latest request win when answers arrive out of order', async () => {
    const first = deferred<FloorPlan>();
    const second = deferred<FloorPlan>();
    const answers = [first, second];
    client.answer('getFloorPlan', () => answers.shift()!.promise);
    const a = floorMap().load();
    const b = floorMap().load();
    const newer = { ...sampleFloorPlan(), counts: { ...sampleFloorPlan().counts, products: 99 } };
    second.resolve(newer);
    await b;
    first.reject(new ApiError('internal', 'old request failed late'));
    await a;
    expect(floorMap().plan).toEqual({ status: 'ready', data: newer });
  });
});

describe('floor map slice: layers', () => {
  it('shows every layer at first', () => {
    for (const id of layerIds) expect(floorMap().layers[id]).toBe(true);
  });

  it('toggles one layer without touching the others', () => {
    floorMap().toggleLayer('fieldsOfView');
    expect(floorMap().layers).toEqual({ zones: true, fixtures: true, cameras: true, fieldsOfView: false, labels: true });
    floorMap().toggleLayer('fieldsOfView');
    expect(floorMap().layers.fieldsOfView).toBe(true);
  });

  it('sets a layer to an explicit value', () => {
    floorMap().setLayer('labels', false);
    floorMap().setLayer('labels', false);
    expect(floorMap().layers.labels).toBe(false);
    floorMap().setLayer('labels', true);
    expect(floorMap().layers.labels).toBe(true);
  });
});

describe('floor map slice: view', () => {
  it('records the measured viewport, ignoring repeats', async () => {
    await loaded();
    const before = store.getState().floorMap;
    floorMap().setViewport({ width: 1100, height: 600 });
    expect(store.getState().floorMap).toBe(before);
    floorMap().setViewport({ width: 800, height: 600 });
    expect(floorMap().viewport).toEqual({ width: 800, height: 600 });
  });

  it('zooms in and out by one step per button press', async () => {
    await loaded();
    floorMap().zoomIn();
    expect(floorMap().view.zoom).toBeCloseTo(ZOOM_STEP);
    floorMap().zoomOut();
    expect(floorMap().view.zoom).toBeCloseTo(1);
  });

  it('clamps zoom at both ends', async () => {
    await loaded();
    for (let i = 0; i < 40; i++) floorMap().zoomIn();
    expect(floorMap().view.zoom).toBe(MAX_ZOOM);
    for (let i = 0; i < 40; i++) floorMap().zoomOut();
    expect(floorMap().view.zoom).toBe(MIN_ZOOM);
  });

  it('keeps the anchor point in place when zooming about it', async () => {
    await loaded();
    floorMap().zoomBy(2, [15, 5]);
    expect(floorMap().view.center[0]).toBeCloseTo(12.5);
    expect(floorMap().view.center[1]).toBeCloseTo(5);
  });

  it('pans the opposite way to the drag, in metres at the current scale', async () => {
    await loaded();
    const ppm = selectPixelsPerMetre(floorMap());
    floorMap().panByPixels(ppm * 2, -ppm);
    expect(floorMap().view.center[0]).toBeCloseTo(8);
    expect(floorMap().view.center[1]).toBeCloseTo(6);
  });

  it('never pans the centre off the floor', async () => {
    await loaded();
    floorMap().panByPixels(1e6, 1e6);
    expect(floorMap().view.center).toEqual([0, 0]);
    floorMap().panByPixels(-1e7, -1e7);
    expect(floorMap().view.center).toEqual([20, 10]);
  });

  it('fits the whole floor again', async () => {
    await loaded();
    floorMap().zoomBy(4, [2, 2]);
    floorMap().panByPixels(30, 40);
    floorMap().fitToView();
    expect(floorMap().view).toEqual({ center: [10, 5], zoom: 1 });
  });
});

describe('floor map slice: reset', () => {
  it('returns every field to its first state', async () => {
    await loaded();
    floorMap().toggleLayer('zones');
    floorMap().zoomBy(3, [1, 1]);
    floorMap().reset();
    expect(floorMap()).toMatchObject(initialFloorMapState());
  });

  it('drops an answer that was still on its way', async () => {
    const answer = deferred<FloorPlan>();
    client.answer('getFloorPlan', () => answer.promise);
    const pending = floorMap().load();
    floorMap().reset();
    answer.resolve(sampleFloorPlan());
    await pending;
    expect(floorMap().plan).toEqual({ status: 'idle' });
  });
});
