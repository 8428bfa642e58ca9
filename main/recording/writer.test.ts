// The writer: a second of each source per batch, a second of batches per transaction, copies of
// what it is given, refusals that change nothing, and nothing lost when a commit fails.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase, type InputBatchInput } from '../db';
import { tempDbPath } from '../db/test-support';
import type { EngineInput } from '../engine/inputs';
import { decodeBatch } from './codec';
import { sampleInputs } from './test-inputs';
import { RecordingWriter, type RecordingWriterOptions } from './writer';

/** A writer over a fake input log that keeps every commit, as copies. */
function recordingCommits(options?: RecordingWriterOptions, failFirst = 0) {
  const commits: InputBatchInput[][] = [];
  let failures = failFirst;
  const writer = new RecordingWriter(
    {
      inputLog: {
        appendMany(batches) {
          if (failures-- > 0) throw new Error('disk I/O error');
          commits.push(batches.map((b) => ({ ...b, payload: Uint8Array.from(b.payload) })));
          return batches.map((_, i) => i);
        },
      },
    },
    options,
  );
  return { writer, commits };
}

function plate(plateId: string, t0: number, grams: number[]): EngineInput {
  return { kind: 'plate-samples', plate: plateId, t0, dt: 10, grams: Float32Array.from(grams) };
}

describe('RecordingWriter', () => {
  it('batches each source by a second of input time and commits a second of batches at once', () => {
    const { writer, commits } = recordingCommits();
    for (let t = 0; t < 3500; t += 10) {
      writer.write(plate('plate-A', t, [1]));
      writer.write(plate('plate-B', t, [2]));
      if (t % 100 === 0) writer.write({ kind: 'gate-passage', gate: 'gate-1', t });
    }
    // Each commit holds the second that just ended: one batch of every plate, one per gate.
    expect(commits.map((c) => c.map((b) => `${b.source} ${b.t0Ms}..${b.t1Ms} ×${b.count}`))).toEqual([
      ['plates 0..990 ×200', 'gate-1 0..900 ×10'],
      ['plates 1000..1990 ×200', 'gate-1 1000..1900 ×10'],
      ['plates 2000..2990 ×200', 'gate-1 2000..2900 ×10'],
    ]);
    writer.close();
    expect(commits[3]!.map((b) => `${b.source} ${b.t0Ms}..${b.t1Ms} ×${b.count}`)).toEqual(['plates 3000..3490 ×100', 'gate-1 3000..3400 ×5']);
    expect(writer.stats).toMatchObject({ inputs: 735, committedBatches: 8, committedInputs: 735, committedSamples: 735 });
    const second = decodeBatch(commits[1]![0]!) as Extract<EngineInput, { kind: 'plate-samples' }>[];
    expect(second.slice(0, 4).map((r) => `${r.plate}@${r.t0}`)).toEqual(['plate-A@1000', 'plate-B@1000', 'plate-A@1010', 'plate-B@1010']);
  });

  it('keeps each plate in time order, whatever the other plates do', () => {
    const { writer, commits } = recordingCommits();
    writer.write(plate('plate-A', 100, [1]));
    writer.write(plate('plate-B', 50, [2]));
    expect(() => writer.write(plate('plate-A', 60, [3]))).toThrow(/"plate-A" at 60 ms arrived after one at 100 ms/);
    writer.close();
    expect(commits.flat().flatMap((b) => decodeBatch(b))).toEqual([plate('plate-B', 50, [2]), plate('plate-A', 100, [1])]);
  });

  it('also seals a batch when it reaches batchMaxCount', () => {
    const { writer, commits } = recordingCommits({ batchMaxCount: 25 });
    for (let t = 0; t < 1000; t += 100) writer.write(plate('plate-A', t, Array(10).fill(5)));
    writer.close();
    expect(commits.flat().map((b) => b.count)).toEqual([20, 20, 20, 20, 20]);
  });

  it('seals a source that fell silent once the others move a batch span on', () => {
    const { writer, commits } = recordingCommits();
    writer.write({ kind: 'gate-scan', gate: 'gate-1', t: 0, token: 'tok' });
    for (let t = 0; t <= 1000; t += 10) writer.write(plate('plate-A', t, [1]));
    expect(commits.flat().map((b) => b.source)).toEqual(['plates', 'gate-1']);
  });

  it('copies what it is given: callers may reuse their arrays and objects', () => {
    const { writer, commits } = recordingCommits();
    const run = plate('plate-A', 0, [100, 200]) as Extract<EngineInput, { kind: 'plate-samples' }>;
    writer.write(run);
    run.grams.fill(999);
    run.t0 = 20;
    writer.write(run);
    const event = { kind: 'gate-scan', gate: 'g', t: 5, token: 'first' } as Extract<EngineInput, { kind: 'gate-scan' }>;
    writer.write(event);
    event.token = 'changed';
    writer.close();
    const decoded = commits.flat().flatMap((b) => decodeBatch(b));
    expect(decoded).toEqual([
      plate('plate-A', 0, [100, 200]),
      plate('plate-A', 20, [999, 999]),
      { kind: 'gate-scan', gate: 'g', t: 5, token: 'first' },
    ]);
  });

  it('refuses malformed and out-of-order inputs without changing what it holds', () => {
    const { writer, commits } = recordingCommits();
    writer.write(plate('plate-A', 100, [1]));
    expect(() => writer.write(plate('plate-A', 50, [2]))).toThrow(/time order per source/);
    expect(() => writer.write({ kind: 'detections', camera: 'c', t: 1, boxes: new Float32Array(3) })).toThrow(/multiple of 5/);
    expect(() => writer.write({ kind: 'weather', t: 1 } as never)).toThrow(/unknown input kind/);
    writer.write(plate('plate-A', 110, [3]));
    writer.close();
    expect(commits.flat().flatMap((b) => decodeBatch(b))).toEqual([plate('plate-A', 100, [1]), plate('plate-A', 110, [3])]);
    expect(writer.stats.inputs).toBe(2);
  });

  it('keeps the batches of a failed commit for the next one', () => {
    const { writer, commits } = recordingCommits({}, 1);
    for (let t = 0; t < 1000; t += 10) writer.write(plate('plate-A', t, [1]));
    expect(() => writer.write(plate('plate-A', 1000, [1]))).toThrow('disk I/O error');
    expect(writer.stats.committedInputs).toBe(0);
    for (let t = 1010; t < 2000; t += 10) writer.write(plate('plate-A', t, [1]));
    writer.close();
    expect(commits.flat().map((b) => `${b.t0Ms}..${b.t1Ms}`)).toEqual(['0..990', '1000..1990']);
    expect(writer.stats.committedInputs).toBe(200);
  });

  it('closes once and then refuses writes', () => {
    const { writer, commits } = recordingCommits();
    writer.write(plate('plate-A', 0, [1]));
    writer.close();
    writer.close();
    expect(commits).toHaveLength(1);
    expect(() => writer.write(plate('plate-A', 10, [1]))).toThrow(/after close/);
  });

  it('writes byte-identical rows for the same inputs, database after database', () => {
    const rows = () => {
      const db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
      const writer = new RecordingWriter(db);
      for (const input of sampleInputs({ seconds: 4 })) writer.write(input);
      writer.close();
      const all = [...db.inputLog.readRange(0, 1e9)].map((b) => ({ ...b, payload: Buffer.from(b.payload).toString('hex') }));
      db.close();
      return all;
    };
    const first = rows();
    expect(first.length).toBeGreaterThan(20);
    expect(rows()).toEqual(first);
  });
});
