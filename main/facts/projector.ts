// The projection of the engine's decisions into facts (sessions, receipt lines, shelf events, zone
// visits, track paths, and per-day funnel, dwell and heat counts). Fed every decision in order by the live pipeline and
// by `walkout replay`; `drain` hands over what is ready to be written. Per-session facts (visits,
// funnel and dwell counts, lines) are written when the session's receipt closes it, as DESIGN §3 "computed as
// sessions close" asks; paths and heat as they accrue.
import type {
  AttributionDecision,
  CartChangeDecision,
  EngineDecision,
  FlagReason,
  ReceiptDecision,
  SessionMemberDecision,
  ShelfEventDecision,
  TrackPoint,
} from '../engine/decisions';
import { NOBODY } from '../engine/fusion/attribution';
import type { StoreModel } from '../store/schema';
import { heatCell } from './heat-grid';
import { defaultPathOptions, PathRecorder, type PathChunk, type PathOptions } from './path-chunks';
import { storeLookup, type StoreLookup } from './store-lookup';
import { emptyBatch, type BasketDayFact, type DwellFact, type FactsBatch, type ProductDayFact, type SessionHourFact, type SessionFact, type ShelfEventFact, type ZoneDayFact, type ZoneVisitFact } from './types';
import { defaultPresenceOptions, ZonePresence, type ClosedVisit, type PresenceOptions } from './zone-presence';

export interface ProjectorOptions {
  presence: PresenceOptions;
  path: PathOptions;
  /** A single visit this long counts as dwelling (DESIGN §4: ~5 s). */
  dwellMs: number;
  /** An event fusion has not attributed after this long is written unattributed. */
  attributionWaitMs: number;
}

/** Dwell is counted per whole second up to an hour; longer visits count as an hour. */
export const DWELL_CAP_S = 3600;

export const defaultProjectorOptions: ProjectorOptions = {
  presence: defaultPresenceOptions,
  path: defaultPathOptions,
  dwellMs: 5000,
  attributionWaitMs: 120_000,
};

interface TrackState {
  presence: ZonePresence;
  path: PathRecorder;
  sessionId?: string;
  lastT: number;
  /** Visits closed before the track was bound to a session, held until it is (or ends unbound). */
  unboundVisits: ClosedVisit[];
}

type TrackVisit = ClosedVisit & { trackId: number };

interface SessionState {
  fact: SessionFact;
  trackIds: Set<number>;
  visits: TrackVisit[];
  /** Picks as the cart got them, with the zone of the fixture picked from. */
  picks: { sku: string; zone: string | undefined }[];
  flags: Set<FlagReason>;
  /** The last point of any member track. */
  lastSeenMs: number;
}

interface PendingEvent {
  fact: ShelfEventFact;
  seenMs: number;
  attributed: boolean;
}

export class FactsProjector {
  private readonly lookup: StoreLookup;
  private readonly options: ProjectorOptions;
  private readonly tracks = new Map<number, TrackState>();
  private readonly sessions = new Map<string, SessionState>();
  private readonly pendingEvents = new Map<string, PendingEvent>();
  /** Funnel and dwell counts since the last drain, keyed by day and zone (and second). */
  private readonly zoneDays = new Map<string, ZoneDayFact>();
  private readonly dwell = new Map<string, DwellFact>();
  private readonly productDays = new Map<string, ProductDayFact>();
  private readonly sessionHours = new Map<string, SessionHourFact>();
  private readonly baskets = new Map<string, BasketDayFact>();
  /** Seconds per heat cell, per day, since the last drain. */
  private readonly heat = new Map<string, Float64Array>();
  private out: FactsBatch = emptyBatch();
  private readonly dirtySessions = new Set<SessionState>();
  private readonly closed: ClosedVisit[] = [];
  private readonly fullChunks: PathChunk[] = [];

