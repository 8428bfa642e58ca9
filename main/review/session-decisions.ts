// One session as the engine decided it, read back from the decisions table: how it opened, who was
// in it, which shelf events were charged to it (and which it only came close to), its flags and its
// receipt. Review and replay both start from this. Sessions and shelf events are numbered afresh in
// every live run, so everything here is read within the session's own run.
import { NOBODY } from '../../native-bridge/contract/review-actions';
import { parseSessionKey, sessionKey } from '../../native-bridge/contract/session-key';
import type { DecisionsRepository, StoredDecision } from '../db';
import type {
  AttributionDecision,
  CartChangeDecision,
  EngineDecision,
  GateAdmittedDecision,
  ReceiptDecision,
  SessionFlagDecision,
  SessionMemberDecision,
  ShelfEventDecision,
  TailgatingAlertDecision,
} from '../engine/decisions';

export interface SessionDecisions {
  /** The session across runs (see session-key.ts); what review and replay call it. */
  key: string;
  /** The live run it belongs to; undefined for decisions recorded before runs were. */
  runId: number | undefined;
  /** The engine's id within the run. */
  sessionId: string;
  admitted?: GateAdmittedDecision;
  tailgating?: TailgatingAlertDecision;
  members: SessionMemberDecision[];
  /** Events the engine charged to this session (late ones included: their receipt was not changed). */
  attributions: AttributionDecision[];
  cartChanges: CartChangeDecision[];
  flags: SessionFlagDecision[];
  receipt?: ReceiptDecision;
}

/** A shelf event with the attribution that followed it (absent while it waits for one). */
export interface EventWithAttribution {
  runId: number | undefined;
  event: ShelfEventDecision;
  attribution?: AttributionDecision;
}

/** How far around a session's own decisions to look for the shelf events it refers to. */
const EVENT_SEARCH_MARGIN_MS = 60_000;

export function parseDecision(json: string): EngineDecision {
  return JSON.parse(json) as EngineDecision;
}

/** The decisions of one run (undefined: those recorded with no run). */
function inRun(decisions: Pick<DecisionsRepository, 'list'>, filter: Parameters<DecisionsRepository['list']>[0], runId: number | undefined): StoredDecision[] {
  const rows = decisions.list({ ...filter, ...(runId !== undefined ? { runId } : {}) });
  return runId === undefined ? rows.filter((row) => row.runId === undefined) : rows;
}

/** The key of a session the engine named within a run (NOBODY stays NOBODY). */
export function keyInRun(runId: number | undefined, sessionId: string): string {
  return sessionId === NOBODY ? NOBODY : sessionKey(runId, sessionId);
}

/** A shelf event across runs, as the review tables store it ("r3.F1-S2#14"). */
export function eventKey(runId: number | undefined, eventId: string): string {
  return sessionKey(runId, eventId);
}

/** Undefined when no decision names the session (or the key is not one). */
export function loadSessionDecisions(decisions: Pick<DecisionsRepository, 'list'>, key: string): SessionDecisions | undefined {
  let parsed: ReturnType<typeof parseSessionKey>;
  try {
    parsed = parseSessionKey(key);
  } catch {
    return undefined;
  }
  const { runId, sessionId } = parsed;
  const rows = inRun(decisions, { sessionId }, runId);
  if (rows.length === 0) return undefined;
  const out: SessionDecisions = { key, runId, sessionId, members: [], attributions: [], cartChanges: [], flags: [] };
  for (const row of rows) {
    const d = parseDecision(row.json);
    switch (d.kind) {
      case 'gate-admitted':
        out.admitted = d;
        break;
      case 'tailgating-alert':
        out.tailgating = d;
        break;
      case 'session-member':
        out.members.push(d);
        break;
      case 'attribution':
        out.attributions.push(d);
        break;
      case 'cart-change':
        out.cartChanges.push(d);
        break;
      case 'session-flag':
        out.flags.push(d);
        break;
      case 'receipt':
        out.receipt = d;
        break;
      default:
        break;
    }
  }
  return out;
}

/** When the session opened: its admission, else its tailgating alert, else its first decision. */
export function openedAt(s: SessionDecisions): number {
  return s.admitted?.t ?? s.tailgating?.t ?? Math.min(...[...s.members, ...s.attributions, ...s.flags].map((d) => d.t), s.receipt?.t ?? Infinity);
}

/** Every shelf event the session's decisions name: charged to it, moved in its cart, or flagged for it. */
export function referencedEventIds(s: SessionDecisions): string[] {
  const ids = new Set<string>();
  for (const a of s.attributions) ids.add(a.eventId);
  for (const c of s.cartChanges) ids.add(c.eventId);
  for (const f of s.flags) if (f.eventId) ids.add(f.eventId);
  return [...ids];
}

/**
 * The shelf events with these ids and their attributions, in time order. Shelf events carry no
 * session, so they are found by time around the session's own decisions.
 */
export function loadEvents(
  decisions: Pick<DecisionsRepository, 'list'>,
  runId: number | undefined,
  eventIds: readonly string[],
  fromMs: number,
  toMs: number,
): EventWithAttribution[] {
  if (eventIds.length === 0) return [];
  const wanted = new Set(eventIds);
  const events = new Map<string, EventWithAttribution>();
  const attributions = new Map<string, AttributionDecision>();
  const rows = inRun(decisions, { kinds: ['shelf-event', 'attribution'], fromMs: fromMs - EVENT_SEARCH_MARGIN_MS, toMs: toMs + EVENT_SEARCH_MARGIN_MS }, runId);
  for (const row of rows) {
    const d = parseDecision(row.json);
    if (d.kind === 'shelf-event' && wanted.has(d.id)) events.set(d.id, { runId, event: d });
    else if (d.kind === 'attribution' && wanted.has(d.eventId)) attributions.set(d.eventId, d);
  }
  for (const [id, attribution] of attributions) {
    const entry = events.get(id);
    if (entry) entry.attribution = attribution;
  }
  return [...events.values()].sort((a, b) => a.event.t - b.event.t);
}

/** The time span the session's own decisions cover. */
export function decisionSpan(s: SessionDecisions): { fromMs: number; toMs: number } {
  const times = [openedAt(s), ...s.attributions.map((d) => d.t), ...s.flags.map((d) => d.t), ...s.cartChanges.map((d) => d.t)];
  if (s.receipt) times.push(s.receipt.t);
  return { fromMs: Math.min(...times), toMs: Math.max(...times) };
}
