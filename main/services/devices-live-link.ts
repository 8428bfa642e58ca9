// The host's end of the shelves conversation with the live worker: keeps the latest plate status
// report, relays watched shelves' weight frames to the `shelfWeights` stream, and turns "read this
// plate" into a promise answered by the worker (or failed after a timeout, never hanging a call).
import type { ShelfWeightsFrame } from '../../native-bridge/contract/devices';
import type { PlateCalibration, RawLevel } from '../devices/shelves/calibration';
import type { ShelfStatusReport, ShelvesHostMessage, ShelvesWorkerMessage } from '../devices/shelves/live-shelves-messages';
import type { EffectiveCalibration } from '../devices/shelves/plate-signal';

export interface PlateReading {
  level?: RawLevel;
  calibration: EffectiveCalibration;
}

export interface ShelvesLink {
  latest(): ShelfStatusReport | undefined;
  onStatus(listener: (report: ShelfStatusReport) => void): () => void;
  readPlate(plate: string): Promise<PlateReading>;
  setCalibration(plate: string, calibration: PlateCalibration): void;
  watch(shelves: string[]): void;
  /** A worker message about shelves; false for any other. */
  handle(message: { type: string }): boolean;
}

export function createShelvesLink(post: (message: ShelvesHostMessage) => void, publish: (frame: ShelfWeightsFrame) => void, timeoutMs = 5000): ShelvesLink {
  let latest: ShelfStatusReport | undefined;
  const listeners = new Set<(report: ShelfStatusReport) => void>();
  const waiting = new Map<number, { resolve: (reading: PlateReading) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  return {
    latest: () => latest,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readPlate(plate) {
      const id = nextId++;
      return new Promise<PlateReading>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the live engine did not report plate ${plate} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { resolve, timer });
        post({ type: 'read-plate', id, plate });
      });
    },
    setCalibration: (plate, calibration) => post({ type: 'set-calibration', plate, calibration }),
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
        case 'plate-reading': {
          const request = waiting.get(m.id);
          if (request) {
            waiting.delete(m.id);
            clearTimeout(request.timer);
            request.resolve({ level: m.level, calibration: m.calibration });
          }
          return true;
        }
        default:
          return false;
      }
    },
  };
}
