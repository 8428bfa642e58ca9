// `walkout serve`: the browser host, in the foreground until Ctrl-C.
import { InvalidArgumentError, type Command } from 'commander';
import { defaultDataDir } from '../../../app/config';
import { startBrowserHost } from '../../browser/browser-host';
import { resolveStoreDir } from '../store-option';
import { numberBetween, wholeNumber } from '../option-parsers';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the browser host: the suite in any browser on this computer')
    .option('--store <demo|DIR>', 'the store to run', 'demo')
    .option('--port <n>', 'TCP port (0 picks a free one)', wholeNumber(0, 65535), 5170)
    .option('--bind <address>', 'address to listen on; beyond 127.0.0.1 everyone signs in (see `walkout users`)', '127.0.0.1')
    .option('--require-login', 'ask for a user name and password even on 127.0.0.1')
    .option('--data-dir <dir>', 'folder for the store database', defaultDataDir())
    .option('--json', 'print one JSON line {url, port, token} instead of prose (for scripts)')
    .option('--simulate', 'feed the suite live from the simulator (no hardware)')
    .option('--shoppers <n>', 'with --simulate: typical shoppers in the store', wholeNumber(0, 200), 20)
    .option('--speed <x>', 'with --simulate: store seconds per wall second', numberBetween(0.1, 60), 1)
    .option('--seed <n>', 'with --simulate: random seed', wholeNumber(0, 2 ** 31), 1)
    .option('--devices', 'feed the suite live from real shelf devices (USB HID shelf controllers and POS scales)')
    .action(async (opts: { store: string; port: number; bind: string; dataDir: string; json?: boolean; requireLogin?: boolean; simulate?: boolean; devices?: boolean; shoppers: number; speed: number; seed: number }) => {
      if (opts.simulate && opts.devices) throw new InvalidArgumentError('--simulate and --devices are two different feeds: choose one');
      const simulate = opts.simulate ? { shoppers: opts.shoppers, speed: opts.speed, seed: opts.seed } : undefined;
      const host = await startBrowserHost({
        config: { storeDir: resolveStoreDir(opts.store), dataDir: opts.dataDir, healthIntervalMs: 2000, requireLogin: opts.requireLogin === true, ...(simulate ? { simulate } : {}), ...(opts.devices ? { devices: true } : {}) },
        bind: opts.bind,
        port: opts.port,
      });
      if (opts.json) console.log(JSON.stringify({ url: host.url, port: host.port, token: host.token }));
      else {
        console.log(`Walkout is serving ${host.app.store.layout.name} (database ${host.app.db.path}).`);
        if (simulate) console.log(`Sensors: simulated, about ${simulate.shoppers} shoppers, ${simulate.speed}× real time.`);
        if (opts.devices) console.log('Sensors: real shelf devices (HID); see Devices in the app for drivers and devices found.');
        console.log(`Open ${host.url}`);
        console.log('Press Ctrl-C to stop.');
      }
      const stop = () => void host.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
