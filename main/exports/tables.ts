// The exported tables (sessions, receipts, shelf events, zone visits): their columns with a Parquet
// type each, and their rows read from the facts over a range of days. CSV and Parquet writers share
// these definitions, so both formats always carry the same columns. Shoppers appear only as
// pseudonyms; token nonces (which the shopper's app also knows) are never exported.
import type { ExportTable } from '../../native-bridge/contract/analytics';
import type { StoreDatabase } from '../db';
import type { DayRange } from '../facts/repository';
import type { StoreModel } from '../store/schema';
import type { Pseudonymiser } from './pseudonym';

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP';
export type CellValue = string | number | boolean | Date | null;

export interface Column {
  name: string;
  type: ColumnType;
  /** Hive partition columns: in the path of a partitioned export, in the file of a single one. */
  partition?: boolean;
}

export interface TableDefinition {
  name: ExportTable;
  columns: Column[];
  /** Rows as arrays in column order. */
  rows(range: DayRange): Iterable<CellValue[]>;
  count(range: DayRange): number;
}

export interface ExportContext {
  store: StoreModel;
  db: StoreDatabase;
  pseudonym: Pseudonymiser;
}

const at = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const partitionColumns: Column[] = [
  { name: 'store', type: 'STRING', partition: true },
  { name: 'date', type: 'STRING', partition: true },
];

export function exportTables({ store, db, pseudonym }: ExportContext): Record<ExportTable, TableDefinition> {
  const storeId = store.layout.id;
  const productName = new Map(store.catalog.map((p) => [p.sku, p.name]));
  const zoneName = new Map(store.layout.zones.map((z) => [z.id, z.name]));
  return {
    sessions: {
      name: 'sessions',
      columns: [
        ...partitionColumns,
        { name: 'run_id', type: 'INT32' },
        { name: 'session_id', type: 'STRING' },
        { name: 'kind', type: 'STRING' },
        { name: 'shopper', type: 'STRING' },
        { name: 'entry_gate', type: 'STRING' },
        { name: 'group_size', type: 'INT32' },
        { name: 'people', type: 'INT32' },
        { name: 'entered_at', type: 'TIMESTAMP' },
        { name: 'exited_at', type: 'TIMESTAMP' },
        { name: 'closed_at', type: 'TIMESTAMP' },
        { name: 'hour', type: 'INT32' },
        { name: 'state', type: 'STRING' },
        { name: 'flagged', type: 'BOOLEAN' },
        { name: 'flags', type: 'STRING' },
        { name: 'units', type: 'INT32' },
        { name: 'value_minor', type: 'INT32' },
        { name: 'currency', type: 'STRING' },
        { name: 'picked_units', type: 'INT32' },
        { name: 'put_back_units', type: 'INT32' },
      ],
      *rows(range) {
        for (const s of db.facts.iterateSessions(range)) {
          yield [
            storeId, s.day, s.runId, s.sessionId, s.kind, pseudonym(s.account), s.gate ?? null, s.groupSize, s.people,
            at(s.enteredMs), at(s.exitedMs), at(s.closedMs), s.hour, s.state, s.flags.length > 0, s.flags.join(' '),
            s.units, s.valueMinor, store.layout.currency, s.pickedUnits, s.putBackUnits,
          ];
        }
      },
      count: (range) => db.facts.counts(range).sessions,
    },
    receipts: {
      name: 'receipts',
      columns: [
        ...partitionColumns,
        { name: 'run_id', type: 'INT32' },
        { name: 'session_id', type: 'STRING' },
        { name: 'shopper', type: 'STRING' },
        { name: 'sku', type: 'STRING' },
        { name: 'product', type: 'STRING' },
        { name: 'quantity', type: 'INT32' },
        { name: 'unit_price_minor', type: 'INT32' },
        { name: 'line_total_minor', type: 'INT32' },
        { name: 'currency', type: 'STRING' },
        { name: 'confidence', type: 'DOUBLE' },
      ],
      *rows(range) {
        for (const l of db.facts.iterateLines(range)) {
          const price = l.unitPriceMinor ?? null;
          yield [
            storeId, l.day, l.runId, l.sessionId, pseudonym(l.account), l.sku, productName.get(l.sku) ?? null, l.quantity, price,
            price === null ? null : price * l.quantity, store.layout.currency, l.confidence,
          ];
        }
      },
      count: (range) => db.facts.counts(range).lines,
    },
    'shelf-events': {
      name: 'shelf-events',
      columns: [
        ...partitionColumns,
        { name: 'run_id', type: 'INT32' },
        { name: 'event_id', type: 'STRING' },
        { name: 'session_id', type: 'STRING' },
        { name: 'started_at', type: 'TIMESTAMP' },
        { name: 'ended_at', type: 'TIMESTAMP' },
        { name: 'hour', type: 'INT32' },
        { name: 'fixture', type: 'STRING' },
        { name: 'shelf', type: 'STRING' },
        { name: 'plates', type: 'STRING' },
        { name: 'zone', type: 'STRING' },
        { name: 'delta_grams', type: 'DOUBLE' },
        { name: 'sku', type: 'STRING' },
        { name: 'quantity', type: 'INT32' },
        { name: 'probability', type: 'DOUBLE' },
        { name: 'attribution', type: 'STRING' },
        { name: 'attribution_probability', type: 'DOUBLE' },
      ],
      *rows(range) {
        for (const e of db.facts.iterateShelfEvents(range)) {
          yield [
            storeId, e.day, e.runId, e.eventId, e.sessionId ?? null, at(e.startMs), at(e.endMs), e.hour, e.fixture, e.shelf,
            e.plates.join(' '), e.zone ?? null, e.deltaGrams, e.sku ?? null, e.quantity, e.probability ?? null, e.attribution,
            e.attributionProbability ?? null,
          ];
        }
      },
      count: (range) => db.facts.counts(range).shelfEvents,
    },
    'zone-visits': {
      name: 'zone-visits',
      columns: [
        ...partitionColumns,
        { name: 'run_id', type: 'INT32' },
        { name: 'session_id', type: 'STRING' },
        { name: 'track_id', type: 'INT32' },
        { name: 'zone', type: 'STRING' },
        { name: 'zone_name', type: 'STRING' },
        { name: 'entered_at', type: 'TIMESTAMP' },
        { name: 'exited_at', type: 'TIMESTAMP' },
        { name: 'dwell_s', type: 'DOUBLE' },
        { name: 'hour', type: 'INT32' },
      ],
      *rows(range) {
        for (const v of db.facts.iterateZoneVisits(range)) {
          yield [
            storeId, v.day, v.runId, v.sessionId ?? null, v.trackId, v.zone, zoneName.get(v.zone) ?? null, at(v.enteredMs), at(v.exitedMs),
            (v.exitedMs - v.enteredMs) / 1000, v.hour,
          ];
        }
      },
      count: (range) => db.facts.counts(range).zoneVisits,
    },
  };
}
