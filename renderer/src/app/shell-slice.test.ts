import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type SystemStatus } from '../../../native-bridge/contract';
import { createAppStore, type AppStore } from '../state/app-store';
import { sampleHostHealth, sampleSystemStatus } from '../testing/sample-data';
import { TestDoubleApiClient, deferred } from '../testing/test-double-api-client';
import { initialShellState } from './shell-slice';

let client: TestDoubleApiClient;
let store: AppStore;
const shell = () => store.getState().shell;

beforeEach(() => {
  client = new TestDoubleApiClient('connecting').answer('getSystemStatus', () => sampleSystemStatus());
  store = createAppStore({ client });
});

describe('shell slice: connection', () => {
  it('starts from the client’s own connection state', () => {
    expect(shell().connection).toBe('connecting');
    expect(createAppStore({ client: new TestDoubleApiClient('open') }).getState().shell.connection).toBe('open');
  });

  it('follows every change the client reports once attached', () => {
    shell().attach();
    for (const state of ['open', 'closed', 'connecting', 'unauthorized'] as const) {
      client.setConnection(state);
      expect(shell().connection).toBe(state);
    }
  });

  it('stops following, and stops listening to health, after detaching', () => {
    const detach = shell().attach();
    expect(client.connectionListenerCount()).toBe(1);
    expect(client.subscriberCount('hostHealth')).toBe(1);
    detach();
    expect(client.connectionListenerCount()).toBe(0);
    expect(client.subscriberCount('hostHealth')).toBe(0);
    client.setConnection('closed');
    expect(shell().connection).toBe('connecting');
  });
});

describe('shell slice: system status', () => {
  it('waits for the link to open before asking for the store', async () => {
    shell().attach();
    expect(client.callsOf('getSystemStatus')).toHaveLength(0);
    expect(shell().system.status).toBe('idle');
    client.setConnection('open');
    expect(shell().system.status).toBe('loading');
    await Promise.resolve();
    expect(shell().system).toEqual({ status: 'ready', data: sampleSystemStatus() });
  });

  it('asks at once when the client is already open at attach', async () => {
    client.connection = 'open';
    shell().attach();
    expect(client.callsOf('getSystemStatus')).toHaveLength(1);
  });

  it('asks only once while connected, not on every reconnect', async () => {
    shell().attach();
    client.setConnection('open');
    await Promise.resolve();
    client.setConnection('closed');
    client.setConnection('open');
    expect(client.callsOf('getSystemStatus')).toHaveLength(1);
  });

  it('keeps the error, then retries on the next reconnect', async () => {
    client.answer('getSystemStatus', () => {
      throw new ApiError('internal', 'database is locked');
    });
    shell().attach();
    client.setConnection('open');
    await Promise.resolve();
    expect(shell().system).toEqual({ status: 'error', error: { code: 'internal', message: 'database is locked' } });

    client.answer('getSystemStatus', () => sampleSystemStatus());
    client.setConnection('closed');
    client.setConnection('open');
    await Promise.resolve();
    expect(shell().system.status).toBe('ready');
  });

  it('ignores an answer that arrives after a newer request', async () => {
    const slow = deferred<SystemStatus>();
    client.answer('getSystemStatus', () => slow.promise);
    const first = shell().loadSystemStatus();
    client.answer('getSystemStatus', () => ({ ...sampleSystemStatus(), version: 'newer' }));
    await shell().loadSystemStatus();
    slow.resolve({ ...sampleSystemStatus(), version: 'older' });
    await first;
    const system = shell().system;
    expect(system.status === 'ready' && system.data.version).toBe('newer');
  });
});

describe('shell slice: host health', () => {
  it('has no report until the host sends one', () => {
    shell().attach();
    expect(shell().health).toBeNull();
  });

  it('keeps the latest pushed report', () => {
    shell().attach();
    client.push('hostHealth', sampleHostHealth());
    client.push('hostHealth', { ...sampleHostHealth(), clients: 5 });
    expect(shell().health?.clients).toBe(5);
  });

  it('receiveHealth stores a report without a transport', () => {
    shell().receiveHealth(sampleHostHealth());
    expect(shell().health).toEqual(sampleHostHealth());
  });
});

describe('shell slice: reset', () => {
  it('returns to the first state, taking the client’s current connection', async () => {
    shell().attach();
    client.setConnection('open');
    await Promise.resolve();
    client.push('hostHealth', sampleHostHealth());
    shell().reset();
    expect(shell()).toMatchObject(initialShellState('open'));
  });

  it('drops an answer that was still on its way', async () => {
    const slow = deferred<SystemStatus>();
    client.answer('getSystemStatus', () => slow.promise);
    const pending = shell().loadSystemStatus();
    shell().reset();
    slow.resolve(sampleSystemStatus());
    await pending;
    expect(shell().system.status).toBe('idle');
  });
});
