import { describe, expect, it } from 'vitest';
import { AlertTracker } from './alert-tracker';

describe('AlertTracker', () => {
  it('raises an alert only after the plate has stayed out of online, and clears it at once', () => {
    const tracker = new AlertTracker([], 10_000);
    expect(tracker.observe([{ plate: 'P1', status: 'offline', detail: 'no samples yet' }], 0)).toEqual([]);
    expect(tracker.observe([{ plate: 'P1', status: 'offline', detail: 'unplugged' }], 9_999)).toEqual([]);
    expect(tracker.observe([{ plate: 'P1', status: 'offline', detail: 'unplugged' }], 10_000)).toEqual([{ subject: 'plate:P1', status: 'offline', detail: 'unplugged' }]);
    expect(tracker.observe([{ plate: 'P1', status: 'offline', detail: 'unplugged' }], 20_000)).toEqual([]);
    expect(tracker.observe([{ plate: 'P1', status: 'online', detail: 'reporting' }], 21_000)).toEqual([{ subject: 'plate:P1', status: null, detail: 'reporting' }]);
  });

  it('forgets a short outage, and restarts the wait when the status changes', () => {
    const tracker = new AlertTracker([], 10_000);
    tracker.observe([{ plate: 'P1', status: 'offline', detail: '' }], 0);
    tracker.observe([{ plate: 'P1', status: 'online', detail: '' }], 5_000);
    expect(tracker.observe([{ plate: 'P1', status: 'offline', detail: '' }], 12_000)).toEqual([]);
    expect(tracker.observe([{ plate: 'P1', status: 'noisy', detail: '±9 g' }], 20_000)).toEqual([]);
    expect(tracker.observe([{ plate: 'P1', status: 'noisy', detail: '±9 g' }], 30_000)).toEqual([{ subject: 'plate:P1', status: 'noisy', detail: '±9 g' }]);
  });

  it('continues from the alerts the database still has open', () => {
    const tracker = new AlertTracker([{ subject: 'plate:P2', status: 'drifting' }], 10_000);
    expect(tracker.observe([{ plate: 'P2', status: 'drifting', detail: '' }], 0)).toEqual([]);
    expect(tracker.observe([{ plate: 'P2', status: 'online', detail: '' }], 1)).toEqual([{ subject: 'plate:P2', status: null, detail: '' }]);
  });
});
