// Starts a worker thread from a module next to the caller: the bundled `<name>.js` in production
// (esbuild and electron-vite put every worker entry beside the host's bundle); under tsx or vitest
// (running the TypeScript sources) a small bootstrap registers tsx inside the worker first, since a
// worker does not inherit its parent's loader.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function spawnWorkerModule(callerUrl: string, name: string, workerData: unknown): Worker {
  const bundled = new URL(`./${name}.js`, callerUrl);
  if (callerUrl.endsWith('.js') && existsSync(bundled)) return new Worker(bundled, { workerData });
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
