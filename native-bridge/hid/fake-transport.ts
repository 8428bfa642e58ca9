// FakeHidTransport: a byte-level stand-in for a HID device, for tests and the simulator. It is a
// fake, not a mock of node-hid: it speaks the same HidTransport interface with scripted raw
// reports, so protocol code is exercised on exactly the bytes a device would send, including the
// bad ones (malformed reports, sequence gaps, an unplug mid-stream, failing feature reads).

import type { HidCloseInfo, HidTransport, Unsubscribe } from './transport';
import { TransportEvents } from './transport-events';

export interface FakeHidTransportOptions {
  /** Feature reports the fake device answers with, by report id (id byte included). */
  features?: Record<number, Uint8Array>;
  /** Called on sendFeatureReport so a fake device can react (e.g. store new calibration). */
  onSendFeature?: (bytes: Uint8Array, fake: FakeHidTransport) => void;
}

export class FakeHidTransport implements HidTransport {
  /** Output reports the host wrote, in order. */
  readonly written: Uint8Array[] = [];
  /** Feature reports the host sent, in order. */
  readonly sentFeatures: Uint8Array[] = [];
  readonly features = new Map<number, Uint8Array>();
  private readonly events = new TransportEvents();
  private readonly failures = new Map<string, Error>();

  constructor(private readonly options: FakeHidTransportOptions = {}) {
    for (const [id, bytes] of Object.entries(options.features ?? {})) this.features.set(Number(id), bytes);
  }

  get isClosed(): boolean {
    return this.events.closedWith !== null;
  }

  onReport(listener: (report: Uint8Array) => void): Unsubscribe {
    return this.events.onReport(listener);
  }

  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe {
    return this.events.onClose(listener);
  }

  async write(outputReport: Uint8Array): Promise<void> {
    this.check('write');
    this.written.push(outputReport.slice());
  }

  async getFeatureReport(id: number, length: number): Promise<Uint8Array> {
    this.check('getFeatureReport');
    const report = this.features.get(id);
    if (!report) throw new Error(`fake device has no feature report 0x${id.toString(16)}`);
    // Real stacks return at most `length` bytes; a short device answer stays short.
    return report.slice(0, length);
  }

  async sendFeatureReport(bytes: Uint8Array): Promise<void> {
    this.check('sendFeatureReport');
    this.sentFeatures.push(bytes.slice());
    this.options.onSendFeature?.(bytes.slice(), this);
  }

  async close(): Promise<void> {
    this.events.finish({ reason: 'closed', detail: 'closed by host' });
  }

  // --- scripting -------------------------------------------------------------------------------

  /** Deliver one raw input report to the listeners, as the device would. Ignored once closed. */
  emit(report: Uint8Array): void {
    this.events.deliver(report.slice());
  }

  emitAll(reports: Iterable<Uint8Array>): void {
    for (const report of reports) this.emit(report);
  }

  /** The device disappears: listeners hear 'disconnected' and every later call rejects. */
  unplug(detail = 'device unplugged'): void {
    this.events.finish({ reason: 'disconnected', detail });
  }

  /** Make the next call of `method` reject with `error` (one-shot). */
  failNext(method: 'write' | 'getFeatureReport' | 'sendFeatureReport', error: Error): void {
    this.failures.set(method, error);
  }

  private check(method: string): void {
    const closed = this.events.closedWith;
    if (closed) throw new Error(`${method} on a ${closed.reason} device: ${closed.detail}`);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }
}
