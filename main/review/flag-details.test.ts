import { describe, expect, it } from 'vitest';
import { detailWithKeys, flagsWithKeys } from './flag-details';
import { decisionSpan, loadEvents, loadSessionDecisions, referencedEventIds } from './session-decisions';
import { storeDecisions, storyDatabase, tailgaterDecisions } from './test-support';

describe('flag details with session keys', () => {
  const keys = new Map([
    ['S1', 'r3.S1'],
    ['S12', 'r3.S12'],
    ['A2', 'r3.A2'],
  ]);

  it('rewrites the session ids a detail names as whole words, and nothing else', () => {
    expect(detailWithKeys('runner-up S12 at 0.4 against 0.55', keys)).toBe('runner-up r3.S12 at 0.4 against 0.55');
    expect(detailWithKeys('event F1-S1#14: runner-up at 0.4 to S1 at 0.55', keys)).toBe('event F1-S1#14: runner-up at 0.4 to r3.S1 at 0.55');
    expect(detailWithKeys('nobody at 0.5, runner-up A2 at 0.2', keys)).toBe('nobody at 0.5, runner-up r3.A2 at 0.2');
    expect(detailWithKeys('S1, S12 and (A2).', keys)).toBe('r3.S1, r3.S12 and (r3.A2).');
    // Product codes and ids that only contain a session id, and details already keyed, stay as they are.
    expect(detailWithKeys('age-restricted: S1X, XS1, S1-B', keys)).toBe('age-restricted: S1X, XS1, S1-B');
    expect(detailWithKeys('runner-up r3.S12 at 0.4', keys)).toBe('runner-up r3.S12 at 0.4');
    // Only the ids the flag's evidence names: any other word stays, however much it looks like one.
    expect(detailWithKeys('near S9 and S1', keys)).toBe('near S9 and r3.S1');
    // Decisions from before live runs: the key is the bare id, nothing to do.
    expect(detailWithKeys('runner-up S12 at 0.4', new Map([['S12', 'S12']]))).toBe('runner-up S12 at 0.4');
  });

  it('names the runner-up of the flag’s event and the winner by key, in the run the session belongs to', () => {
    const db = storyDatabase(2);
    try {
      storeDecisions(db, tailgaterDecisions(), 2);
      const flags = (key: string) => {
        const s = loadSessionDecisions(db.decisions, key)!;
        const span = decisionSpan(s);
        return flagsWithKeys(s, loadEvents(db.decisions, s.runId, referencedEventIds(s), span.fromMs, span.toMs)).map((f) => f.detail);
      };
      expect(flags('r2.S1')).toEqual(['runner-up r2.S2 at 0.4 against 0.55']);
      expect(flags('r1.S2')).toEqual(['event F1-S1#1: runner-up at 0.4 to r1.S1 at 0.55', 'event F1-S1#3: charged to nobody (marked-nobody) though this session was 0.7 m away']);
      expect(flags('r2.A1')).toEqual(['track 5 crossed in-1 inward with no open admission']);
    } finally {
      db.close();
    }
  });
});
