// A session's name across the store's whole history. The engine numbers sessions (S1, S2, A1…) and
// shelf events afresh in every live run, so a session is known by its run and its id together:
// "r3.S12" is session S12 of live run 3. Decisions from before live runs were recorded carry no
// run and keep their bare id.
import { z } from 'zod';

const pattern = /^(?:r(\d{1,9})\.)?([A-Za-z0-9_-]{1,48})$/;

export const sessionKeySchema = z.string().regex(pattern, 'a session such as S12, or r3.S12 for session S12 of live run 3');

export function sessionKey(runId: number | undefined, sessionId: string): string {
  return runId === undefined ? sessionId : `r${runId}.${sessionId}`;
}

/** Throws for text that is not a session key (inputs are checked with sessionKeySchema first). */
export function parseSessionKey(key: string): { runId: number | undefined; sessionId: string } {
  const match = pattern.exec(key);
  if (!match) throw new Error(`"${key}" is not a session key`);
  return { runId: match[1] === undefined ? undefined : Number(match[1]), sessionId: match[2]! };
}
