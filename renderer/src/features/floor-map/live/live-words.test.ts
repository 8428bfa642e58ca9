import { describe, expect, it } from 'vitest';
import type { LiveEvent, LiveSessionEvent } from '../../../../../native-bridge/contract';
import { sampleFloorPlan } from '../../../testing/sample-data';
import { confidenceBand, describeLiveEvent, describePendingLine, describeSessionEvent, formatMoney, formatPercent, formatQuantityChange, planNames } from './live-words';

const names = planNames(sampleFloorPlan());
const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
/** Omit over each member of a union, so each event kind keeps its own fields. */
type Bare<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
const say = (event: Bare<LiveEvent, 'seq' | 't'>) => describeLiveEvent({ seq: 1, t: 0, ...event } as LiveEvent, names, money);
const tell = (event: Bare<LiveSessionEvent, 't'>) => describeSessionEvent({ t: 0, ...event } as LiveSessionEvent, names);

describe('describeLiveEvent', () => {
  it('names gates and cameras as the plan does', () => {
    expect(say({ kind: 'gate-admitted', gate: 'in', sessionId: 'S4', groupSize: 1 })).toBe('S4 checked in at Entry gate');
    expect(say({ kind: 'gate-admitted', gate: 'in', sessionId: 'S4', groupSize: 3 })).toBe('S4 checked in at Entry gate for a group of 3');
    expect(say({ kind: 'device-down', device: 'cam1', deviceKind: 'camera', state: 'offline', detail: 'no data' })).toBe('Camera 1 went offline (no data)');
  });

  it('says why a scan was refused and who tailgated', () => {
    expect(say({ kind: 'gate-refused', gate: 'in', reason: 'reused' })).toBe('Scan refused at Entry gate: code already used');
    expect(say({ kind: 'gate-refused', gate: 'in', reason: 'bad-signature' })).toBe('Scan refused at Entry gate: forged code (bad signature)');
    expect(say({ kind: 'tailgating', gate: 'in', trackId: 12 })).toBe('Tailgating at Entry gate: Track 12 came in without scanning');
    expect(say({ kind: 'tailgating', gate: 'in' })).toBe('Tailgating at Entry gate: Someone came in without scanning');
  });

  it('words flags, receipts and devices coming back; unknown ids stand for themselves', () => {
    expect(say({ kind: 'session-flagged', sessionId: 'S2', reason: 'close-second' })).toBe('S2 flagged: another shopper was nearly as likely');
    expect(say({ kind: 'receipt', sessionId: 'S2', status: 'charged', units: 3, totalMinor: 1047 })).toBe('S2 left: charged $10.47 for 3 items');
    expect(say({ kind: 'receipt', sessionId: 'S2', status: 'held-for-review', units: 1, totalMinor: 99 })).toBe('S2 left: receipt of 1 item held for review');
    expect(say({ kind: 'device-up', device: 'SC-9', deviceKind: 'shelf-controller' })).toBe('Shelf controller SC-9 is back online');
    expect(say({ kind: 'device-down', device: 'X', deviceKind: 'other', state: 'error' })).toBe('Device X reports an error');
    expect(say({ kind: 'gate-admitted', gate: 'side-door', sessionId: 'S1', groupSize: 1 })).toBe('S1 checked in at side-door');
  });
});

describe('describeSessionEvent', () => {
  it('tells picks and put-backs with how sure the engine was', () => {
    expect(tell({ kind: 'cart', eventId: 'e', sku: 'M', name: 'Milk', quantity: 2, confidence: 0.912, attribution: 0.97 })).toBe('Took 2 × Milk (91% sure, 97% this shopper)');
    expect(tell({ kind: 'cart', eventId: 'e', sku: 'M', name: 'Milk', quantity: -1, confidence: 0.5 })).toBe('Put back 1 × Milk (50% sure)');
  });

  it('tells arrivals, flags and the receipt', () => {
    expect(tell({ kind: 'admitted', gate: 'in', groupSize: 1 })).toBe('Checked in at Entry gate');
    expect(tell({ kind: 'member', trackId: 4, via: 'admission', gate: 'in' })).toBe('Track 4 walked in at Entry gate');
    expect(tell({ kind: 'member', trackId: 4, via: 'tailgating', gate: 'in' })).toBe('Track 4 came in without scanning at Entry gate');
    expect(tell({ kind: 'member', trackId: 9, via: 'rebind' })).toBe('Picked up again as track 9');
    expect(tell({ kind: 'flagged', reason: 'track-lost', detail: 'x' })).toBe('Flagged: lost sight of the shopper');
    expect(tell({ kind: 'receipt', status: 'held-for-review' })).toBe('Left; receipt held for review');
    expect(tell({ kind: 'age-checked', by: 'maria' })).toBe('ID checked by maria');
  });
});

describe('numbers', () => {
  it('bands confidence: high from 90 %, medium from 60 %, low below', () => {
    expect([0.95, 0.9, 0.75, 0.6, 0.59, 0].map(confidenceBand)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });

  it('formats percentages, clamped, and a dash for nonsense', () => {
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatPercent(1.2)).toBe('100%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('formats money in the store currency, plainly when unknown or invalid', () => {
    expect(formatMoney(349, 'USD')).toMatch(/3\.49/);
    expect(formatMoney(349, 'USD')).toMatch(/\$/);
    expect(formatMoney(349, undefined)).toMatch(/^3\.49$/);
    expect(formatMoney(349, 'not a currency')).toMatch(/3\.49/);
  });
});

describe('describePendingLine', () => {
  it('signs the change with a real minus sign and says the line is still settling', () => {
    expect(formatQuantityChange(2)).toBe('+2');
    expect(formatQuantityChange(-1)).toBe('\u22121');
    expect(describePendingLine({ quantity: 1, name: 'Oat milk', confidence: 0.83 })).toBe('+1 Oat milk · settling · 83%');
    expect(describePendingLine({ quantity: -2, name: 'Cola', confidence: 0.5 })).toBe('\u22122 Cola · settling · 50%');
  });
});
