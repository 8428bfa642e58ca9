// Where model weights are found, and whether a file found is the one the manifest names. Weights
// are never committed: `walkout models fetch` puts them into models/, a deployment may keep them in
// a configured folder (WALKOUT_MODELS_DIR or --models-dir), and a development checkout finds the
// shared copies in ../shared/models/<name>/.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelEntry } from './model-manifest';

/**
 * The project folder: the nearest one above this module holding models/manifest.json. Found by
 * walking up because the module runs from the sources, from out/node and from out/desktop/main.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'models', 'manifest.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const root = projectRoot();
export const projectModelsDir = join(root, 'models');
export const sharedModelsDir = join(dirname(root), 'shared', 'models');

/** Folders searched, in order: the configured one, then (unless told not to) WALKOUT_MODELS_DIR, models/, ../shared/models. */
export function modelSearchDirs(configured?: string, options: { env?: NodeJS.ProcessEnv; defaults?: boolean } = {}): string[] {
  const { env = process.env, defaults = true } = options;
  const dirs = [configured, ...(defaults ? [env.WALKOUT_MODELS_DIR, projectModelsDir, sharedModelsDir] : [])].filter((d): d is string => Boolean(d));
  return [...new Set(dirs)];
}

/** The first existing file for the model: <dir>/<file>, then <dir>/<name>/<file>. */
export function locateModel(entry: ModelEntry, dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    for (const candidate of [join(dir, entry.file), join(dir, entry.name, entry.file)]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  return null;
}

export function missingModelMessage(entry: ModelEntry, dirs: readonly string[]): string {
  return `model ${entry.name} (${entry.file}) not found in ${dirs.join(', ')}; run "walkout models fetch ${entry.name}" on a machine with internet, or set WALKOUT_MODELS_DIR`;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Null when the file has the manifest's size and sha256, else what is wrong with it. */
export async function checkModelFile(path: string, entry: ModelEntry): Promise<string | null> {
  const size = statSync(path).size;
  if (size !== entry.sizeBytes) return `${path} has ${size} bytes, the manifest says ${entry.sizeBytes} (a partial download or another file)`;
  const sha = await sha256OfFile(path);
  return sha === entry.sha256 ? null : `${path} has sha256 ${sha}, the manifest says ${entry.sha256}`;
}
