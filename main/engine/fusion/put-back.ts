// Reading a put-back against what a session holds (DESIGN §4: a shopper can only put back what they
// took). The shelf stage names a put-back from the plate's neighbourhood and the whole catalog,
// which is all it can know; once fusion knows whose hand it was, the candidates are that session's
// cart lines, weighed against the change in weight. A unit put back is one that was taken, so its
// expected weight is what the held units weighed when taken, not the catalog's mean: k of n held
// units weighing G in all weigh k·G/n, give or take the spread of a subset, k·σ²·(n−k)/(n−1) —
// nothing at all when the one unit taken comes back — plus the error of two weighings. The prior
// comes from what the cart holds (its share of the held units, fewer units more likely than more,
// the plate's own product more likely than a stray). The shelf's best reading stays in the running
// as "something not in this cart" with a small prior, so a put-back no held product explains is
// reported rather than forced onto the cart.
import type { ProductHypothesis, ShelfEventDecision } from '../decisions';
import type { Product } from '../../store/schema';
import type { Holding } from './cart';
import type { FusionOptions } from './options';

export interface PutBackReading {
  sku: string;
  /** Negative: units put back. */
  quantity: number;
  /** Posterior of this reading among the cart's candidates and the outside one. */
  probability: number;
  /** How many weight standard deviations the reading is off. */
  z: number;
  /** False when nothing the cart holds explains the change: the shelf's reading, not in the cart. */
  fromCart: boolean;
  /** The reading's rank in the shelf's hypotheses, or -1 when the shelf did not list it. */
  shelfRank: number;
}

type Option = Pick<FusionOptions, 'putBackSensorG' | 'putBackMaxZ' | 'putBackUnheldFit' | 'putBackOutsidePrior' | 'putBackInPlaceBoost' | 'putBackExtraUnitPrior'>;

export class PutBackReader {
  constructor(
    private readonly catalog: ReadonlyMap<string, Product>,
    /** Planogram product of each plate. */
    private readonly planogram: ReadonlyMap<string, string>,
    private readonly o: Option,
  ) {}

  /** The top shelf hypothesis when it is a put-back: the event is one. */
  static isPutBack(event: ShelfEventDecision): boolean {
    const top = event.hypotheses[0];
    return top !== undefined && top.quantity < 0;
  }

  /**
   * The best reading of a put-back for a cart (`held`: units per SKU, positive only), or undefined
   * when the event is not a put-back.
   */
  read(event: ShelfEventDecision, held: ReadonlyMap<string, Holding>): PutBackReading | undefined {
    const top = event.hypotheses[0];
    if (!top || top.quantity >= 0) return undefined;
    const delta = event.deltaGrams.reduce((sum, d) => sum + d, 0);
    const own = new Set(event.plates.map((p) => this.planogram.get(p)));
    let heldTotal = 0;
    for (const h of held.values()) heldTotal += h.units;
    const sensorVar = 2 * this.o.putBackSensorG * this.o.putBackSensorG;

    let best: PutBackReading | undefined;
    let bestLog = -Infinity;
    let total = 0;
    const logs: { reading: PutBackReading; log: number }[] = [];
    const consider = (sku: string, units: number, logPrior: number, holding: Holding | undefined): void => {
      const product = this.catalog.get(sku);
      if (!product || units < 1) return;
      const unitVar = product.weightStdG * product.weightStdG;
      // Taken units weighed on the way out; anything else weighs as the catalog says.
      const expected = holding ? (units * holding.grams) / holding.units : units * product.weightMeanG;
      const variance = holding
        ? (holding.units > 1 ? (units * unitVar * (holding.units - units)) / (holding.units - 1) : 0) + sensorVar
        : units * unitVar + sensorVar / 2;
      const r = delta - expected;
      const z = Math.abs(r) / Math.sqrt(variance);
      if (holding && z > this.o.putBackMaxZ) return;
      const log = logPrior - 0.5 * Math.log(2 * Math.PI * variance) - (r * r) / (2 * variance);
      const reading: PutBackReading = { sku, quantity: -units, probability: 0, z, fromCart: holding !== undefined, shelfRank: shelfRank(event.hypotheses, sku, -units) };
      logs.push({ reading, log });
      if (log > bestLog) {
        bestLog = log;
        best = reading;
      }
    };
    for (const [sku, holding] of [...held].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const placed = own.has(sku) ? Math.log(this.o.putBackInPlaceBoost) : 0;
      for (let k = 1; k <= holding.units; k++) consider(sku, k, Math.log(holding.units / heldTotal) + (k - 1) * Math.log(this.o.putBackExtraUnitPrior) + placed, holding);
    }
    consider(top.sku, -top.quantity, Math.log(this.o.putBackOutsidePrior), undefined);
    if (!best) return { sku: top.sku, quantity: top.quantity, probability: top.probability, z: Infinity, fromCart: false, shelfRank: 0 };
    for (const { log } of logs) total += Math.exp(log - bestLog);
    const chosen = best as PutBackReading;
    chosen.probability = 1 / total;
    return chosen;
  }

  /**
   * How well a cart explains a put-back, for the attribution posterior: 1 when a held product
   * fits the weight within putBackMaxZ, falling off with its misfit, and putBackUnheldFit when
   * nothing held fits.
   */
  fit(event: ShelfEventDecision, held: ReadonlyMap<string, Holding>): number {
    const reading = this.read(event, held);
    if (!reading || !reading.fromCart) return this.o.putBackUnheldFit;
    return Math.max(this.o.putBackUnheldFit, Math.exp(-(reading.z * reading.z) / 8));
  }
}

function shelfRank(hypotheses: readonly ProductHypothesis[], sku: string, quantity: number): number {
  return hypotheses.findIndex((h) => h.sku === sku && h.quantity === quantity);
}
