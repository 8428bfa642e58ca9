// Pure readings of the cameras state for the view: which panel the tab shows, status in words and
// tone, figures as text, and conversions between still pixels and camera pixels (calibration points
// live in the camera's own resolution; the still is usually smaller).
import type { CameraState, CameraStill, CameraView, CamerasOverview, ConnectionState, DetectorView, Point } from '../../../../../native-bridge/contract';
import { pendingPhase, type PendingPhase } from '../../../state/load-state';
import type { CamerasState } from './cameras-slice';

export type CamerasPhase =
  | PendingPhase
  /** The store's cameras.json lists no camera. */
  | { kind: 'empty' }
  | { kind: 'ready'; overview: CamerasOverview };

export function selectCamerasPhase(state: Pick<CamerasState, 'overview'>, connection: ConnectionState): CamerasPhase {
  const { overview } = state;
  if (overview.status !== 'ready') return pendingPhase(overview, connection)!;
  return overview.data.cameras.length === 0 ? { kind: 'empty' } : { kind: 'ready', overview: overview.data };
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

const stateWords: Record<CameraState, { label: string; tone: Tone }> = {
  simulated: { label: 'simulated (no video)', tone: 'muted' },
  starting: { label: 'starting', tone: 'warn' },
  running: { label: 'running', tone: 'ok' },
  offline: { label: 'offline', tone: 'bad' },
  ended: { label: 'video ended', tone: 'warn' },
  stopped: { label: 'stopped', tone: 'muted' },
};

export function cameraStateLabel(state: CameraState): { label: string; tone: Tone } {
  return stateWords[state];
}

/** "9.8 fps · 12 dropped · 31 ms/frame · 2 tracks", or null without figures. */
export function figuresText(camera: Pick<CameraView, 'figures'>): string | null {
  const f = camera.figures;
  if (!f) return null;
  const parts = [`${f.processedFps.toFixed(1)} fps processed of ${f.captureFps.toFixed(1)} captured`, `${f.drops} dropped`];
  if (f.detectMs !== null) parts.push(`${f.detectMs.toFixed(0)} ms/frame detection`);
  parts.push(`${f.tracks} ${f.tracks === 1 ? 'track' : 'tracks'}`);
  return parts.join(' · ');
}

export function detectorText(detector: DetectorView): { text: string; tone: Tone } {
  switch (detector.state) {
    case 'ready':
      return { text: `Detector ${detector.model} on ${detector.provider ?? 'cpu'}${detector.message ? ` — ${detector.message}` : ''}`, tone: 'ok' };
    case 'idle':
      return { text: `Detector ${detector.model}: starts when a camera has a video source`, tone: 'muted' };
    case 'loading':
      return { text: `Detector ${detector.model}: loading…`, tone: 'warn' };
    default:
      return { text: `Detector ${detector.model} not running (${detector.state}): ${detector.message ?? 'no reason given'}`, tone: 'bad' };
  }
}

/** A point on the still (its pixels) in the camera's pixels. */
export function stillToCamera(point: Point, still: Pick<CameraStill, 'width' | 'height'>, camera: Pick<CameraView, 'resolution'>): Point {
  return [(point[0] * camera.resolution.width) / still.width, (point[1] * camera.resolution.height) / still.height];
}

/** A camera pixel on the still. */
export function cameraToStill(point: Point, still: Pick<CameraStill, 'width' | 'height'>, camera: Pick<CameraView, 'resolution'>): Point {
  return [(point[0] * still.width) / camera.resolution.width, (point[1] * still.height) / camera.resolution.height];
}

/** Whether a camera's frames can be watched here (it has a real video source). */
export function hasVideo(camera: Pick<CameraView, 'source'>): boolean {
  return camera.source !== null && camera.source.kind !== 'simulated';
}

/** Metres to "0.043 m" or "4.3 cm" — centimetres below a metre read better. */
export function metresText(m: number): string {
  return m < 1 ? `${(m * 100).toFixed(1)} cm` : `${m.toFixed(2)} m`;
}
