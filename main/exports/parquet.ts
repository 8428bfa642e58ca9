// Parquet of an exported table, written by hyparquet-writer (Snappy-compressed column chunks,
// statistics per column): the columns of the table definition with their Parquet types, every
// column nullable. Partition columns are left out when the file sits in a Hive partition folder,
// whose path already says them.
import { parquetWriteBuffer, type BasicType, type ColumnSource } from 'hyparquet-writer';
import type { CellValue, Column } from './tables';

const parquetType: Record<Column['type'], BasicType> = {
  STRING: 'STRING',
  INT32: 'INT32',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMP',
};

export interface ParquetOptions {
  /** Leave the partition columns out (they are in the Hive path). */
  partitioned: boolean;
  /** Written into the file's key-value metadata. */
  metadata?: Record<string, string>;
}

/** The rows as one Parquet file; returns its bytes and how many rows it holds. */
export function parquetFile(columns: readonly Column[], rows: Iterable<CellValue[]>, options: ParquetOptions): { bytes: Uint8Array; rows: number } {
  const kept = columns.map((c, i) => ({ column: c, index: i })).filter(({ column }) => !(options.partitioned && column.partition));
  const data: CellValue[][] = kept.map(() => []);
  let n = 0;
  for (const row of rows) {
    kept.forEach(({ index }, k) => data[k]!.push(row[index] ?? null));
    n++;
  }
  const columnData: ColumnSource[] = kept.map(({ column }, k) => ({
    name: column.name,
    data: data[k] as ColumnSource['data'],
    type: parquetType[column.type],
    nullable: true,
  }));
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    createdBy: 'walkout',
  });
  return { bytes: new Uint8Array(buffer), rows: n };
}
