// Floor positions as MOTChallenge point files (frame,id,x,y in metres), the format `walkout mot`
// and TrackEval read: ground truth from the simulator's trajectories, tracker output from the
// engine's track points, both on the same 100 ms frame grid.
import type { TrackPoint } from '../engine/decisions';
import type { SimTrajectories } from '../sim/world';
import { evalTickMs } from './run-dir';

export function frameOf(t: number, startMs: number): number {
  return Math.round((t - startMs) / evalTickMs) + 1;
}

/** Ground-truth rows at the evaluation ticks (trajectories may be sampled faster than 10 Hz). */
export function truthToMotLines(trajectories: SimTrajectories, startMs: number): string {
  const lines: string[] = [];
  const { personIds, start, t, x, y } = trajectories;
  for (let p = 0; p < personIds.length; p++) {
    let lastFrame = -1;
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      const offset = t[i]! - startMs;
      if (Math.abs(offset - Math.round(offset / evalTickMs) * evalTickMs) > 1) continue;
      const frame = frameOf(t[i]!, startMs);
      if (frame === lastFrame) continue;
      lastFrame = frame;
      lines.push(`${frame},${personIds[p]},${x[i]!.toFixed(3)},${y[i]!.toFixed(3)}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function trackPointsToMotLines(points: readonly TrackPoint[], startMs: number): string {
  return points.map((p) => `${frameOf(p.t, startMs)},${p.trackId},${p.x.toFixed(3)},${p.y.toFixed(3)}`).join('\n') + (points.length ? '\n' : '');
}
