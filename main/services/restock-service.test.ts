// The restock service over a real database and the real shelf stage: plates weighed low raise
// alerts with product names and fixtures, acknowledging one is stored and audited once, and restock
// mode goes to the engine as a staff action, audited, after which the fixture's events are charged
// to nobody.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../native-bridge/contract/errors';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { EngineDecision, ShelfEventDecision } from '../engine/decisions';
import { createEngine, type Engine } from '../engine/engine';
import { createShelfStage, type ShelfStage } from '../engine/shelves';
import { syntheticSamples } from '../engine/shelves/synthetic';
import { testStore } from '../engine/shelves/test-store';
import { stockOf } from '../live/live-stock';
import { createRestockService, type LiveStockSource } from './restock-service';

const store = testStore([
  {
    id: 'F1',
    shelves: [{ id: 'S1', plates: [{ id: 'A', sku: 'CRI-0001', capacity: 10, threshold: 2 }, { id: 'B', sku: 'BIS-0003', capacity: 10, threshold: 2 }] }],
  },
  { id: 'F2', shelves: [{ id: 'S2', plates: [{ id: 'C', sku: 'CAK-0011', capacity: 8, threshold: 2 }] }] },
]);
const T0 = 1_700_000_000_000;

/**
 * Stands in for the live worker: the real shelf stage in a real engine, fed synthetic weights, and
 * staff actions pushed at the engine's present exactly as the live pipeline pushes them.
 */
class EngineStockSource implements LiveStockSource {
  readonly source = 'simulator' as const;
  readonly stage: ShelfStage = createShelfStage(store);
  readonly decisions: EngineDecision[] = [];
  readonly engine: Engine = createEngine([this.stage], (d) => this.decisions.push(d));

  feed(plates: { plate: string; levelG: number }[], fromMs: number, toMs: number, steps: { plate: string; at: number; deltaG: number }[] = []): void {
    for (const ps of syntheticSamples({ plates, startMs: fromMs, endMs: toMs, hz: 20, steps, seed: fromMs % 97 })) this.engine.push(ps);
    this.engine.advance(toMs);
  }

  stock() {
    return stockOf(this.stage, this.engine.now);
  }

  async staffAction(actor: string, action: 'restock-start' | 'restock-end', fixture: string) {
    this.engine.push({ kind: 'staff-action', t: this.engine.now, actor, action, fixture });
    return this.stock();
  }
}

let db: StoreDatabase;
let live: EngineStockSource;
let wall = 1_800_000_000_000;
const levels = [
  { plate: 'A', levelG: 2 * 157.5 },
  { plate: 'B', levelG: 8 * 421.3 },
  { plate: 'C', levelG: 6 * 293.9 },
];

beforeEach(() => {
  db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
  live = new EngineStockSource();
  live.feed(levels, T0, T0 + 8000);
});
afterEach(() => db.close());

