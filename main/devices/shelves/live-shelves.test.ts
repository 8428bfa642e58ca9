// The live worker's shelves part in device mode, on this machine's real drivers: node-hid and usb
// load (lazily), discovery starts, and with no controller plugged in every plate is reported
// offline with the reason, while the engine's input queue stays empty.
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../../db';
import { tempDbPath } from '../../db/test-support';
import { testStore } from '../../engine/shelves/test-store';
import { createLiveShelves, type LiveShelves } from './live-shelves';
import type { ShelvesWorkerMessage } from './live-shelves-messages';

const store = testStore([{ id: 'F1', shelves: [{ id: 'F1-S1', controller: 'SHC-REAL-1', plates: [{ id: 'P1', sku: 'BIS-0003' }] }] }]);
let db: StoreDatabase;
let shelves: LiveShelves;

afterEach(async () => {
  await shelves.stop();
  db.close();
});

describe('live shelves on real drivers', () => {
  it('loads node-hid and usb, finds no controller, and says so for every plate', async () => {
    db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
    const posted: ShelvesWorkerMessage[] = [];
    shelves = createLiveShelves(store, db, (m) => posted.push(m), 'devices');
    const queue = await shelves.startDevices(() => 5_000);
    shelves.tick(5_000, 1_000);
    const status = posted.find((m) => m.type === 'shelf-status');
    expect(status?.type === 'shelf-status' && status.report).toMatchObject({
      source: 'devices',
      drivers: [
        { driver: 'node-hid', state: 'available' },
        { driver: 'usb', state: 'available' },
      ],
      devices: [],
      plates: [{ plate: 'P1', status: 'offline', detail: 'no samples yet', calibration: { calibration: null, source: 'none' } }],
    });
    expect(queue.pending).toBe(0);
  });
});
