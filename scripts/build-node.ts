// Bundles the Node side (the CLI, which also runs the browser host) into out/node with esbuild.
// npm packages stay external: native addons (better-sqlite3) must load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'main/hosts/cli/entry.ts', 'live-worker': 'main/live/live-worker.ts', 'camera-worker': 'main/devices/cameras/camera-worker.ts', 'detector-worker': 'main/devices/cameras/detector-worker.ts' },
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built out/node/cli.js, out/node/live-worker.js, out/node/camera-worker.js and out/node/detector-worker.js');
