import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../../native-bridge/contract';
import { newestOutcome, outcomeAt } from './gate-outcomes';

const admitted = (seq: number, gate: string, groupSize = 1): LiveEvent => ({ seq, t: seq * 1000, kind: 'gate-admitted', gate, sessionId: `S${seq}`, groupSize });
const refused = (seq: number, gate: string): LiveEvent => ({ seq, t: seq * 1000, kind: 'gate-refused', gate, reason: 'expired' });
const tailgating = (seq: number, gate: string): LiveEvent => ({ seq, t: seq * 1000, kind: 'tailgating', gate, trackId: 7, sessionId: 'A1' });
const receipt = (seq: number): LiveEvent => ({ seq, t: seq * 1000, kind: 'receipt', sessionId: 'S1', status: 'charged', units: 2, totalMinor: 399 });

describe('outcomeAt', () => {
  it('turns this gate’s admissions, refusals and tailgating into outcomes, without the session or track', () => {
    expect(outcomeAt(admitted(1, 'entry-1', 3), 'entry-1')).toEqual({ seq: 1, t: 1000, kind: 'admitted', groupSize: 3 });
    expect(outcomeAt(refused(2, 'entry-1'), 'entry-1')).toEqual({ seq: 2, t: 2000, kind: 'refused', reason: 'expired' });
    expect(outcomeAt(tailgating(3, 'entry-1'), 'entry-1')).toEqual({ seq: 3, t: 3000, kind: 'tailgating' });
  });

  it('ignores other gates and events that are not about a gate', () => {
    expect(outcomeAt(admitted(1, 'entry-2'), 'entry-1')).toBeNull();
    expect(outcomeAt(refused(2, 'entry-2'), 'entry-1')).toBeNull();
    expect(outcomeAt(tailgating(3, 'entry-2'), 'entry-1')).toBeNull();
    expect(outcomeAt(receipt(4), 'entry-1')).toBeNull();
    expect(outcomeAt({ seq: 5, t: 0, kind: 'device-down', device: 'SCN-0001', deviceKind: 'gate-scanner', state: 'offline' }, 'entry-1')).toBeNull();
  });
});

describe('newestOutcome', () => {
  const feed = [admitted(1, 'entry-1'), refused(2, 'entry-2'), receipt(3), refused(4, 'entry-1'), admitted(5, 'entry-2'), receipt(6)];

  it('gives the newest of this gate’s events above the last number seen', () => {
    expect(newestOutcome(feed, 'entry-1', 0)).toMatchObject({ seq: 4, kind: 'refused' });
    expect(newestOutcome(feed, 'entry-2', 0)).toMatchObject({ seq: 5, kind: 'admitted' });
  });

  it('gives nothing when this gate has nothing new, however busy the others are', () => {
    expect(newestOutcome(feed, 'entry-1', 4)).toBeNull();
    expect(newestOutcome(feed, 'entry-3', 0)).toBeNull();
    expect(newestOutcome([], 'entry-1', 0)).toBeNull();
  });

  it('does not depend on the events being in order', () => {
    expect(newestOutcome([refused(4, 'entry-1'), admitted(1, 'entry-1')], 'entry-1', 0)).toMatchObject({ seq: 4 });
  });
});
