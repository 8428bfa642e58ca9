// A camera's video source: RTSP, a V4L2 device or a video file on the computer running Walkout
// (the store's clips make a simulated demo camera show real frames). Applying asks for a reason,
// which the host keeps in the audit log; a source set here can be removed to return to cameras.json's.
import { useState } from 'react';
import type { CameraView, VideoSource } from '../../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';

const placeholders: Record<VideoSource['kind'], string> = {
  file: '/path/to/clip.mp4 (on the computer running Walkout)',
  rtsp: 'rtsp://camera.local:554/stream1',
  v4l2: '/dev/video0',
};

export function SourceForm({ camera }: { camera: CameraView }) {
  const api = useAppStoreApi();
  const busy = useAppStore((state) => state.cameras.busy);
  const current = camera.source && camera.source.kind !== 'simulated' ? camera.source : null;
  const [kind, setKind] = useState<VideoSource['kind']>(current?.kind === 'rtsp' || current?.kind === 'v4l2' ? current.kind : 'file');
  const [url, setUrl] = useState(current?.url ?? '');
  const [reason, setReason] = useState('');
  const apply = (source: VideoSource | null) =>
    void api
      .getState()
      .cameras.setSource(source, reason)
      .then((ok) => ok && setReason(''));
  return (
    <form
      className="cameras__form cameras__source"
      data-testid="camera-source-form"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ kind, url: url.trim() } as VideoSource);
      }}
    >
      <label className="cameras__label">
        Video source
        <select className="cameras__input" value={kind} onChange={(e) => setKind(e.target.value as VideoSource['kind'])} aria-label="source kind">
          <option value="file">video file</option>
          <option value="rtsp">RTSP stream</option>
          <option value="v4l2">V4L2 device</option>
        </select>
      </label>
      <input className="cameras__input cameras__input--wide" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={placeholders[kind]} aria-label="source address" />
      <input className="cameras__input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (kept in the audit log)" aria-label="source reason" />
      <button type="submit" className="button button--primary" disabled={busy !== null || url.trim() === '' || reason.trim().length < 3} data-testid="camera-source-apply">
        Use this source
      </button>
      {camera.source?.from === 'app' ? (
        <button type="button" className="button" disabled={busy !== null || reason.trim().length < 3} onClick={() => apply(null)} data-testid="camera-source-remove">
          Back to the store's source
        </button>
      ) : null}
    </form>
  );
}
