// The import and shelves commands as a script meets them: JSON on stdout (one line per shelf event),
// progress and warnings on stderr, and a broken file refused with its file and line and exit code 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../main';

let dir: string;
let logs: string[];
let errors: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkout-cli-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  logs = [];
  errors = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  return () => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  };
});

describe('walkout import / shelves', () => {
  it('writes a sample, imports it, and prints its shelf events as JSON lines and their score', async () => {
    await runCli(['import', 'autocheckout-sample', '--out', join(dir, 'sample'), '--minutes', '1', '--gondolas', '1', '--shelves', '2', '--plates', '3', '--seed', '3']);
    const sample = JSON.parse(logs.pop()!) as { weightsDir: string; productsFile: string; truthFile: string; events: number };
    expect(sample.events).toBeGreaterThan(5);

    await runCli(['import', 'autocheckout', '--weights', sample.weightsDir, '--products', sample.productsFile, '--out', join(dir, 'run')]);
    expect(process.exitCode).toBeUndefined();
    expect(JSON.parse(logs.pop()!)).toMatchObject({ plates: 6, facings: 6 });

    await runCli(['shelves', 'events', join(dir, 'run')]);
    const events = logs.splice(0).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(Object.keys(event)).toEqual(['start', 'end', 'gondola', 'shelf', 'plates', 'grams', 'plateGrams', 'product', 'sku', 'quantity', 'confidence']);

    await runCli(['shelves', 'score', join(dir, 'run'), '--truth', sample.truthFile]);
    expect(JSON.parse(logs.pop()!)).toMatchObject({ truth: sample.events, detected: events.length });
  });

  it('refuses a broken weight file with its file and line, and exit code 1', async () => {
    await runCli(['import', 'autocheckout-sample', '--out', join(dir, 'broken'), '--minutes', '1', '--gondolas', '1', '--shelves', '1', '--plates', '2']);
    writeFileSync(join(dir, 'broken', 'weights', 'gondola_1_shelf_1_plate_2.csv'), 'unix_ts,grams\n1580839200.0,12\n1580839200.1,twelve\n');
    await runCli(['import', 'autocheckout', '--weights', join(dir, 'broken', 'weights'), '--products', join(dir, 'broken', 'products.csv'), '--out', join(dir, 'broken-run')]);
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toContain('gondola_1_shelf_1_plate_2.csv:3: grams must be a number (got "twelve")');
  });
});
