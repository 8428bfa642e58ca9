// The sales floor: a plain fill under everything, and the walls as its outline on top of the
// zones and fixtures so the store's edge is always clear.
import { memo } from 'react';
import type { Point } from '../../../../../native-bridge/contract';
import { pointsAttr } from '../geometry';

export const FloorLayer = memo(function FloorLayer({ outline }: { outline: Point[] }) {
  return <polygon className="floor" points={pointsAttr(outline)} />;
});

export const WallsLayer = memo(function WallsLayer({ outline }: { outline: Point[] }) {
  return (
    <g data-testid="layer-walls">
      <polygon className="wall" points={pointsAttr(outline)} />
    </g>
  );
});
