// `walkout bench replay DIR`: where a replay's time goes, on one core. Full passes over the run
// folder's recording, timed apart and storing nothing: reading it alone (decoding and merging), then
// reading and the engine, then all that `walkout replay` times (the engine's decisions kept and
// projected into facts as well). The three take turns `runs` times and each reports its median, so
// JIT warm-up and a busy machine weigh on all alike. Detector inference is not in it: recordings
// hold detections.
import { performance } from 'node:perf_hooks';
import { readRecording } from '../recording';
import { runEngineOver, ReplayOutput } from './replay';
import { openRunDatabase, readJson, recordedStore, type RunMeta } from './run-dir';

const phases = ['read', 'engine', 'replay'] as const;
type Phase = (typeof phases)[number];

export interface ReplayBenchPhase {
  phase: Phase;
  /** Median over the runs. */
  wallMs: number;
  /** Recording time over the median wall time. */
  realtimeFactor: number;
  runsMs: number[];
}

export interface ReplayBenchResult {
  scenario: string | null;
  recordingMs: number;
  inputs: number;
  phases: ReplayBenchPhase[];
}

export function benchReplay(dir: string, runs: number, log?: (line: string) => void): ReplayBenchResult {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`benchReplay: runs must be a whole number ≥ 1 (got ${runs})`);
  const meta = readJson<RunMeta>(dir, 'meta');
  const db = openRunDatabase(dir, meta);
  try {
    const store = recordedStore(db);
    let inputs = 0;
    const timed: Record<Phase, () => number> = {
      read: () => {
        const started = performance.now();
        const reading = readRecording(db, { transient: true });
        inputs = 0;
        while (!reading.next().done) inputs++;
        return performance.now() - started;
      },
      engine: () => runEngineOver(db, store, meta, () => {}).wallMs,
      replay: () => runEngineOver(db, store, meta, new ReplayOutput(store).observe).wallMs,
    };
    const runsMs: Record<Phase, number[]> = { read: [], engine: [], replay: [] };
    for (let run = 1; run <= runs; run++) {
      for (const phase of phases) {
        runsMs[phase].push(timed[phase]());
        log?.(`run ${run}/${runs} ${phase}: ${(runsMs[phase].at(-1)! / 1000).toFixed(2)} s`);
      }
    }
    const recordingMs = meta.endMs - meta.startMs;
    return {
      scenario: meta.scenario,
      recordingMs,
      inputs,
      phases: phases.map((phase) => {
        const wallMs = median(runsMs[phase]);
        return { phase, wallMs, realtimeFactor: recordingMs / Math.max(wallMs, 1e-3), runsMs: runsMs[phase] };
      }),
    };
  } finally {
    db.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
