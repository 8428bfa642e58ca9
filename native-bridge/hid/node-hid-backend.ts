// The real HidBackend: node-hid for listing and opening devices, `usb` hot-plug events to notice
// them coming and going, and polling node-hid's list where `usb` is unavailable. Both libraries load
// lazily here and nowhere else; what loaded (or why not) is reported as driver statuses.
import { loadUsb, watchUsbHotplug, type UsbModule } from '../usb/usb-hotplug';
import type { HidBackend, HidDeviceInfo } from './hid-backend';
import { loadDriver, type DriverLoad, type DriverStatus } from './native-driver';
import { NodeHidTransport, type HidAsyncHandle } from './node-hid-transport';

/** The part of the node-hid module this uses. */
export interface NodeHidModule {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidAsyncHandle> };
  getHidapiVersion(): string;
}

export interface NodeHidBackendOptions {
  /** How often to look for devices when there are no hot-plug events. */
  pollMs?: number;
  /** A device node can appear a little after its USB attach event: look again this much later. */
  settleMs?: number;
  importNodeHid?: () => Promise<unknown>;
  importUsb?: () => Promise<unknown>;
}

export interface NodeHidBackendLoad {
  /** Absent when node-hid could not be loaded. */
  backend?: HidBackend;
  statuses: DriverStatus[];
  /** 'usb' when attach/detach events drive discovery, 'polling' otherwise. */
  discovery?: 'usb' | 'polling';
}

export function loadNodeHid(importer: () => Promise<unknown> = () => import('node-hid')): Promise<DriverLoad<NodeHidModule>> {
  return loadDriver<NodeHidModule>('node-hid', importer, (hid) => `(hidapi ${hid.getHidapiVersion()})`);
}

export async function openNodeHidBackend(options: NodeHidBackendOptions = {}): Promise<NodeHidBackendLoad> {
  const hid = await loadNodeHid(options.importNodeHid);
  if (!hid.ok) return { statuses: [hid.status] };
  const usb = await loadUsb(options.importUsb);
  const statuses = [hid.status, usb.status];
  const backend = createNodeHidBackend(hid.library, usb.ok ? usb.library : undefined, options);
  return { backend, statuses, discovery: usb.ok ? 'usb' : 'polling' };
}

export function createNodeHidBackend(hid: NodeHidModule, usb: UsbModule | undefined, options: NodeHidBackendOptions = {}): HidBackend {
  const pollMs = options.pollMs ?? 2000;
  const settleMs = options.settleMs ?? 750;
  return {
    list: () => hid.devicesAsync(),
    async open(path) {
      const handle = await hid.HIDAsync.open(path);
      return new NodeHidTransport(handle, `HID device ${path}`);
    },
    watch(onChange) {
      const timers = new Set<ReturnType<typeof setTimeout>>();
      if (usb) {
        const stop = watchUsbHotplug(usb.usb, () => {
          onChange();
          const timer = setTimeout(() => {
            timers.delete(timer);
            onChange();
          }, settleMs);
          timer.unref?.();
          timers.add(timer);
        });
        return () => {
          stop();
          for (const timer of timers) clearTimeout(timer);
        };
      }
      const interval = setInterval(onChange, pollMs);
      interval.unref?.();
      return () => clearInterval(interval);
    },
  };
}
