// The Devices view's part of the API: every shelf and plate with its status and calibration, the
// weighing devices and drivers behind them, live weights of a watched shelf, and the human actions on
// a plate (tare, calibrate with a known weight, zero the POS scale behind it), each of which is
// audited. Each of them steps the plate's reading, which the engine records as a shelf event, so the
// host refuses them unless the step is negligible or the fixture is in restock mode (staff work).
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a plate or shelf id');
const reason = z.string().trim().max(500).default('');

export const devicesCalls = {
  getDevices: z.object({}).strict(),
  /** Asks for `shelfWeights` frames of this shelf for `leaseMs`; renew before it runs out. */
  watchShelfWeights: z.object({ shelf: id }).strict(),
  tarePlate: z.object({ plate: id, reason }).strict(),
  calibratePlate: z
    .object({
      plate: id,
      /** The reference weight now lying on the plate. */
      knownGrams: z.number().finite().positive().max(1_000_000),
      reason,
    })
    .strict(),
  /** Sends the Zero Scale command to the POS scale that weighs this plate. */
  zeroScale: z.object({ plate: id, reason }).strict(),
} as const;

export type PlateStatus = 'online' | 'offline' | 'uncalibrated' | 'noisy' | 'drifting';
export const plateStatuses: readonly PlateStatus[] = ['online', 'offline', 'uncalibrated', 'noisy', 'drifting'];

export interface PlateCalibrationView {
  offset: number;
  scale: number;
  /** database: set by a person here; device: stored in the controller; simulator: the simulated load cell reads grams; none: not calibrated. */
  source: 'database' | 'device' | 'simulator' | 'none';
  /** For 'database': when and by whom. */
  updatedAt?: string;
  updatedBy?: string;
}

export interface PlateView {
  id: string;
  /** Serial of the controller or scale that reads it, and the channel. */
  device: string;
  channel: number;
  sku?: string;
  productName?: string;
  status: PlateStatus;
  detail: string;
  grams: number | null;
  noiseG: number | null;
  driftGPerMin: number | null;
  calibration: PlateCalibrationView;
}

export interface ShelfView {
  id: string;
  fixture: string;
  plates: PlateView[];
}

export interface FixtureView {
  id: string;
  name: string;
  /** Staff restock mode is on here: plate actions that step a reading are staff work, charged to nobody. */
  restocking: boolean;
  shelves: ShelfView[];
}

export interface WeighingDeviceView {
  serial: string;
  kind: 'shelf-controller' | 'pos-scale' | 'simulated';
  state: 'online' | 'connecting' | 'offline';
  detail: string;
  /** Plates of the store wired to it. */
  plates: number;
}

export interface DriverView {
  driver: string;
  state: 'available' | 'unavailable';
  detail: string;
}

export interface DeviceAlertView {
  subject: string;
  status: string;
  detail: string;
  since: string;
}

export interface DevicesOverview {
  /** Where plate data comes from now. */
  source: 'simulator' | 'devices' | 'none';
  /** Store time of the status (ms since the epoch), null before the first report. */
  at: number | null;
  drivers: DriverView[];
  devices: WeighingDeviceView[];
  /** Weighing devices found that cannot be used, in words (e.g. no serial number). */
  problems: string[];
  fixtures: FixtureView[];
  alerts: DeviceAlertView[];
  counts: Record<PlateStatus, number>;
  /**
   * Outside restock mode, tare and zero are allowed only on a plate reading less than this many
   * grams either side of zero: a smaller step is below what the engine records as a weight change.
   */
  emptyToleranceG: number;
}

/** Downsampled recent weights of one shelf's plates, pushed a few times a second while watched. */
export interface ShelfWeightsFrame {
  shelf: string;
  /** Store time of the newest bucket, ms. */
  t: number;
  /** Bucket start times, seconds since the epoch (uPlot's x axis). */
  times: number[];
  plates: { plate: string; grams: (number | null)[] }[];
}

export interface DevicesOutputs {
  getDevices: DevicesOverview;
  watchShelfWeights: { shelf: string; leaseMs: number };
  tarePlate: PlateView;
  calibratePlate: PlateView;
  zeroScale: PlateView;
}
