// The store-wide tracker on the floor plan: one track per person from gate to gate, fed every tick
// with the floor observations of all cameras (one per confirmed image track, moved to the tick).
//
// Clustering and tracking are done together rather than one after the other: each camera's
// observations are assigned to the predicted tracks by Hungarian on Mahalanobis cost (so a track
// takes at most one observation per camera, and an observation feeds one track), and the set a
// track collects is its cluster, fused by fuse.ts. Clustering blind first would merge two shoppers
// standing half a metre apart in a crowded aisle; anchoring on the predictions keeps them apart.
// A camera track that fed a floor track last tick gets a bonus for feeding it again: image tracks
// rarely swap, and that is what keeps identities through crossings.
//
// Order per tick, as ByteTrack cascades: confirmed tracks first, then tentative ones; what is left
// is clustered across cameras; lost tracks may take a cluster near where they were predicted
// (re-found, bridging occlusions of a few seconds); other clusters start tentative tracks unless
// they sit on an existing track. Tentative tracks need confirmHits ticks with observations (a
// detector ghost lasts a few frames in one camera). A confirmed track unseen for coastMs stops
// being reported (longer when it stood still: hidden in a queue, not gone), is announced lost after
// lostAfterMs and ends after maxGapMs, or at once when it was last seen walking off the floor.
import type { HandPoint, TrackPoint, VisionDecision } from '../decisions';
import { distanceToPolygonEdge, pointInPolygon } from '../../store/geometry';
import type { Floor } from '../../store/schema';
import { assignGated } from './assign';
import type { CameraTrack } from './camera-tracker';
import { Clusterer } from './cluster';
import { FLOOR_STATE, floorInitiate, floorPredict, floorUpdate, type Cov2 } from './floor-kalman';
import type { FloorObservation } from './floor-projection';
import { fuseObservations, newFused, observedAt, worstResidual } from './fuse';
import { HAND_POINT_STRIDE, HANDS, triangulateHand, type HandOptions, type HandPrior } from './hands';
import { MotionHistory } from './motion-history';
import type { VisionOptions } from './options';

export type FloorTrackStatus = 'tentative' | 'confirmed' | 'lost';

/** A floor track as the stage reports it. */
export interface FloorTrackState {
  /** Public id (the TrackPoint trackId); 0 while tentative. */
  id: number;
  status: FloorTrackStatus;
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** Learnt head height, metres. */
  heightM: number;
  /** Store time of the last tick with observations. */
  lastSeenT: number;
  /** Cameras that saw it at that tick. */
  cameras: number;
}

class FloorTrack {
  readonly kf = new Float64Array(FLOOR_STATE);
  id = 0;
  status: FloorTrackStatus = 'tentative';
  height: number;
  heightVar: number;
  hits = 0;
  misses = 0;
  lastSeenT: number;
  lastX = 0;
  lastY = 0;
  /** Sightings of the last second or so: standing or walking, and which way. */
  readonly history = new MotionHistory();
  cameras = 0;
  /** 'track-lost' has been emitted for the current gap. */
  lostAnnounced = false;
  /** Ticks spent on top of an older track (a duplicate to merge away). */
  overlapTicks = 0;
  /** Hands triangulated at the last tick with observations (HAND_POINT_STRIDE per hand; NaN = not seen). */
  readonly hands = new Float64Array(HANDS * HAND_POINT_STRIDE).fill(NaN);
  readonly assigned: CameraTrack[] = [];
  readonly assignedObs: FloorObservation[] = [];

  constructor(
    readonly key: number,
    readonly bornT: number,
    height: number,
    heightVar: number,
  ) {
    this.height = height;
    this.heightVar = heightVar;
    this.lastSeenT = bornT;
  }
}

type Emit = (decision: VisionDecision) => void;

