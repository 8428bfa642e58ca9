// Acceptance criteria of the bundled demo store, checked on the committed files as loaded by
// loadStore (so the loader's own cross-checks apply too).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceToPolygonEdge, fixtureFootprint, locatePlates, pointInPolygon, polygonArea, polygonBounds } from '../geometry';
import { isValidGtin } from '../gtin';
import { demoStoreDir, loadStore } from '../load';
import type { Point } from '../schema';
import { buildDemoStoreFiles } from './build';
import { cameraCoverage } from '../coverage';

const dir = demoStoreDir();
const { layout, cameras, catalog, planogram } = loadStore(dir);
const shelves = layout.fixtures.flatMap((f) => f.shelves);
const plates = shelves.flatMap((s) => s.plates);
const products = new Map(catalog.map((p) => [p.sku, p]));
const facingByPlate = new Map(planogram.map((f) => [f.plate, f]));

/** Shortest distance between two non-overlapping convex footprints. */
function gap(a: Point[], b: Point[]): number {
  return Math.min(...a.map((p) => distanceToPolygonEdge(p, b)), ...b.map((p) => distanceToPolygonEdge(p, a)));
}

describe('demo store files', () => {
  it('are exactly what the generator writes', () => {
    for (const [file, text] of Object.entries(buildDemoStoreFiles())) {
      expect(readFileSync(join(dir, file), 'utf8'), `${file} is stale: run npx tsx main/store/demo/generate.ts`).toBe(text);
    }
  });

  it('stay under 1 MB together', () => {
    const bytes = ['store.json', 'cameras.json', 'catalog.json', 'planogram.json'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(1_000_000);
  });
});

describe('demo store layout', () => {
  const { width, depth, outline } = layout.floor;

  it('is a convenience store of about 170 m²', () => {
    expect(polygonArea(outline)).toBeGreaterThanOrEqual(150);
    expect(polygonArea(outline)).toBeLessThanOrEqual(190);
  });

  it('has separate entry and exit gates on the front wall, each entry with a simulated scanner', () => {
    const entries = layout.gates.filter((g) => g.kind === 'entry');
    const exits = layout.gates.filter((g) => g.kind === 'exit');
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(exits.length).toBeGreaterThanOrEqual(1);
    for (const gate of layout.gates) {
      const [[x0, y0], [x1, y1]] = gate.line;
      expect([y0, y1]).toEqual([depth, depth]);
      expect(Math.abs(x1 - x0)).toBeGreaterThanOrEqual(0.9); // wide enough for a wheelchair
      // Walking from line[0] to line[1], the store is on the right (y grows down the page).
      const len = Math.hypot(x1 - x0, y1 - y0);
      const right: Point = [(x0 + x1) / 2 - (y1 - y0) / len * 0.5, (y0 + y1) / 2 + (x1 - x0) / len * 0.5];
      expect(pointInPolygon(right, outline), gate.id).toBe(true);
    }
    for (const gate of entries) expect(gate.scanner?.kind).toBe('simulated');
    // Entry and exit lanes do not share floor: every entry lies apart from every exit.
    const span = (g: (typeof layout.gates)[number]): [number, number] => [
      Math.min(g.line[0][0], g.line[1][0]),
      Math.max(g.line[0][0], g.line[1][0]),
    ];
    for (const a of entries) for (const b of exits) expect(span(a)[1] <= span(b)[0] || span(b)[1] <= span(a)[0]).toBe(true);
  });

  it('has entrance, exit, aisle, department and grab & go zones inside the floor', () => {
    const kinds = new Set(layout.zones.map((z) => z.kind));
    for (const kind of ['entrance', 'exit', 'aisle', 'department', 'checkout'] as const) expect(kinds).toContain(kind);
    const departments = layout.zones.filter((z) => z.kind === 'department').map((z) => z.name.toLowerCase());
    for (const word of ['crisps', 'drinks', 'dairy', 'household', 'bakery']) expect(departments.some((d) => d.includes(word)), word).toBe(true);
    expect(layout.zones.some((z) => z.kind === 'checkout' && /grab & go/i.test(z.name))).toBe(true);
    for (const zone of layout.zones) {
      const b = polygonBounds(zone.polygon);
      expect(b.minX >= 0 && b.minY >= 0 && b.maxX <= width && b.maxY <= depth, zone.id).toBe(true);
    }
  });

  it('leaves aisles of at least 1.1 m between fixtures', () => {
    const footprints = layout.fixtures.map((f) => ({ id: f.id, corners: fixtureFootprint(f) }));
    for (const [i, a] of footprints.entries()) {
      for (const b of footprints.slice(i + 1)) {
        const d = gap(a.corners, b.corners);
        // Fixtures either stand in one run (coolers side by side) or leave a passable aisle.
        expect(d < 0.01 || d >= 1.1, `${a.id}–${b.id}: ${d.toFixed(2)} m`).toBe(true);
      }
    }
  });

  it('has at least 8 gondolas, 40 shelves and 400 plates', () => {
    expect(layout.fixtures.filter((f) => f.kind === 'gondola').length).toBeGreaterThanOrEqual(8);
    expect(shelves.length).toBeGreaterThanOrEqual(40);
    expect(plates.length).toBeGreaterThanOrEqual(400);
  });

  it('faces every plate onto open floor where a shopper can stand', () => {
    const footprints = layout.fixtures.map(fixtureFootprint);
    for (const [id, placement] of locatePlates(layout)) {
      const [x, y] = placement.front;
      const standing: Point = [x + 0.4 * placement.facing[0], y + 0.4 * placement.facing[1]];
      expect(pointInPolygon(standing, outline), id).toBe(true);
      expect(footprints.some((f) => pointInPolygon(standing, f)), id).toBe(false);
      expect(placement.center[2]).toBeLessThan(placement.fixture.height);
    }
  });

  it('wires every plate to its own channel of a 32-channel shelf controller', () => {
    const used = new Set<string>();
    for (const plate of plates) {
      expect(plate.device.controller).toMatch(/^SHC-\d{4}$/);
      expect(plate.device.channel).toBeLessThan(32);
      const key = `${plate.device.controller}/${plate.device.channel}`;
      expect(used.has(key), key).toBe(false);
      used.add(key);
    }
  });
});

describe('demo store cameras', () => {
  it('has 16 or more overhead cameras with realistic optics and simulated streams', () => {
    expect(cameras.length).toBeGreaterThanOrEqual(16);
    for (const camera of cameras) {
      const { width, height } = camera.resolution;
      expect([`${width}x${height}`]).toEqual([expect.stringMatching(/^(1280x720|1920x1080)$/)]);
      expect(camera.pose!.position[2]).toBeGreaterThanOrEqual(3.0);
      expect(camera.pose!.position[2]).toBeLessThanOrEqual(3.4);
      expect(camera.pose!.pitch).toBeGreaterThanOrEqual(60); // down or slightly oblique
      const hfov = (2 * Math.atan(width / 2 / camera.intrinsics.fx) * 180) / Math.PI;
      expect(hfov).toBeGreaterThan(90);
      expect(hfov).toBeLessThan(120);
      expect(camera.intrinsics.fx).toBeCloseTo(camera.intrinsics.fy, 0);
      expect(camera.stream).toEqual({ kind: 'simulated', url: `sim://${camera.id}` });
    }
  });

  it('sees every walkable floor point with at least two cameras', () => {
    const floor = cameraCoverage(layout, cameras);
    expect(floor.points).toBeGreaterThan(1000);
    expect(floor.min, `least covered: ${JSON.stringify(floor.worst)}`).toBeGreaterThanOrEqual(2);
    // Heads (1.6 m) are closer to the cameras, so the views there are smaller; reported, not required.
    const head = cameraCoverage(layout, cameras, { z: 1.6, occlusion: true });
    console.info(
      `demo camera coverage: floor min ${floor.min}, mean ${floor.mean.toFixed(2)}; ` +
        `head height ≥1 camera ${(100 * head.atLeastOne).toFixed(1)} %, ≥2 ${(100 * head.atLeastTwo).toFixed(1)} %`,
    );
    expect(head.atLeastOne).toBeGreaterThan(0.95);
  });
});

/** Declared net contents in grams from a name ending "100 g", "1.5 L" or "4 × 440 ml". */
function declaredGrams(name: string): number | undefined {
  const m = /(?:(\d+) × )?(\d+(?:\.\d+)?) (kg|g|ml|L)$/.exec(name);
  if (!m) return undefined;
  const unit = { kg: 1000, g: 1, ml: 1, L: 1000 }[m[3] as 'kg' | 'g' | 'ml' | 'L'];
  return Number(m[1] ?? 1) * Number(m[2]) * unit;
}

describe('demo store catalog', () => {
  it('has 300 or more products with names, categories, prices and valid EAN-13 codes', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(300);
    expect(new Set(catalog.map((p) => p.category)).size).toBeGreaterThanOrEqual(10);
    for (const p of catalog) {
      expect(p.name).toMatch(/^\p{Lu}\S*( \S+){2,}$/u); // brand, product, size
      expect(p.priceMinor).toBeGreaterThan(0);
      expect(p.upc).toMatch(/^\d{13}$/);
      expect(isValidGtin(p.upc), p.upc).toBe(true);
    }
  });

  it('gives unit weights consistent with the pack size', () => {
    let checked = 0;
    for (const p of catalog) {
      expect(p.weightStdG).toBeGreaterThan(0);
      expect(p.weightStdG / p.weightMeanG, p.name).toBeLessThan(0.05);
      const net = declaredGrams(p.name);
      if (net === undefined) continue;
      checked++;
      // At least the contents (liquids ~1 g/ml, oil and aerosols a little less), at most contents plus glass.
      expect(p.weightMeanG, p.name).toBeGreaterThanOrEqual(net * 0.9);
      expect(p.weightMeanG, p.name).toBeLessThanOrEqual(net + Math.max(1.2 * net, 250));
    }
    expect(checked).toBeGreaterThan(catalog.length * 0.8);
  });

  it('restricts alcohol and nicotine to adults', () => {
    const restricted = catalog.filter((p) => p.ageRestricted);
    expect(restricted.length).toBeGreaterThan(0);
    for (const kind of [/beer|lager|ipa|stout/i, /wine|sauvignon|prosecco/i, /nicotine/i]) {
      expect(restricted.some((p) => kind.test(p.name))).toBe(true);
    }
    for (const p of catalog) {
      if (['Beer & cider', 'Wine', 'Nicotine pouches'].includes(p.category) && !/alcohol-free/i.test(p.name)) {
        expect(p.ageRestricted, p.name).toBe(true);
      }
    }
  });
});

