import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../native-bridge/contract';
import { createAppStore } from '../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../testing/test-double-api-client';
import { initialRestockState } from './restock-slice';
import { sampleAlert, sampleOverview, T } from './restock-test-data';

function setup() {
  const client = new TestDoubleApiClient();
  const store = createAppStore({ client });
  return { client, store, restock: () => store.getState().restock };
}

describe('restock slice', () => {
  it('loads the overview, and a failed first load is an error to retry', async () => {
    const { client, restock } = setup();
    client.answer('getRestock', () => {
      throw new ApiError('internal', 'database locked');
    });
    await restock().load();
    expect(restock().overview).toEqual({ status: 'error', error: { code: 'internal', message: 'database locked' } });
    client.answer('getRestock', () => sampleOverview());
    await restock().load();
    expect(restock().overview).toEqual({ status: 'ready', data: sampleOverview() });
  });

  it('refreshes in place, keeping the data shown when a refresh fails', async () => {
    const { client, restock } = setup();
    client.answer('getRestock', () => sampleOverview());
    await restock().refresh();
    expect(restock().overview.status).toBe('ready');
    const pending = deferred<ReturnType<typeof sampleOverview>>();
    client.answer('getRestock', () => pending.promise);
    const refreshing = restock().refresh();
    expect(restock().overview.status).toBe('ready');
    pending.reject(new ApiError('unauthorized', 'signed out'));
    await refreshing;
    expect(restock().overview.status).toBe('ready');
    expect(restock().refreshError).toEqual({ code: 'unauthorized', message: 'signed out' });
    client.answer('getRestock', () => sampleOverview([]));
    await restock().refresh();
    expect(restock().refreshError).toBeNull();
  });

  it('acknowledges an alert with its episode, and puts the host\'s answer in its row', async () => {
    const { client, restock } = setup();
    client.answer('getRestock', () => sampleOverview());
    await restock().load();
    const alert = sampleOverview().alerts[0]!;
    client.answer('acknowledgeRestockAlert', ({ plate }) => ({ ...alert, plate, acknowledged: { by: 'mgr', at: T, note: 'on it' } }));
    expect(await restock().acknowledge(alert, 'on it')).toBe(true);
    expect(client.callsOf('acknowledgeRestockAlert')).toEqual([{ plate: 'P1', since: alert.since, note: 'on it' }]);
    const overview = restock().overview;
    expect(overview.status === 'ready' && overview.data.alerts[0]!.acknowledged?.by).toBe('mgr');
    expect(restock().notice).toBe('Acknowledged: Product P1 (plate P1).');
    expect(restock().busy).toBeNull();
  });

  it('shows a refused change without touching the list, and a poll older than a change cannot overwrite it', async () => {
    const { client, restock } = setup();
    client.answer('getRestock', () => sampleOverview());
    await restock().load();
    client.answer('setRestockMode', () => {
      throw new ApiError('conflict', 'no live feed');
    });
    expect(await restock().setRestockMode({ id: 'G1', name: 'Gondola 1' }, true)).toBe(false);
    expect(restock().changeError).toEqual({ code: 'conflict', message: 'no live feed' });

    const stalePoll = deferred<ReturnType<typeof sampleOverview>>();
    client.answer('getRestock', () => stalePoll.promise);
    const polling = restock().refresh();
    client.answer('setRestockMode', ({ fixture, on }) => ({ id: fixture, name: 'Gondola 1', restocking: on, plates: 20, low: 2 }));
    const busy = restock().setRestockMode({ id: 'G1', name: 'Gondola 1' }, true);
    expect(restock().busy).toBe('fixture:G1');
    await busy;
    stalePoll.resolve(sampleOverview());
    await polling;
    const overview = restock().overview;
    expect(overview.status === 'ready' && overview.data.fixtures[0]!.restocking).toBe(true);
    expect(restock().notice).toBe('Restock mode on at Gondola 1: its shelf events are charged to nobody.');
    expect(restock().changeError).toBeNull();
  });

  it('hides acknowledged alerts on request and resets to its first state', async () => {
    const { client, restock } = setup();
    client.answer('getRestock', () => sampleOverview([sampleAlert('P1', 1, 4, 2)]));
    await restock().load();
    restock().setHideAcknowledged(true);
    expect(restock().hideAcknowledged).toBe(true);
    restock().reset();
    expect(restock()).toMatchObject(initialRestockState);
  });
});
