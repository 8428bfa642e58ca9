// Zones as translucent fills, coloured by kind; their names are drawn by the labels layer.
import { memo } from 'react';
import type { Zone } from '../../../../../native-bridge/contract';
import { pointsAttr } from '../geometry';

export const ZonesLayer = memo(function ZonesLayer({ zones }: { zones: Zone[] }) {
  return (
    <g data-testid="layer-zones">
      {zones.map((zone) => (
        <polygon
          key={zone.id}
          className={`zone swatch--zone-${zone.kind}`}
          points={pointsAttr(zone.polygon)}
          data-testid={`zone-${zone.id}`}
          data-id={zone.id}
          data-kind={zone.kind}
        >
          <title>{`${zone.name} (${zone.kind})`}</title>
        </polygon>
      ))}
    </g>
  );
});
