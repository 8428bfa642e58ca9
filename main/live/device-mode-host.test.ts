// `walkout serve --devices`, end to end below the API: byte-level fake shelf controller and POS scale
// on a fake HID bus; everything above the bytes is the real code, in-process instead of across the
// worker thread (the same messages, structured-cloned): supervisor, device feed, plate signal, input
// queue, live pipeline (input log and decisions in a real SQLite file, the engine), the worker loop,
// the host's link, and the restock and devices services as create-app builds them. Covers the
// Restock view on real devices, restock mode surviving a host restart, tare refused on a loaded plate
// outside restock mode, and zeroing a POS scale.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeHidBus } from '../../native-bridge/hid/fake-hid-bus';
import { FakePosScale } from '../../native-bridge/hid/fake-pos-scale';
import type { FakeShelfController } from '../../native-bridge/hid/fake-shelf-controller';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { ShelfEventDecision } from '../engine/decisions';
import { readRecording } from '../recording';
import { testStore } from '../engine/shelves/test-store';
import { createDevicesService, type DevicesService } from '../services/devices-service';
import { createRestockService, type RestockService } from '../services/restock-service';
import { fakeHid, noisyShelfController, runControllerFor, startInProcessLive } from './test-support/live-harness';

const DIGESTIVES_G = 421.3; // BIS-0003
const CRISPS_G = 157.5; // CRI-0001
const MUFFINS_G = 293.9; // CAK-0011
const store = testStore([
  {
    id: 'F1',
    shelves: [
      {
        id: 'F1-S1',
        controller: 'SHC-0001',
        plates: [
          { id: 'P1', sku: 'BIS-0003', capacity: 10, threshold: 2 },
          { id: 'P2', sku: 'CRI-0001', capacity: 10, threshold: 2 },
        ],
      },
    ],
  },
  { id: 'F2', shelves: [{ id: 'F2-S1', controller: 'SCALE-0001', plates: [{ id: 'P9', sku: 'CAK-0011', capacity: 8, threshold: 1 }] }] },
]);

const periodMs = 20; // the controller samples at 50 Hz

/** One start of the host: the worker loop with its own database connection, the host's link and services. */
interface Host {
  restock: RestockService;
  devices: DevicesService;
  stop(): Promise<void>;
}

let dbPath: string;
let db: StoreDatabase;
let bus: FakeHidBus;
let controller: FakeShelfController;
let scale: FakePosScale;
let host: Host | undefined;

async function startHost(): Promise<Host> {
  const live = await startInProcessLive({ store, dbPath, openHid: fakeHid(bus) });
  const { link } = live;
  // As create-app wires them.
  const restock = createRestockService({ store, db, live: link });
  const devices = createDevicesService({ store, db, shelves: link.shelves, source: link.source, restocking: () => link.stock()?.restocking.map((h) => h.fixture) ?? [] });
  return {
    restock,
    devices,
    async stop() {
      devices.dispose();
      await live.stop();
    },
  };
}

/** Lets `ms` of wall time pass: the controller latches a sample set every period, the live runner ticks every 100 ms. */
const run = (ms: number, shape?: (elapsedMs: number) => void) => runControllerFor(controller, ms, { periodMs, shape });

const shelfEvents = (plate: string) =>
  db.decisions
    .list({ kinds: ['shelf-event'] })
    .map((d) => JSON.parse(d.json) as ShelfEventDecision)
    .filter((e) => e.plates.includes(plate));

const fixture = (id: string) => host!.restock.overview().fixtures.find((f) => f.id === id)!;
const plateView = (id: string) =>
  host!.devices
    .overview()
    .fixtures.flatMap((f) => f.shelves.flatMap((s) => s.plates))
    .find((p) => p.id === id)!;

beforeEach(async () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 4, 6, 10, 0, 0) });
  dbPath = tempDbPath();
  db = openStoreDatabase(dbPath, { storeId: store.layout.id });
  bus = new FakeHidBus();
  controller = noisyShelfController({ serial: 'SHC-0001', channels: 2, sampleRateHz: 50, seed: 11 });
  controller.setGrams(0, 2 * DIGESTIVES_G);
  controller.setGrams(1, 4 * CRISPS_G);
  scale = new FakePosScale('SCALE-0001');
  bus.plug(controller);
  bus.plug(scale);
  host = await startHost();
  await run(100);
  scale.place(3 * MUFFINS_G); // a scale reports when its load changes
  await run(8000); // the plates settle and the engine learns their noise
});

