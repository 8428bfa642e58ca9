// A store model from the AutoCheckout data: a gondola per gondola number, its shelves and plates
// from the weight files found, the catalog and planogram from the product file. The data says
// nothing of geometry, so the layout is drawn plainly (gondolas side by side, 0.1 m plates, one
// entry gate, which every store model needs) and nothing downstream relies on it. Capacities come
// from each plate's stocked weight; the model is then checked by the same validation every store
// directory passes.
import { gtinCheckDigit } from '../store/gtin';
import { restockThreshold } from '../store/demo/build-planogram';
import type { Facing, Fixture, Product, StoreModel } from '../store/schema';
import { parseStoreFiles, type RawStoreFiles } from '../store/validate';
import type { ImportProblem } from './import-errors';
import type { ProductRow } from './autocheckout-products';
import type { PlateScan } from './autocheckout-weights';
import { addressKey, controllerSerial, fixtureId, plateId, shelfId, weightFileName, type PlateAddress } from './plate-address';

export interface StoreIdentity {
  id: string;
  name: string;
  currency: string;
  timezone: string;
}

export interface BuiltStore {
  model: StoreModel;
  /** The four store files as written to disk. */
  files: RawStoreFiles;
  /** Product name → sku. */
  skus: Map<string, string>;
  warnings: ImportProblem[];
}

const PLATE_WIDTH_M = 0.1;
const SHELF_PITCH_M = 0.3;
const FIXTURE_DEPTH_M = 0.6;
const SHELF_DEPTH_M = 0.5;
const AISLE_M = 1.8;
const MARGIN_M = 2;
/**
 * Units of one product differ a little (fill, packaging); the data gives only the mean. 1.5 % of
 * the mean, at least half a gram, is typical of packaged groceries.
 */
const unitStdG = (meanG: number): number => Math.max(0.5, Math.round(meanG * 0.015 * 100) / 100);

/** A restricted-circulation GTIN-13 (prefix 20), unique per product of the import. */
function internalUpc(index: number): string {
  const body = `20${String(index).padStart(10, '0')}`;
  return body + String(gtinCheckDigit(body));
}

function buildCatalog(rows: readonly ProductRow[]): { catalog: Product[]; skus: Map<string, string> } {
  const skus = new Map<string, string>();
  const catalog: Product[] = [];
  for (const row of rows) {
    if (skus.has(row.name)) continue;
    const sku = `AC-${String(catalog.length + 1).padStart(4, '0')}`;
    skus.set(row.name, sku);
    catalog.push({
      sku,
      upc: internalUpc(catalog.length + 1),
      name: row.name,
      category: 'AutoCheckout',
      priceMinor: Math.round(row.price * 100),
      weightMeanG: row.weightG,
      weightStdG: unitStdG(row.weightG),
      ...(row.image ? { image: row.image } : {}),
      ageRestricted: false,
    });
  }
  return { catalog, skus };
}

function buildFixtures(addresses: readonly PlateAddress[]): Fixture[] {
  const byGondola = new Map<number, PlateAddress[]>();
  for (const a of addresses) byGondola.set(a.gondola, [...(byGondola.get(a.gondola) ?? []), a]);
  const gondolas = [...byGondola.keys()].sort((a, b) => a - b);
  const length = PLATE_WIDTH_M * Math.max(...addresses.map((a) => a.plate));
  return gondolas.map((gondola, i) => {
    const plates = byGondola.get(gondola)!;
    const shelfNumbers = [...new Set(plates.map((a) => a.shelf))].sort((a, b) => a - b);
    const topShelf = Math.max(...shelfNumbers);
    return {
      id: fixtureId(gondola),
      name: `Gondola ${gondola}`,
      kind: 'gondola',
      center: [MARGIN_M + length / 2, MARGIN_M + FIXTURE_DEPTH_M / 2 + i * (FIXTURE_DEPTH_M + AISLE_M)],
      length,
      depth: FIXTURE_DEPTH_M,
      height: round(0.1 + topShelf * SHELF_PITCH_M + 0.2),
      rotation: 0,
      shelves: shelfNumbers.map((shelf) => ({
        id: shelfId({ gondola, shelf }),
        face: 'front',
        // Shelf 1 is the bottom one.
        height: round(0.1 + (shelf - 1) * SHELF_PITCH_M),
        depth: SHELF_DEPTH_M,
        plates: plates
          .filter((a) => a.shelf === shelf)
          .map((a) => ({ id: plateId(a), offset: round((a.plate - 1) * PLATE_WIDTH_M), width: PLATE_WIDTH_M, device: { controller: controllerSerial(a), channel: a.plate } })),
      })),
    };
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * Builds and validates the store. Product rows naming a plate without a weight file are problems
 * (the import stops); a second product on a plate that already has one is a warning, the product
 * staying in the catalog (a plate reports one weight, so the planogram gives it one product).
 */
export function buildAutoCheckoutStore(
  scans: readonly PlateScan[],
  rows: readonly ProductRow[],
  identity: StoreIdentity,
  productsLabel: string,
): { store: BuiltStore } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const plates = new Map(scans.map((scan) => [addressKey(scan.file.address), scan]));
  const { catalog, skus } = buildCatalog(rows);
  const byName = new Map(catalog.map((p) => [p.name, p]));
  const facings: Facing[] = [];
  const facingLine = new Map<string, { line: number; name: string }>();
  for (const row of rows) {
    if (!row.address) continue;
    const key = addressKey(row.address);
    const scan = plates.get(key);
    if (!scan) {
      const { gondola, shelf, plate } = row.address;
      problems.push({ file: productsLabel, line: row.line, message: `gondola ${gondola}, shelf ${shelf}, plate ${plate} is not a known plate: there is no ${weightFileName(row.address)}` });
      continue;
    }
    const taken = facingLine.get(key);
    if (taken) {
      const what = taken.name === row.name ? 'repeats' : `puts "${row.name}" on the plate that`;
      warnings.push({ file: productsLabel, line: row.line, message: `${what} line ${taken.line} gave "${taken.name}"; a plate holds one product, so line ${taken.line} is kept` });
      continue;
    }
    facingLine.set(key, { line: row.line, name: row.name });
    const capacity = Math.max(1, Math.round(scan.stockedG / row.weightG));
    facings.push({ plate: plateId(row.address), sku: byName.get(row.name)!.sku, capacity, restockThreshold: restockThreshold(capacity) });
  }
  if (problems.length > 0) return { problems };

  const fixtures = buildFixtures(scans.map((scan) => scan.file.address));
  const width = round(2 * MARGIN_M + Math.max(...fixtures.map((f) => f.length)));
  const depth = round(2 * MARGIN_M + fixtures.length * FIXTURE_DEPTH_M + (fixtures.length - 1) * AISLE_M);
  const files: RawStoreFiles = {
    layout: {
      schemaVersion: 1,
      id: identity.id,
      name: identity.name,
      currency: identity.currency,
      timezone: identity.timezone,
      floor: { width, depth, outline: [[0, 0], [width, 0], [width, depth], [0, depth]] },
      zones: [],
      fixtures,
      gates: [{ id: 'entry', name: 'Entry', kind: 'entry', line: [[1.5, depth], [0.5, depth]] }],
    },
    cameras: { cameras: [] },
    catalog: { products: catalog },
    planogram: { facings },
  };
  return { store: { model: parseStoreFiles(files), files, skus, warnings } };
}
