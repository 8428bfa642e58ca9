// The loaded map's layout: the live status strip above, the zoomable canvas, and beside it the
// selected shopper's details, the store's events, device health, layer switches, the legends and
// links to the entry gates' displays.
import type { FloorPlan } from '../../../../native-bridge/contract';
import { FloorMapCanvas } from './FloorMapCanvas';
import { LayerToggles } from './LayerToggles';
import { Legend } from './Legend';
import { GateDisplayLinks } from '../gate-display/GateDisplayLinks';
import { DeviceHealthList } from './live/DeviceHealthList';
import { LiveEventFeed } from './live/LiveEventFeed';
import { LiveLegend } from './live/LiveLegend';
import { LiveStatusStrip } from './live/LiveStatusStrip';
import { ShopperPanel } from './live/ShopperPanel';

export function FloorMapWorkspace({ plan }: { plan: FloorPlan }) {
  return (
    <>
      <LiveStatusStrip />
      <div className="floor-map">
        <FloorMapCanvas plan={plan} />
        <aside className="floor-map__side" aria-label="Shopper details, store events, device health, map layers and legend">
          <ShopperPanel />
          <LiveEventFeed />
          <DeviceHealthList />
          <LayerToggles />
          <LiveLegend />
          <Legend plan={plan} />
          <GateDisplayLinks plan={plan} />
        </aside>
      </div>
    </>
  );
}
