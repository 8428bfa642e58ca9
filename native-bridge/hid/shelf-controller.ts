// Host side of the multi-plate shelf controller protocol (docs/shelf-controller-protocol.md):
// reads the device's identity, configuration and calibration at open, then turns Samples input
// reports into per-channel grams with sequence-gap and clock-wrap bookkeeping. Bad reports are
// counted and surfaced through listeners, never thrown, because they arrive on the transport's
// event callback where a throw would take down the device loop. The encoders are exported for the
// fake devices and for a firmware author's test bench.

import { Listeners } from './listeners';
import type { HidCloseInfo, HidTransport, Unsubscribe } from './transport';
import { toHex } from './transport';

export const SHELF_PROTOCOL_VERSION = 1;
export const REPORT_SAMPLES = 0x01;
export const FEATURE_IDENTITY = 0x10;
export const FEATURE_CONFIGURATION = 0x11;
export const FEATURE_CALIBRATION = 0x12;
export const MAX_CHANNELS = 32;
export const NO_READING = -0x800000;
const IDENTITY_LENGTH = 70;
const CONFIGURATION_LENGTH = 4;
const STRING_FIELD = 32;
const SAMPLES_HEADER = 8;

export const samplesReportLength = (channels: number): number => SAMPLES_HEADER + 3 * channels;
export const calibrationReportLength = (channels: number): number => 1 + 8 * channels;

export interface ShelfIdentity {
  protocolVersion: number;
  firmwareVersion: string;
  vendor: string;
  serial: string;
}

export interface ShelfConfiguration {
  channelCount: number;
  sampleRateHz: number;
}

export interface ChannelCalibration {
  /** Raw counts with the plate empty. */
  offset: number;
  /** Grams per count; 0 or non-finite means not calibrated. */
  scale: number;
}

export interface ShelfSamples {
  seq: number;
  /** Device clock in µs, unwrapped: starts at the first report's raw clock and only grows, across 2^32 wraps. */
  deviceTimeUs: number;
  /** Grams per channel; NaN where the device had no reading or the channel is not calibrated. */
  grams: Float32Array;
  /** The raw int24 counts, for calibration and diagnostics. */
  raw: Int32Array;
  /** Reports missing just before this one, from the sequence numbers. */
  dropped: number;
}

export type ShelfStatus = 'online' | 'offline';

export interface ShelfStats {
  reports: number;
  dropped: number;
  malformed: number;
  lastError: ShelfProtocolError | null;
}

export class ShelfProtocolError extends Error {
  constructor(
    message: string,
    readonly bytes?: Uint8Array,
  ) {
    super(bytes ? `${message} (${toHex(bytes)})` : message);
    this.name = 'ShelfProtocolError';
  }
}

// --- encoding / decoding -------------------------------------------------------------------------

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function readInt24(dv: DataView, offset: number): number {
  const u = dv.getUint8(offset) | (dv.getUint8(offset + 1) << 8) | (dv.getUint8(offset + 2) << 16);
  return (u << 8) >> 8;
}

function writeInt24(dv: DataView, offset: number, value: number): void {
  dv.setUint8(offset, value & 0xff);
  dv.setUint8(offset + 1, (value >> 8) & 0xff);
  dv.setUint8(offset + 2, (value >> 16) & 0xff);
}

function readString(bytes: Uint8Array, offset: number): string {
  const field = bytes.subarray(offset, offset + STRING_FIELD);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end < 0 ? field : field.subarray(0, end));
}

function writeString(bytes: Uint8Array, offset: number, text: string): void {
  const encoded = new TextEncoder().encode(text);
  if (encoded.length > STRING_FIELD) throw new RangeError(`string longer than ${STRING_FIELD} bytes: ${text}`);
  bytes.set(encoded, offset);
}

function expectReport(bytes: Uint8Array, id: number, length: number, what: string): DataView {
  if (bytes.length === 0) throw new ShelfProtocolError(`${what}: empty report`);
  if (bytes[0] !== id) throw new ShelfProtocolError(`${what}: report id 0x${(bytes[0] ?? 0).toString(16)}, expected 0x${id.toString(16)}`, bytes);
  if (bytes.length !== length) throw new ShelfProtocolError(`${what}: ${bytes.length} bytes, expected ${length}`, bytes);
  return view(bytes);
}

export function encodeIdentity(identity: { protocolVersion?: number; firmware: [number, number, number]; vendor: string; serial: string }): Uint8Array {
  const bytes = new Uint8Array(IDENTITY_LENGTH);
  const dv = view(bytes);
  bytes[0] = FEATURE_IDENTITY;
  bytes[1] = identity.protocolVersion ?? SHELF_PROTOCOL_VERSION;
  bytes[2] = identity.firmware[0];
  bytes[3] = identity.firmware[1];
  dv.setUint16(4, identity.firmware[2], true);
  writeString(bytes, 6, identity.vendor);
  writeString(bytes, 6 + STRING_FIELD, identity.serial);
  return bytes;
}

