// Reads a store directory (store.json, cameras.json, catalog.json, planogram.json) from disk and
// hands it to the pure validation; locates the demo store that ships inside the app.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreFileError } from './errors';
import type { StoreModel } from './schema';
import { STORE_FILES, parseStoreFiles } from './validate';

export { StoreFileError, type StoreIssue } from './errors';

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `file not found (looked for ${path})` : `cannot read ${path}: ${(error as Error).message}`;
    throw new StoreFileError(file, [{ path: '', message }]);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new StoreFileError(file, [{ path: '', message: describeJsonError(text, (error as Error).message) }]);
  }
}

/** V8 reports a character offset; people editing JSON by hand need a line and column. */
function describeJsonError(text: string, message: string): string {
  const match = /\s*(?:in JSON )?at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  const reason = message.replace(/\s*(?:in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (position === undefined) return `invalid JSON: ${reason}`;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column} (position ${position}): ${reason}`;
}

/** Loads and cross-checks a store directory; throws StoreFileError naming the file and fields at fault. */
export function loadStore(dir: string): StoreModel {
  return parseStoreFiles({
    layout: readJson(dir, STORE_FILES.layout),
    cameras: readJson(dir, STORE_FILES.cameras),
    catalog: readJson(dir, STORE_FILES.catalog),
    planogram: readJson(dir, STORE_FILES.planogram),
  });
}

let demoDir: string | undefined;

/** The nearest folder at or above `from` whose package.json is named "walkout". */
export function findWalkoutRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isWalkoutManifest(manifest)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the walkout package (a package.json named "walkout") at or above ${from}`);
    dir = parent;
  }
}

/**
 * The bundled demo store directory. Walks up from this module to the walkout package root
 * because the code also runs bundled from out/node/, at a different depth than the source.
 */
export function demoStoreDir(): string {
  demoDir ??= join(findWalkoutRoot(dirname(fileURLToPath(import.meta.url))), 'main', 'store', 'demo');
  return demoDir;
}

function isWalkoutManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === 'walkout';
  } catch {
    return false;
  }
}

/** The bundled demo store, loaded and checked like any other. */
export function loadDemoStore(): StoreModel {
  return loadStore(demoStoreDir());
}
