// What a caller can tune about the simulated sensors, the defaults a plain run uses, and the checks
// that turn a nonsensical setting into a clear error before minutes of rendering. The defaults are
// meant to be as bad as real hardware on an ordinary day, not worst-case: an engine that only works
// on clean signals must score badly on them, and one built for real shelves and cameras must not.

/** A device that stops reporting for a while: a shelf controller (by serial) or a camera (by id). */
export interface OfflineEvent {
  device: string;
  /** Offset from the world's startMs. */
  atMs: number;
  durationMs: number;
}

export interface SensorConfig {
  /** Sensor noise seed; undefined takes the world's, so one seed reproduces a whole run. */
  seed: number | undefined;

  // ---- weight plates -------------------------------------------------------------------------
  /** Samples per second of every plate (10–80). */
  plateHz: number;
  /** Per shelf-controller serial, a rate that overrides plateHz (mixed hardware generations). */
  plateHzByController: Readonly<Record<string, number>>;
  /** A controller reports each plate's samples in runs this long (rounded to whole samples). */
  chunkMs: number;
  /**
   * Units of the planogram product per plate at startMs, overriding the world's initialStock;
   * plates in neither start at their planogram capacity.
   */
  initialUnits: ReadonlyMap<string, number> | undefined;
  /** Typical white-noise σ of a plate, grams; each plate's own σ scatters around it. */
  plateNoiseG: number;
  /** Log-sd of the per-plate noise factor (0.15 ≈ ±15 % between plates). */
  plateNoiseSpread: number;
  /** ADC step, grams (0 = continuous). */
  plateResolutionG: number;
  /** σ of each plate's residual zero offset after taring, grams. */
  tareOffsetStdG: number;
  /** Random-walk drift: σ of the accumulated drift after one hour, grams. */
  driftGPerSqrtHour: number;
  /** Amplitude of the slow temperature-like drift a controller's plates share, grams. */
  thermalDriftG: number;
  /** Median amplitude of a hand's press/lift spike on the touched plate, grams. */
  transientMedianG: number;
  /** Share of a hand's force felt by the plates either side on the same shelf (two away: a third of it). */
  neighbourCoupling: number;
  /** Per put-back or restock: chance the last unit put down straddles the next plate. */
  straddleRate: number;
  /** Share of samples dropped (NaN), in short gaps. */
  dropRate: number;
  /** Mean length of a dropped gap, samples. */
  dropGapSamples: number;
  /** Explicit outages; when given, no random controller outages are added. */
  offlineEvents: readonly OfflineEvent[] | undefined;
  /** Random shelf-controller outages per hour, store-wide (used when offlineEvents is undefined). */
  controllerOutagesPerHour: number;
  /** Duration range of a random outage, ms. */
  outageMs: readonly [number, number];
  /** How long after the last sample a driver declares a device offline, ms. */
  offlineDetectMs: number;
  /** Emit an 'online' DeviceStatus for every device at startMs, as drivers do when they come up. */
  announceDevices: boolean;

  // ---- cameras -------------------------------------------------------------------------------
  /** σ of a frame's capture time around its nominal slot, ms. */
  frameJitterMs: number;
  /** σ of each camera's fixed clock offset, ms (clipped to ±3σ). */
  cameraClockOffsetMs: number;
  /** Share of frames lost on the way (no Detections at all for that frame). */
  frameDropRate: number;
  /** σ of box position and size noise, as a share of the box's size. */
  boxNoise: number;
  /** σ of head keypoint noise as a share of box height (hands get 1.5×). */
  keypointNoise: number;
  /** Chance a keypoint is not reported (confidence 0) even when visible. */
  keypointMissRate: number;
  /** Miss chance of a fully visible person. */
  missBase: number;
  /** Added miss chance at full occlusion (scaled by occlusion^1.5). */
  missOcclusion: number;
  /** Added miss chance for a box entirely cut by the image edge (scaled by the share cut). */
  missEdge: number;
  /** Boxes shorter than this (after clipping) are never detected, pixels. */
  minBoxPx: number;
  /** False-positive boxes per frame (ghosts: reflections, mannequins, stacked boxes). */
  falsePositiveRate: number;
  /** Mean number of consecutive frames a ghost persists. */
  falsePositiveFrames: number;
  /** Body cylinder radius, metres. */
  bodyRadiusM: number;

