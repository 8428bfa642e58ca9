// The host's end of the shelves conversation with the live worker: keeps the latest plate status
// report, relays watched shelves' weight frames to the `shelfWeights` stream, and turns "read this
// plate" and "zero this scale" into promises the worker settles (or that fail after a timeout, never
// hanging a call).
import type { ShelfWeightsFrame } from '../../native-bridge/contract/devices';
import type { PlateCalibration, RawLevel } from '../devices/shelves/calibration';
import type { ShelfStatusReport, ShelvesHostMessage, ShelvesWorkerMessage } from '../devices/shelves/live-shelves-messages';
import type { EffectiveCalibration } from '../devices/shelves/plate-signal';
import { PendingReplies } from '../live/pending-replies';

export interface PlateReading {
  level?: RawLevel;
  calibration: EffectiveCalibration;
}

export interface ShelvesLink {
  latest(): ShelfStatusReport | undefined;
  onStatus(listener: (report: ShelfStatusReport) => void): () => void;
  readPlate(plate: string): Promise<PlateReading>;
  setCalibration(plate: string, calibration: PlateCalibration): void;
  /** Zeroes a device itself (a POS scale); rejects with the worker's reason when it cannot. */
  zeroDevice(serial: string): Promise<void>;
  watch(shelves: string[]): void;
  /** A worker message about shelves; false for any other. */
  handle(message: { type: string }): boolean;
}

export function createShelvesLink(post: (message: ShelvesHostMessage) => void, publish: (frame: ShelfWeightsFrame) => void, timeoutMs = 5000): ShelvesLink {
  let latest: ShelfStatusReport | undefined;
  const listeners = new Set<(report: ShelfStatusReport) => void>();
  const readings = new PendingReplies<PlateReading>(timeoutMs);
  const zeroes = new PendingReplies<void>(timeoutMs);
  return {
    latest: () => latest,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readPlate: (plate) => readings.ask((id) => post({ type: 'read-plate', id, plate }), `the live engine did not report plate ${plate}`),
    setCalibration: (plate, calibration) => post({ type: 'set-calibration', plate, calibration }),
    zeroDevice: (serial) => zeroes.ask((id) => post({ type: 'zero-device', id, serial }), `the live engine did not answer the zero of ${serial}`),
    watch: (shelves) => post({ type: 'watch-shelves', shelves }),
    handle(message) {
      const m = message as ShelvesWorkerMessage;
      switch (m.type) {
        case 'shelf-status':
          latest = m.report;
          for (const listener of [...listeners]) listener(m.report);
          return true;
        case 'shelf-weights':
          for (const frame of m.frames) publish(frame);
          return true;
        case 'plate-reading':
          readings.resolve(m.id, { level: m.level, calibration: m.calibration });
          return true;
        case 'device-zeroed':
          if (m.error === undefined) zeroes.resolve(m.id, undefined);
          else zeroes.reject(m.id, new Error(m.error));
          return true;
        default:
          return false;
      }
    },
  };
}
