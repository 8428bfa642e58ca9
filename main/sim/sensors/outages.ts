// When devices stop reporting, and what their drivers say about it. A shelf controller (or camera)
// that goes away sends nothing at all for the outage; its driver declares it offline only after a
// missed-heartbeat delay, and online again with the first data back, so the engine sees a silent
// stretch before it is told why, and a plate's weight may have changed behind its back.
import type { DeviceStatus } from '../../engine/inputs';
import type { StoreModel } from '../../store/schema';
import type { SimWorld } from '../world';
import { SensorConfigError, type SensorConfig } from './config';
import { sensorStream } from './streams';

/** [from, to) in whole store-clock ms, sorted and disjoint per device. */
export type OutageWindows = Map<string, [number, number][]>;

export function controllerSerials(store: StoreModel): string[] {
  const serials = new Set<string>();
  for (const f of store.layout.fixtures) for (const s of f.shelves) for (const p of s.plates) serials.add(p.device.controller);
  return [...serials].sort();
}

export function scheduleOutages(store: StoreModel, world: SimWorld, config: SensorConfig, seed: number): OutageWindows {
  const controllers = controllerSerials(store);
  const known = new Set([...controllers, ...store.cameras.map((c) => c.id)]);
  const raw: { device: string; from: number; to: number }[] = [];
  if (config.offlineEvents) {
    for (const e of config.offlineEvents) {
      if (!known.has(e.device)) throw new SensorConfigError('offlineEvents', `names ${e.device}, which is neither a shelf controller nor a camera of this store`);
      const from = Math.round(world.startMs + e.atMs);
      raw.push({ device: e.device, from, to: Math.round(from + e.durationMs) });
    }
  } else if (controllers.length > 0) {
    const rng = sensorStream(seed, 'outages');
    const span = world.endMs - world.startMs;
    const count = rng.poisson((config.controllerOutagesPerHour * span) / 3_600_000);
    for (let i = 0; i < count; i++) {
      const device = rng.pick(controllers);
      const from = world.startMs + rng.range(0, span);
      raw.push({ device, from: Math.round(from), to: Math.round(from + rng.range(config.outageMs[0], config.outageMs[1])) });
    }
  }
  const out: OutageWindows = new Map();
  raw.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.from - b.from));
  for (const w of raw) {
    const list = out.get(w.device) ?? [];
    const last = list[list.length - 1];
    if (last && w.from <= last[1]) last[1] = Math.max(last[1], w.to);
    else list.push([w.from, w.to]);
    out.set(w.device, list);
  }
  return out;
}

/** True when t falls in one of the windows (linear scan: a device has a handful). */
export function inOutage(windows: readonly [number, number][] | undefined, t: number): boolean {
  if (!windows) return false;
  for (const [from, to] of windows) if (t >= from && t < to) return true;
  return false;
}

export function deviceStatusInputs(store: StoreModel, world: SimWorld, config: SensorConfig, outages: OutageWindows): DeviceStatus[] {
  const out: DeviceStatus[] = [];
  if (config.announceDevices) {
    const devices = [
      ...controllerSerials(store),
      ...store.cameras.map((c) => c.id),
      ...store.layout.gates.flatMap((g) => (g.scanner ? [g.scanner.serial] : [])),
    ];
    for (const device of devices) out.push({ kind: 'device-status', device, t: world.startMs, state: 'online', detail: 'connected' });
  }
  for (const [device, windows] of outages) {
    for (const [from, to] of windows) {
      const noticed = from + Math.round(config.offlineDetectMs);
      // An outage shorter than the heartbeat timeout is only a gap in the data.
      if (noticed < to && noticed < world.endMs) out.push({ kind: 'device-status', device, t: noticed, state: 'offline', detail: 'no data' });
      if (to < world.endMs) out.push({ kind: 'device-status', device, t: to, state: 'online', detail: 'reporting again' });
    }
  }
  return out;
}
