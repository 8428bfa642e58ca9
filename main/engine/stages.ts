// The engine's stages as built today, in pipeline order. Hosts and the replay command build the
// engine from this list, so a stage that lands is used everywhere at once, and the evaluator
// reports null for the figures of stages not in it.
import type { StoreModel } from '../store/schema';
import { createFusionStage } from './fusion';
import { createShelfStage } from './shelves';
import { createVisionStage } from './vision';
import type { EngineStage } from './stage';

export interface StageOptions {
  /** The store's entry-token key (fusion verifies gate scans with it). The engine never picks one itself. */
  storeKey: Uint8Array;
}

export function createStages(store: StoreModel, options: StageOptions): EngineStage[] {
  // Fusion observes every earlier stage's decisions, so it stays last.
  return [createShelfStage(store), createVisionStage(store), createFusionStage(store, { storeKey: options.storeKey })];
}
