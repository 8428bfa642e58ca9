// What each plate truly carries over time, before any load cell measures it: every unit on a shelf
// is a physical object with its own weight (drawn once from the catalog's mean and σ), so a plate's
// load is the sum of the units actually on it and a unit put back weighs what it weighed when it
// was picked. Interactions become load steps (ramps while the hand lifts or sets down) and force
// transients (pressing, rummaging, the plate ringing after release) confined to the hand-in-shelf
// window, felt a little by the neighbouring plates of the same shelf. Some units put down straddle
// two plates, so one event moves two plates by fractions of a unit: the shelf model must cope.
import type { SimInteraction, SimWorld } from '../world';
import { locatePlates, type PlatePlacement } from '../../store/geometry';
import type { Product, StoreModel } from '../../store/schema';
import { clamp, sensorStream, type Rng } from './streams';

/** A change of load: linear from `at` over `rampMs` (the hand lifting or setting down). */
export interface PlateStep {
  at: number;
  rampMs: number;
  deltaG: number;
  interactionId: number;
}

/**
 * The force a hand adds while in the shelf, in grams: half-sine pulses (presses, and pulls when
 * negative) and damped rings after each step, faded out before the hand leaves so that nothing
 * outlasts the interaction.
 */
export interface TransientShape {
  start: number;
  end: number;
  fadeMs: number;
  /** Triples: start, width ms, amplitude g. */
  pulses: number[];
  /** Quadruples: start, amplitude g, frequency Hz, decay time constant ms. */
  rings: number[];
}

export interface PlateTransient {
  shape: TransientShape;
  /** 1 on the touched plate, the coupling on its neighbours. */
  gain: number;
  interactionId: number;
}

export interface PlateTruth {
  plate: string;
  controller: string;
  channel: number;
  placement: PlatePlacement;
  /** The planogram product, if any. */
  sku: string | undefined;
  initialUnits: number;
  initialLoadG: number;
  steps: PlateStep[];
  transients: PlateTransient[];
}

/** A unit that rests on two plates: `share` of its weight sits on `neighbour`. */
export interface Straddle {
  interactionId: number;
  plate: string;
  neighbour: string;
  sku: string;
  weightG: number;
  share: number;
}

export interface PlateWorldTruth {
  plates: Map<string, PlateTruth>;
  straddles: Straddle[];
  /** Where the world asked for something the shelves could not do (a pick from a plate without that product). */
  problems: string[];
}

export interface PlateTruthOptions {
  seed: number;
  /** Overrides world.initialStock per plate (units of the planogram product). */
  initialUnits: ReadonlyMap<string, number> | undefined;
  straddleRate: number;
  transientMedianG: number;
  neighbourCoupling: number;
}

interface Unit {
  sku: string;
  weightG: number;
  neighbour: string | undefined;
  share: number;
}

/** Load at time t (no sensor effects): for tests and for the evaluator's inventory truth. */
export function trueLoadAt(truth: PlateTruth, t: number): number {
  let load = truth.initialLoadG;
  for (const s of truth.steps) {
    if (t <= s.at) continue;
    load += s.rampMs <= 0 || t >= s.at + s.rampMs ? s.deltaG : (s.deltaG * (t - s.at)) / s.rampMs;
  }
  return load;
}

/** The transient's force at time t, grams (0 outside its window). */
export function transientAt(shape: TransientShape, t: number): number {
  if (t < shape.start || t >= shape.end) return 0;
  let f = 0;
  const p = shape.pulses;
  for (let i = 0; i < p.length; i += 3) {
    const dt = t - p[i]!;
    if (dt > 0 && dt < p[i + 1]!) f += p[i + 2]! * Math.sin((Math.PI * dt) / p[i + 1]!);
  }
  const r = shape.rings;
  for (let i = 0; i < r.length; i += 4) {
    const dt = t - r[i]!;
    if (dt > 0) f += r[i + 1]! * Math.exp(-dt / r[i + 3]!) * Math.sin((2 * Math.PI * r[i + 2]! * dt) / 1000);
  }
  const left = shape.end - t;
  // A raised-cosine fade, so the force reaches zero exactly as the hand leaves.
  if (left < shape.fadeMs) f *= 0.5 - 0.5 * Math.cos((Math.PI * left) / shape.fadeMs);
  return f;
}

function drawUnitWeight(rng: Rng, product: Product): number {
  return Math.max(product.weightMeanG * 0.2, rng.normal(product.weightMeanG, product.weightStdG));
}

