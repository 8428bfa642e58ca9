// USB HID point-of-sale scales (HID Usage Tables, usage page 0x8D "Scales"): decode the Scale Data
// Report (report 0x03) into grams and build the Scale Control output report that zeroes the scale.
// Pure byte work so it is checked against ../shared/data/hid-pos-scale-vectors.json without a
// device; the transport (node-hid, loaded lazily) only carries the bytes.
//
// Report 0x03 layout: [0] id, [1] status, [2] unit, [3] int8 power of ten, [4..5] u16 LE weight.
// The status and unit bytes carry the index n of usage 0x70+n / 0x50+n, not the usage id itself.

import { toHex } from './transport';

export const SCALE_DATA_REPORT_ID = 0x03;
export const SCALE_CONTROL_REPORT_ID = 0x02;
const SCALE_DATA_REPORT_LENGTH = 6;
/** Scale Control Report bit 1: Zero Scale (bit 0 is Enforced Zero Return). */
const ZERO_SCALE_BIT = 0x02;

export type ScaleStatus =
  | 'fault'
  | 'stable_zero'
  | 'in_motion'
  | 'stable'
  | 'under_zero'
  | 'over_weight'
  | 'needs_calibration'
  | 'needs_rezero';

export type ScaleUnit = 'mg' | 'g' | 'kg' | 'ct' | 'tael' | 'gr' | 'dwt' | 't' | 'ton' | 'ozt' | 'oz' | 'lb';

const STATUSES: Record<number, ScaleStatus> = {
  1: 'fault',
  2: 'stable_zero',
  3: 'in_motion',
  4: 'stable',
  5: 'under_zero',
  6: 'over_weight',
  7: 'needs_calibration',
  8: 'needs_rezero',
};

const UNITS: Record<number, ScaleUnit> = {
  1: 'mg',
  2: 'g',
  3: 'kg',
  4: 'ct',
  5: 'tael',
  6: 'gr',
  7: 'dwt',
  8: 't',
  9: 'ton',
  10: 'ozt',
  11: 'oz',
  12: 'lb',
};

/**
 * Grams per unit (exact by definition where one exists). Taels and avoirdupois tons have no single
 * definition (Hong Kong, Taiwan and mainland taels differ; short vs long ton), so they decode with a
 * value but no grams rather than a guessed conversion.
 */
export const UNIT_TO_GRAMS: Record<ScaleUnit, number | null> = {
  mg: 0.001,
  g: 1,
  kg: 1000,
  ct: 0.2,
  tael: null,
  gr: 0.06479891,
  dwt: 1.55517384,
  t: 1_000_000,
  ton: null,
  ozt: 31.1034768,
  oz: 28.349523125,
  lb: 453.59237,
};

/** Statuses whose number is not a weight on the plate (the scale says so itself). */
const NO_WEIGHT: ReadonlySet<ScaleStatus> = new Set(['fault', 'under_zero', 'over_weight', 'needs_calibration', 'needs_rezero']);

export interface ScaleReading {
  status: ScaleStatus;
  unit: ScaleUnit;
  /** The weight in `unit`, as the scale reported it (possibly meaningless when grams is null). */
  value: number;
  /** Weight in grams; null when the status means there is no valid weight or the unit has no gram equivalent. */
  grams: number | null;
}

export class ScaleReportError extends Error {
  constructor(
    message: string,
    readonly bytes: Uint8Array,
  ) {
    super(message);
    this.name = 'ScaleReportError';
  }
}

export function decodeScaleReport(bytes: Uint8Array): ScaleReading {
  const fail = (message: string): never => {
    throw new ScaleReportError(message, bytes);
  };
  if (bytes.length === 0) fail('empty report');
  if (bytes.length < SCALE_DATA_REPORT_LENGTH) fail(`report too short: ${bytes.length} bytes, expected ${SCALE_DATA_REPORT_LENGTH}`);
  const [id = 0, statusByte = 0, unitByte = 0, scalingByte = 0, lo = 0, hi = 0] = bytes;
  if (id !== SCALE_DATA_REPORT_ID) fail(`unexpected report id ${id}, expected ${SCALE_DATA_REPORT_ID} (${toHex(bytes)})`);
  const status = STATUSES[statusByte] ?? fail(`unknown status ${statusByte}`);
  const unit = UNITS[unitByte] ?? fail(`unknown weight unit ${unitByte}`);
  const exponent = (scalingByte << 24) >> 24; // int8
  const raw = (hi << 8) | lo;
  // Divide for negative exponents: 78 / 10 is exactly the double 7.8, 78 * 0.1 is not.
  const value = exponent < 0 ? raw / 10 ** -exponent : raw * 10 ** exponent;
  const factor = UNIT_TO_GRAMS[unit];
  const grams = NO_WEIGHT.has(status) || factor === null ? null : value * factor;
  return { status, unit, value, grams };
}

/** Output report 0x02 with Zero Scale set: zeroes (tares) the scale. Send with transport.write. */
export function zeroScaleReport(): Uint8Array {
  return Uint8Array.of(SCALE_CONTROL_REPORT_ID, ZERO_SCALE_BIT);
}