afterEach(async () => {
  await host?.stop();
  host = undefined;
  db.close();
  vi.useRealTimers();
});

describe('the Restock view with real shelf devices', () => {
  it('lists the low plate from the devices’ weights, acknowledges it, and restock mode charges a fill to nobody', async () => {
    const overview = host!.restock.overview();
    expect(overview).toMatchObject({ source: 'devices', plates: { total: 3, known: 3 } });
    expect(overview.alerts).toEqual([expect.objectContaining({ plate: 'P1', fixture: 'F1', units: 2, threshold: 2 })]);

    const acked = host!.restock.acknowledge({ plate: 'P1', since: overview.alerts[0]!.since, note: 'crate on its way' }, 'mgr');
    expect(acked.acknowledged).toMatchObject({ by: 'mgr', note: 'crate on its way' });

    expect(await host!.restock.setMode({ fixture: 'F1', on: true, note: 'morning fill' }, 'mgr')).toMatchObject({ id: 'F1', restocking: true, restockingBy: ['mgr'] });
    await run(600, (t) => controller.setGrams(0, t < 300 ? 2 * DIGESTIVES_G + 150 : 8 * DIGESTIVES_G));
    await run(4000);
    const [fill] = shelfEvents('P1');
    expect(fill).toMatchObject({ sessionId: 'nobody' });
    expect(fill!.hypotheses[0]).toMatchObject({ sku: 'BIS-0003', quantity: -6 });
    expect(host!.restock.overview().alerts).toEqual([]);

    expect((await host!.restock.setMode({ fixture: 'F1', on: false, note: '' }, 'mgr')).restocking).toBe(false);
    expect(db.audit.list({ limit: 5 }).map((e) => e.action)).toEqual(['restock-mode.end', 'restock-mode.start', 'restock-alert.acknowledge']);
  });
});

describe('restock mode across a host restart', () => {
  it('is switched back on at start as it was left, shown as restored, audited, and still charges staff work to nobody', async () => {
    await host!.restock.setMode({ fixture: 'F1', on: true, note: 'night fill' }, 'mgr');
    const onSince = fixture('F1').restockingSince!;
    await run(1000);
    await host!.stop();

    host = await startHost();
    await run(2000);
    expect(fixture('F1')).toMatchObject({ restocking: true, restockingBy: ['mgr'], restockingSince: onSince, restoredAt: expect.any(Number) });
    expect(fixture('F2')).toMatchObject({ restocking: false });
    expect(fixture('F2').restoredAt).toBeUndefined();
    const [restore] = db.audit.list({ limit: 1 });
    expect(restore).toMatchObject({ actor: 'walkout', action: 'restock-mode.restore', subject: 'fixture:F1', before: { restocking: false }, after: { restocking: true, actors: ['mgr'], onSinceMs: onSince } });
    // Recorded like the staff action it stands for, so a replay of this run agrees.
    const run2 = db.liveRuns.get(2)!;
    const staff = [...readRecording(db, { fromMs: run2.firstInputMs!, kinds: ['staff-action'] })];
    expect(staff).toEqual([expect.objectContaining({ actor: 'mgr', action: 'restock-start', fixture: 'F1', t: run2.firstInputMs })]);

    // Staff still at work after the restart: their fill is charged to nobody.
    await run(600, (t) => controller.setGrams(0, t < 300 ? 2 * DIGESTIVES_G + 150 : 5 * DIGESTIVES_G));
    await run(4000);
    expect(shelfEvents('P1').at(-1)).toMatchObject({ sessionId: 'nobody' });

    // The one who switched it on switches it off; the next start leaves it off.
    await host.restock.setMode({ fixture: 'F1', on: false, note: 'done' }, 'mgr');
    expect(fixture('F1')).toMatchObject({ restocking: false });
    await host.stop();
    host = await startHost();
    await run(2000);
    expect(fixture('F1')).toMatchObject({ restocking: false });
    expect(db.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'restock-mode.end', actor: 'mgr' });
  });
});

