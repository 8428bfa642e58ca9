// Turns the four parsed-but-untrusted JSON documents of a store directory into a StoreModel:
// schema checks first (all issues of a file at once), then the checks no single schema can make
// (unique ids, wiring, plate placement, planogram references). Pure so importers and editors
// can validate a store they hold in memory, not only one on disk.
import type { z } from 'zod';
import { StoreFileError, formatPath, storeErrorMap, zodIssues, type StoreIssue } from './errors';
import { distanceToPolygonEdge, fixtureFootprint, mat3Invert, pointInPolygon } from './geometry';
import { isValidGtin, gtinCheckDigit } from './gtin';
import {
  camerasFileSchema,
  catalogFileSchema,
  planogramFileSchema,
  storeLayoutSchema,
  type Camera,
  type Facing,
  type Product,
  type StoreLayout,
  type StoreModel,
} from './schema';

/** The files of a store directory, in the order they are checked and reported. */
export const STORE_FILES = {
  layout: 'store.json',
  cameras: 'cameras.json',
  catalog: 'catalog.json',
  planogram: 'planogram.json',
} as const;

export interface RawStoreFiles {
  layout: unknown;
  cameras: unknown;
  catalog: unknown;
  planogram: unknown;
}

/** Plates meeting within this many metres are treated as touching, not overlapping. */
const TOLERANCE = 1e-6;
/** Fixtures may stand this far outside the drawn outline: plans are drawn to the centimetre. */
const FLOOR_TOLERANCE = 0.005;

function parseFile<S extends z.ZodType>(file: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data, { error: storeErrorMap });
  if (!result.success) throw new StoreFileError(file, zodIssues(result.error));
  return result.data;
}

/** Reports each id seen before, naming where it was first used. */
function checkUnique(issues: StoreIssue[], kind: string, entries: Iterable<{ value: string; path: (string | number)[] }>): void {
  const seen = new Map<string, string>();
  for (const { value, path } of entries) {
    const at = formatPath(path);
    const first = seen.get(value);
    if (first !== undefined) issues.push({ path: at, message: `duplicate ${kind} "${value}" (first used at ${first})` });
    else seen.set(value, at);
  }
}

function* fixtureEntries(layout: StoreLayout) {
  for (const [f, fixture] of layout.fixtures.entries()) {
    for (const [s, shelf] of fixture.shelves.entries()) {
      for (const [p, plate] of shelf.plates.entries()) yield { fixture, f, shelf, s, plate, p };
    }
  }
}

