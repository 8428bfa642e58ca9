// The AutoCheckout import end to end, on generated data in the competition's format whose truth is
// known: files → store model and recording → shelf events scored against what the generated
// shoppers did. Then the broken files a real download can hold, each refused with its file and
// line, and nothing written.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore } from '../store/load';
import { importAutoCheckout, importedStoreDir } from './autocheckout-import';
import { writeAutoCheckoutSample, type SampleFiles } from './autocheckout-sample';
import { ImportError } from './import-errors';
import { scoreShelfEvents } from './score-events';
import { shelfEventsOfRun } from './shelf-events';

let root: string;
let sample: SampleFiles;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'walkout-autocheckout-'));
  sample = writeAutoCheckoutSample(join(root, 'sample'), { seed: 7, minutes: 3, gondolas: 2, shelves: 2, platesPerShelf: 4 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the sample's files to break, and an empty output folder. */
function copyOfSample(name: string): { weights: string; products: string; out: string } {
  const dir = join(root, name);
  const copy = writeAutoCheckoutSample(dir, { seed: 7, minutes: 1, gondolas: 1, shelves: 2, platesPerShelf: 2 });
  return { weights: copy.weightsDir, products: copy.productsFile, out: join(dir, 'out') };
}

async function importError(files: { weights: string; products: string; out: string }): Promise<string[]> {
  const error = await importAutoCheckout({ weightsDir: files.weights, productsFile: files.products, outDir: files.out }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(existsSync(join(files.out, 'recording.sqlite'))).toBe(false);
  return (error as ImportError).message.split('\n');
}

function editLine(path: string, line: number, edit: (text: string) => string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(path, lines.join('\n'));
}

describe('walkout import autocheckout', () => {
  it('builds a valid store and a recording whose shelf events match what the shoppers did', async () => {
    const out = join(root, 'imported');
    const phases = new Set<string>();
    const report = await importAutoCheckout({
      weightsDir: sample.weightsDir,
      productsFile: sample.productsFile,
      outDir: out,
      progress: (phase) => phases.add(phase),
    });
    expect(phases).toEqual(new Set(['checking weight files', 'recording']));
    expect(report).toMatchObject({ plates: 16, products: 13, facings: 16, gaps: 1, warnings: [], ignoredFiles: [] });
    // About 60 Hz for 3 minutes per plate, less the dropped readings and the outage.
    expect(report.samples / report.plates).toBeGreaterThan(0.98 * 180 * 60);
    expect(existsSync(join(out, 'recording.sqlite.partial'))).toBe(false);

    const store = loadStore(join(out, importedStoreDir));
    expect(store.layout.fixtures.map((f) => f.id)).toEqual(['gondola-1', 'gondola-2']);
    expect(store.catalog.find((p) => p.name === 'Gift Card')).toBeDefined();
    // The first product sits on the first two plates.
    expect(store.planogram.slice(0, 2).map((f) => [f.plate, f.sku])).toEqual([['g1-s1-p1', 'AC-0001'], ['g1-s1-p2', 'AC-0001']]);

    const events = [...shelfEventsOfRun(out)];
    expect(events.length).toBeGreaterThan(0);
    const first = events[0]!;
    expect(first).toMatchObject({ gondola: expect.any(Number), shelf: expect.any(Number), plates: [expect.any(Number)] });
    expect(first.start).toBeGreaterThan(1.5e9);
    expect(first.end).toBeGreaterThanOrEqual(first.start);
    const score = scoreShelfEvents(events, sample.truth.events);
    expect(score.truth).toBeGreaterThan(40);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.productAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.quantityAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses to import into a folder that already holds a recording', async () => {
    const files = copyOfSample('twice');
    await importAutoCheckout({ weightsDir: files.weights, productsFile: files.products, outDir: files.out });
    await expect(importAutoCheckout({ weightsDir: files.weights, productsFile: files.products, outDir: files.out })).rejects.toThrow(/already holds a recording/);
  });

  it('names the file and line of a bad header, a non-number and time going backwards, all in one go', async () => {
    const files = copyOfSample('broken-weights');
    editLine(join(files.weights, 'gondola_1_shelf_1_plate_1.csv'), 1, () => 'timestamp,weight');
    editLine(join(files.weights, 'gondola_1_shelf_1_plate_2.csv'), 40, (line) => line.replace(/,.*/, ',12.5g'));
    editLine(join(files.weights, 'gondola_1_shelf_2_plate_1.csv'), 100, () => '1580839201.000,250.00');
    const lines = await importError(files);
    expect(lines).toEqual([
      'gondola_1_shelf_1_plate_1.csv:1: the header must be "unix_ts,grams" (got "timestamp,weight")',
      'gondola_1_shelf_1_plate_2.csv:40: grams must be a number (got "12.5g")',
      expect.stringMatching(/^gondola_1_shelf_2_plate_1\.csv:100: unix_ts 1580839201\.000 goes back in time \(line 99 has 1580839201\.\d+\)$/),
    ]);
  });

  it('says when timestamps are milliseconds, and when a row has the wrong number of fields', async () => {
    const files = copyOfSample('ms-and-fields');
    editLine(join(files.weights, 'gondola_1_shelf_1_plate_1.csv'), 2, () => '1580839200000,12.0');
    editLine(join(files.weights, 'gondola_1_shelf_1_plate_2.csv'), 5, (line) => `${line},7`);
    const lines = await importError(files);
    expect(lines).toEqual([
      'gondola_1_shelf_1_plate_1.csv:2: unix_ts 1580839200000 is not a time in seconds since 1970: milliseconds? unix_ts is in seconds',
      'gondola_1_shelf_1_plate_2.csv:5: has 3 fields where the header has 2',
    ]);
  });

  it('refuses product rows for unknown plates and broken product values, line by line', async () => {
    const files = copyOfSample('broken-products');
    appendFileSync(files.products, 'Cola 355 ml can,4,1,9,370.2,1.29,\nMystery,1,1,1,heavy,1.00,\nHalf placed,1,-1,2,10,1.00,\n');
    const lines = await importError(files);
    expect(lines).toEqual([
      'products.csv:8: Weight must be a positive number of grams (got "heavy")',
      'products.csv:9: Gondola, Shelf and Plate must all be 1 or more, or all -1 for a product with no place (got 1, -1, 2)',
    ]);
    // Once the values are right, the unknown plate is the problem left.
    writeFileSync(files.products, readFileSync(files.products, 'utf8').split('\n').slice(0, 7).join('\n'));
    expect(await importError(files)).toEqual(['products.csv:7: gondola 4, shelf 1, plate 9 is not a known plate: there is no gondola_4_shelf_1_plate_9.csv']);
  });

  it('refuses a product file with the wrong header, an empty weight file, and a folder without plates', async () => {
    const files = copyOfSample('headers');
    editLine(files.products, 1, () => 'Name,Gondola,Shelf,Plate,Weight,Price');
    writeFileSync(join(files.weights, 'gondola_1_shelf_2_plate_2.csv'), '');
    expect(await importError(files)).toEqual([
      'products.csv:1: the header must be "Name,Gondola,Shelf,Plate,Weight,Price,Image" (got "Name,Gondola,Shelf,Plate,Weight,Price")',
      'gondola_1_shelf_2_plate_2.csv: is empty: expected the header "unix_ts,grams"',
    ]);
    const empty = join(root, 'no-plates');
    expect(await importError({ weights: empty, products: files.products, out: join(root, 'no-plates-out') })).toEqual([
      `${empty}: folder not found`,
      'products.csv:1: the header must be "Name,Gondola,Shelf,Plate,Weight,Price,Image" (got "Name,Gondola,Shelf,Plate,Weight,Price")',
    ]);
  });

  it('keeps the first product of a plate named twice, with a warning, and ignores files that are not plates', async () => {
    const files = copyOfSample('twice-on-a-plate');
    appendFileSync(files.products, 'Mints Tin,1,1,2,24.4,2.19,\n');
    writeFileSync(join(files.weights, 'README.txt'), 'notes');
    const report = await importAutoCheckout({ weightsDir: files.weights, productsFile: files.products, outDir: files.out });
    expect(report.warnings).toEqual([
      'products.csv:7: puts "Mints Tin" on the plate that line 3 gave "Cola 355 ml can"; a plate holds one product, so line 3 is kept',
    ]);
    expect(report.ignoredFiles).toEqual(['README.txt']);
    expect(report.products).toBe(5);
  });
});
