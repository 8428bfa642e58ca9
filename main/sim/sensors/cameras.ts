// A camera plus its person detector, frame by frame: what a real detector would report for the
// bodies in view, with its usual failings. Frames come at the camera's rate with a few ms of
// capture jitter and are stamped by the camera's own clock (a fixed offset of tens of ms from the
// store clock, which cross-camera fusion must tolerate). Each body's box is its silhouette's
// extent clipped to the image, with noise that grows with occlusion; the score falls with
// occlusion and edge truncation, and so does the chance of being detected at all. Keypoints give
// the top of the head and both wrists, as pose detectors do (COCO's keypoints): at the hips, or for
// the reaching hand a hand's grasp back from where the world put the hand, which with the hand in
// the shelf is at the shelf's front edge — in view of the aisle's cameras unless someone stands in
// the way, or the reach went deep enough to take the wrist behind the edge. Ghost false positives
// linger a few frames. Frames are lost now and then, and none come while the camera is offline.
import type { Detections } from '../../engine/inputs';
import { boxStride, keypointStride } from '../../engine/inputs';
import { cameraFieldOfView } from '../../store/geometry';
import type { Camera, Floor } from '../../store/schema';
import type { Bodies, BodyPose } from './bodies';
import { newPose } from './bodies';
import type { SensorConfig } from './config';
import { GhostField } from './ghosts';
import { fixtureOcclusion, hiddenByFixture, peopleOcclusion, type FixtureProbe } from './occlusion';
import { inOutage } from './outages';
import type { Projector } from './projector';
import { clipToImage, cylinderBox, type ImageBox } from './silhouette';
import { clamp, sensorStream, type Rng } from './streams';

export interface CameraStreamOptions {
  camera: Camera;
  projector: Projector;
  bodies: Bodies;
  floor: Floor;
  probes: readonly FixtureProbe[];
  config: SensorConfig;
  seed: number;
  startMs: number;
  endMs: number;
  outages: readonly [number, number][] | undefined;
}

/** One body in view this frame, before the detector decides about it. */
interface Seen {
  pose: BodyPose;
  full: ImageBox;
  clip: ImageBox;
  depth: number;
  visible: number;
  occlusion: number;
}

interface Detection {
  score: number;
  box: [number, number, number, number];
  keypoints: number[];
}

/** The camera's fixed clock error, ms: frames are stamped at true time + this. */
export function cameraClockOffset(config: SensorConfig, seed: number, camera: string): number {
  const sd = config.cameraClockOffsetMs;
  return clamp(sensorStream(seed, `clock:${camera}`).normal(0, sd), -3 * sd, 3 * sd);
}