describe('tare, calibrate and zero on real devices', () => {
  it('refuses to tare a loaded plate outside restock mode; in restock mode the step is a staff event', async () => {
    await expect(host!.devices.tare({ plate: 'P2', reason: 'new tray' }, 'mgr')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^plate P2: tare: the plate reads 6[23]\d\.\d g, not empty\./),
    });
    await expect(host!.devices.calibrate({ plate: 'P2', knownGrams: 630, reason: '' }, 'mgr')).rejects.toMatchObject({ message: expect.stringMatching(/switch restock mode on at F1 first$/) });
    expect(db.plateCalibrations.all()).toEqual([]);

    await host!.restock.setMode({ fixture: 'F1', on: true, note: 'new tray on P2' }, 'mgr');
    expect(host!.devices.overview().fixtures.find((f) => f.id === 'F1')).toMatchObject({ restocking: true });
    const tared = await host!.devices.tare({ plate: 'P2', reason: 'new tray' }, 'mgr');
    expect(Math.abs(tared.grams!)).toBeLessThan(1);
    await run(4000);
    expect(Math.abs(plateView('P2').grams!)).toBeLessThan(2);
    // The engine saw the plate drop to zero: a shelf event, charged to nobody.
    expect(shelfEvents('P2')).toEqual([expect.objectContaining({ sessionId: 'nobody' })]);
    expect(shelfEvents('P2')[0]!.deltaGrams[0]).toBeCloseTo(-4 * CRISPS_G, -1);
  });

  it('zeroes the POS scale behind a plate, audited, only when the step is safe', async () => {
    await expect(host!.devices.zeroScale({ plate: 'P1', reason: '' }, 'mgr')).rejects.toMatchObject({ message: 'plate P1 is weighed by shelf controller SHC-0001, which has no zero command (use Tare)' });
    await expect(host!.devices.zeroScale({ plate: 'P9', reason: 'drift' }, 'mgr')).rejects.toMatchObject({ message: expect.stringMatching(/^plate P9: zero: the plate reads 88\d\.\d g, not empty/) });
    expect(scale.zeroCommands).toBe(0);

    // A host tare left an offset on the scale's plate: zeroing the scale itself clears it.
    await host!.restock.setMode({ fixture: 'F2', on: true, note: 'service the scale' }, 'mgr');
    await host!.devices.tare({ plate: 'P9', reason: 'tray' }, 'mgr');
    expect(db.plateCalibrations.get('P9')!.offset).toBeCloseTo(3 * MUFFINS_G, 0);
    const zeroed = await host!.devices.zeroScale({ plate: 'P9', reason: 'zero the scale itself' }, 'mgr');
    expect(scale.zeroCommands).toBe(1);
    expect(zeroed).toMatchObject({ grams: null, calibration: { offset: 0, scale: 1, source: 'database' } });
    await run(3000);
    expect(Math.abs(plateView('P9').grams!)).toBeLessThan(1);
    const [cleared, zero] = db.audit.list({ limit: 2 });
    expect(zero).toMatchObject({ actor: 'mgr', action: 'device.zero', subject: 'device:SCALE-0001', reason: 'zero the scale itself', after: { plate: 'P9', zeroed: true } });
    expect(cleared).toMatchObject({ action: 'plate.tare', subject: 'plate:P9', reason: 'host offset cleared: scale SCALE-0001 was zeroed on the device', after: { offset: 0, scale: 1 } });
    expect(db.audit.verify()).toMatchObject({ ok: true });

    // Outside restock mode, a scale that drifted a gram off zero may be zeroed: the step is below what the engine records.
    await host!.restock.setMode({ fixture: 'F2', on: false, note: '' }, 'mgr');
    scale.place(3 * MUFFINS_G - 1);
    await run(3000);
    await host!.devices.zeroScale({ plate: 'P9', reason: 'drift' }, 'mgr');
    expect(scale.zeroCommands).toBe(2);
  });

  it('says why a scale cannot be zeroed when it is unplugged', async () => {
    bus.unplug(scale);
    await run(1500);
    await expect(host!.devices.zeroScale({ plate: 'P9', reason: '' }, 'mgr')).rejects.toMatchObject({ code: 'conflict', message: 'plate P9: scale SCALE-0001 is not connected' });
  });
});
