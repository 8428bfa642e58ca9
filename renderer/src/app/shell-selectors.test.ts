import { describe, expect, it } from 'vitest';
import { sampleHostHealth, sampleSystemStatus } from '../testing/sample-data';
import {
  formatBytes,
  formatUptime,
  healthItems,
  selectConnectionLabel,
  selectHealthIsStale,
  selectStoreTitle,
} from './shell-selectors';

describe('selectConnectionLabel', () => {
  it('names every connection state in plain words', () => {
    expect(selectConnectionLabel({ connection: 'connecting' })).toBe('Connecting…');
    expect(selectConnectionLabel({ connection: 'open' })).toBe('Connected');
    expect(selectConnectionLabel({ connection: 'closed' })).toBe('Disconnected');
    expect(selectConnectionLabel({ connection: 'unauthorized' })).toBe('Unauthorized');
  });
});

describe('selectStoreTitle', () => {
  it('shows the store’s name once known, and what is happening before', () => {
    expect(selectStoreTitle({ system: { status: 'ready', data: sampleSystemStatus() } })).toBe('Test Store');
    expect(selectStoreTitle({ system: { status: 'idle' } })).toBe('Loading store…');
    expect(selectStoreTitle({ system: { status: 'loading' } })).toBe('Loading store…');
    expect(selectStoreTitle({ system: { status: 'error', error: { code: 'internal', message: 'x' } } })).toBe('Store unavailable');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(123_400_000)).toBe('123 MB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
  });

  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatUptime', () => {
  it('shows the two most significant units', () => {
    expect(formatUptime(42.9)).toBe('42 s');
    expect(formatUptime(125)).toBe('2 min 05 s');
    expect(formatUptime(3725)).toBe('1 h 02 min');
    expect(formatUptime(2 * 86_400 + 4 * 3_600 + 59)).toBe('2 d 4 h');
  });

  it('shows a dash for nonsense', () => {
    expect(formatUptime(-5)).toBe('—');
  });
});

describe('healthItems', () => {
  it('lists uptime, memory, database and clients', () => {
    expect(healthItems(sampleHostHealth())).toEqual([
      { key: 'uptime', label: 'Uptime', value: '1 h 02 min' },
      { key: 'memory', label: 'Memory', value: '123 MB' },
      { key: 'database', label: 'Database', value: '2.5 MB' },
      { key: 'clients', label: 'Clients', value: '2' },
    ]);
  });

  it('mentions the write-ahead log only when it holds something', () => {
    const health = { ...sampleHostHealth(), database: { sizeBytes: 2_500_000, walBytes: 400_000 } };
    expect(healthItems(health).find((item) => item.key === 'database')?.value).toBe('2.5 MB (+400 kB WAL)');
  });
});

describe('selectHealthIsStale', () => {
  it('marks a report stale only while the link is not open', () => {
    expect(selectHealthIsStale({ health: sampleHostHealth(), connection: 'open' })).toBe(false);
    expect(selectHealthIsStale({ health: sampleHostHealth(), connection: 'closed' })).toBe(true);
    expect(selectHealthIsStale({ health: null, connection: 'closed' })).toBe(false);
  });
});
