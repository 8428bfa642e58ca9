// Each session as the floor map's shopper panel shows it: the live cart with each line's
// confidence, and what happened to it (admitted, members joining, picks and put-backs with how
// sure the engine was, flags, the receipt). Built from the engine's decisions as they happen and
// from fusion's snapshot of the open sessions (the cart's authority, and its pending lines: first
// readings of shelves still settling, replaced within about a second by the settled line). Every
// change bumps the session's revision; `takeChanges` hands the changed sessions to the host once per frame.
import type { LiveCartLine, LivePendingLine, LiveSessionDetail, LiveSessionEvent } from '../../native-bridge/contract/live-floor';
import type { EngineDecision, FlagReason } from '../engine/decisions';
import type { LiveSession, PendingLine } from '../engine/fusion/session';
import type { Product } from '../store/schema';

/** Newest events kept per session. */
export const SESSION_EVENTS_KEPT = 30;
/** Closed sessions kept after their receipt, so a panel or a feed entry can still show them. */
export const CLOSED_SESSIONS_KEPT = 200;

export interface SessionChanges {
  changed: LiveSessionDetail[];
  /** Closed sessions dropped to stay within CLOSED_SESSIONS_KEPT. */
  forgotten: string[];
}

type Catalog = ReadonlyMap<string, Pick<Product, 'name' | 'priceMinor' | 'ageRestricted'>>;

export class LiveSessionBook {
  private readonly sessions = new Map<string, LiveSessionDetail>();
  /** The last snapshot signature per open session: a cheap "did the cart, pending lines or members change?". */
  private readonly signatures = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly closedOrder: string[] = [];
  private readonly forgotten: string[] = [];
  /** The winner of the latest attribution, whose cart change follows it. */
  private lastAttribution: { eventId: string; sessionId: string; probability: number } | null = null;

  constructor(private readonly catalog: Catalog) {}

  get(sessionId: string): LiveSessionDetail | undefined {
    return this.sessions.get(sessionId);
  }

  hasFlag(sessionId: string, reason: FlagReason): boolean {
    return this.sessions.get(sessionId)?.flags.includes(reason) ?? false;
  }

  revisionOf(sessionId: string): number | undefined {
    return this.sessions.get(sessionId)?.revision;
  }

  /** Folds one decision in; decisions about sessions the book never saw open are ignored. */
  observe(d: EngineDecision): void {
    switch (d.kind) {
      case 'gate-admitted':
        this.open(d.sessionId, d.gate, d.t, false);
        this.append(d.sessionId, { t: d.t, kind: 'admitted', gate: d.gate, groupSize: d.groupSize });
        return;
      case 'tailgating-alert':
        if (d.sessionId !== undefined) this.open(d.sessionId, d.gate, d.t, true);
        return;
      case 'session-member':
        this.append(d.sessionId, { t: d.t, kind: 'member', trackId: d.trackId, via: d.via, ...(d.gate !== undefined ? { gate: d.gate } : {}) });
        return;
      case 'attribution':
        this.lastAttribution = { eventId: d.eventId, sessionId: d.sessionId, probability: d.probability };
        return;
      case 'cart-change': {
        const a = this.lastAttribution;
        const attribution = a && a.eventId === d.eventId && a.sessionId === d.sessionId ? a.probability : undefined;
        this.append(d.sessionId, {
          t: d.t,
          kind: 'cart',
          eventId: d.eventId,
          sku: d.sku,
          name: this.nameOf(d.sku),
          quantity: d.quantity,
          confidence: d.confidence,
          ...(attribution !== undefined ? { attribution } : {}),
        });
        return;
      }
      case 'session-flag': {
        const session = this.sessions.get(d.sessionId);
        // Fusion repeats a reason as evidence piles up; the panel lists each reason once.
        if (!session || session.flags.includes(d.reason)) return;
        session.flags = [...session.flags, d.reason];
        this.append(d.sessionId, { t: d.t, kind: 'flagged', reason: d.reason, detail: d.detail });
        return;
      }
      case 'age-check': {
        const session = this.sessions.get(d.sessionId);
        // A check that changed nothing (session closed or unknown) is for the replay, not the panel.
        if (!session || d.outcome !== 'applied' || session.ageCheck) return;
        session.ageCheck = { by: d.actor, t: d.t };
        this.append(d.sessionId, { t: d.t, kind: 'age-checked', by: d.actor });
        return;
      }
      case 'receipt': {
        const session = this.sessions.get(d.sessionId);
        if (!session) return;
        session.status = 'closed';
        session.receipt = d.status;
        session.cart = d.lines.map((line) => this.cartLine(line.sku, line.quantity, line.confidence));
        // The receipt is what was charged; nothing settles after it.
        session.pending = [];
        session.flags = [...new Set([...session.flags, ...d.flags])];
        this.append(d.sessionId, { t: d.t, kind: 'receipt', status: d.status });
        this.signatures.delete(d.sessionId);
        this.retire(d.sessionId);
        return;
      }
      default:
        return;
    }
  }

