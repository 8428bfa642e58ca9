// What the gate tells the person in front of it after a scan: welcome, or why not — in the shared
// gate words (native-bridge/contract/gate-words.ts), the same the gate's screen shows. Built from
// the engine's own gate decisions (the engine is what checks tokens, on replay as live), plus the
// scanner's word when a code could not be read at all.
import { gateSentence, refusalWords, unreadableWords, welcomeWords } from '../../native-bridge/contract/gate-words';
import type { GateDecision, GateRefusalReason } from '../engine/decisions';

export interface GateNotice {
  gate: string;
  t: number;
  outcome: 'admitted' | 'refused' | 'unreadable';
  /** For 'refused': the engine's reason. */
  reason?: GateRefusalReason;
  /** What the gate shows. */
  message: string;
  sessionId?: string;
}

export function noticeFor(decision: GateDecision): GateNotice {
  if (decision.kind === 'gate-admitted') {
    return { gate: decision.gate, t: decision.t, outcome: 'admitted', message: gateSentence(welcomeWords(decision.groupSize)), sessionId: decision.sessionId };
  }
  return { gate: decision.gate, t: decision.t, outcome: 'refused', reason: decision.reason, message: gateSentence(refusalWords(decision.reason)) };
}

export function unreadableNotice(gate: string, t: number): GateNotice {
  return { gate, t, outcome: 'unreadable', message: gateSentence(unreadableWords) };
}
