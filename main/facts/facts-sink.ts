// The projection wired to a store database, for the live pipeline: decisions go in as they are
// made, facts of engine run `runId` are committed every `commitEveryMs` of store time (one
// transaction each, so the live path pays one fsync per commit, not per decision) and at the end.
import type { EngineDecision } from '../engine/decisions';
import type { StoreModel } from '../store/schema';
import { FactsProjector } from './projector';
import type { FactsRepository } from './repository';
import { batchSize, type FactsBatch } from './types';

export interface FactsSink {
  observe(decision: EngineDecision): void;
  /** Store time reached `t`: commits what is ready when the last commit is old enough. */
  commit(t: number): void;
  /** The engine finished at `t`: commits everything left. */
  finish(t: number): void;
}

export function createFactsSink(store: StoreModel, facts: FactsRepository, runId: number, commitEveryMs = 2000): FactsSink {
  const projector = new FactsProjector(store);
  let lastCommit = -Infinity;
  const write = (batch: FactsBatch) => {
    if (batchSize(batch) > 0) facts.write(runId, batch);
  };
  return {
    observe: (decision) => projector.observe(decision),
    commit(t) {
      if (t - lastCommit < commitEveryMs) return;
      lastCommit = t;
      write(projector.drain(t));
    },
    finish: (t) => write(projector.finish(t)),
  };
}
