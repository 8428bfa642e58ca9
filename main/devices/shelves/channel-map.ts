// Which plate each controller channel weighs, from the store layout (every plate names the
// controller serial and channel that reads it). Built once per store; the device feed asks it once
// per controller connection, not per sample.
import type { StoreModel } from '../../store/schema';

export interface MappedPlate {
  plate: string;
  shelf: string;
  fixture: string;
  /** Serial number of the controller (or POS scale) that reads it. */
  device: string;
  channel: number;
}

export interface ChannelMap {
  /** Every plate, in store order (fixture, shelf, along the shelf). */
  plates: readonly MappedPlate[];
  plate(id: string): MappedPlate | undefined;
  /** The plates a device serves, by channel. */
  channelsOf(device: string): readonly MappedPlate[];
  devices(): string[];
}

export class ChannelMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelMapError';
  }
}

export function buildChannelMap(store: StoreModel): ChannelMap {
  const plates: MappedPlate[] = [];
  const byId = new Map<string, MappedPlate>();
  const byDevice = new Map<string, MappedPlate[]>();
  const wired = new Map<string, string>();
  for (const fixture of store.layout.fixtures) {
    for (const shelf of fixture.shelves) {
      for (const p of [...shelf.plates].sort((a, b) => a.offset - b.offset)) {
        const key = `${p.device.controller}#${p.device.channel}`;
        const other = wired.get(key);
        if (other) throw new ChannelMapError(`plates ${other} and ${p.id} are both wired to ${p.device.controller} channel ${p.device.channel}`);
        wired.set(key, p.id);
        const mapped: MappedPlate = { plate: p.id, shelf: shelf.id, fixture: fixture.id, device: p.device.controller, channel: p.device.channel };
        plates.push(mapped);
        byId.set(p.id, mapped);
        const list = byDevice.get(mapped.device) ?? [];
        list.push(mapped);
        byDevice.set(mapped.device, list);
      }
    }
  }
  for (const list of byDevice.values()) list.sort((a, b) => a.channel - b.channel);
  return {
    plates,
    plate: (id) => byId.get(id),
    channelsOf: (device) => byDevice.get(device) ?? [],
    devices: () => [...byDevice.keys()].sort(),
  };
}