describe('demo store planogram', () => {
  it('puts a product on every plate, and every product on a plate', () => {
    for (const plate of plates) expect(facingByPlate.has(plate.id), plate.id).toBe(true);
    const placed = new Set(planogram.map((f) => f.sku));
    for (const p of catalog) expect(placed.has(p.sku), p.sku).toBe(true);
    // Best sellers take more than one plate.
    expect(planogram.length).toBeGreaterThan(placed.size);
  });

  it('sizes capacity to the plate and restocks before the plate is empty', () => {
    for (const facing of planogram) {
      expect(facing.capacity).toBeGreaterThanOrEqual(1);
      expect(facing.restockThreshold).toBeLessThan(facing.capacity);
      // A full plate stays within a shelf load cell's 30 kg rating.
      expect(facing.capacity * products.get(facing.sku)!.weightMeanG, facing.plate).toBeLessThanOrEqual(30_000);
    }
    const width = new Map(plates.map((p) => [p.id, p.width]));
    const wide = planogram.filter((f) => width.get(f.plate)! >= 0.4);
    const narrow = planogram.filter((f) => width.get(f.plate)! <= 0.2);
    const mean = (fs: typeof planogram) => fs.reduce((n, f) => n + f.capacity, 0) / fs.length;
    expect(mean(wide)).not.toBe(mean(narrow));
  });

  it('has shelves where neighbouring plates hold products within 2 g of each other', () => {
    const confusable: string[] = [];
    for (const shelf of shelves) {
      const sorted = [...shelf.plates].sort((a, b) => a.offset - b.offset);
      for (let i = 1; i < sorted.length; i++) {
        const a = products.get(facingByPlate.get(sorted[i - 1]!.id)!.sku)!;
        const b = products.get(facingByPlate.get(sorted[i]!.id)!.sku)!;
        if (a.sku !== b.sku && Math.abs(a.weightMeanG - b.weightMeanG) < 2) {
          confusable.push(`${shelf.id}: ${a.name} ${a.weightMeanG} g | ${b.name} ${b.weightMeanG} g`);
        }
      }
    }
    expect(new Set(confusable.map((c) => c.split(':')[0])).size).toBeGreaterThanOrEqual(3);
  });
});
