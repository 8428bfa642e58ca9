// The fusion stage, last in the engine: gate scans and passages in, the vision stage's floor tracks
// and the shelf stage's events observed; out come sessions, attributions, cart changes, flags and
// receipts (DESIGN §4 "Fusion"). This file owns the clock. Everything that waits — a crossing for a
// late scan, a passage for the crossings around it, an admission for its group, an event for its
// last track points, a session for what it may still be charged for — has a due time; due work runs
// in due-time order whenever time reaches it and is stamped with its due time, so live, replay and
// tests agree. A receipt waiting for a shelf still settling has the latest it may close as its due
// time until the shelf stage reports the shelf settled (receipt-timing.ts).
import type { StoreModel } from '../../store/schema';
import { isRestockAction, type EngineInput } from '../inputs';
import { onAgeCheck } from './age-check';
import type { DecisionSink, EngineStage, ShelfActivity } from '../stage';
import { attribute, closeSession } from './charging';
import { FusionContext } from './context';
import { cancelCrossing, onPassage, onScan, resolveCrossing, resolvePassage } from './entrances';
import { onLifecycle, onPoint } from './identity';
import { fusionOptions, type FusionTunables } from './options';
import type { LiveSession } from './session';

export interface FusionStage extends EngineStage {
  readonly name: 'fusion';
  /** Sessions not yet closed (open or settling), for the live view and tests. */
  sessions(): LiveSession[];
}

/** `shelfActivity`: the shelf stage, whose shelves still settling hold the receipts of shoppers who reached into them. */
export type FusionStageOptions = Partial<FusionTunables> & { storeKey: Uint8Array; shelfActivity?: ShelfActivity };

/** How often (store ms) old tracks, expired nonces and long-closed sessions are forgotten. */
const sweepEveryMs = 10_000;
/** A track with no point for this long is not being seen (points come every 100 ms). */
const unseenMs = 500;

