// Who walks in: turns an arrival into people with a session, a signed entry token, a party mode,
// walking speeds and behaviours; adds tailgaters behind a scanning shopper and staff at the
// stock-room door. Each person draws from their own random stream (seed, person id), so changing
// one person's behaviour leaves everyone else's draws alone.
import { issueEntryToken } from '../../engine/fusion/entry-token';
import type { StoreLayout } from '../../store/schema';
import { Agent } from './agent';
import type { Arrival } from './arrivals';
import type { Behaviour } from './commands';
import type { SimContext } from './context';
import { enterBehind, enterWithScan, leaveStore } from './gates';
import type { GateLane } from './nav-grid';
import { followParty, leadParty, type Party } from './party';
import { Rng } from './rng';
import { shopAlone } from './shopper';
import { drawShoppingList } from './shopping-list';
import { staffShift } from './staff';

export interface SessionDraft {
  id: string;
  token: string;
  account: string;
  memberIds: number[];
}

/** Salt base for per-person streams (other streams use small salts). */
const PERSON_STREAM = 1000;

export class Population {
  readonly agents: Agent[] = [];
  readonly sessions: SessionDraft[] = [];
  private nextId = 1;
  private nextParty = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly layout: StoreLayout,
    private readonly sessionRng: Rng,
  ) {}

  private create(role: 'shopper' | 'staff', spawnAtMs: number, x: number, y: number): Agent {
    const id = this.nextId++;
    const me = new Agent(id, role, Rng.derive(this.ctx.config.seed, PERSON_STREAM + id));
    me.spawnAtMs = spawnAtMs;
    me.spawnX = x;
    me.spawnY = y;
    // Free walking speed: mean ~1.05 m/s, slower for staff carrying stock.
    me.prefSpeed = Math.min(1.4, Math.max(0.5, me.rng.normal(role === 'staff' ? 0.9 : 1.05, 0.18)));
    this.agents.push(me);
    return me;
  }

  /** Shoppers inside or queueing at the gates. */
  shoppersAround(): number {
    let n = 0;
    for (const a of this.agents) if (a.role === 'shopper' && (a.state === 'active' || a.state === 'pending')) n++;
    return n;
  }

  addStaff(index: number): void {
    const door = this.ctx.staffDoor;
    const me = this.create('staff', this.ctx.config.startMs + index * 15_000 + this.sessionRng.range(0, 10_000), door[0], door[1]);
    me.script = staffShift(this.ctx, me);
  }

  /** A lone shopper or a group on one token, queued at the least busy entry lane. */
  addArrival(arrival: Arrival): void {
    const { ctx, sessionRng: rng } = this;
    const lane = this.entryLane();
    const n = this.sessions.length + 1;
    const account = `acct-${rng.hex(8)}`;
    const issuedAtMs = arrival.atMs - Math.round(rng.range(2000, 90_000));
    const session: SessionDraft = {
      id: `sess-${String(n).padStart(4, '0')}`,
      token: issueEntryToken(ctx.config.storeKey, {
        account,
        store: this.layout.id,
        issuedAtMs,
        expiresAtMs: issuedAtMs + 15 * 60_000,
        nonce: rng.hex(16),
        groupSize: arrival.size,
      }),
      account,
      memberIds: [],
    };
    this.sessions.push(session);
    const mode = arrival.size === 1 ? 'solo' : rng.chance(0.5) ? 'together' : 'split';
    const party: Party = {
      key: arrival.size > 1 ? this.nextParty++ : -1,
      sessionId: session.id,
      members: [],
      mode,
      lane,
      stop: undefined,
      done: new Map(),
      finished: false,
    };
    for (let i = 0; i < arrival.size; i++) {
      const me = this.create('shopper', arrival.atMs + i * 400, lane.outer[0], lane.outer[1]);
      me.sessionId = session.id;
      me.partyKey = party.key;
      session.memberIds.push(me.id);
      party.members.push(me);
    }
    if (mode === 'together') {
      const pace = Math.min(...party.members.map((m) => m.prefSpeed));
      for (const m of party.members) m.prefSpeed = pace;
    }
    ctx.useLane(lane, arrival.size);
    party.members.forEach((me, i) => {
      const last = i === party.members.length - 1;
      me.script = this.shopperScript(me, party, lane, last, i === 0);
    });
  }

  addTailgater(host: Agent, lane: GateLane): boolean {
    const ctx = this.ctx;
    const [ox, oy] = lane.outer;
    // Somebody already next in line (standing there or about to appear) leaves no room to slip in.
    const queued = this.agents.some((a) => a.state === 'pending' && a.spawnX === ox && a.spawnY === oy);
    if (queued || ctx.active.some((a) => Math.hypot(a.x - ox, a.y - oy) < 0.6)) return false;
    const me = this.create('shopper', ctx.nowMs, ox, oy);
    me.tailgater = true;
    // A little quicker than average: they keep up with the person they follow.
    me.prefSpeed = Math.min(1.4, me.prefSpeed + 0.1);
    const queue = ctx.laneQueue(lane);
    queue.splice(queue.indexOf(host) + 1, 0, me);
    const list = drawShoppingList(ctx.assortment, ctx.access, me.rng, me.rng.chance(0.2), lane.inner[0], lane.inner[1]);
    me.script = (function* (): Behaviour {
      yield* enterBehind(ctx, me, lane, host);
      yield* shopAlone(ctx, me, list);
      yield* leaveStore(ctx, me);
    })();
    return true;
  }

  /**
   * At the closing call, people still queued outside give up: they and any session none of whose
   * members got in vanish from the world (no scan happened, so there was no session).
   */
  dropUnstarted(): void {
    const byId = new Map(this.agents.map((a) => [a.id, a]));
    for (const a of this.agents) {
      if (a.state === 'pending' && (a.tailgater || a.role === 'staff')) a.state = 'dropped';
    }
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const members = this.sessions[i]!.memberIds.map((id) => byId.get(id)!);
      if (members.every((m) => m.state === 'pending')) {
        for (const m of members) m.state = 'dropped';
        this.sessions.splice(i, 1);
      }
    }
  }

  private shopperScript(me: Agent, party: Party, lane: GateLane, last: boolean, leader: boolean): Behaviour {
    const ctx = this.ctx;
    const browseOnly = me.rng.chance(ctx.config.browseOnlyRate ?? 0.08);
    let list = drawShoppingList(ctx.assortment, ctx.access, me.rng, browseOnly, lane.inner[0], lane.inner[1]);
    // Split groups share the shopping between them.
    if (party.mode === 'split') list = list.slice(0, Math.max(1, Math.ceil(list.length / 2)));
    return (function* (): Behaviour {
      yield* enterWithScan(ctx, me, lane, last);
      ctx.useLane(lane, -1);
      if (party.mode === 'together') {
        if (leader) yield* leadParty(ctx, me, party, list);
        else yield* followParty(ctx, me, party);
      } else {
        yield* shopAlone(ctx, me, list);
      }
      yield* leaveStore(ctx, me);
    })();
  }

  private entryLane(): GateLane {
    let best: GateLane | undefined;
    let bestScore = Infinity;
    for (const lane of this.ctx.grid.lanes) {
      if (lane.kind !== 'entry') continue;
      const score = this.ctx.laneLoad(lane) + this.sessionRng.range(0, 0.9);
      if (score < bestScore) {
        bestScore = score;
        best = lane;
      }
    }
    if (!best) throw new Error('the store has no entry gate');
    return best;
  }
}
