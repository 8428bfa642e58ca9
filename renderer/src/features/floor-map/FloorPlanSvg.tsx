// The plan itself, drawn to scale: the SVG's user unit is one metre, x right and y down as in the
// store model. Layers are drawn bottom to top: floor, zones, fields of view, fixtures, walls,
// gates, cameras, devices that are down, labels.
import type { FloorPlan } from '../../../../native-bridge/contract';
import type { LayerVisibility } from './layers';
import { DeviceFaultLayer } from './live/DeviceFaultLayer';
import { CamerasLayer, FieldsOfViewLayer } from './svg/CamerasLayer';
import { FixturesLayer } from './svg/FixturesLayer';
import { GatesLayer } from './svg/GatesLayer';
import { LabelsLayer } from './svg/LabelsLayer';
import { FloorLayer, WallsLayer } from './svg/WallsLayer';
import { ZonesLayer } from './svg/ZonesLayer';
import { viewBoxAttr, type Rect } from './viewport';

export interface FloorPlanSvgProps {
  plan: FloorPlan;
  viewBox: Rect;
  pixelsPerMetre: number;
  layers: LayerVisibility;
  showPlates: boolean;
}

export function FloorPlanSvg({ plan, viewBox, pixelsPerMetre, layers, showPlates }: FloorPlanSvgProps) {
  const { layout, cameras } = plan;
  return (
    <svg
      className="floor-plan"
      data-testid="floor-plan"
      viewBox={viewBoxAttr(viewBox)}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Floor plan of ${layout.name}, ${layout.floor.width} by ${layout.floor.depth} metres`}
      data-pixels-per-metre={Math.round(pixelsPerMetre * 100) / 100}
    >
      <FloorLayer outline={layout.floor.outline} />
      {layers.zones ? <ZonesLayer zones={layout.zones} /> : null}
      {layers.fieldsOfView ? <FieldsOfViewLayer cameras={cameras} /> : null}
      {layers.fixtures ? <FixturesLayer fixtures={layout.fixtures} showPlates={showPlates} /> : null}
      <WallsLayer outline={layout.floor.outline} />
      <GatesLayer gates={layout.gates} />
      {layers.cameras ? <CamerasLayer cameras={cameras} pixelsPerMetre={pixelsPerMetre} /> : null}
      <DeviceFaultLayer plan={plan} pixelsPerMetre={pixelsPerMetre} />
      {layers.labels ? <LabelsLayer plan={plan} layers={layers} pixelsPerMetre={pixelsPerMetre} /> : null}
    </svg>
  );
}
