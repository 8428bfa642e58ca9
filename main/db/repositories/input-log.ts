// The recorded sensor input log: what the devices said, batch by batch, so a day can be replayed
// through the engine exactly. Payloads are opaque BLOBs encoded by the caller (the device layer
// knows the sample format; storage only needs time bounds and counts to find and size them).
import type BetterSqlite3 from 'better-sqlite3';

export const inputKinds = [
  'plate-samples',
  'detections',
  'gate-scan',
  'device-status',
  'staff-action',
  'gate-passage',
] as const;
export type InputKind = (typeof inputKinds)[number];

/** Codes as seeded by migrations 002 and 004 (table input_kinds); never renumber. */
const kindCodes: Readonly<Record<InputKind, number>> = {
  'plate-samples': 1,
  detections: 2,
  'gate-scan': 3,
  'device-status': 4,
  'staff-action': 5,
  'gate-passage': 6,
};
const kindByCode = new Map<number, InputKind>(inputKinds.map((kind) => [kindCodes[kind], kind]));

export interface InputBatchInput {
  /** The device or producer, e.g. a shelf controller serial or a camera id. */
  source: string;
  kind: InputKind;
  /** Time of the first and last sample in the batch, in ms of the store clock; t1Ms >= t0Ms. */
  t0Ms: number;
  t1Ms: number;
  /** How many samples/detections/events the payload holds. */
  count: number;
  payload: Uint8Array;
}

export interface InputBatch extends InputBatchInput {
  id: number;
}

export interface InputLogStats {
  batches: number;
  samples: number;
  bytes: number;
  /** t0 of the earliest batch and t1 of the latest; undefined when the log is empty. */
  firstMs: number | undefined;
  lastMs: number | undefined;
}

export interface InputLogRepository {
  append(batch: InputBatchInput): number;
  /** All or nothing: one transaction (and one fsync) for many batches. */
  appendMany(batches: readonly InputBatchInput[]): number[];
  /**
   * Batches that overlap [fromMs, toMs) — t0 < toMs and t1 >= fromMs — ordered by t0, then id.
   * Lazy: rows are read a few seconds of input at a time as the iterator advances. Batches
   * appended while a read is under way may or may not be seen by it.
   */
  readRange(fromMs: number, toMs: number, kinds?: readonly InputKind[]): IterableIterator<InputBatch>;
  stats(): InputLogStats;
}

/** Rows of this much input time (by t0) are read in one call. */
const readWindowMs = 2000;

/** A raw range row: id, source id, kind code, t0_ms, t1_ms, count, payload. */
type BatchRow = [number, number, number, number, number, number, Buffer];

