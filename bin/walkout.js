#!/usr/bin/env node
// The `walkout` command: runs the CLI bundled by `npm run build` (out/node/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('walkout: the CLI is not built yet; run "npm run build" in the walkout folder first.');
  process.exit(1);
}
await import(cli);
