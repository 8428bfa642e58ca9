import { Command } from 'commander';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { motReport, registerMot } from './mot';

const dir = mkdtempSync(join(tmpdir(), 'walkout-mot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// The "idswitch" case of the shared TrackEval vectors: one identity switch in eight detections.
const gtBoxes = file('gt.txt', '1,1,0,0,10,10,1,-1,-1,-1\n1,2,50,0,10,10\n2,1,0,0,10,10\n2,2,50,0,10,10\n3,1,0,0,10,10\n3,2,50,0,10,10\n4,1,0,0,10,10\n4,2,50,0,10,10\n');
const trBoxes = file('tr.txt', '1,7,0,0,10,10\n1,8,50,0,10,10\n2,7,0,0,10,10\n2,8,50,0,10,10\n3,8,50,0,10,10\n3,9,0,0,10,10\n4,8,50,0,10,10\n4,9,0,0,10,10\n');

async function run(args: string[]): Promise<string> {
  const program = new Command('walkout').exitOverride();
  registerMot(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await program.parseAsync(args, { from: 'user' });
  expect(log).toHaveBeenCalledTimes(1);
  return String(log.mock.calls[0]![0]);
}

describe('walkout mot', () => {
  it('prints one JSON object with the TrackEval metrics and the counts', async () => {
    const report = JSON.parse(await run(['mot', '--gt', gtBoxes, '--tracker', trBoxes]));
    expect(report).toMatchObject({ similarity: 'iou', DetA: 1, AssA: 0.75, LocA: 1, MOTA: 0.875, MOTP: 1, IDSW: 1, IDF1: 0.75, IDP: 0.75, IDR: 0.75 });
    expect(report.HOTA).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(report.counts).toEqual({ gtIds: 2, trackerIds: 3, frames: 4, gtDets: 8, trackerDets: 8 });
  });

  it('scores floor points with --points and --zero-distance', async () => {
    const gt = file('gt-floor.txt', '1,1,0,0\n2,1,0,0\n');
    const tr = file('tr-floor.txt', '1,5,1.5,0\n2,5,1.5,0\n');
    const wide = JSON.parse(await run(['mot', '--gt', gt, '--tracker', tr, '--points', '--zero-distance', '4']));
    expect(wide).toMatchObject({ similarity: { kind: 'point', zeroDistanceM: 4 }, MOTA: 1, MOTP: 0.625 });
    vi.restoreAllMocks();
    const narrow = JSON.parse(await run(['mot', '--gt', gt, '--tracker', tr, '--points'])); // default 2 m: 1.5 m is too far
    expect(narrow).toMatchObject({ similarity: { kind: 'point', zeroDistanceM: 2 }, TP: 0, FN: 2, FP: 2 });
  });

  it('names the file and line of a malformed row', () => {
    const bad = file('bad.txt', '1,1,0,0,10,10\n2,1,zero,0,10,10\n');
    expect(() => motReport({ gt: gtBoxes, tracker: bad })).toThrow(`${bad}:2: x 'zero' is not a number`);
  });

  it('refuses --zero-distance without --points, and a zero distance that is not positive', async () => {
    expect(() => motReport({ gt: gtBoxes, tracker: trBoxes, zeroDistance: 3 })).toThrow('--zero-distance applies only with --points');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(run(['mot', '--gt', gtBoxes, '--tracker', trBoxes, '--points', '--zero-distance', '-1'])).rejects.toThrow(/positive number of metres/);
  });

  it('requires --gt and --tracker', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(run(['mot', '--gt', gtBoxes])).rejects.toThrow(/--tracker/);
  });
});
