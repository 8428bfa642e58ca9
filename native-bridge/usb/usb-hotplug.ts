// USB hot-plug through the `usb` library (libusb): attach and detach events for any USB device,
// used to look for HID devices again at once instead of waiting for the next poll. Loaded lazily;
// where it cannot load, or libusb has no hot-plug support on this OS, discovery falls back to
// polling node-hid's device list.
import type { DriverLoad } from '../hid/native-driver';
import { loadDriver } from '../hid/native-driver';

/** The part of the `usb` module's event emitter this uses. */
export interface UsbHotplugLibrary {
  on(event: 'attach' | 'detach', listener: (device: unknown) => void): unknown;
  off(event: 'attach' | 'detach', listener: (device: unknown) => void): unknown;
  /** Let the process exit while hot-plug events are enabled. */
  unrefHotplugEvents?(): void;
}

export interface UsbModule {
  usb: UsbHotplugLibrary;
}

export function loadUsb(importer: () => Promise<unknown> = () => import('usb')): Promise<DriverLoad<UsbModule>> {
  return loadDriver<UsbModule>('usb', importer);
}

/** Calls `onChange` on every USB attach or detach; returns the function that stops listening. */
export function watchUsbHotplug(library: UsbHotplugLibrary, onChange: () => void): () => void {
  const listener = () => onChange();
  library.on('attach', listener);
  library.on('detach', listener);
  library.unrefHotplugEvents?.();
  return () => {
    library.off('attach', listener);
    library.off('detach', listener);
  };
}
