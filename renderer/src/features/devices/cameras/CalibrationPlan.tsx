// The floor plan for calibration and coverage: the store's outline, fixtures and gates, every
// camera's field of view (the selected one highlighted, a fit not yet saved dashed), the selected
// camera's position, and the draft's floor points numbered. A click adds a floor point to the draft.
import type { CameraView, FloorPlan, HomographyFitView } from '../../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { fixtureFootprint, pointsAttr } from '../../floor-map/geometry';
import { svgPointOf } from './svg-point';

const MARGIN_M = 0.5;

export function CalibrationPlan({ plan, cameras, selected, fit }: { plan: FloorPlan; cameras: CameraView[]; selected: CameraView; fit: HomographyFitView | null }) {
  const api = useAppStoreApi();
  const draft = useAppStore((state) => state.cameras.draft);
  const { floor, fixtures, gates } = plan.layout;
  const xs = floor.outline.map((p) => p[0]);
  const ys = floor.outline.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs) - MARGIN_M, Math.min(...ys) - MARGIN_M];
  const [w, h] = [Math.max(...xs) - x0 + MARGIN_M, Math.max(...ys) - y0 + MARGIN_M];
  const mark = Math.max(w, h) / 80;
  return (
    <svg
      className="cameras__plan"
      viewBox={`${x0} ${y0} ${w} ${h}`}
      role="img"
      aria-label={`Floor plan of ${plan.layout.name} with the cameras' fields of view; click to add a calibration point`}
      data-testid="camera-plan"
      onClick={(event) => {
        const point = svgPointOf(event);
        if (point) api.getState().cameras.editDraft({ type: 'add-floor-point', point });
      }}
    >
      <polygon className="cameras__plan-floor" points={pointsAttr(floor.outline)} />
      {fixtures.map((f) => (
        <polygon key={f.id} className="cameras__plan-fixture" points={pointsAttr(fixtureFootprint(f))} />
      ))}
      {cameras
        .filter((c) => c.id !== selected.id && c.fieldOfView.length >= 3)
        .map((c) => (
          <polygon key={c.id} className="cameras__plan-fov" points={pointsAttr(c.fieldOfView)} />
        ))}
      {selected.fieldOfView.length >= 3 ? <polygon className="cameras__plan-fov cameras__plan-fov--selected" points={pointsAttr(selected.fieldOfView)} data-testid="camera-plan-fov" /> : null}
      {fit && fit.fieldOfView.length >= 3 ? <polygon className="cameras__plan-fov cameras__plan-fov--fit" points={pointsAttr(fit.fieldOfView)} data-testid="camera-plan-fit-fov" /> : null}
      {gates.map((g) => (
        <line key={g.id} className="cameras__plan-gate" x1={g.line[0][0]} y1={g.line[0][1]} x2={g.line[1][0]} y2={g.line[1][1]} />
      ))}
      {selected.position ? <circle className="cameras__plan-camera" cx={selected.position[0]} cy={selected.position[1]} r={mark} /> : null}
      {draft.pairs.map((pair, i) =>
        pair.floor ? (
          <g key={i} className="cameras__click" data-testid="plan-point">
            <circle cx={pair.floor[0]} cy={pair.floor[1]} r={mark * 0.8} />
            <text x={pair.floor[0] + mark} y={pair.floor[1] - mark * 0.5} fontSize={mark * 2.2}>
              {i + 1}
            </text>
          </g>
        ) : null,
      )}
    </svg>
  );
}
