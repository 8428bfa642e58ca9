// Staged coincidences: two strangers picking from adjacent plates at the same moment, the case
// that defeats an engine attributing by "who stood nearest". Left to chance it almost never
// happens in a short run, so a shopper at a plate may post a meeting, a stranger nearby takes it
// and walks to a neighbouring plate, and both reach on a shared cue. Nothing here moves anyone;
// it only coordinates two behaviours.
import type { Agent } from './agent';
import type { PlateSite } from './shelf-access';

export interface Meeting {
  requester: Agent;
  site: PlateSite;
  partner: Agent | undefined;
  state: 'open' | 'taken' | 'ready' | 'cancelled';
  /** The shared cue: both hands go in around this time. */
  reachAtMs: number;
  expiresMs: number;
}

export class RendezvousBoard {
  private meetings: Meeting[] = [];
  /** Meetings that ended with both hands in adjacent plates together, for the run's statistics. */
  held = 0;

  post(requester: Agent, site: PlateSite, nowMs: number, waitMs: number): Meeting {
    const m: Meeting = { requester, site, partner: undefined, state: 'open', reachAtMs: NaN, expiresMs: nowMs + waitMs };
    this.meetings.push(m);
    return m;
  }

  /** The nearest open meeting a stranger (not of `me`'s party) within `maxDistance` could join. */
  take(me: Agent, nowMs: number, maxDistance: number): Meeting | undefined {
    this.meetings = this.meetings.filter((m) => m.state === 'open' || m.state === 'taken' || m.state === 'ready');
    let best: Meeting | undefined;
    let bestD = maxDistance;
    for (const m of this.meetings) {
      if (m.state !== 'open' || m.expiresMs - nowMs < 8000 || m.requester === me) continue;
      if (me.partyKey >= 0 && m.requester.partyKey === me.partyKey) continue;
      const d = Math.hypot(m.site.frontX - me.x, m.site.frontY - me.y);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    if (best) {
      best.state = 'taken';
      best.partner = me;
    }
    return best;
  }

  /** The partner is in place: set the cue. */
  ready(m: Meeting, reachAtMs: number): void {
    if (m.state !== 'taken') return;
    m.state = 'ready';
    m.reachAtMs = reachAtMs;
  }

  cancel(m: Meeting): void {
    if (m.state === 'open' || m.state === 'taken') m.state = 'cancelled';
  }
}
