// The devices service against the real worker-side shelves module, wired back to back without the
// thread (the messages are the same objects the worker would post): status reports, live weights,
// tare and calibrate with their audit entries, alerts, and the refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShelfWeightsFrame } from '../../native-bridge/contract/devices';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { EngineInput } from '../engine/inputs';
import { testStore } from '../engine/shelves/test-store';
import { createLiveShelves, type LiveShelves } from '../devices/shelves/live-shelves';
import { createShelvesLink } from './devices-live-link';
import { createDevicesService, type DevicesService } from './devices-service';

const store = testStore([{ id: 'F1', shelves: [{ id: 'F1-S1', controller: 'SHC-1', plates: [{ id: 'P1', sku: 'BIS-0003' }, { id: 'P2', sku: 'CRI-0001' }] }] }]);
const T0 = Date.UTC(2026, 4, 6, 9, 0, 0);

let db: StoreDatabase;
let shelves: LiveShelves;
let service: DevicesService;
let frames: ShelfWeightsFrame[];
let wall: number;
let restocking: string[];

beforeEach(() => {
  db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
  frames = [];
  wall = 0;
  restocking = [];
  const link = createShelvesLink((m) => shelves.handle(m), (frame) => frames.push(frame));
  shelves = createLiveShelves(store, db, (m) => link.handle(m), 'simulator');
  service = createDevicesService({ store, db, shelves: link, source: 'simulator', restocking: () => restocking, now: () => T0 + wall });
});

afterEach(() => {
  service.dispose();
  db.close();
});

/** `seconds` of 10 Hz samples per plate (grams from `level`, ±0.5 g wobble), through the worker side, with a tick each second. */
function simulate(from: number, seconds: number, level: Record<string, (t: number) => number>): void {
  const inputs: EngineInput[] = [];
  for (let s = 0; s < seconds; s++) {
    for (const [plate, f] of Object.entries(level)) {
      const t0 = T0 + (from + s) * 1000;
      inputs.push({ kind: 'plate-samples', plate, t0, dt: 100, grams: Float32Array.from({ length: 10 }, (_, i) => f(t0 + i * 100) + (i % 2 ? 0.5 : -0.5)) });
    }
  }
  let second = from;
  for (const input of shelves.simulated(inputs)) {
    const t = input.kind === 'plate-samples' ? input.t0 : 0;
    if (t >= T0 + (second + 1) * 1000) {
      second++;
      wall += 1000;
      shelves.tick(t, wall);
    }
  }
  wall += 1000;
  shelves.tick(T0 + (from + seconds) * 1000, wall);
}

const plate = (id: string) => service.overview().fixtures[0]!.shelves[0]!.plates.find((p) => p.id === id)!;

