// One camera in full: its state and figures, its video source, the latest still with detections
// and track ids beside the floor plan with its field of view, and the floor calibration.
import type { CameraView, CamerasOverview, FloorPlan } from '../../../../../native-bridge/contract';
import { dataOf, pendingPhase, type LoadState } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { PendingPanel } from '../../../ui/PendingPanel';
import { CalibrationPanel } from './CalibrationPanel';
import { CalibrationPlan } from './CalibrationPlan';
import { cameraStateLabel, figuresText } from './cameras-selectors';
import { SourceForm } from './SourceForm';
import { StillView } from './StillView';

function Header({ camera }: { camera: CameraView }) {
  const { label, tone } = cameraStateLabel(camera.status.state);
  const figures = figuresText(camera);
  return (
    <header className="cameras__detail-header">
      <h2 className="cameras__h2" data-testid="camera-title">
        {camera.name} <span className="cameras__muted">{camera.id}</span>
      </h2>
      <p>
        <span className={`cameras__badge cameras__badge--${tone}`} data-testid="camera-state">
          {label}
        </span>{' '}
        <span className="cameras__muted">
          {camera.resolution.width}×{camera.resolution.height} at {camera.fps} fps
          {camera.source ? ` · ${camera.source.kind} ${camera.source.kind === 'simulated' ? '' : camera.source.url}${camera.source.from === 'app' ? ' (set here)' : ''}` : ''}
        </span>
      </p>
      {camera.status.message && camera.status.state !== 'simulated' ? (
        <p className={camera.status.state === 'offline' ? 'cameras__error' : 'cameras__muted'} data-testid="camera-status-message">
          {camera.status.message}
          {camera.status.retryInMs !== null ? ` — retrying in ${(camera.status.retryInMs / 1000).toFixed(1)} s (restart ${camera.status.restarts})` : ''}
        </p>
      ) : null}
      {figures ? (
        <p className="cameras__figures" data-testid="camera-figures">
          {figures}
        </p>
      ) : null}
      {camera.figures?.frameError ? <p className="cameras__error">Last frame not processed: {camera.figures.frameError}</p> : null}
    </header>
  );
}

/** The floor plan with the camera's field of view, or why it is not there (with a Retry of the plan alone). */
function PlanView({ camera, overview, plan }: { camera: CameraView; overview: CamerasOverview; plan: LoadState<FloorPlan> }) {
  const connection = useAppStore((state) => state.shell.connection);
  const fit = useAppStore((state) => state.cameras.fit);
  const loadPlan = useAppStore((state) => state.cameras.loadPlan);
  const pending = pendingPhase(plan, connection);
  const data = dataOf(plan);
  if (pending || !data) return pending ? <PendingPanel phase={pending} what="the floor plan" onRetry={() => void loadPlan()} testId="camera-plan" /> : null;
  return <CalibrationPlan plan={data} cameras={overview.cameras} selected={camera} fit={fit.status === 'ready' ? fit.data : null} />;
}

export function CameraDetail({ camera, overview, plan }: { camera: CameraView; overview: CamerasOverview; plan: LoadState<FloorPlan> }) {
  const changeError = useAppStore((state) => state.cameras.changeError);
  const notice = useAppStore((state) => state.cameras.notice);
  return (
    <div className="cameras__detail" data-testid="camera-detail">
      <Header camera={camera} />
      {/* Keyed by camera: the form starts from each camera's own source. */}
      <SourceForm key={camera.id} camera={camera} />
      {changeError ? (
        <p className="cameras__error" role="alert" data-testid="camera-change-error">
          {changeError.message}
        </p>
      ) : null}
      {notice ? (
        <p className="cameras__notice" role="status" data-testid="camera-notice">
          {notice}
        </p>
      ) : null}
      <div className="cameras__views">
        <StillView camera={camera} />
        <PlanView camera={camera} overview={overview} plan={plan} />
      </div>
      <CalibrationPanel camera={camera} />
    </div>
  );
}
