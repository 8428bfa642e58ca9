// The weight files of the 2020 AutoCheckout data: one CSV per plate, `gondola_G_shelf_S_plate_P.csv`,
// with `unix_ts,grams` rows (seconds since 1970, a reading in grams; 60 Hz in the competition).
// Files are read twice: once to check every row and learn each plate's span and stocked level
// (nothing is written if any file is broken), once to put the readings on an even grid for the
// recording. Both passes read through the same checks, so they cannot disagree.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvRows, parseDecimal } from './csv-rows';
import { FileProblem, type ImportProblem } from './import-errors';
import { compareAddresses, parseWeightFileName, type PlateAddress } from './plate-address';

export const weightsHeader = ['unix_ts', 'grams'] as const;

export interface WeightFile {
  address: PlateAddress;
  name: string;
  path: string;
  bytes: number;
}

/** Seconds since 1970 above this are surely milliseconds (the year 5138). */
const MAX_UNIX_SECONDS = 1e11;
/** Readings beyond ±5 t cannot come from a shelf plate (and the recording could not hold them). */
const MAX_ABS_GRAMS = 5e6;

/** The plate files in `dir`, by address; other files are listed as ignored, never silently. */
export function listWeightFiles(dir: string): { files: WeightFile[]; ignored: string[]; problems: ImportProblem[] } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return { files: [], ignored: [], problems: [{ file: dir, message: 'is not a folder' }] };
    names = readdirSync(dir).sort();
  } catch {
    return { files: [], ignored: [], problems: [{ file: dir, message: 'folder not found' }] };
  }
  const files: WeightFile[] = [];
  const ignored: string[] = [];
  for (const name of names) {
    const address = parseWeightFileName(name);
    const path = join(dir, name);
    if (address && statSync(path).isFile()) files.push({ address, name, path, bytes: statSync(path).size });
    else ignored.push(name);
  }
  files.sort((a, b) => compareAddresses(a.address, b.address));
  const problems: ImportProblem[] =
    files.length === 0 ? [{ file: dir, message: 'holds no weight files named gondola_G_shelf_S_plate_P.csv' }] : [];
  return { files, ignored, problems };
}

/**
 * Every reading of a file, checked: numbers where numbers belong, unix seconds, no time going
 * backwards. Throws FileProblem (file and line) at the first broken row.
 */
export async function readWeights(file: WeightFile, onReading: (tMs: number, grams: number) => void): Promise<void> {
  let prevS = Number.NEGATIVE_INFINITY;
  let prevLine = 0;
  for await (const { line, fields } of csvRows(file.path, file.name, weightsHeader)) {
    const [tsText, gramsText] = fields as [string, string];
    const seconds = parseDecimal(tsText);
    if (seconds === undefined) throw new FileProblem({ file: file.name, line, message: `unix_ts must be a number (got "${tsText}")` });
    if (!(seconds > 0 && seconds < MAX_UNIX_SECONDS)) {
      const hint = seconds >= MAX_UNIX_SECONDS ? ': milliseconds? unix_ts is in seconds' : '';
      throw new FileProblem({ file: file.name, line, message: `unix_ts ${tsText} is not a time in seconds since 1970${hint}` });
    }
    if (seconds < prevS) {
      throw new FileProblem({ file: file.name, line, message: `unix_ts ${tsText} goes back in time (line ${prevLine} has ${prevS})` });
    }
    const grams = parseDecimal(gramsText);
    if (grams === undefined) throw new FileProblem({ file: file.name, line, message: `grams must be a number (got "${gramsText}")` });
    if (Math.abs(grams) > MAX_ABS_GRAMS) throw new FileProblem({ file: file.name, line, message: `grams ${gramsText} is beyond what a shelf plate can weigh` });
    prevS = seconds;
    prevLine = line;
    onReading(seconds * 1000, grams);
  }
}

/** What the checking pass learns of a plate. */
export interface PlateScan {
  file: WeightFile;
  readings: number;
  firstMs: number;
  lastMs: number;
  /** Readings that repeated the previous timestamp (the later one is kept). */
  repeatedTimes: number;
  /** Silences longer than the gap limit (the recording has no samples there). */
  gaps: number;
  /** The highest one-second median: the plate's stocked weight, hand presses left out. */
  stockedG: number;
}

export async function scanWeights(file: WeightFile, o: { hz: number; maxGapMs: number }): Promise<PlateScan> {
  const block = new Float64Array(Math.max(1, Math.round(o.hz)));
  let inBlock = 0;
  const scan: PlateScan = { file, readings: 0, firstMs: Number.NaN, lastMs: Number.NaN, repeatedTimes: 0, gaps: 0, stockedG: Number.NEGATIVE_INFINITY };
  const closeBlock = (): void => {
    const sorted = block.subarray(0, inBlock).sort();
    const median = sorted[Math.floor(inBlock / 2)]!;
    if (median > scan.stockedG) scan.stockedG = median;
    inBlock = 0;
  };
  await readWeights(file, (tMs, grams) => {
    if (scan.readings === 0) scan.firstMs = tMs;
    else if (tMs === scan.lastMs) scan.repeatedTimes++;
    else if (tMs - scan.lastMs > o.maxGapMs) scan.gaps++;
    scan.lastMs = tMs;
    scan.readings++;
    block[inBlock++] = grams;
    if (inBlock === block.length) closeBlock();
  });
  if (inBlock > 0) closeBlock();
  if (scan.readings === 0) throw new FileProblem({ file: file.name, message: 'has a header but no readings' });
  return scan;
}
