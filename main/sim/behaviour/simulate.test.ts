// The simulated world on the demo store, judged by the world alone: reproducible, physically
// possible (nobody in a shelf, nobody through anybody, human speeds), every session in through an
// entry and out through an exit with a valid token, ground-truth receipts consistent with the
// interactions, stock never below zero, and the hard cases all present when their rates are set.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEntryToken } from '../../engine/fusion/entry-token';
import { fixtureFootprint, locatePlates, pointInPolygon } from '../../store/geometry';
import { loadDemoStore } from '../../store/load';
import type { SimWorld } from '../world';
import { behaviourConfig, BehaviourConfigError, type BehaviourConfig } from './config';
import { simulateWorld, simulateWorldWithStats, type SimulationStats } from './simulate';
import { countSimultaneousAdjacentPicks, summariseWorld, type WorldSummary } from './summary';

const store = loadDemoStore();
const { layout } = store;
const footprints = layout.fixtures.map(fixtureFootprint);
const gateKind = new Map(layout.gates.map((g) => [g.id, g.kind]));

/** 20 shoppers for 10 minutes with every hard case's rate turned up. */
const busy: BehaviourConfig = behaviourConfig({
  seed: 7,
  shoppers: 20,
  durationMs: 10 * 60_000,
  groupFraction: 0.3,
  staffCount: 2,
  tailgateRate: 0.2,
  misplacedPutBackRate: 0.1,
  handOffRate: 0.5,
  simultaneousPickRate: 0.2,
});

let world: SimWorld;
let stats: SimulationStats;
let summary: WorldSummary;

beforeAll(() => {
  ({ world, stats } = simulateWorldWithStats(store, busy));
  summary = summariseWorld(world, layout);
});

function samplesOf(w: SimWorld, index: number): number[] {
  const out: number[] = [];
  for (let s = w.trajectories.start[index]!; s < w.trajectories.start[index + 1]!; s++) out.push(s);
  return out;
}

