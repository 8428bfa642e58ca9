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

    it('signs the local operator in as manager where the host needs no login', async () => {
      const who = await harness().client.call('whoAmI', {});
      expect(who.loginRequired).toBe(false);
      expect(who.caller).toMatchObject({ role: 'manager', via: 'local' });
    });

    it('answers getFloorPlan with the layout and every camera projected onto the floor', async () => {
      const plan = await harness().client.call('getFloorPlan', {});
      expect(plan.layout.fixtures.length).toBe(plan.counts.fixtures);
      expect(plan.cameras.length).toBe(plan.counts.cameras);
      expect(plan.cameras.every((camera) => camera.fieldOfView.length >= 3)).toBe(true);
    });

    it('answers getRestock without a live feed: every fixture listed, no alerts, source none', async () => {
      const restock = await harness().client.call('getRestock', {});
      expect(restock).toMatchObject({ source: 'none', t: null, alerts: [] });
      expect(restock.fixtures.length).toBeGreaterThan(0);
      expect(restock.fixtures.every((f) => !f.restocking && f.low === 0)).toBe(true);
    });

    it('refuses restock actions with bad input, an unknown fixture, or no live engine to tell', async () => {
      const bad = await rejection(harness().client.call('acknowledgeRestockAlert', { plate: '../etc', since: Number.NaN } as never));
      expect(bad.code).toBe('invalid_input');
      expect(bad.issues?.map((i) => i.path).sort()).toEqual(['plate', 'since']);
      const unknown = await rejection(harness().client.call('setRestockMode', { fixture: 'no-such-fixture', on: true }));
      expect(unknown.code).toBe('not_found');
      const { fixtures } = await harness().client.call('getRestock', {});
      const noLive = await rejection(harness().client.call('setRestockMode', { fixture: fixtures[0]!.id, on: true }));
      expect(noLive.code).toBe('conflict');
      expect(noLive.message).toMatch(/no live feed/);
    });

    it('refuses an ID check with malformed input, and a well-formed one when no live engine runs', async () => {
      const bad = await rejection(harness().client.call('confirmAgeCheck', { sessionId: 'S1; DROP', note: 'x'.repeat(501) }));
      expect(bad.code).toBe('invalid_input');
      expect(bad.issues?.map((i) => i.path).sort()).toEqual(['note', 'sessionId']);
      const extra = await rejection(harness().client.call('confirmAgeCheck', { sessionId: 'S1', by: 'someone-else' } as never));
      expect(extra.code).toBe('invalid_input');
      const noLive = await rejection(harness().client.call('confirmAgeCheck', { sessionId: 'S1', note: 'passport' }));
      expect(noLive.code).toBe('conflict');
      expect(noLive.message).toMatch(/no live feed/);
    });

    it('answers getDevices without a live feed: every shelf and plate listed, offline, saying why', async () => {
      const devices = await harness().client.call('getDevices', {});
      expect(devices).toMatchObject({ source: 'none', at: null, drivers: [], problems: [] });
      const plates = devices.fixtures.flatMap((f) => f.shelves.flatMap((s) => s.plates));
      expect(plates).toHaveLength(1362);
      expect(devices.counts.offline).toBe(1362);
      expect(plates[0]).toMatchObject({ id: 'G01-F1-01', device: 'SHC-0001', channel: 0, status: 'offline', detail: expect.stringMatching(/^no live feed/) });
      expect(devices.devices[0]).toMatchObject({ serial: 'SHC-0001', kind: 'simulated', state: 'offline' });
    });

    it('refuses plate actions with bad input, an unknown plate or shelf, or no live reading to calibrate from', async () => {
      const bad = await rejection(harness().client.call('calibratePlate', { plate: 'G01-F1-01', knownGrams: -5 }));
      expect(bad.code).toBe('invalid_input');
      expect(bad.issues?.map((i) => i.path)).toEqual(['knownGrams']);
      const injected = await rejection(harness().client.call('tarePlate', { plate: "x'; DROP TABLE plate_calibrations; --" }));
      expect(injected.code).toBe('invalid_input');
      const unknown = await rejection(harness().client.call('tarePlate', { plate: 'NO-SUCH-PLATE' }));
      expect(unknown.code).toBe('not_found');
      const shelf = await rejection(harness().client.call('watchShelfWeights', { shelf: 'NO-SUCH-SHELF' }));
      expect(shelf.code).toBe('not_found');
      expect(await harness().client.call('watchShelfWeights', { shelf: 'G01-F1' })).toEqual({ shelf: 'G01-F1', leaseMs: 15_000 });
      const noLive = await rejection(harness().client.call('tarePlate', { plate: 'G01-F1-01', reason: 'empty plate' }));
      expect(noLive.code).toBe('conflict');
      expect(noLive.message).toMatch(/without a live feed/);
      const noScale = await rejection(harness().client.call('zeroScale', { plate: 'G01-F1-01', reason: 'drift' }));
      expect(noScale.code).toBe('conflict');
      expect(noScale.message).toMatch(/cannot be zeroed without a live feed/);
    });

    it('answers listCameras with every camera, simulated on the demo store, and its field of view', async () => {
      const overview = await harness().client.call('listCameras', {});
      const plan = await harness().client.call('getFloorPlan', {});
      expect(overview.cameras.map((c) => c.id)).toEqual(plan.cameras.map((c) => c.id));
      expect(overview.cameras.every((c) => c.status.state === 'simulated' && c.fieldOfView.length >= 3)).toBe(true);
      expect(overview.detector.state).toBe('idle');
      expect(await harness().client.call('getCameraStill', { cameraId: 'cam-01' })).toBeNull();
    });

    it('refuses camera sources ffmpeg must not be handed, unknown cameras and degenerate calibrations', async () => {
      const reason = 'contract test';
      for (const source of [
        { kind: 'rtsp', url: 'concat:/etc/passwd' },
        { kind: 'file', url: 'relative/clip.mp4' },
        { kind: 'v4l2', url: '/etc/passwd' },
        { kind: 'http', url: 'http://example.com/x.mp4' },
      ]) {
        const bad = await rejection(harness().client.call('setCameraSource', { cameraId: 'cam-01', source, reason } as never));
        expect(bad.code).toBe('invalid_input');
      }
      const missing = await rejection(harness().client.call('setCameraSource', { cameraId: 'cam-01', source: { kind: 'file', url: '/no/such/clip.mp4' }, reason }));
      expect(missing.message).toBe('no video file at /no/such/clip.mp4 on the computer running Walkout');
      const unknown = await rejection(harness().client.call('getCameraStill', { cameraId: 'cam-99' }));
      expect(unknown.code).toBe('not_found');
      const three = await rejection(harness().client.call('fitCameraHomography', { cameraId: 'cam-01', pairs: [{ image: [0, 0], floor: [0, 0] }] }));
      expect(three.issues?.map((i) => i.path)).toEqual(['pairs']);
      const line = [0, 1, 2, 3].map((i) => ({ image: [100 + 100 * i, 100 + 50 * ((i * i) % 3)] as [number, number], floor: [i, i] as [number, number] }));
      const degenerate = await rejection(harness().client.call('fitCameraHomography', { cameraId: 'cam-01', pairs: line }));
      expect(degenerate).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/lie on one line/) });
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

    it('refuses getLiveSession without a well-formed session id', async () => {
      const missing = await rejection(harness().client.call('getLiveSession', {} as never));
      expect(missing.code).toBe('invalid_input');
      const forged = await rejection(harness().client.call('getLiveSession', { sessionId: '../../etc/passwd' }));
      expect(forged.code).toBe('invalid_input');
      expect(forged.message).toContain('sessionId');
    });

    it('answers getLiveSession with not_found, saying why, on a host without a live feed', async () => {
      const error = await rejection(harness().client.call('getLiveSession', { sessionId: 'S1' }));
      expect(error.code).toBe('not_found');
      expect(error.message).toMatch(/no live feed/);
    });

    it('answers the review queue and the audit check on a fresh store, and not_found for an unknown session', async () => {
      const h = harness();
      expect(await h.client.call('getReviewQueue', {})).toEqual({ items: [], total: 0 });
      expect(await h.client.call('verifyAuditChain', {})).toMatchObject({ ok: true });
      const missing = await rejection(h.client.call('getReviewSession', { sessionId: 'r1.S999' }));
      expect(missing.code).toBe('not_found');
    });

    it('refuses malformed corrections: a client-supplied event effect, an "other" reason with no note, a bad session key', async () => {
      const h = harness();
      const forged = await rejection(
        h.client.call('correctCart', {
          sessionId: 'r1.S1',
          action: { type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: 'nobody', items: [{ sku: 'X', quantity: -9 }] },
          reason: 'wrong-shopper',
          note: '',
        } as never),
      );
      expect(forged.code).toBe('invalid_input');
      const noNote = await rejection(h.client.call('correctCart', { sessionId: 'r1.S1', action: { type: 'add-line', sessionId: 'r1.S1', sku: 'X', quantity: 1 }, reason: 'other', note: ' ' }));
      expect(noNote.issues?.map((i) => i.path)).toContain('note');
      const badKey = await rejection(h.client.call('getSessionReplay', { sessionId: "S1'; DROP TABLE decisions" }));
      expect(badKey.code).toBe('invalid_input');
    });

    it('refuses a waiver without a note or with a made-up reason, and answers not_found for an unknown session', async () => {
      const h = harness();
      const noNote = await rejection(h.client.call('waiveSession', { sessionId: 'r1.A1', reason: 'no-account', note: '  ' }));
      expect(noNote.code).toBe('invalid_input');
      expect(noNote.issues?.map((i) => i.path)).toContain('note');
      const madeUp = await rejection(h.client.call('waiveSession', { sessionId: 'r1.A1', reason: 'because', note: 'x' } as never));
      expect(madeUp.code).toBe('invalid_input');
      const halfHearted = await rejection(h.client.call('waiveSession', { sessionId: 'r1.A1', reason: 'goodwill', note: 'x', waiveAccountCharge: false } as never));
      expect(halfHearted.code).toBe('invalid_input');
      const missing = await rejection(h.client.call('waiveSession', { sessionId: 'r1.A999', reason: 'no-account', note: 'tailgater' }));
      expect(missing.code).toBe('not_found');
    });

    it('answers a session search, and refuses a time range that ends before it starts', async () => {
      const h = harness();
      expect(await h.client.call('searchSessions', { text: 'r1.S1' })).toEqual({ sessions: [], matchedProducts: [], more: false });
      const backwards = await rejection(h.client.call('searchSessions', { fromMs: 2000, toMs: 1000 }));
      expect(backwards.code).toBe('invalid_input');
    });

    it('answers getAnalytics on a fresh store with an empty report, and refuses ranges that make no sense', async () => {
      const report = await harness().client.call('getAnalytics', { from: '2026-11-01', to: '2026-11-07' });
      expect(report).toMatchObject({ days: 7, dataBounds: null, footfall: { sessions: 0 }, conversion: { rate: null }, topProducts: [] });
      expect(report.footfall.byHour).toHaveLength(24);
      expect(report.heatmap.seconds).toHaveLength(report.heatmap.nx * report.heatmap.ny);
      const backwards = await rejection(harness().client.call('getAnalytics', { from: '2026-11-07', to: '2026-11-01' }));
      expect(backwards.code).toBe('invalid_input');
      expect(backwards.issues?.map((i) => i.path)).toEqual(['to']);
      const notADay = await rejection(harness().client.call('getAnalytics', { from: '2026-02-30', to: '2026-03-01' }));
      expect(notADay.issues?.map((i) => i.path)).toEqual(['from']);
      const tooLong = await rejection(harness().client.call('getAnalytics', { from: '2020-01-01', to: '2026-01-01' }));
      expect(tooLong.message).toMatch(/at most 366 days/);
    });

    it('exports an empty table as a valid file, and refuses an unknown table or format', async () => {
      const csv = await harness().client.call('exportTable', { from: '2026-11-01', to: '2026-11-01', table: 'sessions', format: 'csv' });
      expect(csv).toMatchObject({ mimeType: 'text/csv', rows: 0 });
      expect(atob(csv.base64)).toMatch(/^store,date,run_id,session_id,kind,shopper,/);
      const parquet = await harness().client.call('exportTable', { from: '2026-11-01', to: '2026-11-01', table: 'zone-visits', format: 'parquet' });
      expect(atob(parquet.base64).slice(0, 4)).toBe('PAR1');
      const bad = await rejection(harness().client.call('exportTable', { from: '2026-11-01', to: '2026-11-01', table: 'users', format: 'xlsx' } as never));
      expect(bad.code).toBe('invalid_input');
      expect(bad.issues?.map((i) => i.path).sort()).toEqual(['format', 'table']);
    });

    it('refuses a subscription to a topic that does not exist', async () => {
      const h = harness();
      const reply = h.nextRaw();
      h.sendRaw(JSON.stringify({ t: 'q', i: 'probe-1', m: 'subscribe', a: ['everything'] }));
      expect(JSON.parse(await reply)).toMatchObject({ t: 's', i: 'probe-1', e: { code: 'invalid_input' } });
    });
  });
}
