// The one order in which inputs from many sources reach the engine: by time, and at equal times by
// kind, then by source. Replay, the simulator and tests must all use it, because the engine is a
// function of the ordered stream: two orders of the same inputs may give two sets of decisions.
import { inputTime, type EngineInput, type EngineInputKind } from '../engine/inputs';
import { inputSource } from './codec';

/**
 * Kinds at equal times, first to last. What changes how data is read comes before the data: a
 * device going offline, staff starting a restock; a scan before the passage it lets through; then
 * vision before weight, so a shelf event sees the tracks of its own millisecond.
 */
export const kindTieOrder: readonly EngineInputKind[] = [
  'device-status',
  'staff-action',
  'gate-scan',
  'gate-passage',
  'detections',
  'plate-samples',
];

export const kindRank: Readonly<Record<EngineInputKind, number>> = Object.fromEntries(
  kindTieOrder.map((kind, i) => [kind, i]),
) as Record<EngineInputKind, number>;

/** By code unit, never by locale: the order must not depend on the machine replaying it. */
export function compareSources(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a source named `name` goes in `sorted` (kept in compareSources order) to keep it sorted. */
export function sourceInsertionIndex(sorted: readonly { name: string }[], name: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareSources(sorted[mid]!.name, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The merge order for two inputs from different sources (within a source, keep arrival order). */
export function compareInputs(a: EngineInput, b: EngineInput): number {
  return inputTime(a) - inputTime(b) || kindRank[a.kind] - kindRank[b.kind] || compareSources(inputSource(a), inputSource(b));
}