describe('simulateWorld', () => {
  it('gives the same world for the same seed and another for another seed', () => {
    const small = behaviourConfig({ seed: 11, shoppers: 8, durationMs: 3 * 60_000, groupFraction: 0.3, tailgateRate: 0.2 });
    const a = simulateWorld(store, small);
    const b = simulateWorld(store, small);
    expect(b).toEqual(a);
    const c = simulateWorld(store, { ...small, seed: 12 });
    expect(c.trajectories.x).not.toEqual(a.trajectories.x);
  });

  it('rejects a nonsensical config with the field at fault', () => {
    expect(() => simulateWorld(store, { ...busy, groupFraction: 1.5 })).toThrow(BehaviourConfigError);
    expect(() => simulateWorld(store, { ...busy, trajectoryHz: 0 })).toThrow(/trajectoryHz/);
    expect(() => simulateWorld(store, { ...busy, storeKey: new Uint8Array(4) })).toThrow(/storeKey/);
  });

  it('produces a busy store: people, sessions and interactions of every kind', () => {
    console.info('20 shoppers, 10 min, rates up:', JSON.stringify({ ...summary, stats }));
    expect(summary.shoppers).toBeGreaterThan(30);
    expect(summary.staff).toBe(2);
    expect(summary.sessions).toBeGreaterThan(20);
    expect(summary.meanShoppersInside).toBeGreaterThan(8);
    expect(summary.interactions.pick).toBeGreaterThan(100);
    expect(summary.interactions['put-back']).toBeGreaterThan(0);
    expect(summary.interactions.restock).toBeGreaterThan(0);
    expect(stats.cutOff).toBe(0);
  });

  it('samples trajectories at the asked rate, in time order, from enterMs to exitMs', () => {
    const tr = world.trajectories;
    expect(tr.start).toHaveLength(world.people.length + 1);
    expect(tr.start[world.people.length]).toBe(tr.t.length);
    world.people.forEach((p, i) => {
      expect(tr.personIds[i]).toBe(p.id);
      const s = samplesOf(world, i);
      expect(s.length).toBeGreaterThan(10);
      expect(tr.t[s[0]!]).toBe(p.enterMs);
      expect(tr.t[s[s.length - 1]!]).toBe(p.exitMs);
      let irregular = 0;
      for (let k = 1; k < s.length; k++) if (tr.t[s[k]!]! - tr.t[s[k - 1]!]! !== 100) irregular++;
      expect(irregular).toBe(0);
    });
  });

  it('never puts a body centre inside a fixture', () => {
    const tr = world.trajectories;
    let inside = 0;
    for (let s = 0; s < tr.t.length; s++) {
      for (const fp of footprints) if (pointInPolygon([tr.x[s]!, tr.y[s]!], fp)) inside++;
    }
    expect(inside).toBe(0);
  });

  it('keeps people at least 0.35 m apart in at least 99.9 % of samples', () => {
    console.info(`nearest neighbour ≥ 0.35 m in ${(summary.shareAtLeast035 * 100).toFixed(3)} % of ${summary.samples} samples; closest ${summary.minDistance.toFixed(3)} m`);
    expect(summary.shareAtLeast035).toBeGreaterThanOrEqual(0.999);
  });

  it('moves people at human walking speeds', () => {
    expect(summary.maxSpeed).toBeLessThanOrEqual(1.5);
  });

  it('takes every session in through an entry gate and out through an exit gate, with a token that verifies', () => {
    const nonces = new Set<string>();
    for (const s of world.sessions) {
      for (const id of s.memberIds) {
        const person = world.people.find((p) => p.id === id)!;
        expect(person.sessionId).toBe(s.id);
        const crossings = world.gateCrossings.filter((c) => c.personId === id);
        expect(crossings.map((c) => c.direction)).toEqual(['in', 'out']);
        expect(gateKind.get(crossings[0]!.gate)).toBe('entry');
        expect(gateKind.get(crossings[1]!.gate)).toBe('exit');
        expect(crossings[0]!.scanMs).toBeLessThanOrEqual(crossings[0]!.atMs);
        expect(crossings[0]!.atMs - crossings[0]!.scanMs!).toBeLessThan(10_000);
      }
      expect(s.entryMs).toBeLessThan(s.exitMs);
      const check = verifyEntryToken(busy.storeKey, s.token, layout.id, s.entryMs);
      expect(check.ok).toBe(true);
      if (check.ok) {
        expect(check.claims.groupSize).toBe(s.memberIds.length);
        expect(check.claims.account).toBe(s.account);
        expect(nonces.has(check.claims.nonce)).toBe(false);
        nonces.add(check.claims.nonce);
      }
    }
  });

  it('has groups on one token, tailgaters without a session, and staff who only restock', () => {
    const groups = world.sessions.filter((s) => s.memberIds.length > 1);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.memberIds.length).toBeLessThanOrEqual(4);
    const tailgaters = world.people.filter((p) => p.tailgater);
    expect(tailgaters.length).toBeGreaterThan(0);
    for (const t of tailgaters) {
      expect(t.sessionId).toBeUndefined();
      const entry = world.gateCrossings.find((c) => c.personId === t.id && c.direction === 'in')!;
      expect(entry.scanMs).toBeUndefined();
      // Right behind somebody who did scan, through the same gate.
      const before = world.gateCrossings.filter((c) => c.gate === entry.gate && c.direction === 'in' && c.atMs <= entry.atMs && c.personId !== t.id);
      expect(entry.atMs - before[before.length - 1]!.atMs).toBeLessThan(3000);
    }
    const tailgaterIds = new Set(tailgaters.map((t) => t.id));
    for (const it of world.interactions) if (tailgaterIds.has(it.personId) && it.kind === 'pick') expect(it.sessionId).toBeUndefined();
    const staffIds = new Set(world.people.filter((p) => p.role === 'staff').map((p) => p.id));
    for (const it of world.interactions) {
      expect(it.kind === 'restock').toBe(staffIds.has(it.personId));
      if (it.kind === 'restock') expect(it.sessionId).toBeUndefined();
    }
    expect(world.gateCrossings.some((c) => staffIds.has(c.personId))).toBe(false);
  });

  it('has misplaced put-backs, hand-offs within groups and simultaneous picks at adjacent plates', () => {
    const plates = locatePlates(layout);
    const facing = new Map(store.planogram.map((f) => [f.plate, f.sku]));
    const misplaced = world.interactions.filter((i) => i.kind === 'misplaced-put-back');
    expect(misplaced.length).toBeGreaterThan(0);
    for (const m of misplaced) expect(plates.has(m.plate)).toBe(true);
    expect(misplaced.some((m) => facing.get(m.plate) !== m.sku)).toBe(true);
    const sessionOf = new Map(world.people.map((p) => [p.id, p.sessionId]));
    const groupHandOffs = world.handOffs.filter((h) => sessionOf.get(h.fromPersonId) !== undefined && sessionOf.get(h.fromPersonId) === sessionOf.get(h.toPersonId));
    expect(groupHandOffs.length).toBeGreaterThan(0);
    expect(countSimultaneousAdjacentPicks(world, layout)).toBeGreaterThan(0);
  });

  it('picks 1–3 units with the hand in the shelf 0.8–2.5 s, and records the hand near the plate then', () => {
    const plates = locatePlates(layout);
    const index = new Map(world.people.map((p, i) => [p.id, i]));
    const tr = world.trajectories;
    for (const it of world.interactions) {
      if (it.kind === 'pick') {
        expect(it.quantity).toBeGreaterThanOrEqual(1);
        expect(it.quantity).toBeLessThanOrEqual(3);
        expect(it.endMs - it.startMs).toBeGreaterThanOrEqual(800);
        expect(it.endMs - it.startMs).toBeLessThanOrEqual(2500);
      }
      const front = plates.get(it.plate)!.front;
      const during = samplesOf(world, index.get(it.personId)!).filter((s) => tr.t[s]! >= it.startMs && tr.t[s]! <= it.endMs);
      expect(during.length).toBeGreaterThan(0);
      for (const s of during) {
        expect(Math.hypot(tr.handX[s]! - front[0], tr.handY[s]! - front[1])).toBeLessThan(0.3);
        expect(Math.abs(tr.handZ[s]! - front[2])).toBeLessThan(0.15);
        expect(Math.hypot(tr.x[s]! - front[0], tr.y[s]! - front[1])).toBeLessThan(0.8);
      }
    }
    // And nowhere else.
    let handSamples = 0;
    for (let s = 0; s < tr.t.length; s++) if (!Number.isNaN(tr.handX[s]!)) handSamples++;
    let windowSamples = 0;
    world.people.forEach((p, i) => {
      const mine = world.interactions.filter((it) => it.personId === p.id);
      for (const s of samplesOf(world, i)) if (mine.some((it) => tr.t[s]! >= it.startMs && tr.t[s]! <= it.endMs)) windowSamples++;
    });
    expect(handSamples).toBe(windowSamples);
  });

  it('gives each session the receipt of its picks less its put-backs', () => {
    for (const s of world.sessions) {
      const lines = new Map<string, number>();
      for (const it of world.interactions) {
        if (it.sessionId !== s.id) continue;
        const sign = it.kind === 'pick' ? 1 : it.kind === 'restock' ? 0 : -1;
        lines.set(it.sku, (lines.get(it.sku) ?? 0) + sign * it.quantity);
      }
      const expected = [...lines].filter(([, q]) => q !== 0).map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => (a.sku < b.sku ? -1 : 1));
      for (const line of expected) expect(line.quantity).toBeGreaterThan(0);
      expect(s.receipt).toEqual(expected);
    }
    // Some leave with nothing (browsers, and people who put everything back).
    expect(world.sessions.some((s) => s.receipt.length === 0)).toBe(true);
  });

  it('never takes more from a plate than it holds', () => {
    expect(world.initialStock).toBeDefined();
    const units = new Map<string, number>();
    for (const line of world.initialStock!) {
      const facing = store.planogram.find((f) => f.plate === line.plate)!;
      expect(line.units).toBeLessThanOrEqual(facing.capacity);
      units.set(`${line.plate}|${line.sku}`, line.units);
    }
    const full = world.initialStock!.filter((l) => l.units === store.planogram.find((f) => f.plate === l.plate)!.capacity);
    expect(full.length / world.initialStock!.length).toBeGreaterThan(0.6);
    for (const it of world.interactions) {
      const key = `${it.plate}|${it.sku}`;
      const delta = it.kind === 'pick' ? -it.quantity : it.quantity;
      const next = (units.get(key) ?? 0) + delta;
      expect(next, `${it.kind} of ${it.sku} at ${it.plate}`).toBeGreaterThanOrEqual(0);
      units.set(key, next);
    }
  });
});
