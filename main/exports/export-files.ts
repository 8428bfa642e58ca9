// Exports as files: one table over a range as a single CSV or Parquet file (the Analytics view's
// download), and every table as a Hive-partitioned tree `TABLE/store=ID/date=DAY/TABLE.parquet`
// (or one CSV per table) for `walkout export`, which DuckDB, Spark or Trino read directly. Files are
// written under a temporary name and renamed, so a killed export never leaves a half file behind.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat, ExportTable } from '../../native-bridge/contract/analytics';
import { daysBetween } from '../facts/local-time';
import type { DayRange } from '../facts/repository';
import { csvChunks } from './csv';
import { parquetFile } from './parquet';
import type { TableDefinition } from './tables';

export interface MadeFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  rows: number;
}

const mimeTypes: Record<ExportFormat, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet' };

export function fileBaseName(storeId: string, table: ExportTable, range: DayRange): string {
  return `walkout_${storeId}_${table}_${range.fromDay}_${range.toDay}`;
}

/** One table over the range as one file, partition columns included. */
export function tableFile(table: TableDefinition, storeId: string, range: DayRange, format: ExportFormat): MadeFile {
  const fileName = `${fileBaseName(storeId, table.name, range)}.${format}`;
  if (format === 'parquet') {
    const { bytes, rows } = parquetFile(table.columns, table.rows(range), { partitioned: false, metadata: { 'walkout.table': table.name, 'walkout.range': `${range.fromDay}/${range.toDay}` } });
    return { fileName, mimeType: mimeTypes.parquet, bytes, rows };
  }
  let rows = -1;
  const text = [...csvChunks(table.columns, countRows(table.rows(range), (n) => (rows = n)))].join('');
  return { fileName, mimeType: mimeTypes.csv, bytes: new TextEncoder().encode(text), rows };
}

function* countRows<T>(rows: Iterable<T>, done: (n: number) => void): Generator<T> {
  let n = 0;
  for (const row of rows) {
    n++;
    yield row;
  }
  done(n);
}

export interface DirectoryExportOptions {
  outDir: string;
  storeId: string;
  tables: readonly TableDefinition[];
  format: ExportFormat;
  range: DayRange;
  /** Fraction of the work done, after each table (CSV) or table-day (Parquet). */
  progress?: (phase: string, done: number) => void;
}

export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
}

export function exportToDirectory(o: DirectoryExportOptions): WrittenFile[] {
  const written: WrittenFile[] = [];
  const days = daysBetween(o.range.fromDay, o.range.toDay);
  const steps = o.format === 'parquet' ? o.tables.length * days.length : o.tables.length;
  let step = 0;
  for (const table of o.tables) {
    if (o.format === 'csv') {
      const path = join(o.outDir, `${fileBaseName(o.storeId, table.name, o.range)}.csv`);
      mkdirSync(o.outDir, { recursive: true });
      written.push(writeAtomically(path, (fd) => {
        let rows = 0;
        for (const chunk of csvChunks(table.columns, countRows(table.rows(o.range), (n) => (rows = n)))) writeSync(fd, chunk);
        return rows;
      }));
      o.progress?.(`csv ${table.name}`, ++step / steps);
      continue;
    }
    for (const day of days) {
      const { bytes, rows } = parquetFile(table.columns, table.rows({ fromDay: day, toDay: day }), { partitioned: true, metadata: { 'walkout.table': table.name } });
      if (rows > 0) {
        const dir = join(o.outDir, table.name, `store=${o.storeId}`, `date=${day}`);
        mkdirSync(dir, { recursive: true });
        written.push(writeAtomically(join(dir, `${table.name}.parquet`), (fd) => (writeSync(fd, bytes), rows)));
      }
      o.progress?.(`parquet ${table.name}`, ++step / steps);
    }
  }
  return written;
}

function writeAtomically(path: string, write: (fd: number) => number): WrittenFile {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let rows: number;
  try {
    rows = write(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, path);
  return { path, rows, bytes: statSync(path).size };
}
