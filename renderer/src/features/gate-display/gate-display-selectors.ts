// What the gate's screen shows, decided in one place from the link to the host, the store's plan,
// the live feed and the gate's latest outcome. Shopper-facing screens carry only the shared gate
// words; the staff-facing ones (no such gate, no live feed, link refused) say what to fix.
import {
  idleWords,
  refusalWords,
  tailgatingWords,
  welcomeWords,
  type ConnectionState,
  type FloorPlan,
  type Gate,
  type GateWords,
} from '../../../../native-bridge/contract';
import { pendingPhase, type LoadState, type PendingPhase } from '../../state/load-state';
import type { GateDisplayState } from './gate-display-slice';
import type { GateOutcome } from './gate-outcomes';

export type GateTone = 'idle' | 'ok' | 'stop' | 'warn' | 'offline';

export type GateScreen =
  /** The link to the host is not open: the first connection, or a lost one being retried. */
  | { kind: 'connecting'; again: boolean }
  | { kind: 'unauthorized' }
  /** The store's plan (which gates there are) is on its way or failed. */
  | { kind: 'pending'; phase: PendingPhase }
  /** The address names no entry gate of this store (or none at all). */
  | { kind: 'unknown-gate'; gateId: string | null; exit: boolean; entryGates: Gate[] }
  | { kind: 'no-feed'; gate: Gate }
  /** Connected, no frame from the live stream yet. */
  | { kind: 'starting'; gate: Gate }
  | { kind: 'shopper'; gate: Gate; tone: GateTone; words: GateWords; outcome: GateOutcome | null };

export interface GateScreenInput {
  display: Pick<GateDisplayState, 'source' | 'showing'>;
  /** From the address: `#/gate/<gateId>`. */
  gateId: string | null;
  plan: LoadState<FloorPlan>;
  connection: ConnectionState;
}

export function entryGates(plan: FloorPlan): Gate[] {
  return plan.layout.gates.filter((gate) => gate.kind === 'entry');
}

export function outcomeWords(outcome: GateOutcome | null): { tone: GateTone; words: GateWords } {
  if (!outcome) return { tone: 'idle', words: idleWords };
  switch (outcome.kind) {
    case 'admitted':
      return { tone: 'ok', words: welcomeWords(outcome.groupSize) };
    case 'refused':
      return { tone: 'stop', words: refusalWords(outcome.reason) };
    case 'tailgating':
      return { tone: 'warn', words: tailgatingWords };
  }
}

export function selectGateScreen({ display, gateId, plan, connection }: GateScreenInput): GateScreen {
  if (connection === 'unauthorized') return { kind: 'unauthorized' };
  // Once the plan is here the screen has been up before: a closed link is a lost one.
  if (connection !== 'open') return { kind: 'connecting', again: connection === 'closed' || plan.status === 'ready' };
  if (plan.status !== 'ready') return { kind: 'pending', phase: pendingPhase(plan, connection) ?? { kind: 'loading' } };
  const gate = plan.data.layout.gates.find((g) => g.id === gateId);
  if (!gate || gate.kind !== 'entry') return { kind: 'unknown-gate', gateId, exit: gate?.kind === 'exit', entryGates: entryGates(plan.data) };
  if (display.source === null) return { kind: 'starting', gate };
  if (display.source === 'none') return { kind: 'no-feed', gate };
  return { kind: 'shopper', gate, outcome: display.showing, ...outcomeWords(display.showing) };
}

/** The screen's colour band: shoppers' outcomes by colour, the rest offline grey (or red where staff must act). */
export function screenTone(screen: GateScreen): GateTone {
  switch (screen.kind) {
    case 'shopper':
      return screen.tone;
    case 'unknown-gate':
    case 'unauthorized':
      return 'stop';
    case 'pending':
      return screen.phase.kind === 'error' ? 'stop' : 'offline';
    default:
      return 'offline';
  }
}
