// The gate end to end: scanner bytes (a keyboard wedge at one entry, a HID POS scanner at the other,
// byte-level fakes) → gate service → live pipeline (engine, input log, decisions on a real SQLite
// file). Valid, reused, forged, tampered, expired, other-store and garbage codes are each decided by
// the engine, shown at the gate with the reason, logged, and recorded for replay.
import { describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../../native-bridge/hid/fake-transport';
import { hidPosReports, HidPosScannerReader, keyboardWedgeReports, KeyboardWedgeReader } from '../../native-bridge/hid/scanners';
import { openStoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { GateRefusedDecision } from '../engine/decisions';
import { issueEntryToken, keyFromHex, type EntryClaims } from '../engine/fusion/entry-token';
import { createLivePipeline } from '../live/live-pipeline';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { demoStoreDir, loadStore } from '../store/load';
import type { GateNotice } from './gate-notices';
import { createGateService } from './gate-service';
import { SimulatedGateScanners } from './simulated-scanners';

const store = loadStore(demoStoreDir());
const T = Date.UTC(2026, 2, 2, 9, 0, 0);
const claims = (over: Partial<EntryClaims> = {}): EntryClaims => ({
  account: 'acct-7',
  store: store.layout.id,
  issuedAtMs: T - 60_000,
  expiresAtMs: T + 15 * 60_000,
  nonce: 'nonce-1',
  groupSize: 1,
  ...over,
});

describe('the gate', () => {
  it('turns scanner bytes into scans the engine decides, shows why a code is refused, and logs it', () => {
    const db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
    let clock = T;
    const notices: GateNotice[] = [];
    const logs: string[] = [];
    const gate = createGateService({ store, submit: (scan) => pipeline.push(scan), display: (n) => notices.push(n), log: (l) => logs.push(l), now: () => clock });
    const pipeline = createLivePipeline({ store, db, storeKey: DEMO_STORE_KEY, source: 'devices', speed: 1, onDecision: (d) => gate.observe(d) });
    const wedge = new FakeHidTransport();
    const pos = new FakeHidTransport();
    gate.attach('entry-1', new KeyboardWedgeReader(wedge, () => clock));
    gate.attach('entry-2', new HidPosScannerReader(pos, () => clock));
    expect(gate.attached()).toEqual(['entry-1', 'entry-2']);

    const valid = issueEntryToken(DEMO_STORE_KEY, claims());
    const [, body, signature] = valid.split('.');
    const codes: [FakeHidTransport, string][] = [
      [wedge, valid],
      [pos, valid], // the same code again: reused
      [wedge, issueEntryToken(keyFromHex('11'.repeat(32)), claims({ nonce: 'nonce-2' }))], // forged: another key
      [pos, `WO1.${body!.replace('acct-7', 'acct-8')}.${signature}`], // tampered: someone else's account
      [wedge, issueEntryToken(DEMO_STORE_KEY, claims({ nonce: 'nonce-3', expiresAtMs: T - 1 }))],
      [pos, issueEntryToken(DEMO_STORE_KEY, claims({ nonce: 'nonce-4', store: 'another-store' }))],
      [wedge, 'https://example.org/coupon?id=42'],
    ];
    for (const [transport, code] of codes) {
      clock += 4000;
      // Each report a millisecond after the last, as a scanner sends them.
      for (const report of transport === wedge ? keyboardWedgeReports(code) : hidPosReports(code)) {
        transport.emit(report);
        clock += 1;
      }
      pipeline.advance(clock + 100);
    }
    // A code whose bytes arrived damaged never reaches the engine: the shopper is asked to scan again.
    clock += 4000;
    const damaged = keyboardWedgeReports(valid);
    wedge.emitAll(damaged.slice(0, 20));
    wedge.emit(Uint8Array.of(0, 0, 0, 4)); // a short report
    wedge.emitAll(damaged.slice(20));
    pipeline.advance(clock + 100);
    pipeline.close();

    expect(notices.map((n) => [n.gate, n.outcome, n.reason, n.message])).toEqual([
      ['entry-1', 'admitted', undefined, 'Welcome. Come on in.'],
      ['entry-2', 'refused', 'reused', 'This code was already used. Each code lets you in once — get a new one in the app.'],
      ['entry-1', 'refused', 'bad-signature', 'This code isn’t valid here. Open your entry code in the Walkout app and scan it again.'],
      ['entry-2', 'refused', 'bad-signature', 'This code isn’t valid here. Open your entry code in the Walkout app and scan it again.'],
      ['entry-1', 'refused', 'expired', 'This code has expired. Refresh it in the app and scan again.'],
      ['entry-2', 'refused', 'wrong-store', 'This code is for another store. Pick this store in the app to get its code.'],
      ['entry-1', 'refused', 'malformed', 'This code isn’t valid here. Open your entry code in the Walkout app and scan it again.'],
      ['entry-1', 'unreadable', undefined, 'The code could not be read. Please scan it again.'],
    ]);
    const refused = db.decisions.list({ kinds: ['gate-refused'] }).map((d) => JSON.parse(d.json) as GateRefusedDecision);
    expect(refused.map((d) => d.reason)).toEqual(['reused', 'bad-signature', 'bad-signature', 'expired', 'wrong-store', 'malformed']);
    expect(refused[0]).toMatchObject({ gate: 'entry-2', claimedNonce: 'nonce-1', admittedSessionId: 'S1' });
    expect(db.decisions.list({ kinds: ['gate-admitted'] }).map((d) => d.sessionId)).toEqual(['S1']);
    expect(logs.filter((l) => l.includes('refused a code'))).toHaveLength(6);
    expect(logs.find((l) => l.includes(': reused'))).toMatch(/gate entry-2 refused a code at 2026-03-02T09:00:0\d\.\d+Z: reused \(first used by S1\)/);
    expect(logs.some((l) => /gate entry-1 scanner \(keyboard-wedge\): keyboard report of 4 bytes/.test(l))).toBe(true);
    // What the engine decided on is in the input log, exactly as scanned, for replay and audit.
    const recordedScans = [...readRecording(db, { kinds: ['gate-scan'] })];
    expect(recordedScans.map((s) => (s.kind === 'gate-scan' ? [s.gate, s.token] : []))).toEqual(codes.map(([t, code]) => [t === wedge ? 'entry-1' : 'entry-2', code]));
    db.close();
  });

  it('refuses to attach a scanner to an exit or an unknown gate', () => {
    const gate = createGateService({ store, submit: () => undefined, display: () => undefined, log: () => undefined, now: () => 0 });
    expect(() => gate.attach('exit-1', new HidPosScannerReader(new FakeHidTransport(), () => 0))).toThrow('gate "exit-1" is an exit: only entry gates read codes');
    expect(() => gate.attach('nope', new HidPosScannerReader(new FakeHidTransport(), () => 0))).toThrow('no gate "nope" in store demo-grand-canal');
  });

  it('detaches a scanner that is unplugged', () => {
    const logs: string[] = [];
    const gate = createGateService({ store, submit: () => undefined, display: () => undefined, log: (l) => logs.push(l), now: () => 0 });
    const fake = new FakeHidTransport();
    gate.attach('entry-1', new HidPosScannerReader(fake, () => 0));
    fake.unplug('cable pulled');
    expect(gate.attached()).toEqual([]);
    expect(logs).toEqual(['walkout: gate entry-1 scanner disconnected: cable pulled']);
  });

  it('reads the simulator\'s scans through HID POS bytes without changing them', () => {
    const scanners = new SimulatedGateScanners(store, { display: () => undefined, log: () => undefined });
    const token = issueEntryToken(DEMO_STORE_KEY, claims());
    const inputs = [
      { kind: 'gate-scan' as const, gate: 'entry-2', t: T, token },
      { kind: 'gate-passage' as const, gate: 'entry-2', t: T + 500 },
    ];
    expect([...scanners.inputs(inputs)]).toEqual(inputs);
    expect(scanners.gate.attached()).toEqual(['entry-1', 'entry-2']);
  });
});
