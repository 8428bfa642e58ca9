// Real shelf devices as a source of engine inputs: each online controller's sample sets become raw
// chunks per plate (about 100 ms each, evenly spaced, as the engine's PlateSamples need), and its
// comings and goings become DeviceStatus inputs under its serial number, which is how the engine's
// shelf stage knows which plates to stop waiting for.
//
// Time: a connection's first sample set is stamped with the store clock, the rest by the device's
// own microsecond clock from there (precise spacing, no host jitter). If the two clocks disagree by
// more than `maxSkewMs` (host stalls, crystal drift over hours), the connection is re-anchored.
// Any break in even spacing (dropped reports, a re-anchor) ends the current chunk and starts another.
import type { DeviceStatus } from '../../engine/inputs';
import type { WeightDevice, WeightSampleSet } from '../../../native-bridge/hid/weight-device';
import type { PlateCalibration } from './calibration';
import type { ChannelMap, MappedPlate } from './channel-map';
import type { RawPlateChunk } from './plate-signal';

export interface ShelfDeviceSink {
  chunk(chunk: RawPlateChunk): void;
  status(status: DeviceStatus): void;
  /** The calibration the device itself holds for a plate's channel, learnt at connect. */
  deviceCalibration(plate: string, calibration: PlateCalibration): void;
}

/** Where devices come from: WeightDeviceSupervisor, or anything that announces them the same way. */
export interface WeightDeviceSource {
  onOnline(listener: (device: WeightDevice) => void): () => void;
  onOffline(listener: (serial: string, detail: string) => void): () => void;
}

export interface ShelfDeviceFeedOptions {
  /** The store clock, ms (monotonic). */
  now: () => number;
  chunkMs?: number;
  maxSkewMs?: number;
}

class Connection {
  readonly plates: MappedPlate[];
  private readonly buffers: Float32Array[];
  private readonly capacity: number;
  private count = 0;
  private t0 = 0;
  private anchorStore = Number.NaN;
  private anchorDeviceUs = 0;
  private lastT = Number.NEGATIVE_INFINITY;
  readonly unsubscribe: () => void;

  constructor(
    readonly device: WeightDevice,
    plates: readonly MappedPlate[],
    private readonly sink: ShelfDeviceSink,
    private readonly o: Required<ShelfDeviceFeedOptions>,
  ) {
    this.plates = plates.filter((p) => p.channel < device.channelCount);
    this.capacity = Math.max(1, Math.ceil((o.chunkMs * device.sampleRateHz) / 1000));
    this.buffers = this.plates.map(() => new Float32Array(this.capacity));
    this.unsubscribe = device.onSamples((s) => this.accept(s));
  }

  private get dt(): number {
    return 1000 / this.device.sampleRateHz;
  }

  private accept(s: WeightSampleSet): void {
    const now = this.o.now();
    let t = this.anchorStore + (s.deviceTimeUs - this.anchorDeviceUs) / 1000;
    if (t !== t || Math.abs(t - now) > this.o.maxSkewMs) {
      this.flush();
      // Never behind what was already sent: inputs are monotonic per source.
      this.anchorStore = Math.max(now, this.lastT + this.dt);
      this.anchorDeviceUs = s.deviceTimeUs;
      t = this.anchorStore;
    }
    const dt = this.dt;
    if (this.count > 0 && Math.abs(t - (this.t0 + this.count * dt)) > dt / 2) this.flush();
    if (this.count === 0) this.t0 = t;
    const i = this.count++;
    this.plates.forEach((p, k) => (this.buffers[k]![i] = s.raw[p.channel]!));
    this.lastT = t;
    if (this.count === this.capacity) this.flush();
  }

  flush(): void {
    if (this.count === 0) return;
    const n = this.count;
    this.count = 0;
    this.plates.forEach((p, k) => this.sink.chunk({ plate: p.plate, t0: this.t0, dt: this.dt, raw: this.buffers[k]!.slice(0, n) }));
  }

  /** When a status about this connection may be stamped: not before what it already sent. */
  statusTime(now: number): number {
    return Math.max(now, this.lastT);
  }
}

export class ShelfDeviceFeed {
  private readonly connections = new Map<string, Connection>();
  private readonly offs: (() => void)[];
  private readonly o: Required<ShelfDeviceFeedOptions>;

  constructor(
    source: WeightDeviceSource,
    private readonly map: ChannelMap,
    private readonly sink: ShelfDeviceSink,
    options: ShelfDeviceFeedOptions,
  ) {
    this.o = { now: options.now, chunkMs: options.chunkMs ?? 100, maxSkewMs: options.maxSkewMs ?? 1000 };
    this.offs = [source.onOnline((device) => this.online(device)), source.onOffline((serial, detail) => this.offline(serial, detail))];
  }

  stop(): void {
    for (const off of this.offs) off();
    for (const c of this.connections.values()) {
      c.flush();
      c.unsubscribe();
    }
    this.connections.clear();
  }

  private online(device: WeightDevice): void {
    this.connections.get(device.serial)?.unsubscribe();
    const connection = new Connection(device, this.map.channelsOf(device.serial), this.sink, this.o);
    this.connections.set(device.serial, connection);
    for (const p of connection.plates) {
      const c = device.deviceCalibration[p.channel];
      if (c) this.sink.deviceCalibration(p.plate, c);
    }
    this.sink.status({ kind: 'device-status', device: device.serial, t: this.o.now(), state: 'online', detail: device.description });
  }

  private offline(serial: string, detail: string): void {
    const connection = this.connections.get(serial);
    const now = this.o.now();
    let t = now;
    if (connection) {
      connection.flush();
      connection.unsubscribe();
      t = connection.statusTime(now);
      this.connections.delete(serial);
    }
    this.sink.status({ kind: 'device-status', device: serial, t, state: 'offline', detail });
  }
}
