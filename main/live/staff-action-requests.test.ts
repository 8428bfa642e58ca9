// Staff actions sent to the live worker are answered by id, a failure rejects with the worker's
// words, and a worker that never answers fails the request instead of hanging it.
import { describe, expect, it } from 'vitest';
import type { LiveHostMessage } from './live-messages';
import type { LiveStock } from './live-stock';
import { StaffActionRequests } from './staff-action-requests';

const stock = (t: number): LiveStock => ({ t, plates: 1, known: 1, low: [], restocking: [{ fixture: 'F1', actors: ['mgr'], since: 1 }], restored: [] });

describe('StaffActionRequests', () => {
  it('matches answers to requests by id', async () => {
    const sent: LiveHostMessage[] = [];
    const requests = new StaffActionRequests((m) => sent.push(m));
    const first = requests.send('mgr', 'restock-start', 'F1');
    const second = requests.send('mgr', 'restock-end', 'F2');
    expect(sent).toEqual([
      { type: 'staff-action', id: 1, actor: 'mgr', action: 'restock-start', fixture: 'F1' },
      { type: 'staff-action', id: 2, actor: 'mgr', action: 'restock-end', fixture: 'F2' },
    ]);
    expect(requests.settle({ type: 'staff-action-failed', id: 2, message: 'the live engine has had no input yet' })).toBe(true);
    expect(requests.settle({ type: 'staff-action-done', id: 1, stock: stock(5) })).toBe(true);
    expect(requests.settle({ type: 'stopped' })).toBe(false);
    await expect(first).resolves.toEqual(stock(5));
    await expect(second).rejects.toThrow('the live engine has had no input yet');
  });

  it('answers ID checks apart from restock requests, by their own ids', async () => {
    const sent: LiveHostMessage[] = [];
    const requests = new StaffActionRequests((m) => sent.push(m));
    const restock = requests.send('mgr', 'restock-start', 'F1');
    const checked = requests.ageCheck('mgr', 'S3');
    const refused = requests.ageCheck('mgr', 'S4');
    expect(sent[1]).toEqual({ type: 'age-check', id: 1, actor: 'mgr', sessionId: 'S3' });
    expect(requests.settle({ type: 'age-check-done', id: 1, ageCheck: { by: 'mgr', t: 7 }, runId: 3 })).toBe(true);
    expect(requests.settle({ type: 'age-check-failed', id: 2, message: 'session S4 is not open' })).toBe(true);
    expect(requests.settle({ type: 'staff-action-done', id: 1, stock: stock(8) })).toBe(true);
    await expect(checked).resolves.toEqual({ ageCheck: { by: 'mgr', t: 7 }, runId: 3 });
    await expect(refused).rejects.toThrow('session S4 is not open');
    await expect(restock).resolves.toEqual(stock(8));
  });

  it('gives up on a request the worker never answers', async () => {
    const requests = new StaffActionRequests(() => undefined, 10);
    await expect(requests.send('mgr', 'restock-start', 'F1')).rejects.toThrow(/did not answer the restock-start at F1 within 10 ms/);
  });
});
