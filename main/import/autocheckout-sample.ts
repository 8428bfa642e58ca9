// Synthetic data in the exact format of the 2020 AutoCheckout competition, with the truth of what
// happened, because the real data is not on this machine: weight files per plate (`unix_ts,grams`
// at about 60 Hz, stamped on arrival with a few ms of jitter, the odd reading lost, one plate
// offline for two seconds), a product file (a product over two plates, a product with no place, two
// products within a gram of each other, a name with a comma in it), and shoppers picking one to
// three units and putting some back — on the wrong plate now and then — with the hand pressing on
// the plate as it goes in. Seeded: the same options give the same files. It is a generator of test
// fixtures, not a model of any real store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededUniform } from '../engine/seeded-uniform';
import { seededNormal } from '../engine/shelves/synthetic';
import { productsHeader } from './autocheckout-products';
import { weightsHeader } from './autocheckout-weights';
import { weightFileName, type PlateAddress } from './plate-address';

export interface SampleOptions {
  seed?: number;
  minutes?: number;
  gondolas?: number;
  shelves?: number;
  platesPerShelf?: number;
  hz?: number;
  /** Unix seconds of the first reading. Default 2020-02-04 18:00 UTC. */
  startS?: number;
}

/** One thing a shopper did, as the scorer compares it with the events found. */
export interface TruthEvent {
  /** Unix seconds: the hand touches the plate… */
  start: number;
  /** …and leaves it. */
  end: number;
  gondola: number;
  shelf: number;
  plates: number[];
  product: string;
  /** Units taken (positive) or put back (negative). */
  quantity: number;
  kind: 'pick' | 'put-back' | 'misplaced-put-back';
}

export interface SampleTruth {
  format: 1;
  seed: number;
  events: TruthEvent[];
}

export interface SampleFiles {
  weightsDir: string;
  productsFile: string;
  truthFile: string;
  truth: SampleTruth;
}

interface SampleProduct {
  name: string;
  grams: number;
  price: number;
}

// A small grocery range; Cola and Cherry Cola weigh within a gram of each other, so only the
// planogram can tell them apart.
const range: readonly SampleProduct[] = [
  { name: 'Cola 355 ml can', grams: 370.2, price: 1.29 },
  { name: 'Cherry Cola 355 ml can', grams: 369.6, price: 1.29 },
  { name: 'Sparkling Water 500 ml', grams: 521.4, price: 0.99 },
  { name: 'Potato Chips, Sea Salt 150 g', grams: 163.5, price: 2.49 },
  { name: 'Tortilla Chips 300 g', grams: 318.8, price: 3.19 },
  { name: 'Chocolate Bar 45 g', grams: 47.9, price: 1.09 },
  { name: 'Granola Bar 6 pack', grams: 236.1, price: 3.99 },
  { name: 'Instant Noodles Cup', grams: 71.3, price: 1.49 },
  { name: 'Peanut Butter 340 g', grams: 412.7, price: 3.79 },
  { name: 'Tomato Soup 400 g can', grams: 458.2, price: 1.89 },
  { name: 'Trail Mix 200 g', grams: 214.6, price: 4.29 },
  { name: 'Mints Tin', grams: 24.4, price: 2.19 },
];
/** In the catalog, not on any shelf (-1 in the product file). */
const placeless: SampleProduct = { name: 'Gift Card', grams: 5.2, price: 0 };

