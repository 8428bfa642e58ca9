// Fixtures as their rotated footprints; when zoomed in far enough, the weighing plates of each
// shelf are outlined inside them.
import { memo } from 'react';
import type { Fixture } from '../../../../../native-bridge/contract';
import { fixtureFootprint, plateFootprint, pointsAttr } from '../geometry';

export const FixturesLayer = memo(function FixturesLayer({ fixtures, showPlates }: { fixtures: Fixture[]; showPlates: boolean }) {
  return (
    <g data-testid="layer-fixtures">
      {fixtures.map((fixture) => (
        <g key={fixture.id} className="fixture" data-testid={`fixture-${fixture.id}`} data-id={fixture.id} data-kind={fixture.kind}>
          <title>{`${fixture.name} — ${fixture.kind}, ${fixture.length} × ${fixture.depth} m, ${fixture.shelves.length} shelves`}</title>
          <polygon className={`fixture__body swatch--fixture-${fixture.kind}`} points={pointsAttr(fixtureFootprint(fixture))} />
          {showPlates ? <Plates fixture={fixture} /> : null}
        </g>
      ))}
    </g>
  );
});

function Plates({ fixture }: { fixture: Fixture }) {
  return (
    <g className="plates">
      {fixture.shelves.flatMap((shelf) =>
        shelf.plates.map((plate) => (
          <polygon key={`${shelf.id}/${plate.id}`} className="plate swatch--plate" points={pointsAttr(plateFootprint(fixture, shelf, plate))}>
            <title>{`Plate ${plate.id} — shelf ${shelf.id} (${shelf.face}, ${shelf.height} m high)`}</title>
          </polygon>
        )),
      )}
    </g>
  );
}
