// One shopping session: the people who came in on one scan (or one tailgater), their floor tracks,
// their cart and the reasons to doubt it. A session closes when every member has left through a
// gate and nothing it could still be charged for is pending (receipt-timing.ts: at most settleMs
// later), or, when members' tracks vanished inside the store and nothing took them over, after
// lostGiveUpMs; its receipt is charged only when nothing raised a flag.
import type { FlagReason, ReceiptDecision } from '../decisions';
import { Cart, type CartLine } from './cart';

/**
 * active: seen (or briefly unseen); exited: left through a gate (undone if seen coming back in);
 * gone: the track ended away from the gates; replaced: another track took over its identity.
 */
export type MemberState = 'active' | 'exited' | 'gone' | 'replaced';

export interface Member {
  trackId: number;
  state: MemberState;
  /** When the state began. */
  since: number;
  /** Vision reported the track lost (unseen) and not yet found again. */
  unseen: boolean;
}

/** What the live view and tests see of an open session. */
export interface LiveSession {
  id: string;
  /** Absent for an anonymous (tailgater's) session. */
  account?: string;
  tokenNonce?: string;
  gate: string;
  openedMs: number;
  groupSize: number;
  status: 'open' | 'settling';
  members: { trackId: number; state: MemberState }[];
  cart: CartLine[];
  flags: FlagReason[];
  /** When the receipt is due, once scheduled. */
  closesAtMs?: number;
  /** Staff checked the shopper's ID (who, at what store time): age-restricted lines hold nothing. */
  ageCheck?: AgeCheck;
  /**
   * Lines not settled yet: for each shelf still settling, its latest first reading if that would be
   * charged to this session (fusion/pending-lines.ts). Oldest first; not on the receipt.
   */
  pending: PendingLine[];
}

/** A first reading of a shelf still settling, as it would change this session's cart. */
export interface PendingLine {
  /** The shelf-reading decision it comes from. */
  readingId: string;
  shelf: string;
  sku: string;
  /** Units a pick adds (positive) or a put-back removes (negative). */
  quantity: number;
  /** Attribution posterior × the reading's probability, 0–1. */
  confidence: number;
  /** Store ms of the reading. */
  t: number;
}

export interface AgeCheck {
  by: string;
  t: number;
}

export interface SessionIdentity {
  id: string;
  gate: string;
  openedMs: number;
  groupSize: number;
  account?: string;
  tokenNonce?: string;
}

export class Session {
  readonly members = new Map<number, Member>();
  readonly cart = new Cart();
  /** Pending lines by reading id (pending-lines.ts keeps them). */
  readonly pending = new Map<string, PendingLine>();
  private readonly flagSet = new Set<FlagReason>();
  status: 'open' | 'settling' | 'closed' = 'open';
  /** Expected number of wrong attributions on this receipt so far (charging.ts). */
  attributionDoubt = 0;
  closesAtMs: number | undefined;
  /** While settling (every member out through a gate): when the last of them left. */
  exitedAtMs: number | undefined;
  /** Set once staff have checked the shopper's ID; the first check stands. */
  ageCheck: AgeCheck | undefined;
  /** Whether closing at closesAtMs means giving up on lost members. */
  private closingLost = false;

  constructor(readonly identity: SessionIdentity) {}

  get id(): string {
    return this.identity.id;
  }

  get flags(): readonly FlagReason[] {
    return [...this.flagSet];
  }

  /** Adds the reason; true when it is new for this session. */
  flag(reason: FlagReason): boolean {
    if (this.flagSet.has(reason)) return false;
    this.flagSet.add(reason);
    return true;
  }

  addMember(trackId: number, t: number): void {
    this.members.set(trackId, { trackId, state: 'active', since: t, unseen: false });
  }

  setState(trackId: number, state: MemberState, t: number): void {
    const member = this.members.get(trackId);
    if (!member || member.state === state || member.state === 'replaced') return;
    member.state = state;
    member.since = t;
  }

  /**
   * Re-plans the close after a change. `admitting`: the admission can still bring people in, so
   * the session stays open; `admissionClosedMs`: when it stopped, for a session nobody came in on.
   */
  schedule(o: { settleMs: number; lostGiveUpMs: number }, admitting: boolean, admissionClosedMs: number | undefined): void {
    if (this.status === 'closed') return;
    let live = 0;
    let exited = 0;
    let gone = 0;
    let lastExit = -Infinity;
    let lastGone = -Infinity;
    for (const m of this.members.values()) {
      if (m.state === 'replaced') continue;
      live++;
      if (m.state === 'exited') {
        exited++;
        lastExit = Math.max(lastExit, m.since);
      } else if (m.state === 'gone') {
        gone++;
        lastGone = Math.max(lastGone, m.since);
      }
    }
    this.status = 'open';
    this.closesAtMs = undefined;
    this.exitedAtMs = undefined;
    this.closingLost = false;
    if (admitting) return;
    if (live === 0) {
      if (admissionClosedMs === undefined) return;
      this.closesAtMs = admissionClosedMs + o.lostGiveUpMs;
      this.closingLost = true;
    } else if (exited === live) {
      this.status = 'settling';
      this.exitedAtMs = lastExit;
      // The latest it may close; the receipt timing brings it forward when nothing is pending.
      this.closesAtMs = lastExit + o.settleMs;
    } else if (exited + gone === live) {
      this.closesAtMs = Math.max(lastGone + o.lostGiveUpMs, lastExit + o.settleMs);
      this.closingLost = true;
    }
  }

  /** True when members never left through a gate: at a forced close (finish) or a give-up. */
  unaccounted(atFinish: boolean): boolean {
    if (this.closingLost) return true;
    if (!atFinish) return false;
    for (const m of this.members.values()) if (m.state !== 'replaced' && m.state !== 'exited') return true;
    return this.members.size === 0;
  }

  /** Closes the session. Flags to add (track-lost, age-restricted) must be raised before. */
  receipt(t: number): ReceiptDecision {
    this.status = 'closed';
    const lines = this.cart.list().filter((line) => line.quantity > 0);
    const flags = this.flags.slice();
    return {
      kind: 'receipt',
      t,
      sessionId: this.id,
      ...(this.identity.tokenNonce !== undefined ? { tokenNonce: this.identity.tokenNonce } : {}),
      status: flags.length === 0 ? 'charged' : 'held-for-review',
      lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity, confidence: round3(line.confidence) })),
      flags,
    };
  }

  snapshot(): LiveSession {
    const { id, gate, openedMs, groupSize, account, tokenNonce } = this.identity;
    return {
      id,
      ...(account !== undefined ? { account } : {}),
      ...(tokenNonce !== undefined ? { tokenNonce } : {}),
      gate,
      openedMs,
      groupSize,
      status: this.status === 'settling' ? 'settling' : 'open',
      members: [...this.members.values()].map((m) => ({ trackId: m.trackId, state: m.state })),
      cart: this.cart.list(),
      flags: this.flags.slice(),
      ...(this.closesAtMs !== undefined ? { closesAtMs: this.closesAtMs } : {}),
      ...(this.ageCheck ? { ageCheck: { ...this.ageCheck } } : {}),
      pending: [...this.pending.values()].sort((a, b) => a.t - b.t).map((line) => ({ ...line })),
    };
  }
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
