// Staff restock mode outlives the process. The engine's restock mode lives in memory and a new live
// run starts with none, yet staff left restocking a fixture when the host stopped are still at it,
// and their weight changes must still be charged to nobody. So the live pipeline records who holds
// restock mode where (a store setting per source, written the moment a staff action is applied) and,
// at the first moment of every run, puts the engine back in that state with ordinary staff actions
// (recorded in the input log, so a replay agrees) and an audit entry per fixture saying why.
//
// Why a setting and not the input log: reading the previous run's staff actions back would mean
// walking every input batch of that run (a busy store writes a batch per plate per second), and
// retention may already have purged them. The setting is one row, read once per start.
import { z } from 'zod';
import type { StoreDatabase } from '../db';
import type { StaffAction } from '../engine/inputs';
import type { RestockHolder } from '../engine/restock-mode';

/** The audit actor of what Walkout does by itself. */
export const SYSTEM_ACTOR = 'walkout';

/** Restock mode this run put back at its start. */
export interface RestoredRestock {
  fixture: string;
  actors: string[];
  /** Store time it was switched back on (this run's first moment). */
  at: number;
  /** Store time it had been on since, before the restart. */
  since: number;
}

const recordSchema = z.array(z.object({ fixture: z.string().min(1), actors: z.array(z.string().min(1)).min(1), since: z.number().finite() }).strict());

const settingKey = (source: string) => `live.restock-mode.${source}`;

/** Restock mode as last recorded for this source; a record that does not parse is reported and read as none. */
export function recordedRestock(db: Pick<StoreDatabase, 'settings'>, source: string, log?: (line: string) => void): RestockHolder[] {
  const value = db.settings.get(settingKey(source));
  if (value === undefined) return [];
  const parsed = recordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log?.(`walkout: the recorded restock mode (${settingKey(source)}) is unreadable and was ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return [];
}

export function recordRestock(db: Pick<StoreDatabase, 'settings'>, source: string, holders: readonly RestockHolder[]): void {
  db.settings.set(
    settingKey(source),
    holders.map((h) => ({ fixture: h.fixture, actors: [...h.actors], since: h.since })),
  );
}

/**
 * The staff actions at `t` that take the engine's restock mode from `current` to `recorded`, per
 * actor: a start for each recorded holder the engine lacks, an end for each holder the record no
 * longer has (a resumed run whose input log lost the last second before a crash).
 */
export function restockDifference(current: readonly RestockHolder[], recorded: readonly RestockHolder[], t: number): StaffAction[] {
  const key = (fixture: string, actor: string) => `${fixture}\u0000${actor}`;
  const held = new Set(current.flatMap((h) => h.actors.map((a) => key(h.fixture, a))));
  const wanted = new Set(recorded.flatMap((h) => h.actors.map((a) => key(h.fixture, a))));
  const actions: StaffAction[] = [];
  for (const h of recorded) {
    for (const actor of h.actors) if (!held.has(key(h.fixture, actor))) actions.push({ kind: 'staff-action', t, actor, action: 'restock-start', fixture: h.fixture });
  }
  for (const h of current) {
    for (const actor of h.actors) if (!wanted.has(key(h.fixture, actor))) actions.push({ kind: 'staff-action', t, actor, action: 'restock-end', fixture: h.fixture });
  }
  return actions;
}

/** Audits what restoring changed at each fixture, and returns the fixtures switched back on. */
export function auditRestored(
  db: Pick<StoreDatabase, 'audit'>,
  before: readonly RestockHolder[],
  after: readonly RestockHolder[],
  recorded: readonly RestockHolder[],
  t: number,
  wallMs: number,
): RestoredRestock[] {
  const restored: RestoredRestock[] = [];
  const fixtures = [...new Set([...before, ...after].map((h) => h.fixture))].sort();
  for (const fixture of fixtures) {
    const was = before.find((h) => h.fixture === fixture);
    const now = after.find((h) => h.fixture === fixture);
    if (JSON.stringify(was?.actors ?? []) === JSON.stringify(now?.actors ?? [])) continue;
    const since = recorded.find((h) => h.fixture === fixture)?.since ?? t;
    db.audit.append({
      actor: SYSTEM_ACTOR,
      action: 'restock-mode.restore',
      subject: `fixture:${fixture}`,
      reason: now ? 'restock mode was on when the host last stopped: switched back on at start' : 'restock mode had been switched off before the host stopped: switched off again at start',
      before: { restocking: was !== undefined, actors: was?.actors ?? [] },
      after: { restocking: now !== undefined, actors: now?.actors ?? [], storeTimeMs: t, ...(now ? { onSinceMs: since } : {}) },
      at: Math.round(wallMs),
    });
    if (now && !was) restored.push({ fixture, actors: now.actors, at: t, since });
  }
  return restored;
}
