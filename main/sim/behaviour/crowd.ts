// Local collision avoidance: each tick a walker picks the velocity, from a fan of headings and
// speeds around the one it wants, that best trades progress against crowding, looking ahead by
// time-to-collision so people swerve early instead of bumping. Three rules are hard: a body centre
// never enters a fixture's clearance, gates are passed one way only, and a move never brings two
// people closer than the mover's separation (it may always move apart). People are updated one at a time against everybody's
// latest position, so the separation rule holds after every tick, not just on average.
import type { Agent } from './agent';
import { BODY_RADIUS, type NavGrid } from './nav-grid';

const MAX_NEIGHBOURS = 64;
const NEIGHBOUR_RADIUS = 2.5;
/** Acceleration limit for turning and speeding up (m/s²); braking to a stop is exempt. */
const MAX_ACCEL = 2.2;
const TTC_RADIUS = 0.55;
const TTC_HORIZON = 2.5;
const ANGLES = [0, 0.25, -0.25, 0.55, -0.55, 0.9, -0.9, 1.3, -1.3, 1.75, -1.75, 2.4, -2.4];
const FACTORS = [1, 0.6, 0.3];
const COS = ANGLES.map(Math.cos);
const SIN = ANGLES.map(Math.sin);

const nbX = new Float64Array(MAX_NEIGHBOURS);
const nbY = new Float64Array(MAX_NEIGHBOURS);
const nbVX = new Float64Array(MAX_NEIGHBOURS);
const nbVY = new Float64Array(MAX_NEIGHBOURS);
const nbD = new Float64Array(MAX_NEIGHBOURS);
const nbSameParty = new Uint8Array(MAX_NEIGHBOURS);

function gatherNeighbours(me: Agent, others: readonly Agent[]): number {
  let n = 0;
  for (let i = 0; i < others.length && n < MAX_NEIGHBOURS; i++) {
    const o = others[i]!;
    if (o === me) continue;
    const dx = o.x - me.x;
    const dy = o.y - me.y;
    if (dx > NEIGHBOUR_RADIUS || dx < -NEIGHBOUR_RADIUS || dy > NEIGHBOUR_RADIUS || dy < -NEIGHBOUR_RADIUS) continue;
    nbX[n] = o.x;
    nbY[n] = o.y;
    nbVX[n] = o.vx;
    nbVY[n] = o.vy;
    nbD[n] = Math.sqrt(dx * dx + dy * dy);
    nbSameParty[n] = me.partyKey >= 0 && o.partyKey === me.partyKey ? 1 : 0;
    n++;
  }
  return n;
}

/** True when moving `me` to (x, y) breaks no hard rule. */
function allowed(me: Agent, n: number, x: number, y: number, grid: NavGrid, clearanceNow: number): boolean {
  const clr = grid.clearanceAt(x, y);
  if (clr < BODY_RADIUS && clr < clearanceNow) return false;
  if (grid.wrongWayThroughGate(me.x, me.y, x, y)) return false;
  const sep = me.minSep;
  for (let k = 0; k < n; k++) {
    const dx = x - nbX[k]!;
    const dy = y - nbY[k]!;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < sep && d < nbD[k]! - 1e-9) return false;
  }
  return true;
}

/**
 * Moves a walker one tick towards the desired velocity (dvx, dvy), avoiding people and fixtures.
 * Stands still when no candidate is allowed.
 */
