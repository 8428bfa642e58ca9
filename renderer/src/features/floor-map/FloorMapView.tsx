// The floor map page: fetches the plan once the host link is up, then shows either a state panel
// (waiting, loading, empty, failed) or the map with its side panel. While it is shown it also
// holds the live feed's subscription.
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { StatePanel } from '../../ui/StatePanel';
import { FloorMapWorkspace } from './FloorMapWorkspace';
import { selectPhase } from './selectors';
import './floor-map.css';

export function FloorMapView() {
  const api = useAppStoreApi();
  const connection = useAppStore((state) => state.shell.connection);
  const plan = useAppStore((state) => state.floorMap.plan);
  const load = useAppStore((state) => state.floorMap.load);
  const phase = selectPhase({ plan });

  useEffect(() => {
    // Read the live status, not the render's copy: StrictMode runs this twice and the second run
    // must see the load the first one started.
    if (connection === 'open' && api.getState().floorMap.plan.status === 'idle') void load();
  }, [api, connection, load]);

  // The live feed is only wanted while the map is on screen; leaving the page unsubscribes.
  useEffect(() => api.getState().liveFloor.attach(), [api]);

  return (
    <section className="page page--floor-map" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Floor map
        </h1>
        {phase.kind === 'ready' ? <PlanSummary counts={phase.plan.counts} floor={phase.plan.layout.floor} /> : null}
      </header>
      {phase.kind === 'idle' && connection === 'unauthorized' ? (
        <StatePanel tone="error" title="The host refused this page" testId="floor-map-unauthorized">
          <p>Its connection token is missing or out of date. Open the suite again from the address the host printed.</p>
        </StatePanel>
      ) : null}
      {phase.kind === 'idle' && connection !== 'unauthorized' ? (
        <StatePanel tone="info" title="Waiting for the host" testId="floor-map-waiting">
          <p>The floor plan loads once the connection to the host is open.</p>
        </StatePanel>
      ) : null}
      {phase.kind === 'loading' ? <StatePanel tone="info" title="Loading the floor plan…" testId="floor-map-loading" /> : null}
      {phase.kind === 'error' ? (
        <StatePanel
          tone="error"
          title="The floor plan could not be loaded"
          testId="floor-map-error"
          action={
            <button type="button" className="button button--primary" onClick={() => void load()}>
              Retry
            </button>
          }
        >
          <p>{phase.error.message}</p>
          <p className="error-code">{phase.error.code}</p>
        </StatePanel>
      ) : null}
      {phase.kind === 'empty' ? (
        <StatePanel tone="info" title="This store has no floor plan yet" testId="floor-map-empty">
          <p>The host’s store layout has no fixtures, zones or gates to draw. Import a store layout to see it here.</p>
        </StatePanel>
      ) : null}
      {phase.kind === 'ready' ? <FloorMapWorkspace plan={phase.plan} /> : null}
    </section>
  );
}

function PlanSummary({
  counts,
  floor,
}: {
  counts: { fixtures: number; shelves: number; plates: number; cameras: number; products: number };
  floor: { width: number; depth: number };
}) {
  return (
    <p className="page__meta" data-testid="plan-summary">
      {floor.width} × {floor.depth} m · {counts.fixtures} fixtures · {counts.shelves} shelves · {counts.plates} plates ·{' '}
      {counts.cameras} cameras · {counts.products} products
    </p>
  );
}
