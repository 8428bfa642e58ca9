// The weight curves behind a shelf event: each of its plates' samples around the event, read back
// from the recorded input log and averaged into at most `maxPoints` even steps, so the evidence
// panel can draw what the shelf stage saw without shipping every 60 Hz sample.
import type { EventWeights, WeightCurve } from '../../native-bridge/contract/dto-replay';
import type { StoreDatabase } from '../db';
import type { ShelfEventDecision } from '../engine/decisions';
import { readRecording } from '../recording';

export interface WeightWindow {
  /** Shown before the event starts and after it ends. */
  marginMs: number;
  maxPoints: number;
  /** How long before the window a recorded run of samples may start and still reach into it. */
  lookBackMs: number;
}

export const defaultWeightWindow: WeightWindow = { marginMs: 2000, maxPoints: 240, lookBackMs: 5000 };

export function eventWeights(
  db: Pick<StoreDatabase, 'inputLog'>,
  event: Pick<ShelfEventDecision, 'id' | 'startMs' | 'endMs' | 'plates'>,
  window: WeightWindow = defaultWeightWindow,
): EventWeights {
  const fromMs = event.startMs - window.marginMs;
  const toMs = event.endMs + window.marginMs;
  const stepMs = (toMs - fromMs) / window.maxPoints;
  const sums = new Map(event.plates.map((plate) => [plate, { sum: new Float64Array(window.maxPoints), count: new Uint32Array(window.maxPoints), seen: false }]));
  for (const input of readRecording(db, { fromMs: fromMs - window.lookBackMs, toMs, kinds: ['plate-samples'] })) {
    if (input.kind !== 'plate-samples') continue;
    const bins = sums.get(input.plate);
    if (!bins) continue;
    for (let i = 0; i < input.grams.length; i++) {
      const t = input.t0 + i * input.dt;
      const grams = input.grams[i]!;
      if (t < fromMs || t >= toMs || Number.isNaN(grams)) continue;
      const bin = Math.min(window.maxPoints - 1, Math.floor((t - fromMs) / stepMs));
      bins.sum[bin]! += grams;
      bins.count[bin]! += 1;
      bins.seen = true;
    }
  }
  const curves: WeightCurve[] = [];
  for (const [plate, bins] of sums) {
    if (!bins.seen) continue;
    const grams = Array.from(bins.sum, (sum, i) => (bins.count[i] ? Math.round((sum / bins.count[i]!) * 10) / 10 : null));
    curves.push({ plate, t0: fromMs + stepMs / 2, dt: stepMs, grams });
  }
  return { eventId: event.id, fromMs, toMs, curves };
}
