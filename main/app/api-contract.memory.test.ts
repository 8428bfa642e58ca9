// The contract suite over the in-memory transport.
import { afterAll, beforeAll } from 'vitest';
import { createMemoryPair, type MemoryPair } from '../../native-bridge/rpc/memory-pair';
import { tempDataDir, type TempDataDir } from '../testing/temp-app';
import { apiContractSuite } from './api-contract.suite';
import { createApp, type App } from './create-app';

let data: TempDataDir;
let app: App;
let pair: MemoryPair;

beforeAll(() => {
  data = tempDataDir();
  app = createApp({ ...data.config, host: 'browser' }, () => undefined);
  pair = createMemoryPair(app.api);
});
afterAll(async () => {
  pair.disconnect();
  await app.dispose();
  data.remove();
});

apiContractSuite('the in-memory pair', () => ({
  client: pair.client,
  sendRaw: (text) => pair.sendRaw(text),
  nextRaw: () =>
    new Promise((resolve) => {
      const stop = pair.onServerText((text) => {
        stop();
        resolve(text);
      });
    }),
}));