/** Head heights outside this are not people standing (or a bad fit); the learnt height is clamped to it. */
const MIN_HEIGHT = 1.4;
const MAX_HEIGHT = 2.1;
/** Standing or walking is judged on the displacement over this long. */
const MOTION_WINDOW_MS = 1000;

export class FloorTracker {
  private tracks: FloorTrack[] = [];
  private nextKey = 1;
  private nextId = 1;
  private readonly byCamera: CameraTrack[][] = [];
  private readonly fused = newFused();
  private readonly p = new Float64Array(2);
  private readonly worst = new Float64Array(3);
  private readonly from: [number, number] = [0, 0];
  private readonly handPrior: HandPrior = { x: 0, y: 0, z: 0, sigmaM: 0 };
  private readonly handOptions: HandOptions;
  private cost = new Float64Array(256);
  private rowToCol = new Int32Array(64);
  private labels = new Int32Array(64);
  private readonly clusterer = new Clusterer();
  private readonly rows: FloorTrack[] = [];
  private readonly leftovers: CameraTrack[] = [];
  private readonly leftoverObs: FloorObservation[] = [];
  private readonly clusterObs: FloorObservation[][] = [];
  private readonly clusterTracks: CameraTrack[][] = [];
  private readonly clusterX: number[] = [];
  private readonly clusterY: number[] = [];
  private readonly clusterCov: Cov2[] = [];
  private readonly clusterH: number[] = [];
  private readonly clusterHVar: number[] = [];

  constructor(
    private readonly o: VisionOptions,
    private readonly floor: Floor | undefined,
    cameras: number,
  ) {
    for (let c = 0; c < cameras; c++) this.byCamera.push([]);
    this.handOptions = { outlierM: o.handOutlierM };
  }

  get trackCount(): number {
    return this.tracks.length;
  }

  /** One tick at store time `tick`: `fresh` are the camera tracks observed in (tick − tickMs, tick]. */
  step(tick: number, fresh: readonly CameraTrack[], emit: Emit): void {
    const o = this.o;
    const dt = o.tickMs / 1000;
    for (const tr of this.tracks) {
      const unseen = tick - tr.lastSeenT;
      floorPredict(tr.kf, 0, dt, unseen > 3 * o.tickMs ? o.lostVelocityTauS : o.velocityTauS, o.accelerationNoise);
      tr.heightVar += o.heightDriftMPerSqrtS * o.heightDriftMPerSqrtS * dt;
      tr.assigned.length = 0;
      tr.assignedObs.length = 0;
    }
    for (const list of this.byCamera) list.length = 0;
    for (const ct of fresh) this.byCamera[ct.camera]!.push(ct);

    // 1–2. Confirmed tracks, then tentative ones, take observations camera by camera.
    this.assignStage(tick, (tr) => tr.status === 'confirmed');
    this.assignStage(tick, (tr) => tr.status === 'tentative');
    for (const tr of this.tracks) if (tr.assigned.length > 0) this.correct(tr, tick);

    // 3. Leftovers cluster across cameras; lost tracks may take a cluster, the rest start tracks.
    const clusters = this.clusterLeftovers(tick);
    this.refind(tick, clusters, emit);
    this.births(tick, clusters);

    this.lifecycle(tick, emit);
    for (const tr of this.tracks) {
      if (tr.status !== 'confirmed') continue;
      const point: TrackPoint = { kind: 'track-point', t: tick, trackId: tr.id, x: tr.kf[0]!, y: tr.kf[1]! };
      if (tr.lastSeenT === tick) {
        const left = handPoint(tr.hands, 0);
        const right = handPoint(tr.hands, 1);
        if (left) point.leftHand = left;
        if (right) point.rightHand = right;
      }
      emit(point);
    }
  }

  /** The input has ended: every track still open ends where it was last seen. */
  finish(emit: Emit): void {
    for (const tr of this.tracks) {
      if (tr.status !== 'tentative') emit({ kind: 'track-ended', t: tr.lastSeenT, trackId: tr.id, x: tr.lastX, y: tr.lastY });
    }
    this.tracks = [];
  }

