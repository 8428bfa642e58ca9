// The engine's stages as built today, in pipeline order. Hosts and the replay command build the
// engine from this list, so a stage that lands is used everywhere at once, and the evaluator
// reports null for the figures of stages not in it.
import type { StoreModel } from '../store/schema';
import type { EngineStage } from './stage';

export function createStages(_store: StoreModel): EngineStage[] {
  return [];
}
