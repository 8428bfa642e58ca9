// Builds the renderer and the Node bundle when they are missing or older than their sources.
import { isStale } from './freshness';
import { run } from './run';

export function buildIfStale(): void {
  if (isStale('out/renderer/index.html', ['renderer', 'native-bridge/contract', 'native-bridge/rpc', 'main/store/schema.ts'])) {
    run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  }
  if (isStale('out/node/cli.js', ['main', 'native-bridge', 'package.json'])) run('npx', ['tsx', 'scripts/build-node.ts']);
}
