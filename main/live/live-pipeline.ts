// The live path from inputs to the UI, whatever produces the inputs: every input is recorded in the
// store's input log and fed to the engine; decisions are stored and folded into the live floor
// frame. Replaying the input log later reproduces every decision made here.
import type { LiveFloorFrame, LiveSource } from '../../native-bridge/contract/dto';
import type { StoreDatabase, StoredDecisionInput } from '../db';
import type { EngineDecision } from '../engine/decisions';
import { createEngine, type Engine } from '../engine/engine';
import type { EngineInput } from '../engine/inputs';
import { createStages } from '../engine/stages';
import { RecordingWriter } from '../recording';
import type { StoreModel } from '../store/schema';
import { LiveFloor, type SessionView } from './live-floor';

export interface LivePipelineOptions {
  store: StoreModel;
  db: StoreDatabase;
  storeKey: Uint8Array;
  source: LiveSource;
  speed: number;
  onDecision?: (decision: EngineDecision) => void;
}

export interface LivePipeline {
  push(input: EngineInput): void;
  /** Store time has reached `t` with no input: let the engine settle, then commit what is pending. */
  advance(t: number): void;
  frame(t: number): LiveFloorFrame;
  close(): void;
}

export function createLivePipeline(options: LivePipelineOptions): LivePipeline {
  const { db } = options;
  const writer = new RecordingWriter(db);
  const floor = new LiveFloor(options.source, options.speed);
  const pendingDecisions: StoredDecisionInput[] = [];
  const stages = createStages(options.store, { storeKey: options.storeKey });
  const engine: Engine = createEngine(stages.all, (decision) => {
    floor.observe(decision);
    if (decision.kind !== 'track-point') {
      const sessionId = 'sessionId' in decision ? decision.sessionId : undefined;
      pendingDecisions.push({ t: decision.t, kind: decision.kind, sessionId, json: JSON.stringify(decision) });
    }
    options.onDecision?.(decision);
  });

  // The writer commits by input time; a flush now and then also commits when every source is quiet.
  const flushEveryMs = 5000;
  let lastFlush = -Infinity;
  const commitDecisions = () => {
    if (pendingDecisions.length > 0) db.decisions.appendMany(pendingDecisions.splice(0));
  };

  const sessions = (): SessionView[] =>
    stages.fusion.sessions().map((s) => ({
      id: s.id,
      anonymous: s.tokenNonce === undefined,
      flagged: s.flags.length > 0,
      trackIds: s.members.map((m) => m.trackId),
      cartUnits: s.cart.reduce((n, line) => n + line.quantity, 0),
    }));

  return {
    push(input) {
      writer.write(input);
      engine.push(input);
    },
    advance(t) {
      engine.advance(t);
      if (t - lastFlush >= flushEveryMs) {
        writer.flush();
        lastFlush = t;
      }
      commitDecisions();
    },
    frame: (t) => floor.frame(t, sessions()),
    close() {
      engine.finish();
      writer.close();
      commitDecisions();
    },
  };
}
