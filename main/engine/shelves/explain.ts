// From a settled shelf change to events: which plates belong together, and what moved. Plates that
// changed in one settle are not necessarily one action: two shoppers may reach into one shelf at
// once, and a busy shelf may not go quiet between them. So the changed plates are partitioned into
// single plates and adjacent pairs (a unit put down across two plates), choosing the partition
// whose products explain the weights best (dynamic programming along the shelf). A pair competes as
// one unit whose total is the sum, with the straddle's share uniform on the lighter side, against
// two independent changes; each part becomes its own event so each can name its own product.
import type { DynamicPlanogram } from './dynamic-planogram';
import { candidatesFor } from './candidates';
import { explainChange, type Explanation, type QuantityModel } from './hypotheses';
import type { ShelfLayout } from './layout';
import type { ShelfStageOptions } from './options';
import type { SettledChange } from './segmenter';

export interface ExplainedPart {
  slots: number[];
  deltas: number[];
  explanation: Explanation;
}

export function explainSettled(
  change: SettledChange,
  layout: ShelfLayout,
  dynamic: DynamicPlanogram,
  o: ShelfStageOptions,
  model: QuantityModel,
  carried: readonly (readonly [string, number])[],
): ExplainedPart[] {
  const { slots, deltas, variances, shelf } = change;
  const n = slots.length;
  const single = (i: number): ExplainedPart => ({
    slots: [slots[i]!],
    deltas: [deltas[i]!],
    explanation: explainChange(deltas[i]!, variances[i]!, candidatesFor(layout, dynamic, o, shelf, [slots[i]!], [deltas[i]!], deltas[i]! > 0, carried), model),
  });
  if (n === 1) return [single(0)];

  // best[i]: best log score of the first i plates; choice[i]: 1 = plate i−1 alone, 2 = pair (i−2, i−1).
  const best = new Float64Array(n + 1);
  const choice = new Uint8Array(n + 1);
  const singles: ExplainedPart[] = [];
  const pairs: (ExplainedPart | undefined)[] = [];
  for (let i = 1; i <= n; i++) {
    const s = single(i - 1);
    singles[i - 1] = s;
    best[i] = best[i - 1]! + s.explanation.logEvidence;
    choice[i] = 1;
    if (i < 2) continue;
    const a = i - 2;
    const b = i - 1;
    if (slots[b]! !== slots[a]! + 1 || Math.sign(deltas[a]!) !== Math.sign(deltas[b]!)) continue;
    const sum = deltas[a]! + deltas[b]!;
    const explanation = explainChange(sum, variances[a]! + variances[b]!, candidatesFor(layout, dynamic, o, shelf, [slots[a]!, slots[b]!], [deltas[a]!, deltas[b]!], sum > 0, carried), model);
    pairs[b] = { slots: [slots[a]!, slots[b]!], deltas: [deltas[a]!, deltas[b]!], explanation };
    // Density of the split between the plates: the lighter side's share of the total is uniform on [0, ½].
    const logStraddle = Math.log(sum > 0 ? o.straddlePrior : o.straddlePickPrior);
    const score = best[i - 2]! + explanation.logEvidence + logStraddle + Math.log(2 / Math.abs(sum));
    if (score > best[i]!) {
      best[i] = score;
      choice[i] = 2;
    }
  }
  const parts: ExplainedPart[] = [];
  for (let i = n; i > 0; ) {
    if (choice[i] === 2) {
      parts.push(pairs[i - 1]!);
      i -= 2;
    } else {
      parts.push(singles[i - 1]!);
      i -= 1;
    }
  }
  return parts.reverse();
}
