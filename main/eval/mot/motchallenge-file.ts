// MOTChallenge text files → MotDetections. Boxes: `frame,id,x,y,w,h[,conf,...]` in pixels; floor points:
// `frame,id,x,y[,...]` in metres. Columns after the coordinates are read past. Every row is kept: the
// MOT17 ground-truth "ignore" flag and distractor classes (TrackEval's MOTChallenge preprocessing) are
// not applied, because Walkout's ground truth comes from its simulator and has neither.
// A malformed line is refused with the file, the line number and what is wrong with it.
import { readFileSync } from 'node:fs';
import type { MotDetections } from './sequence';
import { coordinateStride, type MotKind } from './similarity';

export class MotFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'MotFileError';
  }
}

// A plain decimal number; Number() alone would also take '', '0x1f' and 'Infinity'.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const BOX_COLUMNS = ['frame', 'id', 'x', 'y', 'width', 'height'];
const POINT_COLUMNS = ['frame', 'id', 'x', 'y'];

/** Parse the text of a MOTChallenge file; `file` names it in errors. */
export function parseMotChallenge(text: string, file: string, kind: MotKind): MotDetections {
  const stride = coordinateStride(kind);
  const names = kind.kind === 'box' ? BOX_COLUMNS : POINT_COLUMNS;
  const frames: number[] = [];
  const ids: number[] = [];
  const coords: number[] = [];
  // Line of each id in the current run of one frame, to name both lines of a duplicate. Files are in
  // frame order in practice; a duplicate split across runs is still refused later, by evaluateMot.
  let runFrame = NaN;
  const seenInRun = new Map<number, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') return;
    const fail = (problem: string): never => {
      throw new MotFileError(file, lineNo, problem);
    };
    const fields = line.includes(',') ? line.split(',').map((f) => f.trim()) : line.split(/\s+/);
    // TrackEval tolerates one trailing separator ("1,2,3,4,"), so do we.
    if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    if (fields.length < names.length) {
      fail(`expected at least ${names.length} columns (${names.join(', ')}) for ${kind.kind === 'box' ? 'boxes' : 'floor points'}, found ${fields.length}`);
    }
    const values = names.map((name, k) => {
      const field = fields[k]!;
      if (!DECIMAL.test(field)) fail(`${name} ${field === '' ? 'is empty' : `'${field}' is not a number`}`);
      const value = Number(field);
      if (!Number.isFinite(value)) fail(`${name} '${field}' is out of range`);
      return value;
    });
    const [frame, id] = values as [number, number];
    if (!Number.isInteger(frame) || frame < 1) fail(`frame ${fields[0]} must be a whole number >= 1 (frames count from 1)`);
    if (!Number.isSafeInteger(id)) fail(`id ${fields[1]} must be a whole number`);
    if (kind.kind === 'box') {
      if (values[4]! < 0) fail(`width ${fields[4]} is negative`);
      if (values[5]! < 0) fail(`height ${fields[5]} is negative`);
    }
    if (frame !== runFrame) {
      runFrame = frame;
      seenInRun.clear();
    }
    const first = seenInRun.get(id);
    if (first !== undefined) fail(`id ${id} appears twice in frame ${frame} (first on line ${first})`);
    seenInRun.set(id, lineNo);
    frames.push(frame);
    ids.push(id);
    for (let k = 0; k < stride; k++) coords.push(values[2 + k]!);
  });
  return { frames: Float64Array.from(frames), ids: Float64Array.from(ids), coords: Float64Array.from(coords) };
}

/** Read and parse a MOTChallenge file. */
export function readMotChallengeFile(path: string, kind: MotKind): MotDetections {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`cannot read MOT file ${path}: ${reason}`);
  }
  return parseMotChallenge(text, path, kind);
}