export function checkLayout(layout: StoreLayout): StoreIssue[] {
  const issues: StoreIssue[] = [];
  const plates = [...fixtureEntries(layout)];
  checkUnique(issues, 'fixture id', layout.fixtures.map((x, i) => ({ value: x.id, path: ['fixtures', i, 'id'] })));
  checkUnique(
    issues,
    'shelf id',
    layout.fixtures.flatMap((x, f) => x.shelves.map((s, i) => ({ value: s.id, path: ['fixtures', f, 'shelves', i, 'id'] }))),
  );
  checkUnique(issues, 'plate id', plates.map(({ plate, f, s, p }) => ({ value: plate.id, path: ['fixtures', f, 'shelves', s, 'plates', p, 'id'] })));
  checkUnique(issues, 'gate id', layout.gates.map((x, i) => ({ value: x.id, path: ['gates', i, 'id'] })));
  checkUnique(issues, 'zone id', layout.zones.map((x, i) => ({ value: x.id, path: ['zones', i, 'id'] })));

  // One load cell per controller channel: two plates on one channel would read each other's weight.
  const channels = new Map<string, string>();
  for (const { plate, f, s, p } of plates) {
    const key = `${plate.device.controller}\u0000${plate.device.channel}`;
    const at = formatPath(['fixtures', f, 'shelves', s, 'plates', p, 'device']);
    const first = channels.get(key);
    if (first !== undefined) {
      issues.push({ path: at, message: `controller ${plate.device.controller} channel ${plate.device.channel} is already used by ${first}` });
    } else channels.set(key, `plate "${plate.id}" (${at})`);
  }

  const { width, depth, outline } = layout.floor;
  for (const [i, [x, y]] of outline.entries()) {
    if (x < -TOLERANCE || y < -TOLERANCE || x > width + TOLERANCE || y > depth + TOLERANCE) {
      issues.push({ path: `floor.outline[${i}]`, message: `(${x}, ${y}) lies outside the floor's ${width} m × ${depth} m` });
    }
  }

  for (const [f, fixture] of layout.fixtures.entries()) {
    const outside = fixtureFootprint(fixture).find(
      (corner) => !pointInPolygon(corner, outline) && distanceToPolygonEdge(corner, outline) > FLOOR_TOLERANCE,
    );
    if (outside) {
      issues.push({
        path: `fixtures[${f}]`,
        message: `fixture "${fixture.id}" stands outside the floor: its corner (${outside.map((v) => v.toFixed(3)).join(', ')}) is beyond the outline`,
      });
    }
    for (const [s, shelf] of fixture.shelves.entries()) {
      const at = `fixtures[${f}].shelves[${s}]`;
      if (shelf.depth > fixture.depth + TOLERANCE) {
        issues.push({ path: `${at}.depth`, message: `shelf depth ${shelf.depth} m exceeds the fixture's depth ${fixture.depth} m` });
      }
      if (shelf.height > fixture.height + TOLERANCE) {
        issues.push({ path: `${at}.height`, message: `shelf height ${shelf.height} m exceeds the fixture's height ${fixture.height} m` });
      }
      const sorted = shelf.plates.map((plate, p) => ({ plate, p })).sort((a, b) => a.plate.offset - b.plate.offset);
      for (const [k, { plate, p }] of sorted.entries()) {
        const end = plate.offset + plate.width;
        if (end > fixture.length + TOLERANCE) {
          issues.push({
            path: `${at}.plates[${p}]`,
            message: `plate "${plate.id}" runs past the fixture's end (offset ${plate.offset} + width ${plate.width} > length ${fixture.length})`,
          });
        }
        const next = sorted[k + 1];
        if (next && next.plate.offset < end - TOLERANCE) {
          issues.push({
            path: `${at}.plates[${next.p}]`,
            message: `plate "${next.plate.id}" (from ${next.plate.offset} m) overlaps plate "${plate.id}" (${plate.offset}–${round(end)} m) on the same shelf`,
          });
        }
      }
    }
  }
  return issues;
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

export function checkCameras(cameras: Camera[]): StoreIssue[] {
  const issues: StoreIssue[] = [];
  checkUnique(issues, 'camera id', cameras.map((c, i) => ({ value: c.id, path: ['cameras', i, 'id'] })));
  for (const [i, camera] of cameras.entries()) {
    if (camera.floorHomography && !mat3Invert(camera.floorHomography)) {
      issues.push({ path: `cameras[${i}].floorHomography`, message: 'is singular: it cannot map the image onto the floor' });
    }
  }
  return issues;
}

export function checkCatalog(products: Product[]): StoreIssue[] {
  const issues: StoreIssue[] = [];
  checkUnique(issues, 'sku', products.map((x, i) => ({ value: x.sku, path: ['products', i, 'sku'] })));
  // UPC-A and its EAN-13 spelling (a leading 0) are the same code.
  checkUnique(issues, 'upc', products.map((x, i) => ({ value: x.upc.padStart(14, '0'), path: ['products', i, 'upc'] })));
  for (const [i, product] of products.entries()) {
    if (!isValidGtin(product.upc)) {
      issues.push({ path: `products[${i}].upc`, message: `check digit of ${product.upc} should be ${gtinCheckDigit(product.upc.slice(0, -1))}` });
    }
  }
  return issues;
}

export function checkPlanogram(facings: Facing[], layout: StoreLayout, products: Product[]): StoreIssue[] {
  const issues: StoreIssue[] = [];
  const plates = new Set([...fixtureEntries(layout)].map(({ plate }) => plate.id));
  const skus = new Set(products.map((x) => x.sku));
  // A plate reports one weight, so it can only hold one product; a product may span plates.
  checkUnique(issues, 'plate', facings.map((x, i) => ({ value: x.plate, path: ['facings', i, 'plate'] })));
  for (const [i, facing] of facings.entries()) {
    if (!plates.has(facing.plate)) issues.push({ path: `facings[${i}].plate`, message: `unknown plate "${facing.plate}" (not in store.json)` });
    if (!skus.has(facing.sku)) issues.push({ path: `facings[${i}].sku`, message: `unknown sku "${facing.sku}" (not in catalog.json)` });
    if (facing.restockThreshold >= facing.capacity) {
      issues.push({ path: `facings[${i}].restockThreshold`, message: `must be below the capacity (${facing.capacity})` });
    }
  }
  return issues;
}

/** Validates the four documents; throws a StoreFileError for the first file with problems. */
export function parseStoreFiles(raw: RawStoreFiles): StoreModel {
  const layout = parseFile(STORE_FILES.layout, storeLayoutSchema, raw.layout);
  const cameras = parseFile(STORE_FILES.cameras, camerasFileSchema, raw.cameras).cameras;
  const catalog = parseFile(STORE_FILES.catalog, catalogFileSchema, raw.catalog).products;
  const planogram = parseFile(STORE_FILES.planogram, planogramFileSchema, raw.planogram).facings;
  const checks: [string, StoreIssue[]][] = [
    [STORE_FILES.layout, checkLayout(layout)],
    [STORE_FILES.cameras, checkCameras(cameras)],
    [STORE_FILES.catalog, checkCatalog(catalog)],
    [STORE_FILES.planogram, checkPlanogram(planogram, layout, catalog)],
  ];
  for (const [file, issues] of checks) if (issues.length > 0) throw new StoreFileError(file, issues);
  return { layout, cameras, catalog, planogram };
}
