// Where the installed package lives and which version it is. Code runs both from source (tests,
// tsx) and bundled into out/, so paths are found by walking up to our package.json, not assumed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | undefined;

function findPackage(): { root: string; version: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'walkout') {
        cached = { root: dir, version: pkg.version ?? '0.0.0' };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the walkout package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const packageRoot = (): string => findPackage().root;
export const packageVersion = (): string => findPackage().version;
export const rendererDir = (): string => join(packageRoot(), 'out', 'renderer');
