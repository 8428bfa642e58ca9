// One camera's tracker, ByteTrack (Zhang et al., ECCV 2022) step for step: predict every track;
// match high-score detections to tracked and lost tracks by IoU × score; match low-score
// detections (occluded people) to the tracked tracks still unmatched by IoU, which is what keeps
// a track alive through partial occlusion without letting low-score clutter start tracks; give
// unconfirmed tracks the leftover high-score detections; start tracks from what is left. A track
// is tentative until its second match, tracked while matched, lost when unmatched, removed after
// cameraLostMs. Time is the camera's frame stamps, so dropped frames predict further.
//
// Every detection matched to a confirmed track becomes a floor observation (floor-projection.ts),
// written into the track's own observation slot: the floor tracker reads the latest of each track
// per tick, and the track's id tells it which image track it was, which is strong identity
// evidence frame to frame.
import { assignGated } from './assign';
import { BOX_STATE, boxCorners, boxInitiate, boxPredict, boxUpdate } from './box-kalman';
import { newObservation, type CameraProjection, type FloorObservation } from './floor-projection';
import { iou } from './iou';
import type { VisionOptions } from './options';

export type CameraTrackState = 'tentative' | 'tracked' | 'lost' | 'removed';

export class CameraTrack {
  readonly kf = new Float64Array(BOX_STATE);
  state: CameraTrackState = 'tentative';
  /** Confirmed by a second match (ByteTrack's is_activated). */
  activated = false;
  /** Time the filter state refers to. */
  kfT: number;
  lastSeenT: number;
  score = 0;
  /** The floor track this image track fed last (its internal key), or -1. */
  floorKey = -1;
  /** The latest floor observation, valid when obsTick equals the tick being gathered. */
  readonly obs: FloorObservation = newObservation();
  obsTick = -Infinity;

  constructor(
    readonly camera: number,
    readonly id: number,
    t: number,
  ) {
    this.kfT = t;
    this.lastSeenT = t;
  }
}

/** Receives each confirmed camera track whose observation was just refreshed. */
export type ObservationSink = (track: CameraTrack) => void;

export class CameraTracker {
  /** Tracked and tentative tracks, then lost ones; removed tracks are dropped. */
  private tracks: CameraTrack[] = [];
  private nextId = 1;
  private frames = 0;
  private corners = new Float64Array(64);
  private detCorners = new Float64Array(64);
  private cost = new Float64Array(256);
  private rowToCol = new Int32Array(64);
  private detUsed = new Uint8Array(64);
  private scores = new Float64Array(64);
  private trackUsed = new Uint8Array(64);
  private readonly pool: number[] = [];
  private readonly dets: number[] = [];
  private readonly rows: number[] = [];

  constructor(
    readonly projection: CameraProjection,
    private readonly o: VisionOptions,
  ) {}

  /** Live tracks (tests and the floor tracker's diagnostics). */
  get liveTracks(): readonly CameraTrack[] {
    return this.tracks;
  }

  frame(t: number, boxes: Float32Array, keypoints: Float32Array | undefined, tick: number, sink: ObservationSink): void {
    const o = this.o;
    const n = Math.floor(boxes.length / 5);
    this.frames++;
    this.ensure(n, this.tracks.length);
    // A malformed box (not finite, or no area) gets score -1: below every threshold, so it is
    // ignored rather than poisoning a filter with NaN.
    const scores = this.scores;
    for (let i = 0; i < n; i++) {
      const w = boxes[i * 5 + 2]!;
      const h = boxes[i * 5 + 3]!;
      const ok = Number.isFinite(boxes[i * 5]!) && Number.isFinite(boxes[i * 5 + 1]!) && w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h);
      const score = boxes[i * 5 + 4]!;
      scores[i] = ok && Number.isFinite(score) ? score : -1;
    }
    for (let i = 0; i < n; i++) {
      const x = boxes[i * 5]!;
      const y = boxes[i * 5 + 1]!;
      this.detCorners[i * 4] = x;
      this.detCorners[i * 4 + 1] = y;
      this.detCorners[i * 4 + 2] = x + boxes[i * 5 + 2]!;
      this.detCorners[i * 4 + 3] = y + boxes[i * 5 + 3]!;
    }
    this.detUsed.fill(0, 0, n);
    const period = this.projection.periodMs;
    for (let k = 0; k < this.tracks.length; k++) {
      const tr = this.tracks[k]!;
      const steps = Math.max(1, Math.min(30, Math.round((t - tr.kfT) / period)));
      boxPredict(tr.kf, 0, steps, tr.state === 'tracked');
      tr.kfT = t;
      boxCorners(tr.kf, 0, this.corners, k * 4);
    }
    this.trackUsed.fill(0, 0, this.tracks.length);

    // 1. High-score detections against tracked and lost confirmed tracks.
    this.pool.length = 0;
    for (let k = 0; k < this.tracks.length; k++) if (this.tracks[k]!.activated) this.pool.push(k);
    this.dets.length = 0;
    for (let i = 0; i < n; i++) if (scores[i]! >= o.highScore) this.dets.push(i);
    this.match(this.pool, this.dets, boxes, true, o.firstMinIou, t, keypoints, tick, sink);

