// The loaded map's layout: the zoomable canvas, with layer switches and the legend beside it.
import type { FloorPlan } from '../../../../native-bridge/contract';
import { FloorMapCanvas } from './FloorMapCanvas';
import { LayerToggles } from './LayerToggles';
import { Legend } from './Legend';

export function FloorMapWorkspace({ plan }: { plan: FloorPlan }) {
  return (
    <div className="floor-map">
      <FloorMapCanvas plan={plan} />
      <aside className="floor-map__side" aria-label="Map layers and legend">
        <LayerToggles />
        <Legend plan={plan} />
      </aside>
    </div>
  );
}
