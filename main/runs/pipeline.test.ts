// sim → replay → eval end to end on a short run: every contract key is present, figures of stages
// the engine has are numbers, figures of stages it lacks are null, and a replay can be repeated.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoStore } from '../store/load';
import { evaluateRunDir } from './evaluate';
import { replayRunDir } from './replay';
import { openRunDatabase, readJson, runPath, type RunMeta } from './run-dir';
import { simulateToDir } from './simulate';

const dir = join(mkdtempSync(join(tmpdir(), 'walkout-pipeline-')), 'run');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contractKeys = [
  'receipt_precision', 'receipt_recall', 'receipt_f1', 'exact_receipt_rate', 'review_rate', 'unflagged_exact_rate',
  'event_precision', 'event_recall', 'product_accuracy', 'attribution_accuracy', 'hota', 'idf1', 'mota', 'realtime_factor',
] as const;

describe('sim → replay → eval', () => {
  simulateToDir(loadDemoStore(), { outDir: dir, scenario: null, seed: 5, shoppers: 6, minutes: 2 });
  const summary = replayRunDir(dir);
  const evaluation = evaluateRunDir(dir);
  const trackerFile = readFileSync(runPath(dir, 'trackerFloor'), 'utf8');

  it('reports every contract key, as a number or null', () => {
    for (const key of contractKeys) {
      const value = evaluation[key];
      expect(value === null || (typeof value === 'number' && Number.isFinite(value)), `${key} = ${value}`).toBe(true);
    }
  });

  it('scores exactly the stages the engine has', () => {
    expect(evaluation.stages).toEqual(summary.stages);
    const has = (stage: string) => summary.stages.includes(stage);
    expect(evaluation.event_precision === null).toBe(!has('shelves'));
    expect(evaluation.receipt_f1 === null).toBe(!has('fusion'));
    expect(evaluation.hota === null).toBe(!has('vision'));
    expect(evaluation.realtime_factor).toBeGreaterThan(0);
  });

  it('replays deterministically: a second replay replaces the decisions with identical ones', () => {
    const decisionsNow = () => {
      const meta = readJson<RunMeta>(dir, 'meta');
      const db = openRunDatabase(dir, meta);
      try {
        return db.decisions.list().map((d) => d.json);
      } finally {
        db.close();
      }
    };
    const first = decisionsNow();
    const again = replayRunDir(dir);
    expect(again.decisions).toBe(summary.decisions);
    expect(decisionsNow()).toEqual(first);
    expect(readFileSync(runPath(dir, 'trackerFloor'), 'utf8')).toBe(trackerFile);
    expect(evaluateRunDir(dir).counts).toEqual(evaluation.counts);
  });
});
