import { describe, expect, it } from 'vitest';
import type { ShelfEventDecision, ShelfReadingDecision } from '../engine/decisions';
import { matchPending, pendingAgreementLines, readingOf, type SettledCartChange, type ShownPending } from './latency-pending';

const event = (id: string, shelf: string, startMs: number, endMs: number, t: number): ShelfEventDecision => ({
  kind: 'shelf-event',
  id,
  t,
  startMs,
  endMs,
  fixture: 'F1',
  shelf,
  plates: [`${shelf}-P1`],
  deltaGrams: [-300],
  hypotheses: [{ sku: 'cola', quantity: 1, probability: 0.9 }],
});
const reading = (id: string, shelf: string, t: number): ShelfReadingDecision => ({
  kind: 'shelf-reading',
  id,
  t,
  startMs: t - 800,
  endMs: t - 150,
  fixture: 'F1',
  shelf,
  plates: [`${shelf}-P1`],
  deltaGrams: [-300],
  hypotheses: [{ sku: 'cola', quantity: 1, probability: 0.9 }],
});
const byId = <T extends { id: string }>(...items: T[]) => new Map(items.map((item) => [item.id, item]));
const shownLine = (readingId: string, wall: number, sessionId = 'S1', sku = 'cola', quantity = 1): ShownPending => ({ readingId, sessionId, sku, quantity, wall });
const cartLine = (eventId: string, wall: number, sessionId = 'S1', sku = 'cola', quantity = 1): SettledCartChange => ({ eventId, sessionId, sku, quantity, wall });

describe('readingOf', () => {
  it('takes readings of the same shelf taken from the event’s start to its decision', () => {
    const e = event('E1', 'A1', 1000, 2000, 3000);
    expect(readingOf(reading('R', 'A1', 1000), e)).toBe(true);
    expect(readingOf(reading('R', 'A1', 2150), e)).toBe(true);
    expect(readingOf(reading('R', 'A1', 3000), e)).toBe(true);
    expect(readingOf(reading('R', 'A1', 999), e)).toBe(false);
    expect(readingOf(reading('R', 'A1', 3001), e)).toBe(false);
    expect(readingOf(reading('R', 'A2', 2150), e)).toBe(false);
  });
});

describe('matchPending', () => {
  it('times the first pending line shown before the cart line, and checks the last one agrees', () => {
    const events = byId(event('E1', 'A1', 1000, 2000, 3000));
    // A first reading on the wrong session, then a newer one on the right session.
    const readings = byId(reading('R1', 'A1', 2150), reading('R2', 'A1', 2400));
    const shown = [shownLine('R1', 10_200, 'S2'), shownLine('R2', 10_450, 'S1')];
    const { firstShown, agreement } = matchPending(events, readings, shown, [cartLine('E1', 11_100)]);
    expect(firstShown).toEqual([{ event: events.get('E1'), wall: 10_200 }]);
    expect(agreement).toEqual({ cartChanges: 1, pendingFirst: 1, agreed: 1, differed: { session: 0, sku: 0, quantity: 0 }, readingsShown: 2, withdrawn: 0 });
  });

  it('counts a last pending line on another session, product or quantity as a disagreement', () => {
    const events = byId(event('E1', 'A1', 1000, 2000, 3000), event('E2', 'B1', 1000, 2000, 3000), event('E3', 'C1', 1000, 2000, 3000));
    const readings = byId(reading('R1', 'A1', 2150), reading('R2', 'B1', 2150), reading('R3', 'C1', 2150));
    const shown = [shownLine('R1', 10_200, 'S1'), shownLine('R2', 10_200, 'S1', 'water'), shownLine('R3', 10_200, 'S1', 'cola', 2)];
    // The line of R1 moved to another session after it was first shown.
    shown.push(shownLine('R1', 10_600, 'S3'));
    const carts = [cartLine('E1', 11_000), cartLine('E2', 11_000), cartLine('E3', 11_000)];
    const { agreement } = matchPending(events, readings, shown, carts);
    expect(agreement).toEqual({ cartChanges: 3, pendingFirst: 3, agreed: 0, differed: { session: 1, sku: 1, quantity: 1 }, readingsShown: 3, withdrawn: 0 });
  });

  it('ignores lines seen only once the cart line was there, and readings of other shelves or times', () => {
    const events = byId(event('E1', 'A1', 1000, 2000, 3000));
    const readings = byId(reading('late', 'A1', 2150), reading('other-shelf', 'A2', 2150), reading('earlier', 'A1', 500));
    const shown = [shownLine('late', 11_000), shownLine('other-shelf', 10_200), shownLine('earlier', 9_000)];
    const { firstShown, agreement } = matchPending(events, readings, shown, [cartLine('E1', 11_000)]);
    expect(firstShown).toEqual([]);
    // "late" belongs to E1 (followed by its cart line); the other two were withdrawn.
    expect(agreement).toMatchObject({ cartChanges: 1, pendingFirst: 0, agreed: 0, readingsShown: 3, withdrawn: 2 });
  });

  it('counts a shown reading whose event went to nobody as withdrawn, and skips cart lines of unknown events', () => {
    const events = byId(event('E1', 'A1', 1000, 2000, 3000), event('E2', 'A2', 1000, 2000, 3000));
    const readings = byId(reading('R1', 'A1', 2150), reading('R2', 'A2', 2150), reading('never-shown', 'A3', 2150));
    const shown = [shownLine('R1', 10_200), shownLine('R2', 10_200), shownLine('unknown-reading', 10_200)];
    const { agreement } = matchPending(events, readings, shown, [cartLine('E1', 11_000), cartLine('E9', 11_000)]);
    expect(agreement).toMatchObject({ cartChanges: 1, pendingFirst: 1, agreed: 1, readingsShown: 2, withdrawn: 1 });
  });

  it('gives one first-shown time per event, even with two cart lines', () => {
    const events = byId(event('E1', 'A1', 1000, 2000, 3000));
    const readings = byId(reading('R1', 'A1', 2150));
    const { firstShown, agreement } = matchPending(events, readings, [shownLine('R1', 10_200)], [cartLine('E1', 11_000), cartLine('E1', 11_000, 'S1', 'water')]);
    expect(firstShown).toHaveLength(1);
    expect(agreement).toMatchObject({ cartChanges: 2, pendingFirst: 2, agreed: 1, differed: { session: 0, sku: 1, quantity: 0 } });
  });
});

describe('pendingAgreementLines', () => {
  it('states the shares, with a dash where there is nothing to share', () => {
    const differed = { session: 1, sku: 1, quantity: 0 };
    expect(pendingAgreementLines({ cartChanges: 10, pendingFirst: 8, agreed: 6, differed, readingsShown: 9, withdrawn: 1 })).toEqual([
      'pending lines: 8 of 10 settled cart lines (80 %) had a pending line shown first; 6 of those (75 %) ended on the same session, product and quantity ' +
        '(the others: 1 another session, 1 another product, 0 another quantity)',
      'withdrawn: 1 of 9 readings shown as a pending line (11 %) were not followed by a settled cart line',
    ]);
    const none = { session: 0, sku: 0, quantity: 0 };
    expect(pendingAgreementLines({ cartChanges: 0, pendingFirst: 0, agreed: 0, differed: none, readingsShown: 0, withdrawn: 0 })[0]).toContain('(—)');
  });
});
