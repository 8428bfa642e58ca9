// What the Devices view asks for: every fixture, shelf and plate with its live status and
// calibration, the weighing devices and drivers behind them, open alerts, and the plate actions
// (tare, calibrate with a known weight, zero the POS scale behind a plate). Status comes from the
// live worker's reports; alerts are kept in the database as plates go in and out of trouble; every
// action is audited with who, why, before and after, and refused while the step it makes in the
// plate's reading would be charged to a shopper (plate-step-guard.ts).
import { ApiError } from '../../native-bridge/contract/errors';
import type { DevicesOverview, PlateStatus, PlateView, WeighingDeviceView } from '../../native-bridge/contract/devices';
import type { StoreDatabase } from '../db';
import { AlertTracker } from '../devices/shelves/alert-tracker';
import { CalibrationError, isCalibrated, span, tare, toGrams } from '../devices/shelves/calibration';
import { buildChannelMap, type MappedPlate } from '../devices/shelves/channel-map';
import { EMPTY_TOLERANCE_G, plateStepRefusal, type PlateStepAction } from '../devices/shelves/plate-step-guard';
import type { PlateStatusEntry, ShelfStatusReport } from '../devices/shelves/live-shelves-messages';
import type { StoreModel } from '../store/schema';
import type { PlateReading, ShelvesLink } from './devices-live-link';

export const WATCH_LEASE_MS = 15_000;

export interface DevicesServiceDeps {
  store: StoreModel;
  db: StoreDatabase;
  /** The live worker's shelves, absent when the suite runs without a live feed. */
  shelves?: ShelvesLink;
  source: DevicesOverview['source'];
  /** Fixtures in staff restock mode now, as the live engine last reported them. */
  restocking?: () => readonly string[];
  /** Wall clock, ms (audit times, watch leases). */
  now?: () => number;
}

export interface DevicesService {
  overview(): DevicesOverview;
  watchShelf(shelf: string): { shelf: string; leaseMs: number };
  tare(input: { plate: string; reason: string }, actor: string): Promise<PlateView>;
  calibrate(input: { plate: string; knownGrams: number; reason: string }, actor: string): Promise<PlateView>;
  /** Sends Zero Scale to the POS scale that weighs the plate. */
  zeroScale(input: { plate: string; reason: string }, actor: string): Promise<PlateView>;
  dispose(): void;
}

const emptyCounts = (): Record<PlateStatus, number> => ({ online: 0, offline: 0, uncalibrated: 0, noisy: 0, drifting: 0 });

