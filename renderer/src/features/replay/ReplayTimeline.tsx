// The session on a line: a mark for every moment (gate, shelf event, flag, receipt), the playhead,
// and a slider to seek with mouse or keyboard. Clicking a mark jumps to it.
import type { SessionReplay } from '../../../../native-bridge/contract';
import { formatOffset, timelineFraction } from './replay-selectors';

export function ReplayTimeline({ replay, playhead, onSeek }: { replay: SessionReplay; playhead: number; onSeek: (t: number) => void }) {
  const span = replay.endMs - replay.startMs;
  return (
    <div className="replay-timeline" data-testid="replay-timeline">
      <div className="replay-timeline__track">
        {replay.moments.map((m, i) => (
          <button
            key={i}
            type="button"
            className={`replay-timeline__mark replay-timeline__mark--${m.kind}`}
            style={{ left: `${timelineFraction(replay, m.t) * 100}%` }}
            title={`${formatOffset(m.t - replay.startMs)} ${m.label}`}
            aria-label={`Jump to ${formatOffset(m.t - replay.startMs)}: ${m.label}`}
            onClick={() => onSeek(m.t)}
            tabIndex={-1}
          />
        ))}
        <div className="replay-timeline__playhead" style={{ left: `${timelineFraction(replay, playhead) * 100}%` }} aria-hidden="true" />
      </div>
      <input
        type="range"
        className="replay-timeline__slider"
        min={0}
        max={Math.max(span, 1)}
        step={100}
        value={Math.round(playhead - replay.startMs)}
        onChange={(e) => onSeek(replay.startMs + Number(e.target.value))}
        aria-label="Seek"
        aria-valuetext={`${formatOffset(playhead - replay.startMs)} of ${formatOffset(span)}`}
        data-testid="replay-seek"
      />
    </div>
  );
}
