// The words the floor map uses for live events, flags, refusals, devices and confidences. One place,
// so the feed, the toasts and the shopper panel say the same thing the same way, and tests read
// them without a DOM.
import type {
  DeviceKind,
  FloorPlan,
  LiveEvent,
  LiveFlagReason,
  LivePendingLine,
  LiveRefusalReason,
  LiveSessionEvent,
} from '../../../../../native-bridge/contract';

export const flagReasonLabels: Record<LiveFlagReason, string> = {
  'low-posterior': 'unsure who took an item',
  'close-second': 'another shopper was nearly as likely',
  'weight-residual': 'a weight change no product explains',
  'unmatched-put-back': 'put back something not in the cart',
  'track-lost': 'lost sight of the shopper',
  'age-restricted': 'age-restricted product',
  tailgating: 'came in without scanning',
};

export const refusalReasonLabels: Record<LiveRefusalReason, string> = {
  malformed: 'not a Walkout code',
  'bad-signature': 'forged code (bad signature)',
  expired: 'expired code',
  'not-yet-valid': 'code not valid yet',
  'wrong-store': 'code for another store',
  reused: 'code already used',
  'not-an-entry-gate': 'scanned at an exit',
};

export const deviceKindLabels: Record<DeviceKind, string> = {
  'shelf-controller': 'Shelf controller',
  camera: 'Camera',
  'gate-scanner': 'Gate scanner',
  other: 'Device',
};

/** Names the plan gives gates and cameras, for sentences. */
export interface PlanNames {
  gate(id: string): string;
  device(kind: DeviceKind, id: string): string;
}

export function planNames(plan: FloorPlan | null): PlanNames {
  const gates = new Map(plan?.layout.gates.map((g) => [g.id, g.name]) ?? []);
  const cameras = new Map(plan?.cameras.map((c) => [c.id, c.name]) ?? []);
  return {
    gate: (id) => gates.get(id) ?? id,
    device: (kind, id) => (kind === 'camera' && cameras.has(id) ? cameras.get(id)! : `${deviceKindLabels[kind]} ${id}`),
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line for the feed and the toasts. */
export function describeLiveEvent(event: LiveEvent, names: PlanNames, money: (minor: number) => string): string {
  switch (event.kind) {
    case 'gate-admitted':
      return event.groupSize > 1
        ? `${event.sessionId} checked in at ${names.gate(event.gate)} for a group of ${event.groupSize}`
        : `${event.sessionId} checked in at ${names.gate(event.gate)}`;
    case 'gate-refused':
      return `Scan refused at ${names.gate(event.gate)}: ${refusalReasonLabels[event.reason]}`;
    case 'tailgating': {
      const who = event.trackId !== undefined ? `Track ${event.trackId}` : 'Someone';
      return `Tailgating at ${names.gate(event.gate)}: ${who} came in without scanning`;
    }
    case 'session-flagged':
      return `${event.sessionId} flagged: ${flagReasonLabels[event.reason]}`;
    case 'receipt':
      return event.status === 'charged'
        ? `${event.sessionId} left: charged ${money(event.totalMinor)} for ${plural(event.units, 'item')}`
        : `${event.sessionId} left: receipt of ${plural(event.units, 'item')} held for review`;
    case 'device-down':
      return `${names.device(event.deviceKind, event.device)} ${event.state === 'error' ? 'reports an error' : 'went offline'}${event.detail ? ` (${event.detail})` : ''}`;
    case 'device-up':
      return `${names.device(event.deviceKind, event.device)} is back online`;
  }
}

export type ConfidenceBand = 'high' | 'medium' | 'low';

/** High enough to charge without a second look, worth a glance, or doubtful. */
export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.6) return 'medium';
  return 'low';
}

export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return '—';
  return `${Math.round(Math.min(1, Math.max(0, probability)) * 100)}%`;
}

/** One line of a session's history in the shopper panel. */
export function describeSessionEvent(event: LiveSessionEvent, names: PlanNames): string {
  switch (event.kind) {
    case 'admitted':
      return event.groupSize > 1 ? `Checked in at ${names.gate(event.gate)} for ${event.groupSize}` : `Checked in at ${names.gate(event.gate)}`;
    case 'member':
      if (event.via === 'rebind') return `Picked up again as track ${event.trackId}`;
      return event.via === 'tailgating'
        ? `Track ${event.trackId} came in without scanning${event.gate ? ` at ${names.gate(event.gate)}` : ''}`
        : `Track ${event.trackId} walked in${event.gate ? ` at ${names.gate(event.gate)}` : ''}`;
    case 'cart': {
      const action = event.quantity >= 0 ? `Took ${event.quantity}` : `Put back ${-event.quantity}`;
      const attribution = event.attribution !== undefined ? `, ${formatPercent(event.attribution)} this shopper` : '';
      return `${action} × ${event.name} (${formatPercent(event.confidence)} sure${attribution})`;
    }
    case 'flagged':
      return `Flagged: ${flagReasonLabels[event.reason]}`;
    case 'age-checked':
      return `ID checked by ${event.by}`;
    case 'receipt':
      return event.status === 'charged' ? 'Left; receipt charged' : 'Left; receipt held for review';
  }
}

/** A change of quantity: "+2" for a pick, "−1" (a minus sign, not a hyphen) for a put-back. */
export function formatQuantityChange(quantity: number): string {
  return quantity < 0 ? `\u2212${-quantity}` : `+${quantity}`;
}

/** One line still settling, in the shopper panel's "Settling" group: "+1 Oat milk · settling · 83%". */
export function describePendingLine(line: Pick<LivePendingLine, 'quantity' | 'name' | 'confidence'>): string {
  return `${formatQuantityChange(line.quantity)} ${line.name} · settling · ${formatPercent(line.confidence)}`;
}

/** Why a settling line is shown apart from the cart (its tooltip). */
export const pendingLineExplanation =
  'The shelf is still settling: a first reading, not in the cart or on the receipt. The settled line replaces it within about a second.';

// Building a formatter is far slower than using one.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units in the store's currency ("$3.49"); plain units when the currency is unknown. */
export function formatMoney(minor: number, currency: string | undefined): string {
  const key = currency ?? '';
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = currency ? new Intl.NumberFormat(undefined, { style: 'currency', currency }) : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
    } catch {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  // Two decimal places is right for nearly every currency a store runs in.
  return format.format(minor / 100);
}
