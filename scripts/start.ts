// `npm start`: builds what is missing, then opens the suite on the bundled demo store — in Electron
// when its binary is installed, otherwise (as on machines that cannot download it) in the browser
// host, saying so in one line.
import { spawn } from 'node:child_process';
import { findElectronBinary } from '../main/platform/system-check';
import { buildIfStale } from './build-if-stale';
import { isStale } from './freshness';
import { run } from './run';

buildIfStale();
const electron = findElectronBinary();
const extra = process.argv.slice(2);

if (electron) {
  if (isStale('out/desktop/main/main.js', ['main', 'native-bridge'])) run('npx', ['electron-vite', 'build', '--config', 'electron.config.ts']);
  spawn(electron, ['out/desktop/main/main.js', ...extra], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron binary not installed (npm could not download it here), so Walkout opens in your browser instead:');
  const child = spawn(process.execPath, ['bin/walkout.js', 'serve', '--store', 'demo', '--simulate', ...extra], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
