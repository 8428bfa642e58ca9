// The shelves stage of the engine: plate samples in, shelf events and restock alerts out. It wires
// the segmenter (weights → settled changes), the explainer (changes → products and quantities), the
// dynamic planogram (stray units), the inventory (units per plate, alerts) and restock mode (staff
// work is charged to nobody). First readings of shelves still settling go out as 'shelf-reading'
// decisions, explained the same way but learning nothing: they only make pending cart lines.
// Deterministic: no clock, no randomness, ids from a counter, every collection iterated in a fixed
// order. It also tells later stages which shelves are still settling
// (ShelfActivity), so fusion can hold a receipt for exactly as long as a shelf its shopper touched needs.
import type { ShelfEventDecision, ShelfReadingDecision } from '../decisions';
import { isRestockAction, type EngineInput } from '../inputs';
import type { DecisionSink, EngineStage, ShelfActivity, UnsettledShelf } from '../stage';
import type { StoreModel } from '../../store/schema';
import { CarriedUnits } from './carried';
import { DynamicPlanogram } from './dynamic-planogram';
import { explainSettled, type ExplainedPart } from './explain';
import { quantityPrior, type QuantityModel } from './hypotheses';
import { Inventory, type PlateInventory } from './inventory';
import { buildShelfLayout } from './layout';
import { shelfStageOptions, type ShelfStageOptions } from './options';
import { RestockMode, type RestockHolder } from '../restock-mode';
import { Segmenter, type SettledChange } from './segmenter';

export interface ShelfStage extends EngineStage, ShelfActivity {
  /** Units per plate with a planogram facing, from the plates' settled weights. */
  inventory(): PlateInventory[];
  /** Fixtures in staff restock mode now (their shelf events are charged to nobody), with who holds each. */
  restocking(): RestockHolder[];
}

