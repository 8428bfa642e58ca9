// The Replay page: find a session, then replay it (#/replay/<session>) on the floor plan with its
// timeline, cart and evidence. Loading, empty and error states for the search and the replay.
import { useEffect } from 'react';
import { useHashParam } from '../../app/useHashRoute';
import { dataOf, pendingPhase } from '../../state/load-state';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { ReplayPlayer } from './ReplayPlayer';
import { SessionSearch } from './SessionSearch';
import './replay.css';

export function ReplayView() {
  const api = useAppStoreApi();
  const connection = useAppStore((state) => state.shell.connection);
  const replay = useAppStore((state) => state.replay.replay);
  const selected = useAppStore((state) => state.replay.selected);
  const plan = useAppStore((state) => dataOf(state.floorMap.plan));
  const open = useAppStore((state) => state.replay.open);
  const wanted = useHashParam();
  const pending = pendingPhase(replay, connection);

  useEffect(() => {
    if (connection !== 'open') return;
    const state = api.getState();
    if (state.floorMap.plan.status === 'idle') void state.floorMap.load();
    if (state.replay.results.status === 'idle') void state.replay.search();
  }, [api, connection]);

  useEffect(() => {
    if (connection === 'open' && wanted && wanted !== api.getState().replay.selected) void api.getState().replay.open(wanted);
  }, [api, connection, wanted]);

  // Leaving the page stops playback, so nothing animates off screen.
  useEffect(() => () => api.getState().replay.pause(), [api]);

  return (
    <section className="page page--replay" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Replay
        </h1>
        <p className="page__meta">A session’s path, shelf events and cart on a timeline, with the evidence behind every decision.</p>
      </header>
      <div className="replay">
        <SessionSearch selected={selected} />
        {!selected ? (
          <div className="panel replay__placeholder" data-testid="replay-none-selected">
            <p>Choose a session to replay it.</p>
          </div>
        ) : null}
        {selected && pending ? <PendingPanel phase={pending} what={`the replay of ${selected}`} onRetry={() => void open(selected)} testId="replay" /> : null}
        {selected && replay.status === 'ready' ? <ReplayPlayer replay={replay.data} plan={plan} /> : null}
      </div>
    </section>
  );
}