  /** Takes fusion's snapshot of the open sessions: cart, pending lines, status and members. */
  sync(open: readonly LiveSession[]): void {
    for (const s of open) {
      const session = this.sessions.get(s.id) ?? this.open(s.id, s.gate, s.openedMs, s.tokenNonce === undefined);
      const signature = snapshotSignature(s);
      if (this.signatures.get(s.id) === signature) continue;
      this.signatures.set(s.id, signature);
      session.status = s.status;
      session.trackIds = s.members.filter((m) => m.state !== 'replaced').map((m) => m.trackId);
      session.cart = s.cart.filter((line) => line.quantity !== 0).map((line) => this.cartLine(line.sku, line.quantity, line.confidence));
      session.pending = s.pending.filter((line) => line.quantity !== 0).map((line) => this.pendingLine(line));
      this.touch(session);
    }
  }

  /** The sessions changed since the last call, and those forgotten; null when there is nothing. */
  takeChanges(): SessionChanges | null {
    if (this.dirty.size === 0 && this.forgotten.length === 0) return null;
    const changed: LiveSessionDetail[] = [];
    for (const id of this.dirty) {
      const session = this.sessions.get(id);
      if (session) {
        changed.push({
          ...session,
          trackIds: [...session.trackIds],
          cart: [...session.cart],
          pending: [...session.pending],
          flags: [...session.flags],
          ...(session.ageCheck ? { ageCheck: { ...session.ageCheck } } : {}),
          events: [...session.events],
        });
      }
    }
    this.dirty.clear();
    return { changed, forgotten: this.forgotten.splice(0) };
  }

  private open(id: string, gate: string, t: number, anonymous: boolean): LiveSessionDetail {
    let session = this.sessions.get(id);
    if (!session) {
      session = { id, anonymous, gate, openedAt: t, status: 'open', trackIds: [], cart: [], pending: [], flags: [], events: [], revision: 0 };
      this.sessions.set(id, session);
      this.touch(session);
    }
    return session;
  }

  private append(sessionId: string, event: LiveSessionEvent): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.events.push(event);
    if (session.events.length > SESSION_EVENTS_KEPT) session.events.splice(0, session.events.length - SESSION_EVENTS_KEPT);
    this.touch(session);
  }

  private touch(session: LiveSessionDetail): void {
    session.revision++;
    this.dirty.add(session.id);
  }

  private retire(sessionId: string): void {
    this.closedOrder.push(sessionId);
    while (this.closedOrder.length > CLOSED_SESSIONS_KEPT) {
      const old = this.closedOrder.shift()!;
      this.sessions.delete(old);
      this.dirty.delete(old);
      this.forgotten.push(old);
    }
  }

  private nameOf(sku: string): string {
    return this.catalog.get(sku)?.name ?? sku;
  }

  private cartLine(sku: string, quantity: number, confidence: number): LiveCartLine {
    const product = this.catalog.get(sku);
    return { sku, name: product?.name ?? sku, quantity, confidence, unitPriceMinor: product?.priceMinor ?? 0, ...(product?.ageRestricted ? { ageRestricted: true as const } : {}) };
  }

  private pendingLine(line: PendingLine): LivePendingLine {
    return { ...this.cartLine(line.sku, line.quantity, line.confidence), readingId: line.readingId, since: line.t };
  }
}

function snapshotSignature(s: LiveSession): string {
  let signature = s.status;
  for (const m of s.members) signature += `|${m.trackId}:${m.state}`;
  for (const line of s.cart) signature += `|${line.sku}×${line.quantity}@${line.confidence}`;
  signature += '|pending';
  for (const line of s.pending) signature += `|${line.readingId}:${line.sku}×${line.quantity}@${line.confidence}`;
  return signature;
}
