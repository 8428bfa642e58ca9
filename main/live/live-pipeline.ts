// The live path from inputs to the UI, whatever produces the inputs: every input is recorded in the
// store's input log and fed to the engine; decisions are stored and folded into the live floor
// frame. Replaying the input log later reproduces every decision made here. Each start is a live
// run; a run that a crash cut short is resumed: its inputs are replayed to rebuild the engine's
// state, and the decisions it had already stored are recognised instead of stored twice. Staff
// restock mode is recorded as it changes and put back at the first moment of every run
// (restock-carry-over.ts), so a restart does not charge staff work to shoppers.
import type { LiveFloorFrame, LiveSource } from '../../native-bridge/contract/dto';
import type { LiveAgeCheck } from '../../native-bridge/contract/live-floor';
import type { LiveRun, StoreDatabase } from '../db';
import { isTransient, type EngineDecision } from '../engine/decisions';
import { createEngine, type Engine } from '../engine/engine';
import { inputTime, type AgeCheckAction, type EngineInput, type RestockAction } from '../engine/inputs';
import { createStages } from '../engine/stages';
import { recorded, RecordingWriter } from '../recording';
import type { StoreModel } from '../store/schema';
import { createFactsSink } from '../facts/facts-sink';
import { LiveFloor } from './live-floor';
import type { SessionChanges } from './live-floor-sessions';
import { stockOf, type LiveStock } from './live-stock';
import { DecisionJournal } from './decision-journal';
import { replayRun, StoredDecisionMatcher, type RecoveryReport } from './live-recovery';
import { auditRestored, recordedRestock, recordRestock, restockDifference, type RestoredRestock } from './restock-carry-over';

export interface LivePipelineOptions {
  store: StoreModel;
  db: StoreDatabase;
  storeKey: Uint8Array;
  source: LiveSource;
  speed: number;
  /** Decisions as they are made live (not those re-made while resuming a run). */
  onDecision?: (decision: EngineDecision) => void;
  /** Decisions made by this pipeline were stored (the receipt service reads them from there). */
  onStored?: (kinds: ReadonlySet<string>) => void;
  /** Problems worth a line in the host's log (an unreadable restock-mode record). */
  log?: (line: string) => void;
}

export interface LivePipeline {
  push(input: EngineInput): void;
  /** Store time has reached `t` with no input: let the engine settle, then commit what is pending. */
  advance(t: number): void;
  frame(t: number): LiveFloorFrame;
  /** Sessions whose live detail changed since the last call; post them before the frame that shows them. */
  takeSessionChanges(): SessionChanges | null;
  /** Low plates and restock mode as the engine sees them now. */
  stock(): LiveStock;
  /** A staff member starts or ends restock mode at a fixture, now (recorded like any input, so replays agree). */
  staffAction(actor: string, action: RestockAction['action'], fixture: string): void;
  /** Staff checked the ID of an open session's shopper, now (recorded, so replays agree); throws when the session is not open or was checked already. */
  ageCheck(actor: string, sessionId: string): LiveAgeCheck;
  close(): void;
  /** The live run this pipeline records into. */
  readonly run: LiveRun;
  /** What resuming the run after a crash took; absent for a new run. */
  readonly recovery: RecoveryReport | undefined;
  /** Inputs must be at or after this store time (later than anything recorded and than the engine's present); -Infinity when nothing constrains them. */
  readonly earliestInputMs: number;
}

