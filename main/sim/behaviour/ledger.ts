// The ground truth of who took what: every hand-in-shelf action, every item passed between people,
// and what each person carries. Receipts are read off what people carry out of the store, not by
// summing interactions, so a test comparing the two checks the bookkeeping instead of restating it.
//
// Stock moves so that replaying interactions in start order never finds a plate short: a pick
// takes its units when the hand goes in, a put-back or restock adds them only when the hand comes
// out (settle()), so no pick can have counted on units that were still in someone's hand.
//
// Charging rules (what the evaluator scores an engine against):
// - a pick is charged to the picker's session; a tailgater's picks to nobody (sessionId undefined);
// - a put-back, in place or misplaced, credits the session charged for that unit, which is the
//   putter's own except when a stranger handed it to them;
// - a hand-off never moves a charge: within a group it stays on the shared receipt, and between
//   strangers the picker pays for what they passed on.
import type { SimHandOff, SimInteraction, SimReceiptLine } from '../world';
import type { Agent, CarriedItem } from './agent';
import type { PlateSite } from './shelf-access';
import type { Stock } from './stock';

export class Ledger {
  readonly interactions: SimInteraction[] = [];
  readonly handOffs: SimHandOff[] = [];
  /** What people had on them as they left, per charged session. */
  private readonly carriedOut = new Map<string, Map<string, number>>();
  /** Units on their way onto plates: [atMs, site, sku, units], applied by settle(). */
  private pendingPuts: { atMs: number; site: PlateSite; sku: string; units: number }[] = [];

  constructor(private readonly stock: Stock) {}

  /** Takes up to `want` units off the plate into the person's hands; records nothing when the plate is empty. */
  pick(me: Agent, site: PlateSite, sku: string, want: number, startMs: number, endMs: number, abandonOne: boolean): CarriedItem | undefined {
    const units = this.stock.take(site, sku, want);
    if (units === 0) return undefined;
    this.record(me, me.sessionId, 'pick', site, sku, units, startMs, endMs);
    const item: CarriedItem = { sku, units, charged: me.sessionId, fromPlate: site.index, abandon: abandonOne };
    me.carried.push(item);
    return item;
  }

  /** Puts `units` of a carried item onto `site`: back where it belongs, or misplaced when the plate is another. */
  putDown(me: Agent, item: CarriedItem, units: number, site: PlateSite, startMs: number, endMs: number): void {
    const n = Math.min(units, item.units);
    if (n <= 0) return;
    const kind = site.index === item.fromPlate ? 'put-back' : 'misplaced-put-back';
    this.pendingPuts.push({ atMs: endMs, site, sku: item.sku, units: n });
    this.record(me, item.charged, kind, site, item.sku, n, startMs, endMs);
    this.removeUnits(me, item, n);
  }

  restock(me: Agent, site: PlateSite, units: number, startMs: number, endMs: number): void {
    if (!site.sku || units <= 0) return;
    this.pendingPuts.push({ atMs: endMs, site, sku: site.sku, units });
    this.record(me, undefined, 'restock', site, site.sku, units, startMs, endMs);
  }

  /** Lands the put-backs and restocks whose hands have left the shelf by `nowMs`. */
  settle(nowMs: number): void {
    if (this.pendingPuts.length === 0) return;
    const keep: typeof this.pendingPuts = [];
    for (const p of this.pendingPuts) {
      if (p.atMs <= nowMs) this.stock.put(p.site, p.sku, p.units);
      else keep.push(p);
    }
    this.pendingPuts = keep;
  }

  handOff(from: Agent, to: Agent, item: CarriedItem, units: number, atMs: number): void {
    const n = Math.min(units, item.units);
    if (n <= 0) return;
    this.handOffs.push({ fromPersonId: from.id, toPersonId: to.id, sku: item.sku, quantity: n, atMs });
    this.removeUnits(from, item, n);
    // A unit flagged to be abandoned stays with the giver's intent; the receiver keeps what they got.
    to.carried.push({ sku: item.sku, units: n, charged: item.charged, fromPlate: item.fromPlate, abandon: false });
  }

  /** Called when a person walks out: their items go on the receipts of the sessions charged for them. */
  carryOut(me: Agent): void {
    for (const item of me.carried) {
      if (item.charged === undefined || item.units <= 0) continue;
      let lines = this.carriedOut.get(item.charged);
      if (!lines) {
        lines = new Map();
        this.carriedOut.set(item.charged, lines);
      }
      lines.set(item.sku, (lines.get(item.sku) ?? 0) + item.units);
    }
    me.carried = [];
  }

  receipt(sessionId: string): SimReceiptLine[] {
    const lines = this.carriedOut.get(sessionId);
    if (!lines) return [];
    return [...lines]
      .filter(([, q]) => q > 0)
      .map(([sku, quantity]) => ({ sku, quantity }))
      .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }

  /** Interactions in time order with ids 0…n−1, as the world publishes them. */
  finalInteractions(): SimInteraction[] {
    const sorted = [...this.interactions].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    return sorted.map((it, i) => ({ ...it, id: i }));
  }

  private removeUnits(me: Agent, item: CarriedItem, n: number): void {
    item.units -= n;
    if (item.units <= 0) me.carried = me.carried.filter((c) => c !== item);
  }

  private record(
    me: Agent,
    sessionId: string | undefined,
    kind: SimInteraction['kind'],
    site: PlateSite,
    sku: string,
    quantity: number,
    startMs: number,
    endMs: number,
  ): void {
    this.interactions.push({ id: this.interactions.length, personId: me.id, sessionId, kind, plate: site.id, sku, quantity, startMs, endMs });
  }
}
