// The real drivers on this machine: node-hid lists (an empty list on a machine without HID
// devices), refuses to open a path that is not a device with a clear error, and usb hot-plug
// watching starts and stops. Polling is the fallback where usb cannot load.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openNodeHidBackend } from './node-hid-backend';

afterEach(() => {
  vi.useRealTimers();
});

describe('node-hid backend (real drivers)', () => {
  it('lists devices and watches USB hot-plug events', async () => {
    const { backend, discovery, statuses } = await openNodeHidBackend();
    expect(statuses.map((s) => s.state)).toEqual(['available', 'available']);
    expect(discovery).toBe('usb');
    const devices = await backend!.list();
    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) expect(device).toMatchObject({ path: expect.any(String), vendorId: expect.any(Number) });
    const stop = backend!.watch(() => undefined);
    stop();
  });

  it('refuses to open a path that is not a HID device, naming it', async () => {
    const { backend } = await openNodeHidBackend();
    await expect(backend!.open('/dev/walkout-no-such-hidraw')).rejects.toThrow(/cannot open device with path \/dev\/walkout-no-such-hidraw/);
  });

  it('polls the device list where usb hot-plug is unavailable', async () => {
    vi.useFakeTimers();
    const { backend, discovery, statuses } = await openNodeHidBackend({ importUsb: () => Promise.reject(new Error('no libusb')), pollMs: 1000 });
    expect(discovery).toBe('polling');
    expect(statuses[1]).toMatchObject({ driver: 'usb', state: 'unavailable' });
    const onChange = vi.fn();
    const stop = backend!.watch(onChange);
    vi.advanceTimersByTime(3500);
    expect(onChange).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
