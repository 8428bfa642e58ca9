// One session replayed: the map, the transport (play/pause, speed 0.5–16×, step), the timeline,
// and beside them the cart as it stood, the moments list and the evidence of the event looked at.
// While it plays, an animation frame loop moves the playhead by the wall time that passed.
import { useEffect } from 'react';
import type { FloorPlan, SessionReplay } from '../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { hrefFor } from '../../app/routes';
import { useTimeOfDay } from '../review/review-hooks';
import { EventEvidence } from './EventEvidence';
import { ReplayMap } from './ReplayMap';
import { ReplayTimeline } from './ReplayTimeline';
import { SPEEDS, cartAt, currentMomentIndex, formatOffset, formatSpeed, type SpeedStep } from './replay-selectors';
import { replayShortcuts, useReplayKeys } from './useReplayKeys';

function usePlaybackLoop(playing: boolean): void {
  const api = useAppStoreApi();
  useEffect(() => {
    if (!playing) return undefined;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      api.getState().replay.advance(now - last);
      last = now;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [api, playing]);
}

export function ReplayPlayer({ replay, plan }: { replay: SessionReplay; plan: FloorPlan | null }) {
  const api = useAppStoreApi();
  const playhead = useAppStore((state) => state.replay.playhead);
  const playing = useAppStore((state) => state.replay.playing);
  const speed = useAppStore((state) => state.replay.speed);
  const focused = useAppStore((state) => state.replay.focusedEventId);
  const { togglePlay, seek, seekBy, setSpeed, stepMoment, focusEvent } = useAppStore((state) => state.replay);
  const time = useTimeOfDay();
  usePlaybackLoop(playing);
  useReplayKeys(api, true);

  const cart = cartAt(replay, playhead);
  const current = currentMomentIndex(replay, playhead);
  const name = (sku: string) => replay.products.find((p) => p.sku === sku)?.name ?? sku;
  const event = replay.events.find((e) => e.id === focused);
  const s = replay.session;
  return (
    <div className="replay__player" data-testid="replay-player">
      <div className="replay__stage">
        <header className="replay__head">
          <h2 className="replay__title">
            Session {s.sessionId} <span className="replay__muted">{s.anonymous ? 'anonymous' : s.account}</span>
          </h2>
          <span className="replay__muted">
            {s.status} · <a href={hrefFor('review', s.sessionId)}>Open in review</a>
          </span>
        </header>
        <div className="replay__map-box">
          {plan ? <ReplayMap plan={plan} replay={replay} playhead={playhead} /> : <p className="replay__muted">Loading the floor plan…</p>}
          {!replay.pathsRecorded ? (
            <p className="replay__map-note" data-testid="replay-no-path">
              No floor path was recorded for this session (it predates path recording, or its tracks were never confirmed). Events and the cart still replay.
            </p>
          ) : null}
        </div>
        <div className="replay__transport" role="group" aria-label="Playback">
          <button type="button" className="button" onClick={() => stepMoment(-1)} aria-label="Previous moment" title="Previous moment (,)">
            ◀ Prev
          </button>
          <button type="button" className="button" onClick={() => seekBy(-5000)} aria-label="Back 5 seconds" title="Back 5 s (←)">
            −5 s
          </button>
          <button type="button" className="button button--primary replay__play" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (Space)" data-testid="replay-play">
            {playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <button type="button" className="button" onClick={() => seekBy(5000)} aria-label="Forward 5 seconds" title="Forward 5 s (→)">
            +5 s
          </button>
          <button type="button" className="button" onClick={() => stepMoment(1)} aria-label="Next moment" title="Next moment (.)">
            Next ▶
          </button>
          <label className="replay__speed">
            Speed
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as SpeedStep)} data-testid="replay-speed">
              {SPEEDS.map((v) => (
                <option key={v} value={v}>
                  {formatSpeed(v)}
                </option>
              ))}
            </select>
          </label>
          <span className="replay__clock" data-testid="replay-clock">
            {formatOffset(playhead - replay.startMs)} / {formatOffset(replay.endMs - replay.startMs)} · {time(playhead)}
          </span>
        </div>
        <ReplayTimeline replay={replay} playhead={playhead} onSeek={seek} />
        <p className="replay__keys">
          {replayShortcuts.map(([keys, what]) => (
            <span key={keys}>
              <kbd>{keys}</kbd> {what}
            </span>
          ))}
        </p>
      </div>
      <aside className="replay__side">
        <section className="replay__side-section" aria-labelledby="replay-cart-title">
          <h3 id="replay-cart-title" className="panel__subtitle">
            Cart at {formatOffset(playhead - replay.startMs)}
          </h3>
          {cart.length === 0 ? (
            <p className="replay__muted" data-testid="replay-cart-empty">
              Empty
            </p>
          ) : (
            <ul className="replay__list" data-testid="replay-cart">
              {cart.map((line) => (
                <li key={line.sku}>
                  {line.quantity} × {name(line.sku)}
                </li>
              ))}
            </ul>
          )}
        </section>
        {event ? <EventEvidence replay={replay} event={event} /> : null}
        <section className="replay__side-section" aria-labelledby="replay-moments-title">
          <h3 id="replay-moments-title" className="panel__subtitle">
            Timeline
          </h3>
          <ol className="replay__moments" data-testid="replay-moments">
            {replay.moments.map((m, i) => (
              <li key={i} className={i === current ? 'replay__moment replay__moment--current' : i < current ? 'replay__moment replay__moment--past' : 'replay__moment'}>
                <button type="button" className="replay__moment-button" onClick={() => (m.eventId && m.kind === 'shelf-event' ? focusEvent(m.eventId) : seek(m.t))} data-testid={`replay-moment-${i}`}>
                  <span className="replay__moment-time">{formatOffset(m.t - replay.startMs)}</span> {m.label}
                </button>
              </li>
            ))}
          </ol>
        </section>
      </aside>
    </div>
  );
}
