// Shopper replay for the UI: search sessions, replay one (its decisions, its members' paths from the
// facts, its shelf events with their evidence and who holds them now after review), and the weight
// curves of one event's plates on request.
import { ApiError } from '../../native-bridge/contract/errors';
import type { EventWeights, SessionReplay, SessionSearchResult } from '../../native-bridge/contract/dto-replay';
import type { StoreDatabase } from '../db';
import type { TrackLifecycleDecision } from '../engine/decisions';
import { engineOwner } from '../review/engine-cart';
import { createPricing } from '../review/pricing';
import { currentOwner } from '../review/review-state';
import { decisionSpan, eventKey, loadEvents, loadSessionDecisions, parseDecision, referencedEventIds, type SessionDecisions } from '../review/session-decisions';
import { statusOf } from '../review/session-view';
import { locatePlates } from '../store/geometry';
import type { StoreModel } from '../store/schema';
import { buildReplay } from './replay-timeline';
import { eventWeights } from './replay-weights';
import { searchSessions, type SessionSearch } from './sessions-search';

export interface ReplayService {
  search(query: SessionSearch): SessionSearchResult;
  replay(sessionKey: string): SessionReplay;
  eventWeights(sessionKey: string, eventId: string): EventWeights;
}

/** Paths are read a little beyond the session, so the walk in from the gate and out is seen whole. */
const PATH_MARGIN_MS = 5000;

export function createReplayService(deps: { db: Pick<StoreDatabase, 'decisions' | 'facts' | 'review' | 'inputLog'>; store: StoreModel }): ReplayService {
  const { db, store } = deps;
  const pricing = createPricing(store.catalog);
  const plates = locatePlates(store.layout);

  function sessionOrThrow(key: string): SessionDecisions {
    const s = loadSessionDecisions(db.decisions, key);
    if (!s) throw new ApiError('not_found', `no session ${key}`);
    return s;
  }

  function memberLifecycle(s: SessionDecisions, fromMs: number, toMs: number): TrackLifecycleDecision[] {
    const members = new Set(s.members.map((m) => m.trackId));
    const kinds = ['track-lost', 'track-refound', 'track-ended'];
    return db.decisions
      .list({ kinds, fromMs, toMs: toMs + 1, ...(s.runId !== undefined ? { runId: s.runId } : {}) })
      .filter((row) => row.runId === s.runId)
      .map((row) => parseDecision(row.json) as TrackLifecycleDecision)
      .filter((d) => members.has(d.trackId));
  }

  return {
    search: (query) => searchSessions({ db, catalog: store.catalog, timezone: store.layout.timezone }, query),

    replay(key) {
      const s = sessionOrThrow(key);
      const span = decisionSpan(s);
      const events = loadEvents(db.decisions, s.runId, referencedEventIds(s), span.fromMs, span.toMs).map((entry) => ({
        entry,
        owner: currentOwner(db.review, eventKey(s.runId, entry.event.id), engineOwner(entry)),
      }));
      const trackIds = s.members.map((m) => m.trackId);
      const paths = s.runId === undefined || trackIds.length === 0 ? [] : db.facts.trackPaths(s.runId, trackIds, span.fromMs - PATH_MARGIN_MS, span.toMs + PATH_MARGIN_MS);
      return buildReplay({
        s,
        status: statusOf(s, db.review.outcome(key)),
        events,
        lifecycle: memberLifecycle(s, span.fromMs, span.toMs),
        paths: paths.map((p) => ({ trackId: p.trackId, ...p.points })),
        pathsRecorded: paths.some((p) => p.points.t.length > 0),
        plates,
        pricing,
        currency: store.layout.currency,
      });
    },

    eventWeights(key, eventId) {
      const s = sessionOrThrow(key);
      const span = decisionSpan(s);
      const [entry] = loadEvents(db.decisions, s.runId, [eventId], span.fromMs, span.toMs);
      if (!entry) throw new ApiError('not_found', `no shelf event ${eventId} around session ${key}`);
      return eventWeights(db, entry.event);
    },
  };
}