export function createFusionStage(store: StoreModel, options: FusionStageOptions): FusionStage {
  const { shelfActivity, ...tunables } = options;
  const ctx = new FusionContext(store, fusionOptions(tunables), shelfActivity);
  const o = ctx.o;
  let nextSweep = -Infinity;
  let nextDue = Infinity;
  /** The time the frame last advanced to: a reading observed now is evaluated as of then. */
  let lastAdvance = -Infinity;

  function computeNextDue(): number {
    let next = Math.min(nextSweep, ctx.gatekeeper.nextDeadline() + 1);
    for (const p of ctx.pendingCrossings) next = Math.min(next, p.due);
    for (const p of ctx.pendingPassages) next = Math.min(next, p.due);
    for (const q of ctx.queuedEvents) next = Math.min(next, q.due);
    for (const s of ctx.sessions.values()) if (s.status !== 'closed' && s.closesAtMs !== undefined) next = Math.min(next, s.closesAtMs);
    return next;
  }

  /**
   * Settles a crossing that waited out its grace, unless its track is no longer being reported: a
   * detector ghost at the door stops at once (the vision stage ends it seconds later), a person
   * walking in does not. Such a crossing waits on, and is dropped if its track ends or the stream does.
   */
  function settleCrossing(index: number, now: number, atFinish: boolean, emit: DecisionSink): void {
    const p = ctx.pendingCrossings[index]!;
    if (now - p.track.lastT > unseenMs) {
      if (atFinish) cancelCrossing(ctx, p.track);
      else p.due = now + o.tailgateGraceMs;
      ctx.dirty = true;
      return;
    }
    ctx.pendingCrossings.splice(index, 1);
    resolveCrossing(ctx, p, emit);
  }

  /** Runs everything due by `t`, earliest first; at one due time: crossings, passages, admissions, events, receipts. */
  function runDue(t: number, emit: DecisionSink): void {
    for (;;) {
      if (ctx.dirty) {
        nextDue = computeNextDue();
        ctx.dirty = false;
      }
      if (nextDue > t) return;
      const due = nextDue;
      ctx.dirty = true;
      const crossing = ctx.pendingCrossings.findIndex((p) => p.due <= due);
      if (crossing >= 0) {
        settleCrossing(crossing, due, false, emit);
        continue;
      }
      const passage = ctx.pendingPassages.findIndex((p) => p.due <= due);
      if (passage >= 0) {
        resolvePassage(ctx, ctx.pendingPassages.splice(passage, 1)[0]!, emit);
        continue;
      }
      if (ctx.gatekeeper.nextDeadline() + 1 <= due) {
        for (const admission of ctx.gatekeeper.expire(due)) {
          ctx.admissionClosedAt.set(admission.sessionId, admission.deadlineMs);
          const session = ctx.sessions.get(admission.sessionId);
          if (session) ctx.reschedule(session);
        }
        continue;
      }
      const queued = ctx.queuedEvents.findIndex((q) => q.due <= due);
      if (queued >= 0) {
        attribute(ctx, ctx.queuedEvents.splice(queued, 1)[0]!.event, emit);
        continue;
      }
      const closing = [...ctx.sessions.values()].find((s) => s.status !== 'closed' && s.closesAtMs !== undefined && s.closesAtMs <= due);
      if (closing) {
        // An event begun before the exit may have come out since the close was planned, due later.
        const ready = closing.status === 'settling' ? ctx.receipts.due(closing) : closing.closesAtMs!;
        if (ready > closing.closesAtMs!) closing.closesAtMs = ready;
        else closeSession(ctx, closing, closing.closesAtMs!, false, emit);
        continue;
      }
      if (nextSweep <= due) {
        sweep(due);
        continue;
      }
      return; // nothing was due after all (cannot happen; guards against spinning)
    }
  }

  /** Forgets what can no longer matter: old ended tracks, expired nonces, long-closed sessions. */
  function sweep(t: number): void {
    nextSweep = t + sweepEveryMs;
    const before = t - o.historyMs;
    ctx.tracks.forget(before);
    ctx.gatekeeper.forgetExpiredNonces(t);
    for (const [id, at] of ctx.closedAt) {
      if (at >= before) continue;
      ctx.sessions.delete(id);
      ctx.closedAt.delete(id);
      ctx.admissionClosedAt.delete(id);
    }
    const tailgaters = ctx.tailgateCrossings;
    for (let i = tailgaters.length - 1; i >= 0; i--) if (tailgaters[i]!.t < before) tailgaters.splice(i, 1);
    for (const [old, fresh] of ctx.replacedBy) {
      if (ctx.tracks.get(old) || ctx.tracks.get(fresh)) continue;
      ctx.replacedBy.delete(old);
      ctx.standInFor.delete(fresh);
    }
  }

  return {
    name: 'fusion',
    accept(input: EngineInput, emit: DecisionSink): void {
      if (input.kind === 'gate-scan') onScan(ctx, input, emit);
      else if (input.kind === 'gate-passage') onPassage(ctx, input);
      else if (input.kind === 'staff-action') {
        if (isRestockAction(input)) ctx.restock.apply(input);
        else onAgeCheck(ctx, input, emit);
      }
    },
    observe(decision, emit): void {
      switch (decision.kind) {
        case 'track-point':
          onPoint(ctx, decision, emit);
          return;
        case 'track-started':
        case 'track-lost':
        case 'track-refound':
        case 'track-ended':
          onLifecycle(ctx, decision, emit);
          return;
        case 'shelf-reading':
          ctx.pending.onReading(decision, lastAdvance);
          return;
        case 'shelf-event':
          ctx.queuedEvents.push({ event: decision, due: decision.endMs + o.eventPadMs + o.trackLagMs });
          ctx.dirty = true;
          return;
        default:
          return;
      }
    },
    advance(t: number, emit: DecisionSink): void {
      lastAdvance = t;
      if (nextSweep === -Infinity) {
        nextSweep = t + sweepEveryMs;
        ctx.dirty = true;
      }
      if (ctx.receipts.holding && ctx.receipts.release()) ctx.dirty = true;
      runDue(t, emit);
      if (ctx.pending.any) ctx.pending.advance(t);
    },
    finish(t: number, emit: DecisionSink): void {
      runDue(t, emit);
      // The stream has ended: nothing more can explain a crossing or a passage, every event's
      // track points are in, and every session still open gets its receipt now.
      while (ctx.pendingCrossings.length > 0) settleCrossing(0, t, true, emit);
      while (ctx.pendingPassages.length > 0) resolvePassage(ctx, ctx.pendingPassages.shift()!, emit);
      ctx.queuedEvents.sort((a, b) => a.due - b.due);
      while (ctx.queuedEvents.length > 0) attribute(ctx, ctx.queuedEvents.shift()!.event, emit);
      ctx.pending.clear();
      for (const session of ctx.sessions.values()) if (session.status !== 'closed') closeSession(ctx, session, t, true, emit);
      ctx.dirty = true;
    },
    sessions(): LiveSession[] {
      return [...ctx.sessions.values()].filter((s) => s.status !== 'closed').map((s) => s.snapshot());
    },
  };
}
