// Zone visits of one track with hysteresis, so a shopper brushing a zone's edge is not a visit and a
// step out and back is not two: a visit begins once the track has been inside for `enterMs`
// (dated from its first point inside) and ends once it has been outside for `exitMs` (dated from its
// first point outside). Zones may overlap (an aisle inside a department); each is followed on its own.
import type { Point } from '../store/schema';

export interface ZoneShape {
  id: string;
  polygon: readonly Point[];
}

export interface ClosedVisit {
  zone: string;
  enteredMs: number;
  exitedMs: number;
}

export interface PresenceOptions {
  /** Time inside before a visit counts; DESIGN §4: ~1 s. */
  enterMs: number;
  /** Time outside before a visit ends. */
  exitMs: number;
}

export const defaultPresenceOptions: PresenceOptions = { enterMs: 1000, exitMs: 1000 };

/** Zones with bounding boxes for a quick reject, shared by every track's presence. */
export class ZoneIndex {
  readonly ids: string[];
  private readonly polygons: Float64Array[];
  private readonly boxes: Float64Array;

  constructor(zones: readonly ZoneShape[]) {
    this.ids = zones.map((z) => z.id);
    this.polygons = zones.map((z) => Float64Array.from(z.polygon.flat()));
    this.boxes = new Float64Array(zones.length * 4);
    zones.forEach((z, i) => {
      const xs = z.polygon.map((p) => p[0]);
      const ys = z.polygon.map((p) => p[1]);
      this.boxes.set([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], i * 4);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  contains(zone: number, x: number, y: number): boolean {
    const b = this.boxes;
    const o = zone * 4;
    if (x < b[o]! || y < b[o + 1]! || x > b[o + 2]! || y > b[o + 3]!) return false;
    const poly = this.polygons[zone]!;
    const n = poly.length / 2;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = poly[2 * i]!;
      const yi = poly[2 * i + 1]!;
      const xj = poly[2 * j]!;
      const yj = poly[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

const OUTSIDE = 0;
const ENTERING = 1;
const INSIDE = 2;
const LEAVING = 3;

/** One track's presence in every zone, fed its floor points in time order. */
export class ZonePresence {
  private readonly state: Uint8Array;
  /** ENTERING: first point inside; INSIDE/LEAVING: when the visit began. */
  private readonly since: Float64Array;
  /** LEAVING: first point outside. */
  private readonly leftAt: Float64Array;

  constructor(
    private readonly zones: ZoneIndex,
    private readonly options: PresenceOptions = defaultPresenceOptions,
  ) {
    this.state = new Uint8Array(zones.size);
    this.since = new Float64Array(zones.size);
    this.leftAt = new Float64Array(zones.size);
  }

  /** Feeds one point; visits that ended are appended to `closed`. */
  update(t: number, x: number, y: number, closed: ClosedVisit[]): void {
    const { enterMs, exitMs } = this.options;
    for (let z = 0; z < this.zones.size; z++) {
      const inside = this.zones.contains(z, x, y);
      switch (this.state[z]) {
        case OUTSIDE:
          if (inside) {
            this.state[z] = enterMs <= 0 ? INSIDE : ENTERING;
            this.since[z] = t;
          }
          break;
        case ENTERING:
          if (!inside) this.state[z] = OUTSIDE;
          else if (t - this.since[z]! >= enterMs) this.state[z] = INSIDE;
          break;
        case INSIDE:
          if (!inside) {
            this.state[z] = LEAVING;
            this.leftAt[z] = t;
            if (exitMs <= 0) this.end(z, closed);
          }
          break;
        case LEAVING:
          if (inside) this.state[z] = INSIDE;
          else if (t - this.leftAt[z]! >= exitMs) this.end(z, closed);
          break;
      }
    }
  }

  /** The track ended (or the session closed) at `t`: every visit still open ends, at `t` if still inside. */
  close(t: number, closed: ClosedVisit[]): void {
    for (let z = 0; z < this.zones.size; z++) {
      if (this.state[z] === INSIDE) {
        this.state[z] = LEAVING;
        this.leftAt[z] = Math.max(t, this.since[z]!);
      }
      if (this.state[z] === LEAVING) this.end(z, closed);
      else this.state[z] = OUTSIDE;
    }
  }

  private end(z: number, closed: ClosedVisit[]): void {
    closed.push({ zone: this.zones.ids[z]!, enteredMs: this.since[z]!, exitedMs: this.leftAt[z]! });
    this.state[z] = OUTSIDE;
  }
}
