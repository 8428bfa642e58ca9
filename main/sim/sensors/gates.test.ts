import { describe, expect, it } from 'vitest';
import type { GatePassage, GateScan, RestockAction } from '../../engine/inputs';
import type { SimGateCrossing } from '../world';
import { createSensorRender } from './render';
import { T0, testStore, testWorld } from './test-world';

const store = testStore();

const crossings: SimGateCrossing[] = [
  { personId: 1, gate: 'in-1', direction: 'in', atMs: T0 + 10_000 },
  { personId: 2, gate: 'in-1', direction: 'in', atMs: T0 + 10_900 },
  { personId: 3, gate: 'in-1', direction: 'in', atMs: T0 + 11_700 }, // tailgater
  { personId: 4, gate: 'in-1', direction: 'in', atMs: T0 + 40_000 },
  { personId: 1, gate: 'out-1', direction: 'out', atMs: T0 + 50_000 },
  { personId: 2, gate: 'out-1', direction: 'out', atMs: T0 + 51_000 },
  { personId: 3, gate: 'out-1', direction: 'out', atMs: T0 + 52_000 },
  { personId: 4, gate: 'out-1', direction: 'out', atMs: T0 + 55_000 },
];

function world() {
  return testWorld({
    durationMs: 60_000,
    sessions: [
      { id: 's1', token: 'tok-group', account: 'acc-1', memberIds: [1, 2], entryMs: T0 + 10_000, exitMs: T0 + 51_000, receipt: [] },
      { id: 's2', token: 'tok-solo', account: 'acc-2', memberIds: [4], entryMs: T0 + 40_000, exitMs: T0 + 55_000, receipt: [] },
    ],
    gateCrossings: crossings,
  });
}

const gatesOnly = { offlineEvents: [], announceDevices: false };

function gateInputs(extra = {}) {
  const inputs = [...createSensorRender(store, world(), { ...gatesOnly, ...extra }).inputs()];
  return {
    scans: inputs.filter((i): i is GateScan => i.kind === 'gate-scan'),
    passages: inputs.filter((i): i is GatePassage => i.kind === 'gate-passage'),
  };
}

describe('gates', () => {
  it('reads each session’s token once, 0.5–3 s before its first member crosses; groups and tailgaters add no scan', () => {
    const { scans } = gateInputs({ doubleScanRate: 0 });
    expect(scans.map((s) => s.token)).toEqual(['tok-group', 'tok-solo']);
    const lead = [10_000 - (scans[0]!.t - T0), 40_000 - (scans[1]!.t - T0)];
    for (const l of lead) {
      expect(l).toBeGreaterThanOrEqual(500);
      expect(l).toBeLessThanOrEqual(3_000);
    }
    expect(scans.every((s) => s.gate === 'in-1')).toBe(true);
  });

  it('reads the token shortly after the world says it was held to the scanner', () => {
    const w = world();
    w.gateCrossings = w.gateCrossings.map((c) => (c.personId === 4 && c.direction === 'in' ? { ...c, scanMs: c.atMs - 5_000 } : c));
    const scans = [...createSensorRender(store, w, { ...gatesOnly, doubleScanRate: 0 }).inputs()].filter((i): i is GateScan => i.kind === 'gate-scan');
    const solo = scans.find((s) => s.token === 'tok-solo')!;
    expect(solo.t - (T0 + 35_000)).toBeGreaterThanOrEqual(50);
    expect(solo.t - (T0 + 35_000)).toBeLessThanOrEqual(400);
  });

  it('counts every crossing, in and out, with small timing noise', () => {
    const { passages } = gateInputs();
    expect(passages).toHaveLength(crossings.length);
    const truth = [...crossings].sort((a, b) => a.atMs - b.atMs);
    passages.forEach((p, i) => {
      expect(p.gate).toBe(truth[i]!.gate);
      expect(Math.abs(p.t - truth[i]!.atMs)).toBeLessThanOrEqual(180);
    });
  });

  it('sometimes reads the same token twice', () => {
    const { scans } = gateInputs({ doubleScanRate: 1 });
    expect(scans.map((s) => s.token)).toEqual(['tok-group', 'tok-group', 'tok-solo', 'tok-solo']);
    expect(scans[1]!.t - scans[0]!.t).toBeGreaterThanOrEqual(800);
  });

  it('can merge near-simultaneous crossings into one passage, like a beam', () => {
    const { passages } = gateInputs({ passageMergeMs: 1_000 });
    expect(passages.filter((p) => p.gate === 'in-1').length).toBeLessThan(4);
  });

  it('brackets staff restocking with restock-start and restock-end unless staff forget', () => {
    const w = testWorld({
      durationMs: 300_000,
      interactions: [
        { personId: 9, kind: 'restock', plate: 'F-1', sku: 'A', quantity: 4, startMs: T0 + 60_000, endMs: T0 + 70_000 },
        { personId: 9, kind: 'restock', plate: 'F-3', sku: 'A', quantity: 4, startMs: T0 + 80_000, endMs: T0 + 90_000 },
      ],
    });
    const actions = (staffForgetRate: number) =>
      [...createSensorRender(store, w, { ...gatesOnly, staffForgetRate }).inputs()].filter((i): i is RestockAction => i.kind === 'staff-action');
    const told = actions(0);
    expect(told.map((a) => [a.action, a.fixture, a.actor])).toEqual([
      ['restock-start', 'G1', 'staff-9'],
      ['restock-end', 'G1', 'staff-9'],
    ]);
    expect(told[0]!.t).toBeLessThan(T0 + 60_000);
    expect(told[1]!.t).toBeGreaterThan(T0 + 90_000);
    expect(actions(1)).toEqual([]);
  });
});
