// One interface over every HID device that weighs things, so device management does not care what
// is behind a plate: a multi-plate shelf controller (raw load-cell counts per channel, device clock)
// or a USB POS scale (grams on one channel, reported when they change). Both give evenly spaced
// sample sets with a microsecond clock and a drop count.
import type { ChannelCalibration } from './shelf-controller';
import type { Unsubscribe } from './transport';

export type WeightDeviceKind = 'shelf-controller' | 'pos-scale';

export interface WeightSampleSet {
  /** Microseconds on the device's clock (unwrapped, only grows within one connection). */
  deviceTimeUs: number;
  /** Raw value per channel: counts for a controller, grams for a scale. NaN = no reading. */
  raw: Float64Array;
  /** Sample sets lost just before this one. */
  dropped: number;
}

export interface WeightDeviceStats {
  reports: number;
  dropped: number;
  malformed: number;
}

export interface WeightDevice {
  readonly kind: WeightDeviceKind;
  readonly serial: string;
  readonly channelCount: number;
  readonly sampleRateHz: number;
  /** One line for people: vendor, firmware, channels, rate. */
  readonly description: string;
  /** The calibration the device holds (a scale is calibrated at the factory: offset 0, 1 g per unit). */
  readonly deviceCalibration: readonly ChannelCalibration[];
  readonly stats: WeightDeviceStats;
  onSamples(listener: (samples: WeightSampleSet) => void): Unsubscribe;
  /** Malformed reports: counted, reported, and the stream goes on. */
  onError(listener: (error: Error) => void): Unsubscribe;
  /** Fires once when the connection ends, with why. */
  onClose(listener: (detail: string, unplugged: boolean) => void): Unsubscribe;
  /** Stores calibration in the device's own memory, where it has one. */
  storeCalibration(channels: readonly ChannelCalibration[]): Promise<void>;
  /** Zeroes the device itself, where it can (a POS scale's Zero Scale output report). */
  zero(): Promise<void>;
  close(): Promise<void>;
}