  // ---- gates and staff -----------------------------------------------------------------------
  /** How long before the first member crosses the entry line the QR code is read, ms (worlds without scanMs). */
  scanLeadMs: readonly [number, number];
  /** From holding the code to the scanner (the crossing's scanMs) to the read, ms. */
  scanDecodeMs: readonly [number, number];
  /** σ of the passage sensor's timing error, ms (clipped to ±3σ). */
  passageNoiseMs: number;
  /** Per session: chance the shopper scans the same code again (the engine must refuse the reuse). */
  doubleScanRate: number;
  /** Crossings at one gate closer than this count once (a beam sees two close bodies as one); 0 = off. */
  passageMergeMs: number;
  /** Per restock run: chance staff forget to tell the system they are restocking. */
  staffForgetRate: number;
}

export const defaultSensorConfig: Readonly<SensorConfig> = Object.freeze({
  seed: undefined,
  plateHz: 60,
  plateHzByController: Object.freeze({}),
  chunkMs: 250,
  initialUnits: undefined,
  plateNoiseG: 1.5,
  plateNoiseSpread: 0.15,
  plateResolutionG: 0.1,
  tareOffsetStdG: 2,
  driftGPerSqrtHour: 2,
  thermalDriftG: 1.5,
  transientMedianG: 60,
  neighbourCoupling: 0.12,
  straddleRate: 0.08,
  dropRate: 0.002,
  dropGapSamples: 3,
  offlineEvents: undefined,
  controllerOutagesPerHour: 6,
  outageMs: Object.freeze([3_000, 45_000]) as readonly [number, number],
  offlineDetectMs: 1_000,
  announceDevices: true,
  frameJitterMs: 2,
  cameraClockOffsetMs: 25,
  frameDropRate: 0.002,
  boxNoise: 0.03,
  keypointNoise: 0.02,
  keypointMissRate: 0.05,
  missBase: 0.02,
  missOcclusion: 0.95,
  missEdge: 0.5,
  minBoxPx: 20,
  falsePositiveRate: 0.003,
  falsePositiveFrames: 3,
  bodyRadiusM: 0.25,
  scanLeadMs: Object.freeze([500, 3_000]) as readonly [number, number],
  scanDecodeMs: Object.freeze([50, 400]) as readonly [number, number],
  passageNoiseMs: 60,
  doubleScanRate: 0.03,
  passageMergeMs: 0,
  staffForgetRate: 0.1,
});

export function sensorConfig(overrides: Partial<SensorConfig> = {}): SensorConfig {
  return { ...defaultSensorConfig, ...overrides };
}

export class SensorConfigError extends Error {
  constructor(
    readonly field: keyof SensorConfig,
    message: string,
  ) {
    super(`sensor config: ${field} ${message}`);
    this.name = 'SensorConfigError';
  }
}

