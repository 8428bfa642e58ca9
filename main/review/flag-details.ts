// A session's flags as the review and replay pages show them. The engine writes each flag's detail
// with the bare ids it knows within its run ("runner-up S6 at 0.4"), while the pages name sessions
// by key across runs ("r3.S6"). The engine's words are kept; only the session ids a flag can name
// are rewritten: its own session and, for a flag about a shelf event, the event's winner and
// candidates, as the attribution recorded them. Matched as whole words, so the "S2" inside an
// event id such as "F1-S2#14" or a product code is left alone.
import type { ReviewFlag } from '../../native-bridge/contract/dto-review';
import { NOBODY } from '../../native-bridge/contract/review-actions';
import type { SessionFlagDecision } from '../engine/decisions';
import { keyInRun, type EventWithAttribution, type SessionDecisions } from './session-decisions';

/** Engine session ids are letters, digits, `_` and `-`; escaped anyway, so a regex never sees an unexpected one raw. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** The engine's ids the flag may name, each with its key. */
function namedSessions(s: SessionDecisions, f: SessionFlagDecision, events: ReadonlyMap<string, EventWithAttribution>): Map<string, string> {
  const ids = new Set([s.sessionId]);
  const attribution = f.eventId !== undefined ? events.get(f.eventId)?.attribution : undefined;
  if (attribution) {
    ids.add(attribution.sessionId);
    for (const c of attribution.candidates) ids.add(c.sessionId);
  }
  ids.delete(NOBODY);
  return new Map([...ids].map((id) => [id, keyInRun(s.runId, id)]));
}

/** The detail with every session id it names as a key ("runner-up S6" → "runner-up r3.S6"). */
export function detailWithKeys(detail: string, keys: ReadonlyMap<string, string>): string {
  const renamed = [...keys].filter(([id, key]) => id !== key);
  if (renamed.length === 0) return detail;
  // Longest first, so S12 is not read as S1 followed by "2".
  const ids = renamed.map(([id]) => id).sort((a, b) => b.length - a.length);
  const word = new RegExp(`(?<=^|[\\s(,])(${ids.map(escape).join('|')})(?=$|[\\s),;:.])`, 'g');
  return detail.replace(word, (id) => keys.get(id) ?? id);
}

/** The session's flags with the sessions their details name as keys. `events`: the shelf events the flags refer to. */
export function flagsWithKeys(s: SessionDecisions, events: readonly EventWithAttribution[]): ReviewFlag[] {
  const byId = new Map(events.map((e) => [e.event.id, e]));
  return s.flags.map((f) => ({
    reason: f.reason,
    t: f.t,
    detail: detailWithKeys(f.detail, namedSessions(s, f, byId)),
    ...(f.eventId !== undefined ? { eventId: f.eventId } : {}),
    ...(f.trackId !== undefined ? { trackId: f.trackId } : {}),
  }));
}
