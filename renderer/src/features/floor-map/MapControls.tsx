// Zoom in, zoom out and fit, as real buttons: reachable by Tab, labelled for screen readers, and
// disabled at the zoom limits so the limit is visible rather than a click that does nothing.
import { useAppStore } from '../../state/StoreContext';
import { selectCanZoomIn, selectCanZoomOut } from './selectors';

export function MapControls() {
  const view = useAppStore((state) => state.floorMap.view);
  const zoomIn = useAppStore((state) => state.floorMap.zoomIn);
  const zoomOut = useAppStore((state) => state.floorMap.zoomOut);
  const fitToView = useAppStore((state) => state.floorMap.fitToView);
  return (
    <div className="map-controls" role="toolbar" aria-label="Zoom">
      <button type="button" className="button map-controls__button" onClick={zoomIn} disabled={!selectCanZoomIn({ view })} aria-label="Zoom in" title="Zoom in (+)" data-testid="zoom-in">
        +
      </button>
      <button type="button" className="button map-controls__button" onClick={zoomOut} disabled={!selectCanZoomOut({ view })} aria-label="Zoom out" title="Zoom out (−)" data-testid="zoom-out">
        −
      </button>
      <button type="button" className="button map-controls__button map-controls__fit" onClick={fitToView} aria-label="Fit the whole floor" title="Fit (0)" data-testid="zoom-fit">
        Fit
      </button>
      <span className="map-controls__zoom" aria-live="polite" data-testid="zoom-level">
        {Math.round(view.zoom * 100)}%
      </span>
    </div>
  );
}