/** Plates either side on the same shelf, nearest first: [left1, right1, left2, right2] (undefined at the ends). */
function shelfNeighbours(placements: Map<string, PlatePlacement>): Map<string, (string | undefined)[]> {
  const out = new Map<string, (string | undefined)[]>();
  const seen = new Set<unknown>();
  for (const p of placements.values()) {
    if (seen.has(p.shelf)) continue;
    seen.add(p.shelf);
    const ordered = [...p.shelf.plates].sort((a, b) => a.offset - b.offset).map((q) => q.id);
    ordered.forEach((id, i) => out.set(id, [ordered[i - 1], ordered[i + 1], ordered[i - 2], ordered[i + 2]]));
  }
  return out;
}

export function buildPlateTruth(store: StoreModel, world: SimWorld, options: PlateTruthOptions): PlateWorldTruth {
  const placements = locatePlates(store.layout);
  const neighbours = shelfNeighbours(placements);
  const products = new Map(store.catalog.map((p) => [p.sku, p]));
  const facings = new Map(store.planogram.map((f) => [f.plate, f]));
  const plates = new Map<string, PlateTruth>();
  const contents = new Map<string, Unit[]>();
  const problems: string[] = [];
  const straddles: Straddle[] = [];

  const stockLines = new Map<string, { sku: string; units: number }[]>();
  for (const line of world.initialStock ?? []) {
    const list = stockLines.get(line.plate) ?? [];
    list.push(line);
    stockLines.set(line.plate, list);
  }
  for (const [id, placement] of placements) {
    const facing = facings.get(id);
    // The caller's override, else what the behaviour model stocked, else a full plate.
    const override = options.initialUnits?.get(id);
    const lines =
      override !== undefined
        ? facing ? [{ sku: facing.sku, units: override }] : []
        : (stockLines.get(id) ?? (world.initialStock ? [] : facing ? [{ sku: facing.sku, units: facing.capacity }] : []));
    const units: Unit[] = [];
    const rng = sensorStream(options.seed, `units:${id}`);
    for (const line of lines) {
      const product = products.get(line.sku);
      if (!product) {
        if (line.units > 0) problems.push(`plate ${id} starts with ${line.units} units of ${line.sku}, which is not in the catalog`);
        continue;
      }
      for (let i = 0; i < line.units; i++) units.push({ sku: product.sku, weightG: drawUnitWeight(rng, product), neighbour: undefined, share: 0 });
    }
    contents.set(id, units);
    plates.set(id, {
      plate: id,
      controller: placement.plate.device.controller,
      channel: placement.plate.device.channel,
      placement,
      sku: facing?.sku,
      initialUnits: units.length,
      initialLoadG: units.reduce((s, u) => s + u.weightG, 0),
      steps: [],
      transients: [],
    });
  }

  // Units a person carries, by sku, last picked last: a put-back returns the very unit picked.
  const held = new Map<number, Map<string, number[]>>();
  const hand = (person: number, sku: string): number[] => {
    let bySku = held.get(person);
    if (!bySku) held.set(person, (bySku = new Map()));
    let list = bySku.get(sku);
    if (!list) bySku.set(sku, (list = []));
    return list;
  };

  type Event = { t: number; order: number; ix?: SimInteraction; handOff?: SimWorld['handOffs'][number] };
  const events: Event[] = [
    ...world.interactions.map((ix) => ({ t: ix.startMs, order: 0, ix })),
    ...world.handOffs.map((h) => ({ t: h.atMs, order: 1, handOff: h })),
  ];
  events.sort((a, b) => a.t - b.t || a.order - b.order || (a.ix?.id ?? 0) - (b.ix?.id ?? 0));

  for (const event of events) {
    if (event.handOff) {
      const h = event.handOff;
      const from = hand(h.fromPersonId, h.sku);
      const to = hand(h.toPersonId, h.sku);
      for (let q = 0; q < h.quantity && from.length > 0; q++) to.push(from.pop()!);
      continue;
    }
    const ix = event.ix!;
    const truth = plates.get(ix.plate);
    const product = products.get(ix.sku);
    if (!truth || !product) {
      problems.push(`interaction ${ix.id}: ${truth ? `unknown sku ${ix.sku}` : `unknown plate ${ix.plate}`}`);
      continue;
    }
    const rng = sensorStream(options.seed, `interaction:${ix.id}`);
    const stack = contents.get(ix.plate)!;
    const moved: Unit[] = [];
    const sign = ix.kind === 'pick' ? -1 : 1;
    for (let q = 0; q < ix.quantity; q++) {
      if (ix.kind === 'pick') {
        let at = -1;
        for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.sku === ix.sku) { at = i; break; }
        let unit: Unit;
        if (at >= 0) unit = stack.splice(at, 1)[0]!;
        else {
          problems.push(`interaction ${ix.id}: pick of ${ix.sku} from ${ix.plate}, which holds none`);
          unit = { sku: ix.sku, weightG: drawUnitWeight(rng, product), neighbour: undefined, share: 0 };
        }
        hand(ix.personId, ix.sku).push(unit.weightG);
        moved.push(unit);
      } else {
        const carried = ix.kind === 'restock' ? undefined : hand(ix.personId, ix.sku).pop();
        const unit: Unit = { sku: ix.sku, weightG: carried ?? drawUnitWeight(rng, product), neighbour: undefined, share: 0 };
        stack.push(unit);
        moved.push(unit);
      }
    }
    if (sign > 0 && moved.length > 0 && rng.chance(options.straddleRate)) {
      const [left, right] = neighbours.get(ix.plate) ?? [];
      const side = left && right ? (rng.chance(0.5) ? left : right) : (left ?? right);
      if (side) {
        const unit = moved[moved.length - 1]!;
        unit.neighbour = side;
        unit.share = rng.range(0.15, 0.5);
        straddles.push({ interactionId: ix.id, plate: ix.plate, neighbour: side, sku: unit.sku, weightG: unit.weightG, share: unit.share });
      }
    }
    addInteractionSignals(ix, moved, sign, rng, plates, neighbours, options);
  }
  for (const truth of plates.values()) {
    truth.steps.sort((a, b) => a.at - b.at);
    truth.transients.sort((a, b) => a.shape.start - b.shape.start);
  }
  return { plates, straddles, problems };
}