export function steer(me: Agent, others: readonly Agent[], grid: NavGrid, dvx: number, dvy: number, dt: number): void {
  // A walker brushing through a deadlock (separation 0) ignores people altogether, comfort included.
  const n = me.minSep > 0 ? gatherNeighbours(me, others) : 0;
  const speed = Math.hypot(dvx, dvy);
  const clrNow = grid.clearanceAt(me.x, me.y);
  let bestVX = 0;
  let bestVY = 0;
  // Stopping dead is always allowed; it costs the whole lost progress plus a little, so it wins only when boxed in.
  let bestCost = 1.35 + (n > 0 ? crowdCost(me, n, me.x, me.y, 0, 0, Infinity) : 0);
  if (speed > 1e-6) {
    const ux = dvx / speed;
    const uy = dvy / speed;
    const maxDv = MAX_ACCEL * dt;
    const norm = 1 / (speed * speed + 0.04);
    for (let a = 0; a < ANGLES.length; a++) {
      const hx = ux * COS[a]! - uy * SIN[a]!;
      const hy = uy * COS[a]! + ux * SIN[a]!;
      for (let f = 0; f < FACTORS.length; f++) {
        let cvx = hx * speed * FACTORS[f]!;
        let cvy = hy * speed * FACTORS[f]!;
        const ax = cvx - me.vx;
        const ay = cvy - me.vy;
        const am = Math.hypot(ax, ay);
        if (am > maxDv) {
          cvx = me.vx + (ax * maxDv) / am;
          cvy = me.vy + (ay * maxDv) / am;
        }
        const nx = me.x + cvx * dt;
        const ny = me.y + cvy * dt;
        let cost = ((cvx - dvx) ** 2 + (cvy - dvy) ** 2) * norm;
        if (cost >= bestCost) continue;
        // Keep to the right when passing: a small price on swerving left breaks face-to-face symmetry.
        if (ANGLES[a]! < 0) cost += 0.03;
        const clr = grid.clearanceAt(nx, ny);
        if (clr < 0.36) cost += (0.36 - clr) * 3;
        if (n > 0) cost += crowdCost(me, n, nx, ny, cvx, cvy, bestCost - cost);
        if (cost >= bestCost || !allowed(me, n, nx, ny, grid, clrNow)) continue;
        bestCost = cost;
        bestVX = cvx;
        bestVY = cvy;
      }
    }
  }
  me.x += bestVX * dt;
  me.y += bestVY * dt;
  me.vx = bestVX;
  me.vy = bestVY;
}

/**
 * Discomfort of being at (x, y) with velocity (vx, vy): closeness now, and collisions coming soon.
 * Stops adding once past `budget` (the candidate has lost already).
 */
function crowdCost(me: Agent, n: number, x: number, y: number, vx: number, vy: number, budget: number): number {
  let cost = 0;
  for (let k = 0; k < n && cost < budget; k++) {
    const px = nbX[k]! - x;
    const py = nbY[k]! - y;
    const d2 = px * px + py * py;
    const comfort = nbSameParty[k] ? 0.5 : 0.8;
    if (d2 < comfort * comfort) {
      const d = Math.sqrt(d2);
      cost += 2.5 * ((comfort - d) / comfort) ** 2;
    }
    const rx = vx - nbVX[k]!;
    const ry = vy - nbVY[k]!;
    const pr = px * rx + py * ry;
    if (pr <= 0) continue;
    const r2 = rx * rx + ry * ry;
    const disc = pr * pr - r2 * (d2 - TTC_RADIUS * TTC_RADIUS);
    if (disc <= 0) continue;
    const t = d2 <= TTC_RADIUS * TTC_RADIUS ? 0 : (pr - Math.sqrt(disc)) / r2;
    if (t < TTC_HORIZON) cost += 1.2 * ((TTC_HORIZON - t) / TTC_HORIZON) ** 2;
  }
  return cost;
}

/** Drifts a standing person towards (tx, y) at a shuffle's pace, if that breaks no rule: sway, not walking. */
export function drift(me: Agent, others: readonly Agent[], grid: NavGrid, tx: number, ty: number, maxSpeed: number, dt: number): void {
  const dx = tx - me.x;
  const dy = ty - me.y;
  const d = Math.hypot(dx, dy);
  me.vx = 0;
  me.vy = 0;
  if (d < 1e-4) return;
  const step = Math.min(d, maxSpeed * dt);
  const nx = me.x + (dx / d) * step;
  const ny = me.y + (dy / d) * step;
  const n = gatherNeighbours(me, others);
  if (!allowed(me, n, nx, ny, grid, grid.clearanceAt(me.x, me.y))) return;
  me.vx = (nx - me.x) / dt;
  me.vy = (ny - me.y) / dt;
  me.x = nx;
  me.y = ny;
}
