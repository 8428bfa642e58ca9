// Receipt decisions stored as a live run stores them, for the payments tests.
import type { StoreDatabase } from '../db';
import type { GateAdmittedDecision, ReceiptDecision } from '../engine/decisions';

/** Stores, as a live run would, an admission (with its account) and a receipt for each session. */
export function storeReceiptDecisions(
  db: StoreDatabase,
  runId: number,
  sessions: { sessionId: string; account?: string; status: ReceiptDecision['status']; lines: { sku: string; quantity: number }[]; t?: number }[],
): void {
  const rows = sessions.flatMap((s, i) => {
    const t = s.t ?? 1_000_000 + i * 1000;
    const admitted: GateAdmittedDecision = { kind: 'gate-admitted', t: t - 60_000, gate: 'in-1', sessionId: s.sessionId, account: s.account ?? '', groupSize: 1, tokenNonce: `n-${s.sessionId}`, expiresAtMs: t };
    const receipt: ReceiptDecision = {
      kind: 'receipt',
      t,
      sessionId: s.sessionId,
      ...(s.account !== undefined ? { tokenNonce: `n-${s.sessionId}` } : {}),
      status: s.status,
      lines: s.lines.map((l) => ({ ...l, confidence: 0.99 })),
      flags: s.status === 'charged' ? [] : ['close-second'],
    };
    const stored = (d: GateAdmittedDecision | ReceiptDecision) => ({ t: d.t, kind: d.kind, sessionId: d.sessionId, json: JSON.stringify(d) });
    return s.account !== undefined ? [stored(admitted), stored(receipt)] : [stored(receipt)];
  });
  db.liveRuns.commit(runId, rows, Math.max(...rows.map((r) => r.t)));
}
