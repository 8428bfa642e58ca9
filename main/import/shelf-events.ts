// `walkout shelves events`: the shelf stage alone over a run folder's recording, each shelf event
// as one flat object — times in unix seconds, where (gondola, shelf and plate numbers for an
// AutoCheckout import, the store's ids otherwise), the weight change, the best product and
// quantity, and how sure the stage is of it. Streams: events come out as the stage settles them.
import type { ShelfEventDecision } from '../engine/decisions';
import { createEngine } from '../engine/engine';
import { inputTime } from '../engine/inputs';
import { createShelfStage } from '../engine/shelves';
import { readRecording } from '../recording';
import { openRunDatabase, readJson, recordedStore, type RunMeta } from '../runs/run-dir';
import type { StoreModel } from '../store/schema';
import { addressOfPlateId } from './plate-address';

export interface ShelfEventLine {
  /** Unix seconds: when the first plate started moving… */
  start: number;
  /** …and when the last one stopped. */
  end: number;
  gondola: number | string;
  shelf: number | string;
  plates: (number | string)[];
  /** Total weight change, grams (negative = taken off the shelf). */
  grams: number;
  /** The change on each plate of `plates`. */
  plateGrams: number[];
  /** Best product by name, null when nothing in the catalog explains the change. */
  product: string | null;
  sku: string | null;
  /** Units taken (positive) or put back (negative); null with product. */
  quantity: number | null;
  /** Posterior probability of that product and quantity. */
  confidence: number;
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

export function toEventLine(event: ShelfEventDecision, names: ReadonlyMap<string, string>): ShelfEventLine {
  const addresses = event.plates.map(addressOfPlateId);
  const imported = addresses.every((a) => a !== undefined);
  const top = event.hypotheses[0];
  return {
    start: seconds(event.startMs),
    end: seconds(event.endMs),
    gondola: imported ? addresses[0]!.gondola : event.fixture,
    shelf: imported ? addresses[0]!.shelf : event.shelf,
    plates: imported ? addresses.map((a) => a!.plate) : event.plates,
    grams: Math.round(event.deltaGrams.reduce((sum, g) => sum + g, 0) * 10) / 10,
    plateGrams: event.deltaGrams,
    product: top ? (names.get(top.sku) ?? top.sku) : null,
    sku: top?.sku ?? null,
    quantity: top?.quantity ?? null,
    confidence: top ? Math.round(top.probability * 1000) / 1000 : 0,
  };
}

/** The run's shelf events in the order the stage settles them; `progress` gets the share of the recording done. */
export function* shelfEventsOfRun(dir: string, progress?: (done: number) => void): Generator<ShelfEventLine> {
  const meta = readJson<RunMeta>(dir, 'meta');
  const db = openRunDatabase(dir, meta);
  try {
    const store: StoreModel = recordedStore(db);
    const names = new Map(store.catalog.map((p) => [p.sku, p.name]));
    const settled: ShelfEventDecision[] = [];
    const engine = createEngine([createShelfStage(store)], (d) => {
      if (d.kind === 'shelf-event') settled.push(d);
    });
    const span = Math.max(1, meta.endMs - meta.startMs);
    let inputs = 0;
    for (const input of readRecording(db, { kinds: ['plate-samples', 'device-status', 'staff-action'] })) {
      engine.push(input);
      if (++inputs % 20_000 === 0) progress?.((inputTime(input) - meta.startMs) / span);
      if (settled.length > 0) yield* settled.splice(0).map((e) => toEventLine(e, names));
    }
    engine.advance(meta.endMs);
    engine.finish();
    yield* settled.splice(0).map((e) => toEventLine(e, names));
    progress?.(1);
  } finally {
    db.close();
  }
}