interface Plate {
  address: PlateAddress;
  product: SampleProduct;
  /** Weights of the units on the plate, the one picked next last. */
  units: number[];
  tareG: number;
  noiseG: number;
  driftGPerS: number;
  /** Load changes: from `at`, linearly over `rampS`, by `deltaG`. */
  steps: { at: number; rampS: number; deltaG: number }[];
  /** A hand pressing: a half-sine of `amplitudeG` over [at, at + durationS). */
  presses: { at: number; durationS: number; amplitudeG: number }[];
  /** No readings in [from, to). */
  outage?: { from: number; to: number };
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes weights/, products.csv and truth.json into `dir`. */
export function writeAutoCheckoutSample(dir: string, options: SampleOptions = {}): SampleFiles {
  const o = { seed: 1, minutes: 5, gondolas: 2, shelves: 3, platesPerShelf: 6, hz: 60, startS: 1_580_839_200, ...options };
  const uniform = seededUniform(o.seed);
  const normal = seededNormal(o.seed + 1);
  const pickFrom = <T>(items: readonly T[]): T => items[Math.floor(uniform() * items.length)]!;
  const endS = o.startS + o.minutes * 60;

  // Plates, a product each: shelf by shelf through the range; the first shelf's first product
  // takes two plates (a product wider than a plate).
  const plates: Plate[] = [];
  let next = 0;
  for (let gondola = 1; gondola <= o.gondolas; gondola++) {
    for (let shelf = 1; shelf <= o.shelves; shelf++) {
      for (let plate = 1; plate <= o.platesPerShelf; plate++) {
        const twin = gondola === 1 && shelf === 1 && plate === 2;
        const product = twin ? plates.at(-1)!.product : range[next++ % range.length]!;
        const stocked = 4 + Math.floor(uniform() * 9);
        plates.push({
          address: { gondola, shelf, plate },
          product,
          units: Array.from({ length: stocked }, () => product.grams * (1 + 0.01 * normal())),
          tareG: 2 * normal(),
          noiseG: 0.6 + 1.4 * uniform(),
          driftGPerS: (8 * uniform() - 4) / 3600,
          steps: [],
          presses: [],
        });
      }
    }
  }
  const shelvesOf = new Map<string, Plate[]>();
  for (const p of plates) {
    const key = `${p.address.gondola}/${p.address.shelf}`;
    shelvesOf.set(key, [...(shelvesOf.get(key) ?? []), p]);
  }
  const shelfKeys = [...shelvesOf.keys()];
  /** A shelf is left alone this long around each event, so each settles on its own. */
  const quietS = 2.5;
  const busyUntil = new Map<string, number>(shelfKeys.map((k) => [k, o.startS + 6]));

  // One plate goes offline for two seconds, with its shelf quiet around it.
  const offline = plates[Math.floor(uniform() * plates.length)]!;
  const outageAt = o.startS + 20 + uniform() * Math.max(1, o.minutes * 60 - 40);
  offline.outage = { from: outageAt, to: outageAt + 2 };

  const carried: { from: Plate; grams: number }[] = [];
  const events: TruthEvent[] = [];
  for (let t = o.startS + 8; t < endS - 8; t += 0.5 + (2.5 * uniform()) / o.gondolas) {
    const key = pickFrom(shelfKeys);
    const shelfPlates = shelvesOf.get(key)!;
    if (busyUntil.get(key)! > t) continue;
    if (offline.outage && shelfPlates.includes(offline) && t > offline.outage.from - 6 && t < offline.outage.to + quietS) continue;
    const pressS = 0.25 + 0.35 * uniform();
    const rampS = 0.2 + 0.3 * uniform();
    const rampAt = t + pressS * (0.3 + 0.4 * uniform());
    const end = Math.max(t + pressS, rampAt + rampS);
    const backIndex = carried.findIndex((c) => shelfPlates.includes(c.from));
    let plate: Plate;
    let deltaG: number;
    let event: Omit<TruthEvent, 'start' | 'end' | 'gondola' | 'shelf' | 'plates'>;
    if (backIndex >= 0 && uniform() < 0.35) {
      const [unit] = carried.splice(backIndex, 1);
      const misplaced = uniform() < 0.15;
      plate = misplaced ? pickFrom(shelfPlates.filter((p) => p.product !== unit!.from.product)) : unit!.from;
      plate.units.push(unit!.grams);
      deltaG = unit!.grams;
      event = { product: unit!.from.product.name, quantity: -1, kind: misplaced ? 'misplaced-put-back' : 'put-back' };
    } else {
      // Only plates holding nothing but their own product: the truth of a pick is then plain.
      const stocked = shelfPlates.filter((p) => p.units.length > 0 && p.units.every((g) => Math.abs(g - p.product.grams) < 0.1 * p.product.grams));
      if (stocked.length === 0) continue;
      plate = pickFrom(stocked);
      const r = uniform();
      const quantity = Math.min(plate.units.length, r < 0.75 ? 1 : r < 0.95 ? 2 : 3);
      const taken = plate.units.splice(plate.units.length - quantity, quantity);
      deltaG = -taken.reduce((a, b) => a + b, 0);
      for (const grams of taken) carried.push({ from: plate, grams });
      event = { product: plate.product.name, quantity, kind: 'pick' };
    }
    plate.presses.push({ at: t, durationS: pressS, amplitudeG: 15 + 45 * uniform() });
    plate.steps.push({ at: rampAt, rampS, deltaG });
    busyUntil.set(key, end + quietS);
    const { gondola, shelf } = plate.address;
    events.push({ start: round3(t), end: round3(end), gondola, shelf, plates: [plate.address.plate], ...event });
  }
  events.sort((a, b) => a.start - b.start);

  const weightsDir = join(dir, 'weights');
  mkdirSync(weightsDir, { recursive: true });
  for (const plate of plates) writeFileSync(join(weightsDir, weightFileName(plate.address)), weightFile(plate, o, endS, uniform, normal));

  const productLines = [productsHeader.join(',')];
  for (const p of plates) {
    const { gondola, shelf, plate } = p.address;
    productLines.push([csvField(p.product.name), gondola, shelf, plate, p.product.grams, p.product.price.toFixed(2), `images/${slug(p.product.name)}.jpg`].join(','));
  }
  productLines.push([csvField(placeless.name), -1, -1, -1, placeless.grams, placeless.price.toFixed(2), ''].join(','));
  const productsFile = join(dir, 'products.csv');
  writeFileSync(productsFile, `${productLines.join('\n')}\n`);
  const truth: SampleTruth = { format: 1, seed: o.seed, events };
  const truthFile = join(dir, 'truth.json');
  writeFileSync(truthFile, `${JSON.stringify(truth, null, 1)}\n`);
  return { weightsDir, productsFile, truthFile, truth };
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The plate's readings from the start until `endS`, as the file's text. */
function weightFile(plate: Plate, o: { startS: number; hz: number }, endS: number, uniform: () => number, normal: () => number): string {
  // The plate's load before any event: what is on it now plus what was taken, less what came back.
  let loadG = plate.tareG + plate.units.reduce((a, b) => a + b, 0) - plate.steps.reduce((sum, s) => sum + s.deltaG, 0);
  const lines: string[] = [weightsHeader.join(',')];
  const steps = [...plate.steps].sort((a, b) => a.at - b.at);
  let done = 0;
  let lastT = 0;
  for (let k = 0; ; k++) {
    const nominal = o.startS + k / o.hz;
    if (nominal >= endS) break;
    // Stamped on arrival: a few ms late or early, never out of order.
    const t = Math.max(lastT + 0.001, nominal + 0.0015 * normal());
    const noise = plate.noiseG * normal();
    if (uniform() < 0.003 || (plate.outage && t >= plate.outage.from && t < plate.outage.to)) continue;
    while (done < steps.length && t >= steps[done]!.at + steps[done]!.rampS) loadG += steps[done++]!.deltaG;
    let g = loadG + plate.driftGPerS * (t - o.startS) + noise;
    for (let i = done; i < steps.length && steps[i]!.at < t; i++) g += (steps[i]!.deltaG * (t - steps[i]!.at)) / steps[i]!.rampS;
    for (const press of plate.presses) {
      const dt = t - press.at;
      if (dt > 0 && dt < press.durationS) g += press.amplitudeG * Math.sin((Math.PI * dt) / press.durationS);
    }
    lines.push(`${t.toFixed(3)},${g.toFixed(2)}`);
    lastT = Number(t.toFixed(3));
  }
  return `${lines.join('\n')}\n`;
}
