// Floor projection: heads back-projected at head height land on the person (and carry the
// direction a wrong height moves them), oblique views use the feet, cut boxes fall back to the
// feet end, and hopeless boxes give nothing.
import { describe, expect, it } from 'vitest';
import { projectToImage } from '../../store/geometry';
import type { Camera } from '../../store/schema';
import { CameraProjection, newObservation } from './floor-projection';
import { visionOptions } from './options';
import { ceilingCamera } from './test-scene';

const o = visionOptions();

/** Box and head keypoint of a 0.25 m-radius cylinder standing at (x, y), as the detector reports it. */
function detection(camera: Camera, x: number, y: number, h: number, withHead = true): { boxes: Float32Array; keypoints: Float32Array } {
  let u0 = Infinity;
  let v0 = Infinity;
  let u1 = -Infinity;
  let v1 = -Infinity;
  for (let i = 0; i < 16; i++) {
    const a = (2 * Math.PI * i) / 16;
    for (const z of [0, h]) {
      const p = projectToImage(camera, [x + 0.25 * Math.cos(a), y + 0.25 * Math.sin(a), z])!;
      u0 = Math.min(u0, p[0]);
      v0 = Math.min(v0, p[1]);
      u1 = Math.max(u1, p[0]);
      v1 = Math.max(v1, p[1]);
    }
  }
  const { width, height } = camera.resolution;
  u0 = Math.max(0, u0);
  v0 = Math.max(0, v0);
  u1 = Math.min(width, u1);
  v1 = Math.min(height, v1);
  const head = projectToImage(camera, [x, y, h])!;
  const seen = withHead && head[0] >= 0 && head[0] <= width && head[1] >= 0 && head[1] <= height;
  return {
    boxes: Float32Array.from([u0, v0, u1 - u0, v1 - v0, 0.9]),
    keypoints: Float32Array.from([seen ? head[0] : 0, seen ? head[1] : 0, seen ? 0.9 : 0, 0, 0, 0, 0, 0, 0]),
  };
}

const gate: Camera = { ...ceilingCamera('gate', 2.5, 8.2, 3), resolution: { width: 1280, height: 720 }, intrinsics: { fx: 491, fy: 491, cx: 640, cy: 360 }, pose: { position: [2.5, 8.2, 3], yaw: 90, pitch: 65, roll: 0 } };

describe('CameraProjection', () => {
  it('classifies views by pitch', () => {
    expect(new CameraProjection(0, ceilingCamera('c', 5, 2.5), o).kind).toBe('top-down');
    expect(new CameraProjection(0, gate, o).kind).toBe('oblique');
  });

  it('puts a head at the assumed height exactly on the person, and says which way a taller head moves it', () => {
    const cam = ceilingCamera('c', 5, 2.5);
    const p = new CameraProjection(0, cam, o);
    const ob = newObservation();
    const d = detection(cam, 6.2, 3.1, o.headHeightM);
    expect(p.project(d.boxes, 0, d.keypoints, 0, ob)).toBe(true);
    expect(ob.x).toBeCloseTo(6.2, 3);
    expect(ob.y).toBeCloseTo(3.1, 3);
    // A taller head seen at the same pixel is nearer the camera, so nearer its nadir: g points inwards.
    const tall = detection(cam, 6.2, 3.1, o.headHeightM + 0.2);
    p.project(tall.boxes, 0, tall.keypoints, 0, ob);
    expect(ob.x + 0.2 * ob.gx).toBeCloseTo(6.2, 3);
    expect(ob.y + 0.2 * ob.gy).toBeCloseTo(3.1, 3);
    expect(ob.gx).toBeLessThan(0);
    expect(ob.rxx).toBeGreaterThan(0);
  });

  it('grows the noise towards the image edge', () => {
    const cam = ceilingCamera('c', 5, 2.5);
    const p = new CameraProjection(0, cam, o);
    const centre = newObservation();
    const edge = newObservation();
    const a = detection(cam, 5.1, 2.5, 1.72);
    const b = detection(cam, 6.8, 3.4, 1.72);
    p.project(a.boxes, 0, a.keypoints, 0, centre);
    p.project(b.boxes, 0, b.keypoints, 0, edge);
    expect(edge.rxx + edge.ryy).toBeGreaterThan(centre.rxx + centre.ryy);
  });

  it('uses the feet in an oblique view, independent of height', () => {
    const p = new CameraProjection(0, gate, o);
    const ob = newObservation();
    for (const h of [1.55, 1.9]) {
      const d = detection(gate, 1.9, 10.9, h);
      expect(p.project(d.boxes, 0, d.keypoints, 0, ob)).toBe(true);
      expect(ob.gx).toBe(0);
      // The near edge of the box is a corner of the feet disc's bounding box, not the disc itself.
      expect(Math.hypot(ob.x - 1.9, ob.y - 10.9)).toBeLessThan(0.2);
    }
  });

  it('falls back to the feet end of a box whose head is out of the image', () => {
    const cam = ceilingCamera('c', 5, 2.5);
    const p = new CameraProjection(0, cam, o);
    const ob = newObservation();
    // 1.5 m off the camera's axis across the short image side: the head is out of view.
    const d = detection(cam, 5.8, 4.2, 1.8);
    expect(d.keypoints[2]).toBe(0);
    expect(p.project(d.boxes, 0, d.keypoints, 0, ob)).toBe(true);
    expect(Math.hypot(ob.x - 5.8, ob.y - 4.2)).toBeLessThan(0.1);
  });

  it('gives nothing for a box cut on every side that matters', () => {
    const cam = ceilingCamera('c', 5, 2.5);
    const p = new CameraProjection(0, cam, o);
    const ob = newObservation();
    const boxes = Float32Array.from([0, 0, 300, 1080, 0.8]);
    expect(p.project(boxes, 0, undefined, 0, ob)).toBe(false);
  });
});
