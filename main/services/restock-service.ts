// What the Restock view calls: the plates at or under their restock threshold as the live engine
// estimates them, joined with the store model (product names, fixtures) and the acknowledgements
// staff have made; acknowledging an alert; and turning staff restock mode on or off at a fixture,
// which the live engine applies as a staff action (recorded in the input log like any input, so a
// replay charges the same events to nobody), and which the live engine puts back after a restart.
// Both human actions are audited under the caller.
import { ApiError } from '../../native-bridge/contract/errors';
import type { LiveSource } from '../../native-bridge/contract/dto';
import type { RestockAlert, RestockFixture, RestockOverview } from '../../native-bridge/contract/restock';
import type { StoreDatabase } from '../db';
import { AlreadyAcknowledgedError, type RestockAcknowledgement } from '../db/repositories/restock-acknowledgements';
import type { LiveStock, LowPlate } from '../live/live-stock';
import type { StoreModel } from '../store/schema';

/** The live feed as the restock service needs it (the live service, or a test's stand-in). */
export interface LiveStockSource {
  readonly source: LiveSource;
  stock(): LiveStock | undefined;
  staffAction(actor: string, action: 'restock-start' | 'restock-end', fixture: string): Promise<LiveStock>;
}

export interface RestockService {
  overview(): RestockOverview;
  acknowledge(input: { plate: string; since: number; note: string }, actor: string): RestockAlert;
  setMode(input: { fixture: string; on: boolean; note: string }, actor: string): Promise<RestockFixture>;
}

export interface RestockServiceDeps {
  store: StoreModel;
  db: Pick<StoreDatabase, 'audit' | 'restockAcknowledgements'>;
  /** Absent when the host runs no live feed. */
  live: LiveStockSource | undefined;
  /** Wall clock for acknowledgement and audit times. */
  now?: () => number;
}

const ackKey = (plate: string, since: number): string => `${plate}@${since}`;

export function createRestockService({ store, db, live, now = Date.now }: RestockServiceDeps): RestockService {
  const plateHome = new Map<string, { fixture: string; fixtureName: string; shelf: string }>();
  for (const fixture of store.layout.fixtures) {
    for (const shelf of fixture.shelves) for (const plate of shelf.plates) plateHome.set(plate.id, { fixture: fixture.id, fixtureName: fixture.name, shelf: shelf.id });
  }
  const productName = new Map(store.catalog.map((p) => [p.sku, p.name]));
  const facingsPerFixture = new Map<string, number>();
  for (const facing of store.planogram) {
    const home = plateHome.get(facing.plate);
    if (home) facingsPerFixture.set(home.fixture, (facingsPerFixture.get(home.fixture) ?? 0) + 1);
  }

  const toAlert = (low: LowPlate, ack: RestockAcknowledgement | undefined): RestockAlert => {
    const home = plateHome.get(low.plate);
    return {
      plate: low.plate,
      fixture: home?.fixture ?? '',
      fixtureName: home?.fixtureName ?? '',
      shelf: home?.shelf ?? '',
      sku: low.sku,
      product: productName.get(low.sku) ?? low.sku,
      units: low.units,
      capacity: low.capacity,
      threshold: low.threshold,
      since: low.since,
      ...(ack ? { acknowledged: { by: ack.acknowledgedBy, at: ack.acknowledgedMs, note: ack.note } } : {}),
    };
  };

  const fixturesOf = (stock: LiveStock | undefined): RestockFixture[] => {
    const restocking = new Map((stock?.restocking ?? []).map((h) => [h.fixture, h]));
    // Restored, and not switched off and on again since (which would start a later stretch).
    const restored = new Map((stock?.restored ?? []).filter((r) => restocking.get(r.fixture)?.since === r.at).map((r) => [r.fixture, r]));
    const low = new Map<string, number>();
    for (const plate of stock?.low ?? []) {
      const fixture = plateHome.get(plate.plate)?.fixture;
      if (fixture) low.set(fixture, (low.get(fixture) ?? 0) + 1);
    }
    return store.layout.fixtures
      .filter((f) => f.shelves.length > 0)
      .map((f): RestockFixture => {
        const holder = restocking.get(f.id);
        const back = restored.get(f.id);
        return {
          id: f.id,
          name: f.name,
          restocking: holder !== undefined,
          ...(holder ? { restockingBy: holder.actors, restockingSince: back?.since ?? holder.since } : {}),
          ...(back ? { restoredAt: back.at } : {}),
          plates: facingsPerFixture.get(f.id) ?? 0,
          low: low.get(f.id) ?? 0,
        };
      });
  };

  const acknowledgements = (low: readonly LowPlate[]): Map<string, RestockAcknowledgement> =>
    new Map(db.restockAcknowledgements.forPlates([...new Set(low.map((p) => p.plate))]).map((a) => [ackKey(a.plate, a.alertSinceMs), a]));

  const requireLive = (what: string): LiveStockSource => {
    if (!live) throw new ApiError('conflict', `${what}: this host runs no live feed, so there is no live engine to tell`);
    return live;
  };

  return {
    overview() {
      const stock = live?.stock();
      const low = stock?.low ?? [];
      const acks = acknowledgements(low);
      return {
        source: live?.source ?? 'none',
        t: stock?.t ?? null,
        timezone: store.layout.timezone,
        plates: { total: stock?.plates ?? store.planogram.length, known: stock?.known ?? 0 },
        alerts: low.map((p) => toAlert(p, acks.get(ackKey(p.plate, p.since)))),
        fixtures: fixturesOf(stock),
      };
    },

    acknowledge({ plate, since, note }, actor) {
      const low = requireLive('acknowledgeRestockAlert').stock()?.low.find((p) => p.plate === plate);
      if (!low) throw new ApiError('conflict', `plate ${plate} is not under its restock threshold now (restocked, or not yet weighed)`);
      if (low.since !== since) throw new ApiError('conflict', `plate ${plate} has a newer alert (since ${new Date(low.since).toISOString()}); reload and acknowledge that one`);
      try {
        const { acknowledgement } = db.restockAcknowledgements.acknowledge({
          plate,
          alertSinceMs: since,
          sku: low.sku,
          units: low.units,
          acknowledgedMs: now(),
          acknowledgedBy: actor,
          note,
        });
        return toAlert(low, acknowledgement);
      } catch (error) {
        if (error instanceof AlreadyAcknowledgedError) throw new ApiError('conflict', `plate ${plate}: ${error.message}`);
        throw error;
      }
    },

    async setMode({ fixture, on, note }, actor) {
      const known = store.layout.fixtures.find((f) => f.id === fixture);
      if (!known) throw new ApiError('not_found', `setRestockMode: there is no fixture ${fixture} in ${store.layout.name}`);
      const source = requireLive('setRestockMode');
      const was = source.stock()?.restocking.some((h) => h.fixture === fixture) ?? false;
      let stock: LiveStock;
      try {
        stock = await source.staffAction(actor, on ? 'restock-start' : 'restock-end', fixture);
      } catch (error) {
        throw new ApiError('conflict', `setRestockMode: ${error instanceof Error ? error.message : String(error)}`);
      }
      const state = fixturesOf(stock).find((f) => f.id === fixture)!;
      db.audit.append({
        actor,
        action: on ? 'restock-mode.start' : 'restock-mode.end',
        subject: `fixture:${fixture}`,
        reason: note,
        before: { restocking: was },
        after: { restocking: state.restocking, storeTimeMs: stock.t },
        at: Math.round(now()),
      });
      return state;
    },
  };
}