  states(): FloorTrackState[] {
    return this.tracks.map((tr) => ({
      id: tr.id,
      status: tr.status,
      x: tr.kf[0]!,
      y: tr.kf[1]!,
      vx: tr.kf[2]!,
      vy: tr.kf[3]!,
      heightM: tr.height,
      lastSeenT: tr.lastSeenT,
      cameras: tr.cameras,
    }));
  }

  /** Mahalanobis cost of an observation for a track (Infinity outside the gate), link bonus applied. */
  private pairCost(tr: FloorTrack, ct: CameraTrack, tick: number): number {
    const o = this.o;
    const ob = ct.obs;
    const s = tr.kf;
    observedAt(ob, tr.height, o.headHeightM, tick, s[2]!, s[3]!, this.p);
    const dx = this.p[0]! - s[0]!;
    const dy = this.p[1]! - s[1]!;
    if (Math.abs(dx) > o.gateMaxM || Math.abs(dy) > o.gateMaxM || dx * dx + dy * dy > o.gateMaxM * o.gateMaxM) return Infinity;
    const hv = tr.heightVar;
    const sxx = s[4]! + ob.rxx + ob.gx * ob.gx * hv;
    const sxy = s[5]! + ob.rxy + ob.gx * ob.gy * hv;
    const syy = s[9]! + ob.ryy + ob.gy * ob.gy * hv;
    const det = sxx * syy - sxy * sxy;
    if (!(det > 0)) return Infinity;
    const d2 = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
    if (d2 > o.gateChi2) return Infinity;
    return ct.floorKey === tr.key ? d2 - o.linkBonus : d2;
  }

  private assignStage(tick: number, eligible: (tr: FloorTrack) => boolean): void {
    const o = this.o;
    for (const list of this.byCamera) {
      const nc = list.length;
      if (nc === 0) continue;
      this.rows.length = 0;
      for (const tr of this.tracks) if (eligible(tr)) this.rows.push(tr);
      const nr = this.rows.length;
      if (nr === 0) continue;
      if (this.cost.length < nr * nc) this.cost = new Float64Array(nr * nc * 2);
      if (this.rowToCol.length < nr) this.rowToCol = new Int32Array(nr * 2);
      let any = false;
      for (let r = 0; r < nr; r++) {
        const tr = this.rows[r]!;
        for (let c = 0; c < nc; c++) {
          const ct = list[c]!;
          const v = ct.obsTick === tick ? this.pairCost(tr, ct, tick) : Infinity;
          this.cost[r * nc + c] = v;
          if (v !== Infinity) any = true;
        }
      }
      if (!any) continue;
      assignGated(this.cost, nr, nc, o.gateChi2, this.rowToCol);
      for (let r = 0; r < nr; r++) {
        const c = this.rowToCol[r]!;
        if (c < 0) continue;
        const ct = list[c]!;
        const tr = this.rows[r]!;
        tr.assigned.push(ct);
        tr.assignedObs.push(ct.obs);
        // Claimed: later stages and clustering skip it.
        ct.obsTick = -tick;
      }
    }
  }

