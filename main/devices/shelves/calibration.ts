// Per-plate calibration: raw units (load-cell counts, or a scale's grams) to grams as
// grams = (raw − offset) × scale. Tare sets the offset from the empty plate's reading; span sets the
// scale from a known weight's reading. Both are computed from a quiet stretch of the raw signal and
// refused, with the reason, when the reading cannot support them.

export interface PlateCalibration {
  /** Raw reading of the empty plate. */
  offset: number;
  /** Grams per raw unit. */
  scale: number;
}

/** The simulator's plates report grams: their raw unit is the gram. */
export const IDENTITY_CALIBRATION: Readonly<PlateCalibration> = Object.freeze({ offset: 0, scale: 1 });

/** The recent raw signal of one plate, over about a second. */
export interface RawLevel {
  mean: number;
  /** Standard deviation of the raw samples. */
  std: number;
  samples: number;
  /** Store time of the newest sample. */
  t: number;
}

export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationError';
  }
}

export function isCalibrated(c: PlateCalibration | null | undefined): c is PlateCalibration {
  return !!c && Number.isFinite(c.offset) && Number.isFinite(c.scale) && c.scale !== 0;
}

export function toGrams(raw: number, c: PlateCalibration): number {
  return (raw - c.offset) * c.scale;
}

/** At least this many samples in the reading. */
const MIN_SAMPLES = 5;
/** The plate must be this still: raw std at most this many grams (through the scale, where known). */
const MAX_STD_G = 5;

function checkSteady(level: RawLevel | undefined, scale: number | null, what: string): RawLevel {
  if (!level || level.samples < MIN_SAMPLES) throw new CalibrationError(`${what}: the plate has not reported enough samples yet; wait for it to come online`);
  const stdG = scale === null ? null : Math.abs(level.std * scale);
  if (stdG !== null && stdG > MAX_STD_G) {
    throw new CalibrationError(`${what}: the plate is moving (±${stdG.toFixed(1)} g over the last second); let it settle and try again`);
  }
  return level;
}

/**
 * Tare: the plate is empty now, so what it reads is its zero. The scale is kept; a plate never
 * spanned keeps scale 0 (the protocol's "not calibrated") until it is.
 */
export function tare(current: PlateCalibration | null, level: RawLevel | undefined): PlateCalibration {
  const steady = checkSteady(level, isCalibrated(current) ? current.scale : null, 'tare');
  return { offset: steady.mean, scale: isCalibrated(current) ? current.scale : 0 };
}

/**
 * Span: `knownGrams` lies on the (tared) plate now. The scale follows from how far the reading is
 * above the offset; the offset is kept.
 */
export function span(current: PlateCalibration | null, level: RawLevel | undefined, knownGrams: number): PlateCalibration {
  if (!(knownGrams > 0) || !Number.isFinite(knownGrams)) throw new CalibrationError(`calibrate: the known weight must be a positive number of grams (got ${knownGrams})`);
  if (!current || !Number.isFinite(current.offset)) throw new CalibrationError('calibrate: tare the empty plate first, so its zero is known');
  const steady = checkSteady(level, isCalibrated(current) ? current.scale : null, 'calibrate');
  const rise = steady.mean - current.offset;
  // The reading must rise clearly above its own noise, or the scale is noise divided by noise.
  if (!(Math.abs(rise) > Math.max(10 * steady.std, 1e-9))) {
    throw new CalibrationError(`calibrate: the plate reads the same as empty (${rise.toFixed(2)} raw units above zero); put the ${knownGrams} g weight on it`);
  }
  const scale = knownGrams / rise;
  if (!Number.isFinite(scale)) throw new CalibrationError('calibrate: the reading gives no usable scale');
  return { offset: current.offset, scale };
}
