// Every plate's signal on its way into the engine, whatever produces it (the simulator or real
// controllers): raw readings are kept for tare and calibration, converted to grams with the plate's
// calibration, watched for health and downsampled for the live plots, and handed on as the engine's
// PlateSamples. Calibration precedence: what a person stored in the database, else what the device
// itself holds, else the fallback (the simulator's plates read grams; a real channel without any
// calibration has no grams until it is calibrated).
import type { PlateSamples } from '../../engine/inputs';
import type { ChannelMap, MappedPlate } from './channel-map';
import { isCalibrated, toGrams, type PlateCalibration, type RawLevel } from './calibration';
import { PlateHealth, type PlateHealthOptions, type PlateHealthReport } from './plate-health';
import { RawLevels } from './raw-levels';
import { WeightHistory, type WeightSeries } from './weight-history';

/** Evenly spaced raw readings of one plate (counts for a controller, grams for the simulator). */
export interface RawPlateChunk {
  plate: string;
  t0: number;
  dt: number;
  raw: Float32Array;
}

export type CalibrationSource = 'database' | 'device' | 'simulator' | 'none';

export interface EffectiveCalibration {
  calibration: PlateCalibration | null;
  source: CalibrationSource;
}

export interface PlateSignalOptions {
  /** Calibration of a plate nobody calibrated: identity for the simulator, null for real devices. */
  fallback: PlateCalibration | null;
  health?: Partial<PlateHealthOptions>;
}

export class PlateSignal {
  readonly raw: RawLevels;
  readonly health: PlateHealth;
  readonly history: WeightHistory;
  private readonly slotOf = new Map<string, number>();
  private readonly stored: (PlateCalibration | null)[];
  private readonly device: (PlateCalibration | null)[];
  /** Last store time any plate reported: "now" for plots and health when no clock is given. */
  latestT = Number.NEGATIVE_INFINITY;

  constructor(
    readonly map: ChannelMap,
    private readonly options: PlateSignalOptions,
  ) {
    const n = map.plates.length;
    map.plates.forEach((p, slot) => this.slotOf.set(p.plate, slot));
    this.raw = new RawLevels(n);
    this.health = new PlateHealth(n, options.health);
    this.history = new WeightHistory(n);
    this.stored = new Array<PlateCalibration | null>(n).fill(null);
    this.device = new Array<PlateCalibration | null>(n).fill(null);
  }

  slot(plate: string): number | undefined {
    return this.slotOf.get(plate);
  }

  /** A person's calibration from the database (null removes it). */
  setStoredCalibration(plate: string, calibration: PlateCalibration | null): void {
    const slot = this.slotOf.get(plate);
    if (slot !== undefined) this.stored[slot] = calibration;
  }

  /** The calibration the plate's device holds, learnt when it connects. */
  setDeviceCalibration(plate: string, calibration: PlateCalibration | null): void {
    const slot = this.slotOf.get(plate);
    if (slot !== undefined) this.device[slot] = isCalibrated(calibration) ? calibration : null;
  }

  calibration(plate: string): EffectiveCalibration {
    const slot = this.slotOf.get(plate);
    if (slot === undefined) return { calibration: null, source: 'none' };
    const stored = this.stored[slot];
    if (stored) return { calibration: stored, source: 'database' };
    const device = this.device[slot];
    if (device) return { calibration: device, source: 'device' };
    return this.options.fallback ? { calibration: this.options.fallback, source: 'simulator' } : { calibration: null, source: 'none' };
  }

  /** Raw → grams for the engine; undefined for a plate the store does not have. */
  process(chunk: RawPlateChunk): PlateSamples | undefined {
    const slot = this.slotOf.get(chunk.plate);
    if (slot === undefined) return undefined;
    const { t0, dt, raw } = chunk;
    if (raw.length === 0) return { kind: 'plate-samples', plate: chunk.plate, t0, dt, grams: raw };
    this.raw.accept(slot, t0, dt, raw);
    const end = t0 + (raw.length - 1) * dt;
    this.health.heard(slot, end);
    if (end > this.latestT) this.latestT = end;
    const c = this.stored[slot] ?? this.device[slot] ?? this.options.fallback;
    let grams: Float32Array;
    if (c && c.offset === 0 && c.scale === 1) grams = raw;
    else if (!isCalibrated(c)) grams = new Float32Array(raw.length).fill(Number.NaN);
    else {
      grams = new Float32Array(raw.length);
      for (let i = 0; i < raw.length; i++) grams[i] = toGrams(raw[i]!, c);
    }
    this.health.accept(slot, t0, dt, grams);
    this.history.accept(slot, t0, dt, grams);
    return { kind: 'plate-samples', plate: chunk.plate, t0, dt, grams };
  }

  /** A controller came or went: its plates' health follows. */
  deviceState(device: string, online: boolean, detail: string): void {
    const slots: number[] = [];
    for (const p of this.map.channelsOf(device)) slots.push(this.slotOf.get(p.plate)!);
    this.health.device(slots, online, detail);
  }

  rawLevel(plate: string): RawLevel | undefined {
    const slot = this.slotOf.get(plate);
    return slot === undefined ? undefined : this.raw.level(slot);
  }

  report(plate: MappedPlate, now: number): PlateHealthReport {
    const slot = this.slotOf.get(plate.plate)!;
    return this.health.report(slot, now, isCalibrated(this.calibration(plate.plate).calibration));
  }

  weights(plates: readonly string[], now: number): WeightSeries {
    return this.history.series(
      plates.map((p) => this.slotOf.get(p)!),
      now,
    );
  }
}
