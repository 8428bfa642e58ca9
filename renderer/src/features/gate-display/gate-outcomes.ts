// Picks one gate's news out of the store's event feed: the host's frames carry the latest few dozen
// events of every gate, repeated frame after frame, so an outcome is new only when its number is
// above the last one seen, and only the newest of a gate's new events is worth a screen.
import type { LiveEvent, LiveRefusalReason } from '../../../../native-bridge/contract';

/** What an entry gate's screen shows after something happened at it. */
export type GateOutcome = { seq: number; t: number } & (
  | { kind: 'admitted'; groupSize: number }
  | { kind: 'refused'; reason: LiveRefusalReason }
  | { kind: 'tailgating' }
);

/** How long each outcome stays on screen before the gate asks for the next code. */
export const OUTCOME_SHOWN_MS: Record<GateOutcome['kind'], number> = {
  admitted: 4000,
  refused: 6000,
  tailgating: 6000,
};

/** The outcome an event means at `gate`, or null for another gate's event or one that is not about a gate. */
export function outcomeAt(event: LiveEvent, gate: string): GateOutcome | null {
  switch (event.kind) {
    case 'gate-admitted':
      return event.gate === gate ? { seq: event.seq, t: event.t, kind: 'admitted', groupSize: event.groupSize } : null;
    case 'gate-refused':
      return event.gate === gate ? { seq: event.seq, t: event.t, kind: 'refused', reason: event.reason } : null;
    case 'tailgating':
      return event.gate === gate ? { seq: event.seq, t: event.t, kind: 'tailgating' } : null;
    default:
      return null;
  }
}

/** The newest outcome at `gate` among events numbered above `afterSeq`; null when nothing new happened there. */
export function newestOutcome(events: readonly LiveEvent[], gate: string, afterSeq: number): GateOutcome | null {
  let newest: GateOutcome | null = null;
  for (const event of events) {
    if (event.seq <= afterSeq || (newest && event.seq < newest.seq)) continue;
    newest = outcomeAt(event, gate) ?? newest;
  }
  return newest;
}
