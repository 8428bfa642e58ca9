// Finds weighing devices (shelf controllers, POS scales) on a HidBackend, opens them, and keeps them
// open: a device is known by its serial number, whatever port or path it comes back on; when it
// goes away or fails to open it is retried with exponential backoff, and sooner when a hot-plug
// event says the devices changed. Consumers hear 'online' with an open WeightDevice and 'offline'
// with the reason; everything is reported, nothing thrown into the event loop.
import type { HidBackend, HidDeviceInfo } from './hid-backend';
import { POS_SCALE_USAGE_PAGE, SHELF_CONTROLLER_USAGE_PAGE } from './hid-backend';
import { openPosScaleDevice } from './pos-scale-device';
import { openShelfControllerDevice } from './shelf-controller-device';
import type { Unsubscribe } from './transport';
import { Listeners } from './listeners';
import type { WeightDevice, WeightDeviceKind } from './weight-device';

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const defaultBackoff: Readonly<BackoffOptions> = Object.freeze({ initialMs: 500, maxMs: 30_000, factor: 2 });

/** Wait before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, o: BackoffOptions = defaultBackoff): number {
  return Math.min(o.maxMs, o.initialMs * o.factor ** attempt);
}

export type SupervisedState = 'connecting' | 'online' | 'offline';

export interface SupervisedDevice {
  serial: string;
  kind: WeightDeviceKind;
  state: SupervisedState;
  detail: string;
  /** Failed attempts since it was last online. */
  attempts: number;
  /** When the next attempt is due (ms on the supervisor's clock), while offline. */
  retryAt?: number;
  description?: string;
}

export interface SupervisorOptions {
  backoff?: BackoffOptions;
  posScaleRateHz?: number;
  now?: () => number;
}

interface Entry extends SupervisedDevice {
  device?: WeightDevice;
  timer?: ReturnType<typeof setTimeout>;
}

