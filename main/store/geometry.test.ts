import { describe, expect, it } from 'vitest';
import {
  cameraFieldOfView,
  cameraFloorHomography,
  cameraFrame,
  cameraSees,
  fixtureBlocks,
  fixtureFootprint,
  imageToFloor,
  locatePlates,
  mat3Invert,
  mat3Multiply,
  plateCenter,
  plateFootprint,
  pointInPolygon,
  polygonArea,
  projectToImage,
  shelfFacing,
  type Vec3,
} from './geometry';
import type { Camera, Fixture, Floor, Point, StoreLayout } from './schema';

const floor: Floor = { width: 17, depth: 10, outline: [[0, 0], [17, 0], [17, 10], [0, 10]] };

function camera(pose: Camera['pose'], extra: Partial<Camera> = {}): Camera {
  return {
    id: 'cam',
    name: 'cam',
    resolution: { width: 1920, height: 1080 },
    fps: 15,
    intrinsics: { fx: 740, fy: 740, cx: 960, cy: 540 },
    pose,
    stream: { kind: 'simulated', url: 'sim://cam' },
    ...extra,
  };
}

const gondola: Fixture = {
  id: 'G1',
  name: 'Gondola',
  kind: 'gondola',
  center: [5, 4],
  length: 3.6,
  depth: 1,
  height: 1.6,
  rotation: 0,
  shelves: [
    { id: 'S-F', face: 'front', height: 0.5, depth: 0.45, plates: [{ id: 'P-F1', offset: 0, width: 0.3, device: { controller: 'SHC-1', channel: 0 } }] },
    { id: 'S-B', face: 'back', height: 0.5, depth: 0.45, plates: [{ id: 'P-B1', offset: 0, width: 0.3, device: { controller: 'SHC-1', channel: 1 } }] },
  ],
};

const close = (a: readonly number[], b: readonly number[], digits = 6): void => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));
};

describe('fixtures and plates', () => {
  it('puts the footprint corners around the centre, rotated clockwise on the plan', () => {
    close(fixtureFootprint(gondola).flat(), [3.2, 4.5, 6.8, 4.5, 6.8, 3.5, 3.2, 3.5]);
    // A quarter turn clockwise makes the front (local +y) face −x, the length run along +y.
    const turned = { ...gondola, rotation: 90 };
    close(fixtureFootprint(turned).flat(), [4.5, 2.2, 4.5, 5.8, 5.5, 5.8, 5.5, 2.2]);
    close(shelfFacing(turned, gondola.shelves[0]!), [-1, 0]);
  });

  it('places plates from the left end as seen from the aisle on either face', () => {
    const [front, back] = gondola.shelves as [Fixture['shelves'][0], Fixture['shelves'][0]];
    // Front face: left end is −x; the plate's centre is half the shelf depth in from the front edge.
    close(plateCenter(gondola, front, front.plates[0]!), [3.35, 4.275]);
    // Back face: seen from the back aisle, left is +x.
    close(plateCenter(gondola, back, back.plates[0]!), [6.65, 3.725]);
    expect(polygonArea(plateFootprint(gondola, front, front.plates[0]!))).toBeCloseTo(0.3 * 0.45);
    const placements = locatePlates({ fixtures: [gondola] } as unknown as StoreLayout);
    close(placements.get('P-F1')!.front, [3.35, 4.5, 0.5]);
    close(placements.get('P-B1')!.facing, [0, -1]);
  });
});

describe('fixture occlusion', () => {
  it('blocks sight lines through the fixture box only', () => {
    // The gondola spans x 3.2–6.8, y 3.5–4.5, z 0–1.6.
    expect(fixtureBlocks(gondola, [5, 2, 3], [5, 5, 0])).toBe(true); // down through it
    expect(fixtureBlocks(gondola, [5, 2, 3.2], [5, 5, 1.7])).toBe(false); // over its top
    expect(fixtureBlocks(gondola, [2, 4, 1], [3, 4, 1])).toBe(false); // stops short
    expect(fixtureBlocks(gondola, [5, 1, 1], [5, 3, 1])).toBe(false); // beside it
    const turned = { ...gondola, rotation: 90 }; // now x 4.5–5.5, y 2.2–5.8
    expect(fixtureBlocks(turned, [3, 2.5, 1], [7, 2.5, 1])).toBe(true);
    expect(fixtureBlocks(turned, [3, 2, 1], [7, 2, 1])).toBe(false);
  });
});

