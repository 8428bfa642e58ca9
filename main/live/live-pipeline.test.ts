// The live path end to end without threads: the simulator's inputs through the real pipeline
// (input log, engine, live floor), checking that what the floor map shows hangs together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import { openStoreDatabase } from '../db';
import { inputTime, type DeviceStatus } from '../engine/inputs';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { loadDemoStore } from '../store/load';
import { createLivePipeline } from './live-pipeline';
import { LiveSessionCache } from './live-session-cache';
import { simulatedInputs } from './simulated-feed';
import { playSimulated } from './test-support/live-harness';

const dir = mkdtempSync(join(tmpdir(), 'walkout-live-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('live pipeline on the simulator', () => {
  it('shows admitted sessions, their carts with confidences, and device outages as they happen', () => {
    const store = loadDemoStore();
    const db = openStoreDatabase(join(dir, 'live.sqlite'), { storeId: store.layout.id });
    const pipeline = createLivePipeline({ store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 });
    const startMs = Date.UTC(2026, 4, 6, 12, 0, 0);
    const inputs = simulatedInputs(store, { shoppers: 15, speed: 1, seed: 7, startMs });
    const cache = new LiveSessionCache();
    const frames: LiveFloorFrame[] = [];
    const endMs = startMs + 2 * 60_000;
    // A shelf controller drops out for a while, as a driver would report it.
    const controller = store.layout.fixtures[0]!.shelves[0]!.plates[0]!.device.controller;
    let outage: DeviceStatus | undefined = { kind: 'device-status', device: controller, t: startMs + 30_000, state: 'offline', detail: 'no data' };
    playSimulated(inputs, {
      startMs,
      endMs,
      tick: (t) => {
        pipeline.advance(t);
        frames.push(pipeline.frame(t));
        const changes = pipeline.takeSessionChanges();
        if (changes) cache.apply(changes);
      },
      push: (input) => {
        if (outage && outage.t <= inputTime(input)) {
          pipeline.push(outage);
          outage = undefined;
        }
        pipeline.push(input);
      },
    });
    pipeline.close();
    db.close();

    const last = frames.at(-1)!;
    expect(last.events!.some((e) => e.kind === 'gate-admitted')).toBe(true);
    expect(last.devices!.faults).toContainEqual(expect.objectContaining({ device: controller, kind: 'shelf-controller', state: 'offline' }));
    expect(last.devices!.online).toBeGreaterThan(10);

    // Every shopper in a session shows the revision of the detail the host holds for it.
    const inSession = frames.flatMap((f) => f.shoppers.filter((s) => s.sessionId !== undefined));
    expect(inSession.length).toBeGreaterThan(0);
    for (const shopper of last.shoppers.filter((s) => s.sessionId)) {
      expect(cache.get(shopper.sessionId!)?.revision).toBe(shopper.revision);
    }

    // Somebody picked something: the cart lines carry catalog names and confidences in (0, 1].
    const details = last.shoppers.flatMap((s) => (s.sessionId ? [cache.get(s.sessionId)!] : []));
    const withCart: LiveSessionDetail | undefined = details.find((d) => d.cart.length > 0) ?? findAnyCart(cache, frames);
    expect(withCart).toBeDefined();
    for (const line of withCart!.cart) {
      expect(line.name).not.toBe('');
      expect(line.confidence).toBeGreaterThan(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
    expect(withCart!.events.some((e) => e.kind === 'cart')).toBe(true);
    const cartUnits = withCart!.cart.reduce((n, line) => n + line.quantity, 0);
    expect(cartUnits).toBeGreaterThan(0);
  }, 120_000);
});

function findAnyCart(cache: LiveSessionCache, frames: LiveFloorFrame[]): LiveSessionDetail | undefined {
  const ids = new Set(frames.flatMap((f) => f.events!.flatMap((e) => ('sessionId' in e && e.sessionId ? [e.sessionId] : []))));
  for (const id of ids) {
    const detail = cache.get(id);
    if (detail && detail.cart.length > 0) return detail;
  }
  return undefined;
}
