// Following people through the vision stage's tracks: crossings of gate lines (in binds a track to
// a session, out ends a member), tracks first seen just inside an entry (they came through unseen),
// members whose tracks vanish (out if at a gate, else gone, and possibly taken over by a new track
// that appears near where they were lost — flagged, since that identity is a guess), and tracks of
// no session told apart as staff (from the stock-room door) or unknown.
import { round } from './attribution';
import type { TrackLifecycleDecision, TrackPoint } from '../decisions';
import type { DecisionSink } from '../stage';
import type { FusionContext } from './context';
import { cancelCrossing, onUnboundEntry } from './entrances';
import { alongLine, distanceToGate, insideDistance, stepCrossing, type Crossing, type GateLine } from './gate-lines';
import type { Member, Session } from './session';
import type { TrackState } from './tracks';

export function onPoint(ctx: FusionContext, p: TrackPoint, emit: DecisionSink): void {
  const before = ctx.tracks.get(p.trackId);
  const wasSeen = before?.seen === true;
  const t0 = before?.lastT ?? NaN;
  const x0 = before?.lastX ?? NaN;
  const y0 = before?.lastY ?? NaN;
  const track = ctx.tracks.point(p.trackId, p.t, p.x, p.y, p.leftHand, p.rightHand);
  if (!wasSeen) {
    onFirstPoint(ctx, track, emit);
    return;
  }
  // Gate lines stretched by the tolerance may overlap at a post between two lanes: the step
  // crossed the gate whose segment it passed nearest (on it, ideally).
  let best: Crossing | undefined;
  let bestOff = Infinity;
  for (const g of ctx.gateList) {
    const crossing = stepCrossing(g, t0, x0, y0, p.t, p.x, p.y, ctx.o.gateToleranceM);
    const off = crossing ? distanceToGate(g, crossing.x, crossing.y) : Infinity;
    if (off < bestOff) {
      best = crossing;
      bestOff = off;
    }
  }
  if (best) onCrossing(ctx, track, best, emit);
}

/** The entry gate a track first seen at (x, y) must have come through unseen, if any. */
function entryBehind(ctx: FusionContext, x: number, y: number): GateLine | undefined {
  let best: GateLine | undefined;
  let bestD = Infinity;
  for (const g of ctx.entryGates) {
    const d = insideDistance(g, x, y);
    const s = alongLine(g, x, y);
    if (d <= 0 || d > ctx.o.entryStartRadiusM || s < -ctx.o.gateToleranceM || s > g.length + ctx.o.gateToleranceM) continue;
    if (d < bestD) {
      best = g;
      bestD = d;
    }
  }
  return best;
}

function onFirstPoint(ctx: FusionContext, track: TrackState, emit: DecisionSink): void {
  if (track.sessionId !== undefined) return;
  const gate = entryBehind(ctx, track.firstX, track.firstY);
  // A track appearing just inside may be a member whose track broke at the door: that first.
  if (gate) {
    if (!rebindNewTrack(ctx, track, emit)) onUnboundEntry(ctx, track, gate, track.firstT, track.firstX, track.firstY, emit);
  } else if (ctx.inside(track.firstX, track.firstY)) {
    if (!rebindNewTrack(ctx, track, emit)) classify(ctx, track);
  }
}

function onCrossing(ctx: FusionContext, track: TrackState, c: Crossing, emit: DecisionSink): void {
  const session = ctx.openSession(track.sessionId);
  if (c.direction === 'in') {
    if (session) {
      if (session.members.get(track.id)?.state === 'exited') {
        // Came back in before the receipt: not gone after all.
        session.setState(track.id, 'active', c.t);
        ctx.reschedule(session);
      }
      return;
    }
    if (track.pending) return;
    // A track of a closed session coming back is a new visit, on whatever admission it finds.
    track.sessionId = undefined;
    onUnboundEntry(ctx, track, c.gate, c.t, c.x, c.y, emit);
    return;
  }
  if (track.pending) {
    cancelCrossing(ctx, track);
    return;
  }
  if (session && session.members.get(track.id)?.state === 'active') {
    session.setState(track.id, 'exited', c.t);
    ctx.reschedule(session);
  }
}

export function onLifecycle(ctx: FusionContext, d: TrackLifecycleDecision, emit: DecisionSink): void {
  const track = ctx.tracks.ensure(d.trackId);
  if (track.role === 'staff' && (d.kind === 'track-lost' || d.kind === 'track-ended')) {
    if (d.kind === 'track-ended') track.ended = true;
    passStaffRole(ctx, track);
    return;
  }
  const session = ctx.openSession(track.sessionId);
  const member = session?.members.get(track.id);
  switch (d.kind) {
    case 'track-started':
      return;
    case 'track-lost':
      if (session && member?.state === 'active') {
        member.unseen = true;
        rebindLostMember(ctx, session, track, emit);
      }
      return;
    case 'track-refound':
      if (!session || !member) return;
      member.unseen = false;
      if (member.state === 'replaced') {
        reinstate(ctx, session, member, d.t);
        return;
      }
      ctx.raise(session, 'track-lost', d.t, `track ${track.id} was lost and re-found at (${round(d.x, 2)}, ${round(d.y, 2)}): identity across the gap is a guess`, emit, {
        trackId: track.id,
      });
      return;
    case 'track-ended':
      track.ended = true;
      // Gone again before its crossing was settled: a detector ghost at the door, not a person.
      if (track.pending) cancelCrossing(ctx, track);
      else memberEnded(ctx, track, d.t, emit);
      return;
  }
}

