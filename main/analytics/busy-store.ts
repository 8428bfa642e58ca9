// A fast stand-in for a month of a busy store, for `walkout bench analytics`: sessions arrive over
// the opening hours on a daily curve (morning, lunch and evening peaks), walk A* routes between the
// plates they shop from as the simulator's people do (the simulator's navigation grid, stances and
// seeded randomness), dwell, pick, sometimes put back, and leave; groups walk together, a few
// tailgate, staff restock. It emits the decisions the engine would and feeds them through the real
// projection into the real facts repository, one transaction per day. It does not simulate sensors
// or run the engine: a month of that would take a day.
import type { EngineDecision, FlagReason } from '../engine/decisions';
import { FactsProjector } from '../facts/projector';
import type { FactsRepository } from '../facts/repository';
import { addDays } from '../facts/local-time';
import { navGridFor, type GateLane, type NavGrid } from '../sim/behaviour/nav-grid';
import { pathSearchFor, type PathSearch } from '../sim/behaviour/path-search';
import { hashString, Rng } from '../sim/behaviour/rng';
import { shelfAccessFor, type PlateSite } from '../sim/behaviour/shelf-access';
import type { StoreModel } from '../store/schema';

export interface BusyStoreOptions {
  /** First store-local day, YYYY-MM-DD. */
  firstDay: string;
  days: number;
  sessionsPerDay: number;
  seed: number;
  /** Called after each day is written. */
  onDay?: (day: number, days: number) => void;
}

const OPEN_HOUR = 7;
/** Relative arrival rate per opening hour, 07:00 … 21:00 (closing at 22:00): breakfast, lunch, the evening peak. */
const HOURLY_CURVE = [0.6, 1.1, 0.9, 0.7, 0.9, 1.6, 1.8, 1.1, 0.8, 0.9, 1.3, 1.7, 1.5, 0.9, 0.5];
const FLAG_REASONS: FlagReason[] = ['close-second', 'low-posterior', 'track-lost', 'weight-residual', 'unmatched-put-back'];
const POINT_MS = 500;

interface Walker {
  x: number;
  y: number;
  t: number;
  /** Track points of every member, in time order per member. */
  out: EngineDecision[];
}

export class BusyStore {
  private readonly grid: NavGrid;
  private readonly search: PathSearch;
  private readonly sites: PlateSite[];
  private readonly siteWeights: Float64Array;
  private readonly entries: GateLane[];
  private readonly exits: GateLane[];
  private readonly staffDoor: [number, number];
  private readonly weightOf: Map<string, number>;
  /** Standing spots snapped to a ½ m grid, and the routes between them, computed once each. */
  private readonly stances = new Map<number, [number, number]>();
  private readonly routes = new Map<string, number[]>();
  private nextTrack = 1;

  constructor(private readonly store: StoreModel) {
    this.grid = navGridFor(store.layout);
    this.search = pathSearchFor(this.grid);
    const access = shelfAccessFor(store, this.grid);
    this.sites = access.sites.filter((s) => s.sku !== undefined);
    // Some products sell far better than others; the simulator salts popularity by SKU the same way.
    this.siteWeights = Float64Array.from(this.sites, (s) => 0.2 + 1.6 * ((hashString(s.sku!) % 1000) / 1000));
    this.entries = this.grid.lanes.filter((l) => l.kind === 'entry');
    this.exits = this.grid.lanes.filter((l) => l.kind === 'exit');
    const staff = store.layout.zones.find((z) => z.kind === 'staff');
    const c = staff ? staff.polygon.reduce((a, p) => [a[0] + p[0] / staff.polygon.length, a[1] + p[1] / staff.polygon.length], [0, 0]) : [0, 0];
    this.staffDoor = this.grid.nearestClear(c[0]!, c[1]!, 0.3) as [number, number];
    this.weightOf = new Map(store.catalog.map((p) => [p.sku, p.weightMeanG]));
  }

  /** Generates and writes every day; returns the number of sessions written. */
  generate(facts: FactsRepository, options: BusyStoreOptions): number {
    const rng = new Rng(options.seed);
    const calendar = new Intl.DateTimeFormat('en-CA', { timeZone: this.store.layout.timezone, timeZoneName: 'longOffset' });
    let sessions = 0;
    for (let d = 0; d < options.days; d++) {
      const day = addDays(options.firstDay, d);
      const midnight = localMidnightMs(day, calendar);
      const runId = facts.beginRun('bench', midnight);
      const projector = new FactsProjector(this.store);
      const arrivals = this.arrivals(rng, midnight, options.sessionsPerDay);
      arrivals.forEach((t, i) => {
        for (const decision of this.session(rng, `S${i + 1}`, t)) projector.observe(decision);
        sessions++;
      });
      for (let k = 0; k < 2; k++) {
        for (const decision of this.staffRound(rng, midnight + (OPEN_HOUR + 1 + 6 * k) * 3_600_000)) projector.observe(decision);
      }
      facts.write(runId, projector.finish(midnight + 86_400_000));
      options.onDay?.(d + 1, options.days);
    }
    return sessions;
  }

