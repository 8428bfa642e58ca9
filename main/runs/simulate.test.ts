// `walkout sim` is deterministic down to the byte: the same seed writes identical files, another
// seed does not; a run folder is never overwritten.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoStore } from '../store/load';
import { runFiles } from './run-dir';
import { simulateToDir } from './simulate';

const root = mkdtempSync(join(tmpdir(), 'walkout-sim-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = loadDemoStore();

function simulate(name: string, seed: number) {
  const outDir = join(root, name);
  const report = simulateToDir(store, { outDir, scenario: null, seed, shoppers: 4, minutes: 1 });
  const digest = (file: string) => createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex');
  return { report, hashes: [runFiles.recording, runFiles.truth, runFiles.truthFloor, runFiles.meta].map(digest) };
}

describe('walkout sim', () => {
  const first = simulate('a', 42);

  it('writes a recording with weight samples, detections and ground truth', () => {
    expect(first.report.samples).toBeGreaterThan(1362 * 60 * 50);
    expect(first.report.inputs).toBeGreaterThan(1000);
    expect(first.report.bytesPerWeightSample).toBeGreaterThan(0);
    expect(first.report.bytesPerWeightSample).toBeLessThan(4);
  });

  it('gives byte-identical files for the same seed', () => {
    expect(simulate('b', 42).hashes).toEqual(first.hashes);
  });

  it('gives different files for another seed', () => {
    expect(simulate('c', 43).hashes[0]).not.toEqual(first.hashes[0]);
  });

  it('refuses to write over an existing run', () => {
    expect(() => simulateToDir(store, { outDir: join(root, 'a'), scenario: null, seed: 1, shoppers: 1, minutes: 1 })).toThrow(/already holds a recording/);
  });
});