export function decodeIdentity(bytes: Uint8Array): ShelfIdentity {
  const dv = expectReport(bytes, FEATURE_IDENTITY, IDENTITY_LENGTH, 'identity');
  return {
    protocolVersion: dv.getUint8(1),
    firmwareVersion: `${dv.getUint8(2)}.${dv.getUint8(3)}.${dv.getUint16(4, true)}`,
    vendor: readString(bytes, 6),
    serial: readString(bytes, 6 + STRING_FIELD),
  };
}

export function encodeConfiguration(config: ShelfConfiguration): Uint8Array {
  const bytes = new Uint8Array(CONFIGURATION_LENGTH);
  bytes[0] = FEATURE_CONFIGURATION;
  bytes[1] = config.channelCount;
  view(bytes).setUint16(2, config.sampleRateHz, true);
  return bytes;
}

export function decodeConfiguration(bytes: Uint8Array): ShelfConfiguration {
  const dv = expectReport(bytes, FEATURE_CONFIGURATION, CONFIGURATION_LENGTH, 'configuration');
  const config = { channelCount: dv.getUint8(1), sampleRateHz: dv.getUint16(2, true) };
  if (config.channelCount < 1 || config.channelCount > MAX_CHANNELS) {
    throw new ShelfProtocolError(`configuration: channel count ${config.channelCount}, expected 1..${MAX_CHANNELS}`, bytes);
  }
  if (config.sampleRateHz < 1 || config.sampleRateHz > 1000) throw new ShelfProtocolError(`configuration: sample rate ${config.sampleRateHz} Hz, expected 1..1000`, bytes);
  return config;
}

export function encodeCalibration(channels: readonly ChannelCalibration[]): Uint8Array {
  const bytes = new Uint8Array(calibrationReportLength(channels.length));
  const dv = view(bytes);
  bytes[0] = FEATURE_CALIBRATION;
  channels.forEach((c, i) => {
    dv.setInt32(1 + 8 * i, c.offset, true);
    dv.setFloat32(5 + 8 * i, c.scale, true);
  });
  return bytes;
}

export function decodeCalibration(bytes: Uint8Array, channelCount: number): ChannelCalibration[] {
  const dv = expectReport(bytes, FEATURE_CALIBRATION, calibrationReportLength(channelCount), 'calibration');
  return Array.from({ length: channelCount }, (_, i) => ({ offset: dv.getInt32(1 + 8 * i, true), scale: dv.getFloat32(5 + 8 * i, true) }));
}

export function encodeSamples(seq: number, deviceTimeUs: number, raw: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(samplesReportLength(raw.length));
  const dv = view(bytes);
  bytes[0] = REPORT_SAMPLES;
  dv.setUint16(1, seq & 0xffff, true);
  dv.setUint32(3, deviceTimeUs >>> 0, true);
  bytes[7] = raw.length;
  raw.forEach((value, i) => writeInt24(dv, SAMPLES_HEADER + 3 * i, value));
  return bytes;
}

export function decodeSamples(bytes: Uint8Array, channelCount: number): { seq: number; deviceTimeUs: number; raw: Int32Array } {
  const dv = expectReport(bytes, REPORT_SAMPLES, samplesReportLength(channelCount), 'samples');
  if (dv.getUint8(7) !== channelCount) throw new ShelfProtocolError(`samples: ${dv.getUint8(7)} channels, expected ${channelCount}`, bytes);
  const raw = new Int32Array(channelCount);
  for (let i = 0; i < channelCount; i++) raw[i] = readInt24(dv, SAMPLES_HEADER + 3 * i);
  return { seq: dv.getUint16(1, true), deviceTimeUs: dv.getUint32(3, true), raw };
}

// --- the reader ----------------------------------------------------------------------------------

/**
 * Usage: construct, subscribe, then `await open()`. Subscribing first means the 'online' status
 * and the first samples cannot be missed.
 */
export class ShelfControllerReader {
  identity: ShelfIdentity | null = null;
  configuration: ShelfConfiguration | null = null;
  calibration: ChannelCalibration[] = [];
  readonly stats: ShelfStats = { reports: 0, dropped: 0, malformed: 0, lastError: null };
  private status: ShelfStatus = 'offline';
  private readonly sampleListeners = new Listeners<[ShelfSamples]>();
  private readonly statusListeners = new Listeners<[ShelfStatus, string]>();
  private readonly errorListeners = new Listeners<[ShelfProtocolError]>();
  private unsubscribes: Unsubscribe[] = [];
  private lastSeq: number | null = null;
  private lastRawTime = 0;
  private timeUs = 0;

  constructor(private readonly transport: HidTransport) {}

  get currentStatus(): ShelfStatus {
    return this.status;
  }

