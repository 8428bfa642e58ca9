// People as cameras see them: where each body is at any instant (linear between trajectory
// samples), how tall it is, which way it faces and where its hands are. The world only records a
// floor point and a reaching hand, so height, handedness and heading are the sensor model's to
// invent — deterministically per person, so every camera sees the same body.
import type { SimWorld } from '../world';
import { clamp, sensorStream } from './streams';

export interface BodyPose {
  x: number;
  y: number;
  /** Trajectory samples either side of this instant and the weight of the later one. */
  k: number;
  k1: number;
  a: number;
  height: number;
  /** Unit heading on the plan (the way the chest points). */
  hx: number;
  hy: number;
  /** Reaching hand (NaN when not reaching) and which one it is. */
  handX: number;
  handY: number;
  handZ: number;
  rightHanded: boolean;
}

export interface BodyTrack {
  personId: number;
  height: number;
  rightHanded: boolean;
  first: number;
  last: number;
  tFirst: number;
  tLast: number;
  /** Index of the last sample found, so time-ordered lookups start where they left off. */
  hint: number;
  /** The standing heading last worked out, and at which sample (the backward search is the costly part). */
  standK: number;
  standX: number;
  standY: number;
}

export function newPose(): BodyPose {
  return { x: 0, y: 0, k: 0, k1: 0, a: 0, height: 1.7, hx: 0, hy: -1, handX: NaN, handY: NaN, handZ: NaN, rightHanded: true };
}

export class Bodies {
  readonly tracks: BodyTrack[] = [];

  constructor(
    private readonly world: SimWorld,
    seed: number,
  ) {
    const tr = world.trajectories;
    for (let i = 0; i < tr.personIds.length; i++) {
      const first = tr.start[i]!;
      const last = (i + 1 < tr.start.length ? tr.start[i + 1]! : tr.t.length) - 1;
      if (last < first) continue;
      const personId = tr.personIds[i]!;
      const rng = sensorStream(seed, `person:${personId}`);
      this.tracks.push({
        personId,
        height: clamp(rng.normal(1.72, 0.09), 1.5, 1.95),
        rightHanded: rng.chance(0.88),
        first,
        last,
        tFirst: tr.t[first]!,
        tLast: tr.t[last]!,
        hint: first,
        standK: -1,
        standX: 0,
        standY: -1,
      });
    }
  }

  /** A time-ordered view of who is present, for one stream whose times only move forward. */
  cursor(): BodyCursor {
    return new BodyCursor([...this.tracks].sort((a, b) => a.tFirst - b.tFirst || a.personId - b.personId));
  }

  /** Fills the position in `out` (x, y, k, k1, a); false when the person is not in the world at t. */
  positionAt(track: BodyTrack, t: number, out: BodyPose): boolean {
    if (t < track.tFirst || t > track.tLast) return false;
    const tr = this.world.trajectories;
    const ts = tr.t;
    let k = clamp(track.hint, track.first, track.last);
    for (let back = 0; back < 4 && k > track.first && ts[k]! > t; back++) k--;
    if (ts[k]! > t) {
      // Far back in time: binary search from the start.
      let lo = track.first;
      let hi = k;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (ts[mid]! <= t) lo = mid;
        else hi = mid;
      }
      k = lo;
    } else {
      while (k < track.last && ts[k + 1]! <= t) k++;
    }
    track.hint = k;
    const k1 = Math.min(k + 1, track.last);
    const span = ts[k1]! - ts[k]!;
    const a = span > 0 ? (t - ts[k]!) / span : 0;
    out.k = k;
    out.k1 = k1;
    out.a = a;
    out.x = tr.x[k]! + a * (tr.x[k1]! - tr.x[k]!);
    out.y = tr.y[k]! + a * (tr.y[k1]! - tr.y[k]!);
    out.height = track.height;
    out.rightHanded = track.rightHanded;
    return true;
  }

  /** Completes a pose filled by positionAt with the reaching hand and the heading. */
  completePose(track: BodyTrack, out: BodyPose): void {
    const tr = this.world.trajectories;
    const { k, k1, a } = out;
    const near = a < 0.5 ? k : k1;
    if (Number.isFinite(tr.handX[near]!)) {
      const both = Number.isFinite(tr.handX[k]!) && Number.isFinite(tr.handX[k1]!);
      out.handX = both ? tr.handX[k]! + a * (tr.handX[k1]! - tr.handX[k]!) : tr.handX[near]!;
      out.handY = both ? tr.handY[k]! + a * (tr.handY[k1]! - tr.handY[k]!) : tr.handY[near]!;
      out.handZ = both ? tr.handZ[k]! + a * (tr.handZ[k1]! - tr.handZ[k]!) : tr.handZ[near]!;
    } else {
      out.handX = out.handY = out.handZ = NaN;
    }
    this.heading(track, k, k1, tr.t[k1]! - tr.t[k]!, out);
  }

  /** Fills `out` with the whole body at time t; false when the person is not in the world then. */
  poseAt(track: BodyTrack, t: number, out: BodyPose): boolean {
    if (!this.positionAt(track, t, out)) return false;
    this.completePose(track, out);
    return true;
  }

  /** Walking: along the velocity. Reaching: towards the hand. Standing: the last way walked. */
  private heading(track: BodyTrack, k: number, k1: number, span: number, out: BodyPose): void {
    const tr = this.world.trajectories;
    if (Number.isFinite(out.handX)) {
      const dx = out.handX - out.x;
      const dy = out.handY - out.y;
      const d = Math.hypot(dx, dy);
      if (d > 0.05) {
        out.hx = dx / d;
        out.hy = dy / d;
        return;
      }
    }
    if (span > 0) {
      const dx = tr.x[k1]! - tr.x[k]!;
      const dy = tr.y[k1]! - tr.y[k]!;
      const d = Math.hypot(dx, dy);
      if ((d * 1000) / span > 0.2) {
        out.hx = dx / d;
        out.hy = dy / d;
        return;
      }
    }
    if (track.standK !== k) {
      track.standK = k;
      track.standX = 0;
      track.standY = -1;
      for (let j = k - 1; j >= Math.max(track.first, k - 50); j--) {
        const dx = tr.x[k]! - tr.x[j]!;
        const dy = tr.y[k]! - tr.y[j]!;
        const d = Math.hypot(dx, dy);
        if (d > 0.15) {
          track.standX = dx / d;
          track.standY = dy / d;
          break;
        }
      }
    }
    out.hx = track.standX;
    out.hy = track.standY;
  }
}

/**
 * The people present at a time, kept up to date as time moves forward: a camera asks 15-30 times a
 * second, and walking every person of a long run each time would cost more than rendering them.
 */
export class BodyCursor {
  private next = 0;
  private readonly present: BodyTrack[] = [];

  constructor(private readonly byArrival: readonly BodyTrack[]) {}

  /** Tracks whose span covers t, in arrival order (t must not go backwards between calls). */
  at(t: number): readonly BodyTrack[] {
    while (this.next < this.byArrival.length && this.byArrival[this.next]!.tFirst <= t) this.present.push(this.byArrival[this.next++]!);
    let j = 0;
    for (let i = 0; i < this.present.length; i++) if (this.present[i]!.tLast >= t) this.present[j++] = this.present[i]!;
    this.present.length = j;
    return this.present;
  }
}
