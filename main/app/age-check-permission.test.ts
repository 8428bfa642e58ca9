// Who may confirm an ID check, through the real app's dispatcher: managers (who hold 'operate') get
// as far as the service; reviewers and analysts are refused before it, and nothing is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, Role } from '../../native-bridge/contract/auth';
import { ApiError } from '../../native-bridge/contract/errors';
import { tempDataDir, type TempDataDir } from '../testing/temp-app';
import { createApp, type App } from './create-app';

let data: TempDataDir;
let app: App;

beforeAll(() => {
  data = tempDataDir();
  app = createApp({ ...data.config, host: 'browser' }, () => undefined);
});
afterAll(async () => {
  await app.dispose();
  data.remove();
});

const as = (role: Role): { caller: Caller } => ({ caller: { username: `${role}-1`, role, via: 'login' } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('confirmAgeCheck permission', () => {
  it('needs "operate": managers reach the service, reviewers and analysts are forbidden', async () => {
    const input = { sessionId: 'S1', note: 'passport' };
    expect(await codeOf(app.api.dispatch('confirmAgeCheck', input, as('reviewer')))).toBe('forbidden');
    expect(await codeOf(app.api.dispatch('confirmAgeCheck', input, as('analyst')))).toBe('forbidden');
    expect(await codeOf(app.api.dispatch('confirmAgeCheck', input, { caller: undefined }))).toBe('unauthenticated');
    // Past the permission check: refused by the service, as this app runs no live feed.
    expect(await codeOf(app.api.dispatch('confirmAgeCheck', input, as('manager')))).toBe('conflict');
    expect(app.db.audit.list({ limit: 5, subject: 'live-session:S1' })).toEqual([]);
  });
});
