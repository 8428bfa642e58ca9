// A scripted crowd of N shoppers walking the store, as live floor frames: what `walkout bench ui`
// feeds the real host's live stream so the floor map draws exactly N moving shoppers, however many
// the engine could track in real time on this machine. Each walks at 0.6–1.4 m/s from one open
// spot of the floor (inside the walls, outside every fixture) to the next; sessions, states, carts,
// a trickle of gate events and a device fault are mixed in so every part of the map is drawn.
// Deterministic for a seed. Named as what it is: this is not the simulator and not the engine.
import type { LiveFloorFrame, LiveShopper, ShopperState } from '../../native-bridge/contract/dto';
import type { LiveEvent } from '../../native-bridge/contract/live-floor';
import { seededUniform } from '../engine/seeded-uniform';
import { fixtureFootprint, floorBounds, pointInPolygon } from '../store/geometry';
import type { Point, StoreModel } from '../store/schema';

/** State mix of a busy store: mostly sessions, some anonymous, some flagged, a few not bound yet. */
const stateCycle: readonly ShopperState[] = ['session', 'session', 'session', 'session', 'session', 'session', 'anonymous', 'flagged', 'unbound', 'session'];
/** A gate event every this many ms of store time. */
const EVENT_EVERY_MS = 4000;
const EVENTS_KEPT = 30;

interface Walker {
  trackId: number;
  x: number;
  y: number;
  to: Point;
  speed: number;
  state: ShopperState;
  cartUnits: number;
}

export class SyntheticCrowd {
  private readonly random: () => number;
  private readonly walkers: Walker[] = [];
  private readonly events: LiveEvent[] = [];
  private readonly gate: string;
  private readonly controller: string | undefined;
  private t: number;
  private lastEventAt: number;
  private seq = 0;

  constructor(
    private readonly store: StoreModel,
    shoppers: number,
    options: { seed?: number; startMs?: number } = {},
  ) {
    this.random = seededUniform(options.seed ?? 1);
    this.t = options.startMs ?? Date.UTC(2026, 4, 6, 12, 0, 0);
    this.lastEventAt = this.t;
    this.gate = store.layout.gates.find((g) => g.kind === 'entry')?.id ?? store.layout.gates[0]?.id ?? 'entry';
    this.controller = store.layout.fixtures[0]?.shelves[0]?.plates[0]?.device.controller;
    for (let i = 0; i < shoppers; i++) {
      const [x, y] = this.openSpot();
      this.walkers.push({
        trackId: i + 1,
        x,
        y,
        to: this.openSpot(),
        speed: 0.6 + this.random() * 0.8,
        state: stateCycle[i % stateCycle.length]!,
        cartUnits: Math.floor(this.random() * 6),
      });
    }
  }

  /** Moves everyone on by `dtMs` of store time and returns the frame. */
  step(dtMs: number): LiveFloorFrame {
    this.t += dtMs;
    for (const w of this.walkers) this.walk(w, dtMs / 1000);
    if (this.t - this.lastEventAt >= EVENT_EVERY_MS) {
      this.lastEventAt = this.t;
      const session = `S${1 + Math.floor(this.random() * this.walkers.length)}`;
      this.events.push({ seq: ++this.seq, t: this.t, kind: 'gate-admitted', gate: this.gate, sessionId: session, groupSize: 1 });
      if (this.events.length > EVENTS_KEPT) this.events.shift();
    }
    const shoppers: LiveShopper[] = this.walkers.map((w) => ({
      trackId: w.trackId,
      x: w.x,
      y: w.y,
      ...(w.state === 'unbound' ? {} : { sessionId: `S${w.trackId}`, revision: 1 }),
      state: w.state,
      cartUnits: w.state === 'unbound' ? 0 : w.cartUnits,
    }));
    const open = shoppers.filter((s) => s.sessionId !== undefined).length;
    return {
      t: this.t,
      source: 'simulator',
      speed: 1,
      shoppers,
      counters: { openSessions: open, entered: open + this.seq, receipts: this.seq, heldForReview: 0, tailgating: 0 },
      events: this.events.slice(),
      devices: {
        online: 40,
        faults: this.controller ? [{ device: this.controller, kind: 'shelf-controller', state: 'offline', since: this.t - 60_000, detail: 'no data' }] : [],
      },
    };
  }

  private walk(w: Walker, seconds: number): void {
    let budget = w.speed * seconds;
    while (budget > 0) {
      const dx = w.to[0] - w.x;
      const dy = w.to[1] - w.y;
      const left = Math.hypot(dx, dy);
      if (left > budget) {
        w.x += (dx / left) * budget;
        w.y += (dy / left) * budget;
        return;
      }
      w.x = w.to[0];
      w.y = w.to[1];
      budget -= left;
      w.to = this.openSpot();
    }
  }

  /** A random point inside the walls and outside every fixture. */
  private openSpot(): Point {
    const { floor, fixtures } = this.store.layout;
    const b = floorBounds(floor);
    for (;;) {
      const p: Point = [b.minX + this.random() * (b.maxX - b.minX), b.minY + this.random() * (b.maxY - b.minY)];
      if (!pointInPolygon(p, floor.outline)) continue;
      if (fixtures.some((f) => pointInPolygon(p, fixtureFootprint(f)))) continue;
      return p;
    }
  }
}
