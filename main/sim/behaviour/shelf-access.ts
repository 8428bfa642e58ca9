// Where people stand to use a plate and where their hand goes. Plates are numbered densely so
// per-plate state (stock, claims) lives in typed arrays. A "stance" is a standing spot in the aisle
// in front of a plate, within arm's reach of its front edge; stances are reserved while someone
// heads for or uses them, so two shoppers do not aim for the same square of floor, which is what
// would otherwise gridlock an aisle. Adjacent plates (fronts within a hand's width of each other on
// one fixture face) are what makes simultaneous picks ambiguous for the engine.
import { locatePlates, type PlatePlacement, type Vec3 } from '../../store/geometry';
import type { StoreModel } from '../../store/schema';
import { BODY_RADIUS, type NavGrid } from './nav-grid';
import type { Rng } from './rng';

/** Furthest a hand reaches from the body centre to a plate's front edge, horizontally. */
export const ARM_REACH = 0.75;
/** Two reserved stances keep at least this far apart. */
const STANCE_SPACING = 0.46;
/**
 * Stances facing each other across an aisle keep this far apart, so two people at opposite
 * shelves never close the aisle: a passer needs twice the separation between them.
 */
const ACROSS_AISLE_SPACING = 0.9;
/** Sideways offsets of standing spots from a plate's centre line: within reach, then for waiting. */
const STANCE_OFFSETS = [0, 0.15, 0.3, 0.42, 0.54];
const WAITING_OFFSETS = [0.75, 0.95, 1.15, 1.4];
/** Adjacent: plate fronts this close on the same fixture face. */
const ADJACENT_WITHIN = 0.55;

export interface PlateSite {
  index: number;
  id: string;
  fixtureId: string;
  placement: PlatePlacement;
  /** Planogram product and its capacity; sku undefined where the planogram leaves the plate empty. */
  sku: string | undefined;
  capacity: number;
  restockThreshold: number;
  /** Front edge (hand target) and the into-aisle unit normal. */
  frontX: number;
  frontY: number;
  height: number;
  facingX: number;
  facingY: number;
  width: number;
  /** Other plates whose fronts lie within a hand's width on the same face. */
  adjacent: number[];
}

interface Reservation {
  owner: number;
  x: number;
  y: number;
  facingX: number;
  facingY: number;
}

const cache = new WeakMap<StoreModel, ShelfAccess>();

/** The store's plate sites (built once per store model), with no reservations. */
export function shelfAccessFor(store: StoreModel, grid: NavGrid): ShelfAccess {
  let access = cache.get(store);
  if (!access) {
    access = new ShelfAccess(store, grid);
    cache.set(store, access);
  }
  access.reset();
  return access;
}

export class ShelfAccess {
  readonly sites: PlateSite[];
  readonly byId = new Map<string, PlateSite>();
  /** Plates holding each SKU per the planogram. */
  readonly platesBySku = new Map<string, number[]>();
  private readonly reservations: Reservation[] = [];

  constructor(
    store: StoreModel,
    private readonly grid: NavGrid,
  ) {
    const facings = new Map(store.planogram.map((f) => [f.plate, f]));
    this.sites = [];
    for (const [id, placement] of locatePlates(store.layout)) {
      const facing = facings.get(id);
      const site: PlateSite = {
        index: this.sites.length,
        id,
        fixtureId: placement.fixture.id,
        placement,
        sku: facing?.sku,
        capacity: facing?.capacity ?? 0,
        restockThreshold: facing?.restockThreshold ?? 0,
        frontX: placement.front[0],
        frontY: placement.front[1],
        height: placement.front[2],
        facingX: placement.facing[0],
        facingY: placement.facing[1],
        width: placement.plate.width,
        adjacent: [],
      };
      this.sites.push(site);
      this.byId.set(id, site);
      if (site.sku) {
        const list = this.platesBySku.get(site.sku) ?? [];
        list.push(site.index);
        this.platesBySku.set(site.sku, list);
      }
    }
    // Adjacency within each fixture face: a handful of plates per face level, so pairwise is cheap.
    for (const a of this.sites) {
      for (const b of this.sites) {
        if (a === b || a.fixtureId !== b.fixtureId || a.facingX * b.facingX + a.facingY * b.facingY < 0.9) continue;
        if (Math.hypot(a.frontX - b.frontX, a.frontY - b.frontY) <= ADJACENT_WITHIN) a.adjacent.push(b.index);
      }
    }
  }

