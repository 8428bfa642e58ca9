// Device health for the live floor map, from the `DeviceStatus` inputs drivers (or the simulator)
// put on the input stream: which devices are down, since when, and whether each is a shelf
// controller, a camera or a gate scanner of this store, so the map knows where to draw it.
import type { DeviceFault, DeviceKind, LiveDevices } from '../../native-bridge/contract/live-floor';
import type { DeviceStatus } from '../engine/inputs';
import type { StoreModel } from '../store/schema';

/** What changed for the event feed: a device went down or came back. */
export type DeviceTransition = { up: false; fault: DeviceFault } | { up: true; device: string; kind: DeviceKind };

export function deviceKinds(store: StoreModel): Map<string, DeviceKind> {
  const kinds = new Map<string, DeviceKind>();
  for (const fixture of store.layout.fixtures) {
    for (const shelf of fixture.shelves) for (const plate of shelf.plates) kinds.set(plate.device.controller, 'shelf-controller');
  }
  for (const camera of store.cameras) kinds.set(camera.id, 'camera');
  for (const gate of store.layout.gates) if (gate.scanner) kinds.set(gate.scanner.serial, 'gate-scanner');
  return kinds;
}

export class DeviceBoard {
  private readonly faults = new Map<string, DeviceFault>();
  private readonly online = new Set<string>();
  private cached: LiveDevices | null = null;

  constructor(private readonly kinds: ReadonlyMap<string, DeviceKind>) {}

  /** Takes one status report; returns the transition it made, or null when nothing changed. */
  report(status: DeviceStatus): DeviceTransition | null {
    const { device } = status;
    const kind = this.kinds.get(device) ?? 'other';
    if (status.state === 'online') {
      const wasDown = this.faults.delete(device);
      const wasOnline = this.online.has(device);
      this.online.add(device);
      if (wasDown || !wasOnline) this.cached = null;
      return wasDown ? { up: true, device, kind } : null;
    }
    const previous = this.faults.get(device);
    // A repeated report keeps the time the device first went down.
    if (previous && previous.state === status.state && previous.detail === status.detail) return null;
    const fault: DeviceFault = {
      device,
      kind,
      state: status.state,
      since: previous?.since ?? status.t,
      ...(status.detail !== undefined ? { detail: status.detail } : {}),
    };
    this.faults.set(device, fault);
    this.online.delete(device);
    this.cached = null;
    return previous ? null : { up: false, fault };
  }

  /** The board as the frame carries it; the same object until something changes. */
  view(): LiveDevices {
    this.cached ??= {
      online: this.online.size,
      faults: [...this.faults.values()].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0)),
    };
    return this.cached;
  }
}