function addInteractionSignals(
  ix: SimInteraction,
  moved: Unit[],
  sign: number,
  rng: Rng,
  plates: Map<string, PlateTruth>,
  neighbours: Map<string, (string | undefined)[]>,
  options: PlateTruthOptions,
): void {
  const start = ix.startMs;
  const duration = Math.max(1, ix.endMs - ix.startMs);
  const truth = plates.get(ix.plate)!;
  const stepTimes: { at: number; ramp: number; delta: number }[] = [];
  const addStep = (unitList: Unit[], at: number, ramp: number): void => {
    let main = 0;
    for (const u of unitList) {
      main += sign * u.weightG * (1 - u.share);
      const other = u.neighbour ? plates.get(u.neighbour) : undefined;
      if (other) other.steps.push({ at, rampMs: ramp, deltaG: sign * u.weightG * u.share, interactionId: ix.id });
    }
    truth.steps.push({ at, rampMs: ramp, deltaG: main, interactionId: ix.id });
    stepTimes.push({ at, ramp, delta: main });
  };
  // Several units: one grab, or one after another within the same reach (restocking always is).
  const oneByOne = moved.length > 1 && (ix.kind === 'restock' || rng.chance(0.5));
  if (!oneByOne) {
    const ramp = Math.min(150, 0.2 * duration);
    if (moved.length > 0) addStep(moved, start + duration * rng.range(0.3, 0.6), ramp);
  } else {
    const k = moved.length;
    for (let u = 0; u < k; u++) {
      const slot0 = start + duration * (0.15 + (0.7 * u) / k);
      const slot = (0.7 * duration) / k;
      addStep([moved[u]!], slot0 + rng.range(0, 0.5) * slot, Math.min(120, 0.4 * slot));
    }
  }

  const median = options.transientMedianG;
  const pulses: number[] = [];
  const n = 1 + rng.poisson(Math.min(3, duration / 2500));
  for (let i = 0; i < n && median > 0; i++) {
    const w = Math.min(rng.range(80, 300), 0.5 * duration);
    const t0 = start + rng.range(0, duration - w);
    const amp = clamp(rng.logNormal(median, 0.7), 0.15 * median, 8 * median);
    pulses.push(t0, w, rng.chance(0.8) ? amp : -amp);
  }
  const rings: number[] = [];
  for (const s of stepTimes) {
    const amp = (0.15 + 0.2 * rng.float()) * Math.abs(s.delta);
    rings.push(s.at + s.ramp, rng.chance(0.5) ? amp : -amp, rng.range(5, 12), rng.range(40, 150));
  }
  const shape: TransientShape = { start, end: start + duration, fadeMs: Math.min(100, 0.1 * duration), pulses, rings };
  truth.transients.push({ shape, gain: 1, interactionId: ix.id });
  const [l1, r1, l2, r2] = neighbours.get(ix.plate) ?? [];
  for (const [id, near] of [[l1, true], [r1, true], [l2, false], [r2, false]] as const) {
    const other = id ? plates.get(id) : undefined;
    if (!other || options.neighbourCoupling <= 0) continue;
    const gain = options.neighbourCoupling * rng.range(0.5, 1.5) * (near ? 1 : 1 / 3);
    other.transients.push({ shape, gain, interactionId: ix.id });
  }
}