  /** Plate sites whose fronts are within `radius` of a point on the same fixture face as `site`. */
  sameFaceWithin(site: PlateSite, radius: number): PlateSite[] {
    return this.sites.filter(
      (s) =>
        s.fixtureId === site.fixtureId &&
        s.facingX * site.facingX + s.facingY * site.facingY > 0.9 &&
        Math.hypot(s.frontX - site.frontX, s.frontY - site.frontY) <= radius,
    );
  }

  /**
   * Reserves a standing spot for `owner` in front of the plate: straight in front when free, else
   * shifted sideways (towards `preferSide` first: +1 along the shelf's tangent, −1 against). With
   * `waiting`, a spot further along the same shelf, out of the users' way, to wait for one.
   * Replaces the owner's previous reservation on success; on failure (null) leaves it alone.
   */
  reserve(site: PlateSite, owner: number, rng: Rng, preferSide = 0, waiting = false): { x: number; y: number } | null {
    const tx = -site.facingY;
    const ty = site.facingX;
    const side = preferSide !== 0 ? preferSide : rng.chance(0.5) ? 1 : -1;
    // Close to the shelf (a body radius and a few cm), leaving the rest of the aisle to walkers.
    const standoff = rng.range(0.31, 0.38);
    for (const lateral of waiting ? WAITING_OFFSETS : STANCE_OFFSETS) {
      for (const s of lateral === 0 ? [1] : [side, -side]) {
        const x = site.frontX + site.facingX * standoff + tx * lateral * s;
        const y = site.frontY + site.facingY * standoff + ty * lateral * s;
        if (!waiting && Math.hypot(x - site.frontX, y - site.frontY) > ARM_REACH) continue;
        if (this.grid.clearanceAt(x, y) < BODY_RADIUS + 0.05) continue;
        if (this.conflicts(x, y, site.facingX, site.facingY, owner)) continue;
        this.release(owner);
        this.reservations.push({ owner, x, y, facingX: site.facingX, facingY: site.facingY });
        return { x, y };
      }
    }
    return null;
  }

  /** True when the spot straight in front of the plate is taken or would close the aisle. */
  crowdedAt(site: PlateSite): boolean {
    return this.conflicts(site.frontX + site.facingX * 0.38, site.frontY + site.facingY * 0.38, site.facingX, site.facingY, -1);
  }

  private conflicts(x: number, y: number, fx: number, fy: number, owner: number): boolean {
    for (const r of this.reservations) {
      if (r.owner === owner) continue;
      const d = Math.hypot(r.x - x, r.y - y);
      if (d < STANCE_SPACING) return true;
      if (d < ACROSS_AISLE_SPACING && r.facingX * fx + r.facingY * fy < -0.5) return true;
    }
    return false;
  }

  /** True when `owner` has a standing spot reserved (is at, or on the way to, a shelf). */
  holds(owner: number): boolean {
    return this.reservations.some((r) => r.owner === owner);
  }

  /** True when a person standing at (x, y) can reach the plate's front edge. */
  inReach(site: PlateSite, x: number, y: number): boolean {
    return Math.hypot(site.frontX - x, site.frontY - y) <= ARM_REACH;
  }

  /** Drops every reservation: the sites are cached per store, the reservations belong to one run. */
  reset(): void {
    this.reservations.length = 0;
  }

  release(owner: number): void {
    const i = this.reservations.findIndex((r) => r.owner === owner);
    if (i >= 0) this.reservations.splice(i, 1);
  }

  /** Where the hand is while in the shelf: past the front edge, within the plate's width, just above the shelf. */
  handPoint(site: PlateSite, rng: Rng): Vec3 {
    const lateral = rng.range(-0.3, 0.3) * site.width;
    const depth = rng.range(0.04, 0.16);
    return [
      site.frontX - site.facingY * lateral - site.facingX * depth,
      site.frontY + site.facingX * lateral - site.facingY * depth,
      site.height + rng.range(0.03, 0.12),
    ];
  }
}
