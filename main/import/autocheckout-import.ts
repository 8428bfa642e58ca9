// `walkout import autocheckout`: the public weight data of the 2020 AutoCheckout competition into a
// run folder — a store model (store/, also snapshotted into the recording) and a recording of every
// plate's readings, which `walkout shelves events` and `walkout replay` read like any other run.
// Every file is checked before anything is written; the recording is written under a temporary
// name and renamed when complete, so a failed or killed import leaves no half recording behind.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openStoreDatabase } from '../db';
import { RecordingWriter } from '../recording';
import { formatJson } from '../store/demo/format-json';
import { STORE_FILES } from '../store/validate';
import { prepareRunDir, runPath, writeJson, type RunMeta } from '../runs/run-dir';
import { readProducts } from './autocheckout-products';
import { buildAutoCheckoutStore, type StoreIdentity } from './autocheckout-store';
import { listWeightFiles, readWeights, scanWeights, type PlateScan } from './autocheckout-weights';
import { EvenGrid } from './even-grid';
import { FileProblem, ImportError, formatProblem, type ImportProblem } from './import-errors';
import { plateId } from './plate-address';

export interface AutoCheckoutImportOptions {
  weightsDir: string;
  productsFile: string;
  outDir: string;
  /** The plates' sample rate; readings are put on an even grid at this rate. Default 60. */
  hz?: number;
  /** Readings further apart than this leave a gap in the recording rather than being joined. Default 500 ms. */
  maxGapMs?: number;
  store?: Partial<StoreIdentity>;
  progress?: (phase: string, done: number) => void;
}

export interface AutoCheckoutImportReport {
  outDir: string;
  storeDir: string;
  storeId: string;
  plates: number;
  products: number;
  facings: number;
  readings: number;
  samples: number;
  startMs: number;
  endMs: number;
  repeatedTimes: number;
  gaps: number;
  ignoredFiles: string[];
  warnings: string[];
}

/** What import.json records next to the recording: where it came from and what was found. */
export interface ImportRecord extends Omit<AutoCheckoutImportReport, 'outDir' | 'storeDir'> {
  format: 1;
  source: 'autocheckout-2020';
  weightsDir: string;
  productsFile: string;
  hz: number;
}

export const importRecordFile = 'import.json';
export const importedStoreDir = 'store';

const defaultIdentity: StoreIdentity = { id: 'autocheckout', name: 'AutoCheckout import', currency: 'USD', timezone: 'America/Los_Angeles' };

export async function importAutoCheckout(o: AutoCheckoutImportOptions): Promise<AutoCheckoutImportReport> {
  const hz = o.hz ?? 60;
  const maxGapMs = o.maxGapMs ?? 500;
  const identity = { ...defaultIdentity, ...o.store };
  const productsLabel = basename(o.productsFile);
  const listing = listWeightFiles(o.weightsDir);
  const products = await readProducts(o.productsFile, productsLabel);
  const problems: ImportProblem[] = [...listing.problems, ...products.problems];

  const totalBytes = listing.files.reduce((n, f) => n + f.bytes, 0) || 1;
  const scans: PlateScan[] = [];
  let bytesDone = 0;
  for (const file of listing.files) {
    o.progress?.('checking weight files', bytesDone / totalBytes);
    try {
      scans.push(await scanWeights(file, { hz, maxGapMs }));
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      problems.push(error.problem);
    }
    bytesDone += file.bytes;
  }
  if (problems.length > 0) throw new ImportError(problems);
  const built = buildAutoCheckoutStore(scans, products.rows, identity, productsLabel);
  if ('problems' in built) throw new ImportError(built.problems);
  const { store } = built;

  const startMs = Math.floor(Math.min(...scans.map((s) => s.firstMs)));
  const dtMs = 1000 / hz;
  const endMs = Math.max(...scans.map((s) => s.lastMs)) + dtMs;
  prepareRunDir(o.outDir);
  const finalPath = runPath(o.outDir, 'recording');
  const partialPath = `${finalPath}.partial`;
  removeDatabaseFiles(partialPath);
  let samples = 0;
  let readings = 0;
  const db = openStoreDatabase(partialPath, { storeId: identity.id });
  try {
    db.storeSnapshots.save(store.model, startMs);
    const writer = new RecordingWriter(db);
    bytesDone = 0;
    for (const scan of scans) {
      o.progress?.('recording', bytesDone / totalBytes);
      const plate = plateId(scan.file.address);
      const grid = new EvenGrid({ originMs: startMs, dtMs, maxGapMs, chunkSamples: Math.max(1, Math.round(hz / 4)) }, (t0, dt, grams) => {
        samples += grams.length;
        writer.write({ kind: 'plate-samples', plate, t0, dt, grams });
      });
      await readWeights(scan.file, (tMs, grams) => {
        readings++;
        grid.push(tMs, grams);
      });
      grid.flush();
      bytesDone += scan.file.bytes;
    }
    writer.close();
  } catch (error) {
    db.close();
    removeDatabaseFiles(partialPath);
    throw error;
  }
  db.close();

  const storeDir = join(o.outDir, importedStoreDir);
  mkdirSync(storeDir, { recursive: true });
  writeFileSync(join(storeDir, STORE_FILES.layout), formatJson(store.files.layout));
  writeFileSync(join(storeDir, STORE_FILES.cameras), formatJson(store.files.cameras));
  writeFileSync(join(storeDir, STORE_FILES.catalog), formatJson(store.files.catalog));
  writeFileSync(join(storeDir, STORE_FILES.planogram), formatJson(store.files.planogram));
  const meta: RunMeta = {
    format: 1,
    storeId: identity.id,
    // Imported, not simulated: no scenario, seed or shopper count (import.json says where it came from).
    scenario: null,
    seed: 0,
    shoppers: 0,
    minutes: (endMs - startMs) / 60_000,
    startMs,
    endMs,
  };
  writeJson(o.outDir, 'meta', meta);
  const summary: Omit<AutoCheckoutImportReport, 'outDir' | 'storeDir'> = {
    storeId: identity.id,
    plates: scans.length,
    products: store.model.catalog.length,
    facings: store.model.planogram.length,
    readings,
    samples,
    startMs,
    endMs,
    repeatedTimes: scans.reduce((n, s) => n + s.repeatedTimes, 0),
    gaps: scans.reduce((n, s) => n + s.gaps, 0),
    ignoredFiles: listing.ignored,
    warnings: store.warnings.map(formatProblem),
  };
  const record: ImportRecord = { format: 1, source: 'autocheckout-2020', weightsDir: o.weightsDir, productsFile: o.productsFile, hz, ...summary };
  writeFileSync(join(o.outDir, importRecordFile), `${JSON.stringify(record, null, 1)}\n`);
  // Last: a recording in the folder means the import finished.
  renameSync(partialPath, finalPath);
  o.progress?.('recording', 1);
  return { outDir: o.outDir, storeDir, ...summary };
}

/** A SQLite database and the files that travel with it. */
function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
}
