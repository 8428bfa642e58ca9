// Runs a live feed through the live pipeline on a timer: every tick releases the inputs now due,
// advances the engine to the present store time and publishes a floor frame. Used inside the live
// worker thread; independent of it so tests can drive it with a fake clock.
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';
import type { LivePipeline } from './live-pipeline';
import type { PacedFeed } from './simulated-feed';

export interface LiveRunnerOptions {
  /** The simulator's PacedFeed, or real devices' DeviceInputQueue: both release due inputs in time order. */
  feed: Pick<PacedFeed, 'pump'>;
  pipeline: LivePipeline;
  onFrame: (frame: LiveFloorFrame) => void;
  /** Wall ms between ticks; frames go out on every tick. */
  tickMs?: number;
  now?: () => number;
}

export function runLive(options: LiveRunnerOptions): { tick(): void; stop(): void } {
  const now = options.now ?? (() => performance.now());
  const tickMs = options.tickMs ?? 100;
  let storeTime = -Infinity;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const started = now();
    // Work at most ~80 % of a tick, so frames keep flowing even when the feed cannot keep up.
    const reached = options.feed.pump(started, (input) => options.pipeline.push(input), () => now() - started > tickMs * 0.8);
    storeTime = Math.max(storeTime, reached);
    options.pipeline.advance(storeTime);
    options.onFrame(options.pipeline.frame(storeTime));
  };
  const loop = () => {
    if (stopped) return;
    tick();
    timer = setTimeout(loop, tickMs);
  };
  timer = setTimeout(loop, 0);
  return {
    tick,
    stop() {
      stopped = true;
      clearTimeout(timer);
      options.pipeline.close();
    },
  };
}
