// The simulated world, before any sensor sees it: who came in, where they walked, what they did at
// which plate. The behaviour model (people.ts and friends) produces it; the sensor models (plates,
// cameras, gates) render engine inputs from it; the evaluator reads it as ground truth. The engine
// never sees this.

export type PersonRole = 'shopper' | 'staff';

export interface SimPerson {
  id: number;
  role: PersonRole;
  /** The session (one QR scan) this person belongs to; undefined for tailgaters and staff. */
  sessionId: string | undefined;
  /** True when the person walked in behind someone else without scanning. */
  tailgater: boolean;
  /** First and last trajectory sample: appearing in the gate lane (or stock-room door) and vanishing from it. The gate crossings say when the gate lines were passed. */
  enterMs: number;
  exitMs: number;
}

/**
 * Floor trajectories sampled at `trajectoryHz`: for person i, the samples [start[i], start[i+1]) of
 * the flat arrays. Positions are the centre of the body on the floor, metres on the plan.
 */
export interface SimTrajectories {
  trajectoryHz: number;
  personIds: Int32Array;
  start: Int32Array;
  t: Float64Array;
  x: Float32Array;
  y: Float32Array;
  /** Where the person's reaching hand is (NaN when not reaching): floor x, y and height z. */
  handX: Float32Array;
  handY: Float32Array;
  handZ: Float32Array;
}

export type InteractionKind = 'pick' | 'put-back' | 'misplaced-put-back' | 'restock';

/** One hand-to-shelf action: the truth an event detector and an attributor are scored against. */
export interface SimInteraction {
  id: number;
  personId: number;
  /** The session charged for it (the picker's); undefined for staff. */
  sessionId: string | undefined;
  kind: InteractionKind;
  plate: string;
  sku: string;
  quantity: number;
  /** Hand enters the shelf … hand leaves it. */
  startMs: number;
  endMs: number;
}

/** An item passed from one person to another (it stays on the picker's receipt unless in a group). */
export interface SimHandOff {
  fromPersonId: number;
  toPersonId: number;
  sku: string;
  quantity: number;
  atMs: number;
}

export interface SimReceiptLine {
  sku: string;
  quantity: number;
}

export interface SimSession {
  id: string;
  /** The QR token scanned at entry. */
  token: string;
  account: string;
  memberIds: number[];
  entryMs: number;
  exitMs: number;
  /** What the session truly took out of the store. */
  receipt: SimReceiptLine[];
}

export interface SimGateCrossing {
  personId: number;
  gate: string;
  direction: 'in' | 'out';
  atMs: number;
  /** Inward crossings after a scan: when the person held the token to this gate's scanner (absent for tailgaters). */
  scanMs?: number;
}

/** Units on a plate at startMs. */
export interface SimStockLine {
  plate: string;
  sku: string;
  units: number;
}

export interface SimWorld {
  storeId: string;
  seed: number;
  startMs: number;
  endMs: number;
  people: SimPerson[];
  sessions: SimSession[];
  trajectories: SimTrajectories;
  interactions: SimInteraction[];
  handOffs: SimHandOff[];
  gateCrossings: SimGateCrossing[];
  /** Plate contents at startMs; absent means every plate starts at its planogram capacity. */
  initialStock?: SimStockLine[];
}
