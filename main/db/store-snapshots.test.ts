// Store model snapshots: a row per change of content, not per load.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './json';
import { openStoreDatabase } from './open';
import { tempDbPath } from './test-support';

const modelA = { layout: { id: 'demo-store', name: 'Demo' }, zones: [{ id: 'z1', polygon: [[0, 0], [1, 0], [0, 1]] }] };
const modelB = { ...modelA, layout: { id: 'demo-store', name: 'Demo (renovated)' } };

describe('storeSnapshots', () => {
  it('saves a model once per content change and returns the latest', () => {
    const store = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    expect(store.storeSnapshots.latest()).toBeUndefined();

    const first = store.storeSnapshots.save(modelA, 1000);
    expect(first.changed).toBe(true);
    expect(first.snapshot).toMatchObject({ id: 1, loadedAtMs: 1000 });
    expect(JSON.parse(first.snapshot.json)).toEqual(modelA);
    expect(first.snapshot.contentHash).toBe(sha256Hex(first.snapshot.json));

    // Same content with keys in another order: not a change.
    const reordered = { zones: modelA.zones, layout: { name: 'Demo', id: 'demo-store' } };
    const again = store.storeSnapshots.save(reordered, 2000);
    expect(again).toEqual({ snapshot: first.snapshot, changed: false });

    const second = store.storeSnapshots.save(modelB, 3000);
    expect(second.changed).toBe(true);
    expect(store.storeSnapshots.latest()).toEqual(second.snapshot);

    // Going back to A is a change too: the history records what was active when.
    const back = store.storeSnapshots.save(modelA, 4000);
    expect(back.changed).toBe(true);
    expect(back.snapshot.id).toBe(3);
    expect(back.snapshot.contentHash).toBe(first.snapshot.contentHash);
    expect(store.storeSnapshots.get(2)).toEqual(second.snapshot);
    expect(store.storeSnapshots.get(99)).toBeUndefined();
    store.close();
  });

  it('defaults loadedAtMs to now', () => {
    const store = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    const before = Date.now();
    const { snapshot } = store.storeSnapshots.save(modelA);
    expect(snapshot.loadedAtMs).toBeGreaterThanOrEqual(before);
    store.close();
  });
});
