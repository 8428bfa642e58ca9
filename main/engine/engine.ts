// The engine frame: one deterministic function of the ordered input stream. It checks the order,
// passes every input to each stage and collects their decisions. Which stages exist is explicit,
// so the evaluator can tell "not built" (null) from "built and scored zero".
import type { EngineDecision } from './decisions';
import { inputTime, type EngineInput } from './inputs';
import type { DecisionSink, EngineStage, StageName } from './stage';

export class InputOrderError extends Error {
  constructor(
    readonly previousMs: number,
    readonly input: EngineInput,
  ) {
    super(`engine input out of order: ${input.kind} at ${inputTime(input)} ms arrived after ${previousMs} ms`);
  }
}

export interface Engine {
  readonly stages: readonly StageName[];
  /** Store time of the latest input or advance. */
  readonly now: number;
  push(input: EngineInput): void;
  advance(t: number): void;
  finish(): void;
}

/** `stages` run in the order given; each decision goes out and to every later stage's `observe`. */
export function createEngine(stages: readonly EngineStage[], onDecision: DecisionSink): Engine {
  let now = -Infinity;
  const emitters: DecisionSink[] = [];
  stages.forEach((_, i) => {
    emitters[i] = (decision: EngineDecision) => {
      onDecision(decision);
      for (let j = i + 1; j < stages.length; j++) stages[j]!.observe?.(decision, emitters[j]!);
    };
  });
  return {
    stages: stages.map((stage) => stage.name),
    get now() {
      return now;
    },
    // Plain loops: push runs once per input, millions of times in a replay.
    push(input) {
      const t = inputTime(input);
      if (t < now) throw new InputOrderError(now, input);
      if (t > now) {
        now = t;
        for (let i = 0; i < stages.length; i++) stages[i]!.advance(t, emitters[i]!);
      }
      for (let i = 0; i < stages.length; i++) stages[i]!.accept(input, emitters[i]!);
    },
    advance(t) {
      if (t <= now) return;
      now = t;
      stages.forEach((stage, i) => stage.advance(t, emitters[i]!));
    },
    finish() {
      stages.forEach((stage, i) => stage.finish(now, emitters[i]!));
    },
  };
}
