// Every name on the map, drawn last so no shape covers it. Which names, and where, is decided by
// ./labels; this only draws them at a size converted from screen pixels for the current zoom.
import { memo, useMemo } from 'react';
import type { FloorPlan } from '../../../../../native-bridge/contract';
import { LABEL_HALO_PX, LABEL_PX, visibleLabels } from '../labels';
import type { LayerVisibility } from '../layers';

export const LabelsLayer = memo(function LabelsLayer({
  plan,
  layers,
  pixelsPerMetre,
}: {
  plan: FloorPlan;
  layers: LayerVisibility;
  pixelsPerMetre: number;
}) {
  const labels = useMemo(() => visibleLabels(plan, layers, pixelsPerMetre), [plan, layers, pixelsPerMetre]);
  return (
    <g className="labels" data-testid="layer-labels" fontSize={LABEL_PX / pixelsPerMetre} strokeWidth={LABEL_HALO_PX / pixelsPerMetre}>
      {labels.map((label) => (
        <text
          key={label.key}
          className={`label label--${label.kind}`}
          x={label.x}
          y={label.y}
          textAnchor={label.align}
          transform={label.angle ? `rotate(${label.angle} ${label.x} ${label.y})` : undefined}
        >
          {label.text}
        </text>
      ))}
    </g>
  );
});
