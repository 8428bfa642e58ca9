// Person detections: one camera's frames, about a second of them per batch. Coordinates are kept
// to whole pixels and scores to 1/255, ample for IoU association and floor projection, so a box is
// a fixed 9 bytes and its keypoints 15; frame times are exact (see time-coding).
//
// Body (format version 1):
//   varint frames
//   per frame: time, varint (boxes × 2 + hasKeypoints), then
//     per box: i16 x, i16 y, u16 w, u16 h, u8 score                (little-endian)
//     if hasKeypoints, per box and keypoint: i16 x, i16 y, u8 confidence
import { boxStride, keypointNames, keypointStride, type Detections } from '../engine/inputs';
import type { ByteReader, ByteWriter } from './bytes';
import { grow } from './grow';
import { PayloadProblem } from './errors';
import { TimeReader, TimeWriter, maxAbsTimeMs } from './time-coding';

const BOX_BYTES = 9;
const KEYPOINT_BYTES = 5;
const KEYPOINTS_BYTES = keypointNames.length * KEYPOINT_BYTES;

/** A recorded position: the nearest whole pixel, clamped to int16; NaN as 0. */
export function recordedPosition(v: number): number {
  return Number.isNaN(v) ? 0 : Math.min(32767, Math.max(-32768, Math.round(v)));
}

/** A recorded size: the nearest whole pixel, clamped to uint16; NaN as 0. */
export function recordedSize(v: number): number {
  return Number.isNaN(v) ? 0 : Math.min(65535, Math.max(0, Math.round(v)));
}

/** A recorded score or confidence: the nearest 1/255 of [0, 1]; NaN as 0. */
export function recordedScore(v: number): number {
  return scoreByte(v) / 255;
}

function scoreByte(v: number): number {
  return Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255);
}

export function checkDetections(input: Detections): void {
  const where = `camera ${input.camera}`;
  if (!(input.boxes instanceof Float32Array)) throw new TypeError(`${where}: boxes must be a Float32Array`);
  if (input.boxes.length % boxStride !== 0) {
    throw new RangeError(`${where}: boxes holds ${input.boxes.length} values, not a multiple of ${boxStride}`);
  }
  if (input.keypoints !== undefined) {
    if (!(input.keypoints instanceof Float32Array)) throw new TypeError(`${where}: keypoints must be a Float32Array`);
    const expected = (input.boxes.length / boxStride) * keypointStride;
    if (input.keypoints.length !== expected) {
      throw new RangeError(`${where}: keypoints holds ${input.keypoints.length} values, expected ${expected} for its boxes`);
    }
  }
  if (!(Math.abs(input.t) <= maxAbsTimeMs)) throw new RangeError(`${where}: t must be a finite time (got ${input.t})`);
}

/** Accumulates one camera's frames in reused typed arrays until the batch is sealed. */
export class DetectionsBodyEncoder {
  inputs = 0;
  count = 0;
  private frameT = new Float64Array(64);
  private frameBoxes = new Uint32Array(64);
  private frameHasKeypoints = new Uint8Array(64);
  private boxes = new Float32Array(64 * boxStride);
  private keypoints = new Float32Array(64 * keypointStride);
  private keypointBoxes = 0;
  private readonly time = new TimeWriter();

  get firstTime(): number {
    return this.frameT[0]!;
  }

  get lastTime(): number {
    return this.frameT[this.inputs - 1]!;
  }

  push(input: Detections): void {
    if (this.inputs === this.frameT.length) {
      this.frameT = grow(this.frameT, this.inputs * 2);
      this.frameBoxes = grow(this.frameBoxes, this.inputs * 2);
      this.frameHasKeypoints = grow(this.frameHasKeypoints, this.inputs * 2);
    }
    const n = input.boxes.length / boxStride;
    const boxValues = this.count * boxStride;
    if (boxValues + input.boxes.length > this.boxes.length) {
      this.boxes = grow(this.boxes, Math.max(this.boxes.length * 2, boxValues + input.boxes.length));
    }
    this.boxes.set(input.boxes, boxValues);
    if (input.keypoints !== undefined) {
      const kpValues = this.keypointBoxes * keypointStride;
      if (kpValues + input.keypoints.length > this.keypoints.length) {
        this.keypoints = grow(this.keypoints, Math.max(this.keypoints.length * 2, kpValues + input.keypoints.length));
      }
      this.keypoints.set(input.keypoints, kpValues);
      this.keypointBoxes += n;
    }
    this.frameT[this.inputs] = input.t;
    this.frameBoxes[this.inputs] = n;
    this.frameHasKeypoints[this.inputs] = input.keypoints === undefined ? 0 : 1;
    this.inputs++;
    this.count += n;
  }