describe('devices service', () => {
  it('lists every plate with its live status, weight and product', () => {
    simulate(0, 5, { P1: () => 2106.5, P2: () => 630 });
    const overview = service.overview();
    expect(overview).toMatchObject({ source: 'simulator', at: T0 + 5000, counts: { online: 2, offline: 0 } });
    expect(plate('P1')).toMatchObject({ status: 'online', device: 'SHC-1', channel: 0, sku: 'BIS-0003', productName: expect.stringMatching(/Digestive/), calibration: { offset: 0, scale: 1, source: 'simulator' } });
    expect(plate('P1').grams).toBeCloseTo(2106.5, 0);
    expect(overview.devices).toEqual([{ serial: 'SHC-1', kind: 'simulated', state: 'online', detail: 'simulated controller reporting', plates: 2 }]);
  });

  it('tares and calibrates a plate from its live reading in restock mode, audited, and the new grams flow at once', async () => {
    simulate(0, 3, { P1: () => 812, P2: () => 0 });
    restocking = ['F1'];
    expect(service.overview().fixtures[0]!.restocking).toBe(true);
    const tared = await service.tare({ plate: 'P1', reason: 'empty tray installed' }, 'mgr');
    // The simulated load cell's scale (1 g per raw unit) is kept; only its zero moves.
    expect(tared.calibration).toMatchObject({ source: 'database', scale: 1, updatedBy: 'mgr' });
    expect(tared.calibration.offset).toBeCloseTo(812, 0);
    expect(Math.abs(tared.grams!)).toBeLessThan(1);
    simulate(3, 3, { P1: () => 812 + 500, P2: () => 0 });
    const spanned = await service.calibrate({ plate: 'P1', knownGrams: 520, reason: 'reference weight 520 g' }, 'mgr');
    expect(spanned.calibration.scale).toBeCloseTo(520 / 500, 3);
    simulate(6, 2, { P1: () => 812 + 250, P2: () => 0 });
    expect(plate('P1').grams).toBeCloseTo(260, 0);

    const [span, tare] = db.audit.list({ limit: 10, subject: 'plate:P1' });
    expect(tare).toMatchObject({ actor: 'mgr', action: 'plate.tare', reason: 'empty tray installed', before: { offset: 0, scale: 1, source: 'simulator' } });
    expect(span).toMatchObject({ action: 'plate.calibrate', after: { knownGrams: 520 } });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 2 });
    expect(db.plateCalibrations.get('P1')).toMatchObject({ action: 'span', knownGrams: 520, updatedBy: 'mgr' });
  });

  it('refuses to tare a loaded plate or to calibrate outside restock mode, saying why, and changes nothing', async () => {
    simulate(0, 3, { P1: () => 812, P2: () => 0 });
    const loaded = service.tare({ plate: 'P1', reason: '' }, 'mgr');
    await expect(loaded).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^plate P1: tare: the plate reads 812\.\d g, not empty\..*switch restock mode on at F1/) });
    simulate(3, 3, { P1: () => 812, P2: () => 500 });
    await expect(service.calibrate({ plate: 'P2', knownGrams: 500, reason: '' }, 'mgr')).rejects.toMatchObject({ message: expect.stringMatching(/^plate P2: calibrate: .*switch restock mode on at F1 first$/) });
    expect(db.plateCalibrations.all()).toEqual([]);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('tares an empty plate outside restock mode when the step is below what the engine records', async () => {
    simulate(0, 3, { P1: () => 812, P2: () => 1.2 });
    const tared = await service.tare({ plate: 'P2', reason: 'zero drift' }, 'mgr');
    expect(tared.calibration.offset).toBeCloseTo(1.2, 0);
    expect(service.overview().emptyToleranceG).toBe(2);
  });

  it('refuses to tare a plate that is moving, and changes nothing', async () => {
    simulate(0, 3, { P1: (t) => 800 + 60 * Math.sin(t / 50), P2: () => 0 });
    await expect(service.tare({ plate: 'P1', reason: '' }, 'mgr')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^plate P1: tare: the plate is moving/) });
    expect(db.plateCalibrations.all()).toEqual([]);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('streams the watched shelf’s weights, and only while watched', () => {
    simulate(0, 2, { P1: () => 100, P2: () => 200 });
    expect(frames).toEqual([]);
    service.watchShelf('F1-S1');
    simulate(2, 2, { P1: () => 100, P2: () => 200 });
    const last = frames.at(-1)!;
    expect(last.shelf).toBe('F1-S1');
    expect(last.plates.map((p) => p.plate)).toEqual(['P1', 'P2']);
    expect(last.plates[1]!.grams.filter((g) => g !== null).every((g) => Math.abs(g! - 200) < 1)).toBe(true);
    const count = frames.length;
    wall += 20_000; // the lease runs out without renewal
    simulate(4, 3, { P1: () => 100, P2: () => 200 });
    expect(frames.length).toBe(count);
  });

  it('raises an alert for a plate that stays offline, and clears it when it reports again', () => {
    simulate(0, 15, { P1: () => 100 });
    expect(service.overview().alerts).toEqual([expect.objectContaining({ subject: 'plate:P2', status: 'offline', detail: 'no samples yet' })]);
    simulate(15, 2, { P1: () => 100, P2: () => 50 });
    expect(service.overview().alerts).toEqual([]);
    expect(db.deviceAlerts.recent(5)).toEqual([expect.objectContaining({ subject: 'plate:P2', clearedMs: expect.any(Number) })]);
  });
});
