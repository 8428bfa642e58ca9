// Test support for the live path's integration tests, so each test says only what it checks:
// simulated live runs that are "killed" and resumed (a store database per run, the pipeline on it,
// a feed that stops at a chosen tick); a byte-level fake shelf controller with seeded load-cell
// noise, run on vitest's fake wall clock; and the live worker loop with the host's link in-process
// (the same messages as across the worker thread, structured-cloned).
import { expect, vi } from 'vitest';
import type { FakeHidBus } from '../../../native-bridge/hid/fake-hid-bus';
import { FakeShelfController } from '../../../native-bridge/hid/fake-shelf-controller';
import { StreamHub } from '../../../native-bridge/rpc/server/stream-hub';
import { openStoreDatabase, type StoreDatabase } from '../../db';
import { tempDbPath } from '../../db/test-support';
import { inputTime, type EngineInput } from '../../engine/inputs';
import { DEMO_STORE_KEY } from '../../store/demo-key';
import type { StoreModel } from '../../store/schema';
import { createLiveLink, type LiveLink } from '../live-link';
import type { LiveWorkerMessage } from '../live-messages';
import { createLivePipeline, type LivePipeline } from '../live-pipeline';
import { feed, testWorld, type TestWorld } from '../live-test-world';
import { startLiveWorkerLoop, type LiveWorkerLoop, type LiveWorkerLoopOptions } from '../live-worker-loop';

// --- simulated inputs played as the live worker plays them ---------------------------------------

/**
 * Plays a simulated feed into a live pipeline the way the worker does: before each input, every
 * 100 ms tick of store time up to it runs `tick(t)` (advance, frame, whatever the test looks at);
 * then the input is pushed. Stops at the first input past `endMs`; answers the next tick's time.
 */
export function playSimulated(inputs: Iterator<EngineInput>, o: { startMs: number; endMs: number; push: (input: EngineInput) => void; tick: (t: number) => void }): number {
  let next = o.startMs + 100;
  for (;;) {
    const input = inputs.next().value as EngineInput;
    const t = inputTime(input);
    for (; next <= t; next += 100) o.tick(next);
    if (t > o.endMs) return next;
    o.push(input);
  }
}

// --- simulated live runs, crashed and resumed ----------------------------------------------------

/** The live pipeline commits the recorder (and the decisions resting on it) every 5 s of store time. */
const RECORDER_FLUSH_MS = 5000;

/** Two shoppers for a minute and a half (three sessions, leaving between 87 and 101 s): short enough to run several times per test. */
export const crashTestWorld = (): TestWorld => testWorld({ seed: 4, shoppers: 2, minutes: 1.5, plateHz: 15, chunkMs: 1000 });

export interface SimulatedRuns {
  /** The store database in `file`, as a fresh start of the host opens it. */
  open(file: string): StoreDatabase;
  /** The simulator's live pipeline on `db`: opens a new run, or resumes one that never ended. */
  pipelineOn(db: StoreDatabase): LivePipeline;
  /** A run over every input, never interrupted, in its own database (left open for the test to read). */
  uninterrupted(): StoreDatabase;
}

/** `world` is read at each call, so a test file can declare its runs before its beforeAll builds the world. */
export function simulatedRuns(world: () => TestWorld): SimulatedRuns {
  const open = (file: string) => openStoreDatabase(file, { storeId: world().store.layout.id });
  const pipelineOn = (db: StoreDatabase) => createLivePipeline({ store: world().store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 });
  return {
    open,
    pipelineOn,
    uninterrupted() {
      const db = open(tempDbPath());
      const pipeline = pipelineOn(db);
      feed(pipeline, world().inputs);
      pipeline.close();
      return db;
    },
  };
}

/**
 * A feed's `onTick` that stops the run `afterMs` of store time after its first tick — where the test
 * then closes the database without closing the pipeline, as a kill would. With `atCommit`, only on a
 * tick where the recorder has just committed everything, so the crash loses no input.
 */
