import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../native-bridge/contract';
import { createAppStore, resetAppStore, type AppStore } from '../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../testing/test-double-api-client';
import { sampleOverview, samplePlate, sampleWeights } from './devices-test-data';
import { initialDevicesState, withPlate } from './devices-slice';

let client: TestDoubleApiClient;
let store: AppStore;
const devices = () => store.getState().devices;

beforeEach(() => {
  client = new TestDoubleApiClient('open');
  client.answer('watchShelfWeights', ({ shelf }) => ({ shelf, leaseMs: 15_000 }));
  store = createAppStore({ client });
});

describe('devices slice', () => {
  it('loads the overview, selects the first shelf and asks for its weights', async () => {
    client.answer('getDevices', () => sampleOverview());
    const loading = devices().load();
    expect(devices().overview.status).toBe('loading');
    await loading;
    expect(devices().overview.status).toBe('ready');
    expect(devices().selectedShelf).toBe('G01-F1');
    expect(client.callsOf('watchShelfWeights')).toEqual([{ shelf: 'G01-F1' }]);
  });

  it('keeps the shown data when a refresh fails, and says so', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    client.answer('getDevices', () => {
      throw new ApiError('internal', 'database is locked');
    });
    await devices().refresh();
    expect(devices().overview.status).toBe('ready');
    expect(devices().refreshError).toEqual({ code: 'internal', message: 'database is locked' });
  });

  it('shows an error when the first load fails', async () => {
    client.answer('getDevices', () => {
      throw new ApiError('forbidden', 'getDevices: the analyst role may not do this');
    });
    await devices().load();
    expect(devices().overview).toEqual({ status: 'error', error: { code: 'forbidden', message: 'getDevices: the analyst role may not do this' } });
  });

  it('keeps only the selected shelf’s weight frames from the stream', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    const off = devices().attachWeights();
    client.push('shelfWeights', sampleWeights('G01-F2', ['G01-F2-01']));
    expect(devices().weights).toBeNull();
    const frame = sampleWeights('G01-F1', ['G01-F1-01', 'G01-F1-02']);
    client.push('shelfWeights', frame);
    expect(devices().weights).toBe(frame);
    devices().selectShelf('G01-F2');
    expect(devices().weights).toBeNull();
    expect(client.callsOf('watchShelfWeights').at(-1)).toEqual({ shelf: 'G01-F2' });
    off();
    expect(client.subscriberCount('shelfWeights')).toBe(0);
  });

  it('tares a plate and puts the host’s answer in place, counts included', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    const answer = deferred<ReturnType<typeof samplePlate>>();
    client.answer('tarePlate', () => answer.promise);
    const pending = devices().tare('G01-F1-02', 'new tray');
    expect(devices().busy).toBe('plate:G01-F1-02');
    answer.resolve(samplePlate('G01-F1-02', 'online', { calibration: { offset: 812, scale: 1, source: 'database', updatedBy: 'mgr' } }));
    expect(await pending).toBe(true);
    expect(client.callsOf('tarePlate')).toEqual([{ plate: 'G01-F1-02', reason: 'new tray' }]);
    const ready = devices().overview;
    expect(ready.status === 'ready' && ready.data.counts).toMatchObject({ online: 2, noisy: 0, offline: 1 });
    expect(devices()).toMatchObject({ busy: null, notice: 'Plate G01-F1-02 tared: what it holds now reads as zero.' });
  });

  it('says a tare in restock mode was staff work, and switches restock mode at the shelf’s fixture', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    client.answer('setRestockMode', ({ fixture, on }) => ({ id: fixture, name: 'Gondola 1', restocking: on, plates: 3, low: 0 }));
    expect(await devices().setRestockMode({ id: 'G01', name: 'Gondola 1' }, true)).toBe(true);
    expect(client.callsOf('setRestockMode')).toEqual([{ fixture: 'G01', on: true }]);
    const ready = devices().overview;
    expect(ready.status === 'ready' && ready.data.fixtures[0]!.restocking).toBe(true);
    expect(devices().notice).toBe('Restock mode on at Gondola 1: weight changes there, tare and calibration included, are staff work, charged to nobody.');

    client.answer('tarePlate', () => samplePlate('G01-F1-01', 'online', { grams: 0, calibration: { offset: 2106.5, scale: 1, source: 'database', updatedBy: 'mgr' } }));
    expect(await devices().tare('G01-F1-01', '')).toBe(true);
    expect(devices().notice).toBe('Plate G01-F1-01 tared: it reads zero, and the step was staff work at Gondola 1 (restock mode), charged to nobody.');

    expect(await devices().setRestockMode({ id: 'G01', name: 'Gondola 1' }, false)).toBe(true);
    expect(devices().notice).toBe('Restock mode off at Gondola 1.');
  });

  it('zeroes a POS scale through the host and shows the plate as the host answers it', async () => {
    client.answer('getDevices', () => sampleOverview({ 'G01-F1': [samplePlate('G01-F1-01', 'online', { device: 'SCALE-1' })] }));
    await devices().load();
    client.answer('zeroScale', ({ plate }) => samplePlate(plate, 'online', { device: 'SCALE-1', grams: null }));
    expect(await devices().zeroScale('G01-F1-01', 'drift')).toBe(true);
    expect(client.callsOf('zeroScale')).toEqual([{ plate: 'G01-F1-01', reason: 'drift' }]);
    expect(devices().notice).toBe('Scale SCALE-1 zeroed: plate G01-F1-01 reads zero from the scale’s next report.');
    const ready = devices().overview;
    expect(ready.status === 'ready' && ready.data.fixtures[0]!.shelves[0]!.plates[0]!.grams).toBeNull();
    client.answer('zeroScale', () => {
      throw new ApiError('conflict', 'plate G01-F1-01: zero: the plate reads 881.7 g, not empty.');
    });
    expect(await devices().zeroScale('G01-F1-01', '')).toBe(false);
    expect(devices().changeError?.message).toMatch(/not empty/);
  });

  it('reports a refused calibration and changes nothing', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    const before = devices().overview;
    client.answer('calibratePlate', () => {
      throw new ApiError('conflict', 'plate G01-F1-01: calibrate: the plate is moving');
    });
    expect(await devices().calibrate('G01-F1-01', 500, '')).toBe(false);
    expect(devices().changeError).toEqual({ code: 'conflict', message: 'plate G01-F1-01: calibrate: the plate is moving' });
    expect(devices().overview).toBe(before);
  });

  it('resets to the first state', async () => {
    client.answer('getDevices', () => sampleOverview());
    await devices().load();
    devices().setFilter('noisy');
    resetAppStore(store);
    expect(devices()).toMatchObject(initialDevicesState);
  });
});

describe('withPlate', () => {
  it('replaces one plate and moves it between status counts', () => {
    const overview = sampleOverview();
    const next = withPlate(overview, samplePlate('G01-F2-01', 'uncalibrated'));
    expect(next.counts).toMatchObject({ offline: 0, uncalibrated: 1, online: 1, noisy: 1 });
    expect(next.fixtures[0]!.shelves[1]!.plates[0]!.status).toBe('uncalibrated');
    expect(overview.counts.offline).toBe(1);
  });
});
