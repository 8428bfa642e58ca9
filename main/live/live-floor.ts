// Builds the live floor frame from the engine's decisions as they happen: where each confirmed
// floor track is, which session it belongs to and that session's revision, the day's counters, the
// store's event feed and the devices that are down. Also keeps each session's live detail (cart
// with confidences, recent events) for the shopper panel. Fed by the live pipeline; knows nothing
// of threads or transports.
import type { LiveFloorFrame, LiveShopper, LiveSource } from '../../native-bridge/contract/dto';
import type { LiveFlagReason, LiveRefusalReason } from '../../native-bridge/contract/live-floor';
import type { EngineDecision, FlagReason, GateRefusalReason } from '../engine/decisions';
import type { LiveSession } from '../engine/fusion/session';
import type { DeviceStatus } from '../engine/inputs';
import type { StoreModel } from '../store/schema';
import { DeviceBoard, deviceKinds } from './live-floor-devices';
import { LiveEventLog } from './live-floor-events';
import { LiveSessionBook, type SessionChanges } from './live-floor-sessions';

// The contract spells the engine's reasons out again (it may not import the engine): these fail to
// compile when the engine gains a reason the contract lacks.
const flagReasonFits = (reason: FlagReason): LiveFlagReason => reason;
const refusalReasonFits = (reason: GateRefusalReason): LiveRefusalReason => reason;

export class LiveFloor {
  private readonly positions = new Map<number, { x: number; y: number; t: number }>();
  private readonly counters = { entered: 0, receipts: 0, heldForReview: 0, tailgating: 0 };
  private readonly events = new LiveEventLog();
  private readonly devices: DeviceBoard;
  private readonly sessions: LiveSessionBook;
  private readonly prices: ReadonlyMap<string, number>;

  constructor(
    store: StoreModel,
    private readonly source: LiveSource,
    private readonly speed: number,
  ) {
    this.devices = new DeviceBoard(deviceKinds(store));
    this.sessions = new LiveSessionBook(new Map(store.catalog.map((p) => [p.sku, p])));
    this.prices = new Map(store.catalog.map((p) => [p.sku, p.priceMinor]));
  }

  observe(decision: EngineDecision): void {
    switch (decision.kind) {
      case 'track-point':
        this.positions.set(decision.trackId, { x: decision.x, y: decision.y, t: decision.t });
        break;
      case 'track-ended':
        this.positions.delete(decision.trackId);
        break;
      case 'receipt': {
        this.counters.receipts++;
        if (decision.status === 'held-for-review') this.counters.heldForReview++;
        let units = 0;
        let totalMinor = 0;
        for (const line of decision.lines) {
          units += line.quantity;
          totalMinor += line.quantity * (this.prices.get(line.sku) ?? 0);
        }
        this.events.add({ kind: 'receipt', t: decision.t, sessionId: decision.sessionId, status: decision.status, units, totalMinor });
        break;
      }
      case 'gate-admitted':
        this.counters.entered++;
        this.events.add({ kind: 'gate-admitted', t: decision.t, gate: decision.gate, sessionId: decision.sessionId, groupSize: decision.groupSize });
        break;
      case 'gate-refused':
        this.events.add({ kind: 'gate-refused', t: decision.t, gate: decision.gate, reason: refusalReasonFits(decision.reason) });
        break;
      case 'tailgating-alert':
        this.counters.tailgating++;
        this.events.add({
          kind: 'tailgating',
          t: decision.t,
          gate: decision.gate,
          ...(decision.trackId !== undefined ? { trackId: decision.trackId } : {}),
          ...(decision.sessionId !== undefined ? { sessionId: decision.sessionId } : {}),
        });
        break;
      case 'session-flag':
        // Tailgating already has its own alert; every other reason is news once per session.
        if (decision.reason !== 'tailgating' && !this.sessions.hasFlag(decision.sessionId, decision.reason)) {
          this.events.add({
            kind: 'session-flagged',
            t: decision.t,
            sessionId: decision.sessionId,
            reason: flagReasonFits(decision.reason),
            ...(decision.trackId !== undefined ? { trackId: decision.trackId } : {}),
          });
        }
        break;
    }
    this.sessions.observe(decision);
  }

  /** Inputs the floor shows directly rather than through a decision: device health. */
  observeInput(status: DeviceStatus): void {
    const change = this.devices.report(status);
    if (!change) return;
    if (change.up) this.events.add({ kind: 'device-up', t: status.t, device: change.device, deviceKind: change.kind });
    else {
      const { fault } = change;
      this.events.add({
        kind: 'device-down',
        t: status.t,
        device: fault.device,
        deviceKind: fault.kind,
        state: fault.state,
        ...(fault.detail !== undefined ? { detail: fault.detail } : {}),
      });
    }
  }

  /** The frame at store time `t`; tracks not seen for `staleMs` are left off (lost, not yet ended). */
  frame(t: number, open: readonly LiveSession[], staleMs = 1500): LiveFloorFrame {
    this.sessions.sync(open);
    const sessionOfTrack = new Map<number, LiveSession>();
    for (const session of open) for (const member of session.members) sessionOfTrack.set(member.trackId, session);
    const shoppers: LiveShopper[] = [];
    for (const [trackId, p] of this.positions) {
      if (t - p.t > staleMs) continue;
      const session = sessionOfTrack.get(trackId);
      shoppers.push({
        trackId,
        x: p.x,
        y: p.y,
        ...(session ? { sessionId: session.id, revision: this.sessions.revisionOf(session.id) ?? 0 } : {}),
        state: !session ? 'unbound' : session.flags.length > 0 ? 'flagged' : session.tokenNonce === undefined ? 'anonymous' : 'session',
        cartUnits: session ? session.cart.reduce((n, line) => n + line.quantity, 0) : 0,
      });
    }
    shoppers.sort((a, b) => a.trackId - b.trackId);
    return {
      t,
      source: this.source,
      speed: this.speed,
      shoppers,
      counters: { openSessions: open.length, ...this.counters },
      events: this.events.recent(),
      devices: this.devices.view(),
    };
  }

  /** Sessions whose detail changed since the last call (see LiveSessionBook.takeChanges). */
  takeSessionChanges(): SessionChanges | null {
    return this.sessions.takeChanges();
  }
}
