// What a caller can tune about the people in a simulated store, the defaults a plain run uses, and
// the checks that turn a nonsensical setting into a clear error before minutes of simulation.
// Rates are per opportunity (per pick, per stop, per entry) rather than per hour so that the same
// scenario means the same thing in a 5-minute test and a 30-minute benchmark.
import { DEMO_STORE_KEY } from '../../store/demo-key';

export interface ArrivalCurvePoint {
  /** Offset from startMs. */
  atMs: number;
  /** Multiplier on the base arrival rate; linear in between, held flat outside. */
  multiplier: number;
}

export interface BehaviourConfig {
  seed: number;
  /** Store clock at the start, epoch ms. */
  startMs: number;
  durationMs: number;
  /** Typical number of shoppers in the store (staff not counted); sets the arrival rate by Little's law. */
  shoppers: number;
  /** Share of arrivals that are a group of 2–4 entering on one token. */
  groupFraction: number;
  /** Staff restocking shelves; they come and go through the stock-room door, never the gates. */
  staffCount: number;
  /** Per session entering: chance a stranger slips through the gate right behind without scanning. */
  tailgateRate: number;
  /** Per pick: chance one unit of it is later put down on another plate. */
  misplacedPutBackRate: number;
  /** Per group stop where a member holds something: chance an item is passed to another member. */
  handOffRate: number;
  /** Per shopper stop with a pick: chance a stranger is drawn to pick at an adjacent plate at the same moment. */
  simultaneousPickRate: number;
  /** HMAC key the simulated shopper app signs entry tokens with. */
  storeKey: Uint8Array;
  /** Trajectory samples per second. */
  trajectoryHz: number;
  /** Per pick: chance the shopper changes their mind and puts units back where they came from. */
  putBackRate?: number;
  /** Share of shoppers who only browse (they may still pick and put back). */
  browseOnlyRate?: number;
  /** Optional daily curve on top of the base rate (e.g. a lunchtime peak). */
  arrivalCurve?: ArrivalCurvePoint[];
}

/** 09:00 on Monday 2 March 2026 in Dublin (GMT in winter): a fixed, ordinary store morning. */
export const DEFAULT_START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);

/** A fixed demo key, so the CLI and tests can verify the tokens a default run issues (shared with replay). */
export { DEMO_STORE_KEY };

export const defaultBehaviourConfig: Readonly<BehaviourConfig> = Object.freeze({
  seed: 1,
  startMs: DEFAULT_START_MS,
  durationMs: 10 * 60_000,
  shoppers: 20,
  groupFraction: 0.2,
  staffCount: 1,
  tailgateRate: 0.03,
  misplacedPutBackRate: 0.04,
  handOffRate: 0.15,
  simultaneousPickRate: 0.08,
  storeKey: DEMO_STORE_KEY,
  trajectoryHz: 10,
  putBackRate: 0.1,
  browseOnlyRate: 0.08,
});

export function behaviourConfig(overrides: Partial<BehaviourConfig> = {}): BehaviourConfig {
  return { ...defaultBehaviourConfig, ...overrides };
}

export class BehaviourConfigError extends Error {
  constructor(readonly field: keyof BehaviourConfig, message: string) {
    super(`behaviour config: ${field} ${message}`);
    this.name = 'BehaviourConfigError';
  }
}

/** Throws BehaviourConfigError naming the first bad field. */
export function checkBehaviourConfig(c: BehaviourConfig): void {
  const finite = (f: keyof BehaviourConfig, v: number, lo: number, hi: number): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      throw new BehaviourConfigError(f, `must be a number from ${lo} to ${hi} (got ${String(v)})`);
    }
  };
  if (!Number.isSafeInteger(c.seed)) throw new BehaviourConfigError('seed', `must be an integer (got ${String(c.seed)})`);
  finite('startMs', c.startMs, 0, 8.64e15);
  finite('durationMs', c.durationMs, 60_000, 24 * 3_600_000);
  finite('shoppers', c.shoppers, 0, 200);
  finite('staffCount', c.staffCount, 0, 20);
  if (!Number.isInteger(c.staffCount)) throw new BehaviourConfigError('staffCount', 'must be a whole number');
  for (const f of ['groupFraction', 'tailgateRate', 'misplacedPutBackRate', 'handOffRate', 'simultaneousPickRate'] as const) finite(f, c[f], 0, 1);
  if (c.putBackRate !== undefined) finite('putBackRate', c.putBackRate, 0, 1);
  if (c.browseOnlyRate !== undefined) finite('browseOnlyRate', c.browseOnlyRate, 0, 1);
  finite('trajectoryHz', c.trajectoryHz, 1, 60);
  if (!(c.storeKey instanceof Uint8Array) || c.storeKey.length < 16) {
    throw new BehaviourConfigError('storeKey', 'must be a Uint8Array of at least 16 bytes');
  }
  if (c.arrivalCurve) {
    for (const p of c.arrivalCurve) {
      if (!Number.isFinite(p.atMs) || !Number.isFinite(p.multiplier) || p.multiplier < 0 || p.multiplier > 20) {
        throw new BehaviourConfigError('arrivalCurve', 'needs finite atMs and multipliers from 0 to 20');
      }
    }
  }
}
