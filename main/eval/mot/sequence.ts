// The data model for one evaluated sequence: ground truth and tracker output as flat columns, validated,
// grouped by frame and with ids renumbered 0..n-1 (TrackEval's preprocessing), then walked frame by frame
// with the similarity matrix of each frame in one reused buffer. Hours of 10 Hz data for dozens of people
// are millions of rows, so everything here is typed arrays and O(rows) passes.
import { coordinateStride, fillSimilarity, type MotKind } from './similarity';

/** Detections as columns: row r is (frames[r], ids[r], coords[r*stride .. r*stride+stride)). */
export interface MotDetections {
  /** 1-based frame number of each row. */
  readonly frames: ArrayLike<number>;
  /** Track id of each row: any integers, need not be contiguous. */
  readonly ids: ArrayLike<number>;
  /** x, y, w, h per row for boxes; x, y in metres per row for points. */
  readonly coords: ArrayLike<number>;
}

/** Build columns from rows [frame, id, ...coords], as the reference vectors and small tests write them. */
export function detectionsFromRows(rows: readonly (readonly number[])[], kind: MotKind): MotDetections {
  const stride = coordinateStride(kind);
  const frames = new Float64Array(rows.length);
  const ids = new Float64Array(rows.length);
  const coords = new Float64Array(rows.length * stride);
  rows.forEach((row, r) => {
    if (row.length < 2 + stride) throw new Error(`row ${r} has ${row.length} numbers; expected frame, id and ${stride} coordinates`);
    frames[r] = row[0]!;
    ids[r] = row[1]!;
    for (let k = 0; k < stride; k++) coords[r * stride + k] = row[2 + k]!;
  });
  return { frames, ids, coords };
}

/** One side (gt or tracker) sorted by frame, file order kept within a frame. */
interface Side {
  readonly ids: Int32Array; // dense id of each sorted row
  readonly coords: Float64Array; // coordinates of each sorted row
  readonly frames: Float64Array; // frame of each sorted row
  readonly numIds: number;
}

export interface PreparedSequence {
  readonly kind: MotKind;
  readonly gt: Side;
  readonly tracker: Side;
  /** Frames holding any detection, ascending; frames with none change no metric. */
  readonly frameNumbers: Float64Array;
  /** Rows of frame k are gt rows gtStart[k]..gtStart[k+1]-1 (likewise trStart). */
  readonly gtStart: Int32Array;
  readonly trStart: Int32Array;
  /** TrackEval's num_timesteps: frames run 1..the last frame either side mentions. */
  readonly numFrames: number;
}

/** What a metric sees of one frame. Valid only during the callback: the buffers are reused. */
export interface FrameView {
  nGt: number;
  nTr: number;
  /** Dense ids: gt detection i has id gtIds[gtFirst + i]. */
  gtIds: Int32Array;
  gtFirst: number;
  trIds: Int32Array;
  trFirst: number;
  /** Row-major nGt × nTr similarity. */
  sim: Float64Array;
}

export function prepareSequence(gt: MotDetections, tracker: MotDetections, kind: MotKind): PreparedSequence {
  if (kind.kind === 'point' && !(Number.isFinite(kind.zeroDistance) && kind.zeroDistance > 0)) {
    throw new Error(`zero distance must be a positive number of metres, got ${kind.zeroDistance}`);
  }
  const gtSide = prepareSide(gt, kind, 'ground truth');
  const trSide = prepareSide(tracker, kind, 'tracker');
  const frameNumbers: number[] = [];
  const gtStart: number[] = [];
  const trStart: number[] = [];
  let a = 0;
  let b = 0;
  const nA = gtSide.frames.length;
  const nB = trSide.frames.length;
  while (a < nA || b < nB) {
    const frame = Math.min(a < nA ? gtSide.frames[a]! : Infinity, b < nB ? trSide.frames[b]! : Infinity);
    frameNumbers.push(frame);
    gtStart.push(a);
    trStart.push(b);
    while (a < nA && gtSide.frames[a] === frame) a++;
    while (b < nB && trSide.frames[b] === frame) b++;
  }
  gtStart.push(a);
  trStart.push(b);
  return {
    kind,
    gt: gtSide,
    tracker: trSide,
    frameNumbers: Float64Array.from(frameNumbers),
    gtStart: Int32Array.from(gtStart),
    trStart: Int32Array.from(trStart),
    numFrames: frameNumbers.length === 0 ? 0 : frameNumbers[frameNumbers.length - 1]!,
  };
}