  onSamples(listener: (samples: ShelfSamples) => void): Unsubscribe {
    return this.sampleListeners.add(listener);
  }

  onStatus(listener: (status: ShelfStatus, detail: string) => void): Unsubscribe {
    return this.statusListeners.add(listener);
  }

  /** Malformed reports, as they are counted in `stats.malformed`. */
  onError(listener: (error: ShelfProtocolError) => void): Unsubscribe {
    return this.errorListeners.add(listener);
  }

  /** Reads the feature reports and starts streaming. Rejects (and leaves the device unused) when they are invalid. */
  async open(): Promise<void> {
    // Listen for the unplug first: a device can vanish while its features are being read.
    this.unsubscribes.push(this.transport.onClose((info) => this.handleClose(info)));
    const identity = decodeIdentity(await this.transport.getFeatureReport(FEATURE_IDENTITY, IDENTITY_LENGTH));
    if (identity.protocolVersion !== SHELF_PROTOCOL_VERSION) {
      throw new ShelfProtocolError(`identity: protocol version ${identity.protocolVersion}, this host speaks ${SHELF_PROTOCOL_VERSION}`);
    }
    const configuration = decodeConfiguration(await this.transport.getFeatureReport(FEATURE_CONFIGURATION, CONFIGURATION_LENGTH));
    const calibration = decodeCalibration(
      await this.transport.getFeatureReport(FEATURE_CALIBRATION, calibrationReportLength(configuration.channelCount)),
      configuration.channelCount,
    );
    this.identity = identity;
    this.configuration = configuration;
    this.calibration = calibration;
    this.unsubscribes.push(this.transport.onReport((report) => this.handleReport(report)));
    this.setStatus('online', `${identity.vendor} ${identity.serial} fw ${identity.firmwareVersion}, ${configuration.channelCount} channels at ${configuration.sampleRateHz} Hz`);
  }

  /** Store new calibration on the device, then use it; the device is the record so a re-plug keeps it. */
  async setCalibration(channels: readonly ChannelCalibration[]): Promise<void> {
    const n = this.requireOpen().channelCount;
    if (channels.length !== n) throw new RangeError(`calibration for ${channels.length} channels, device has ${n}`);
    const bytes = encodeCalibration(channels);
    await this.transport.sendFeatureReport(bytes);
    // Keep what the device will hold (float32), not the caller's doubles, so host and device agree.
    this.calibration = decodeCalibration(bytes, n);
  }

  /** Request a sample rate; returns the rate the device applied. */
  async setSampleRate(hz: number): Promise<number> {
    const config = this.requireOpen();
    await this.transport.sendFeatureReport(encodeConfiguration({ channelCount: config.channelCount, sampleRateHz: hz }));
    this.configuration = decodeConfiguration(await this.transport.getFeatureReport(FEATURE_CONFIGURATION, CONFIGURATION_LENGTH));
    return this.configuration.sampleRateHz;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private requireOpen(): ShelfConfiguration {
    if (!this.configuration || this.status !== 'online') throw new Error('shelf controller is not open');
    return this.configuration;
  }

  private handleReport(report: Uint8Array): void {
    const n = this.configuration?.channelCount ?? 0;
    let decoded: ReturnType<typeof decodeSamples>;
    try {
      decoded = decodeSamples(report, n);
    } catch (error) {
      const e = error instanceof ShelfProtocolError ? error : new ShelfProtocolError(String(error), report);
      this.stats.malformed++;
      this.stats.lastError = e;
      this.errorListeners.emit(e);
      return;
    }
    let dropped = 0;
    if (this.lastSeq === null) {
      this.timeUs = decoded.deviceTimeUs;
    } else {
      dropped = (decoded.seq - this.lastSeq - 1) & 0xffff;
      // Modular difference: correct across the 2^32 µs wrap as long as reports are < 2^31 µs apart.
      this.timeUs += (decoded.deviceTimeUs - this.lastRawTime) >>> 0;
    }
    this.lastSeq = decoded.seq;
    this.lastRawTime = decoded.deviceTimeUs;
    this.stats.reports++;
    this.stats.dropped += dropped;

    const grams = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = decoded.raw[i] ?? NO_READING;
      const cal = this.calibration[i];
      const calibrated = cal !== undefined && cal.scale !== 0 && Number.isFinite(cal.scale);
      grams[i] = raw === NO_READING || !calibrated ? NaN : (raw - cal.offset) * cal.scale;
    }
    this.sampleListeners.emit({ seq: decoded.seq, deviceTimeUs: this.timeUs, grams, raw: decoded.raw, dropped });
  }

  private handleClose(info: HidCloseInfo): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    this.setStatus('offline', info.reason === 'closed' ? info.detail : `disconnected: ${info.detail}`);
  }

  private setStatus(status: ShelfStatus, detail: string): void {
    if (status === this.status) return;
    this.status = status;
    this.statusListeners.emit(status, detail);
  }
}