  /** Kalman update of a track with the fusion of its assigned observations. */
  private correct(tr: FloorTrack, tick: number): void {
    const o = this.o;
    const f = this.fused;
    const vx = tr.kf[2]!;
    const vy = tr.kf[3]!;
    for (;;) {
      if (!fuseObservations(tr.assignedObs, tr.assignedObs.length, tr.height, tr.heightVar, o.headHeightM, tick, vx, vy, f)) return;
      if (tr.assignedObs.length < 2) break;
      // Cameras that disagree with the others by more than their noise allows saw someone else
      // (an image track that swapped onto a neighbour): drop the worst and fuse again. Without
      // this, the height correction would absorb the disagreement and drag the track along.
      worstResidual(tr.assignedObs, tr.assignedObs.length, f, tr.height, o.headHeightM, tick, vx, vy, this.worst);
      if (this.worst[1]! <= o.outlierChi2 || this.worst[2]! <= o.outlierMinM) break;
      const k = this.worst[0]!;
      const ct = tr.assigned[k]!;
      ct.obsTick = tick; // unclaimed again: clustering may use it
      tr.assigned.splice(k, 1);
      tr.assignedObs.splice(k, 1);
    }
    floorUpdate(tr.kf, 0, f.x, f.y, f.cov);
    const dh = Math.max(-o.maxHeightStepM, Math.min(o.maxHeightStepM, f.dh));
    tr.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, tr.height + dh));
    tr.heightVar = f.dhVar;
    tr.hits++;
    tr.misses = 0;
    tr.lastSeenT = tick;
    tr.lastX = tr.kf[0]!;
    tr.lastY = tr.kf[1]!;
    tr.history.push(tick, tr.lastX, tr.lastY);
    tr.cameras = tr.assigned.length;
    for (const ct of tr.assigned) ct.floorKey = tr.key;
    this.locateHands(tr);
  }

  /** Triangulates the track's hands from the cameras it was seen by this tick. */
  private locateHands(tr: FloorTrack): void {
    const o = this.o;
    const prior = this.handPrior;
    prior.x = tr.kf[0]!;
    prior.y = tr.kf[1]!;
    prior.z = o.handPriorHeightShare * tr.height;
    prior.sigmaM = o.handPriorSigmaM;
    for (let hand = 0; hand < HANDS; hand++) triangulateHand(tr.assignedObs, tr.assignedObs.length, hand, prior, this.handOptions, tr.hands);
  }

  /** Clusters the observations nobody claimed; returns the number of clusters (filled in this.cluster*). */
  private clusterLeftovers(tick: number): number {
    const o = this.o;
    this.leftovers.length = 0;
    this.leftoverObs.length = 0;
    for (const list of this.byCamera) {
      for (const ct of list) {
        if (ct.obsTick !== tick) continue;
        this.leftovers.push(ct);
        this.leftoverObs.push(ct.obs);
      }
    }
    const n = this.leftovers.length;
    if (n === 0) return 0;
    if (this.labels.length < n) this.labels = new Int32Array(n * 2);
    const k = this.clusterer.cluster(this.leftoverObs, n, o.clusterRadiusM, this.labels);
    for (let c = 0; c < k; c++) {
      (this.clusterObs[c] ??= []).length = 0;
      (this.clusterTracks[c] ??= []).length = 0;
    }
    for (let i = 0; i < n; i++) {
      this.clusterObs[this.labels[i]!]!.push(this.leftoverObs[i]!);
      this.clusterTracks[this.labels[i]!]!.push(this.leftovers[i]!);
    }
    const h0 = o.headHeightM;
    const hVar0 = o.headHeightStdM * o.headHeightStdM;
    const f = this.fused;
    let kept = 0;
    for (let c = 0; c < k; c++) {
      const obs = this.clusterObs[c]!;
      if (!fuseObservations(obs, obs.length, h0, hVar0, h0, tick, 0, 0, f)) continue;
      // Compact in place so clusters 0..kept-1 are the usable ones.
      if (kept !== c) {
        [this.clusterObs[kept], this.clusterObs[c]] = [this.clusterObs[c]!, this.clusterObs[kept]!];
        [this.clusterTracks[kept], this.clusterTracks[c]] = [this.clusterTracks[c]!, this.clusterTracks[kept]!];
      }
      this.clusterX[kept] = f.x;
      this.clusterY[kept] = f.y;
      const cov = (this.clusterCov[kept] ??= { xx: 0, xy: 0, yy: 0 });
      cov.xx = f.cov.xx;
      cov.xy = f.cov.xy;
      cov.yy = f.cov.yy;
      this.clusterH[kept] = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h0 + f.dh));
      this.clusterHVar[kept] = f.dhVar;
      kept++;
    }
    return kept;
  }

  /** Lost tracks take the nearest cluster within reach of their prediction (Hungarian on distance). */
  private refind(tick: number, clusters: number, emit: Emit): void {
    const o = this.o;
    this.rows.length = 0;
    for (const tr of this.tracks) if (tr.status === 'lost') this.rows.push(tr);
    const nr = this.rows.length;
    if (nr === 0 || clusters === 0) return;
    if (this.cost.length < nr * clusters) this.cost = new Float64Array(nr * clusters * 2);
    if (this.rowToCol.length < nr) this.rowToCol = new Int32Array(nr * 2);
    for (let r = 0; r < nr; r++) {
      const tr = this.rows[r]!;
      const gap = (tick - tr.lastSeenT) / 1000;
      const reach = Math.min(o.refindMaxM, o.refindBaseM + o.refindSpeedMps * gap);
      for (let c = 0; c < clusters; c++) {
        const d = Math.hypot(this.clusterX[c]! - tr.kf[0]!, this.clusterY[c]! - tr.kf[1]!);
        this.cost[r * clusters + c] = d <= reach ? d / reach : Infinity;
      }
    }
    assignGated(this.cost, nr, clusters, 1, this.rowToCol);
    for (let r = 0; r < nr; r++) {
      const c = this.rowToCol[r]!;
      if (c < 0) continue;
      const tr = this.rows[r]!;
      for (const ct of this.clusterTracks[c]!) {
        tr.assigned.push(ct);
        tr.assignedObs.push(ct.obs);
        ct.obsTick = -tick;
      }
      // The old velocity says nothing after a gap; restart the motion from the new position.
      floorInitiate(tr.kf, 0, tr.kf[0]!, tr.kf[1]!, { xx: 4, xy: 0, yy: 4 }, o.initialVelocityStd);
      this.correct(tr, tick);
      tr.status = 'confirmed';
      // Only a loss that was announced is news; a short gap is just missed detections.
      if (tr.lostAnnounced) emit({ kind: 'track-refound', t: tick, trackId: tr.id, x: tr.kf[0]!, y: tr.kf[1]! });
      tr.lostAnnounced = false;
      this.clusterTracks[c]!.length = 0;
    }
  }

  /** Clusters nobody took start tentative tracks, unless they sit on a track that exists. */
  private births(tick: number, clusters: number): void {
    const o = this.o;
    const sep2 = o.minSeparationM * o.minSeparationM;
    for (let c = 0; c < clusters; c++) {
      const cts = this.clusterTracks[c]!;
      if (cts.length === 0) continue;
      const x = this.clusterX[c]!;
      const y = this.clusterY[c]!;
      let crowded = false;
      for (const tr of this.tracks) {
        if (tr.status === 'lost') continue;
        if ((tr.kf[0]! - x) ** 2 + (tr.kf[1]! - y) ** 2 < sep2) {
          crowded = true;
          break;
        }
      }
      if (crowded) continue;
      const tr = new FloorTrack(this.nextKey++, tick, this.clusterH[c]!, this.clusterHVar[c]!);
      floorInitiate(tr.kf, 0, x, y, this.clusterCov[c]!, o.initialVelocityStd);
      tr.hits = 1;
      tr.lastX = x;
      tr.lastY = y;
      tr.cameras = cts.length;
      for (const ct of cts) ct.floorKey = tr.key;
      this.tracks.push(tr);
    }
  }

  private lifecycle(tick: number, emit: Emit): void {
    const o = this.o;
    // A younger confirmed track sitting on an older one is a duplicate: merge it away.
    const sep2 = o.minSeparationM * o.minSeparationM;
    for (let i = 0; i < this.tracks.length; i++) {
      const a = this.tracks[i]!;
      if (a.status !== 'confirmed') continue;
      let onTop = false;
      for (let j = 0; j < i; j++) {
        const b = this.tracks[j]!;
        if (b.status !== 'confirmed') continue;
        if ((a.kf[0]! - b.kf[0]!) ** 2 + (a.kf[1]! - b.kf[1]!) ** 2 < sep2) {
          onTop = true;
          break;
        }
      }
      a.overlapTicks = onTop ? a.overlapTicks + 1 : 0;
    }
    const kept: FloorTrack[] = [];
    for (const tr of this.tracks) {
      if (tr.lastSeenT !== tick) tr.misses++;
      const unseen = tick - tr.lastSeenT;
      if (tr.status === 'tentative') {
        if (tr.misses > o.tentativeMaxMisses) continue;
        if (tr.hits >= o.confirmHits) {
          tr.status = 'confirmed';
          tr.id = this.nextId++;
          emit({ kind: 'track-started', t: tick, trackId: tr.id, x: tr.kf[0]!, y: tr.kf[1]! });
        }
      } else if (tr.status === 'confirmed') {
        if (tr.overlapTicks >= 10) {
          emit({ kind: 'track-ended', t: tr.lastSeenT, trackId: tr.id, x: tr.lastX, y: tr.lastY });
          continue;
        }
        if (unseen >= (this.still(tr) ? o.stillCoastMs : o.coastMs)) {
          if (this.leaving(tr)) {
            emit({ kind: 'track-ended', t: tr.lastSeenT, trackId: tr.id, x: tr.lastX, y: tr.lastY });
            continue;
          }
          tr.status = 'lost';
        }
      } else {
        if (unseen >= (this.still(tr) ? o.stillMaxGapMs : o.maxGapMs)) {
          emit({ kind: 'track-ended', t: tr.lastSeenT, trackId: tr.id, x: tr.lastX, y: tr.lastY });
          continue;
        }
        if (!tr.lostAnnounced && unseen >= o.lostAfterMs) {
          tr.lostAnnounced = true;
          emit({ kind: 'track-lost', t: tr.lastSeenT, trackId: tr.id, x: tr.lastX, y: tr.lastY });
        }
      }
      kept.push(tr);
    }
    this.tracks = kept;
  }

  private still(tr: FloorTrack): boolean {
    return tr.history.speed(MOTION_WINDOW_MS) < this.o.stillSpeedMps;
  }

  /**
   * Last seen at or beyond the floor's edge and walking outwards: the person walked out of the
   * store or the cameras' reach. Standing or shuffling inwards there is queueing at a gate, hidden
   * by the people in front.
   */
  private leaving(tr: FloorTrack): boolean {
    if (!this.floor || this.still(tr)) return false;
    const outline = this.floor.outline;
    const inset = (x: number, y: number): number => {
      const p: [number, number] = [x, y];
      const d = distanceToPolygonEdge(p, outline);
      return pointInPolygon(p, outline) ? d : -d;
    };
    const now = inset(tr.lastX, tr.lastY);
    tr.history.from(MOTION_WINDOW_MS, this.from);
    return now < this.o.exitMarginM && now < inset(this.from[0], this.from[1]);
  }
}

function handPoint(hands: Float64Array, hand: number): HandPoint | undefined {
  const at = hand * HAND_POINT_STRIDE;
  if (Number.isNaN(hands[at]!)) return undefined;
  return {
    x: mm(hands[at]!),
    y: mm(hands[at + 1]!),
    z: mm(hands[at + 2]!),
    cov: [mm2(hands[at + 3]!), mm2(hands[at + 4]!), mm2(hands[at + 5]!), mm2(hands[at + 6]!), mm2(hands[at + 7]!), mm2(hands[at + 8]!)],
  };
}

/** Millimetres are plenty, and shorter decisions are cheaper to keep. */
function mm(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Covariances to a square millimetre (1e-6 m²): far below any hand's uncertainty. */
function mm2(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