describe('camera projection', () => {
  const poses: NonNullable<Camera['pose']>[] = [
    { position: [8, 5, 3.2], yaw: 0, pitch: 90, roll: 0 },
    { position: [2, 1, 3.1], yaw: 35, pitch: 62, roll: 0 },
    { position: [15, 9, 3.4], yaw: -140, pitch: 48, roll: 7 },
    { position: [4, 6, 3.0], yaw: 200, pitch: 80, roll: -12 },
  ];

  it('round-trips floor and head-height points through the image', () => {
    for (const pose of poses) {
      const cam = camera(pose);
      for (const z of [0, 1.6]) {
        for (const [x, y] of [[8, 5.5], [3, 2], [12, 7], [6.3, 4.1]] as Point[]) {
          const uv = projectToImage(cam, [x, y, z]);
          if (!uv) continue;
          close(imageToFloor(cam, uv, z)!, [x, y], 6);
        }
        for (const uv of [[100, 900], [960, 540], [1800, 700]] as Point[]) {
          const p = imageToFloor(cam, uv, z);
          if (!p) continue;
          close(projectToImage(cam, [p[0], p[1], z])!, uv, 5);
        }
      }
    }
  });

  it('follows the pose convention: yaw clockwise from +x, pitch 90 straight down, image top along the heading', () => {
    const down = camera({ position: [8, 5, 3], yaw: 0, pitch: 90, roll: 0 });
    close(projectToImage(down, [8, 5, 0])!, [960, 540]);
    // Straight down, heading +x: the image top looks towards +x, its right towards +y.
    expect(projectToImage(down, [9, 5, 0])![1]).toBeLessThan(540);
    expect(projectToImage(down, [8, 6, 0])![0]).toBeGreaterThan(960);
    // Yaw 90 heads down the page (+y); a level camera sees a point ahead on its principal point.
    const level = camera({ position: [8, 5, 1.5], yaw: 90, pitch: 0, roll: 0 });
    close(projectToImage(level, [8, 9, 1.5])!, [960, 540]);
    expect(projectToImage(level, [8, 1, 1.5])).toBeNull();
    // Positive roll turns the camera clockwise, so a point to its right appears lower in the image.
    const rolled = camera({ position: [8, 5, 3], yaw: 0, pitch: 90, roll: 10 });
    expect(projectToImage(rolled, [8, 6, 0])![1]).toBeLessThan(540);
  });

  it('returns null for points behind the camera and rays that never reach the floor', () => {
    const cam = camera({ position: [2, 5, 3], yaw: 0, pitch: 30, roll: 0 });
    expect(projectToImage(cam, [0, 5, 0])).toBeNull();
    expect(imageToFloor(cam, [960, 0])).toBeNull(); // top edge looks above the horizon
    expect(imageToFloor(cam, [960, 1080])).not.toBeNull();
  });

  it('derives a floor homography consistent with the pose', () => {
    const cam = camera(poses[1]);
    const h = cameraFloorHomography(cam)!;
    for (const uv of [[0, 1080], [960, 540], [1500, 900]] as Point[]) {
      const [x, y, w] = [h[0]! * uv[0] + h[1]! * uv[1] + h[2]!, h[3]! * uv[0] + h[4]! * uv[1] + h[5]!, h[6]! * uv[0] + h[7]! * uv[1] + h[8]!];
      expect(w).toBeGreaterThan(0);
      close([x / w, y / w], imageToFloor(cam, uv)!);
    }
    close(mat3Multiply(h, mat3Invert(h)!), [1, 0, 0, 0, 1, 0, 0, 0, 1], 9);
  });

  it('places a camera given only by its floor homography', () => {
    for (const pose of poses) {
      const posed = camera(pose);
      const calibrated = camera(undefined, { floorHomography: cameraFloorHomography(posed)! });
      delete calibrated.pose;
      // The recovered optical frame matches the pose it came from.
      const a = cameraFrame(posed)!;
      const b = cameraFrame(calibrated)!;
      close(b.center, a.center, 6);
      close([...b.right, ...b.down, ...b.forward], [...a.right, ...a.down, ...a.forward], 6);
      const points: Vec3[] = [[8, 5.5, 0], [3, 2, 0], [12, 7, 0], [3, 2, 1.6], [12, 7, 1.6]];
      for (const p of points) {
        const want = projectToImage(posed, p);
        const got = projectToImage(calibrated, p);
        if (!want) {
          expect(got).toBeNull();
          continue;
        }
        close(got!, want, 4);
        close(imageToFloor(calibrated, got!, p[2])!, [p[0], p[1]], 6);
      }
      close(cameraFieldOfView(calibrated, floor).flat(), cameraFieldOfView(posed, floor).flat(), 6);
    }
  });
});

describe('camera field of view', () => {
  it('is the image footprint for a camera looking straight down', () => {
    const cam = camera({ position: [8, 5, 3], yaw: 0, pitch: 90, roll: 0 });
    const fov = cameraFieldOfView(cam, floor);
    // Half extents: 3 m × 960/740 across the heading (y), 3 m × 540/740 along it (x).
    const hx = (3 * 540) / 740;
    const hy = (3 * 960) / 740;
    expect(polygonArea(fov)).toBeCloseTo(4 * hx * hy, 6);
    expect(pointInPolygon([8 + hx - 0.01, 5 + hy - 0.01], fov)).toBe(true);
    expect(pointInPolygon([8 + hx + 0.01, 5], fov)).toBe(false);
  });

  it('is clipped to the floor and at the horizon for an oblique camera', () => {
    const cam = camera({ position: [1, 5, 3], yaw: 0, pitch: 25, roll: 0 });
    const fov = cameraFieldOfView(cam, floor);
    expect(fov.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of fov) {
      expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(x).toBeLessThanOrEqual(17 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(-1e-9);
      expect(y).toBeLessThanOrEqual(10 + 1e-9);
    }
    // It sees the far wall, not the floor right under itself.
    expect(pointInPolygon([16.9, 5], fov)).toBe(true);
    expect(pointInPolygon([1.2, 5], fov)).toBe(false);
    // The polygon agrees with point-wise projection.
    for (let x = 0.25; x < 17; x += 0.5) {
      for (let y = 0.25; y < 10; y += 0.5) {
        expect(pointInPolygon([x, y], fov)).toBe(cameraSees(cam, [x, y, 0]));
      }
    }
  });

  it('is empty for a camera that sees no floor', () => {
    expect(cameraFieldOfView(camera({ position: [1, 5, 3], yaw: 180, pitch: 0, roll: 0 }), floor)).toEqual([]);
  });
});
