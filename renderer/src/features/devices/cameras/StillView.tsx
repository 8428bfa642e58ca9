// The selected camera's latest still: the JPEG the host encoded from the last processed frame, with
// the person detections drawn over it as SVG (a box per person, the camera track's id on a tag;
// unconfirmed detections dashed) and the calibration draft's image points numbered. A click adds an
// image point to the draft.
import type { CameraStill, CameraView } from '../../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { PendingPanel } from '../../../ui/PendingPanel';
import { StatePanel } from '../../../ui/StatePanel';
import { cameraToStill, hasVideo, stillToCamera } from './cameras-selectors';
import { svgPointOf } from './svg-point';

const palette = ['#e6194b', '#3cb44b', '#ffe119', '#0082c8', '#f58231', '#911eb4', '#46f0f0', '#f032e6'];
const trackColour = (trackId: number | null) => (trackId === null ? '#c8c8c8' : palette[trackId % palette.length]!);

function Overlay({ still, camera }: { still: CameraStill; camera: CameraView }) {
  const api = useAppStoreApi();
  const draft = useAppStore((state) => state.cameras.draft);
  const tag = Math.max(10, still.height / 24);
  return (
    <svg
      className="cameras__overlay"
      viewBox={`0 0 ${still.width} ${still.height}`}
      data-testid="camera-still-overlay"
      onClick={(event) => {
        const point = svgPointOf(event);
        if (point) api.getState().cameras.editDraft({ type: 'add-image-point', point: stillToCamera(point, still, camera) });
      }}
    >
      {still.detections.map((d, i) => (
        <g key={i} data-testid="detection" data-track={d.trackId ?? ''}>
          <rect x={d.x} y={d.y} width={d.w} height={d.h} fill="none" stroke={trackColour(d.trackId)} strokeWidth={2} strokeDasharray={d.trackId === null ? '6 4' : undefined} />
          {d.trackId !== null ? (
            <g>
              <rect x={d.x} y={d.y} width={tag * (0.7 + 0.6 * String(d.trackId).length)} height={tag * 1.3} fill={trackColour(d.trackId)} />
              <text x={d.x + tag * 0.35} y={d.y + tag} fontSize={tag} className="cameras__track-id">
                {d.trackId}
              </text>
            </g>
          ) : null}
          <title>{`${d.trackId === null ? 'unconfirmed detection' : `track ${d.trackId}`}, score ${d.score.toFixed(2)}`}</title>
        </g>
      ))}
      {draft.pairs.map((pair, i) => {
        if (!pair.image) return null;
        const [x, y] = cameraToStill(pair.image, still, camera);
        return (
          <g key={`p${i}`} className="cameras__click" data-testid="still-point">
            <circle cx={x} cy={y} r={tag * 0.45} />
            <text x={x + tag * 0.6} y={y - tag * 0.3} fontSize={tag}>
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StillView({ camera }: { camera: CameraView }) {
  const still = useAppStore((state) => state.cameras.still);
  const loadStill = useAppStore((state) => state.cameras.loadStill);
  if (!hasVideo(camera)) {
    return (
      <StatePanel tone="info" title="No video source" testId="camera-no-video">
        {camera.status.message ?? 'This camera has no video source.'} Give it a video source above to see its frames, detections and tracks.
      </StatePanel>
    );
  }
  if (still.status === 'error') {
    return <PendingPanel phase={{ kind: 'error', error: still.error }} what="the still" onRetry={() => void loadStill()} testId="camera-still" />;
  }
  if (still.status !== 'ready' || still.data === null) {
    const waiting = camera.status.state === 'offline' ? `The camera is offline: ${camera.status.message ?? 'no reason given'}` : 'Waiting for the first processed frame…';
    return (
      <StatePanel tone={camera.status.state === 'offline' ? 'error' : 'info'} title={camera.status.state === 'offline' ? 'No frame' : 'Loading the still'} testId="camera-still-waiting">
        {waiting}
      </StatePanel>
    );
  }
  const data = still.data;
  const tracked = new Set(data.detections.map((d) => d.trackId).filter((id) => id !== null)).size;
  return (
    <figure className="cameras__still" data-testid="camera-still">
      <div className="cameras__still-frame" style={{ aspectRatio: `${data.width} / ${data.height}` }}>
        <img src={data.imageDataUrl} alt={`Latest frame of ${camera.name}`} width={data.width} height={data.height} />
        <Overlay still={data} camera={camera} />
      </div>
      <figcaption className="cameras__muted">
        {new Date(data.capturedAt).toLocaleTimeString()} · {data.detections.length} {data.detections.length === 1 ? 'person' : 'people'} detected, {tracked} tracked · click to add a calibration point
      </figcaption>
    </figure>
  );
}
