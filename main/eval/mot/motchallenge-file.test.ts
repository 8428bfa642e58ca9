import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MotFileError, parseMotChallenge, readMotChallengeFile } from './motchallenge-file';
import type { MotKind } from './similarity';

const box: MotKind = { kind: 'box' };
const point: MotKind = { kind: 'point', zeroDistance: 2 };

describe('parseMotChallenge', () => {
  it('reads MOTChallenge box rows, past the conf/x/y/z columns', () => {
    const d = parseMotChallenge('1,3,10.5,20,30,40,1,-1,-1,-1\r\n1, 4, 0, 0, 5, 5, 0.9\n\n2,3,11,20,30,40,', 'gt.txt', box);
    expect(Array.from(d.frames)).toEqual([1, 1, 2]);
    expect(Array.from(d.ids)).toEqual([3, 4, 3]);
    expect(Array.from(d.coords)).toEqual([10.5, 20, 30, 40, 0, 0, 5, 5, 11, 20, 30, 40]);
  });

  it('reads floor points in metres, comma or whitespace separated', () => {
    const d = parseMotChallenge('\uFEFF1,8,3.25,-1e-1\n2 8 3.5 0.5 0.99\n', 'floor.txt', point);
    expect(Array.from(d.coords)).toEqual([3.25, -0.1, 3.5, 0.5]);
    expect(Array.from(d.frames)).toEqual([1, 2]);
  });

  it.each([
    ['1,2,3,4,5', box, 'gt.txt:1: expected at least 6 columns (frame, id, x, y, width, height) for boxes, found 5'],
    ['1,2,3', point, 'gt.txt:1: expected at least 4 columns (frame, id, x, y) for floor points, found 3'],
    ['\n1,2,abc,4', point, "gt.txt:2: x 'abc' is not a number"],
    ['1,2,,4', point, 'gt.txt:1: x is empty'],
    ['1,2,0x10,4', point, "gt.txt:1: x '0x10' is not a number"],
    ['0,2,1,1', point, 'gt.txt:1: frame 0 must be a whole number >= 1 (frames count from 1)'],
    ['1.5,2,1,1', point, 'gt.txt:1: frame 1.5 must be a whole number'],
    ['1,2.5,1,1', point, 'gt.txt:1: id 2.5 must be a whole number'],
    ['1,2,1,1,-3,4', box, 'gt.txt:1: width -3 is negative'],
    ['1,2,1,1,3,-4', box, 'gt.txt:1: height -4 is negative'],
    ['1,2,1e999,1', point, "gt.txt:1: x '1e999' is out of range"],
    ['1,2,0,0\n1,3,0,0\n1,2,5,5', point, 'gt.txt:3: id 2 appears twice in frame 1 (first on line 1)'],
  ] as const)('refuses %j: %s', (text, kind, message) => {
    expect(() => parseMotChallenge(text, 'gt.txt', kind)).toThrow(message);
  });

  it('throws MotFileError carrying the file and the line', () => {
    try {
      parseMotChallenge('1,1,0,0\nx', 'tr.txt', point);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MotFileError);
      expect((error as MotFileError).file).toBe('tr.txt');
      expect((error as MotFileError).line).toBe(2);
    }
  });

  it('accepts "1.0"-style whole numbers as TrackEval does (int(float(...)))', () => {
    const d = parseMotChallenge('1.0,7.0,0,0', 'tr.txt', point);
    expect([d.frames[0], d.ids[0]]).toEqual([1, 7]);
  });
});

describe('readMotChallengeFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'walkout-mot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file and names it in errors', () => {
    const good = join(dir, 'good.txt');
    writeFileSync(good, '1,1,0,0,1,1\n');
    expect(Array.from(readMotChallengeFile(good, box).ids)).toEqual([1]);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '1,1,0,0,1,1\n2;1;0;0;1;1\n');
    expect(() => readMotChallengeFile(bad, box)).toThrow(`${bad}:2: expected at least 6 columns`);
    expect(() => readMotChallengeFile(join(dir, 'missing.txt'), box)).toThrow(/cannot read MOT file .*missing\.txt: no such file/);
  });
});
