// `walkout bench accuracy`: every named scenario through sim → replay → eval, as a table of the
// metrics against the number of shoppers, plus engine speed and peak memory. The replay runs in a
// child process so its peak memory is its own, not the simulator's.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../sim/scenarios';
import type { StoreModel } from '../store/schema';
import { evaluateRunDir, type Evaluation } from './evaluate';
import type { ReplaySummary } from './run-dir';
import { simulateToDir } from './simulate';

export interface AccuracyRow {
  scenario: string;
  seed: number;
  shoppers: number;
  minutes: number;
  sessions: number;
  evaluation: Evaluation;
  replay: ReplaySummary;
}

export interface BenchAccuracyOptions {
  store: StoreModel;
  scenarios: readonly Scenario[];
  workDir: string;
  seedOf: (scenario: Scenario) => number;
  /** How to run `walkout replay DIR` in a child process. */
  replayCommand: (dir: string) => { command: string; args: string[] };
  log: (line: string) => void;
}

export function benchAccuracy(options: BenchAccuracyOptions): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const scenario of options.scenarios) {
    const seed = options.seedOf(scenario);
    const dir = join(options.workDir, `${scenario.name}-${seed}`);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    options.log(`${scenario.name} (seed ${seed}): simulating ${scenario.minutes} min with about ${scenario.behaviour.shoppers ?? 20} shoppers…`);
    const sim = simulateToDir(options.store, {
      outDir: dir,
      scenario: scenario.name,
      seed,
      shoppers: scenario.behaviour.shoppers ?? 20,
      minutes: scenario.minutes,
      behaviour: scenario.behaviour,
      ...(scenario.sensors ? { sensors: scenario.sensors } : {}),
    });
    options.log(`${scenario.name}: replaying ${sim.inputs} inputs…`);
    const { command, args } = options.replayCommand(dir);
    const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`replay of ${dir} failed (${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    const replay = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ReplaySummary;
    const evaluation = evaluateRunDir(dir);
    rows.push({ scenario: scenario.name, seed, shoppers: scenario.behaviour.shoppers ?? 20, minutes: scenario.minutes, sessions: sim.sessions, evaluation, replay });
  }
  return rows;
}

const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '—' : v.toFixed(digits));

/** The table as Markdown, ready for the README. */
export function accuracyTable(rows: readonly AccuracyRow[]): string {
  const header = ['scenario', 'shoppers', 'sessions', 'receipt F1', 'exact', 'review', 'review (doubt)', 'unflagged exact', 'event P', 'event R', 'product', 'attribution', 'HOTA 1 m', 'IDF1 1 m', 'MOTA 1 m', '× real time', 'peak MB'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    const e = r.evaluation;
    lines.push(
      `| ${[
        r.scenario,
        r.shoppers,
        r.sessions,
        fmt(e.receipt_f1),
        fmt(e.exact_receipt_rate),
        fmt(e.review_rate),
        fmt(e.doubt_review_rate),
        fmt(e.unflagged_exact_rate),
        fmt(e.event_precision),
        fmt(e.event_recall),
        fmt(e.product_accuracy),
        fmt(e.attribution_accuracy),
        fmt(e.hota),
        fmt(e.idf1),
        fmt(e.mota),
        fmt(r.replay.realtimeFactor, 1),
        (r.replay.peakRssBytes / 2 ** 20).toFixed(0),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
