// Settings round-trip as JSON values, and a schema type narrows what each key holds.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { openStoreDatabase } from './open';
import { createSettingsRepository } from './repositories/settings';
import { tempDbPath } from './test-support';

describe('settings', () => {
  it('gets, sets, overwrites, deletes and lists JSON values', () => {
    const store = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    expect(store.settings.get('missing')).toBeUndefined();
    store.settings.set('retention.rawInputDays', 30);
    store.settings.set('alerts', { lowStock: true, thresholds: [1, 2.5] });
    store.settings.set('nothing', null);
    store.settings.set('retention.rawInputDays', 14);
    expect(store.settings.get('retention.rawInputDays')).toBe(14);
    expect(store.settings.get('nothing')).toBeNull();
    expect(store.settings.all()).toEqual({
      alerts: { lowStock: true, thresholds: [1, 2.5] },
      nothing: null,
      'retention.rawInputDays': 14,
    });
    expect(store.settings.delete('nothing')).toBe(true);
    expect(store.settings.delete('nothing')).toBe(false);
    expect(Object.keys(store.settings.all())).toEqual(['alerts', 'retention.rawInputDays']);
    store.close();
  });

  it('persists across reopening', () => {
    const file = tempDbPath();
    const first = openStoreDatabase(file, { storeId: 'demo-store' });
    first.settings.set('theme', 'dark');
    first.close();
    const second = openStoreDatabase(file, { storeId: 'demo-store' });
    expect(second.settings.get('theme')).toBe('dark');
    second.close();
  });

  it('refuses values JSON cannot hold', () => {
    const store = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    expect(() => store.settings.set('bad', Number.NaN)).toThrow(TypeError);
    expect(() => store.settings.set('bad', { when: new Date(0) } as never)).toThrow(/plain objects/);
    expect(store.settings.get('bad')).toBeUndefined();
    store.close();
  });

  it('types each key by a settings shape', () => {
    const db = new Database(':memory:');
    migrate(db);
    const settings = createSettingsRepository<{ retentionDays: number; theme: 'light' | 'dark' }>(db);
    settings.set('retentionDays', 7);
    settings.set('theme', 'light');
    // @ts-expect-error a number is not a theme
    settings.set('theme', 3);
    const days: number | undefined = settings.get('retentionDays');
    expect(days).toBe(7);
    db.close();
  });
});
