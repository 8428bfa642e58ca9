// Devices → Cameras: every camera with its status, frame rate and drops; the selected one with a
// recent still (detections and track ids drawn), its field of view on the floor plan, its video
// source, and floor calibration by clicking matching points on the still and the plan. Refreshed
// every two seconds while shown. Mounted as a tab of the Devices view (export: CamerasTab).
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { dataOf } from '../../../state/load-state';
import { StatePanel } from '../../../ui/StatePanel';
import { CameraDetail } from './CameraDetail';
import { CameraList } from './CameraList';
import { detectorText, hasVideo } from './cameras-selectors';
import './cameras.css';

const REFRESH_MS = 2000;

export function CamerasTab() {
  const api = useAppStoreApi();
  const overview = useAppStore((state) => state.cameras.overview);
  const plan = useAppStore((state) => state.cameras.plan);
  const refreshError = useAppStore((state) => state.cameras.refreshError);
  const selectedId = useAppStore((state) => state.cameras.selected);

  useEffect(() => {
    const cameras = () => api.getState().cameras;
    void cameras().load();
    const timer = setInterval(() => {
      void cameras().refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [api]);

  const data = dataOf(overview);
  const selected = data?.cameras.find((c) => c.id === selectedId) ?? null;
  const watch = selected !== null && hasVideo(selected);
  useEffect(() => {
    if (!watch) return;
    const cameras = () => api.getState().cameras;
    void cameras().loadStill();
    const timer = setInterval(() => void cameras().loadStill(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, watch, selectedId]);

  if (overview.status === 'idle' || overview.status === 'loading') {
    return <StatePanel tone="info" title="Loading cameras…" testId="cameras-loading" />;
  }
  if (overview.status === 'error') {
    return (
      <StatePanel
        tone="error"
        title="The cameras could not be loaded"
        testId="cameras-error"
        action={
          <button type="button" className="button button--primary" onClick={() => void api.getState().cameras.load()}>
            Retry
          </button>
        }
      >
        {overview.error.message}
      </StatePanel>
    );
  }
  if (overview.data.cameras.length === 0) {
    return (
      <StatePanel tone="info" title="No cameras" testId="cameras-empty">
        This store has no cameras in its cameras.json.
      </StatePanel>
    );
  }
  const detector = detectorText(overview.data.detector);
  return (
    <div className="cameras" data-testid="cameras-tab">
      <p className={`cameras__detector cameras__badge--${detector.tone}`} data-testid="detector-status">
        {detector.text}
      </p>
      {refreshError ? <p className="cameras__error">Not refreshed: {refreshError.message} (showing the last data)</p> : null}
      <div className="cameras__layout">
        <CameraList cameras={overview.data.cameras} />
        {selected ? <CameraDetail camera={selected} overview={overview.data} plan={dataOf(plan)} /> : <StatePanel tone="info" title="Select a camera" />}
      </div>
    </div>
  );
}