export function createLivePipeline(options: LivePipelineOptions): LivePipeline {
  const { db } = options;
  const writer = new RecordingWriter(db);
  const floor = new LiveFloor(options.store, options.source, options.speed);
  const stages = createStages(options.store, { storeKey: options.storeKey });
  const { run, resumed } = db.liveRuns.openOrResume(options.source, Date.now());
  // A resumed run's facts are projected again from its first input, under the live run's id.
  db.facts.resetRun(run.id, 'live', run.startedWallMs);
  const facts = createFactsSink(options.store, db.facts, run.id);
  const journal = new DecisionJournal(db, run.id, writer);
  let matcher = resumed ? new StoredDecisionMatcher(db.liveRuns.storedDecisions(run.id)) : undefined;
  let recovering = resumed;
  const engine: Engine = createEngine(stages.all, (decision) => {
    floor.observe(decision);
    facts.observe(decision);
    if (!isTransient(decision)) {
      const sessionId = 'sessionId' in decision ? decision.sessionId : undefined;
      const json = JSON.stringify(decision);
      if (!matcher?.alreadyStored(json)) journal.add({ t: decision.t, kind: decision.kind, sessionId, json }, engine.now);
    }
    if (!recovering) options.onDecision?.(decision);
  });
  const recovery = matcher ? replayRun(db, run, engine, matcher) : undefined;
  matcher = undefined;
  recovering = false;
  let firstInput = run.firstInputMs === undefined;
  // Put back restock mode as recorded, at the engine's first moment: now for a resumed run, at the
  // first input or advance for a new one (inputs must not go before the engine's present).
  let restored: RestoredRestock[] = [];
  let restorePending = true;
  const restoreRestock = (t: number): void => {
    restorePending = false;
    const before = stages.shelves.restocking();
    const wanted = recordedRestock(db, options.source, options.log);
    const actions = restockDifference(before, wanted, t);
    if (actions.length === 0) return;
    for (const action of actions) push(action);
    const after = stages.shelves.restocking();
    recordRestock(db, options.source, after);
    restored = auditRestored(db, before, after, wanted, t, Date.now());
  };

  // The writer commits by input time; a flush now and then also commits when every source is quiet.
  const flushEveryMs = 5000;
  let lastFlush = -Infinity;
  const commitDecisions = () => {
    const kinds = journal.commit(engine.now);
    if (kinds.size > 0) options.onStored?.(kinds);
  };
  const lastRecordedMs = db.inputLog.stats().lastMs;
  const earliestInputMs = Math.floor(Math.max(engine.now, lastRecordedMs ?? -Infinity)) + 1;

  const push = (input: EngineInput): void => {
    if (restorePending) restoreRestock(inputTime(input));
    if (firstInput) {
      db.liveRuns.markFirstInput(run.id, inputTime(input));
      firstInput = false;
    }
    writer.write(input);
    if (input.kind === 'device-status') floor.observeInput(input);
    // At the log's resolution: what a replay (or a recovery) will feed the engine, bit for bit.
    engine.push(recorded(input));
  };

  if (Number.isFinite(engine.now)) restoreRestock(engine.now);

  return {
    push,
    advance(t) {
      if (restorePending && Number.isFinite(t)) restoreRestock(t);
      engine.advance(t);
      if (t - lastFlush >= flushEveryMs) {
        writer.flush();
        lastFlush = t;
      }
      commitDecisions();
      facts.commit(t);
    },
    frame: (t) => floor.frame(t, stages.fusion.sessions()),
    takeSessionChanges: () => floor.takeSessionChanges(),
    stock: () => stockOf(stages.shelves, engine.now, restored),
    staffAction(actor, action, fixture) {
      if (!Number.isFinite(engine.now)) throw new Error('the live engine has had no input yet');
      // At the engine's present: nothing later has been fed, and every input still to come is no earlier.
      const input: RestockAction = { kind: 'staff-action', t: engine.now, actor, action, fixture };
      push(input);
      recordRestock(db, options.source, stages.shelves.restocking());
    },
    ageCheck(actor, sessionId) {
      if (!Number.isFinite(engine.now)) throw new Error('the live engine has had no input yet');
      const session = stages.fusion.sessions().find((s) => s.id === sessionId);
      if (!session) throw new Error(`session ${sessionId} is not open: it has had its receipt, or never was`);
      if (session.ageCheck) throw new Error(`session ${sessionId}: the ID was already checked by ${session.ageCheck.by}`);
      const input: AgeCheckAction = { kind: 'staff-action', t: engine.now, actor, action: 'age-checked', sessionId };
      push(input);
      return { by: actor, t: input.t };
    },
    close() {
      engine.finish();
      writer.close();
      commitDecisions();
      facts.finish(engine.now);
      db.liveRuns.end(run.id, Date.now());
    },
    run,
    recovery,
    earliestInputMs,
  };
}
