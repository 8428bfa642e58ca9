// What can be tuned about the shelf stage, and the defaults. Every window is in seconds and every
// threshold is in units of a plate's own learned noise, so one setting fits plates sampled at 10 Hz
// and at 80 Hz, quiet load cells and noisy ones; the gram floors are there because a learned σ can
// be implausibly small (a quantised, perfectly still plate) and a threshold of a few milligrams
// would then fire on nothing.

export interface ShelfStageOptions {
  // ---- segmentation --------------------------------------------------------------------------
  /** Window of the mean compared with the baseline to notice a change starting. */
  shortWindowS: number;
  /**
   * Window of the mean and variance that decide "quiet" and measure the weight after an event. It
   * is also the delay before a sample may move the baseline, so it must exceed the time from the
   * start of a change to its detection (a few samples).
   */
  longWindowS: number;
  /** Every plate of the shelf must stay quiet this long after its window turned quiet before the shelf settles. */
  settleHoldS: number;
  /**
   * Window of the first reading: while a shelf is still settling, plates that changed and whose
   * newest samples over this window are still give a first reading of the change (a pending cart
   * line), long before the settled one. It decides nothing that is charged.
   */
  previewWindowS: number;
  /** Time constant with which the baseline follows slow drift while the shelf is stable. */
  baselineTauS: number;
  /** Time constant with which a plate's noise σ is learned from its idle signal. */
  noiseTauS: number;
  /** σ assumed for a plate until its idle signal has been seen. */
  initialNoiseG: number;
  /** A learned σ is never taken below this. */
  noiseFloorG: number;
  /** Activation: |short mean − baseline| above this many σ of the short mean… */
  activationK: number;
  /** …and above this many grams. */
  activationFloorG: number;
  /**
   * A plate is quiet while its long-window variance is at most this multiple of its noise variance
   * (raised where the window holds few samples, see the segmenter).
   */
  quietVarianceRatio: number;
  /** A plate changed when |Δw| exceeds this many σ of the Δw estimate… */
  deltaK: number;
  /** …and this many grams. */
  minDeltaG: number;
  /** A silence (offline or dropped samples) longer than this restarts a plate's windows. */
  gapS: number;
  /** A plate silent for longer than this (or declared offline) no longer holds its shelf from settling. */
  absentS: number;
  /** A shelf active this long settles anyway, so one faulty plate cannot blind a whole shelf. */
  maxActiveS: number;

  // ---- products and quantities ---------------------------------------------------------------
  /** Prior mass of the changed plates' planogram products. */
  priorPlanogram: number;
  /** Prior mass of products the dynamic planogram has seen put down on the changed plates. */
  priorDynamic: number;
  /** Prior mass of the other planogram products of the same shelf. */
  priorShelf: number;
  /** Prior mass of the rest of the catalog, for put-backs only. */
  priorCatalog: number;
  /** Prior mass, for put-backs, of what shoppers are carrying (shared in proportion to units carried). */
  priorCarried: number;
  /** Units taken longer ago than this are assumed to have left the store. */
  carriedMemoryS: number;
  /** Quantity prior ∝ decay^(k−1): most picks are of one unit. */
  quantityDecay: number;
  /**
   * Share of a long-tailed quantity prior (decay restockQuantityDecay) mixed in, for the many units
   * at once of a restock whose staff forgot to say so.
   */
  quantityTail: number;
  /** Quantity prior decay while staff restock a fixture, where many units at once are normal. */
  restockQuantityDecay: number;
  /** Most units one event may explain. */
  maxQuantity: number;
  /** Hypotheses further than this many σ from the measured change are dropped. */
  maxZ: number;
  /** σ added to every product's unit weight for what the catalog mean does not capture, grams. */
  weightModelG: number;
  /**
   * Prior odds that weight added to two adjacent plates in one settle is one unit put down across
   * both, rather than two separate put-backs: straddling is common, two put-backs on neighbouring
   * plates within the same second are not.
   */
  straddlePrior: number;
  /** The same for weight removed: two shoppers picking side by side is common, lifting a straddler rarer. */
  straddlePickPrior: number;
  /** Hypotheses kept per event. */
  maxHypotheses: number;
}

export const defaultShelfStageOptions: Readonly<ShelfStageOptions> = Object.freeze({
  shortWindowS: 0.25,
  longWindowS: 0.75,
  settleHoldS: 0.3,
  previewWindowS: 0.1,
  baselineTauS: 4,
  noiseTauS: 30,
  initialNoiseG: 2,
  noiseFloorG: 0.3,
  activationK: 6,
  activationFloorG: 1,
  quietVarianceRatio: 2.5,
  deltaK: 6,
  minDeltaG: 2,
  gapS: 0.75,
  absentS: 1.5,
  maxActiveS: 120,
  priorPlanogram: 0.8,
  priorDynamic: 0.4,
  priorShelf: 0.05,
  priorCatalog: 0.02,
  priorCarried: 0.3,
  carriedMemoryS: 1800,
  quantityDecay: 0.35,
  quantityTail: 0.05,
  restockQuantityDecay: 0.9,
  maxQuantity: 200,
  maxZ: 5,
  weightModelG: 0.3,
  straddlePrior: 0.5,
  straddlePickPrior: 0.05,
  maxHypotheses: 5,
});

export function shelfStageOptions(overrides: Partial<ShelfStageOptions> = {}): ShelfStageOptions {
  return { ...defaultShelfStageOptions, ...overrides };
}
