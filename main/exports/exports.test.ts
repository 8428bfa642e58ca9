// Exports read back by independent readers: the Hive-partitioned Parquet tree and single files by
// DuckDB, CSV by csv-parse. Shoppers appear only as keyed pseudonyms; a failed write leaves no file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTables as tableNames } from '../../native-bridge/contract/analytics';
import { BusyStore } from '../analytics/busy-store';
import { buildAnalyticsReport } from '../analytics/report';
import { openStoreDatabase } from '../db';
import { loadDemoStore } from '../store/load';
import { csvCell } from './csv';
import { exportToDirectory, tableFile } from './export-files';
import { pseudonymiser, pseudonymKey } from './pseudonym';
import { analyticsReportPdf } from './report-pdf';
import { exportTables, type TableDefinition } from './tables';

const work = mkdtempSync(join(tmpdir(), 'walkout-exports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const store = loadDemoStore();
const db = openStoreDatabase(join(work, 'store.sqlite'), { storeId: store.layout.id });
new BusyStore(store).generate(db.facts, { firstDay: '2026-11-16', days: 2, sessionsPerDay: 40, seed: 3 });
const range = { fromDay: '2026-11-16', toDay: '2026-11-17' };
const key = pseudonymKey(db.settings);
const tables = exportTables({ store, db, pseudonym: pseudonymiser(key) });
const accounts = db.facts.listSessions({ limit: 1000 }).flatMap((s) => (s.account ? [s.account] : []));

async function duck(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

describe('pseudonyms', () => {
  it('are stable per store secret, differ between stores, and hide the account', () => {
    expect(pseudonymKey(db.settings)).toEqual(key);
    const p = pseudonymiser(key);
    expect(p('acct-1')).toBe(p('acct-1'));
    expect(p('acct-1')).toMatch(/^sh_[0-9a-f]{20}$/);
    expect(p('acct-1')).not.toBe(p('acct-2'));
    expect(pseudonymiser(Buffer.alloc(32, 7))('acct-1')).not.toBe(p('acct-1'));
    expect(p(undefined)).toBeNull();
  });
});

describe('Parquet, Hive-partitioned', () => {
  const out = join(work, 'hive');
  const progress: number[] = [];
  const written = exportToDirectory({ outDir: out, storeId: store.layout.id, tables: Object.values(tables), format: 'parquet', range, progress: (_p, done) => progress.push(done) });

  it('lays files out as TABLE/store=ID/date=DAY/ and reports progress to the end', () => {
    expect(readdirSync(out).sort()).toEqual([...tableNames].sort());
    expect(readdirSync(join(out, 'sessions', `store=${store.layout.id}`)).sort()).toEqual(['date=2026-11-16', 'date=2026-11-17']);
    expect(written.every((f) => f.bytes > 0 && existsSync(f.path))).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('reads back in DuckDB with the partition columns from the path and every row', async () => {
    const counts = db.facts.counts(range);
    const expected: Record<string, number> = { sessions: counts.sessions, receipts: counts.lines, 'shelf-events': counts.shelfEvents, 'zone-visits': counts.zoneVisits };
    for (const table of tableNames) {
      const [row] = await duck(`SELECT count(*) AS n, count(DISTINCT date) AS days, min(store) AS store FROM read_parquet('${out}/${table}/**/*.parquet', hive_partitioning = true)`);
      expect(row, table).toEqual({ n: String(expected[table]), days: '2', store: store.layout.id });
    }
    const sessions = await duck(`SELECT session_id, shopper, units, value_minor, entered_at, state FROM read_parquet('${out}/sessions/**/*.parquet', hive_partitioning = true) ORDER BY entered_at`);
    const first = db.facts.listSessions({ limit: 1000 }).at(-1)!;
    expect(sessions[0]).toMatchObject({ session_id: first.sessionId, units: first.units, value_minor: first.valueMinor, state: first.state });
    expect(new Date(`${String(sessions[0]!.entered_at)}Z`).getTime()).toBe(first.enteredMs);
    for (const s of sessions) expect(s.shopper === null || /^sh_[0-9a-f]{20}$/.test(String(s.shopper))).toBe(true);
  });

  it('never writes an account id', () => {
    const bytes = written.map((f) => readFileSync(f.path).toString('latin1')).join('');
    expect(accounts.length).toBeGreaterThan(10);
    for (const account of accounts) expect(bytes.includes(account)).toBe(false);
  });
});

describe('single files', () => {
  it('Parquet: one table over the range, partition columns inside, read by DuckDB', async () => {
    const file = tableFile(tables['zone-visits'], store.layout.id, range, 'parquet');
    expect(file.fileName).toBe(`walkout_${store.layout.id}_zone-visits_2026-11-16_2026-11-17.parquet`);
    const path = join(work, file.fileName);
    writeFileSync(path, file.bytes);
    const [row] = await duck(`SELECT count(*) AS n, min(date) AS first, round(sum(dwell_s)) AS dwell FROM read_parquet('${path}')`);
    const visits = [...db.facts.iterateZoneVisits(range)];
    expect(row).toEqual({ n: String(visits.length), first: '2026-11-16', dwell: Math.round(visits.reduce((s, v) => s + (v.exitedMs - v.enteredMs) / 1000, 0)) });
  });

  it('CSV: a header and every row, read back by csv-parse', () => {
    const file = tableFile(tables.receipts, store.layout.id, range, 'csv');
    const rows = parse(Buffer.from(file.bytes), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(file.rows);
    expect(rows.length).toBe(db.facts.counts(range).lines);
    expect(Object.keys(rows[0]!)).toEqual(tables.receipts.columns.map((c) => c.name));
    const [line] = [...db.facts.iterateLines(range)];
    expect(rows[0]).toMatchObject({ sku: line!.sku, quantity: String(line!.quantity), currency: 'EUR' });
  });

  it('guards spreadsheet formulas and writes times as ISO 8601', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(csvCell('-1+1')).toBe(`'-1+1`);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(new Date(Date.UTC(2026, 10, 16, 9, 30)))).toBe('2026-11-16T09:30:00.000Z');
    expect(csvCell(null)).toBe('');
  });
});

describe('a failed export', () => {
  it('leaves neither the file nor its temporary behind', () => {
    const broken: TableDefinition = {
      ...tables.sessions,
      *rows() {
        yield* tables.sessions.rows(range);
        throw new Error('disk gone');
      },
    };
    const out = join(work, 'broken');
    expect(() => exportToDirectory({ outDir: out, storeId: 'demo-store', tables: [broken], format: 'csv', range })).toThrow('disk gone');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('PDF report', () => {
  it('is a four-page PDF with the charts', async () => {
    const report = buildAnalyticsReport(store, db, { from: range.fromDay, to: range.toDay });
    const pdf = Buffer.from(await analyticsReportPdf(report, { generatedAt: new Date(Date.UTC(2026, 10, 18)) }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(4);
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});
