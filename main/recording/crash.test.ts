// A recorder killed with SIGKILL (no close, no cleanup) loses only what it had not committed: the
// recording that remains is, source by source, an exact prefix of what it was given, decodes
// without a single damaged batch, and holds everything older than about two seconds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { inputTime, type EngineInput } from '../engine/inputs';
import { inputSource } from './codec';
import { readRecording } from './reader';
import { recorded, sampleInputs } from './test-inputs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

/** Runs the fixture until it prints `readyWhen`, waits `killAfterMs`, SIGKILLs it; resolves to its output. */
function runAndKill(env: Record<string, string>, readyWhen: RegExp, killAfterMs = 0): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-writer.fixture.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let killing = false;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`recorder exited on its own (code ${code}, signal ${signal}) before it was killed:\n${out}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killing && readyWhen.test(out)) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
  });
}

function bySource(inputs: Iterable<EngineInput>): Map<string, EngineInput[]> {
  const map = new Map<string, EngineInput[]>();
  for (const input of inputs) {
    const key = `${input.kind}/${inputSource(input)}`;
    map.set(key, [...(map.get(key) ?? []), input]);
  }
  return map;
}

/** Every source's recorded inputs are the first ones it was given, at the recorded resolution. */
function expectPrefixes(recording: Map<string, EngineInput[]>, given: Map<string, EngineInput[]>): void {
  for (const [key, inputs] of recording) {
    expect(given.has(key), key).toBe(true);
    expect(inputs, key).toEqual(given.get(key)!.slice(0, inputs.length).map(recorded));
  }
}

describe('a recorder killed mid-way', () => {
  it('loses only the tail it had not committed', async () => {
    const file = tempDbPath();
    const stopAtMs = 7600;
    const out = await runAndKill({ DB_FILE: file, MODE: 'pause', STOP_AT_MS: String(stopAtMs) }, /\}\n/);
    const { written, committed } = JSON.parse(out) as { written: number; committed: number };

    const db = openStoreDatabase(file, { storeId: 'demo-store' });
    const recording = [...readRecording(db)];
    db.close();
    const given = sampleInputs({ seconds: 10 }).filter((i) => inputTime(i) < stopAtMs);
    expect(given).toHaveLength(written);
    expect(recording).toHaveLength(committed);
    expect(committed).toBeLessThan(written);
    expectPrefixes(bySource(recording), bySource(given));
    // Everything more than a batch span plus a commit span old was committed, from every source.
    const expectedKept = given.filter((i) => inputTime(i) < stopAtMs - 2000);
    for (const [key, inputs] of bySource(expectedKept)) {
      expect(bySource(recording).get(key)?.length ?? 0, key).toBeGreaterThanOrEqual(inputs.length);
    }
  }, 60_000);

  it('leaves a readable recording wherever it is killed', async () => {
    const file = tempDbPath();
    const lapSeconds = 2;
    await runAndKill({ DB_FILE: file, MODE: 'endless', LAP_SECONDS: String(lapSeconds), COMMIT_SPAN_MS: '200' }, /running/, 150);

    const db = openStoreDatabase(file, { storeId: 'demo-store' });
    const recording = [...readRecording(db)];
    const lastMs = db.inputLog.stats().lastMs ?? 0;
    db.close();
    expect(recording.length).toBeGreaterThan(0);
    const laps = Math.ceil((lastMs - 1000) / (lapSeconds * 1000)) + 1;
    const given = Array.from({ length: laps }, (_, lap) => sampleInputs({ fromMs: 1000 + lap * lapSeconds * 1000, seconds: lapSeconds, seed: lap })).flat();
    expectPrefixes(bySource(recording), bySource(given));
  }, 60_000);
});
