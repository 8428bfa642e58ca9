// What every behaviour can see and touch: the store's shared state (stock, ledger, meetings), the
// clock, and the handful of services the runtime offers (spawning a tailgater, noting a scan).
// Behaviours get this one object instead of reaching into the simulation loop.
import type { Point } from '../../store/schema';
import type { Agent } from './agent';
import type { BehaviourConfig } from './config';
import type { Ledger } from './ledger';
import type { GateLane, NavGrid } from './nav-grid';
import type { PathSearch } from './path-search';
import type { RendezvousBoard } from './rendezvous';
import type { ShelfAccess } from './shelf-access';
import type { Assortment } from './shopping-list';
import type { Stock } from './stock';

export interface Rates {
  putBack: number;
  misplacedPutBack: number;
  handOff: number;
  simultaneousPick: number;
  tailgate: number;
}

export interface SimContext {
  config: BehaviourConfig;
  rates: Rates;
  grid: NavGrid;
  search: PathSearch;
  access: ShelfAccess;
  stock: Stock;
  ledger: Ledger;
  board: RendezvousBoard;
  assortment: Assortment;
  staffDoor: Point;
  nowMs: number;
  dtMs: number;
  /** From the closing call on, shoppers finish what they are doing and head out. */
  closing: boolean;
  active: readonly Agent[];
  /**
   * Puts a tailgater at the lane's outer end right behind `host` (the lane's first in line) and
   * next in the lane queue; false, and nobody, when the spot behind is already taken.
   */
  spawnTailgater(host: Agent, lane: GateLane): boolean;
  /** The person presented a token at the gate (the gate sensor renders the scan). */
  noteScan(person: Agent, lane: GateLane): void;
  /** True once the person has crossed a gate line inwards. */
  hasEntered(person: Agent): boolean;
  /** The lane whose line the person last crossed outwards; undefined while inside. */
  exitLane(person: Agent): GateLane | undefined;
  /** People waiting in an entry lane to scan, in order; the first may step up to the scanner. */
  laneQueue(lane: GateLane): Agent[];
  /** How many people are heading for or through each lane (to spread them across gates). */
  laneLoad(lane: GateLane): number;
  useLane(lane: GateLane, delta: number): void;
}

/** A hand-in-shelf window starting within this tick, in whole milliseconds. */
export function reachWindow(ctx: SimContext, me: Agent, minMs: number, maxMs: number): { startMs: number; endMs: number } {
  const startMs = Math.ceil(ctx.nowMs + me.rng.range(0, Math.max(0, ctx.dtMs - 1)));
  return { startMs, endMs: startMs + Math.round(me.rng.range(minMs, maxMs)) };
}