  reset(): void {
    this.inputs = 0;
    this.count = 0;
    this.keypointBoxes = 0;
  }

  writeBody(out: ByteWriter, t0Ms: number): void {
    const { boxes, keypoints } = this;
    out.varint(this.inputs);
    this.time.begin(t0Ms);
    let box = 0;
    let keypointBox = 0;
    for (let f = 0; f < this.inputs; f++) {
      const n = this.frameBoxes[f]!;
      const hasKeypoints = this.frameHasKeypoints[f]!;
      this.time.write(out, this.frameT[f]!);
      out.varint(n * 2 + hasKeypoints);
      out.ensure(n * (BOX_BYTES + KEYPOINTS_BYTES));
      for (let end = box + n; box < end; box++) {
        const v = box * boxStride;
        out.i16(recordedPosition(boxes[v]!));
        out.i16(recordedPosition(boxes[v + 1]!));
        out.u16(recordedSize(boxes[v + 2]!));
        out.u16(recordedSize(boxes[v + 3]!));
        out.u8(scoreByte(boxes[v + 4]!));
      }
      if (hasKeypoints) {
        for (let end = keypointBox + n * keypointNames.length; keypointBox < end; keypointBox++) {
          const v = keypointBox * 3;
          out.i16(recordedPosition(keypoints[v]!));
          out.i16(recordedPosition(keypoints[v + 1]!));
          out.u8(scoreByte(keypoints[v + 2]!));
        }
      }
    }
  }
}

export function decodeDetectionsBody(r: ByteReader, camera: string, t0Ms: number, count: number): Detections[] {
  const frames = r.varint('frame count');
  // A frame takes at least two bytes (time, box count): refuse counts the bytes cannot hold before allocating.
  r.need(frames * 2, `${frames} frames`);
  r.need(count * BOX_BYTES, `${count} boxes`);
  const boxes = new Float32Array(count * boxStride);
  const out: Detections[] = new Array(frames);
  const time = new TimeReader();
  time.begin(t0Ms);
  let box = 0;
  for (let f = 0; f < frames; f++) {
    const t = time.read(r, 'frame time');
    const header = r.varint('frame box count');
    const n = Math.floor(header / 2);
    const hasKeypoints = header % 2 === 1;
    if (n > count - box) throw new PayloadProblem(`frames hold more boxes than the batch's count ${count}`);
    // The frame's bytes are bounds-checked once, then read directly (little-endian).
    let at = r.take(n * (BOX_BYTES + (hasKeypoints ? KEYPOINTS_BYTES : 0)), "a frame's boxes");
    const bytes = r.bytes;
    const frameBoxes = boxes.subarray(box * boxStride, (box + n) * boxStride);
    for (let v = 0; v < n * boxStride; v += boxStride, at += BOX_BYTES) {
      frameBoxes[v] = int16(bytes, at);
      frameBoxes[v + 1] = int16(bytes, at + 2);
      frameBoxes[v + 2] = uint16(bytes, at + 4);
      frameBoxes[v + 3] = uint16(bytes, at + 6);
      frameBoxes[v + 4] = bytes[at + 8]! / 255;
    }
    const detections: Detections = { kind: 'detections', camera, t, boxes: frameBoxes };
    if (hasKeypoints) {
      const keypoints = new Float32Array(n * keypointStride);
      for (let v = 0; v < keypoints.length; v += 3, at += KEYPOINT_BYTES) {
        keypoints[v] = int16(bytes, at);
        keypoints[v + 1] = int16(bytes, at + 2);
        keypoints[v + 2] = bytes[at + 4]! / 255;
      }
      detections.keypoints = keypoints;
    }
    out[f] = detections;
    box += n;
  }
  if (box !== count) throw new PayloadProblem(`frames hold ${box} boxes but the batch's count is ${count}`);
  return out;
}

function uint16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function int16(bytes: Uint8Array, at: number): number {
  return (uint16(bytes, at) << 16) >> 16;
}