export function createDevicesService(deps: DevicesServiceDeps): DevicesService {
  const { store, db, shelves } = deps;
  const now = deps.now ?? (() => Date.now());
  const map = buildChannelMap(store);
  const facing = new Map(store.planogram.map((f) => [f.plate, f.sku]));
  const productName = new Map(store.catalog.map((p) => [p.sku, p.name]));
  const platesOfShelf = new Map<string, MappedPlate[]>();
  for (const p of map.plates) platesOfShelf.set(p.shelf, [...(platesOfShelf.get(p.shelf) ?? []), p]);
  const alerts = new AlertTracker(db.deviceAlerts.open());
  const fixtureName = new Map(store.layout.fixtures.map((f) => [f.id, f.name]));
  const restocking = (fixture: string) => deps.restocking?.().includes(fixture) ?? false;
  const leases = new Map<string, number>();

  const sendWatched = () => shelves?.watch([...leases.keys()].sort());
  const expireLeases = () => {
    const t = now();
    let expired = false;
    for (const [shelf, until] of leases) if (until <= t) expired = leases.delete(shelf) || expired;
    if (expired) sendWatched();
  };

  const offStatus = shelves?.onStatus((report) => {
    const changes = alerts.observe(report.plates, report.t);
    if (changes.length > 0) db.deviceAlerts.apply(changes, report.t);
    expireLeases();
  });

  const entries = (report: ShelfStatusReport | undefined) => new Map(report?.plates.map((e) => [e.plate, e]));

  function plateView(p: MappedPlate, entry: PlateStatusEntry | undefined): PlateView {
    const sku = facing.get(p.plate);
    const stored = db.plateCalibrations.get(p.plate);
    const effective = entry?.calibration ?? (stored ? { calibration: { offset: stored.offset, scale: stored.scale }, source: 'database' as const } : { calibration: null, source: 'none' as const });
    const fromDb = effective.source === 'database' && stored ? { updatedAt: new Date(stored.updatedMs).toISOString(), updatedBy: stored.updatedBy } : {};
    const noFeed = shelves ? 'waiting for the live feed’s first report' : 'no live feed: start the suite with --simulate or --devices';
    return {
      id: p.plate,
      device: p.device,
      channel: p.channel,
      ...(sku ? { sku, productName: productName.get(sku) } : {}),
      status: entry?.status ?? 'offline',
      detail: entry?.detail ?? noFeed,
      grams: entry?.grams === null || entry?.grams === undefined ? null : Math.round(entry.grams * 10) / 10,
      noiseG: entry?.noiseG ?? null,
      driftGPerMin: entry?.driftGPerMin ?? null,
      calibration: { offset: effective.calibration?.offset ?? 0, scale: effective.calibration?.scale ?? 0, source: effective.source, ...fromDb },
    };
  }

  function devicesOf(report: ShelfStatusReport | undefined, plates: Map<string, PlateView>): WeighingDeviceView[] {
    if (report?.source === 'devices') {
      return report.devices.map((d) => ({ serial: d.serial, kind: d.kind, state: d.state, detail: d.detail, plates: map.channelsOf(d.serial).length }));
    }
    // Simulated (or no feed): one simulated controller per serial the store names.
    return map.devices().map((serial) => {
      const served = map.channelsOf(serial);
      const online = served.some((p) => plates.get(p.plate)?.status !== 'offline');
      return {
        serial,
        kind: 'simulated' as const,
        state: online ? ('online' as const) : ('offline' as const),
        detail: report ? (online ? 'simulated controller reporting' : 'simulated controller silent') : 'no live feed',
        plates: served.length,
      };
    });
  }

  function requirePlate(plate: string): MappedPlate {
    const p = map.plate(plate);
    if (!p) throw new ApiError('not_found', `no plate ${plate} in this store`);
    return p;
  }

  /** Refuses `action` while the step it makes in the plate's reading would be charged to a shopper. */
  function guardStep(action: PlateStepAction, p: MappedPlate, reading: PlateReading): void {
    const current = reading.calibration.calibration;
    const calibrated = isCalibrated(current);
    const grams = reading.level && calibrated && Number.isFinite(reading.level.mean) ? toGrams(reading.level.mean, current) : null;
    const refusal = plateStepRefusal(action, { grams, calibrated, fixtureName: fixtureName.get(p.fixture) ?? p.fixture, restocking: restocking(p.fixture) });
    if (refusal) throw new ApiError('conflict', `plate ${p.plate}: ${refusal}`);
  }

  async function recalibrate(plate: string, actor: string, reason: string, knownGrams?: number): Promise<PlateView> {
    const p = requirePlate(plate);
    if (!shelves) throw new ApiError('conflict', `plate ${plate} cannot be calibrated without a live feed: its current reading is needed`);
    const reading = await shelves.readPlate(plate);
    let next;
    try {
      next = knownGrams === undefined ? tare(reading.calibration.calibration, reading.level) : span(reading.calibration.calibration, reading.level, knownGrams);
    } catch (error) {
      if (error instanceof CalibrationError) throw new ApiError('conflict', `plate ${plate}: ${error.message}`);
      throw error;
    }
    guardStep(knownGrams === undefined ? 'tare' : 'calibrate', p, reading);
    const before = reading.calibration.calibration ? { ...reading.calibration.calibration, source: reading.calibration.source } : null;
    db.plateCalibrations.set({ plate, ...next, action: knownGrams === undefined ? 'tare' : 'span', knownGrams, actor, reason, at: now(), before });
    shelves.setCalibration(plate, next);
    // The plate as it reads now with the new calibration (the last status report predates it).
    const entry = entries(shelves.latest()).get(plate);
    const grams = reading.level && isCalibrated(next) ? toGrams(reading.level.mean, next) : null;
    return plateView(p, entry ? { ...entry, grams, calibration: { calibration: next, source: 'database' } } : undefined);
  }

  async function zeroScale(plate: string, actor: string, reason: string): Promise<PlateView> {
    const p = requirePlate(plate);
    if (!shelves) throw new ApiError('conflict', `plate ${plate} cannot be zeroed without a live feed: there is no scale connection`);
    const report = shelves.latest();
    if (report?.source === 'simulator') throw new ApiError('conflict', `plate ${plate} is simulated: there is no scale to zero (use Tare)`);
    const device = report?.devices.find((d) => d.serial === p.device);
    if (device && device.kind !== 'pos-scale') throw new ApiError('conflict', `plate ${plate} is weighed by shelf controller ${p.device}, which has no zero command (use Tare)`);
    if (device?.state !== 'online') throw new ApiError('conflict', `plate ${plate}: scale ${p.device} is not connected`);
    const reading = await shelves.readPlate(plate);
    guardStep('zero', p, reading);
    try {
      await shelves.zeroDevice(p.device);
    } catch (error) {
      throw new ApiError('conflict', `plate ${plate}: scale ${p.device} did not zero: ${error instanceof Error ? error.message : String(error)}`);
    }
    const at = now();
    const current = reading.calibration.calibration;
    const grams = reading.level && isCalibrated(current) ? Math.round(toGrams(reading.level.mean, current) * 10) / 10 : null;
    db.audit.append({ actor, action: 'device.zero', subject: `device:${p.device}`, reason, before: { plate, grams }, after: { plate, zeroed: true }, at });
    // The scale now reads zero where it read its load; an offset the host kept on top would count that load twice.
    const stored = db.plateCalibrations.get(plate);
    const cleared = stored && stored.offset !== 0 ? { offset: 0, scale: stored.scale } : undefined;
    if (stored && cleared) {
      db.plateCalibrations.set({ plate, ...cleared, action: 'tare', actor, reason: `host offset cleared: scale ${p.device} was zeroed on the device`, at, before: { offset: stored.offset, scale: stored.scale, source: 'database' } });
      shelves.setCalibration(plate, cleared);
    }
    // Its new reading arrives with the scale's next report.
    const entry = entries(shelves.latest()).get(plate);
    return plateView(p, entry ? { ...entry, grams: null, ...(cleared ? { calibration: { calibration: cleared, source: 'database' as const } } : {}) } : undefined);
  }

  return {
    overview() {
      const report = shelves?.latest();
      const byPlate = entries(report);
      const views = new Map(map.plates.map((p) => [p.plate, plateView(p, byPlate.get(p.plate))]));
      const counts = emptyCounts();
      for (const v of views.values()) counts[v.status]++;
      return {
        source: deps.source,
        at: report?.t ?? null,
        drivers: report?.drivers ?? [],
        devices: devicesOf(report, views),
        problems: report?.problems ?? [],
        fixtures: store.layout.fixtures.map((f) => ({
          id: f.id,
          name: f.name,
          restocking: restocking(f.id),
          shelves: f.shelves.map((s) => ({ id: s.id, fixture: f.id, plates: (platesOfShelf.get(s.id) ?? []).map((p) => views.get(p.plate)!) })),
        })),
        alerts: db.deviceAlerts.open().map((a) => ({ subject: a.subject, status: a.status, detail: a.detail, since: new Date(a.raisedMs).toISOString() })),
        counts,
        emptyToleranceG: EMPTY_TOLERANCE_G,
      };
    },
    watchShelf(shelf) {
      if (!platesOfShelf.has(shelf)) throw new ApiError('not_found', `no shelf ${shelf} in this store`);
      const isNew = !leases.has(shelf);
      leases.set(shelf, now() + WATCH_LEASE_MS);
      if (isNew) sendWatched();
      return { shelf, leaseMs: WATCH_LEASE_MS };
    },
    tare: ({ plate, reason }, actor) => recalibrate(plate, actor, reason),
    calibrate: ({ plate, knownGrams, reason }, actor) => recalibrate(plate, actor, reason, knownGrams),
    zeroScale: ({ plate, reason }, actor) => zeroScale(plate, actor, reason),
    dispose() {
      offStatus?.();
    },
  };
}