const service = () => createRestockService({ store, db, live, now: () => wall++ });

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('restock service', () => {
  it('lists the plates weighed at or under their threshold, with product, fixture and since when', () => {
    const overview = service().overview();
    expect(overview).toMatchObject({ source: 'simulator', timezone: 'Europe/Dublin', plates: { total: 3, known: 3 } });
    expect(overview.t).toBeGreaterThan(T0);
    expect(overview.alerts).toEqual([
      {
        plate: 'A',
        fixture: 'F1',
        fixtureName: 'F1',
        shelf: 'S1',
        sku: 'CRI-0001',
        product: 'Harvest Valley Sea Salt Crisps 150 g',
        units: 2,
        capacity: 10,
        threshold: 2,
        since: expect.any(Number),
      },
    ]);
    expect(overview.fixtures).toEqual([
      { id: 'F1', name: 'F1', restocking: false, plates: 2, low: 1 },
      { id: 'F2', name: 'F2', restocking: false, plates: 1, low: 0 },
    ]);
  });

  it('acknowledges an alert once, stores who and why, and audits it', async () => {
    const restock = service();
    const [alert] = restock.overview().alerts;
    const acked = restock.acknowledge({ plate: 'A', since: alert!.since, note: 'crate on its way' }, 'mgr');
    expect(acked.acknowledged).toEqual({ by: 'mgr', at: expect.any(Number), note: 'crate on its way' });
    // Persisted: a new service over the same database sees it.
    expect(service().overview().alerts[0]!.acknowledged).toEqual(acked.acknowledged);
    const [entry] = db.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ actor: 'mgr', action: 'restock-alert.acknowledge', subject: 'plate:A', reason: 'crate on its way' });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 1 });

    expect((await failure(() => restock.acknowledge({ plate: 'A', since: alert!.since, note: '' }, 'rev'))).message).toMatch(/already acknowledged by mgr/);
    expect((await failure(() => restock.acknowledge({ plate: 'A', since: alert!.since - 1, note: '' }, 'mgr'))).code).toBe('conflict');
    expect((await failure(() => restock.acknowledge({ plate: 'B', since: alert!.since, note: '' }, 'mgr'))).message).toMatch(/not under its restock threshold/);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 1 });
  });

  it('drops the alert once the plate is restocked, and a new episode needs a new acknowledgement', async () => {
    const restock = service();
    const first = restock.overview().alerts[0]!;
    restock.acknowledge({ plate: 'A', since: first.since, note: '' }, 'mgr');
    live.feed(levels, T0 + 8000, T0 + 14_000, [{ plate: 'A', at: T0 + 9000, deltaG: 6 * 157.5 }]);
    expect(restock.overview().alerts).toEqual([]);
    live.feed([{ plate: 'A', levelG: 8 * 157.5 }, levels[1]!, levels[2]!], T0 + 14_000, T0 + 22_000, [{ plate: 'A', at: T0 + 15_000, deltaG: -6 * 157.5 }]);
    const again = restock.overview().alerts[0]!;
    expect(again.since).toBeGreaterThan(first.since);
    expect(again.acknowledged).toBeUndefined();
  });

  it('turns restock mode on and off in the engine, audited, and charges the fixture\'s events to nobody meanwhile', async () => {
    const restock = service();
    expect(await restock.setMode({ fixture: 'F1', on: true, note: 'morning fill' }, 'mgr')).toEqual({
      id: 'F1',
      name: 'F1',
      restocking: true,
      restockingBy: ['mgr'],
      restockingSince: T0 + 8000,
      plates: 2,
      low: 1,
    });
    expect(restock.overview().fixtures[0]!.restocking).toBe(true);
    live.feed(levels, T0 + 8000, T0 + 14_000, [{ plate: 'A', at: T0 + 9000, deltaG: 6 * 157.5 }]);
    const fill = live.decisions.find((d): d is ShelfEventDecision => d.kind === 'shelf-event');
    expect(fill).toMatchObject({ plates: ['A'], sessionId: 'nobody' });
    expect((await restock.setMode({ fixture: 'F1', on: false, note: '' }, 'mgr')).restocking).toBe(false);
    expect(db.audit.list({ limit: 5 }).map((e) => [e.action, e.subject, e.before, e.after])).toEqual([
      ['restock-mode.end', 'fixture:F1', { restocking: true }, { restocking: false, storeTimeMs: T0 + 14_000 }],
      ['restock-mode.start', 'fixture:F1', { restocking: false }, { restocking: true, storeTimeMs: T0 + 8000 }],
    ]);
  });

  it('refuses an unknown fixture, and says so when no live engine runs', async () => {
    expect((await failure(service().setMode({ fixture: 'F9', on: true, note: '' }, 'mgr'))).code).toBe('not_found');
    const offline = createRestockService({ store, db, live: undefined });
    expect(offline.overview()).toMatchObject({ source: 'none', t: null, alerts: [], plates: { total: 3, known: 0 } });
    expect((await failure(offline.setMode({ fixture: 'F1', on: true, note: '' }, 'mgr'))).message).toMatch(/no live feed/);
    expect((await failure(() => offline.acknowledge({ plate: 'A', since: 1, note: '' }, 'mgr'))).code).toBe('conflict');
  });
});
