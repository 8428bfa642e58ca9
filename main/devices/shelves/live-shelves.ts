// The shelves' part of the live worker: every plate input passes through the plate signal on its
// way to the engine (calibration, health, plots), whether it comes from the simulator or from real
// controllers; plate health goes to the host about once a second and watched shelves' weights four
// times a second; the host's tare and calibrate requests are answered here, where the raw signal is,
// and its requests to zero a POS scale go to the scale from here, where the devices are open.
import type { EngineInput } from '../../engine/inputs';
import type { StoreDatabase } from '../../db';
import type { StoreModel } from '../../store/schema';
import type { DriverStatus } from '../../../native-bridge/hid/native-driver';
import { openNodeHidBackend, type NodeHidBackendLoad } from '../../../native-bridge/hid/node-hid-backend';
import { IDENTITY_CALIBRATION } from './calibration';
import { buildChannelMap } from './channel-map';
import { DeviceInputQueue } from './device-input-queue';
import type { ShelfStatusReport, ShelvesHostMessage, ShelvesWorkerMessage } from './live-shelves-messages';
import { PlateSignal } from './plate-signal';
import { startShelfDevices, type ShelfDevices } from './shelf-devices';

const STATUS_EVERY_MS = 1000;
const WEIGHTS_EVERY_MS = 250;

export interface LiveShelves {
  /** The simulator's inputs, with every plate sample passed through the plate signal. */
  simulated(inputs: Iterable<EngineInput>): Generator<EngineInput>;
  /** Opens the HID drivers (node-hid unless told otherwise) and starts the devices; their inputs come out of the returned queue. */
  startDevices(storeNow: () => number, openHid?: () => Promise<NodeHidBackendLoad>): Promise<DeviceInputQueue>;
  /** A host message about shelves; false for any other message. */
  handle(message: { type: string }): boolean;
  /** Called on every live tick with the store time reached and the wall clock. */
  tick(storeTime: number, wallMs: number): void;
  stop(): Promise<void>;
}

export function createLiveShelves(store: StoreModel, db: StoreDatabase, post: (message: ShelvesWorkerMessage) => void, source: 'simulator' | 'devices'): LiveShelves {
  const map = buildChannelMap(store);
  const signal = new PlateSignal(map, { fallback: source === 'simulator' ? IDENTITY_CALIBRATION : null });
  for (const c of db.plateCalibrations.all()) signal.setStoredCalibration(c.plate, { offset: c.offset, scale: c.scale });
  const shelfPlates = new Map<string, string[]>();
  for (const p of map.plates) shelfPlates.set(p.shelf, [...(shelfPlates.get(p.shelf) ?? []), p.plate]);
  let watched: string[] = [];
  let drivers: DriverStatus[] = [];
  let devices: ShelfDevices | undefined;
  let lastStatus = Number.NEGATIVE_INFINITY;
  let lastWeights = Number.NEGATIVE_INFINITY;

  const report = (t: number): ShelfStatusReport => ({
    t,
    source,
    drivers,
    devices: devices?.supervisor.states() ?? [],
    problems: devices ? [...devices.supervisor.unnamed.values()] : [],
    plates: map.plates.map((p) => ({ plate: p.plate, calibration: signal.calibration(p.plate), ...signal.report(p, t) })),
  });

  const zeroDevice = async (serial: string): Promise<void> => {
    if (!devices) throw new Error(source === 'simulator' ? 'simulated plates have no device to zero' : 'no HID driver is loaded on this host');
    const device = devices.supervisor.device(serial);
    if (!device) throw new Error(`${serial} is not connected`);
    await device.zero();
  };

  return {
    *simulated(inputs) {
      for (const input of inputs) {
        if (input.kind === 'plate-samples') {
          const samples = signal.process({ plate: input.plate, t0: input.t0, dt: input.dt, raw: input.grams });
          if (samples) yield samples;
          continue;
        }
        if (input.kind === 'device-status') signal.deviceState(input.device, input.state === 'online', input.detail ?? input.state);
        yield input;
      }
    },
    async startDevices(storeNow, openHid = () => openNodeHidBackend()) {
      const queue = new DeviceInputQueue(storeNow);
      const loaded = await openHid();
      drivers = loaded.statuses;
      if (loaded.backend) devices = await startShelfDevices(loaded.backend, signal, (input) => queue.push(input), { now: storeNow, supervisor: { now: storeNow } });
      return queue;
    },
    handle(message) {
      const m = message as ShelvesHostMessage;
      switch (m.type) {
        case 'watch-shelves':
          watched = m.shelves.filter((s) => shelfPlates.has(s));
          return true;
        case 'read-plate':
          post({ type: 'plate-reading', id: m.id, plate: m.plate, level: signal.rawLevel(m.plate), calibration: signal.calibration(m.plate) });
          return true;
        case 'set-calibration':
          signal.setStoredCalibration(m.plate, m.calibration);
          // Report on the next tick, not up to a second later: the host's view must not show the old calibration meanwhile.
          lastStatus = Number.NEGATIVE_INFINITY;
          return true;
        case 'zero-device':
          zeroDevice(m.serial).then(
            () => post({ type: 'device-zeroed', id: m.id }),
            (error: unknown) => post({ type: 'device-zeroed', id: m.id, error: error instanceof Error ? error.message : String(error) }),
          );
          return true;
        default:
          return false;
      }
    },
    tick(storeTime, wallMs) {
      if (wallMs - lastStatus >= STATUS_EVERY_MS) {
        lastStatus = wallMs;
        post({ type: 'shelf-status', report: report(storeTime) });
      }
      if (watched.length > 0 && wallMs - lastWeights >= WEIGHTS_EVERY_MS) {
        lastWeights = wallMs;
        post({
          type: 'shelf-weights',
          frames: watched.map((shelf) => {
            const plates = shelfPlates.get(shelf)!;
            const series = signal.weights(plates, storeTime);
            return { shelf, t: storeTime, times: series.times, plates: plates.map((plate, i) => ({ plate, grams: series.grams[i]! })) };
          }),
        });
      }
    },
    stop: async () => devices?.stop(),
  };
}
