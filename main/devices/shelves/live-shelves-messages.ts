// What the host and the live worker say to each other about shelves (part of main/live's message
// unions): the worker reports plate health and devices about once a second and the watched
// shelves' weights a few times a second; the host asks for a plate's raw reading (to tare or
// calibrate it) and hands back the new calibration, and asks a POS scale to zero itself.
import type { ShelfWeightsFrame } from '../../../native-bridge/contract/devices';
import type { DriverStatus } from '../../../native-bridge/hid/native-driver';
import type { SupervisedDevice } from '../../../native-bridge/hid/device-supervisor';
import type { PlateCalibration, RawLevel } from './calibration';
import type { PlateHealthReport } from './plate-health';
import type { EffectiveCalibration } from './plate-signal';

export interface PlateStatusEntry extends PlateHealthReport {
  plate: string;
  calibration: EffectiveCalibration;
}

export interface ShelfStatusReport {
  /** Store time of the report. */
  t: number;
  source: 'simulator' | 'devices';
  drivers: DriverStatus[];
  devices: SupervisedDevice[];
  problems: string[];
  plates: PlateStatusEntry[];
}

export type ShelvesWorkerMessage =
  | { type: 'shelf-status'; report: ShelfStatusReport }
  | { type: 'shelf-weights'; frames: ShelfWeightsFrame[] }
  | { type: 'plate-reading'; id: number; plate: string; level?: RawLevel; calibration: EffectiveCalibration }
  /** The answer to `zero-device`: `error` says why it was not done. */
  | { type: 'device-zeroed'; id: number; error?: string };

export type ShelvesHostMessage =
  | { type: 'watch-shelves'; shelves: string[] }
  | { type: 'read-plate'; id: number; plate: string }
  | { type: 'set-calibration'; plate: string; calibration: PlateCalibration }
  /** Zero the device itself (a POS scale's Zero Scale command). */
  | { type: 'zero-device'; id: number; serial: string };
