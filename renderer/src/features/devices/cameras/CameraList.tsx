// Every camera of the store with its state and, for captured cameras, its processing rate and drops.
import type { CameraView } from '../../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { cameraStateLabel } from './cameras-selectors';

export function CameraList({ cameras }: { cameras: CameraView[] }) {
  const api = useAppStoreApi();
  const selected = useAppStore((state) => state.cameras.selected);
  return (
    <ul className="cameras__list" aria-label="Cameras" data-testid="camera-list">
      {cameras.map((c) => {
        const { label, tone } = cameraStateLabel(c.status.state);
        return (
          <li key={c.id}>
            <button
              type="button"
              className={`cameras__item ${c.id === selected ? 'cameras__item--selected' : ''}`}
              aria-current={c.id === selected}
              onClick={() => api.getState().cameras.select(c.id)}
              data-testid={`camera-item-${c.id}`}
            >
              <span className="cameras__item-name">
                {c.name} <span className="cameras__muted">{c.id}</span>
              </span>
              <span className={`cameras__badge cameras__badge--${tone}`}>{label}</span>
              {c.figures ? (
                <span className="cameras__muted">
                  {c.figures.processedFps.toFixed(1)} fps · {c.figures.drops} dropped
                </span>
              ) : null}
              {c.placement === 'calibrated' ? <span className="cameras__muted">calibrated</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
