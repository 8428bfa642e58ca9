// Fusion's shared state: the store geometry it needs, the registries (tracks, sessions, the gate)
// and the queues of things waiting for their time, plus the few moves every part makes the same
// way — raise a flag with its evidence, bind a track to a session, re-plan a session's close. The
// parts (entrances, identity, charging) are functions over one context; the stage owns the clock.
import { distanceToPolygonEdge, locatePlates, pointInPolygon } from '../../store/geometry';
import type { Point, StoreModel } from '../../store/schema';
import type { FlagReason, ShelfEventDecision } from '../decisions';
import type { DecisionSink, ShelfActivity } from '../stage';
import { Attributor, type PlateTargets } from './attribution';
import { gateLine, type GateLine } from './gate-lines';
import { Gatekeeper } from './gatekeeper';
import { PendingLines } from './pending-lines';
import { PutBackReader } from './put-back';
import type { FusionOptions } from './options';
import { ReceiptTiming } from './receipt-timing';
import { RestockMode } from '../restock-mode';
import type { Session } from './session';
import { TrackRegistry, type TrackState } from './tracks';

/** An inward crossing with no admission yet: a scan may still be read, else it is tailgating. */
export interface PendingCrossing {
  track: TrackState;
  gate: GateLine;
  t: number;
  x: number;
  y: number;
  due: number;
}

/** A passage counted at an entry gate, checked against admissions and crossings once they are in. */
export interface PendingPassage {
  gate: GateLine;
  t: number;
  due: number;
}

export interface QueuedEvent {
  event: ShelfEventDecision;
  due: number;
}

export class FusionContext {
  readonly gates: ReadonlyMap<string, GateLine>;
  readonly gateList: readonly GateLine[];
  readonly entryGates: readonly GateLine[];
  readonly ageRestricted: ReadonlySet<string>;
  readonly tracks: TrackRegistry;
  readonly attributor: Attributor;
  readonly putBacks: PutBackReader;
  readonly gatekeeper: Gatekeeper;
  readonly restock = new RestockMode();
  /** When settling sessions' receipts go out. */
  readonly receipts: ReceiptTiming;
  /** Open, settling and recently closed sessions by id (closed ones are swept after historyMs). */
  readonly sessions = new Map<string, Session>();
  readonly closedAt = new Map<string, number>();
  /** When each session's admission window closed. */
  readonly admissionClosedAt = new Map<string, number>();
  /** Identity hand-overs both ways: lost track → the track that took over, and back. */
  readonly replacedBy = new Map<number, number>();
  readonly standInFor = new Map<number, number>();
  readonly pendingCrossings: PendingCrossing[] = [];
  readonly pendingPassages: PendingPassage[] = [];
  /** Tailgaters' crossings, so a passage count they explain raises no second alert. */
  readonly tailgateCrossings: { gate: GateLine; t: number; usedByPassage: boolean }[] = [];
  readonly queuedEvents: QueuedEvent[] = [];
  /** Pending cart lines from first readings of shelves still settling. */
  readonly pending: PendingLines;
  tokenSessions = 0;
  anonymousSessions = 0;
  /** Something due may have changed: the stage recomputes its next due time. */
  dirty = false;

  private readonly outline: readonly Point[];
  private readonly staffZones: readonly (readonly Point[])[];

  /** `shelves`: the shelf stage's work in progress, which receipts wait for (absent when fusion runs without it). */
  constructor(
    store: StoreModel,
    readonly o: FusionOptions,
    shelves?: ShelfActivity,
  ) {
    this.gates = new Map(store.layout.gates.map((g) => [g.id, gateLine(g)]));
    this.gateList = [...this.gates.values()];
    this.entryGates = this.gateList.filter((g) => g.kind === 'entry');
    this.outline = store.layout.floor.outline;
    this.staffZones = store.layout.zones.filter((z) => z.kind === 'staff').map((z) => z.polygon);
    this.ageRestricted = new Set(store.catalog.filter((p) => p.ageRestricted).map((p) => p.sku));
    const plates = new Map<string, PlateTargets>();
    for (const [plate, placement] of locatePlates(store.layout)) {
      const [x, y, z] = placement.front;
      const [fx, fy] = placement.facing;
      plates.set(plate, { front: [x, y], grasp: [x - fx * o.graspDepthM, y - fy * o.graspDepthM, z + o.graspLiftM] });
    }
    // Enough ring for historyMs at 20 points a second: tracks come at 10, with room to spare.
    const capacity = Math.max(64, Math.ceil(o.historyMs / 50));
    this.tracks = new TrackRegistry(capacity);
    this.putBacks = new PutBackReader(new Map(store.catalog.map((p) => [p.sku, p])), new Map(store.planogram.map((f) => [f.plate, f.sku])), o);
    this.attributor = new Attributor(plates, this.tracks, o, capacity, (sessionId, event) => this.putBacks.fit(event, this.sessions.get(sessionId)?.cart.held() ?? new Map()));
    this.gatekeeper = new Gatekeeper(store.layout.id, this.gates, o);
    this.pending = new PendingLines(this, shelves, this.queuedEvents);
    this.receipts = new ReceiptTiming(o, this.tracks, plates, this.queuedEvents, shelves, capacity, (x, y) => this.outsideBy(x, y));
  }

  /** On the sales floor (not in a gate lane or the street). */
  inside(x: number, y: number): boolean {
    return pointInPolygon([x, y], this.outline);
  }

  /** How far (x, y) lies outside the sales floor; 0 on it. */
  outsideBy(x: number, y: number): number {
    return this.inside(x, y) ? 0 : distanceToPolygonEdge([x, y], this.outline);
  }

  nearStaffZone(x: number, y: number): boolean {
    return this.staffZones.some((zone) => pointInPolygon([x, y], zone) || distanceToPolygonEdge([x, y], zone) <= this.o.staffAreaMarginM);
  }

  /** The session if it exists and has not issued its receipt. */
  openSession(id: string | undefined): Session | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session && session.status !== 'closed' ? session : undefined;
  }

  raise(session: Session, reason: FlagReason, t: number, detail: string, emit: DecisionSink, evidence: { eventId?: string; trackId?: number } = {}): void {
    session.flag(reason);
    emit({ kind: 'session-flag', t, sessionId: session.id, reason, ...evidence, detail });
  }

  reschedule(session: Session): void {
    session.schedule(this.o, this.gatekeeper.admitting(session.id), this.admissionClosedAt.get(session.id));
    this.receipts.plan(session);
    this.dirty = true;
  }

  bind(
    track: TrackState,
    session: Session,
    t: number,
    via: 'admission' | 'tailgating' | 'rebind',
    emit: DecisionSink,
    extra: { gate?: string; replacesTrackId?: number; distanceM?: number } = {},
  ): void {
    track.sessionId = session.id;
    track.pending = false;
    session.addMember(track.id, t);
    emit({ kind: 'session-member', t, sessionId: session.id, trackId: track.id, via, ...extra });
    this.reschedule(session);
  }
}