/** Call `visit` for every frame holding a detection, in frame order, with that frame's similarity. */
export function forEachFrame(seq: PreparedSequence, visit: (frame: FrameView) => void): void {
  let sim = new Float64Array(64);
  const view: FrameView = { nGt: 0, nTr: 0, gtIds: seq.gt.ids, gtFirst: 0, trIds: seq.tracker.ids, trFirst: 0, sim };
  for (let k = 0; k < seq.frameNumbers.length; k++) {
    const gtFirst = seq.gtStart[k]!;
    const trFirst = seq.trStart[k]!;
    const nGt = seq.gtStart[k + 1]! - gtFirst;
    const nTr = seq.trStart[k + 1]! - trFirst;
    if (sim.length < nGt * nTr) sim = new Float64Array(Math.max(nGt * nTr, sim.length * 2));
    fillSimilarity(seq.kind, seq.gt.coords, gtFirst, nGt, seq.tracker.coords, trFirst, nTr, sim);
    view.nGt = nGt;
    view.nTr = nTr;
    view.gtFirst = gtFirst;
    view.trFirst = trFirst;
    view.sim = sim;
    visit(view);
  }
}

function prepareSide(det: MotDetections, kind: MotKind, side: string): Side {
  const stride = coordinateStride(kind);
  const n = det.frames.length;
  if (det.ids.length !== n) throw new Error(`${side}: ${n} frames but ${det.ids.length} ids`);
  if (det.coords.length !== n * stride) {
    throw new Error(`${side}: ${det.coords.length} coordinates for ${n} rows; expected ${stride} per row (${kind.kind})`);
  }
  for (let r = 0; r < n; r++) {
    const frame = det.frames[r]!;
    if (!Number.isInteger(frame) || frame < 1) throw new Error(`${side} row ${r}: frame ${frame} is not a whole number >= 1`);
    const id = det.ids[r]!;
    if (!Number.isSafeInteger(id)) throw new Error(`${side} row ${r}: id ${id} is not a whole number`);
    for (let k = 0; k < stride; k++) {
      if (!Number.isFinite(det.coords[r * stride + k]!)) throw new Error(`${side} row ${r}: coordinate ${k + 1} is not a finite number`);
    }
  }
  const order = frameOrder(det.frames);
  // TrackEval numbers ids by sorted value; the numbering cannot change any metric, but keeps debugging comparable.
  const seen = new Set<number>();
  for (let r = 0; r < n; r++) seen.add(det.ids[r]!);
  const distinct = Array.from(seen).sort((x, y) => x - y);
  const dense = new Map<number, number>(distinct.map((id, i) => [id, i]));
  const ids = new Int32Array(n);
  const coords = new Float64Array(n * stride);
  const frames = new Float64Array(n);
  const lastFrameOfId = new Float64Array(distinct.length).fill(-1);
  for (let s = 0; s < n; s++) {
    const r = order[s]!;
    const frame = det.frames[r]!;
    const id = dense.get(det.ids[r]!)!;
    // TrackEval refuses an id seen twice in one frame: a track cannot be in two places at once.
    if (lastFrameOfId[id] === frame) throw new Error(`${side}: id ${det.ids[r]} appears more than once in frame ${frame}`);
    lastFrameOfId[id] = frame;
    ids[s] = id;
    frames[s] = frame;
    for (let k = 0; k < stride; k++) coords[s * stride + k] = det.coords[r * stride + k]!;
  }
  return { ids, coords, frames, numIds: distinct.length };
}

/** Row indices sorted by frame, stable. Files are nearly always in frame order already: O(n) then. */
function frameOrder(frames: ArrayLike<number>): Uint32Array {
  const n = frames.length;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let r = 0; r < n; r++) {
    order[r] = r;
    if (r > 0 && frames[r]! < frames[r - 1]!) sorted = false;
  }
  if (!sorted) order.sort((x, y) => frames[x]! - frames[y]! || x - y);
  return order;
}
