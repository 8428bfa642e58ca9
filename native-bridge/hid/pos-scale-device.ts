// A USB POS scale as a WeightDevice with one channel. Scales report when the weight changes (some
// also repeat it a few times a second), not at a fixed rate, so the latest reading is held and
// sampled on a host timer at `rateHz`: downstream sees evenly spaced samples like any plate's.
// Readings without a weight (in motion is fine, but fault, over weight, needs re-zeroing…) become
// NaN. Zero is the Scale Control output report; calibration lives in the scale, not here.
import { decodeScaleReport, SCALE_DATA_REPORT_ID, ScaleReportError, zeroScaleReport } from './pos-scale';
import type { HidTransport } from './transport';
import { Listeners } from './listeners';
import type { WeightDevice, WeightDeviceStats, WeightSampleSet } from './weight-device';

export interface PosScaleOptions {
  serial: string;
  description: string;
  rateHz?: number;
  /** Host clock in ms (monotonic). */
  now?: () => number;
}

export function openPosScaleDevice(transport: HidTransport, options: PosScaleOptions): WeightDevice {
  const rateHz = options.rateHz ?? 10;
  const now = options.now ?? (() => performance.now());
  const samples = new Listeners<[WeightSampleSet]>();
  const errors = new Listeners<[Error]>();
  const closes = new Listeners<[string, boolean]>();
  const stats: WeightDeviceStats = { reports: 0, dropped: 0, malformed: 0 };
  let grams = Number.NaN;

  const offReport = transport.onReport((report) => {
    // Scales may send other reports (e.g. a status report); only the data report carries weight.
    if (report[0] !== SCALE_DATA_REPORT_ID && report.length > 0) return;
    try {
      grams = decodeScaleReport(report).grams ?? Number.NaN;
      stats.reports++;
    } catch (error) {
      stats.malformed++;
      errors.emit(error instanceof ScaleReportError ? error : new Error(String(error)));
    }
  });
  const timer = setInterval(() => samples.emit({ deviceTimeUs: Math.round(now() * 1000), raw: Float64Array.of(grams), dropped: 0 }), 1000 / rateHz);
  timer.unref?.();
  transport.onClose((info) => {
    clearInterval(timer);
    offReport();
    closes.emit(info.reason === 'closed' ? info.detail : `disconnected: ${info.detail}`, info.reason === 'disconnected');
  });

  return {
    kind: 'pos-scale',
    serial: options.serial,
    channelCount: 1,
    sampleRateHz: rateHz,
    description: `${options.description} (POS scale, sampled at ${rateHz} Hz)`,
    deviceCalibration: [{ offset: 0, scale: 1 }],
    stats,
    onSamples: (listener) => samples.add(listener),
    onError: (listener) => errors.add(listener),
    onClose: (listener) => closes.add(listener),
    storeCalibration: async () => {
      throw new Error(`POS scale ${options.serial} keeps its own factory calibration; correct it on the host`);
    },
    zero: () => transport.write(zeroScaleReport()),
    close: () => transport.close(),
  };
}
