// What device discovery needs from a HID stack: list what is plugged in, open one device as a
// HidTransport, and hear when the set of devices may have changed. node-hid (with usb hot-plug
// events or polling) implements it for real devices; FakeHidBus implements it for tests and demos.
import type { HidTransport, Unsubscribe } from './transport';

/** One HID interface as the OS lists it. A composite device lists one per top-level collection. */
export interface HidDeviceInfo {
  /** OS path to open it by; changes when the device is re-plugged into another port. */
  path: string;
  vendorId: number;
  productId: number;
  /** Absent on devices without a serial string descriptor; such devices cannot be told apart. */
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  usagePage?: number;
  usage?: number;
}

export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidTransport>;
  /** Calls `onChange` when devices may have been attached or detached. */
  watch(onChange: () => void): Unsubscribe;
}

/** Usage page of the Walkout shelf controller (docs/shelf-controller-protocol.md §2). */
export const SHELF_CONTROLLER_USAGE_PAGE = 0xff57;
/** HID Usage Tables: the Scales page (POS scales). */
export const POS_SCALE_USAGE_PAGE = 0x8d;