export function createShelfStage(store: StoreModel, options: Partial<ShelfStageOptions> = {}): ShelfStage {
  const o = shelfStageOptions(options);
  const layout = buildShelfLayout(store);
  const segmenter = new Segmenter(layout, o);
  const dynamic = new DynamicPlanogram();
  const inventory = new Inventory(layout, segmenter, dynamic);
  const restock = new RestockMode();
  const carried = new CarriedUnits(o.carriedMemoryS * 1000);
  const shopperModel: QuantityModel = {
    ...o,
    logQuantityPrior: quantityPrior(o.maxQuantity, [
      { weight: 1 - o.quantityTail, decay: o.quantityDecay },
      { weight: o.quantityTail, decay: o.restockQuantityDecay },
    ]),
  };
  const shelfIndex = new Map(layout.shelfIds.map((id, s) => [id, s]));
  const staffModel: QuantityModel = { ...o, logQuantityPrior: quantityPrior(o.maxQuantity, [{ weight: 1, decay: o.restockQuantityDecay }]) };
  let sequence = 0;
  let readingSequence = 0;

  /** Learns from the best reading: stray units put down or taken again, units carried or returned. */
  function learn(part: ExplainedPart, t: number, staff: boolean): void {
    const top = part.explanation.hypotheses[0];
    if (!top) return;
    if (!staff) {
      if (top.quantity > 0) carried.take(top.sku, top.quantity, t);
      else carried.putBack(top.sku, -top.quantity);
    }
    const bySize = part.slots.map((slot, i) => ({ slot, size: Math.abs(part.deltas[i]!) })).sort((a, b) => b.size - a.size || a.slot - b.slot);
    if (top.quantity < 0) {
      if (part.slots.some((slot) => layout.facing[slot]?.sku === top.sku)) return;
      dynamic.add(layout.plateIds[bySize[0]!.slot]!, top.sku, -top.quantity);
      return;
    }
    let left = top.quantity;
    for (const { slot } of bySize) left -= dynamic.remove(layout.plateIds[slot]!, top.sku, left);
  }

  /** What a shelf event and a first reading both say of one part of a change (none: nothing changed). */
  function partFields(change: SettledChange, part: ExplainedPart | undefined): Omit<ShelfEventDecision, 'kind' | 'id' | 'sessionId'> {
    return {
      t: change.t,
      startMs: change.startMs,
      endMs: change.endMs,
      fixture: layout.shelfFixture[change.shelf]!,
      shelf: layout.shelfIds[change.shelf]!,
      plates: part ? part.slots.map((slot) => layout.plateIds[slot]!) : [],
      deltaGrams: part ? part.deltas.map((d) => Math.round(d * 10) / 10) : [],
      hypotheses: part ? part.explanation.hypotheses : [],
    };
  }

  /** The change's parts, explained with the staff model when its fixture is in restock mode. */
  function explain(change: SettledChange, staff: boolean): ExplainedPart[] {
    return explainSettled(change, layout, dynamic, o, staff ? staffModel : shopperModel, carried.shares());
  }

  function handleChange(change: SettledChange, emit: DecisionSink): void {
    const staff = restock.covers(layout.shelfFixture[change.shelf]!, change.startMs);
    carried.expire(change.t);
    for (const part of explain(change, staff)) {
      const event: ShelfEventDecision = { kind: 'shelf-event', id: `${layout.shelfIds[change.shelf]}#${++sequence}`, ...partFields(change, part) };
      if (staff) event.sessionId = 'nobody';
      emit(event);
      learn(part, change.t, staff);
      for (const slot of part.slots) {
        const alert = inventory.update(slot, change.t);
        if (alert) emit(alert);
      }
    }
  }

  /** A first reading: its parts as the settled change's would be, for pending lines only; no parts when the weights are back. */
  function handleReading(change: SettledChange, emit: DecisionSink): void {
    const staff = restock.covers(layout.shelfFixture[change.shelf]!, change.startMs);
    const parts: (ExplainedPart | undefined)[] = change.slots.length > 0 ? explain(change, staff) : [undefined];
    for (const part of parts) {
      const reading: ShelfReadingDecision = { kind: 'shelf-reading', id: `${layout.shelfIds[change.shelf]}~${++readingSequence}`, ...partFields(change, part) };
      if (staff) reading.sessionId = 'nobody';
      emit(reading);
    }
  }

  function drain(emit: DecisionSink): void {
    if (segmenter.readied.length > 0) {
      for (const { slot, t } of segmenter.readied) {
        const alert = inventory.update(slot, t);
        if (alert) emit(alert);
      }
      segmenter.readied.length = 0;
    }
    if (segmenter.settled.length > 0) {
      // Taken out first: handling a change never produces another, but the queue must be empty
      // before anything re-enters the segmenter.
      const changes = segmenter.settled.splice(0);
      for (const change of changes) handleChange(change, emit);
    }
    if (segmenter.readings.length > 0) {
      for (const reading of segmenter.readings.splice(0)) handleReading(reading, emit);
    }
  }

  return {
    name: 'shelves',
    accept(input: EngineInput, emit: DecisionSink): void {
      switch (input.kind) {
        case 'plate-samples':
          segmenter.acceptSamples(input);
          if (segmenter.settled.length > 0 || segmenter.readied.length > 0 || segmenter.readings.length > 0) drain(emit);
          return;
        case 'device-status':
          segmenter.deviceStatus(input.device, input.state === 'online');
          return;
        case 'staff-action':
          if (isRestockAction(input)) restock.apply(input);
          return;
        default:
          return;
      }
    },
    advance(t: number, emit: DecisionSink): void {
      segmenter.advance(t);
      drain(emit);
    },
    finish(t: number, emit: DecisionSink): void {
      segmenter.finish(t);
      drain(emit);
    },
    unsettled(): UnsettledShelf[] {
      const out: UnsettledShelf[] = [];
      for (let s = 0; s < layout.shelfIds.length; s++) {
        if (segmenter.shelfActive[s] !== 1) continue;
        const plates = layout.plateIds.slice(layout.shelfStart[s], layout.shelfStart[s + 1]);
        out.push({ shelf: layout.shelfIds[s]!, plates, sinceMs: segmenter.activeSince[s]! });
      }
      return out;
    },
    settledAfter(shelf: string, t: number): number {
      const s = shelfIndex.get(shelf);
      if (s === undefined) return -Infinity;
      if (segmenter.shelfActive[s] === 1 && segmenter.activeSince[s]! <= t) return Number.NaN;
      // Settled since (a new activity may have begun after t), or never active at all.
      const at = segmenter.settledAt[s]!;
      return at === at ? at : -Infinity;
    },
    inventory: () => inventory.list(),
    restocking: () => restock.holders(),
  };
}
