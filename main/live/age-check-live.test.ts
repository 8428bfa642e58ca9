// An ID check through the real live pipeline on the simulator: it marks an open session once,
// refuses sessions that are not open, is recorded in the input log, and a replay of that log makes
// the same age-check decision and the same receipt for the session as the live run did.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../db';
import type { EngineDecision } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { createStages } from '../engine/stages';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { loadDemoStore } from '../store/load';
import { createLivePipeline } from './live-pipeline';
import { simulatedInputs } from './simulated-feed';
import { playSimulated } from './test-support/live-harness';

const dir = mkdtempSync(join(tmpdir(), 'walkout-age-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('staff ID check on the live pipeline', () => {
  it('marks an open session once, refuses others, and replays to the same decisions', () => {
    const store = loadDemoStore();
    const db = openStoreDatabase(join(dir, 'live.sqlite'), { storeId: store.layout.id });
    const pipeline = createLivePipeline({ store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 });
    const startMs = Date.UTC(2026, 4, 6, 12, 0, 0);
    const inputs = simulatedInputs(store, { shoppers: 8, speed: 1, seed: 11, startMs });
    const endMs = startMs + 90_000;
    let checked: string | undefined;
    playSimulated(inputs, {
      startMs,
      endMs,
      push: (input) => pipeline.push(input),
      tick: (t) => {
        pipeline.advance(t);
        const open = pipeline.frame(t).shoppers.find((s) => s.sessionId !== undefined);
        if (!checked && open && t > startMs + 20_000) {
          checked = open.sessionId!;
          expect(pipeline.ageCheck('maria', checked)).toEqual({ by: 'maria', t });
          expect(() => pipeline.ageCheck('rui', checked!)).toThrow(`session ${checked}: the ID was already checked by maria`);
          expect(() => pipeline.ageCheck('rui', 'S9999')).toThrow('session S9999 is not open: it has had its receipt, or never was');
        }
      },
    });
    pipeline.close();
    expect(checked).toBeDefined();

    const stored = (kind: string) => db.decisions.list({ kinds: [kind], sessionId: checked!, runId: pipeline.run.id }).map((row) => JSON.parse(row.json) as EngineDecision);
    const liveChecks = stored('age-check');
    expect(liveChecks).toEqual([{ kind: 'age-check', t: expect.any(Number), sessionId: checked, actor: 'maria', outcome: 'applied' }]);
    const liveReceipt = stored('receipt')[0];
    expect(liveReceipt).toBeDefined();
    expect((liveReceipt as { flags: string[] }).flags).not.toContain('age-restricted');

    const replayed: EngineDecision[] = [];
    const engine = createEngine(createStages(store, { storeKey: DEMO_STORE_KEY }).all, (d) => replayed.push(d));
    for (const input of readRecording(db)) engine.push(input);
    engine.finish();
    db.close();
    expect(replayed.filter((d) => d.kind === 'age-check')).toEqual(liveChecks);
    const replayReceipt = replayed.find((d) => d.kind === 'receipt' && d.sessionId === checked);
    expect(replayReceipt).toMatchObject({ status: (liveReceipt as { status: string }).status, flags: (liveReceipt as { flags: string[] }).flags });
  }, 120_000);
});
