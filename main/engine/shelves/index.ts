// Public API of the shelves stage: weight streams → shelf events with product and quantity
// hypotheses, per-plate inventory and restock alerts (DESIGN §4 "Shelves").
export { createShelfStage, type ShelfStage } from './shelf-stage';
export { defaultShelfStageOptions, shelfStageOptions, type ShelfStageOptions } from './options';
export type { PlateInventory } from './inventory';
export { explainChange, quantityPrior, type Candidate, type Explanation, type QuantityModel } from './hypotheses';
