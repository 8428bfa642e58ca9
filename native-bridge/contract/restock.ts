// Restock: the plates at or under their restock threshold, as the live engine estimates their units
// from the shelves' weights; acknowledging an alert ("on it"); and staff restock mode per fixture,
// during which the fixture's shelf events are charged to nobody. Acknowledgements and mode changes
// are human actions: the host audits them under the caller's name.
import { z } from 'zod';
import type { LiveSource } from './dto';

/** Store ids (plates, fixtures) as the store model spells them. */
const storeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a store id: 1-64 letters, digits, ".", "_" or "-"');
const note = z.string().trim().max(500, 'at most 500 characters');

export const restockCalls = {
  getRestock: z.object({}).strict(),
  acknowledgeRestockAlert: z
    .object({
      plate: storeId,
      /** The alert's `since`: which episode of the plate being low is acknowledged. */
      since: z.number().finite(),
      note: note.default(''),
    })
    .strict(),
  setRestockMode: z.object({ fixture: storeId, on: z.boolean(), note: note.default('') }).strict(),
} as const;

/** A plate at or under its restock threshold. */
export interface RestockAlert {
  plate: string;
  fixture: string;
  fixtureName: string;
  shelf: string;
  sku: string;
  /** The catalog's name, or the SKU when the catalog does not know it. */
  product: string;
  /** Units estimated on the plate from its settled weight. */
  units: number;
  capacity: number;
  threshold: number;
  /** Store time (ms since the epoch) the plate fell to its threshold. */
  since: number;
  acknowledged?: { by: string; at: number; note: string };
}

export interface RestockFixture {
  id: string;
  name: string;
  /** Staff restock mode is on: the fixture's shelf events are charged to nobody. */
  restocking: boolean;
  /** While restocking: who switched it on (and has not switched it off), and since when (store ms). */
  restockingBy?: string[];
  restockingSince?: number;
  /**
   * While restocking: it was still on when the host last stopped, so Walkout switched it back on
   * when this run started, at this store time (restockingSince is then the time before the restart).
   */
  restoredAt?: number;
  /** Plates with a planogram product. */
  plates: number;
  /** Of those, at or under their threshold. */
  low: number;
}

export interface RestockOverview {
  /** Where the estimates come from; 'none' when this host runs no live feed. */
  source: LiveSource;
  /** Store time of the estimates (ms since the epoch); null until the live engine has reported. */
  t: number | null;
  timezone: string;
  /** Plates with a planogram product, and how many of them have a known weight yet. */
  plates: { total: number; known: number };
  /** Unordered: the view orders them by urgency. */
  alerts: RestockAlert[];
  /** Every fixture with shelves, in store order. */
  fixtures: RestockFixture[];
}

export interface RestockOutputs {
  getRestock: RestockOverview;
  acknowledgeRestockAlert: RestockAlert;
  setRestockMode: RestockFixture;
}
