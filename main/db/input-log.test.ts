// The input log round trip: batches come back byte for byte, in time order, filtered by range and
// kind, with totals that follow every append.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from './open';
import type { InputBatchInput } from './repositories/input-log';
import { tempDbPath } from './test-support';

function openFresh() {
  return openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
}

function batch(overrides: Partial<InputBatchInput>): InputBatchInput {
  const t0Ms = overrides.t0Ms ?? 0;
  return { source: 'shelf-A', kind: 'plate-samples', t0Ms, t1Ms: t0Ms, count: 1, payload: new Uint8Array([0]), ...overrides };
}

describe('inputLog', () => {
  it('round-trips batches, ordered by t0 then id', () => {
    const db = openFresh();
    const payload = new Uint8Array([0, 255, 7, 42, 128]);
    const late = db.inputLog.append(batch({ t0Ms: 2000, t1Ms: 2099, count: 100, payload }));
    const early = db.inputLog.append(batch({ source: 'cam-1', kind: 'detections', t0Ms: 1000, t1Ms: 1000, count: 3 }));
    const sameT0 = db.inputLog.append(batch({ kind: 'gate-scan', t0Ms: 1000, t1Ms: 1000 }));

    const read = [...db.inputLog.readRange(0, 10_000)];
    expect(read.map((b) => b.id)).toEqual([early, sameT0, late]);
    expect(read[2]).toMatchObject({ source: 'shelf-A', kind: 'plate-samples', t0Ms: 2000, t1Ms: 2099, count: 100 });
    expect(read[2]!.payload).toBeInstanceOf(Uint8Array);
    expect([...read[2]!.payload]).toEqual([...payload]);
    db.close();
  });

  it('stores a view into a larger buffer as just the viewed bytes', () => {
    const db = openFresh();
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    db.inputLog.append(batch({ payload: backing.subarray(2, 5) }));
    expect([...[...db.inputLog.readRange(0, 1)][0]!.payload]).toEqual([1, 2, 3]);
    db.close();
  });

  it('returns batches overlapping [from, to), including ones that started before from', () => {
    const db = openFresh();
    db.inputLog.appendMany([
      batch({ t0Ms: 0, t1Ms: 99 }), // ends before the range
      batch({ t0Ms: 50, t1Ms: 5050 }), // long batch reaching into the range
      batch({ t0Ms: 1000, t1Ms: 1099 }), // starts at from
      batch({ t0Ms: 1999, t1Ms: 2100 }), // starts just before to
      batch({ t0Ms: 2000, t1Ms: 2099 }), // starts at to: excluded
    ]);
    const t0s = [...db.inputLog.readRange(1000, 2000)].map((b) => b.t0Ms);
    expect(t0s).toEqual([50, 1000, 1999]);
    db.close();
  });

  it('filters by kind', () => {
    const db = openFresh();
    db.inputLog.appendMany([
      batch({ kind: 'plate-samples', t0Ms: 1 }),
      batch({ kind: 'detections', t0Ms: 2 }),
      batch({ kind: 'gate-scan', t0Ms: 3 }),
      batch({ kind: 'device-status', t0Ms: 4 }),
      batch({ kind: 'staff-action', t0Ms: 5 }),
    ]);
    const kinds = (filter?: InputBatchInput['kind'][]) => [...db.inputLog.readRange(0, 100, filter)].map((b) => b.kind);
    expect(kinds()).toEqual(['plate-samples', 'detections', 'gate-scan', 'device-status', 'staff-action']);
    expect(kinds(['gate-scan', 'staff-action'])).toEqual(['gate-scan', 'staff-action']);
    expect(kinds([])).toEqual([]);
    db.close();
  });

  it('reads lazily and lets two iterations run side by side', () => {
    const db = openFresh();
    db.inputLog.appendMany(Array.from({ length: 10 }, (_, i) => batch({ t0Ms: i, t1Ms: i })));
    const a = db.inputLog.readRange(0, 10);
    const b = db.inputLog.readRange(5, 10);
    expect(a.next().value?.t0Ms).toBe(0);
    expect(b.next().value?.t0Ms).toBe(5);
    expect(a.next().value?.t0Ms).toBe(1);
    a.return?.();
    b.return?.();
    // Abandoned iterators released the connection: writing works again.
    db.inputLog.append(batch({ t0Ms: 20, t1Ms: 20 }));
    expect(db.inputLog.stats().batches).toBe(11);
    db.close();
  });

  it('keeps stats in step with appends', () => {
    const db = openFresh();
    expect(db.inputLog.stats()).toEqual({ batches: 0, samples: 0, bytes: 0, firstMs: undefined, lastMs: undefined });
    db.inputLog.appendMany([
      batch({ t0Ms: 500, t1Ms: 9000, count: 10, payload: new Uint8Array(30) }),
      batch({ t0Ms: 100, t1Ms: 199, count: 5, payload: new Uint8Array(7) }),
      batch({ t0Ms: 1000, t1Ms: 1000, count: 0, payload: new Uint8Array(0) }),
    ]);
    // lastMs is the latest t1, which here belongs to a batch that did not start last.
    expect(db.inputLog.stats()).toEqual({ batches: 3, samples: 15, bytes: 37, firstMs: 100, lastMs: 9000 });
    db.close();
  });

  it('appendMany is all or nothing', () => {
    const db = openFresh();
    db.inputLog.append(batch({ source: 'kept' }));
    expect(() =>
      db.inputLog.appendMany([batch({ source: 'new-source', t0Ms: 1, t1Ms: 1 }), batch({ t0Ms: 5, t1Ms: 4 })]),
    ).toThrow(RangeError);
    expect([...db.inputLog.readRange(0, 100)].map((b) => b.source)).toEqual(['kept']);
    // The rolled-back source does not linger in the id cache: it can still be appended.
    db.inputLog.append(batch({ source: 'new-source', t0Ms: 2, t1Ms: 2 }));
    expect([...db.inputLog.readRange(0, 100)].map((b) => b.source)).toEqual(['kept', 'new-source']);
    db.close();
  });

  it('rejects malformed batches', () => {
    const db = openFresh();
    expect(() => db.inputLog.append(batch({ source: '' }))).toThrow(TypeError);
    expect(() => db.inputLog.append(batch({ kind: 'weather' as never }))).toThrow(/unknown kind/);
    expect(() => db.inputLog.append(batch({ t0Ms: 1.5, t1Ms: 2 }))).toThrow(RangeError);
    expect(() => db.inputLog.append(batch({ count: -1 }))).toThrow(RangeError);
    expect(() => db.inputLog.append(batch({ payload: [1, 2] as never }))).toThrow(/Uint8Array/);
    expect(() => [...db.inputLog.readRange(Number.NaN, 1)]).toThrow(RangeError);
    expect(db.inputLog.stats().batches).toBe(0);
    db.close();
  });
});