export function* cameraStream(o: CameraStreamOptions): Generator<Detections> {
  const { camera, projector: proj, config } = o;
  const rng = sensorStream(o.seed, `camera:${camera.id}`);
  const period = 1000 / camera.fps;
  const phase = rng.range(0, period);
  const offset = cameraClockOffset(config, o.seed, camera.id);
  const fov = cameraFieldOfView(camera, o.floor);
  const ghosts = new GhostField(fov, config.falsePositiveRate / config.falsePositiveFrames, config.falsePositiveFrames);
  // Bodies stand inside the floor the camera sees, give or take a body and its lean into view.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of fov) {
    minX = Math.min(minX, x - 1.5);
    minY = Math.min(minY, y - 1.5);
    maxX = Math.max(maxX, x + 1.5);
    maxY = Math.max(maxY, y + 1.5);
  }
  // Sight lines from here to anyone in view stay within the view's box and the camera's spot.
  const c = proj.center;
  const sx0 = Math.min(minX, c[0]);
  const sx1 = Math.max(maxX, c[0]);
  const sy0 = Math.min(minY, c[1]);
  const sy1 = Math.max(maxY, c[1]);
  const probes = o.probes.filter((p) => p.cx + p.radius >= sx0 && p.cx - p.radius <= sx1 && p.cy + p.radius >= sy0 && p.cy - p.radius <= sy1);
  const pool: Seen[] = [];
  const seen: Seen[] = [];
  const clips: ImageBox[] = [];
  const occ = new Float64Array(256);
  const jitterMax = period / 4;
  const present = o.bodies.cursor();

  for (let k = 0; ; k++) {
    const tTrue = o.startMs + phase + k * period + clamp(rng.normal(0, config.frameJitterMs), -jitterMax, jitterMax);
    if (tTrue >= o.endMs) return;
    // The camera's own clock stamps the frame; the stream stays within the run on that clock.
    const stamp = Math.round((tTrue + offset) * 1000) / 1000;
    if (stamp >= o.endMs) return;
    const frameGhosts = ghosts.step(rng);
    if (stamp < o.startMs || inOutage(o.outages, tTrue) || rng.chance(config.frameDropRate)) continue;

    seen.length = 0;
    for (const track of present.at(tTrue)) {
      const s = pool[seen.length] ?? (pool[seen.length] = { pose: newPose(), full: box(), clip: box(), depth: 0, visible: 0, occlusion: 0 });
      if (!o.bodies.positionAt(track, tTrue, s.pose)) continue;
      const { x, y, height } = s.pose;
      if (x < minX || x > maxX || y < minY || y > maxY) continue;
      o.bodies.completePose(track, s.pose);
      if (!cylinderBox(proj, x, y, config.bodyRadiusM, height, s.full)) continue;
      if (!clipToImage(s.full, proj.width, proj.height, s.clip)) continue;
      const fullArea = (s.full.u1 - s.full.u0) * (s.full.v1 - s.full.v0);
      s.visible = fullArea > 0 ? ((s.clip.u1 - s.clip.u0) * (s.clip.v1 - s.clip.v0)) / fullArea : 0;
      s.depth = Math.hypot(x - c[0], y - c[1], height / 2 - c[2]);
      seen.push(s);
    }
    seen.sort((a, b) => a.depth - b.depth);
    clips.length = 0;
    for (const s of seen) clips.push(s.clip);
    const people = occ.length >= seen.length ? occ : new Float64Array(seen.length);
    peopleOcclusion(clips, people);

    const detections: Detection[] = [];
    for (let i = 0; i < seen.length; i++) {
      const s = seen[i]!;
      const byFixtures = fixtureOcclusion(probes, proj.center, s.pose.x, s.pose.y, s.pose.height);
      s.occlusion = 1 - (1 - people[i]!) * (1 - byFixtures);
      const d = detect(s, people[i]!, probes, proj, config, rng);
      if (d) detections.push(d);
    }
    for (const g of frameGhosts) {
      const d = ghostDetection(g.x, g.y, g.radius, g.height, g.score, proj, config, rng);
      if (d) detections.push(d);
    }
    detections.sort((a, b) => b.score - a.score);
    const boxes = new Float32Array(detections.length * boxStride);
    const keypoints = new Float32Array(detections.length * keypointStride);
    for (let i = 0; i < detections.length; i++) {
      const d = detections[i]!;
      for (let j = 0; j < 4; j++) boxes[i * boxStride + j] = d.box[j]!;
      boxes[i * boxStride + 4] = d.score;
      for (let j = 0; j < keypointStride; j++) keypoints[i * keypointStride + j] = d.keypoints[j]!;
    }
    yield { kind: 'detections', camera: camera.id, t: stamp, boxes, keypoints };
  }
}

function box(): ImageBox {
  return { u0: 0, v0: 0, u1: 0, v1: 0 };
}

