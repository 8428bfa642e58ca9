import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreFileError, demoStoreDir, findWalkoutRoot, loadDemoStore, loadStore } from './load';

const scratch = mkdtempSync(join(tmpdir(), 'walkout-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let copies = 0;
/** A copy of the demo store with one file edited. */
function storeWith(file: string, edit: (json: Json) => void): string {
  const dir = join(scratch, `store-${++copies}`);
  cpSync(demoStoreDir(), dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

function loadError(dir: string): StoreFileError {
  try {
    loadStore(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreFileError);
    return error as StoreFileError;
  }
  throw new Error('expected loadStore to fail');
}

describe('loadStore', () => {
  it('loads the demo store', () => {
    const store = loadDemoStore();
    expect(store.layout.fixtures.length).toBeGreaterThan(0);
    expect(store.cameras.length).toBeGreaterThan(0);
    expect(store.catalog.length).toBeGreaterThan(0);
    expect(store.planogram.length).toBeGreaterThan(0);
  });

  it('names a missing file', () => {
    const dir = storeWith('store.json', () => {});
    unlinkSync(join(dir, 'planogram.json'));
    const error = loadError(dir);
    expect(error.file).toBe('planogram.json');
    expect(error.message).toMatch(/^planogram\.json: file not found/);
  });

  it('gives the line and column of invalid JSON', () => {
    const dir = storeWith('store.json', () => {});
    writeFileSync(join(dir, 'cameras.json'), '{\n  "cameras": [\n    { "id": "cam-01", }\n  ]\n}\n');
    const error = loadError(dir);
    expect(error.file).toBe('cameras.json');
    expect(error.message).toMatch(/^cameras\.json: invalid JSON at line 3, column \d+ \(position \d+\): /);
  });

  it('reports every schema violation with its field path, in plain words', () => {
    const dir = storeWith('cameras.json', (json) => {
      json.cameras[3].intrinsics.fx = -5;
      json.cameras[5].fps = 'fast';
      delete json.cameras[6].stream;
      json.cameras[7].resolution.width = 1920.5;
      json.cameras[8].stream.kind = 'webcam';
    });
    const error = loadError(dir);
    expect(error.file).toBe('cameras.json');
    expect(error.issues).toEqual([
      { path: 'cameras[3].intrinsics.fx', message: 'must be positive' },
      { path: 'cameras[5].fps', message: 'must be a number, got "fast"' },
      { path: 'cameras[6].stream', message: 'is required' },
      { path: 'cameras[7].resolution.width', message: 'must be a whole number, got 1920.5' },
      { path: 'cameras[8].stream.kind', message: 'must be one of "rtsp", "v4l2", "file", "simulated"; got "webcam"' },
    ]);
    expect(error.message.split('\n')[0]).toBe('cameras.json: cameras[3].intrinsics.fx: must be positive');
  });

  it('requires a camera to be placed by a pose or a floor homography', () => {
    const dir = storeWith('cameras.json', (json) => {
      delete json.cameras[2].pose;
    });
    expect(loadError(dir).message).toBe('cameras.json: cameras[2]: a camera needs a pose or a floorHomography to place it on the floor');
  });

  it('rejects a singular floor homography', () => {
    const dir = storeWith('cameras.json', (json) => {
      json.cameras[0].floorHomography = [1, 2, 3, 2, 4, 6, 0, 0, 1];
    });
    expect(loadError(dir).issues).toEqual([{ path: 'cameras[0].floorHomography', message: 'is singular: it cannot map the image onto the floor' }]);
  });

  it('rejects duplicate ids of every kind', () => {
    const layout = loadError(
      storeWith('store.json', (json) => {
        json.fixtures[1].id = json.fixtures[0].id;
        json.fixtures[0].shelves[1].id = json.fixtures[0].shelves[0].id;
        json.fixtures[2].shelves[0].plates[1].id = json.fixtures[2].shelves[0].plates[0].id;
        json.gates[1].id = json.gates[0].id;
        json.zones[3].id = json.zones[2].id;
      }),
    );
    expect(layout.file).toBe('store.json');
    expect(layout.issues).toEqual(
      expect.arrayContaining([
        { path: 'fixtures[1].id', message: 'duplicate fixture id "G01" (first used at fixtures[0].id)' },
        { path: 'fixtures[0].shelves[1].id', message: expect.stringContaining('duplicate shelf id') },
        { path: 'fixtures[2].shelves[0].plates[1].id', message: expect.stringContaining('duplicate plate id') },
        { path: 'gates[1].id', message: expect.stringContaining('duplicate gate id') },
        { path: 'zones[3].id', message: expect.stringContaining('duplicate zone id') },
      ]),
    );
    const cameras = loadError(storeWith('cameras.json', (json) => (json.cameras[4].id = json.cameras[1].id)));
    expect(cameras.issues).toEqual([{ path: 'cameras[4].id', message: 'duplicate camera id "cam-02" (first used at cameras[1].id)' }]);
  });

  it('rejects duplicate skus and upcs, and upcs with a wrong check digit', () => {
    const error = loadError(
      storeWith('catalog.json', (json) => {
        json.products[1].sku = json.products[0].sku;
        json.products[3].upc = json.products[2].upc;
        const upc: string = json.products[4].upc;
        json.products[4].upc = upc.slice(0, -1) + String((Number(upc.at(-1)) + 1) % 10);
      }),
    );
    expect(error.file).toBe('catalog.json');
    expect(error.issues.map((i) => i.path)).toEqual(['products[1].sku', 'products[3].upc', 'products[4].upc']);
    expect(error.issues[2]!.message).toMatch(/^check digit of \d{13} should be \d$/);
  });

  it('rejects a planogram naming an unknown plate or sku, or giving a plate twice', () => {
    const error = loadError(
      storeWith('planogram.json', (json) => {
        json.facings[0].plate = 'NO-SUCH-PLATE';
        json.facings[1].sku = 'NO-SUCH-SKU';
        json.facings[3].plate = json.facings[2].plate;
        json.facings[4].restockThreshold = json.facings[4].capacity;
      }),
    );
    expect(error.file).toBe('planogram.json');
    expect(error.issues).toEqual([
      { path: 'facings[3].plate', message: expect.stringContaining('duplicate plate') },
      { path: 'facings[0].plate', message: 'unknown plate "NO-SUCH-PLATE" (not in store.json)' },
      { path: 'facings[1].sku', message: 'unknown sku "NO-SUCH-SKU" (not in catalog.json)' },
      { path: 'facings[4].restockThreshold', message: expect.stringMatching(/^must be below the capacity/) },
    ]);
  });

  it('rejects two plates on one controller channel', () => {
    const error = loadError(
      storeWith('store.json', (json) => {
        json.fixtures[3].shelves[2].plates[4].device = { ...json.fixtures[0].shelves[0].plates[0].device };
      }),
    );
    expect(error.issues).toEqual([
      {
        path: 'fixtures[3].shelves[2].plates[4].device',
        message: 'controller SHC-0001 channel 0 is already used by plate "G01-F1-01" (fixtures[0].shelves[0].plates[0].device)',
      },
    ]);
  });

  it('rejects plates that overlap or run past the end of the fixture', () => {
    const error = loadError(
      storeWith('store.json', (json) => {
        const plates = json.fixtures[0].shelves[1].plates;
        plates[3].offset = plates[2].offset + plates[2].width / 2;
        const last = json.fixtures[1].shelves[0].plates.at(-1);
        last.width = 1;
      }),
    );
    expect(error.issues).toEqual([
      { path: 'fixtures[0].shelves[1].plates[3]', message: expect.stringMatching(/^plate "G01-F2-04" \(from [\d.]+ m\) overlaps plate "G01-F2-03"/) },
      { path: 'fixtures[1].shelves[0].plates[8]', message: expect.stringMatching(/^plate "G02-F1-09" runs past the fixture's end/) },
    ]);
  });

  it('rejects a fixture standing outside the floor', () => {
    const error = loadError(
      storeWith('store.json', (json) => {
        json.fixtures[0].center = [16.5, 5];
      }),
    );
    expect(error.issues).toEqual([{ path: 'fixtures[0]', message: expect.stringMatching(/^fixture "G01" stands outside the floor/) }]);
  });
});

describe('demoStoreDir', () => {
  it('finds the package root from a bundled location deeper or shallower than the source', () => {
    const root = join(scratch, 'app');
    mkdirSync(join(root, 'out', 'node'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'walkout' }));
    // A nested package of another name (a dependency) is walked past.
    mkdirSync(join(root, 'node_modules', 'dep', 'dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'dep', 'package.json'), JSON.stringify({ name: 'dep' }));
    expect(findWalkoutRoot(join(root, 'out', 'node'))).toBe(root);
    expect(findWalkoutRoot(join(root, 'node_modules', 'dep', 'dist'))).toBe(root);
    expect(() => findWalkoutRoot(tmpdir())).toThrow(/cannot find the walkout package/);
  });

  it('points at main/store/demo of this checkout', () => {
    expect(demoStoreDir()).toMatch(/main[/\\]store[/\\]demo$/);
  });
});
