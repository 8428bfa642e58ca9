import { describe, expect, it } from 'vitest';
import { liveRefusalReasons, unknownRefusalWords, type FloorPlan, type LiveRefusalReason } from '../../../../native-bridge/contract';
import type { LoadState } from '../../state/load-state';
import { sampleFloorPlan } from '../../testing/sample-data';
import { entryGates, outcomeWords, screenTone, selectGateScreen, type GateScreenInput } from './gate-display-selectors';

const refusedBecause = (reason: LiveRefusalReason) => outcomeWords({ seq: 1, t: 0, kind: 'refused', reason });
const ready: LoadState<FloorPlan> = { status: 'ready', data: sampleFloorPlan() };
const input = (patch: Partial<GateScreenInput> = {}): GateScreenInput => ({
  display: { source: 'simulator', showing: null },
  gateId: 'in',
  plan: ready,
  connection: 'open',
  ...patch,
});

describe('what the gate says to a shopper', () => {
  it('asks for a code while nothing happens', () => {
    expect(outcomeWords(null)).toEqual({ tone: 'idle', words: { headline: 'Scan your code to enter', hint: expect.any(String) } });
  });

  it('welcomes a shopper, and says how many a group code lets in', () => {
    expect(outcomeWords({ seq: 1, t: 0, kind: 'admitted', groupSize: 1 })).toEqual({ tone: 'ok', words: { headline: 'Welcome', hint: 'Come on in' } });
    expect(outcomeWords({ seq: 1, t: 0, kind: 'admitted', groupSize: 3 }).words.hint).toBe('3 of you — come on in together');
  });

  it('gives every refusal reason the gate service produces its own words, in red', () => {
    expect(refusedBecause('expired').words).toEqual({ headline: 'This code has expired', hint: 'Refresh it in the app and scan again' });
    expect(refusedBecause('reused').words.headline).toBe('This code was already used');
    expect(refusedBecause('bad-signature').words.headline).toBe('This code isn’t valid here');
    expect(refusedBecause('malformed').words.headline).toBe('This code isn’t valid here');
    expect(refusedBecause('wrong-store').words.headline).toBe('This code is for another store');
    expect(refusedBecause('not-yet-valid').words.headline).toBe('This code isn’t valid yet');
    expect(refusedBecause('not-an-entry-gate').words.headline).toBe('This gate is not an entrance');
    for (const reason of liveRefusalReasons) {
      const { tone, words } = refusedBecause(reason);
      expect(tone).toBe('stop');
      expect(words).not.toEqual(unknownRefusalWords);
    }
  });

  it('falls back to a safe refusal for a reason this build does not know', () => {
    expect(refusedBecause('revoked' as LiveRefusalReason)).toEqual({ tone: 'stop', words: unknownRefusalWords });
    expect(refusedBecause('toString' as LiveRefusalReason).words).toBe(unknownRefusalWords);
  });

  it('asks a tailgater to scan, in amber', () => {
    expect(outcomeWords({ seq: 1, t: 0, kind: 'tailgating' })).toEqual({
      tone: 'warn',
      words: { headline: 'Please scan your code', hint: 'Everyone needs one (or a group code)' },
    });
  });
});

describe('selectGateScreen', () => {
  it('shows the gate’s outcome once connected, with a plan that has the gate and a live feed', () => {
    const gate = sampleFloorPlan().layout.gates[0];
    expect(selectGateScreen(input())).toMatchObject({ kind: 'shopper', gate, tone: 'idle', outcome: null });
    const refused = { seq: 4, t: 0, kind: 'refused' as const, reason: 'reused' as const };
    expect(selectGateScreen(input({ display: { source: 'simulator', showing: refused } }))).toMatchObject({ kind: 'shopper', tone: 'stop', outcome: refused });
  });

  it('says it is connecting at first, and reconnecting once it had been up', () => {
    expect(selectGateScreen(input({ connection: 'connecting', plan: { status: 'idle' } }))).toEqual({ kind: 'connecting', again: false });
    expect(selectGateScreen(input({ connection: 'connecting' }))).toEqual({ kind: 'connecting', again: true });
    expect(selectGateScreen(input({ connection: 'closed', plan: { status: 'idle' } }))).toEqual({ kind: 'connecting', again: true });
    expect(selectGateScreen(input({ connection: 'unauthorized' }))).toEqual({ kind: 'unauthorized' });
  });

  it('waits for the plan, and shows its failure', () => {
    expect(selectGateScreen(input({ plan: { status: 'idle' } }))).toEqual({ kind: 'pending', phase: { kind: 'loading' } });
    expect(selectGateScreen(input({ plan: { status: 'loading' } }))).toEqual({ kind: 'pending', phase: { kind: 'loading' } });
    const error = { code: 'internal' as const, message: 'disk gone' };
    expect(selectGateScreen(input({ plan: { status: 'error', error } }))).toEqual({ kind: 'pending', phase: { kind: 'error', error } });
  });

  it('lists the store’s entry gates for an unknown gate, an exit gate, or none named', () => {
    const entries = entryGates(sampleFloorPlan());
    expect(entries.map((g) => g.id)).toEqual(['in']);
    expect(selectGateScreen(input({ gateId: 'nowhere' }))).toEqual({ kind: 'unknown-gate', gateId: 'nowhere', exit: false, entryGates: entries });
    expect(selectGateScreen(input({ gateId: 'out' }))).toEqual({ kind: 'unknown-gate', gateId: 'out', exit: true, entryGates: entries });
    expect(selectGateScreen(input({ gateId: null }))).toEqual({ kind: 'unknown-gate', gateId: null, exit: false, entryGates: entries });
  });

  it('says when no frame came yet and when the host runs no live feed', () => {
    expect(selectGateScreen(input({ display: { source: null, showing: null } }))).toMatchObject({ kind: 'starting' });
    expect(selectGateScreen(input({ display: { source: 'none', showing: null } }))).toMatchObject({ kind: 'no-feed' });
    expect(selectGateScreen(input({ display: { source: 'devices', showing: null } }))).toMatchObject({ kind: 'shopper' });
  });

  it('colours staff-facing trouble red and waiting grey', () => {
    expect(screenTone(selectGateScreen(input({ gateId: 'nowhere' })))).toBe('stop');
    expect(screenTone(selectGateScreen(input({ connection: 'closed' })))).toBe('offline');
    expect(screenTone(selectGateScreen(input({ plan: { status: 'error', error: { code: 'internal', message: 'x' } } })))).toBe('stop');
    expect(screenTone(selectGateScreen(input()))).toBe('idle');
  });
});
