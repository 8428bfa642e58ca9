// Lazy loading of a native device library (node-hid, usb). They are imported only when a device
// feed is started, inside a function, so a store running on the simulator starts on a machine where
// the library or its system dependency (libusb, hidraw) is missing; a failed load becomes a
// 'driver unavailable' status the UI shows, never an exception at startup.

export type DriverName = 'node-hid' | 'usb';

export interface DriverStatus {
  driver: DriverName;
  state: 'available' | 'unavailable';
  /** What loaded (the version) or why it did not, in words a store manager can act on. */
  detail: string;
}

export type DriverLoad<T> = { ok: true; library: T; status: DriverStatus } | { ok: false; status: DriverStatus };

const HINTS: Record<DriverName, string> = {
  'node-hid': 'install the optional npm package node-hid (on Linux it also needs libusb-1.0-0 or hidraw access)',
  usb: 'install the optional npm package usb and the system package libusb-1.0-0',
};

/**
 * Imports a CommonJS native library through `importer` (a function so the bundler keeps the
 * specifier literal and external). The namespace's `default` is the module itself.
 */
export async function loadDriver<T>(driver: DriverName, importer: () => Promise<unknown>, version?: (library: T) => string): Promise<DriverLoad<T>> {
  let namespace: unknown;
  try {
    namespace = await importer();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, status: { driver, state: 'unavailable', detail: `driver unavailable: ${driver} could not be loaded (${reason}); ${HINTS[driver]}` } };
  }
  const library = ((namespace as { default?: unknown }).default ?? namespace) as T;
  return { ok: true, library, status: { driver, state: 'available', detail: version ? `${driver} ${version(library)}` : `${driver} loaded` } };
}
