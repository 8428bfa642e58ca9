// CSV of an exported table (RFC 4180 quoting by csv-stringify): a header line, then rows, produced
// in chunks so a month of zone visits streams to a file without being held whole. Times are ISO
// 8601 UTC; text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with
// an apostrophe, the usual guard against CSV injection.
import { stringify } from 'csv-stringify/sync';
import type { CellValue, Column } from './tables';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

/** The CSV text in chunks of about `rowsPerChunk` rows, header first. */
export function* csvChunks(columns: readonly Column[], rows: Iterable<CellValue[]>, rowsPerChunk = 2000): Generator<string> {
  yield stringify([columns.map((c) => c.name)]);
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(row.map(csvCell));
    if (batch.length >= rowsPerChunk) {
      yield stringify(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch);
}
