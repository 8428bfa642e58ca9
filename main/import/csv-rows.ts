// Reads a CSV file as numbered rows through csv-parse, streaming, checking its header first. Every
// failure becomes a FileProblem naming the file and line: a missing file, an empty one, a wrong
// header, a row with more or fewer fields than the header, broken quoting.
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { FileProblem } from './import-errors';

export interface CsvRow {
  /** 1-based line of the row in the file. */
  line: number;
  fields: string[];
}

/** A plain decimal number (no hex, no "Infinity", no empty string, which Number() would all accept). */
const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseDecimal(text: string): number | undefined {
  return decimal.test(text) ? Number(text) : undefined;
}

export function parseWholeNumber(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * The rows after the header, which must be `header` (compared case-insensitively, spaces around
 * names ignored). `label` is how problems name the file.
 */
export async function* csvRows(path: string, label: string, header: readonly string[]): AsyncGenerator<CsvRow> {
  const parser = createReadStream(path).pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (first) {
        first = false;
        const got = record.map((name) => name.toLowerCase());
        if (got.length !== header.length || got.some((name, i) => name !== header[i]!.toLowerCase())) {
          throw new FileProblem({ file: label, line: info.lines, message: `the header must be "${header.join(',')}" (got "${record.join(',')}")` });
        }
        continue;
      }
      if (record.length !== header.length) {
        throw new FileProblem({ file: label, line: info.lines, message: `has ${record.length} fields where the header has ${header.length}` });
      }
      yield { line: info.lines, fields: record };
    }
  } catch (error) {
    throw asFileProblem(error, label);
  } finally {
    parser.destroy();
  }
  if (first) throw new FileProblem({ file: label, message: `is empty: expected the header "${header.join(',')}"` });
}

function asFileProblem(error: unknown, label: string): FileProblem {
  if (error instanceof FileProblem) return error;
  if (error instanceof CsvError) {
    // Broken quoting and the like: csv-parse's own words, with the line it stopped at.
    const { lines } = error as CsvError & { lines?: number };
    return new FileProblem({ file: label, ...(lines ? { line: lines } : {}), message: error.message });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FileProblem({ file: label, message: 'file not found' });
  return new FileProblem({ file: label, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
}