export function crashAfter(afterMs: number, { atCommit = false } = {}): (t: number) => boolean {
  let firstTick: number | undefined;
  return (t) => {
    firstTick ??= t;
    const since = t - firstTick;
    return since >= afterMs && (!atCommit || since % RECORDER_FLUSH_MS === 0);
  };
}

// --- a fake shelf controller on the fake wall clock ----------------------------------------------

/** 20 counts per gram, zero at 8000 counts, as the controller's own memory holds it. */
export const controllerCalibration = { offset: 8000, scale: 0.05 };

/** Seeded load-cell noise in counts: about ±0.4 g (8 counts σ) at `controllerCalibration`. */
export function seededLoadCellNoise(seed: number): () => number {
  let s = seed;
  return () => {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
      sum += s / 0x7fffffff - 0.5;
    }
    return sum * 14;
  };
}

/** A shelf controller with `controllerCalibration` on every channel and seeded noise on every reading. */
export function noisyShelfController(options: { serial: string; channels: number; sampleRateHz: number; seed: number }): FakeShelfController {
  const { serial, channels, sampleRateHz, seed } = options;
  return new FakeShelfController({ serial, channels, sampleRateHz, calibration: Array.from({ length: channels }, () => controllerCalibration), noise: seededLoadCellNoise(seed) });
}

/**
 * Lets `ms` of fake wall time pass one sample period at a time: `shape` may set the load for that
 * moment, the controller latches a sample set, timers run, then `afterPeriod` gets the period's index.
 */
export async function runControllerFor(
  controller: FakeShelfController,
  ms: number,
  options: { periodMs: number; shape?: (elapsedMs: number) => void; afterPeriod?: (index: number) => void },
): Promise<void> {
  const { periodMs } = options;
  for (let elapsed = 0; elapsed < ms; elapsed += periodMs) {
    options.shape?.(elapsed);
    controller.tick(1);
    await vi.advanceTimersByTimeAsync(periodMs);
    options.afterPeriod?.(Math.round(elapsed / periodMs));
  }
}

// --- the live worker loop and the host's link, in-process -----------------------------------------

export interface InProcessLive {
  loop: LiveWorkerLoop;
  link: LiveLink;
  /** Every message the worker posted, in order. */
  messages: LiveWorkerMessage[];
  /** Tells the worker to stop, waits for its 'stopped', then lets go of the link. */
  stop(): Promise<void>;
}

/**
 * `walkout serve --devices` below the API, on the store database at `dbPath` (the worker opens its
 * own connection, as in its thread), with the HID stack `openHid` gives.
 */
export async function startInProcessLive(options: { store: StoreModel; dbPath: string; openHid: LiveWorkerLoopOptions['openHid']; log?: (line: string) => void }): Promise<InProcessLive> {
  const { store, dbPath, openHid } = options;
  const messages: LiveWorkerMessage[] = [];
  // The host says nothing to the worker before the loop has started (only services built on the link do).
  const link = createLiveLink((m) => loop.handle(structuredClone(m)), 'devices', { streams: new StreamHub(), log: options.log ?? (() => undefined) });
  const loop = await startLiveWorkerLoop({
    store,
    db: openStoreDatabase(dbPath, { storeId: store.layout.id }),
    data: { storeDir: '', dbPath, storeKey: new Array<number>(32).fill(7), shoppers: 0, speed: 1, seed: 0, devices: true },
    post: (m) => {
      messages.push(m);
      link.handle(structuredClone(m));
    },
    openHid,
  });
  return {
    loop,
    link,
    messages,
    async stop() {
      loop.handle({ type: 'stop' });
      await vi.waitFor(() => expect(messages.at(-1)?.type).toBe('stopped'));
      link.dispose();
    },
  };
}

/** An `openHid` for device mode on a fake bus. */
export const fakeHid = (bus: FakeHidBus): LiveWorkerLoopOptions['openHid'] => async () => ({ backend: bus, statuses: [{ driver: 'node-hid', state: 'available', detail: 'fake HID bus' }] });
