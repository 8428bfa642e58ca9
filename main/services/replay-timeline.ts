// Builds a session's replay from what was stored: the engine's decisions about it (gate, members,
// shelf events, cart changes, flags, receipt), its members' track lifecycle and floor paths, and the
// plates' positions on the plan. Pure: the service reads, this shapes.
import type { ReplayCartStep, ReplayEvent, ReplayMoment, ReplayTrack, SessionReplay, SessionSummary } from '../../native-bridge/contract/dto-replay';
import type { ReviewFlag, ReviewStatus } from '../../native-bridge/contract/dto-review';
import { cartOf, type CartItem } from '../../native-bridge/contract/review-actions';
import type { TrackLifecycleDecision } from '../engine/decisions';
import type { Pricing } from '../review/pricing';
import { flagsWithKeys } from '../review/flag-details';
import { eventEvidence } from '../review/session-view';
import { openedAt, type EventWithAttribution, type SessionDecisions } from '../review/session-decisions';
import type { PlatePlacement } from '../store/geometry';

export interface ReplayInput {
  s: SessionDecisions;
  status: ReviewStatus;
  events: { entry: EventWithAttribution; owner: string }[];
  lifecycle: TrackLifecycleDecision[];
  paths: { trackId: number; t: ArrayLike<number>; x: ArrayLike<number>; y: ArrayLike<number> }[];
  pathsRecorded: boolean;
  plates: ReadonlyMap<string, PlatePlacement>;
  pricing: Pricing;
  currency: string;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function summaryOf(s: SessionDecisions, status: ReviewStatus, pricing: Pricing): SessionSummary {
  const lines = s.receipt?.lines ?? [];
  return {
    sessionId: s.key,
    ...(s.admitted ? { account: s.admitted.account } : {}),
    anonymous: !s.admitted,
    enteredAt: openedAt(s),
    ...(s.receipt ? { closedAt: s.receipt.t } : {}),
    status,
    flags: [...new Set(s.flags.map((f) => f.reason))],
    units: lines.reduce((n, line) => n + line.quantity, 0),
    valueMinor: pricing.describe(lines).totalMinor,
  };
}

function quantityLabel(pricing: Pricing, sku: string, quantity: number): string {
  return `${Math.abs(quantity)} × ${pricing.name(sku)}`;
}

function eventLabel(entry: EventWithAttribution, owner: string, pricing: Pricing): string {
  const top = entry.event.hypotheses[0];
  const what = top ? `${top.quantity < 0 ? 'Put back' : 'Took'} ${quantityLabel(pricing, top.sku, top.quantity)}` : 'Unexplained weight change';
  const who = entry.attribution ? ` — charged to ${owner} (p ${round(entry.attribution.probability, 2)})` : ' — not attributed';
  return `${what} at ${entry.event.shelf}${who}`;
}

function moments(input: ReplayInput, flags: readonly ReviewFlag[]): ReplayMoment[] {
  const { s, pricing } = input;
  const out: ReplayMoment[] = [];
  if (s.admitted) out.push({ t: s.admitted.t, kind: 'entered', label: `Scanned in at ${s.admitted.gate} (account ${s.admitted.account}, group of ${s.admitted.groupSize})` });
  if (s.tailgating) out.push({ t: s.tailgating.t, kind: 'tailgating', label: `Came in at ${s.tailgating.gate} without a scan` });
  for (const m of s.members) {
    const how = m.via === 'rebind' ? `took over from track ${m.replacesTrackId}` : m.via === 'tailgating' ? 'tailgating' : `entered at ${m.gate ?? 'a gate'}`;
    out.push({ t: m.t, kind: 'joined', label: `Track ${m.trackId} joined (${how})`, trackId: m.trackId });
  }
  for (const { entry, owner } of input.events) out.push({ t: entry.event.t, kind: 'shelf-event', label: eventLabel(entry, owner, pricing), eventId: entry.event.id });
  for (const f of flags) out.push({ t: f.t, kind: 'flag', label: `Flagged ${f.reason}: ${f.detail}`, ...(f.eventId ? { eventId: f.eventId } : {}) });
  for (const d of input.lifecycle) {
    if (d.kind === 'track-started') continue;
    const what = d.kind === 'track-lost' ? 'lost' : d.kind === 'track-refound' ? 'found again' : 'ended';
    out.push({ t: d.t, kind: d.kind, label: `Track ${d.trackId} ${what}`, trackId: d.trackId });
  }
  if (s.receipt) {
    const units = s.receipt.lines.reduce((n, line) => n + line.quantity, 0);
    const how = s.receipt.status === 'charged' ? 'charged' : `held for review (${s.receipt.flags.join(', ')})`;
    out.push({ t: s.receipt.t, kind: 'receipt', label: `Receipt ${how}: ${units} item${units === 1 ? '' : 's'}` });
  }
  return out.sort((a, b) => a.t - b.t);
}

function cartSteps(s: SessionDecisions): ReplayCartStep[] {
  let held: CartItem[] = [];
  return [...s.cartChanges]
    .sort((a, b) => a.t - b.t)
    .map((c) => {
      held = cartOf([...held, { sku: c.sku, quantity: c.quantity }]).lines;
      return { t: c.t, eventId: c.eventId, sku: c.sku, quantity: c.quantity, cart: held };
    });
}

function replayEvent({ entry, owner }: ReplayInput['events'][number], plates: ReplayInput['plates']): ReplayEvent {
  const plateFronts = entry.event.plates.flatMap((plate) => {
    const placed = plates.get(plate);
    return placed ? [{ plate, x: round(placed.front[0], 3), y: round(placed.front[1], 3) }] : [];
  });
  return { ...eventEvidence(entry), plateFronts, owner };
}

function track(path: ReplayInput['paths'][number]): ReplayTrack {
  return {
    trackId: path.trackId,
    t: Array.from(path.t, (v) => Math.round(v)),
    x: Array.from(path.x, (v) => round(v, 3)),
    y: Array.from(path.y, (v) => round(v, 3)),
  };
}

export function buildReplay(input: ReplayInput): SessionReplay {
  const { s, pricing } = input;
  const flags = flagsWithKeys(s, input.events.map((e) => e.entry));
  const timeline = moments(input, flags);
  const tracks = input.paths.filter((p) => p.t.length > 0).map(track);
  const startMs = Math.min(openedAt(s), ...tracks.map((p) => p.t[0]!));
  const endMs = s.receipt?.t ?? Math.max(startMs, ...timeline.map((m) => m.t), ...tracks.map((p) => p.t.at(-1)!));
  const skus = new Set<string>([
    ...s.cartChanges.map((c) => c.sku),
    ...(s.receipt?.lines ?? []).map((l) => l.sku),
    ...input.events.flatMap(({ entry }) => entry.event.hypotheses.map((h) => h.sku)),
  ]);
  const receipt = s.receipt ? { status: s.receipt.status, ...pricing.describe(s.receipt.lines) } : undefined;
  return {
    session: summaryOf(s, input.status, pricing),
    startMs,
    endMs,
    tracks,
    pathsRecorded: input.pathsRecorded,
    moments: timeline,
    events: input.events.map((e) => replayEvent(e, input.plates)),
    cartSteps: cartSteps(s),
    flags,
    ...(receipt ? { receipt } : {}),
    currency: input.currency,
    products: [...skus].sort().map((sku) => ({ sku, name: pricing.name(sku), priceMinor: pricing.describe([{ sku, quantity: 1 }]).totalMinor })),
  };
}
