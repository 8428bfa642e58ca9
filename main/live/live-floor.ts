// Builds the live floor frame from the engine's decisions as they happen: where each confirmed
// floor track is, which session it belongs to, and the day's counters. Fed by the live pipeline;
// knows nothing of threads or transports.
import type { LiveFloorFrame, LiveShopper, LiveSource } from '../../native-bridge/contract/dto';
import type { EngineDecision } from '../engine/decisions';

export interface SessionView {
  id: string;
  anonymous: boolean;
  flagged: boolean;
  trackIds: readonly number[];
  cartUnits: number;
}

export class LiveFloor {
  private readonly positions = new Map<number, { x: number; y: number; t: number }>();
  private readonly counters = { entered: 0, receipts: 0, heldForReview: 0, tailgating: 0 };

  constructor(
    private readonly source: LiveSource,
    private readonly speed: number,
  ) {}

  observe(decision: EngineDecision): void {
    switch (decision.kind) {
      case 'track-point':
        this.positions.set(decision.trackId, { x: decision.x, y: decision.y, t: decision.t });
        break;
      case 'track-ended':
        this.positions.delete(decision.trackId);
        break;
      case 'receipt':
        this.counters.receipts++;
        if (decision.status === 'held-for-review') this.counters.heldForReview++;
        break;
      case 'gate-admitted':
        this.counters.entered++;
        break;
      case 'tailgating-alert':
        this.counters.tailgating++;
        break;
    }
  }

  /** The frame at store time `t`; tracks not seen for `staleMs` are left off (lost, not yet ended). */
  frame(t: number, sessions: readonly SessionView[], staleMs = 1500): LiveFloorFrame {
    const sessionOfTrack = new Map<number, SessionView>();
    for (const session of sessions) for (const trackId of session.trackIds) sessionOfTrack.set(trackId, session);
    const shoppers: LiveShopper[] = [];
    for (const [trackId, p] of this.positions) {
      if (t - p.t > staleMs) continue;
      const session = sessionOfTrack.get(trackId);
      shoppers.push({
        trackId,
        x: p.x,
        y: p.y,
        ...(session ? { sessionId: session.id } : {}),
        state: !session ? 'unbound' : session.flagged ? 'flagged' : session.anonymous ? 'anonymous' : 'session',
        cartUnits: session?.cartUnits ?? 0,
      });
    }
    shoppers.sort((a, b) => a.trackId - b.trackId);
    return { t, source: this.source, speed: this.speed, shoppers, counters: { openSessions: sessions.length, ...this.counters } };
  }
}