function detect(s: Seen, peopleOcc: number, probes: readonly FixtureProbe[], proj: Projector, config: SensorConfig, rng: Rng): Detection | null {
  const occ = s.occlusion;
  const clipH = s.clip.v1 - s.clip.v0;
  const u = rng.float();
  if (clipH < config.minBoxPx || occ >= 0.95) return null;
  const pMiss = config.missBase + config.missOcclusion * occ ** 1.5 + config.missEdge * (1 - s.visible);
  if (u < pMiss) return null;
  const score = clamp(0.93 - 0.45 * occ - 0.25 * (1 - s.visible) + rng.normal(0, 0.03), 0.05, 0.995);
  const out = noisyBox(s.clip, config.boxNoise * (1 + occ), proj, rng);
  const boxH = out[3];
  const kp: number[] = new Array<number>(keypointStride).fill(0);
  const { x, y, height, hx, hy } = s.pose;
  const c = proj.center;

  // Head: the top of the head, on the body's axis.
  let conf = score * rng.range(0.85, 1) * (1 - 0.5 * peopleOcc);
  if (hiddenByFixture(probes, c, x, y, height)) conf *= 0.3;
  keypoint(proj, x, y, height, conf, config.keypointNoise * boxH * (1 + occ), config, rng, kp, 0);

  // Wrists: at the hips either side, except the reaching one. The body's right is heading × up.
  const rx = hy;
  const ry = -hx;
  const reaching = Number.isFinite(s.pose.handX);
  for (const side of [1, -1] as const) {
    const slot = side === 1 ? 2 : 1; // keypoint order: head, left-hand, right-hand
    let px = x + side * 0.22 * rx + 0.05 * hx;
    let py = y + side * 0.22 * ry + 0.05 * hy;
    let pz = 0.47 * height;
    let base = rng.range(0.35, 0.7);
    if (reaching && (side === 1) === s.pose.rightHanded) {
      const ax = s.pose.handX - x;
      const ay = s.pose.handY - y;
      const back = WRIST_TO_GRASP_M / Math.max(WRIST_TO_GRASP_M, Math.hypot(ax, ay));
      px = s.pose.handX - ax * back;
      py = s.pose.handY - ay * back;
      pz = s.pose.handZ;
      base = rng.range(0.55, 0.9);
    }
    let handConf = base * (1 - occ);
    if (hiddenByFixture(probes, c, px, py, pz)) handConf *= 0.2;
    keypoint(proj, px, py, pz, handConf, 1.5 * config.keypointNoise * boxH * (1 + occ), config, rng, kp, slot * 3);
  }
  return { score, box: out, keypoints: kp };
}

const pixel = new Float64Array(2);
/** From the wrist to where the fingers grasp, along the arm (an adult hand is about 0.19 m long). */
const WRIST_TO_GRASP_M = 0.14;

function keypoint(proj: Projector, x: number, y: number, z: number, conf: number, sigma: number, config: SensorConfig, rng: Rng, kp: number[], at: number): void {
  const nx = rng.normal(0, sigma);
  const ny = rng.normal(0, sigma);
  const missed = rng.chance(config.keypointMissRate);
  if (missed || conf < 0.05 || !proj.project(x, y, z, pixel, 0)) return;
  const u = pixel[0]! + nx;
  const v = pixel[1]! + ny;
  if (u < 0 || v < 0 || u > proj.width || v > proj.height) return;
  kp[at] = u;
  kp[at + 1] = v;
  kp[at + 2] = clamp(conf, 0, 1);
}

/** [x, y, w, h] around the visible box with size-relative noise, kept inside the image. */
function noisyBox(b: ImageBox, rel: number, proj: Projector, rng: Rng): [number, number, number, number] {
  const w = b.u1 - b.u0;
  const h = b.v1 - b.v0;
  const cx = (b.u0 + b.u1) / 2 + rng.normal(0, rel * w * 0.5);
  const cy = (b.v0 + b.v1) / 2 + rng.normal(0, rel * h * 0.5);
  const nw = Math.max(2, w * (1 + rng.normal(0, rel)));
  const nh = Math.max(2, h * (1 + rng.normal(0, rel)));
  const x0 = clamp(cx - nw / 2, 0, proj.width - 2);
  const y0 = clamp(cy - nh / 2, 0, proj.height - 2);
  const x1 = clamp(cx + nw / 2, x0 + 2, proj.width);
  const y1 = clamp(cy + nh / 2, y0 + 2, proj.height);
  return [x0, y0, x1 - x0, y1 - y0];
}

const ghostFull = box();
const ghostClip = box();

function ghostDetection(x: number, y: number, radius: number, height: number, score0: number, proj: Projector, config: SensorConfig, rng: Rng): Detection | null {
  const score = clamp(score0 + rng.normal(0, 0.05), 0.05, 0.9);
  if (!cylinderBox(proj, x, y, radius, height, ghostFull) || !clipToImage(ghostFull, proj.width, proj.height, ghostClip)) return null;
  if (ghostClip.v1 - ghostClip.v0 < config.minBoxPx) return null;
  const out = noisyBox(ghostClip, 2 * config.boxNoise, proj, rng);
  const kp: number[] = new Array<number>(keypointStride).fill(0);
  keypoint(proj, x, y, height, rng.range(0, 0.3), config.keypointNoise * 3 * out[3], config, rng, kp, 0);
  return { score, box: out, keypoints: kp };
}
