// Builds the demo cameras.json: a 6 × 4 grid of ceiling cameras at 3.35 m, one row over each
// aisle running along the store, looking straight down (top-down views keep shoppers apart and
// gondolas hide least), plus two lower, slightly oblique cameras on the gate lanes where a QR scan
// is bound to a track. Every walkable floor point is seen by at least two cameras, which the
// cross-camera tracker needs; the demo-store test checks it.
import type { Camera } from '../schema';

/** A 2.8 mm-class wide-angle dome camera: about 105° across at 1920×1080, rectified to a pinhole. */
const HD = { width: 1920, height: 1080, f: 736 };
/** The older 720p model: same optics, fewer pixels. */
const HD720 = { width: 1280, height: 720, f: 491 };

interface Mount {
  name: string;
  x: number;
  y: number;
  height: number;
  /** Heading of the image's top edge, degrees clockwise from +x. */
  yaw: number;
  pitch: number;
  model?: typeof HD;
  fps?: number;
}

/** Row of each camera line: over the back (cooler) aisle, aisles 1 and 2, and the front aisle. */
const ROWS = [1.45, 3.725, 5.975, 8.6];
const COLUMNS = [1, 4, 7, 10, 13, 16];

const MOUNTS: Mount[] = [
  // Yaw 90 lays the image's long side along x, the store's long side.
  ...ROWS.flatMap((y, row) =>
    COLUMNS.map((x, column): Mount => ({ name: `Ceiling ${'ABCD'[row]}${column + 1}`, x, y, height: 3.35, yaw: 90, pitch: 90 })),
  ),
  // Over the entry and exit lanes, from just inside, looking towards the front wall.
  { name: 'Entry lanes', x: 2.5, y: 8.2, height: 3.0, yaw: 90, pitch: 65, model: HD720, fps: 30 },
  { name: 'Exit lanes', x: 14.5, y: 8.2, height: 3.0, yaw: 90, pitch: 65, model: HD720, fps: 30 },
];

export function buildCameras(mounts: Mount[] = MOUNTS): Camera[] {
  return mounts.map((m, i) => {
    const model = m.model ?? HD;
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `cam-${n}`,
      name: m.name,
      resolution: { width: model.width, height: model.height },
      fps: m.fps ?? 15,
      intrinsics: { fx: model.f, fy: model.f, cx: model.width / 2, cy: model.height / 2 },
      pose: { position: [m.x, m.y, m.height], yaw: m.yaw, pitch: m.pitch, roll: 0 },
      stream: { kind: 'simulated', url: `sim://cam-${n}` },
    };
  });
}

export type { Mount };
