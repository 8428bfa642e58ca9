import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadUsb } from '../usb/usb-hotplug';
import { loadDriver } from './native-driver';
import { loadNodeHid, openNodeHidBackend } from './node-hid-backend';

describe('lazy native drivers', () => {
  it('turns a missing package into a clear "driver unavailable" status', async () => {
    const load = await loadDriver('node-hid', () => import('walkout-no-such-native-library' as string));
    expect(load.ok).toBe(false);
    expect(load.status).toMatchObject({ driver: 'node-hid', state: 'unavailable' });
    expect(load.status.detail).toMatch(/^driver unavailable: node-hid could not be loaded \(.*walkout-no-such-native-library.*\); install the optional npm package node-hid/);
  });

  it('turns a library that fails while loading (a missing libusb) into the same status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkout-driver-'));
    const broken = join(dir, 'broken-usb.mjs');
    writeFileSync(broken, "throw new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory');\n");
    const load = await loadUsb(() => import(pathToFileURL(broken).href));
    expect(load.ok).toBe(false);
    expect(load.status.detail).toContain('libusb-1.0.so.0: cannot open shared object file');
    expect(load.status.detail).toContain('libusb-1.0-0');
  });

  it('starts without devices where node-hid cannot load: statuses, no backend, no throw', async () => {
    const result = await openNodeHidBackend({ importNodeHid: () => Promise.reject(new Error('Cannot find module node-hid')) });
    expect(result.backend).toBeUndefined();
    expect(result.statuses).toEqual([{ driver: 'node-hid', state: 'unavailable', detail: expect.stringMatching(/^driver unavailable: node-hid could not be loaded \(Cannot find module node-hid\)/) }]);
  });

  it('loads the real node-hid and usb where installed', async () => {
    const hid = await loadNodeHid();
    expect(hid.status.state).toBe('available');
    expect(hid.status.detail).toMatch(/^node-hid \(hidapi \d+\.\d+/);
    const usb = await loadUsb();
    expect(usb.status).toEqual({ driver: 'usb', state: 'available', detail: 'usb loaded' });
  });
});
