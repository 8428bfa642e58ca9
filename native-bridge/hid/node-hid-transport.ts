// The real HidTransport: one device opened through node-hid's HIDAsync. hidapi already puts the
// report id in byte 0 of numbered input and feature reports and expects it in byte 0 of what is
// written, on every OS, which is the transport convention; so the adapter's job is copying between
// Buffers and Uint8Arrays, turning the read loop's error event into a 'disconnected' close, and
// making close idempotent.
import type { HidCloseInfo, HidTransport, Unsubscribe } from './transport';
import { TransportEvents } from './transport-events';

/** The part of node-hid's HIDAsync this adapter uses (HIDAsync satisfies it structurally). */
export interface HidAsyncHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  write(values: number[] | Buffer): Promise<number>;
  getFeatureReport(reportId: number, reportLength: number): Promise<Buffer>;
  sendFeatureReport(data: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export class NodeHidTransport implements HidTransport {
  private readonly events = new TransportEvents();

  constructor(
    private readonly handle: HidAsyncHandle,
    /** For messages: which device this is. */
    private readonly label: string,
  ) {
    handle.on('data', (data) => this.events.deliver(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()));
    // hidapi's read fails once the device is gone (ENODEV, "could not read from HID device").
    handle.on('error', (error) => {
      this.events.finish({ reason: 'disconnected', detail: error instanceof Error ? error.message : String(error) });
      void handle.close().catch(() => undefined);
    });
  }

  onReport(listener: (report: Uint8Array) => void): Unsubscribe {
    return this.events.onReport(listener);
  }

  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe {
    return this.events.onClose(listener);
  }

  async write(outputReport: Uint8Array): Promise<void> {
    this.check('write');
    const sent = await this.guard(() => this.handle.write(Buffer.from(outputReport)));
    if (sent < outputReport.length) throw new Error(`${this.label}: wrote ${sent} of ${outputReport.length} bytes`);
  }

  async getFeatureReport(id: number, length: number): Promise<Uint8Array> {
    this.check('getFeatureReport');
    const data = await this.guard(() => this.handle.getFeatureReport(id, length));
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  }

  async sendFeatureReport(bytes: Uint8Array): Promise<void> {
    this.check('sendFeatureReport');
    const sent = await this.guard(() => this.handle.sendFeatureReport(Buffer.from(bytes)));
    if (sent < bytes.length) throw new Error(`${this.label}: sent ${sent} of ${bytes.length} feature bytes`);
  }

  async close(): Promise<void> {
    if (this.events.closedWith) return;
    this.events.finish({ reason: 'closed', detail: 'closed by host' });
    this.handle.removeAllListeners('data');
    await this.handle.close().catch(() => undefined);
  }

  private check(method: string): void {
    const closed = this.events.closedWith;
    if (closed) throw new Error(`${this.label}: ${method} on a ${closed.reason} device (${closed.detail})`);
  }

  /** Native errors name neither the device nor the call; add both. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new Error(`${this.label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