/** A member's track ended: out through a gate if it ended at one, else gone, and maybe taken over. */
export function memberEnded(ctx: FusionContext, track: TrackState, t: number, emit: DecisionSink): void {
  const session = ctx.openSession(track.sessionId);
  const member = session?.members.get(track.id);
  if (!session || member?.state !== 'active') return;
  const { lastX: x, lastY: y } = track;
  const o = ctx.o;
  const atGate = ctx.gateList.some((g) => distanceToGate(g, x, y) <= o.exitNearM && (g.kind === 'exit' || insideDistance(g, x, y) <= 0));
  if (track.seen && (atGate || !ctx.inside(x, y))) {
    session.setState(track.id, 'exited', t);
    ctx.reschedule(session);
    return;
  }
  // A stand-in whose original came back (reinstated) was a second look at the same person.
  const original = ctx.standInFor.get(track.id);
  if (original !== undefined && session.members.get(original)?.state === 'active') {
    session.setState(track.id, 'replaced', t);
    ctx.reschedule(session);
    return;
  }
  session.setState(track.id, 'gone', t);
  ctx.reschedule(session);
  rebindLostMember(ctx, session, track, emit);
}

function rebindRadius(ctx: FusionContext, gapMs: number): number {
  const o = ctx.o;
  return Math.min(o.rebindMaxM, o.rebindBaseM + (o.rebindSpeedMps * Math.max(0, gapMs)) / 1000);
}

/**
 * Whether `fresh` may be `old` again: it was first reported near where old was last, from a second
 * before old's last point (vision keeps reporting a track briefly after losing sight of it, while
 * the new one is being confirmed) to rebindWindowMs after.
 */
function continues(ctx: FusionContext, old: TrackState, fresh: TrackState): boolean {
  if (!old.seen || !fresh.seen) return false;
  const gap = fresh.firstT - old.lastT;
  if (gap < -1000 || gap > ctx.o.rebindWindowMs) return false;
  return Math.hypot(fresh.firstX - old.lastX, fresh.firstY - old.lastY) <= rebindRadius(ctx, gap);
}

/** Lets `fresh` take over from member track `old` of `session`. */
function takeOver(ctx: FusionContext, session: Session, old: TrackState, fresh: TrackState, emit: DecisionSink): void {
  const t = fresh.firstT;
  const distance = Math.hypot(fresh.firstX - old.lastX, fresh.firstY - old.lastY);
  session.setState(old.id, 'replaced', t);
  ctx.replacedBy.set(old.id, fresh.id);
  ctx.standInFor.set(fresh.id, old.id);
  const where = `(${round(old.lastX, 2)}, ${round(old.lastY, 2)})`;
  ctx.raise(session, 'track-lost', t, `track ${old.id} was lost at ${where}; track ${fresh.id} took over ${round(distance, 2)} m away`, emit, { trackId: fresh.id });
  ctx.bind(fresh, session, t, 'rebind', emit, { replacesTrackId: old.id, distanceM: round(distance, 3) });
}

/** A member went unseen or gone: the nearest unbound track that appeared near it since may be them. */
function rebindLostMember(ctx: FusionContext, session: Session, old: TrackState, emit: DecisionSink): void {
  let best: TrackState | undefined;
  let bestD = Infinity;
  for (const cand of ctx.tracks.tracks.values()) {
    if (cand === old || cand.sessionId !== undefined || cand.pending || cand.ended || cand.role === 'staff') continue;
    if (!continues(ctx, old, cand) || !ctx.inside(cand.firstX, cand.firstY)) continue;
    const d = Math.hypot(cand.firstX - old.lastX, cand.firstY - old.lastY);
    if (d < bestD) {
      best = cand;
      bestD = d;
    }
  }
  if (best) takeOver(ctx, session, old, best, emit);
}

/** A new unbound track: the nearest member lost or gone near there shortly before may be them. */
function rebindNewTrack(ctx: FusionContext, fresh: TrackState, emit: DecisionSink): boolean {
  let best: { session: Session; old: TrackState; d: number } | undefined;
  for (const session of ctx.sessions.values()) {
    if (session.status === 'closed') continue;
    for (const member of session.members.values()) {
      if (!(member.state === 'gone' || (member.state === 'active' && member.unseen))) continue;
      const old = ctx.tracks.get(member.trackId);
      if (!old || old === fresh || !continues(ctx, old, fresh)) continue;
      const d = Math.hypot(fresh.firstX - old.lastX, fresh.firstY - old.lastY);
      if (!best || d < best.d) best = { session, old, d };
    }
  }
  if (!best) return false;
  takeOver(ctx, best.session, best.old, fresh, emit);
  return true;
}

/** A replaced member's own track came back: it is them after all; a stand-in that vanished steps aside. */
function reinstate(ctx: FusionContext, session: Session, member: Member, t: number): void {
  member.state = 'active';
  member.since = t;
  const standIn = ctx.replacedBy.get(member.trackId);
  if (standIn !== undefined && session.members.get(standIn)?.state === 'gone') session.setState(standIn, 'replaced', t);
  ctx.reschedule(session);
}

/** Staff or unknown, for a track first seen inside that belongs to no session. */
function classify(ctx: FusionContext, track: TrackState): void {
  if (ctx.nearStaffZone(track.firstX, track.firstY)) {
    track.role = 'staff';
    return;
  }
  track.role = 'unknown';
  for (const old of ctx.tracks.tracks.values()) {
    if (old.role === 'staff' && old !== track && continues(ctx, old, track)) {
      track.role = 'staff';
      return;
    }
  }
}

/** A staff track went unseen: unknown tracks that appeared near it since are staff. */
function passStaffRole(ctx: FusionContext, old: TrackState): void {
  for (const cand of ctx.tracks.tracks.values()) {
    if (cand.role === 'unknown' && cand !== old && continues(ctx, old, cand)) cand.role = 'staff';
  }
}
