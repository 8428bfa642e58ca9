// Devices → Cameras: every camera with its status, frame rate and drops; the selected one with a
// recent still (detections and track ids drawn), its field of view on the floor plan, its video
// source, and floor calibration by clicking matching points on the still and the plan. Refreshed
// every two seconds while shown. Mounted as a tab of the Devices view (export: CamerasTab).
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { PendingPanel } from '../../../ui/PendingPanel';
import { StatePanel } from '../../../ui/StatePanel';
import { CameraDetail } from './CameraDetail';
import { CameraList } from './CameraList';
import { detectorText, hasVideo, selectCamerasPhase } from './cameras-selectors';
import './cameras.css';

const REFRESH_MS = 2000;

export function CamerasTab() {
  const api = useAppStoreApi();
  const connection = useAppStore((state) => state.shell.connection);
  const overview = useAppStore((state) => state.cameras.overview);
  const plan = useAppStore((state) => state.cameras.plan);
  const refreshError = useAppStore((state) => state.cameras.refreshError);
  const selectedId = useAppStore((state) => state.cameras.selected);
  const phase = selectCamerasPhase({ overview }, connection);

  useEffect(() => {
    if (connection !== 'open') return undefined;
    const cameras = () => api.getState().cameras;
    // Back on the tab, or the link reopened: the cameras already shown stay while they refresh.
    void (cameras().overview.status === 'ready' ? cameras().refresh() : cameras().load());
    const timer = setInterval(() => {
      void cameras().refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, connection]);

  const data = phase.kind === 'ready' ? phase.overview : null;
  const selected = data?.cameras.find((c) => c.id === selectedId) ?? null;
  const watch = selected !== null && hasVideo(selected);
  useEffect(() => {
    if (!watch) return;
    const cameras = () => api.getState().cameras;
    void cameras().loadStill();
    const timer = setInterval(() => void cameras().loadStill(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, watch, selectedId]);

  if (phase.kind === 'waiting' || phase.kind === 'loading' || phase.kind === 'error') {
    return <PendingPanel phase={phase} what="cameras" onRetry={() => void api.getState().cameras.load()} testId="cameras" />;
  }
  if (phase.kind === 'empty') {
    return (
      <StatePanel tone="info" title="No cameras" testId="cameras-empty">
        This store has no cameras in its cameras.json.
      </StatePanel>
    );
  }
  const detector = detectorText(phase.overview.detector);
  return (
    <div className="cameras" data-testid="cameras-tab">
      <p className={`cameras__detector cameras__badge--${detector.tone}`} data-testid="detector-status">
        {detector.text}
      </p>
      {refreshError ? <p className="cameras__error">Not refreshed: {refreshError.message} (showing the last data)</p> : null}
      <div className="cameras__layout">
        <CameraList cameras={phase.overview.cameras} />
        {selected ? <CameraDetail camera={selected} overview={phase.overview} plan={plan} /> : <StatePanel tone="info" title="Select a camera" />}
      </div>
    </div>
  );
}
