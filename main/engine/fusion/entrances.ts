// Coming in: a verified scan opens a session and an admission at its gate; a track crossing in
// takes a slot of an admission at its own gate at once, or waits tailgateGraceMs for a scan read a
// moment late (then also for an adjacent lane's admission, scanned before it crossed) and is
// otherwise a tailgater with an anonymous session. Passage counts beyond the admissions that no
// tailgating track explains raise an alert of their own.
import type { GatePassage, GateScan } from '../inputs';
import type { DecisionSink } from '../stage';
import type { FusionContext, PendingCrossing, PendingPassage } from './context';
import type { GateLine } from './gate-lines';
import { Session } from './session';
import type { TrackState } from './tracks';

export function onScan(ctx: FusionContext, scan: GateScan, emit: DecisionSink): void {
  const result = ctx.gatekeeper.check(scan);
  if (!result.ok) {
    const { ok: _ok, ...refusal } = result;
    emit({ kind: 'gate-refused', t: scan.t, gate: scan.gate, ...refusal });
    return;
  }
  const { claims } = result;
  const session = new Session({
    id: `S${++ctx.tokenSessions}`,
    gate: scan.gate,
    openedMs: scan.t,
    groupSize: claims.groupSize,
    account: claims.account,
    tokenNonce: claims.nonce,
  });
  ctx.sessions.set(session.id, session);
  ctx.gatekeeper.admit(session.id, claims, scan.gate, scan.t);
  emit({
    kind: 'gate-admitted',
    t: scan.t,
    gate: scan.gate,
    sessionId: session.id,
    account: claims.account,
    groupSize: claims.groupSize,
    tokenNonce: claims.nonce,
    expiresAtMs: claims.expiresAtMs,
  });
  ctx.reschedule(session);
  // People who crossed this gate a moment before the code was read came in on it.
  const pending = ctx.pendingCrossings;
  for (let i = 0; i < pending.length; ) {
    const p = pending[i]!;
    const admission = p.t >= scan.t - ctx.o.tailgateGraceMs ? ctx.gatekeeper.claim(p.gate, p.x, p.y, p.t, false) : undefined;
    if (admission) {
      pending.splice(i, 1);
      ctx.bind(p.track, ctx.sessions.get(admission.sessionId)!, p.t, 'admission', emit, { gate: admission.gate.id });
    } else i++;
  }
}

/** An unbound track came in at (x, y): on an open admission of that gate, else it waits for a late scan. */
export function onUnboundEntry(ctx: FusionContext, track: TrackState, gate: GateLine, t: number, x: number, y: number, emit: DecisionSink): void {
  const admission = ctx.gatekeeper.claim(gate, x, y, t, false);
  if (admission) {
    ctx.bind(track, ctx.sessions.get(admission.sessionId)!, t, 'admission', emit, { gate: admission.gate.id });
    return;
  }
  track.pending = true;
  ctx.pendingCrossings.push({ track, gate, t, x, y, due: t + ctx.o.tailgateGraceMs });
  ctx.dirty = true;
}

/** A track that stepped back out before its crossing was resolved: nobody came in. */
export function cancelCrossing(ctx: FusionContext, track: TrackState): void {
  const i = ctx.pendingCrossings.findIndex((p) => p.track === track);
  if (i >= 0) ctx.pendingCrossings.splice(i, 1);
  track.pending = false;
}

/** A crossing that waited out the grace: on a free slot of an adjacent gate's admission, else tailgating. */
export function resolveCrossing(ctx: FusionContext, p: PendingCrossing, emit: DecisionSink): void {
  if (!p.track.pending) return;
  const admission = ctx.gatekeeper.claim(p.gate, p.x, p.y, p.t, true);
  if (admission) {
    ctx.bind(p.track, ctx.sessions.get(admission.sessionId)!, p.t, 'admission', emit, { gate: admission.gate.id });
    return;
  }
  const session = new Session({ id: `A${++ctx.anonymousSessions}`, gate: p.gate.id, openedMs: p.t, groupSize: 1 });
  ctx.sessions.set(session.id, session);
  emit({ kind: 'tailgating-alert', t: p.t, gate: p.gate.id, trackId: p.track.id, sessionId: session.id, evidence: 'track-crossing' });
  ctx.raise(session, 'tailgating', p.t, `track ${p.track.id} crossed ${p.gate.id} inward with no open admission`, emit, { trackId: p.track.id });
  ctx.tailgateCrossings.push({ gate: p.gate, t: p.t, usedByPassage: false });
  ctx.bind(p.track, session, p.t, 'tailgating', emit, { gate: p.gate.id });
}

export function onPassage(ctx: FusionContext, passage: GatePassage): void {
  const gate = ctx.gates.get(passage.gate);
  if (!gate || gate.kind !== 'entry') return;
  ctx.pendingPassages.push({ gate, t: passage.t, due: passage.t + ctx.o.passageMatchMs });
  ctx.dirty = true;
}

/**
 * A passage, once scans and crossings around it are in: a tailgater already known (or a crossing
 * still waiting), else an admitted person, else an alert. Known tailgaters go first so that their
 * passage does not use up the slot of someone scanned a moment later.
 */
export function resolvePassage(ctx: FusionContext, p: PendingPassage, emit: DecisionSink): void {
  const near = (t: number) => Math.abs(t - p.t) <= ctx.o.passageMatchMs;
  const known = ctx.tailgateCrossings.find((c) => !c.usedByPassage && c.gate === p.gate && near(c.t));
  if (known) {
    known.usedByPassage = true;
    return;
  }
  if (ctx.pendingCrossings.some((c) => c.gate === p.gate && near(c.t))) return;
  if (ctx.gatekeeper.countPassage(p.gate, p.t)) return;
  emit({ kind: 'tailgating-alert', t: p.t, gate: p.gate.id, evidence: 'passage-count' });
}