export function deviceKindOf(info: HidDeviceInfo): WeightDeviceKind | undefined {
  if (info.usagePage === SHELF_CONTROLLER_USAGE_PAGE) return 'shelf-controller';
  if (info.usagePage === POS_SCALE_USAGE_PAGE) return 'pos-scale';
  return undefined;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class WeightDeviceSupervisor {
  private readonly entries = new Map<string, Entry>();
  private readonly online = new Listeners<[WeightDevice]>();
  private readonly offline = new Listeners<[string, string]>();
  private readonly changed = new Listeners<[]>();
  /** Weighing devices that cannot be supervised (no serial number), by path. */
  readonly unnamed = new Map<string, string>();
  private unwatch: Unsubscribe | null = null;
  private scanning: Promise<void> | null = null;
  private rescan = false;
  private stopped = false;
  private readonly backoff: BackoffOptions;
  private readonly now: () => number;

  constructor(
    private readonly backend: HidBackend,
    private readonly options: SupervisorOptions = {},
  ) {
    this.backoff = options.backoff ?? defaultBackoff;
    this.now = options.now ?? (() => performance.now());
  }

  onOnline(listener: (device: WeightDevice) => void): Unsubscribe {
    return this.online.add(listener);
  }

  onOffline(listener: (serial: string, detail: string) => void): Unsubscribe {
    return this.offline.add(listener);
  }

  /** Any state change, for status displays. */
  onChange(listener: () => void): Unsubscribe {
    return this.changed.add(listener);
  }

  states(): SupervisedDevice[] {
    return [...this.entries.values()]
      .map(({ serial, kind, state, detail, attempts, retryAt, description }) => ({ serial, kind, state, detail, attempts, retryAt, description }))
      .sort((a, b) => (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0));
  }

  device(serial: string): WeightDevice | undefined {
    return this.entries.get(serial)?.device;
  }

  async start(): Promise<void> {
    this.unwatch = this.backend.watch(() => void this.scan());
    await this.scan();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unwatch?.();
    await this.scanning;
    const open: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      if (entry.device) open.push(entry.device.close().catch(() => undefined));
    }
    await Promise.all(open);
  }

  /** Looks at the device list and opens every weighing device not open yet. Overlapping calls coalesce. */
  scan(): Promise<void> {
    if (this.scanning) {
      this.rescan = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      do {
        this.rescan = false;
        await this.scanOnce();
      } while (this.rescan && !this.stopped);
    })().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    if (this.stopped) return;
    let infos: HidDeviceInfo[];
    try {
      infos = await this.backend.list();
    } catch (error) {
      // The device list itself failed: every known-but-offline device waits for the next try.
      for (const entry of this.entries.values()) if (entry.state === 'offline') this.retryLater(entry, `could not list HID devices: ${message(error)}`);
      return;
    }
    const seen = new Set<string>();
    this.unnamed.clear();
    const attempts: Promise<void>[] = [];
    for (const info of infos) {
      const kind = deviceKindOf(info);
      if (!kind) continue;
      if (!info.serialNumber) {
        this.unnamed.set(info.path, `${kind} ${hex4(info.vendorId)}:${hex4(info.productId)} at ${info.path} has no serial number, so its plates cannot be mapped`);
        continue;
      }
      // A composite device may list one collection twice (e.g. per interface); open it once.
      if (seen.has(info.serialNumber)) continue;
      seen.add(info.serialNumber);
      const entry = this.entry(info.serialNumber, kind);
      if (entry.state !== 'offline') continue;
      clearTimeout(entry.timer);
      entry.timer = undefined;
      attempts.push(this.connect(entry, info));
    }
    await Promise.all(attempts);
    for (const entry of this.entries.values()) {
      if (!seen.has(entry.serial) && entry.state === 'offline' && entry.timer === undefined) this.retryLater(entry, 'not connected');
    }
  }

  private entry(serial: string, kind: WeightDeviceKind): Entry {
    let entry = this.entries.get(serial);
    if (!entry) {
      entry = { serial, kind, state: 'offline', detail: 'found', attempts: 0 };
      this.entries.set(serial, entry);
    }
    return entry;
  }

  private async connect(entry: Entry, info: HidDeviceInfo): Promise<void> {
    entry.state = 'connecting';
    entry.detail = `opening ${info.path}`;
    entry.retryAt = undefined;
    this.changed.emit();
    let device: WeightDevice;
    try {
      const transport = await this.backend.open(info.path);
      device =
        entry.kind === 'shelf-controller'
          ? await openShelfControllerDevice(transport)
          : openPosScaleDevice(transport, {
              serial: entry.serial,
              description: [info.manufacturer, info.product].filter(Boolean).join(' ') || `scale ${hex4(info.vendorId)}:${hex4(info.productId)}`,
              rateHz: this.options.posScaleRateHz,
            });
      if (device.serial !== entry.serial) {
        await device.close();
        throw new Error(`the device at ${info.path} lists serial ${entry.serial} but reports ${device.serial}`);
      }
    } catch (error) {
      entry.state = 'offline';
      entry.attempts++;
      this.retryLater(entry, `could not open: ${message(error)}`, false);
      return;
    }
    if (this.stopped) {
      await device.close();
      return;
    }
    entry.device = device;
    entry.state = 'online';
    entry.attempts = 0;
    entry.detail = device.description;
    entry.description = device.description;
    device.onClose((detail) => this.lost(entry, device, detail));
    this.changed.emit();
    this.online.emit(device);
  }

  private lost(entry: Entry, device: WeightDevice, detail: string): void {
    if (entry.device !== device) return;
    entry.device = undefined;
    entry.state = 'offline';
    this.offline.emit(entry.serial, detail);
    if (this.stopped) return;
    // First retry soon: a re-plug or a USB reset is usually over within a second.
    this.retryLater(entry, detail, false);
  }

  private retryLater(entry: Entry, detail: string, countAttempt = true): void {
    if (this.stopped) return;
    if (countAttempt) entry.attempts++;
    const delay = backoffDelay(Math.max(0, entry.attempts - 1), this.backoff);
    entry.detail = detail;
    entry.retryAt = this.now() + delay;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.scan();
    }, delay);
    entry.timer.unref?.();
    this.changed.emit();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
