// The "done when": a real-device store runs through the same input log and engine as the
// simulator, and a controller unplugged in the middle of a pick and plugged back in does not lose
// the pick. Byte-level fake controller on a fake HID bus; everything above the bytes is the real
// code: supervisor (hot-plug, backoff), device feed, calibration, input queue, live pipeline (input
// log in SQLite, engine with its shelf stage).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHidBus } from '../../../native-bridge/hid/fake-hid-bus';
import type { FakeShelfController } from '../../../native-bridge/hid/fake-shelf-controller';
import { openStoreDatabase, type StoreDatabase } from '../../db';
import { tempDbPath } from '../../db/test-support';
import type { EngineDecision, ShelfEventDecision } from '../../engine/decisions';
import { testStore } from '../../engine/shelves/test-store';
import { createLivePipeline, type LivePipeline } from '../../live/live-pipeline';
import { noisyShelfController, runControllerFor } from '../../live/test-support/live-harness';
import { buildChannelMap } from './channel-map';
import { DeviceInputQueue } from './device-input-queue';
import { PlateSignal } from './plate-signal';
import { startShelfDevices, type ShelfDevices } from './shelf-devices';

const DIGESTIVES_G = 421.3; // BIS-0003
const store = testStore([
  {
    id: 'F1',
    shelves: [
      {
        id: 'F1-S1',
        controller: 'SHC-0001',
        plates: [
          { id: 'P1', sku: 'BIS-0003' },
          { id: 'P2', sku: 'CRI-0001' },
          { id: 'P3', sku: 'CRI-0006' },
        ],
      },
    ],
  },
]);

const rateHz = 50;
const periodMs = 1000 / rateHz;

let bus: FakeHidBus;
let controller: FakeShelfController;
let db: StoreDatabase;
let pipeline: LivePipeline;
let devices: ShelfDevices;
let queue: DeviceInputQueue;
let decisions: EngineDecision[];

beforeEach(async () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 4, 6, 10, 0, 0) });
  bus = new FakeHidBus();
  controller = noisyShelfController({ serial: 'SHC-0001', channels: 3, sampleRateHz: rateHz, seed: 7 });
  controller.setGrams(0, 5 * DIGESTIVES_G);
  controller.setGrams(1, 4 * 157.5);
  controller.setGrams(2, 6 * 105.3);
  db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
  decisions = [];
  pipeline = createLivePipeline({ store, db, storeKey: new Uint8Array(32), source: 'devices', speed: 1, onDecision: (d) => decisions.push(d) });
  const now = () => Date.now();
  queue = new DeviceInputQueue(now, 300);
  const signal = new PlateSignal(buildChannelMap(store), { fallback: null });
  devices = await startShelfDevices(bus, signal, (input) => queue.push(input), { now, supervisor: { now, backoff: { initialMs: 500, maxMs: 4000, factor: 2 } } });
});

afterEach(async () => {
  await devices?.stop();
  db.close();
  vi.useRealTimers();
});

/** Lets `ms` of wall time pass, a sample set every period; the live runner ticks every 100 ms (5 periods). */
async function run(ms: number, shape?: (tMs: number) => void): Promise<void> {
  await runControllerFor(controller, ms, {
    periodMs,
    shape,
    afterPeriod: (index) => {
      if (index % 5 !== 4) return;
      const reached = queue.pump(0, (input) => pipeline.push(input));
      pipeline.advance(reached);
    },
  });
}

const shelfEvents = () => decisions.filter((d): d is ShelfEventDecision => d.kind === 'shelf-event');

describe('a controller unplugged and re-plugged mid-event', () => {
  it('still yields the pick, with the right weight change, after it reconnects', async () => {
    bus.plug(controller);
    await vi.advanceTimersByTimeAsync(0);
    expect(devices.supervisor.states()).toEqual([expect.objectContaining({ serial: 'SHC-0001', state: 'online' })]);
    await run(8000); // the plates settle and the engine learns their noise

    // A hand presses on P1 and lifts one packet; the plate is still swinging when the cable comes out.
    const full = 5 * DIGESTIVES_G;
    await run(600, (t) => controller.setGrams(0, t < 300 ? full + 60 : full - DIGESTIVES_G + 35 * Math.sin(t / 30)));
    bus.unplug(controller, 'USB device removed');
    expect(devices.supervisor.states()[0]).toMatchObject({ state: 'offline' });
    // While it is away the plate comes to rest one packet lighter; nobody hears it.
    controller.setGrams(0, full - DIGESTIVES_G);
    await run(2500);
    expect(shelfEvents()).toEqual([]);

    // Plugged back in (on another port): found at once by its serial number, reopened, streaming.
    bus.plug(controller);
    await run(5000);
    expect(devices.supervisor.states()[0]).toMatchObject({ state: 'online', attempts: 0 });

    const events = shelfEvents();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.plates).toEqual(['P1']);
    expect(event!.deltaGrams[0]).toBeCloseTo(-DIGESTIVES_G, -0.5); // within ±1.6 g
    expect(event!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: 1 });
    expect(event!.startMs).toBeLessThan(Date.UTC(2026, 4, 6, 10, 0, 8, 500));

    // The same path as the simulator's: every input went into the store's input log.
    pipeline.close();
    const kinds = new Set([...db.inputLog.readRange(0, Number.MAX_SAFE_INTEGER)].map((b) => b.kind));
    expect(kinds).toEqual(new Set(['plate-samples', 'device-status']));
    expect(queue.late).toBe(0);
  });

  it('detects nothing when a re-plug finds the shelf as it was', async () => {
    bus.plug(controller);
    await run(6000);
    bus.unplug(controller);
    await run(3000);
    bus.plug(controller);
    await run(4000);
    expect(shelfEvents()).toEqual([]);
  });
});
