import { describe, expect, it } from 'vitest';
import { loadStore } from '../../store/load';
import { testStore } from '../../engine/shelves/test-store';
import { buildChannelMap, ChannelMapError } from './channel-map';

describe('channel map', () => {
  it('maps the demo store’s controller channels to its plates', () => {
    const store = loadStore(new URL('../../store/demo', import.meta.url).pathname);
    const map = buildChannelMap(store);
    expect(map.plates).toHaveLength(1362);
    expect(map.devices()[0]).toBe('SHC-0001');
    const first = map.channelsOf('SHC-0001');
    expect(first.map((p) => p.channel)).toEqual(Array.from({ length: first.length }, (_, i) => i));
    expect(first[0]).toEqual({ plate: 'G01-F1-01', shelf: 'G01-F1', fixture: 'G01', device: 'SHC-0001', channel: 0 });
    expect(map.plate('G01-F1-01')).toBe(first[0]);
    expect(map.channelsOf('SHC-9999')).toEqual([]);
  });

  it('refuses two plates wired to the same channel', () => {
    const store = testStore([{ id: 'F', shelves: [{ id: 'A', controller: 'C1', plates: [{ id: 'P1', sku: 'BIS-0003' }] }, { id: 'B', controller: 'C1', plates: [{ id: 'P2', sku: 'BIS-0003' }] }] }]);
    expect(() => buildChannelMap(store)).toThrow(new ChannelMapError('plates P1 and P2 are both wired to C1 channel 0'));
  });
});
