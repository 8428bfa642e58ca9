// Device health drawn on the plan, above the fixtures and cameras: every plate wired to a shelf
// controller that is down, hatched red, with its fixture outlined so the fault shows at any zoom; a
// camera that is down crossed out, with the floor it no longer sees outlined; a gate whose scanner
// is down marked on its line. Redrawn only when the set of faults changes.
import { useMemo } from 'react';
import type { FloorPlan } from '../../../../../native-bridge/contract';
import { useAppStore } from '../../../state/StoreContext';
import { fixtureFootprint, pointsAttr } from '../geometry';
import { deviceOverlay } from './device-overlay';
import { deviceKindLabels } from './live-words';

/** Camera cross size on screen. */
const CAMERA_CROSS_PX = 9;

export function DeviceFaultLayer({ plan, pixelsPerMetre }: { plan: FloorPlan; pixelsPerMetre: number }) {
  const devices = useAppStore((state) => state.liveFloor.devices);
  const overlay = useMemo(() => deviceOverlay(plan, devices), [plan, devices]);
  const fixtures = useMemo(() => new Map(plan.layout.fixtures.map((f) => [f.id, f])), [plan]);
  if (overlay.plates.length === 0 && overlay.cameras.length === 0 && overlay.gates.length === 0) return null;
  const r = CAMERA_CROSS_PX / pixelsPerMetre;
  return (
    <g className="device-faults" data-testid="layer-device-faults">
      <defs>
        <pattern id="device-fault-hatch" patternUnits="userSpaceOnUse" width="0.2" height="0.2" patternTransform="rotate(45)">
          <rect width="0.2" height="0.2" className="device-fault__hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="0.2" className="device-fault__hatch-line" />
        </pattern>
      </defs>
      {overlay.fixtureIds.map((id) => (
        <polygon key={id} className="device-fault__fixture" points={pointsAttr(fixtureFootprint(fixtures.get(id)!))} data-testid={`fault-fixture-${id}`} />
      ))}
      {overlay.plates.map((plate) => (
        <polygon key={plate.key} className="device-fault__plate" points={pointsAttr(plate.points)} fill="url(#device-fault-hatch)">
          <title>{`Plate ${plate.key}: ${deviceKindLabels['shelf-controller']} ${plate.device} is down`}</title>
        </polygon>
      ))}
      {overlay.cameras.map((camera) => {
        const [x, y] = camera.position;
        return (
          <g key={camera.id} className="device-fault__camera" data-testid={`fault-camera-${camera.id}`}>
            <title>{`${camera.name} is ${camera.fault.state}: the floor outlined is not seen`}</title>
            {camera.fieldOfView.length >= 3 ? <polygon className="device-fault__blind" points={pointsAttr(camera.fieldOfView)} /> : null}
            <circle cx={x} cy={y} r={r} className="device-fault__camera-ring" />
            <path d={`M${x - r * 0.6},${y - r * 0.6} L${x + r * 0.6},${y + r * 0.6} M${x - r * 0.6},${y + r * 0.6} L${x + r * 0.6},${y - r * 0.6}`} className="device-fault__cross" />
          </g>
        );
      })}
      {overlay.gates.map((gate) => (
        <line
          key={gate.id}
          className="device-fault__gate"
          x1={gate.line[0][0]}
          y1={gate.line[0][1]}
          x2={gate.line[1][0]}
          y2={gate.line[1][1]}
          data-testid={`fault-gate-${gate.id}`}
        >
          <title>{`${gate.name}: its scanner is ${gate.fault.state}`}</title>
        </line>
      ))}
    </g>
  );
}
