import { describe, expect, it } from 'vitest';
import type { FloorPlan, LiveDevices } from '../../../../../native-bridge/contract';
import { sampleFloorPlan } from '../../../testing/sample-data';
import { deviceOverlay, noDeviceOverlay, sameDevices } from './device-overlay';

function planWithScanner(): FloorPlan {
  const plan = sampleFloorPlan();
  plan.layout.gates[0] = { ...plan.layout.gates[0]!, scanner: { kind: 'simulated', serial: 'SCAN-1' } };
  return plan;
}

const down = (device: string, kind: LiveDevices['faults'][number]['kind'] = 'other'): LiveDevices['faults'][number] => ({ device, kind, state: 'offline', since: 1000 });

describe('deviceOverlay', () => {
  it('is empty with no faults or no device report', () => {
    expect(deviceOverlay(sampleFloorPlan(), null)).toBe(noDeviceOverlay);
    expect(deviceOverlay(sampleFloorPlan(), { online: 4, faults: [] })).toBe(noDeviceOverlay);
  });

  it('puts a shelf controller’s fault on every plate wired to it and outlines their fixture', () => {
    const overlay = deviceOverlay(sampleFloorPlan(), { online: 0, faults: [down('C1', 'shelf-controller')] });
    expect(overlay.plates).toHaveLength(1);
    expect(overlay.plates[0]).toMatchObject({ key: 'g1/g1-s1/g1-s1-p1', fixtureId: 'g1', device: 'C1' });
    expect(overlay.plates[0]!.points).toHaveLength(4);
    expect(overlay.fixtureIds).toEqual(['g1']);
    expect(overlay.platesByDevice).toEqual({ C1: 1 });
    expect(overlay.unplaced).toEqual([]);
  });

  it('places cameras with the floor they no longer see, and gates by their scanner', () => {
    const overlay = deviceOverlay(planWithScanner(), { online: 0, faults: [down('cam1', 'camera'), down('SCAN-1', 'gate-scanner')] });
    expect(overlay.cameras).toEqual([expect.objectContaining({ id: 'cam1', name: 'Camera 1', position: [5, 5] })]);
    expect(overlay.cameras[0]!.fieldOfView).toHaveLength(4);
    expect(overlay.gates).toEqual([expect.objectContaining({ id: 'in', name: 'Entry gate' })]);
    expect(overlay.unplaced).toEqual([]);
  });

  it('lists a fault the plan cannot place', () => {
    const overlay = deviceOverlay(sampleFloorPlan(), { online: 0, faults: [down('mystery')] });
    expect(overlay.unplaced.map((f) => f.device)).toEqual(['mystery']);
    expect(overlay.plates).toEqual([]);
  });
});

describe('sameDevices', () => {
  it('compares by content', () => {
    const a: LiveDevices = { online: 3, faults: [down('C1')] };
    expect(sameDevices(a, { online: 3, faults: [down('C1')] })).toBe(true);
    expect(sameDevices(a, { online: 4, faults: [down('C1')] })).toBe(false);
    expect(sameDevices(a, { online: 3, faults: [{ ...down('C1'), state: 'error' }] })).toBe(false);
    expect(sameDevices(a, { online: 3, faults: [{ ...down('C1'), since: 5 }] })).toBe(false);
    expect(sameDevices(a, { online: 3, faults: [] })).toBe(false);
    expect(sameDevices(null, null)).toBe(true);
    expect(sameDevices(a, null)).toBe(false);
  });
});
