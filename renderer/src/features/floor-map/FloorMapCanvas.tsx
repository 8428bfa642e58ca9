// The interactive map area: the SVG plan, and the live shoppers' canvas over it, on a surface that
// pans and zooms, with the zoom buttons, scale bar, live notices and alert toasts floating over it. The buttons sit beside the
// surface, not in it, so a click on them is never taken for the start of a drag.
import { useRef } from 'react';
import type { FloorPlan } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { FloorPlanSvg } from './FloorPlanSvg';
import { LiveLayer } from './live/LiveLayer';
import { LiveMapNotice } from './live/LiveMapNotice';
import { LiveToasts } from './live/LiveToasts';
import { MapControls } from './MapControls';
import { ScaleBarView } from './ScaleBarView';
import { selectPixelsPerMetre, selectScaleBar, selectShowPlates, selectViewBox } from './selectors';
import { usePanZoom } from './usePanZoom';

export function FloorMapCanvas({ plan }: { plan: FloorPlan }) {
  const surface = useRef<HTMLDivElement>(null);
  const floorMap = useAppStore((state) => state.floorMap);
  const { dragging, handlers } = usePanZoom(surface);

  const ppm = selectPixelsPerMetre(floorMap);
  return (
    <div className="map-canvas">
      <div
        ref={surface}
        className={dragging ? 'map-canvas__surface map-canvas__surface--dragging' : 'map-canvas__surface'}
        tabIndex={0}
        // "application": screen readers then pass the arrow keys through to the map instead of
        // using them to read the page.
        role="application"
        aria-roledescription="floor map"
        aria-label="Floor plan with live shoppers. Drag or use the arrow keys to pan; use the mouse wheel, plus and minus to zoom; 0 fits the whole floor. Click a shopper, or press ] and [, to see their details; Escape closes them."
        {...handlers}
      >
        <FloorPlanSvg
          plan={plan}
          viewBox={selectViewBox(floorMap)}
          pixelsPerMetre={ppm}
          layers={floorMap.layers}
          showPlates={selectShowPlates(floorMap)}
        />
        <LiveLayer surface={surface} />
      </div>
      <LiveMapNotice />
      <LiveToasts />
      <MapControls />
      <ScaleBarView bar={selectScaleBar(floorMap)} />
    </div>
  );
}