/** Throws SensorConfigError naming the first bad field. */
export function checkSensorConfig(c: SensorConfig): void {
  const num = (f: keyof SensorConfig, v: unknown, lo: number, hi: number): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      throw new SensorConfigError(f, `must be a number from ${lo} to ${hi} (got ${String(v)})`);
    }
  };
  const range = (f: keyof SensorConfig, v: readonly [number, number], lo: number, hi: number): void => {
    if (!Array.isArray(v) || v.length !== 2) throw new SensorConfigError(f, 'must be a [min, max] pair');
    num(f, v[0], lo, hi);
    num(f, v[1], lo, hi);
    if (v[0] > v[1]) throw new SensorConfigError(f, `min must not exceed max (got [${v[0]}, ${v[1]}])`);
  };
  if (c.seed !== undefined && !Number.isSafeInteger(c.seed)) throw new SensorConfigError('seed', `must be an integer (got ${String(c.seed)})`);
  num('plateHz', c.plateHz, 10, 80);
  for (const [serial, hz] of Object.entries(c.plateHzByController ?? {})) {
    if (typeof hz !== 'number' || !Number.isFinite(hz) || hz < 10 || hz > 80) {
      throw new SensorConfigError('plateHzByController', `${serial} must be a number from 10 to 80 (got ${String(hz)})`);
    }
  }
  num('chunkMs', c.chunkMs, 10, 10_000);
  if (c.initialUnits !== undefined) {
    for (const [plate, units] of c.initialUnits) {
      if (!Number.isInteger(units) || units < 0) throw new SensorConfigError('initialUnits', `${plate} must be a whole number ≥ 0 (got ${String(units)})`);
    }
  }
  num('plateNoiseG', c.plateNoiseG, 0, 1_000);
  num('plateNoiseSpread', c.plateNoiseSpread, 0, 2);
  num('plateResolutionG', c.plateResolutionG, 0, 100);
  num('tareOffsetStdG', c.tareOffsetStdG, 0, 1_000);
  num('driftGPerSqrtHour', c.driftGPerSqrtHour, 0, 1_000);
  num('thermalDriftG', c.thermalDriftG, 0, 1_000);
  num('transientMedianG', c.transientMedianG, 0, 10_000);
  num('neighbourCoupling', c.neighbourCoupling, 0, 1);
  num('straddleRate', c.straddleRate, 0, 1);
  num('dropRate', c.dropRate, 0, 0.5);
  num('dropGapSamples', c.dropGapSamples, 1, 1_000);
  num('controllerOutagesPerHour', c.controllerOutagesPerHour, 0, 1_000);
  range('outageMs', c.outageMs, 1, 24 * 3_600_000);
  num('offlineDetectMs', c.offlineDetectMs, 0, 60_000);
  if (c.offlineEvents !== undefined) {
    for (const e of c.offlineEvents) {
      if (typeof e.device !== 'string' || !Number.isFinite(e.atMs) || !(e.durationMs > 0)) {
        throw new SensorConfigError('offlineEvents', 'each needs a device, a finite atMs and a positive durationMs');
      }
    }
  }
  num('frameJitterMs', c.frameJitterMs, 0, 50);
  num('cameraClockOffsetMs', c.cameraClockOffsetMs, 0, 1_000);
  num('frameDropRate', c.frameDropRate, 0, 1);
  num('boxNoise', c.boxNoise, 0, 1);
  num('keypointNoise', c.keypointNoise, 0, 1);
  num('keypointMissRate', c.keypointMissRate, 0, 1);
  num('missBase', c.missBase, 0, 1);
  num('missOcclusion', c.missOcclusion, 0, 1);
  num('missEdge', c.missEdge, 0, 1);
  num('minBoxPx', c.minBoxPx, 0, 10_000);
  num('falsePositiveRate', c.falsePositiveRate, 0, 10);
  num('falsePositiveFrames', c.falsePositiveFrames, 1, 10_000);
  num('bodyRadiusM', c.bodyRadiusM, 0.05, 1);
  range('scanLeadMs', c.scanLeadMs, 0, 60_000);
  range('scanDecodeMs', c.scanDecodeMs, 0, 60_000);
  num('passageNoiseMs', c.passageNoiseMs, 0, 5_000);
  num('doubleScanRate', c.doubleScanRate, 0, 1);
  num('passageMergeMs', c.passageMergeMs, 0, 10_000);
  num('staffForgetRate', c.staffForgetRate, 0, 1);
}
