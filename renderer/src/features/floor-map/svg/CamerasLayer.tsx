// Cameras: a small marker where each hangs, and, as a separate layer, the translucent floor area
// each one sees — overlaps show double coverage, gaps show blind spots.
import { memo } from 'react';
import type { CameraOnPlan } from '../../../../../native-bridge/contract';
import { pointsAttr } from '../geometry';

/** Marker radius on screen. */
const CAMERA_MARKER_PX = 6;

export const FieldsOfViewLayer = memo(function FieldsOfViewLayer({ cameras }: { cameras: CameraOnPlan[] }) {
  return (
    <g data-testid="layer-fields-of-view">
      {cameras
        .filter((camera) => camera.fieldOfView.length >= 3)
        .map((camera) => (
          <polygon
            key={camera.id}
            className="fov swatch--fov"
            points={pointsAttr(camera.fieldOfView)}
            data-testid={`fov-${camera.id}`}
            data-id={camera.id}
          />
        ))}
    </g>
  );
});

export const CamerasLayer = memo(function CamerasLayer({ cameras, pixelsPerMetre }: { cameras: CameraOnPlan[]; pixelsPerMetre: number }) {
  const r = CAMERA_MARKER_PX / pixelsPerMetre;
  return (
    <g data-testid="layer-cameras">
      {cameras.map((camera) => (
        <g key={camera.id} className="camera" data-testid={`camera-${camera.id}`} data-id={camera.id}>
          <title>{`${camera.name} — ${camera.heightM} m high${camera.fieldOfView.length < 3 ? ', sees no floor' : ''}`}</title>
          <circle className="camera__marker swatch--camera" cx={camera.position[0]} cy={camera.position[1]} r={r} />
        </g>
      ))}
    </g>
  );
});
