// `walkout replay`: the recorded inputs through the engine as fast as the CPU allows, its decisions
// stored in the run's database (replacing any earlier replay's) with their facts (main/facts), and floor tracks in a MOT file.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { EngineDecision, TrackPoint } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { inputTime } from '../engine/inputs';
import { createStages } from '../engine/stages';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import type { StoredDecisionInput } from '../db';
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

export function replayRunDir(dir: string, progress?: (done: number) => void, options: ReplayOptions = {}): ReplaySummary {
  const meta = readJson<RunMeta>(dir, 'meta');
  const db = openRunDatabase(dir, meta);
  try {
    const store = recordedStore(db);
    const decisions: StoredDecisionInput[] = [];
    const trackPoints: TrackPoint[] = [];
    const facts = new FactsProjector(store);
    const engine = createEngine(createStages(store, { storeKey: options.storeKey ?? DEMO_STORE_KEY }).all, (decision) => {
      facts.observe(decision);
      if (decision.kind === 'track-point') trackPoints.push(decision);
      else decisions.push(toStored(decision));
    });
    const span = Math.max(1, meta.endMs - meta.startMs);
    const started = performance.now();
    let inputs = 0;
    for (const input of readRecording(db)) {
      engine.push(input);
      if (++inputs % 50_000 === 0) progress?.((inputTime(input) - meta.startMs) / span);
    }
    engine.advance(meta.endMs);
    engine.finish();
    const wallMs = performance.now() - started;
    db.decisions.replaceAll(decisions);
    db.facts.replaceAll('replay', meta.startMs, [facts.finish(meta.endMs)]);
    if (engine.stages.includes('vision')) writeFileSync(runPath(dir, 'trackerFloor'), trackPointsToMotLines(trackPoints, meta.startMs));
    const summary: ReplaySummary = {
      stages: [...engine.stages],
      inputs,
      decisions: decisions.length + trackPoints.length,
      recordingMs: meta.endMs - meta.startMs,
      wallMs,
      realtimeFactor: (meta.endMs - meta.startMs) / Math.max(wallMs, 1e-3),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeJson(dir, 'replay', summary);
    return summary;
  } finally {
    db.close();
  }
}
