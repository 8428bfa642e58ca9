// A camera's pinhole projection with its optical frame worked out once. `projectToImage` derives
// the frame on every call, which is right for a click on a map but not for tens of silhouette
// points per person per frame on 26 cameras; this is the same arithmetic (the tests hold the two
// to agree) without the per-call setup.
import { cameraFrame, type Vec3 } from '../../store/geometry';
import type { Camera } from '../../store/schema';

export interface Projector {
  camera: Camera;
  width: number;
  height: number;
  center: Vec3;
  /** Writes the pixel of (x, y, z) into out[k], out[k + 1]; false when it is behind the camera. */
  project(x: number, y: number, z: number, out: Float64Array, k: number): boolean;
}

export function makeProjector(camera: Camera): Projector | null {
  const frame = cameraFrame(camera);
  if (!frame) return null;
  const [cx0, cy0, cz0] = frame.center;
  const [rx, ry, rz] = frame.right;
  const [dx, dy, dz] = frame.down;
  const [fx0, fy0, fz0] = frame.forward;
  const { fx, fy, cx, cy } = frame.intrinsics;
  return {
    camera,
    width: camera.resolution.width,
    height: camera.resolution.height,
    center: frame.center,
    project(x, y, z, out, k) {
      const px = x - cx0;
      const py = y - cy0;
      const pz = z - cz0;
      const zc = px * fx0 + py * fy0 + pz * fz0;
      if (zc <= 1e-9) return false;
      out[k] = cx + (fx * (px * rx + py * ry + pz * rz)) / zc;
      out[k + 1] = cy + (fy * (px * dx + py * dy + pz * dz)) / zc;
      return true;
    },
  };
}
