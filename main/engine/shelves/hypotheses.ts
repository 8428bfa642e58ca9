// Product and quantity from a weight change: posterior ∝ likelihood × prior over (product, units).
// The likelihood of k units of a product is Normal(|Δw|; k·μ, k·σ² + σ_sensor² + σ_model²): unit
// weights vary independently, the sensor adds its own error once. Weight alone cannot tell apart
// products within a gram or two of each other (crisp flavours), so the prior — which products the
// planogram and the dynamic planogram put on the changed plates — decides between them, which is
// the point of having it. The evidence (the sum over all hypotheses) is returned too, so a caller
// can ask which of two readings of the same plates explains the weights better.
import type { ProductHypothesis } from '../decisions';
import type { Product } from '../../store/schema';

export interface Candidate {
  product: Product;
  /** Prior mass of this product (not normalised; only ratios matter). */
  prior: number;
}

export interface QuantityModel {
  /** log P(k units) for k = 1..maxQuantity (index 0 unused). */
  logQuantityPrior: Float64Array;
  maxQuantity: number;
  maxZ: number;
  weightModelG: number;
  maxHypotheses: number;
}

export interface Explanation {
  /** Best first; empty when no candidate comes within maxZ σ of the change. */
  hypotheses: ProductHypothesis[];
  /** log of Σ prior × likelihood over every (product, k) considered: how well anything explains the change. */
  logEvidence: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** log of a mixture of geometric quantity priors: Σ w·(1−q)·q^(k−1), for k = 1..maxQuantity. */
export function quantityPrior(maxQuantity: number, mixture: readonly { weight: number; decay: number }[]): Float64Array {
  const out = new Float64Array(maxQuantity + 1).fill(-Infinity);
  for (let k = 1; k <= maxQuantity; k++) {
    let p = 0;
    for (const { weight, decay } of mixture) p += weight * (1 - decay) * Math.pow(decay, k - 1);
    out[k] = Math.log(p);
  }
  return out;
}
/** Evidence floor: a change nothing explains still has a (tiny) density, so comparisons stay finite. */
const LOG_UNEXPLAINED = -40;

interface Scored {
  sku: string;
  quantity: number;
  logScore: number;
  z: number;
}

/**
 * `delta` is the signed total change in grams (negative = taken); `sensorVar` the variance of its
 * measurement. Quantities are signed the way decisions sign them: positive = taken.
 */
export function explainChange(delta: number, sensorVar: number, candidates: readonly Candidate[], model: QuantityModel): Explanation {
  const x = Math.abs(delta);
  const sign = delta < 0 ? 1 : -1;
  const logPk = model.logQuantityPrior;
  const extraVar = sensorVar + model.weightModelG * model.weightModelG;
  const scored: Scored[] = [];
  let maxLog = -Infinity;
  for (const { product, prior } of candidates) {
    if (!(prior > 0)) continue;
    const mu = product.weightMeanG;
    const unitVar = product.weightStdG * product.weightStdG;
    const kc = x / mu;
    // Only the quantities near x/μ can matter; the rest are many σ away.
    const kLo = Math.max(1, Math.floor(kc) - 1);
    const kHi = Math.min(model.maxQuantity, Math.ceil(kc) + 1);
    const logPrior = Math.log(prior);
    for (let k = kLo; k <= kHi; k++) {
      const variance = k * unitVar + extraVar;
      const r = x - k * mu;
      const logScore = logPrior + logPk[k]! - 0.5 * (LOG_2PI + Math.log(variance)) - (r * r) / (2 * variance);
      const z = Math.abs(r) / Math.sqrt(variance);
      scored.push({ sku: product.sku, quantity: sign * k, logScore, z });
      if (logScore > maxLog) maxLog = logScore;
    }
  }
  if (scored.length === 0) return { hypotheses: [], logEvidence: LOG_UNEXPLAINED };
  let total = 0;
  for (const s of scored) total += Math.exp(s.logScore - maxLog);
  const logEvidence = Math.max(LOG_UNEXPLAINED, maxLog + Math.log(total));

  const kept = scored.filter((s) => s.z <= model.maxZ);
  let keptTotal = 0;
  for (const s of kept) keptTotal += Math.exp(s.logScore - maxLog);
  kept.sort((a, b) => b.logScore - a.logScore || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) || a.quantity - b.quantity);
  const hypotheses = kept.slice(0, model.maxHypotheses).map((s) => ({
    sku: s.sku,
    quantity: s.quantity,
    probability: Math.exp(s.logScore - maxLog) / keptTotal,
  }));
  return { hypotheses, logEvidence };
}
