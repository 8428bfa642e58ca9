// Gates as thick lines across the doorway: green to come in, red to go out. Always drawn; the
// gates are where a session starts and ends.
import { memo } from 'react';
import type { Gate } from '../../../../../native-bridge/contract';

export const GatesLayer = memo(function GatesLayer({ gates }: { gates: Gate[] }) {
  return (
    <g data-testid="layer-gates">
      {gates.map((gate) => {
        const [[x1, y1], [x2, y2]] = gate.line;
        return (
          <g key={gate.id} className={`gate swatch--gate-${gate.kind}`} data-testid={`gate-${gate.id}`} data-id={gate.id} data-kind={gate.kind}>
            <title>{`${gate.name} (${gate.kind})`}</title>
            <line className="gate__line" x1={x1} y1={y1} x2={x2} y2={y2} />
          </g>
        );
      })}
    </g>
  );
});
