// The engine frame: order is enforced, time reaches every stage before the input that moved it,
// and later stages observe earlier stages' decisions.
import { describe, expect, it } from 'vitest';
import type { EngineDecision } from './decisions';
import { createEngine, InputOrderError } from './engine';
import type { EngineInput } from './inputs';
import type { EngineStage, StageName } from './stage';

function recordingStage(name: StageName, log: string[], emitOnScan = false): EngineStage {
  return {
    name,
    accept: (input, emit) => {
      log.push(`${name}.accept ${input.kind}`);
      if (emitOnScan && input.kind === 'gate-scan') emit({ kind: 'track-point', t: input.t, trackId: 1, x: 0, y: 0 });
    },
    advance: (t) => void log.push(`${name}.advance ${t}`),
    finish: (t) => void log.push(`${name}.finish ${t}`),
    observe: (decision) => void log.push(`${name}.observe ${decision.kind}`),
  };
}

const scan = (t: number): EngineInput => ({ kind: 'gate-scan', gate: 'G', t, token: 'x' });

describe('createEngine', () => {
  it('advances time before the input that moved it, then feeds every stage in order', () => {
    const log: string[] = [];
    const decisions: EngineDecision[] = [];
    const engine = createEngine([recordingStage('shelves', log, true), recordingStage('fusion', log)], (d) => decisions.push(d));
    engine.push(scan(10));
    engine.push(scan(10));
    engine.advance(20);
    engine.finish();
    expect(log).toEqual([
      'shelves.advance 10', 'fusion.advance 10',
      'shelves.accept gate-scan', 'fusion.observe track-point', 'fusion.accept gate-scan',
      'shelves.accept gate-scan', 'fusion.observe track-point', 'fusion.accept gate-scan',
      'shelves.advance 20', 'fusion.advance 20',
      'shelves.finish 20', 'fusion.finish 20',
    ]);
    expect(decisions).toHaveLength(2);
    expect(engine.stages).toEqual(['shelves', 'fusion']);
  });

  it('refuses an input older than the engine clock, naming both times', () => {
    const engine = createEngine([], () => undefined);
    engine.push(scan(100));
    expect(() => engine.push(scan(99))).toThrow(InputOrderError);
    expect(() => engine.push(scan(99))).toThrow(/99 ms arrived after 100 ms/);
  });
});
