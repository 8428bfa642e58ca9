// The node-hid adapter against a fake HIDAsync handle (an EventEmitter with node-hid's method
// shapes): the bytes cross unchanged with the report id first, a read error becomes a
// 'disconnected' close, short writes and native errors are reported with the device's name.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HidCloseInfo } from './transport';
import { NodeHidTransport, type HidAsyncHandle } from './node-hid-transport';

class FakeHidAsyncHandle extends EventEmitter implements HidAsyncHandle {
  written: number[][] = [];
  features: number[][] = [];
  closed = 0;
  shortWrite = false;
  async write(values: number[] | Buffer): Promise<number> {
    this.written.push([...values]);
    return this.shortWrite ? 1 : values.length;
  }
  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    if (reportId === 0x7f) throw new Error('could not get feature report from device');
    return Buffer.from([reportId, length, 0xaa]);
  }
  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    this.features.push([...data]);
    return data.length;
  }
  async close(): Promise<void> {
    this.closed++;
  }
}

describe('NodeHidTransport', () => {
  it('passes input reports and feature reports through with the report id first', async () => {
    const handle = new FakeHidAsyncHandle();
    const transport = new NodeHidTransport(handle, 'HID device /dev/hidraw3');
    const reports: Uint8Array[] = [];
    transport.onReport((r) => reports.push(r));
    handle.emit('data', Buffer.from([0x01, 0x02, 0x03]));
    expect(reports).toEqual([Uint8Array.of(1, 2, 3)]);
    expect(await transport.getFeatureReport(0x10, 70)).toEqual(Uint8Array.of(0x10, 70, 0xaa));
    await transport.sendFeatureReport(Uint8Array.of(0x12, 9));
    await transport.write(Uint8Array.of(0x02, 0x02));
    expect(handle.features).toEqual([[0x12, 9]]);
    expect(handle.written).toEqual([[0x02, 0x02]]);
  });

  it('reports a read error as an unplug, once, and refuses calls after it', async () => {
    const handle = new FakeHidAsyncHandle();
    const transport = new NodeHidTransport(handle, 'HID device /dev/hidraw3');
    const closes: HidCloseInfo[] = [];
    transport.onClose((info) => closes.push(info));
    handle.emit('error', new Error('could not read from HID device'));
    handle.emit('error', new Error('again'));
    expect(closes).toEqual([{ reason: 'disconnected', detail: 'could not read from HID device' }]);
    await expect(transport.write(Uint8Array.of(2, 2))).rejects.toThrow('HID device /dev/hidraw3: write on a disconnected device (could not read from HID device)');
    const reports: Uint8Array[] = [];
    transport.onReport((r) => reports.push(r));
    handle.emit('data', Buffer.from([1]));
    expect(reports).toEqual([]);
  });

  it('closes once, however often asked', async () => {
    const handle = new FakeHidAsyncHandle();
    const transport = new NodeHidTransport(handle, 'dev');
    const closes: HidCloseInfo[] = [];
    transport.onClose((info) => closes.push(info));
    await transport.close();
    await transport.close();
    expect(handle.closed).toBe(1);
    expect(closes).toEqual([{ reason: 'closed', detail: 'closed by host' }]);
  });

  it('names the device in native errors and reports short writes', async () => {
    const handle = new FakeHidAsyncHandle();
    const transport = new NodeHidTransport(handle, 'HID device /dev/hidraw3');
    await expect(transport.getFeatureReport(0x7f, 4)).rejects.toThrow('HID device /dev/hidraw3: could not get feature report from device');
    handle.shortWrite = true;
    await expect(transport.write(Uint8Array.of(2, 2, 0))).rejects.toThrow('HID device /dev/hidraw3: wrote 1 of 3 bytes');
  });
});
