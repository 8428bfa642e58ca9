// The contract test suite: what every transport must do with the real app behind it. It runs over
// the in-memory pair and over a real WebSocket (see the two *.test.ts files that call it), so the
// transports cannot drift apart.
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiMethod, HostHealth } from '../../native-bridge/contract';
import { ApiError } from '../../native-bridge/contract';

export interface ContractHarness {
  client: ApiClient;
  /** Sends text to the server as a client would, bypassing the client library. */
  sendRaw(text: string): void;
  /** Resolves with the next raw text the server sends. */
  nextRaw(): Promise<string>;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

export function apiContractSuite(transport: string, harness: () => ContractHarness): void {
  describe(`API contract over ${transport}`, () => {
    it('answers getSystemStatus with the demo store and its database', async () => {
      const status = await harness().client.call('getSystemStatus', {});
      expect(status.store.id).toMatch(/^demo/);
      expect(status.database.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(status.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('answers getFloorPlan with the layout and every camera projected onto the floor', async () => {
      const plan = await harness().client.call('getFloorPlan', {});
      expect(plan.layout.fixtures.length).toBe(plan.counts.fixtures);
      expect(plan.cameras.length).toBe(plan.counts.cameras);
      expect(plan.cameras.every((camera) => camera.fieldOfView.length >= 3)).toBe(true);
    });

    it('refuses input that breaks the schema with invalid_input and the field path', async () => {
      const error = await rejection(harness().client.call('getFloorPlan', { extra: 1 } as never));
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('getFloorPlan');
    });

    it('refuses a method the contract does not have with unknown_method', async () => {
      const error = await rejection(harness().client.call('dropAllTables' as ApiMethod, {} as never));
      expect(error.code).toBe('unknown_method');
      expect(error.message).toContain('dropAllTables');
    });

    it('does not expose object prototype members as methods', async () => {
      const error = await rejection(harness().client.call('constructor' as ApiMethod, {} as never));
      expect(error.code).toBe('unknown_method');
    });

    it('answers text that is not JSON with malformed_message and keeps serving', async () => {
      const h = harness();
      const reply = h.nextRaw();
      h.sendRaw('{not json');
      expect(JSON.parse(await reply)).toMatchObject({ t: 'x', e: { code: 'malformed_message' } });
      await expect(h.client.call('getSystemStatus', {})).resolves.toBeTruthy();
    });

    it('answers JSON that is not an RPC frame with malformed_message', async () => {
      const h = harness();
      const reply = h.nextRaw();
      h.sendRaw(JSON.stringify({ t: 'q', m: 42, a: 'nope' }));
      const frame = JSON.parse(await reply) as { e: { code: string; message: string } };
      expect(frame.e.code).toBe('malformed_message');
      expect(frame.e.message).toMatch(/not an RPC frame/);
    });

    it('pushes hostHealth to subscribers, the first one at once', async () => {
      const h = harness();
      const received = await new Promise<HostHealth>((resolve) => {
        const stop = h.client.subscribe('hostHealth', (health) => {
          stop();
          resolve(health);
        });
      });
      expect(received.uptimeS).toBeGreaterThanOrEqual(0);
      expect(received.clients).toBeGreaterThanOrEqual(1);
      expect(received.database.sizeBytes).toBeGreaterThan(0);
    });

    it('refuses a subscription to a topic that does not exist', async () => {
      const h = harness();
      const reply = h.nextRaw();
      h.sendRaw(JSON.stringify({ t: 'q', i: 'probe-1', m: 'subscribe', a: ['everything'] }));
      expect(JSON.parse(await reply)).toMatchObject({ t: 's', i: 'probe-1', e: { code: 'invalid_input' } });
    });
  });
}