    // 2. Low-score detections against tracked tracks left unmatched; those still unmatched are lost.
    this.rows.length = 0;
    for (const k of this.pool) if (!this.trackUsed[k] && this.tracks[k]!.state === 'tracked') this.rows.push(k);
    this.dets.length = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      if (s >= o.lowScore && s < o.highScore) this.dets.push(i);
    }
    this.match(this.rows, this.dets, boxes, false, o.secondMinIou, t, keypoints, tick, sink);
    for (const k of this.rows) if (!this.trackUsed[k]) this.tracks[k]!.state = 'lost';

    // 3. Unconfirmed tracks against the high-score detections left; unmatched ones are dropped.
    this.rows.length = 0;
    for (let k = 0; k < this.tracks.length; k++) if (!this.tracks[k]!.activated) this.rows.push(k);
    this.dets.length = 0;
    for (let i = 0; i < n; i++) if (!this.detUsed[i] && scores[i]! >= o.highScore) this.dets.push(i);
    this.match(this.rows, this.dets, boxes, true, o.unconfirmedMinIou, t, keypoints, tick, sink);
    for (const k of this.rows) if (!this.trackUsed[k]) this.tracks[k]!.state = 'removed';

    // 4. New tracks; lost tracks expire.
    const born: CameraTrack[] = [];
    for (let i = 0; i < n; i++) {
      if (this.detUsed[i] || scores[i]! < o.newTrackScore) continue;
      const tr = new CameraTrack(this.projection.index, this.nextId++, t);
      const w = boxes[i * 5 + 2]!;
      const h = boxes[i * 5 + 3]!;
      boxInitiate(tr.kf, 0, boxes[i * 5]! + w / 2, boxes[i * 5 + 1]! + h / 2, w / h, h);
      tr.score = scores[i]!;
      // ByteTrack confirms tracks born on the very first frame at once.
      if (this.frames === 1) {
        tr.activated = true;
        tr.state = 'tracked';
        this.observe(tr, boxes, i, keypoints, t, tick, sink);
      }
      born.push(tr);
    }
    const kept: CameraTrack[] = [];
    for (const tr of this.tracks) {
      if (tr.state === 'lost' && t - tr.lastSeenT > o.cameraLostMs) tr.state = 'removed';
      if (tr.state !== 'removed') kept.push(tr);
    }
    for (const tr of born) kept.push(tr);
    this.tracks = this.removeDuplicates(kept);
  }

  private match(
    rows: readonly number[],
    dets: readonly number[],
    boxes: Float32Array,
    fuseScore: boolean,
    minSimilarity: number,
    t: number,
    keypoints: Float32Array | undefined,
    tick: number,
    sink: ObservationSink,
  ): void {
    const nr = rows.length;
    const nc = dets.length;
    if (nr === 0 || nc === 0) return;
    if (this.cost.length < nr * nc) this.cost = new Float64Array(nr * nc * 2);
    for (let r = 0; r < nr; r++) {
      const k = rows[r]!;
      for (let c = 0; c < nc; c++) {
        const i = dets[c]!;
        let sim = iou(this.corners, k * 4, this.detCorners, i * 4);
        if (fuseScore) sim *= this.scores[i]!;
        this.cost[r * nc + c] = 1 - sim;
      }
    }
    assignGated(this.cost, nr, nc, 1 - minSimilarity, this.rowToCol);
    for (let r = 0; r < nr; r++) {
      const c = this.rowToCol[r]!;
      if (c < 0) continue;
      const k = rows[r]!;
      const i = dets[c]!;
      const tr = this.tracks[k]!;
      const w = boxes[i * 5 + 2]!;
      const h = boxes[i * 5 + 3]!;
      boxUpdate(tr.kf, 0, boxes[i * 5]! + w / 2, boxes[i * 5 + 1]! + h / 2, w / h, h);
      tr.score = this.scores[i]!;
      tr.lastSeenT = t;
      tr.state = 'tracked';
      tr.activated = true;
      this.trackUsed[k] = 1;
      this.detUsed[i] = 1;
      this.observe(tr, boxes, i, keypoints, t, tick, sink);
    }
  }

  private observe(tr: CameraTrack, boxes: Float32Array, i: number, keypoints: Float32Array | undefined, t: number, tick: number, sink: ObservationSink): void {
    if (!this.projection.project(boxes, i, keypoints, t, tr.obs)) return;
    const fresh = tr.obsTick !== tick;
    tr.obsTick = tick;
    if (fresh) sink(tr);
  }

  /** ByteTrack's remove_duplicate_stracks: a tracked and a lost track on the same box keep the older. */
  private removeDuplicates(tracks: CameraTrack[]): CameraTrack[] {
    const lost = tracks.filter((tr) => tr.state === 'lost');
    if (lost.length === 0) return tracks;
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    const drop = new Set<CameraTrack>();
    for (const tr of tracks) {
      if (tr.state !== 'tracked') continue;
      boxCorners(tr.kf, 0, a, 0);
      for (const lo of lost) {
        boxCorners(lo.kf, 0, b, 0);
        if (iou(a, 0, b, 0) > 0.85) drop.add(lo.id < tr.id ? tr : lo);
      }
    }
    return drop.size === 0 ? tracks : tracks.filter((tr) => !drop.has(tr));
  }

  private ensure(dets: number, tracks: number): void {
    const need = Math.max(dets, tracks) + 1;
    if (this.detCorners.length < need * 4) this.detCorners = new Float64Array(need * 8);
    if (this.corners.length < need * 4) this.corners = new Float64Array(need * 8);
    if (this.detUsed.length < need) this.detUsed = new Uint8Array(need * 2);
    if (this.scores.length < need) this.scores = new Float64Array(need * 2);
    if (this.trackUsed.length < need) this.trackUsed = new Uint8Array(need * 2);
    if (this.rowToCol.length < need) this.rowToCol = new Int32Array(need * 2);
  }
}
