// `walkout replay`: the recorded inputs through the engine as fast as the CPU allows, its decisions
// stored in the run's database (replacing any earlier replay's) with their facts (main/facts), and floor tracks in a MOT file.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isTransient, type EngineDecision, type TrackPoint } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { inputTime } from '../engine/inputs';
import type { StageName } from '../engine/stage';
import { createStages } from '../engine/stages';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import type { StoreModel } from '../store/schema';
import type { StoreDatabase, StoredDecisionInput } from '../db';
import { FactsProjector } from '../facts/projector';
import { trackPointsToMotLines } from './mot-points';
import { openRunDatabase, readJson, recordedStore, runPath, writeJson, type ReplaySummary, type RunMeta } from './run-dir';

function toStored(decision: EngineDecision): StoredDecisionInput {
  const sessionId = 'sessionId' in decision ? decision.sessionId : undefined;
  return { t: decision.t, kind: decision.kind, sessionId, json: JSON.stringify(decision) };
}

export interface ReplayOptions {
  /** The key the recording's entry tokens were signed with; simulated runs use the demo store's. */
  storeKey?: Uint8Array;
}

/** What a replay keeps of the engine's decisions: the stored ones, the floor track points and their facts. */
export class ReplayOutput {
  readonly decisions: StoredDecisionInput[] = [];
  readonly trackPoints: TrackPoint[] = [];
  readonly facts: FactsProjector;

  constructor(store: StoreModel) {
    this.facts = new FactsProjector(store);
  }

  readonly observe = (decision: EngineDecision): void => {
    this.facts.observe(decision);
    if (decision.kind === 'track-point') this.trackPoints.push(decision);
    else if (!isTransient(decision)) this.decisions.push(toStored(decision));
  };
}

export interface EngineRun {
  stages: StageName[];
  inputs: number;
  /** Wall time of reading the recording and running the engine (and whatever onDecision does). */
  wallMs: number;
}

/** The whole recording through a fresh engine, as fast as it goes: the part of a replay that is timed. */
export function runEngineOver(
  db: StoreDatabase,
  store: StoreModel,
  meta: RunMeta,
  onDecision: (decision: EngineDecision) => void,
  options: ReplayOptions = {},
  progress?: (done: number) => void,
): EngineRun {
  const engine = createEngine(createStages(store, { storeKey: options.storeKey ?? DEMO_STORE_KEY }).all, onDecision);
  const span = Math.max(1, meta.endMs - meta.startMs);
  const started = performance.now();
  let inputs = 0;
  // Transient: the engine keeps nothing of an input, so plate runs come in reused arrays.
  for (const input of readRecording(db, { transient: true })) {
    engine.push(input);
    if (++inputs % 50_000 === 0) progress?.((inputTime(input) - meta.startMs) / span);
  }
  engine.advance(meta.endMs);
  engine.finish();
  return { stages: [...engine.stages], inputs, wallMs: performance.now() - started };
}

export function replayRunDir(dir: string, progress?: (done: number) => void, options: ReplayOptions = {}): ReplaySummary {
  const meta = readJson<RunMeta>(dir, 'meta');
  const db = openRunDatabase(dir, meta);
  try {
    const store = recordedStore(db);
    const output = new ReplayOutput(store);
    const run = runEngineOver(db, store, meta, output.observe, options, progress);
    db.decisions.replaceAll(output.decisions);
    db.facts.replaceAll('replay', meta.startMs, [output.facts.finish(meta.endMs)]);
    if (run.stages.includes('vision')) writeFileSync(runPath(dir, 'trackerFloor'), trackPointsToMotLines(output.trackPoints, meta.startMs));
    const summary: ReplaySummary = {
      stages: run.stages,
      inputs: run.inputs,
      decisions: output.decisions.length + output.trackPoints.length,
      recordingMs: meta.endMs - meta.startMs,
      wallMs: run.wallMs,
      realtimeFactor: (meta.endMs - meta.startMs) / Math.max(run.wallMs, 1e-3),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeJson(dir, 'replay', summary);
    return summary;
  } finally {
    db.close();
  }
}
