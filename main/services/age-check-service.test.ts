// The ID-check service over a real database and the real live pipeline on the simulator (the live
// worker's thread aside): an open session is marked in the engine and the check audited under the
// caller; a second check, a closed or unknown session and a host with no live feed are refused
// with the reason, and nothing is audited for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../native-bridge/contract/errors';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import { openStoreDatabase } from '../db';
import { createLivePipeline, type LivePipeline } from '../live/live-pipeline';
import { LiveSessionCache } from '../live/live-session-cache';
import { playSimulated } from '../live/test-support/live-harness';
import { simulatedInputs } from '../live/simulated-feed';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { loadDemoStore } from '../store/load';
import { createAgeCheckService, type AgeCheckLiveSource } from './age-check-service';

const dir = mkdtempSync(join(tmpdir(), 'walkout-age-check-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Stands in for the live worker and link: the real pipeline, its session details cached as the link caches them. */
class PipelineSource implements AgeCheckLiveSource {
  readonly cache = new LiveSessionCache();
  constructor(readonly pipeline: LivePipeline) {}
  session(sessionId: string): LiveSessionDetail | undefined {
    return this.cache.get(sessionId);
  }
  async ageCheck(actor: string, sessionId: string) {
    return { ageCheck: this.pipeline.ageCheck(actor, sessionId), runId: this.pipeline.run.id };
  }
  sync(t: number): void {
    this.pipeline.advance(t);
    this.pipeline.frame(t);
    const changes = this.pipeline.takeSessionChanges();
    if (changes) this.cache.apply(changes);
  }
}

const refusal = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('age check service', () => {
  it('marks an open session in the engine and audits it; refuses what it cannot mark', async () => {
    const store = loadDemoStore();
    const db = openStoreDatabase(join(dir, 'live.sqlite'), { storeId: store.layout.id });
    const source = new PipelineSource(createLivePipeline({ store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 }));
    const service = createAgeCheckService({ db, live: source, now: () => 1234 });
    const startMs = Date.UTC(2026, 4, 6, 9, 0, 0);
    const inputs = simulatedInputs(store, { shoppers: 6, speed: 1, seed: 5, startMs });
    const next = playSimulated(inputs, { startMs, endMs: startMs + 25_000, tick: (t) => source.sync(t), push: (input) => source.pipeline.push(input) });
    const open = source.pipeline.frame(next).shoppers.find((s) => s.sessionId !== undefined)!.sessionId!;

    const confirmed = await service.confirm({ sessionId: open, note: 'passport' }, 'maria');
    expect(confirmed).toEqual({ sessionId: open, ageCheck: { by: 'maria', t: expect.any(Number) } });
    // Filed under the name Review gives the session (run and engine id), so its audit trail shows the check.
    expect(db.audit.list({ limit: 5, subject: `session:r${source.pipeline.run.id}.${open}` })).toEqual([
      expect.objectContaining({ actor: 'maria', action: 'session.age-check', reason: 'passport', at: 1234, before: { ageChecked: false }, after: { ageChecked: true, storeTimeMs: confirmed.ageCheck.t } }),
    ]);
    source.sync(next + 100);
    expect(source.session(open)?.ageCheck).toEqual(confirmed.ageCheck);

    const again = await refusal(service.confirm({ sessionId: open, note: '' }, 'rui'));
    expect(again).toMatchObject({ code: 'conflict', message: `confirmAgeCheck: the ID for session ${open} was already checked by maria` });
    expect((await refusal(service.confirm({ sessionId: 'S9999', note: '' }, 'rui'))).code).toBe('not_found');
    // Known to the host but gone from the engine in the meantime: the engine's refusal is passed on.
    source.cache.apply({ changed: [{ ...source.session(open)!, id: 'S9998', ageCheck: undefined } as LiveSessionDetail], forgotten: [] });
    const stale = await refusal(service.confirm({ sessionId: 'S9998', note: '' }, 'rui'));
    expect(stale).toMatchObject({ code: 'conflict', message: 'confirmAgeCheck: session S9998 is not open: it has had its receipt, or never was' });
    source.pipeline.close();
    expect(db.audit.list({ limit: 10 })).toHaveLength(1);

    const noLive = await refusal(createAgeCheckService({ db, live: undefined }).confirm({ sessionId: open, note: '' }, 'maria'));
    expect(noLive).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no live feed/) });
    db.close();
  }, 120_000);
});
