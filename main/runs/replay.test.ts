// The replay loop: handing the engine plate runs in reused arrays (transient reading) changes no
// decision, and `bench replay` times each phase over the whole recording.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineDecision } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { createStages } from '../engine/stages';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { loadDemoStore } from '../store/load';
import { runEngineOver } from './replay';
import { benchReplay } from './replay-bench';
import { openRunDatabase, readJson, recordedStore, type RunMeta } from './run-dir';
import { simulateToDir } from './simulate';

const dir = join(mkdtempSync(join(tmpdir(), 'walkout-replay-')), 'run');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay', () => {
  simulateToDir(loadDemoStore(), { outDir: dir, scenario: null, seed: 8, shoppers: 6, minutes: 2 });
  const meta = readJson<RunMeta>(dir, 'meta');

  it('makes the same decisions from transient inputs as from inputs of their own', () => {
    const db = openRunDatabase(dir, meta);
    try {
      const store = recordedStore(db);
      const transient: string[] = [];
      const run = runEngineOver(db, store, meta, (d) => transient.push(JSON.stringify(d)));
      const owned: string[] = [];
      const engine = createEngine(createStages(store, { storeKey: DEMO_STORE_KEY }).all, (d: EngineDecision) => owned.push(JSON.stringify(d)));
      let inputs = 0;
      for (const input of readRecording(db)) {
        engine.push(input);
        inputs++;
      }
      engine.advance(meta.endMs);
      engine.finish();
      expect(run.inputs).toBe(inputs);
      expect(transient.some((d) => d.includes('"shelf-event"'))).toBe(true);
      expect(transient).toEqual(owned);
    } finally {
      db.close();
    }
  });

  it('times reading, the engine and the whole replay loop, each over the whole recording', () => {
    const result = benchReplay(dir, 1);
    expect(result.phases.map((p) => p.phase)).toEqual(['read', 'engine', 'replay']);
    expect(result.recordingMs).toBe(meta.endMs - meta.startMs);
    expect(result.inputs).toBeGreaterThan(1000);
    for (const phase of result.phases) {
      expect(phase.runsMs).toHaveLength(1);
      expect(phase.realtimeFactor).toBeCloseTo(result.recordingMs / phase.wallMs);
    }
  });
});
