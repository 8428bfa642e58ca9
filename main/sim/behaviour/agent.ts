// One simulated person: body state the crowd model moves, the command their behaviour is on, and
// what they carry. Plain mutable fields rather than accessors because the crowd step reads them
// for every pair of people every tick.
import type { PersonRole } from '../world';
import type { Behaviour, Command, WalkCommand } from './commands';
import type { Rng } from './rng';

/** Units of one SKU a person holds, and whose receipt they are on. */
export interface CarriedItem {
  sku: string;
  units: number;
  /** The session charged (the picker's); undefined when a tailgater picked it. */
  charged: string | undefined;
  /** Plate index it came from. */
  fromPlate: number;
  /** One unit of it will be put down on some other plate later (a misplaced put-back). */
  abandon: boolean;
}

/** Separation the crowd model enforces between body centres; lowered only for a long-stuck walker. */
export const NORMAL_SEPARATION = 0.42;
export const SQUEEZE_SEPARATION = 0.3;

export class Agent {
  // Identity
  sessionId: string | undefined = undefined;
  tailgater = false;
  /** People of one party (group) share a key; -1 alone. Members walk closer together. */
  partyKey = -1;

  // Lifecycle
  /** 'dropped': still queued outside at the closing call, so never came in (and never existed in the world). */
  state: 'pending' | 'active' | 'gone' | 'dropped' = 'pending';
  spawnAtMs = 0;
  spawnX = 0;
  spawnY = 0;

  // Body
  x = 0;
  y = 0;
  vx = 0;
  vy = 0;
  prefSpeed = 1;
  minSep = NORMAL_SEPARATION;
  /** Slowly wandering heading offset (radians): people do not walk laser-straight. */
  headingNoise = 0;

  // Behaviour and its current command
  script: Behaviour | undefined;
  command: Command | undefined;
  /** Outcome of the last finished command, handed to the behaviour on its next resume. */
  outcome: unknown = undefined;
  commandEndMs = 0;

  // Walking
  walk: WalkCommand | undefined;
  path: number[] | undefined;
  waypoint = 0;
  lastProgressMs = 0;
  progressX = 0;
  progressY = 0;
  lastReplanMs = 0;
  replans = 0;
  stepsSinceSightCheck = 0;

  // Standing
  anchorX = 0;
  anchorY = 0;
  swayX = 0;
  swayY = 0;
  nextSwayMs = 0;

  // Hand (NaN when not in a shelf)
  handX = NaN;
  handY = NaN;
  handZ = NaN;
  handFromMs = NaN;
  handToMs = NaN;

  carried: CarriedItem[] = [];

  constructor(
    readonly id: number,
    readonly role: PersonRole,
    readonly rng: Rng,
  ) {}

  get speed(): number {
    return Math.hypot(this.vx, this.vy);
  }
}
