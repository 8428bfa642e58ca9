// What the gate tells the person in front of it after a scan: welcome, or why not — in words a
// shopper can act on. Built from the engine's own gate decisions (the engine is what checks tokens,
// on replay as live), plus the scanner's word when a code could not be read at all.
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

const refusals: Record<GateRefusalReason, string> = {
  malformed: 'This is not a Walkout entry code.',
  'bad-signature': 'This code is not valid. Please open the Walkout app and try again.',
  expired: 'This code has expired. Refresh it in the Walkout app.',
  'not-yet-valid': 'This code is not valid yet. Check the time on your phone.',
  'wrong-store': 'This code is for another store.',
  reused: 'This code has already been used. Refresh it in the Walkout app.',
  'not-an-entry-gate': 'Please scan your code at the entrance.',
};

export function noticeFor(decision: GateDecision): GateNotice {
  if (decision.kind === 'gate-admitted') {
    const message = decision.groupSize > 1 ? `Welcome! ${decision.groupSize} people may come in.` : 'Welcome!';
    return { gate: decision.gate, t: decision.t, outcome: 'admitted', message, sessionId: decision.sessionId };
  }
  return { gate: decision.gate, t: decision.t, outcome: 'refused', reason: decision.reason, message: refusals[decision.reason] };
}

export function unreadableNotice(gate: string, t: number): GateNotice {
  return { gate, t, outcome: 'unreadable', message: 'The code could not be read. Please scan it again.' };
}
