// `walkout serve`: the browser host, in the foreground until Ctrl-C.
import type { Command } from 'commander';
import { defaultDataDir } from '../../../app/config';
import { startBrowserHost } from '../../browser/browser-host';
import { resolveStoreDir } from '../store-option';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the browser host: the suite in any browser on this computer')
    .option('--store <demo|DIR>', 'the store to run', 'demo')
    .option('--port <n>', 'TCP port (0 picks a free one)', '5170')
    .option('--bind <address>', 'address to listen on (loopback only until login exists)', '127.0.0.1')
    .option('--data-dir <dir>', 'folder for the store database', defaultDataDir())
    .option('--json', 'print one JSON line {url, port, token} instead of prose (for scripts)')
    .action(async (opts: { store: string; port: string; bind: string; dataDir: string; json?: boolean }) => {
      const host = await startBrowserHost({
        config: { storeDir: resolveStoreDir(opts.store), dataDir: opts.dataDir, healthIntervalMs: 2000 },
        bind: opts.bind,
        port: Number(opts.port),
      });
      if (opts.json) console.log(JSON.stringify({ url: host.url, port: host.port, token: host.token }));
      else {
        console.log(`Walkout is serving ${host.app.store.layout.name} (database ${host.app.db.path}).`);
        console.log(`Open ${host.url}`);
        console.log('Press Ctrl-C to stop.');
      }
      const stop = () => void host.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
