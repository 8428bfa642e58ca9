// FakeHidBus: a HidBackend whose devices are byte-level fakes (FakeShelfController, FakePosScale),
// for tests and hardware-free demos. Plugging and unplugging a fake behaves as the OS does: the
// device list changes, watchers hear about it, an open transport of an unplugged device closes with
// 'disconnected', and a device plugged back in gets a new path and must be opened afresh.
import type { HidBackend, HidDeviceInfo } from './hid-backend';
import type { FakeHidTransport } from './fake-transport';
import type { HidTransport, Unsubscribe } from './transport';

/** A fake device the bus can carry: what the OS would list, and how to open a connection to it. */
export interface FakeHidDevice {
  readonly info: Omit<HidDeviceInfo, 'path'>;
  /** A new connection; the device sends its reports to it until disconnected. */
  connect(): FakeHidTransport;
  /** The cable is pulled: the open connection (if any) closes with 'disconnected'. */
  disconnect(detail: string): void;
  /** Power returns after a re-plug: firmware state that does not survive a reset starts over. */
  powerOn(): void;
}

export class FakeHidBus implements HidBackend {
  private readonly plugged = new Map<string, FakeHidDevice>();
  private readonly watchers = new Set<() => void>();
  private readonly openFailures: Error[] = [];
  private nextPort = 1;
  /** How many times open() was called, successful or not. */
  opens = 0;

  /** Plugs a device in on a fresh path (as a new port or a new enumeration would give it). */
  plug(device: FakeHidDevice): string {
    const path = `/dev/fake-hidraw${this.nextPort++}`;
    device.powerOn();
    this.plugged.set(path, device);
    this.notify();
    return path;
  }

  unplug(device: FakeHidDevice, detail = 'device unplugged'): void {
    for (const [path, d] of this.plugged) if (d === device) this.plugged.delete(path);
    device.disconnect(detail);
    this.notify();
  }

  /** The next open() fails with `error` (one-shot per call; queue several for several failures). */
  failNextOpen(error: Error): void {
    this.openFailures.push(error);
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.plugged].map(([path, device]) => ({ path, ...device.info }));
  }

  async open(path: string): Promise<HidTransport> {
    this.opens++;
    const failure = this.openFailures.shift();
    if (failure) throw failure;
    const device = this.plugged.get(path);
    if (!device) throw new Error(`cannot open ${path}: no such device`);
    return device.connect();
  }

  watch(onChange: () => void): Unsubscribe {
    this.watchers.add(onChange);
    return () => this.watchers.delete(onChange);
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}
