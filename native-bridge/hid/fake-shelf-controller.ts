// FakeShelfController: the firmware of a multi-plate shelf controller, simulated byte for byte
// (docs/shelf-controller-protocol.md). It answers the feature reports, stores calibration as the
// device's non-volatile memory would, and generates Samples reports with a sequence number and a
// microsecond clock from per-channel raw counts the test sets. It can also misbehave on purpose:
// malformed reports, reports lost on the way (sequence gaps), a pulled cable mid-stream.
import type { FakeHidDevice } from './fake-hid-bus';
import { FakeHidTransport } from './fake-transport';
import { SHELF_CONTROLLER_USAGE_PAGE } from './hid-backend';
import {
  decodeCalibration,
  encodeCalibration,
  encodeConfiguration,
  encodeIdentity,
  encodeSamples,
  FEATURE_CALIBRATION,
  FEATURE_CONFIGURATION,
  FEATURE_IDENTITY,
  type ChannelCalibration,
} from './shelf-controller';

export interface FakeShelfControllerOptions {
  serial: string;
  channels: number;
  sampleRateHz?: number;
  vendor?: string;
  /** What the device's memory holds at first power-up; default: not calibrated (offset 0, scale 0). */
  calibration?: ChannelCalibration[];
  /** Added to each raw reading, e.g. seeded noise; default none. */
  noise?: (channel: number) => number;
}

export class FakeShelfController implements FakeHidDevice {
  readonly info;
  /** Raw counts per channel the load cells currently read (before noise). */
  readonly raw: Float64Array;
  readonly sampleRateHz: number;
  /** Survives power cycles, as calibration in flash does. */
  calibration: ChannelCalibration[];
  private transport: FakeHidTransport | null = null;
  private seq = 0;
  private clockUs = 0;

  constructor(private readonly options: FakeShelfControllerOptions) {
    this.sampleRateHz = options.sampleRateHz ?? 80;
    this.raw = new Float64Array(options.channels);
    this.calibration = options.calibration ?? Array.from({ length: options.channels }, () => ({ offset: 0, scale: 0 }));
    this.info = {
      vendorId: 0x1209,
      productId: 0x5157,
      serialNumber: options.serial,
      manufacturer: options.vendor ?? 'Walkout Labs',
      product: 'Shelf controller',
      usagePage: SHELF_CONTROLLER_USAGE_PAGE,
      usage: 1,
    };
  }

  get serial(): string {
    return this.options.serial;
  }

  get connected(): boolean {
    return this.transport !== null && !this.transport.isClosed;
  }

  /** Microseconds between Samples reports. */
  get periodUs(): number {
    return Math.round(1_000_000 / this.sampleRateHz);
  }

  connect(): FakeHidTransport {
    const transport = new FakeHidTransport({
      features: {
        [FEATURE_IDENTITY]: encodeIdentity({ firmware: [1, 0, 0], vendor: this.info.manufacturer, serial: this.serial }),
        [FEATURE_CONFIGURATION]: encodeConfiguration({ channelCount: this.options.channels, sampleRateHz: this.sampleRateHz }),
        [FEATURE_CALIBRATION]: encodeCalibration(this.calibration),
      },
      onSendFeature: (bytes, fake) => {
        if (bytes[0] !== FEATURE_CALIBRATION) return;
        this.calibration = decodeCalibration(bytes, this.options.channels);
        fake.features.set(FEATURE_CALIBRATION, bytes);
      },
    });
    this.transport = transport;
    return transport;
  }

  disconnect(detail: string): void {
    this.transport?.unplug(detail);
    this.transport = null;
  }

  powerOn(): void {
    this.seq = 0;
    this.clockUs = 0;
  }

  /** Sets every channel's raw counts from grams through each channel's stored calibration. */
  setGrams(channel: number, grams: number): void {
    const cal = this.calibration[channel];
    if (!cal || !(cal.scale > 0)) throw new Error(`fake controller ${this.serial}: channel ${channel} is not calibrated`);
    this.raw[channel] = cal.offset + grams / cal.scale;
  }

  /**
   * Latches `count` sample sets, one period apart, and sends each to the host if connected. Like the
   * firmware, the sequence and clock advance whether or not anyone is listening.
   */
  tick(count = 1): void {
    for (let k = 0; k < count; k++) {
      const values = Array.from(this.raw, (r, ch) => Math.round(r + (this.options.noise?.(ch) ?? 0)));
      const report = encodeSamples(this.seq, this.clockUs, values);
      this.seq = (this.seq + 1) & 0xffff;
      this.clockUs = (this.clockUs + this.periodUs) >>> 0;
      if (this.connected) this.transport!.emit(report);
    }
  }

  /** `count` reports are latched but lost before reaching the host: the host sees a sequence gap. */
  lose(count: number): void {
    this.seq = (this.seq + count) & 0xffff;
    this.clockUs = (this.clockUs + count * this.periodUs) >>> 0;
  }

  /** Sends arbitrary bytes as an input report (for malformed-report tests). */
  sendRaw(bytes: Uint8Array): void {
    if (this.connected) this.transport!.emit(bytes);
  }
}
