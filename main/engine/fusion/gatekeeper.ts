// Who may walk in: entry tokens checked at the scan's own time (so replay decides as live did),
// single use enforced by remembering admitted nonces until their tokens expire, and each admitted
// scan opening an "admission" at its gate for groupSize people. Crossings claim admission slots;
// the gate's passage counter is checked against the admissions so a second body through on one
// scan is noticed even when the cameras saw one.
import type { GateRefusalReason } from '../decisions';
import type { GateScan } from '../inputs';
import { verifyEntryToken, peekEntryClaims, type EntryClaims, type TokenRefusal } from './entry-token';
import { distanceToGate, type GateLine } from './gate-lines';
import type { FusionOptions } from './options';

// Every reason the token check gives must be a reason a gate decision can carry.
const _reasonsFit: GateRefusalReason = '' as TokenRefusal;
void _reasonsFit;

export type ScanResult =
  | { ok: true; claims: EntryClaims }
  | { ok: false; reason: GateRefusalReason; claimedNonce?: string; admittedSessionId?: string };

export interface Admission {
  sessionId: string;
  gate: GateLine;
  openedMs: number;
  groupSize: number;
  /** Tracks that came in on it so far. */
  bound: number;
  /** Passages the gate counted against it. */
  passages: number;
  /** When the window closes: admissionWindowMs after the scan or the latest member through. */
  deadlineMs: number;
}

export class Gatekeeper {
  private readonly admittedNonces = new Map<string, { sessionId: string; expiresAtMs: number }>();
  /** Open admissions, oldest first. */
  readonly open: Admission[] = [];

  constructor(
    private readonly storeId: string,
    private readonly gates: ReadonlyMap<string, GateLine>,
    private readonly o: FusionOptions,
  ) {}

  check(scan: GateScan): ScanResult {
    const gate = this.gates.get(scan.gate);
    const claimedNonce = peekEntryClaims(scan.token)?.nonce;
    const refuse = (reason: GateRefusalReason, admittedSessionId?: string): ScanResult => ({
      ok: false,
      reason,
      ...(claimedNonce !== undefined ? { claimedNonce } : {}),
      ...(admittedSessionId !== undefined ? { admittedSessionId } : {}),
    });
    if (!gate || gate.kind !== 'entry') return refuse('not-an-entry-gate');
    const check = verifyEntryToken(this.o.storeKey, scan.token, this.storeId, scan.t);
    if (!check.ok) return refuse(check.reason);
    const earlier = this.admittedNonces.get(check.claims.nonce);
    if (earlier) return refuse('reused', earlier.sessionId);
    return { ok: true, claims: check.claims };
  }

  admit(sessionId: string, claims: EntryClaims, gate: string, t: number): Admission {
    this.admittedNonces.set(claims.nonce, { sessionId, expiresAtMs: claims.expiresAtMs });
    const admission: Admission = { sessionId, gate: this.gates.get(gate)!, openedMs: t, groupSize: claims.groupSize, bound: 0, passages: 0, deadlineMs: t + this.o.admissionWindowMs };
    this.open.push(admission);
    return admission;
  }

  /**
   * The admission an inward crossing at (x, y) uses: one with a free slot at the crossed gate, or
   * (with `adjacent`) at another entry gate within admissionGateRadiusM; oldest first. Takes the
   * slot. Adjacent gates are only tried once a crossing has waited out the grace period, so that
   * whoever crossed at the scanned gate itself gets its slot first.
   */
  claim(gate: GateLine, x: number, y: number, t: number, adjacent: boolean): Admission | undefined {
    let best: Admission | undefined;
    let bestRank = Infinity;
    for (const a of this.open) {
      if (a.bound >= a.groupSize || a.deadlineMs < t || a.openedMs > t + this.o.tailgateGraceMs) continue;
      // Only the scanned gate may have been read a moment late: someone crossing next door before
      // a scan here is not the one who scanned (who is usually still standing at this scanner).
      const rank = a.gate === gate ? 0 : adjacent && a.openedMs <= t && distanceToGate(a.gate, x, y) <= this.o.admissionGateRadiusM ? 1 : Infinity;
      if (rank < bestRank) {
        best = a;
        bestRank = rank;
      }
    }
    if (!best) return undefined;
    best.bound++;
    best.deadlineMs = Math.max(best.deadlineMs, t + this.o.admissionWindowMs);
    return best;
  }

  /**
   * A passage at an entry gate: counted against an admission there (oldest first) whose scan was
   * read before it, give or take tailgateGraceMs, or returned as unexplained (false).
   */
  countPassage(gate: GateLine, t: number): boolean {
    for (const a of this.open) {
      if (a.gate !== gate || a.openedMs > t + this.o.tailgateGraceMs || a.deadlineMs < t) continue;
      if (a.passages < a.groupSize) {
        a.passages++;
        return true;
      }
    }
    return false;
  }

  /** The earliest deadline of an open admission (Infinity when none). */
  nextDeadline(): number {
    let next = Infinity;
    for (const a of this.open) next = Math.min(next, a.deadlineMs);
    return next;
  }

  /** Drops admissions whose window closed before `now`, returning them oldest first. */
  expire(now: number): Admission[] {
    const closed: Admission[] = [];
    for (let i = 0; i < this.open.length; ) {
      if (this.open[i]!.deadlineMs < now) closed.push(...this.open.splice(i, 1));
      else i++;
    }
    return closed;
  }

  /** Forgets nonces of tokens expired by `now`: an expired token is refused as expired anyway. */
  forgetExpiredNonces(now: number): void {
    for (const [nonce, entry] of this.admittedNonces) if (entry.expiresAtMs < now) this.admittedNonces.delete(nonce);
  }

  /** True while the session's admission may still bind people. */
  admitting(sessionId: string): boolean {
    return this.open.some((a) => a.sessionId === sessionId && a.bound < a.groupSize);
  }
}
