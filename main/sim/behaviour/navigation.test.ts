// The walkable floor and route planning on the demo store: routes keep bodies out of fixtures, go
// in and out only through gate lanes, and reach stances in front of plates.
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../../store/geometry';
import { loadDemoStore } from '../../store/load';
import { BODY_RADIUS, navGridFor } from './nav-grid';
import { pathSearchFor } from './path-search';
import { Rng } from './rng';
import { ARM_REACH, shelfAccessFor } from './shelf-access';

const store = loadDemoStore();
const grid = navGridFor(store.layout);
const search = pathSearchFor(grid);

function legs(sx: number, sy: number, path: number[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let x = sx;
  let y = sy;
  for (let i = 0; i < path.length; i += 2) {
    out.push([x, y, path[i]!, path[i + 1]!]);
    x = path[i]!;
    y = path[i + 1]!;
  }
  return out;
}

describe('navigation grid', () => {
  it('has no clearance inside fixtures or off the floor, and clear gate lanes', () => {
    for (const fp of grid.footprints) {
      const cx = fp.reduce((s, p) => s + p[0], 0) / fp.length;
      const cy = fp.reduce((s, p) => s + p[1], 0) / fp.length;
      expect(grid.clearanceAt(cx, cy)).toBe(0);
    }
    expect(grid.clearanceAt(8, 10.8)).toBe(0); // outside, between the gates
    for (const lane of grid.lanes) {
      for (const p of [lane.outer, lane.scan, lane.inner]) expect(grid.clearanceAt(p[0], p[1])).toBeGreaterThan(0.4);
    }
  });

  it('plans routes that stay a body radius away from fixtures and walls', () => {
    const rng = new Rng(5);
    const entry = grid.lanes.find((l) => l.kind === 'entry')!;
    for (let k = 0; k < 25; k++) {
      const [gx, gy] = grid.nearestClear(rng.range(0.5, 16.5), rng.range(0.5, 9.5), 0.35);
      const path = search.find(entry.outer[0], entry.outer[1], gx, gy);
      expect(path, `route to ${gx},${gy}`).not.toBeNull();
      expect(path!.slice(-2)).toEqual([gx, gy]);
      for (const [ax, ay, bx, by] of legs(entry.outer[0], entry.outer[1], path!)) {
        const n = Math.ceil(Math.hypot(bx - ax, by - ay) / 0.05);
        for (let i = 0; i <= n; i++) {
          const x = ax + ((bx - ax) * i) / n;
          const y = ay + ((by - ay) * i) / n;
          expect(grid.clearanceAt(x, y)).toBeGreaterThanOrEqual(BODY_RADIUS);
          for (const fp of grid.footprints) expect(pointInPolygon([x, y], fp)).toBe(false);
        }
      }
    }
  });

  it('reaches the street only through a gate', () => {
    const entry = grid.lanes.find((l) => l.kind === 'entry')!;
    const exit = grid.lanes.find((l) => l.kind === 'exit')!;
    const path = search.find(entry.inner[0], entry.inner[1], exit.outer[0], exit.outer[1])!;
    // The only way to the exit lane's outer end crosses its own gate line.
    const crossings = legs(entry.inner[0], entry.inner[1], path).filter(([, ay, , by]) => (ay - 10) * (by - 10) < 0);
    expect(crossings).toHaveLength(1);
    const [ax, ay, bx, by] = crossings[0]!;
    const x = ax + ((bx - ax) * (10 - ay)) / (by - ay);
    const [[x0], [x1]] = exit.gate.line;
    expect(x).toBeGreaterThanOrEqual(Math.min(x0, x1));
    expect(x).toBeLessThanOrEqual(Math.max(x0, x1));
  });

  it('finds standing spots within reach of plates, spaced apart, and never two facing across an aisle', () => {
    const access = shelfAccessFor(store, grid);
    const rng = new Rng(9);
    const site = access.byId.get('G04-B2-05')!;
    const spots = [1, 2, 3].map((owner) => access.reserve(site, owner, rng));
    for (const s of spots) {
      expect(s).not.toBeNull();
      expect(Math.hypot(s!.x - site.frontX, s!.y - site.frontY)).toBeLessThanOrEqual(ARM_REACH);
      expect(grid.clearanceAt(s!.x, s!.y)).toBeGreaterThanOrEqual(BODY_RADIUS);
    }
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) expect(Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y)).toBeGreaterThanOrEqual(0.45);
    }
    // G04's back faces G01's front across aisle 1: the plate straight across is not reservable now.
    const across = [...access.sites].filter((s) => s.fixtureId === 'G01' && s.facingY > 0.5 && Math.abs(s.frontX - site.frontX) < 0.2);
    expect(across.length).toBeGreaterThan(0);
    expect(access.crowdedAt(across[0]!)).toBe(true);
    access.reset();
    expect(access.crowdedAt(across[0]!)).toBe(false);
  });
});
