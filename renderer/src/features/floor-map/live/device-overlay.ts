// Device health on the plan: which plates, cameras and gates a list of device faults puts out of
// action, as shapes in floor metres. A shelf controller's fault covers every plate wired to it
// (plate.device.controller); a camera's covers the floor it sees; a gate scanner's, its gate. A
// fault the plan cannot place (a device the store model does not name) is still listed.
import type { DeviceFault, FloorPlan, LiveDevices, Point } from '../../../../../native-bridge/contract';
import { plateFootprint } from '../geometry';

export interface OfflinePlate {
  key: string;
  fixtureId: string;
  device: string;
  points: Point[];
}

export interface DeviceOverlay {
  plates: OfflinePlate[];
  /** Fixtures with at least one plate down: outlined so the fault shows when zoomed out too. */
  fixtureIds: string[];
  cameras: { id: string; name: string; position: Point; fieldOfView: Point[]; fault: DeviceFault }[];
  gates: { id: string; name: string; line: [Point, Point]; fault: DeviceFault }[];
  /** Faults of devices the plan does not show. */
  unplaced: DeviceFault[];
  /** Plates per faulty shelf controller, for the side list ("24 plates"). */
  platesByDevice: Record<string, number>;
}

export const noDeviceOverlay: DeviceOverlay = { plates: [], fixtureIds: [], cameras: [], gates: [], unplaced: [], platesByDevice: {} };

export function deviceOverlay(plan: FloorPlan, devices: LiveDevices | null): DeviceOverlay {
  if (!devices || devices.faults.length === 0) return noDeviceOverlay;
  const byDevice = new Map(devices.faults.map((fault) => [fault.device, fault]));
  const placed = new Set<string>();
  const plates: OfflinePlate[] = [];
  const fixtureIds: string[] = [];
  const platesByDevice: Record<string, number> = {};
  for (const fixture of plan.layout.fixtures) {
    let hit = false;
    for (const shelf of fixture.shelves) {
      for (const plate of shelf.plates) {
        const { controller } = plate.device;
        if (!byDevice.has(controller)) continue;
        plates.push({ key: `${fixture.id}/${shelf.id}/${plate.id}`, fixtureId: fixture.id, device: controller, points: plateFootprint(fixture, shelf, plate) });
        platesByDevice[controller] = (platesByDevice[controller] ?? 0) + 1;
        placed.add(controller);
        hit = true;
      }
    }
    if (hit) fixtureIds.push(fixture.id);
  }
  const cameras: DeviceOverlay['cameras'] = [];
  for (const camera of plan.cameras) {
    const fault = byDevice.get(camera.id);
    if (!fault) continue;
    cameras.push({ id: camera.id, name: camera.name, position: camera.position, fieldOfView: camera.fieldOfView, fault });
    placed.add(camera.id);
  }
  const gates: DeviceOverlay['gates'] = [];
  for (const gate of plan.layout.gates) {
    const fault = gate.scanner ? byDevice.get(gate.scanner.serial) : undefined;
    if (!fault) continue;
    gates.push({ id: gate.id, name: gate.name, line: gate.line, fault });
    placed.add(fault.device);
  }
  return { plates, fixtureIds, cameras, gates, unplaced: devices.faults.filter((fault) => !placed.has(fault.device)), platesByDevice };
}

/** Same faults and online count: lets the slice keep one object while nothing changes. */
export function sameDevices(a: LiveDevices | null, b: LiveDevices | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.online !== b.online || a.faults.length !== b.faults.length) return false;
  return a.faults.every((fault, i) => {
    const other = b.faults[i]!;
    return fault.device === other.device && fault.state === other.state && fault.since === other.since && fault.detail === other.detail && fault.kind === other.kind;
  });
}