export function createInputLogRepository(db: BetterSqlite3.Database): InputLogRepository {
  const insertSource = db.prepare(`INSERT INTO input_sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING`);
  const selectSource = db.prepare(`SELECT id FROM input_sources WHERE name = ?`).pluck();
  const insertBatch = db.prepare(
    `INSERT INTO input_batches (source, kind, t0_ms, t1_ms, count, payload) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // The lower bound on t0 (from - longest batch ever) is what lets SQLite walk the t0 index
  // instead of scanning the whole log for batches that started before the range but reach into it.
  // Rows come raw (arrays, no column names), a few seconds of them per native call, and sources as
  // ids named from one lookup per read: a replay reads a row per plate per second, and per-row
  // objects, name strings and calls into SQLite were a third of its time.
  const windowSql = `
    SELECT b.id, b.source, b.kind, b.t0_ms, b.t1_ms, b.count, b.payload
    FROM input_batches b
    WHERE b.t0_ms >= :lo AND b.t0_ms < :hi
      AND b.t1_ms >= :from
      AND ((1 << b.kind) & :kindMask) != 0
    ORDER BY b.t0_ms, b.id`;
  const selectNextT0 = db.prepare(`SELECT min(t0_ms) FROM input_batches WHERE t0_ms >= ?`).pluck();
  const selectMaxSpan = db.prepare(`SELECT max_span_ms FROM input_log_summary`).pluck();
  const selectSources = db.prepare(`SELECT id, name FROM input_sources`);
  const selectSummary = db.prepare(`SELECT batches, samples, bytes, max_span_ms FROM input_log_summary`);
  const selectFirst = db.prepare(`SELECT min(t0_ms) FROM input_batches`).pluck();
  const selectLast = db
    .prepare(`SELECT max(t1_ms) FROM input_batches WHERE t0_ms >= (SELECT max(t0_ms) FROM input_batches) - ?`)
    .pluck();

  // Sources are few and never deleted, so their ids are cached for the life of the connection.
  const sourceIds = new Map<string, number>();
  function sourceId(name: string): number {
    let id = sourceIds.get(name);
    if (id === undefined) {
      insertSource.run(name);
      id = selectSource.get(name) as number;
      sourceIds.set(name, id);
    }
    return id;
  }

  function appendOne(batch: InputBatchInput): number {
    validate(batch);
    const payload = Buffer.from(batch.payload.buffer, batch.payload.byteOffset, batch.payload.byteLength);
    const result = insertBatch.run(
      sourceId(batch.source),
      kindCodes[batch.kind],
      batch.t0Ms,
      batch.t1Ms,
      batch.count,
      payload,
    );
    return Number(result.lastInsertRowid);
  }

  // The source insert and the batch insert commit together, or a failed batch would leave the
  // cache holding an id whose row was rolled back.
  const appendTx = db.transaction(appendOne);
  const appendManyTx = db.transaction((batches: readonly InputBatchInput[]) => batches.map(appendOne));
  function withCacheReset<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      sourceIds.clear();
      throw error;
    }
  }

  return {
    append: (batch) => withCacheReset(() => appendTx(batch)),
    appendMany: (batches) => withCacheReset(() => appendManyTx(batches)),

    *readRange(fromMs, toMs, kinds) {
      if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
        throw new RangeError(`readRange: fromMs and toMs must be finite (got ${fromMs}, ${toMs})`);
      }
      const kindMask = (kinds ?? inputKinds).reduce((mask, kind) => mask | (1 << kindCodes[kind]), 0);
      const names = new Map((selectSources.all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
      const window = db.prepare(windowSql).raw(true);
      // Windows over t0, in order, so their rows come in (t0, id) order; the first reaches back by
      // the longest batch ever recorded, for batches that started before the range but reach into
      // it, and empty stretches (a closed store's night) are skipped in one step.
      let lo = selectNextT0.get(fromMs - ((selectMaxSpan.get() as number | undefined) ?? 0)) as number | null;
      while (lo !== null && lo < toMs) {
        const hi = Math.min(toMs, lo + readWindowMs);
        const rows = window.all({ lo, hi, from: fromMs, kindMask }) as BatchRow[];
        for (const [id, source, kind, t0Ms, t1Ms, count, payload] of rows) {
          yield {
            id,
            source: names.get(source) ?? unknownSource(source),
            kind: kindByCode.get(kind) ?? unknownKind(kind),
            t0Ms,
            t1Ms,
            count,
            payload,
          };
        }
        lo = selectNextT0.get(hi) as number | null;
      }
    },

    stats() {
      const summary = selectSummary.get() as { batches: number; samples: number; bytes: number; max_span_ms: number };
      if (summary.batches === 0) {
        return { batches: 0, samples: 0, bytes: 0, firstMs: undefined, lastMs: undefined };
      }
      return {
        batches: summary.batches,
        samples: summary.samples,
        bytes: summary.bytes,
        firstMs: selectFirst.get() as number,
        lastMs: selectLast.get(summary.max_span_ms) as number,
      };
    },
  };
}

function validate(batch: InputBatchInput): void {
  if (typeof batch.source !== 'string' || batch.source.length === 0) {
    throw new TypeError('input batch: source must be a non-empty string');
  }
  if (!Object.hasOwn(kindCodes, batch.kind)) throw new TypeError(`input batch: unknown kind "${String(batch.kind)}"`);
  if (!Number.isSafeInteger(batch.t0Ms) || !Number.isSafeInteger(batch.t1Ms) || batch.t1Ms < batch.t0Ms) {
    throw new RangeError(`input batch: t0Ms/t1Ms must be integers with t1Ms >= t0Ms (got ${batch.t0Ms}..${batch.t1Ms})`);
  }
  if (!Number.isSafeInteger(batch.count) || batch.count < 0) {
    throw new RangeError(`input batch: count must be a non-negative integer (got ${batch.count})`);
  }
  if (!(batch.payload instanceof Uint8Array)) throw new TypeError('input batch: payload must be a Uint8Array');
}

function unknownSource(id: number): never {
  // The foreign key makes this impossible short of a hand-edited file.
  throw new Error(`input log holds a batch of unknown source ${id}`);
}

function unknownKind(code: number): never {
  // Only a newer schema can add kinds, and preflight refuses newer schemas; reaching this means the
  // file was edited by hand.
  throw new Error(`input log holds a batch of unknown kind code ${code}`);
}
