import { describe, expect, it } from 'vitest';
import { frameCost, frameIntervals, percentiles } from './bench-ui';

describe('percentiles', () => {
  it('reads the nearest-rank percentiles and the mean', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(values)).toEqual({ p50: 51, p95: 96, p99: 100, max: 100, mean: 50.5 });
    expect(percentiles([]).p50).toBeNaN();
  });
});

describe('frameIntervals', () => {
  it('counts only intervals after a frame that asked for the next one', () => {
    // [timestamp, callback ms, asked for the next frame]
    const samples = [0, 1, 1, 16, 2, 1, 33, 1, 0, 200, 3, 1, 216, 1, 1];
    expect(frameIntervals(samples)).toEqual({ intervals: [16, 17, 16], work: [1, 2, 1, 3, 1] });
  });
});

describe('frameCost', () => {
  const meta = (tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid: 1, tid, ts: 0, args: { name } });
  const x = (tid: number, name: string, ts: number, dur: number, tdur: number) => ({ ph: 'X', name, pid: 1, tid, ts, dur, tdur });

  it('splits main-thread CPU into frame tasks (those running an animation frame) and the rest', () => {
    const trace = {
      traceEvents: [
        meta(10, 'CrRendererMain'),
        meta(11, 'Compositor'),
        meta(12, 'VizCompositorThread'),
        // two frames: 4 ms and 6 ms of CPU, with their parts
        x(10, 'RunTask', 0, 10_000, 4000),
        x(10, 'FireAnimationFrame', 100, 2000, 1500),
        x(10, 'UpdateLayoutTree', 2200, 300, 300),
        x(10, 'Paint', 2600, 200, 200),
        x(10, 'Commit', 3000, 5000, 2000),
        x(10, 'RunTask', 20_000, 10_000, 6000),
        x(10, 'FireAnimationFrame', 20_100, 3000, 2500),
        x(10, 'Commit', 24_000, 5000, 3500),
        // a message from the live stream, outside any frame
        x(10, 'RunTask', 40_000, 2000, 2000),
        x(10, 'FunctionCall', 40_100, 1500, 1500),
        x(11, 'RunTask', 0, 1000, 1000),
        x(12, 'RunTask', 0, 3000, 3000),
      ],
    };
    const cost = frameCost(trace, 2)!;
    expect(cost.frames).toBe(2);
    expect(cost.cpuMs.mean).toBe(5);
    expect(cost.cpuMs.max).toBe(6);
    expect(cost.parts).toEqual({ script: 2, styleLayout: 0.15, paint: 0.1, commit: 2.75 });
    expect(cost.compositorMs).toBe(2);
    expect(cost.otherMainMsPerSecond).toBe(1);
  });

  it('is null without a renderer main thread or without frames', () => {
    expect(frameCost({ traceEvents: [] }, 1)).toBeNull();
    expect(frameCost({ traceEvents: [meta(10, 'CrRendererMain'), x(10, 'RunTask', 0, 10, 10)] }, 1)).toBeNull();
  });
});