  constructor(store: StoreModel, options: Partial<ProjectorOptions> = {}) {
    this.lookup = storeLookup(store);
    this.options = { ...defaultProjectorOptions, ...options };
  }

  observe(d: EngineDecision): void {
    switch (d.kind) {
      case 'track-point':
        this.onPoint(d);
        break;
      case 'track-ended':
        this.endTrack(d.trackId, d.t);
        break;
      case 'gate-admitted':
        this.openSession(d.sessionId, d.t, { kind: 'shopper', account: d.account, tokenNonce: d.tokenNonce, gate: d.gate, groupSize: d.groupSize });
        break;
      case 'tailgating-alert':
        if (d.sessionId !== undefined) this.openSession(d.sessionId, d.t, { kind: 'anonymous', gate: d.gate, groupSize: 1 });
        break;
      case 'session-member':
        this.onMember(d);
        break;
      case 'shelf-event':
        this.onShelfEvent(d);
        break;
      case 'attribution':
        this.onAttribution(d);
        break;
      case 'cart-change':
        this.onCartChange(d);
        break;
      case 'session-flag': {
        const session = this.sessions.get(d.sessionId);
        if (session && !session.flags.has(d.reason)) {
          session.flags.add(d.reason);
          session.fact.flags = [...session.flags];
          this.dirtySessions.add(session);
        }
        break;
      }
      case 'receipt':
        this.onReceipt(d);
        break;
      case 'track-started':
      case 'track-lost':
      case 'track-refound':
      case 'gate-refused':
      case 'restock-alert':
      case 'age-check':
      case 'shelf-reading':
        break;
      default: {
        const unhandled: never = d;
        throw new Error(`facts projector: unknown decision ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Everything ready by store time `t`: call after each engine advance, then write the batch. */
  drain(t: number): FactsBatch {
    for (const [id, pending] of this.pendingEvents) {
      if (pending.attributed || t - pending.seenMs >= this.options.attributionWaitMs) {
        this.out.shelfEvents.push(pending.fact);
        this.pendingEvents.delete(id);
      }
    }
    for (const session of this.dirtySessions) this.out.sessions.push({ ...session.fact, flags: [...session.fact.flags] });
    this.dirtySessions.clear();
    const { nx } = this.lookup.grid;
    for (const [day, cells] of this.heat) {
      for (let i = 0; i < cells.length; i++) if (cells[i]! > 0) this.out.heat.push({ day, ix: i % nx, iy: Math.floor(i / nx), seconds: cells[i]! });
    }
    this.heat.clear();
    this.out.zoneDays.push(...this.zoneDays.values());
    this.zoneDays.clear();
    this.out.dwell.push(...this.dwell.values());
    this.dwell.clear();
    this.out.productDays.push(...this.productDays.values());
    this.productDays.clear();
    this.out.sessionHours.push(...this.sessionHours.values());
    this.sessionHours.clear();
    this.out.baskets.push(...this.baskets.values());
    this.baskets.clear();
    const batch = this.out;
    this.out = emptyBatch();
    return batch;
  }

  /** The engine finished at `t` (after its own finish): every track ends, every event is written. */
  finish(t: number): FactsBatch {
    for (const trackId of [...this.tracks.keys()]) this.endTrack(trackId, t);
    for (const pending of this.pendingEvents.values()) pending.attributed = true;
    return this.drain(t);
  }

  private track(trackId: number, t: number): TrackState {
    let track = this.tracks.get(trackId);
    if (!track) {
      track = { presence: new ZonePresence(this.lookup.zones, this.options.presence), path: new PathRecorder(trackId, this.options.path), lastT: t, unboundVisits: [] };
      this.tracks.set(trackId, track);
    }
    return track;
  }

  private onPoint(p: TrackPoint): void {
    const track = this.track(p.trackId, p.t);
    track.lastT = p.t;
    track.presence.update(p.t, p.x, p.y, this.closed);
    if (this.closed.length > 0) this.takeVisits(track, p.trackId);
    const session = track.sessionId !== undefined ? this.sessions.get(track.sessionId) : undefined;
    if (session) session.lastSeenMs = Math.max(session.lastSeenMs, p.t);
    // Heat counts shoppers only: points of tracks in an open session.
    if (track.path.offer(p.t, p.x, p.y, this.fullChunks) && session) this.addHeat(p.t, p.x, p.y);
    for (const chunk of this.fullChunks.splice(0)) this.pushPath(chunk);
  }

  private addHeat(t: number, x: number, y: number): void {
    const cell = heatCell(this.lookup.grid, x, y);
    if (cell < 0) return;
    const day = this.lookup.calendar.day(t);
    let cells = this.heat.get(day);
    if (!cells) {
      cells = new Float64Array(this.lookup.grid.nx * this.lookup.grid.ny);
      this.heat.set(day, cells);
    }
    cells[cell]! += this.options.path.intervalMs / 1000;
  }

  /** Moves visits just closed (in this.closed) to the track's session, or holds them while it has none. */
  private takeVisits(track: TrackState, trackId: number): void {
    const session = track.sessionId !== undefined ? this.sessions.get(track.sessionId) : undefined;
    for (const visit of this.closed.splice(0)) {
      if (session) session.visits.push({ ...visit, trackId });
      else if (track.sessionId !== undefined) this.out.zoneVisits.push(this.visitFact(visit, trackId, track.sessionId));
      else track.unboundVisits.push(visit);
    }
  }

  private endTrack(trackId: number, t: number): void {
    const track = this.tracks.get(trackId);
    if (!track) return;
    track.presence.close(Math.min(t, track.lastT), this.closed);
    this.takeVisits(track, trackId);
    for (const visit of track.unboundVisits) this.out.zoneVisits.push(this.visitFact(visit, trackId, undefined));
    const last = track.path.flush();
    if (last) this.pushPath(last);
    this.tracks.delete(trackId);
  }

  private pushPath(chunk: PathChunk): void {
    this.out.paths.push({ ...chunk, day: this.lookup.calendar.day(chunk.t0Ms) });
  }

  private visitFact(visit: ClosedVisit, trackId: number, sessionId: string | undefined): ZoneVisitFact {
    const slot = this.lookup.calendar.slot(visit.enteredMs);
    return { ...(sessionId !== undefined ? { sessionId } : {}), trackId, zone: visit.zone, enteredMs: visit.enteredMs, exitedMs: visit.exitedMs, day: slot.day, hour: slot.hour };
  }

  private openSession(sessionId: string, t: number, identity: Pick<SessionFact, 'kind' | 'account' | 'tokenNonce' | 'gate' | 'groupSize'>): SessionState {
    let session = this.sessions.get(sessionId);
    if (session) return session;
    const slot = this.lookup.calendar.slot(t);
    const fact: SessionFact = {
      sessionId,
      kind: identity.kind,
      ...(identity.account !== undefined ? { account: identity.account } : {}),
      ...(identity.tokenNonce !== undefined ? { tokenNonce: identity.tokenNonce } : {}),
      ...(identity.gate !== undefined ? { gate: identity.gate } : {}),
      groupSize: identity.groupSize,
      people: 0,
      enteredMs: t,
      state: 'open',
      flags: [],
      units: 0,
      valueMinor: 0,
      pickedUnits: 0,
      putBackUnits: 0,
      day: slot.day,
      hour: slot.hour,
    };
    session = { fact, trackIds: new Set(), visits: [], picks: [], flags: new Set(), lastSeenMs: t };
    this.sessions.set(sessionId, session);
    this.hourOf(fact).sessions++;
    this.dirtySessions.add(session);
    return session;
  }

  private onMember(d: SessionMemberDecision): void {
    // A tailgater's session opens with its member; the alert that names it may come first or not at all.
    const session = this.sessions.get(d.sessionId) ?? this.openSession(d.sessionId, d.t, { kind: 'anonymous', groupSize: 1, ...(d.gate ? { gate: d.gate } : {}) });
    session.trackIds.add(d.trackId);
    if (d.via !== 'rebind') {
      session.fact.people++;
      this.hourOf(session.fact).people++;
    }
    this.dirtySessions.add(session);
    this.out.sessionTracks.push({ sessionId: d.sessionId, trackId: d.trackId, via: d.via, tMs: d.t });
    const track = this.track(d.trackId, d.t);
    track.sessionId = d.sessionId;
    for (const visit of track.unboundVisits.splice(0)) session.visits.push({ ...visit, trackId: d.trackId });
  }

  private onShelfEvent(d: ShelfEventDecision): void {
    const top = d.hypotheses[0];
    const slot = this.lookup.calendar.slot(d.startMs);
    const zone = this.lookup.fixtureZone.get(d.fixture);
    this.pendingEvents.set(d.id, {
      seenMs: d.t,
      attributed: false,
      fact: {
        eventId: d.id,
        startMs: d.startMs,
        endMs: d.endMs,
        fixture: d.fixture,
        shelf: d.shelf,
        plates: [...d.plates],
        ...(zone !== undefined ? { zone } : {}),
        deltaGrams: d.deltaGrams.reduce((a, b) => a + b, 0),
        ...(top ? { sku: top.sku, probability: top.probability } : {}),
        quantity: top?.quantity ?? 0,
        attribution: 'unattributed',
        day: slot.day,
        hour: slot.hour,
      },
    });
  }

  private onAttribution(d: AttributionDecision): void {
    const pending = this.pendingEvents.get(d.eventId);
    if (!pending) return;
    pending.attributed = true;
    const fact = pending.fact;
    fact.attributionProbability = d.probability;
    if (d.basis === 'restock-mode') fact.attribution = 'restock';
    else if (d.sessionId === NOBODY) fact.attribution = 'nobody';
    else {
      fact.attribution = 'session';
      fact.sessionId = d.sessionId;
    }
  }

  private onCartChange(d: CartChangeDecision): void {
    const pending = this.pendingEvents.get(d.eventId);
    if (pending) {
      pending.fact.sku = d.sku;
      pending.fact.quantity = d.quantity;
      pending.fact.probability = d.confidence;
    }
    const session = this.sessions.get(d.sessionId);
    if (!session) return;
    if (d.quantity > 0) {
      session.fact.pickedUnits += d.quantity;
      const fixture = pending?.fact.fixture;
      session.picks.push({ sku: d.sku, zone: fixture !== undefined ? this.lookup.fixtureZone.get(fixture) : undefined });
    } else session.fact.putBackUnits -= d.quantity;
    this.dirtySessions.add(session);
  }

  private onReceipt(d: ReceiptDecision): void {
    const session = this.sessions.get(d.sessionId);
    if (!session) return;
    const { fact } = session;
    for (const trackId of session.trackIds) {
      const track = this.tracks.get(trackId);
      if (!track || track.sessionId !== d.sessionId) continue;
      // The shopper has left: visits still open end where the track was last seen.
      track.presence.close(track.lastT, this.closed);
      this.takeVisits(track, trackId);
    }
    for (const flag of d.flags) session.flags.add(flag);
    fact.flags = [...session.flags];
    fact.state = d.status;
    fact.closedMs = d.t;
    fact.exitedMs = Math.min(session.lastSeenMs, d.t);
    fact.units = 0;
    fact.valueMinor = 0;
    const bought = new Set<string>();
    for (const line of d.lines) {
      const price = this.lookup.priceOf.get(line.sku);
      this.out.lines.push({ sessionId: d.sessionId, day: fact.day, sku: line.sku, quantity: line.quantity, confidence: line.confidence, ...(price !== undefined ? { unitPriceMinor: price } : {}) });
      if (line.quantity > 0) {
        fact.units += line.quantity;
        fact.valueMinor += (price ?? 0) * line.quantity;
        bought.add(line.sku);
        const key = `${fact.day}|${line.sku}`;
        const sold = this.productDays.get(key) ?? { day: fact.day, sku: line.sku, units: 0, revenueMinor: 0, receipts: 0 };
        sold.units += line.quantity;
        sold.revenueMinor += (price ?? 0) * line.quantity;
        sold.receipts++;
        this.productDays.set(key, sold);
      }
    }
    this.writeSessionVisits(session, bought);
    this.countClosed(fact);
    this.dirtySessions.add(session);
    this.sessions.delete(d.sessionId);
    // Member tracks still on the floor keep their binding for paths; their later visits are written as they close.
  }

  /** The session's zone visits, counted into its day's funnel and dwell figures; `bought` = SKUs on its receipt. */
  private writeSessionVisits(session: SessionState, bought: ReadonlySet<string>): void {
    const { fact } = session;
    const byZone = new Map<string, { dwelt: boolean; picked: boolean; purchased: boolean }>();
    for (const visit of session.visits) {
      const visitFact = this.visitFact(visit, visit.trackId, fact.sessionId);
      this.out.zoneVisits.push(visitFact);
      const ms = visit.exitedMs - visit.enteredMs;
      const r = byZone.get(visit.zone) ?? { dwelt: false, picked: false, purchased: false };
      if (ms >= this.options.dwellMs) r.dwelt = true;
      byZone.set(visit.zone, r);
      this.countDwell(visitFact.day, visit.zone, ms);
    }
    for (const pick of session.picks) {
      const r = pick.zone !== undefined ? byZone.get(pick.zone) : undefined;
      // A pick counts in the funnel of a zone the session visited (the steps nest).
      if (!r) continue;
      r.picked = true;
      if (bought.has(pick.sku)) r.purchased = true;
    }
    for (const [zone, r] of byZone) {
      const key = `${fact.day}|${zone}`;
      const day = this.zoneDays.get(key) ?? { day: fact.day, zone, visited: 0, dwelt: 0, picked: 0, purchased: 0 };
      day.visited++;
      if (r.dwelt) {
        day.dwelt++;
        if (r.picked) {
          day.picked++;
          if (r.purchased) day.purchased++;
        }
      }
      this.zoneDays.set(key, day);
    }
  }

  /** The hour row the session counts under (the hour it came in), for this drain. */
  private hourOf(fact: SessionFact): SessionHourFact {
    const key = `${fact.day}|${fact.hour}`;
    let row = this.sessionHours.get(key);
    if (!row) this.sessionHours.set(key, (row = { day: fact.day, hour: fact.hour, sessions: 0, people: 0, closed: 0, purchasing: 0, pickedUnits: 0, putBackUnits: 0 }));
    return row;
  }

  private countClosed(fact: SessionFact): void {
    const hour = this.hourOf(fact);
    hour.closed++;
    hour.pickedUnits += fact.pickedUnits;
    hour.putBackUnits += fact.putBackUnits;
    if (fact.units === 0) return;
    hour.purchasing++;
    const key = `${fact.day}|${fact.units}`;
    const basket = this.baskets.get(key) ?? { day: fact.day, units: fact.units, sessions: 0, valueMinor: 0 };
    basket.sessions++;
    basket.valueMinor += fact.valueMinor;
    this.baskets.set(key, basket);
  }

  private countDwell(day: string, zone: string, ms: number): void {
    const seconds = Math.min(Math.floor(ms / 1000), DWELL_CAP_S);
    const key = `${day}|${zone}|${seconds}`;
    const row = this.dwell.get(key) ?? { day, zone, seconds, visits: 0, totalMs: 0 };
    row.visits++;
    row.totalMs += Math.round(ms);
    this.dwell.set(key, row);
  }
}