  private arrivals(rng: Rng, midnight: number, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const hour = rng.weighted(HOURLY_CURVE);
      out.push(midnight + (OPEN_HOUR + hour) * 3_600_000 + rng.float() * 3_600_000);
    }
    return out.sort((a, b) => a - b);
  }

  /** One session's decisions, in time order. */
  private session(rng: Rng, sessionId: string, t0: number): EngineDecision[] {
    const tailgater = rng.chance(0.03);
    const size = tailgater ? 1 : rng.chance(0.2) ? (rng.float() < 0.6 ? 2 : rng.float() < 0.75 ? 3 : 4) : 1;
    const lane = this.entries[rng.int(this.entries.length)]!;
    const out: EngineDecision[] = [];
    const gate = lane.gate.id;
    if (tailgater) out.push({ kind: 'tailgating-alert', t: t0, gate, sessionId, evidence: 'track-crossing' });
    else out.push({ kind: 'gate-admitted', t: t0, gate, sessionId, account: `acct-${rng.hex(8)}`, groupSize: size, tokenNonce: rng.hex(16), expiresAtMs: t0 + 900_000 });

    const leader = this.nextTrack++;
    const walker: Walker = { x: lane.inner[0], y: lane.inner[1], t: t0 + 1000, out: [] };
    out.push({ kind: 'session-member', t: walker.t, sessionId, trackId: leader, via: tailgater ? 'tailgating' : 'admission', gate });
    this.point(walker, leader);

    const stops = rng.chance(0.08) ? rng.int(3) : 1 + rng.int(5);
    const cart = new Map<string, number>();
    for (let s = 0; s < stops; s++) {
      const site = this.sites[rng.weighted(this.siteWeights)]!;
      const goal = this.stance(site);
      this.walk(rng, walker, leader, goal[0], goal[1]);
      const dwellMs = Math.min(90_000, rng.logNormal(9000, 0.6));
      const pickAt = walker.t + dwellMs * rng.range(0.3, 0.8);
      this.stand(walker, leader, dwellMs);
      if (rng.chance(0.3)) continue; // looked, took nothing
      const quantity = rng.chance(0.8) ? 1 : 2 + rng.int(2);
      const sku = site.sku!;
      out.push(...this.shelfEvent(`${sessionId}-E${s}`, pickAt, site, sku, quantity, sessionId));
      cart.set(sku, (cart.get(sku) ?? 0) + quantity);
      if (rng.chance(0.1)) {
        out.push(...this.shelfEvent(`${sessionId}-P${s}`, pickAt + 3000, site, sku, -1, sessionId));
        cart.set(sku, cart.get(sku)! - 1);
      }
    }
    const exit = this.exits[rng.int(this.exits.length)]!;
    this.walk(rng, walker, leader, exit.inner[0], exit.inner[1]);
    this.walk(rng, walker, leader, exit.outer[0], exit.outer[1]);
    const leftAt = walker.t;
    out.push(...walker.out, { kind: 'track-ended', t: leftAt + 1500, trackId: leader, x: walker.x, y: walker.y });

    // Group members follow the leader a step behind and to the side.
    for (let m = 1; m < size; m++) {
      const trackId = this.nextTrack++;
      const lag = 700 * m;
      const dx = 0.35 * (m % 2 === 0 ? 1 : -1);
      out.push({ kind: 'session-member', t: t0 + 1000 + lag, sessionId, trackId, via: 'admission', gate });
      for (const p of walker.out) {
        if (p.kind === 'track-point') out.push({ ...p, t: p.t + lag, trackId, x: p.x + dx, y: p.y });
      }
      out.push({ kind: 'track-ended', t: leftAt + lag + 1500, trackId, x: walker.x, y: walker.y });
    }

    const flags: FlagReason[] = tailgater ? ['tailgating'] : rng.chance(0.12) ? [FLAG_REASONS[rng.int(FLAG_REASONS.length)]!] : [];
    const closeAt = leftAt + size * 700 + 3000;
    for (const reason of flags) out.push({ kind: 'session-flag', t: closeAt - 1, sessionId, reason, detail: 'bench' });
    out.push({
      kind: 'receipt',
      t: closeAt,
      sessionId,
      status: flags.length > 0 ? 'held-for-review' : 'charged',
      lines: [...cart].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity, confidence: 0.95 })),
      flags,
    });
    return out.sort((a, b) => a.t - b.t);
  }

  /** A member of staff walks from the stock-room door along a few shelves, restocking; no session. */
  private staffRound(rng: Rng, t0: number): EngineDecision[] {
    const trackId = this.nextTrack++;
    const walker: Walker = { x: this.staffDoor[0], y: this.staffDoor[1], t: t0, out: [] };
    const out: EngineDecision[] = [];
    for (let s = 0; s < 4; s++) {
      const site = this.sites[rng.int(this.sites.length)]!;
      const goal = this.stance(site);
      this.walk(rng, walker, trackId, goal[0], goal[1]);
      this.stand(walker, trackId, 60_000);
      const event = this.shelfEvent(`staff-${trackId}-${s}`, walker.t - 30_000, site, site.sku!, -6, 'nobody');
      out.push(...event.map((d) => (d.kind === 'attribution' ? { ...d, basis: 'restock-mode' as const } : d)).filter((d) => d.kind !== 'cart-change'));
    }
    this.walk(rng, walker, trackId, this.staffDoor[0], this.staffDoor[1]);
    out.push(...walker.out, { kind: 'track-ended', t: walker.t + 1500, trackId, x: walker.x, y: walker.y });
    return out.sort((a, b) => a.t - b.t);
  }

  private shelfEvent(id: string, t: number, site: PlateSite, sku: string, quantity: number, sessionId: string): EngineDecision[] {
    const grams = -(this.weightOf.get(sku) ?? 100) * quantity;
    const shelf = site.placement.shelf.id;
    const settled = t + 1500;
    return [
      { kind: 'shelf-event', id, t: settled, startMs: t, endMs: t + 1200, fixture: site.fixtureId, shelf, plates: [site.id], deltaGrams: [grams], hypotheses: [{ sku, quantity, probability: 0.97 }] },
      { kind: 'attribution', t: settled, eventId: id, sessionId, probability: 0.95, basis: 'posterior', candidates: [], nobody: { probability: 0.05 }, flags: [] },
      ...(sessionId === 'nobody' ? [] : [{ kind: 'cart-change' as const, t: settled, sessionId, eventId: id, sku, quantity, confidence: 0.95, hypothesisRank: 0 }]),
    ];
  }

  private point(w: Walker, trackId: number): void {
    w.out.push({ kind: 'track-point', t: w.t, trackId, x: w.x, y: w.y });
  }

  private stand(w: Walker, trackId: number, ms: number): void {
    for (const end = w.t + ms; w.t + POINT_MS <= end; ) {
      w.t += POINT_MS;
      this.point(w, trackId);
    }
  }

  /**
   * Where a shopper stands to reach the plate: in front of it, snapped to a ½ m grid so that the
   * plates of one shelf section share a spot (and routes), within reach of each.
   */
  private stance(site: PlateSite): [number, number] {
    const sx = Math.round((site.frontX + site.facingX * 0.35) * 2);
    const sy = Math.round((site.frontY + site.facingY * 0.35) * 2);
    const key = sy * 10_000 + sx;
    let spot = this.stances.get(key);
    if (!spot) {
      spot = this.grid.nearestClear(sx / 2, sy / 2, 0.3) as [number, number];
      this.stances.set(key, spot);
    }
    return spot;
  }

  /** Along the A* route at the walker's pace (0.6–1.3 m/s), a point every 500 ms. */
  private walk(rng: Rng, w: Walker, trackId: number, gx: number, gy: number): void {
    const key = `${w.x},${w.y}>${gx},${gy}`;
    let route = this.routes.get(key);
    if (!route) {
      route = this.search.find(w.x, w.y, gx, gy) ?? [gx, gy];
      this.routes.set(key, route);
    }
    const speed = rng.range(0.6, 1.3);
    for (let i = 0; i < route.length; i += 2) {
      const tx = route[i]!;
      const ty = route[i + 1]!;
      let d = Math.hypot(tx - w.x, ty - w.y);
      while (d > 1e-6) {
        const step = Math.min(d, (speed * POINT_MS) / 1000);
        w.x += ((tx - w.x) * step) / d;
        w.y += ((ty - w.y) * step) / d;
        w.t += POINT_MS;
        d -= step;
        this.point(w, trackId);
      }
    }
  }
}

/** Epoch ms of 00:00 store-local on `day` (the offset read from Intl for that day). */
function localMidnightMs(day: string, format: Intl.DateTimeFormat): number {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  const offset = format.formatToParts(noonUtc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return Date.parse(`${day}T00:00:00Z`) - minutes * 60_000;
}
