// The plan with the replay on top: each member's whole path faint, the part walked by the playhead
// strong, where they stand now, and the plates of the shelf events happening now. One SVG in plan
// metres, built from the floor map's own layers so both views draw the store the same way.
import { memo } from 'react';
import type { FloorPlan, SessionReplay } from '../../../../native-bridge/contract';
import { FixturesLayer } from '../floor-map/svg/FixturesLayer';
import { GatesLayer } from '../floor-map/svg/GatesLayer';
import { FloorLayer, WallsLayer } from '../floor-map/svg/WallsLayer';
import { ZonesLayer } from '../floor-map/svg/ZonesLayer';
import { FIT_MARGIN_M, floorBounds, viewBoxAttr } from '../floor-map/viewport';
import '../floor-map/floor-map.css';
import { activeEventIds, positionAt, walkedPoints, wholePathPoints } from './replay-selectors';

const trackColours = ['#2f6db3', '#8e44ad', '#16a085', '#d35400'];

const StaticPlan = memo(function StaticPlan({ plan }: { plan: FloorPlan }) {
  const { layout } = plan;
  return (
    <>
      <FloorLayer outline={layout.floor.outline} />
      <ZonesLayer zones={layout.zones} />
      <FixturesLayer fixtures={layout.fixtures} showPlates />
      <WallsLayer outline={layout.floor.outline} />
      <GatesLayer gates={layout.gates} />
    </>
  );
});

export function ReplayMap({ plan, replay, playhead }: { plan: FloorPlan; replay: SessionReplay; playhead: number }) {
  const bounds = floorBounds(plan.layout.floor);
  const viewBox = { x: bounds.x - FIT_MARGIN_M, y: bounds.y - FIT_MARGIN_M, width: bounds.width + 2 * FIT_MARGIN_M, height: bounds.height + 2 * FIT_MARGIN_M };
  const active = new Set(activeEventIds(replay, playhead));
  return (
    <svg className="floor-plan replay-map" viewBox={viewBoxAttr(viewBox)} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`Path of session ${replay.session.sessionId} on the floor plan`} data-testid="replay-map">
      <StaticPlan plan={plan} />
      {replay.events.map((event) =>
        event.plateFronts.map((p) => (
          <circle
            key={`${event.id}-${p.plate}`}
            cx={p.x}
            cy={p.y}
            r={active.has(event.id) ? 0.45 : 0.2}
            className={active.has(event.id) ? 'replay-map__plate replay-map__plate--active' : 'replay-map__plate'}
            data-testid={active.has(event.id) ? `replay-plate-active-${p.plate}` : undefined}
          />
        )),
      )}
      {replay.tracks.map((track, i) => {
        const colour = trackColours[i % trackColours.length];
        const here = positionAt(track, playhead);
        return (
          <g key={track.trackId} style={{ ['--track' as string]: colour }}>
            <polyline className="replay-map__path" points={wholePathPoints(track)} />
            <polyline className="replay-map__walked" points={walkedPoints(track, playhead)} />
            {here ? (
              <g transform={`translate(${here[0]} ${here[1]})`} data-testid={`replay-shopper-${track.trackId}`} data-x={here[0].toFixed(2)} data-y={here[1].toFixed(2)}>
                <circle r={0.35} className="replay-map__shopper" />
                <text className="replay-map__label" y={-0.5} textAnchor="middle">
                  {track.trackId}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
