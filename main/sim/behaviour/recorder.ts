// Writes down what happened on the floor: each person's samples into their own growable typed
// arrays (people overlap in time, the world wants them contiguous per person), and every crossing
// of a gate line with its direction and interpolated time. Crossings are detected from the
// movement itself rather than from behaviour intent, so a gate is "crossed" exactly when the body
// centre passes its line.
import type { SimGateCrossing, SimTrajectories } from '../world';
import type { Agent } from './agent';
import type { GateLane } from './nav-grid';

class Track {
  n = 0;
  t = new Float64Array(256);
  x = new Float32Array(256);
  y = new Float32Array(256);
  hx = new Float32Array(256);
  hy = new Float32Array(256);
  hz = new Float32Array(256);

  push(t: number, x: number, y: number, hx: number, hy: number, hz: number): void {
    if (this.n === this.t.length) this.grow();
    const i = this.n++;
    this.t[i] = t;
    this.x[i] = x;
    this.y[i] = y;
    this.hx[i] = hx;
    this.hy[i] = hy;
    this.hz[i] = hz;
  }

  private grow(): void {
    const size = this.t.length * 2;
    const t = new Float64Array(size);
    t.set(this.t);
    this.t = t;
    for (const k of ['x', 'y', 'hx', 'hy', 'hz'] as const) {
      const a = new Float32Array(size);
      a.set(this[k]);
      this[k] = a;
    }
  }
}

export class Recorder {
  readonly crossings: SimGateCrossing[] = [];
  private readonly tracks = new Map<number, Track>();
  private readonly scans = new Map<number, { gate: string; atMs: number }>();
  private readonly entered = new Set<number>();
  private readonly exitedBy = new Map<number, GateLane>();

  constructor(private readonly lanes: readonly GateLane[]) {}

  sample(me: Agent, tMs: number): void {
    let track = this.tracks.get(me.id);
    if (!track) {
      track = new Track();
      this.tracks.set(me.id, track);
    }
    const inShelf = tMs >= me.handFromMs && tMs <= me.handToMs;
    track.push(tMs, me.x, me.y, inShelf ? me.handX : NaN, inShelf ? me.handY : NaN, inShelf ? me.handZ : NaN);
  }

  noteScan(me: Agent, lane: GateLane, atMs: number): void {
    this.scans.set(me.id, { gate: lane.gate.id, atMs });
  }

  hasEntered(me: Agent): boolean {
    return this.entered.has(me.id);
  }

  exitLane(me: Agent): GateLane | undefined {
    return this.exitedBy.get(me.id);
  }

  /** Records any gate line the move from (px, py) at tPrev to the person's position at tNow crossed. */
  checkCrossing(me: Agent, px: number, py: number, tPrev: number, tNow: number): void {
    const qx = me.x;
    const qy = me.y;
    if (px === qx && py === qy) return;
    for (const lane of this.lanes) {
      const [[ax, ay], [bx, by]] = lane.gate.line;
      const d1 = cross(ax, ay, bx, by, px, py);
      const d2 = cross(ax, ay, bx, by, qx, qy);
      if (d1 === 0 || (d1 > 0) === (d2 > 0)) continue;
      const e1 = cross(px, py, qx, qy, ax, ay);
      const e2 = cross(px, py, qx, qy, bx, by);
      if ((e1 > 0) === (e2 > 0)) continue;
      const u = d1 / (d1 - d2);
      const atMs = Math.round(tPrev + u * (tNow - tPrev));
      const inward = (qx - px) * lane.inward[0] + (qy - py) * lane.inward[1] > 0;
      const crossing: SimGateCrossing = { personId: me.id, gate: lane.gate.id, direction: inward ? 'in' : 'out', atMs };
      const scan = this.scans.get(me.id);
      if (inward && scan && scan.gate === lane.gate.id) {
        crossing.scanMs = scan.atMs;
        this.scans.delete(me.id);
      }
      if (inward) {
        this.entered.add(me.id);
        this.exitedBy.delete(me.id);
      } else {
        this.exitedBy.set(me.id, lane);
      }
      this.crossings.push(crossing);
    }
  }

  /** The flat per-person arrays, people in the order given. */
  build(personIds: readonly number[], trajectoryHz: number): SimTrajectories {
    const start = new Int32Array(personIds.length + 1);
    let total = 0;
    personIds.forEach((id, i) => {
      start[i] = total;
      total += this.tracks.get(id)?.n ?? 0;
    });
    start[personIds.length] = total;
    const out: SimTrajectories = {
      trajectoryHz,
      personIds: Int32Array.from(personIds),
      start,
      t: new Float64Array(total),
      x: new Float32Array(total),
      y: new Float32Array(total),
      handX: new Float32Array(total),
      handY: new Float32Array(total),
      handZ: new Float32Array(total),
    };
    personIds.forEach((id, i) => {
      const track = this.tracks.get(id);
      if (!track) return;
      const at = start[i]!;
      out.t.set(track.t.subarray(0, track.n), at);
      out.x.set(track.x.subarray(0, track.n), at);
      out.y.set(track.y.subarray(0, track.n), at);
      out.handX.set(track.hx.subarray(0, track.n), at);
      out.handY.set(track.hy.subarray(0, track.n), at);
      out.handZ.set(track.hz.subarray(0, track.n), at);
    });
    return out;
  }
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}
