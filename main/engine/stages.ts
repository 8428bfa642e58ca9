// The engine's stages as built today, in pipeline order. Hosts and the replay command build the
// engine from this, so a stage that lands is used everywhere at once, and the evaluator reports
// null for the figures of stages not in it. The stages come back by name too, so the live host can
// read their state (sessions, inventory) without searching the list.
import type { StoreModel } from '../store/schema';
import { createFusionStage, type FusionStage } from './fusion';
import { createShelfStage, type ShelfStage } from './shelves';
import type { EngineStage } from './stage';
import { createVisionStage, type VisionStage } from './vision';

export interface StageOptions {
  /** The store's entry-token key (fusion verifies gate scans with it). The engine never picks one itself. */
  storeKey: Uint8Array;
}

export interface EngineStages {
  shelves: ShelfStage;
  vision: VisionStage;
  fusion: FusionStage;
  /** In pipeline order: fusion observes every earlier stage's decisions, so it stays last. */
  all: EngineStage[];
}

export function createStages(store: StoreModel, options: StageOptions): EngineStages {
  const shelves = createShelfStage(store);
  const vision = createVisionStage(store);
  // Fusion reads which shelves are still settling: a receipt waits for those its shopper reached into.
  const fusion = createFusionStage(store, { storeKey: options.storeKey, shelfActivity: shelves });
  return { shelves, vision, fusion, all: [shelves, vision, fusion] };
}
