import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../../native-bridge/contract';
import { formatLastSignIn, selectEnabledManagers, selectIsLastManager } from './users-selectors';

const user = (username: string, role: UserSummary['role'], disabled = false): UserSummary => ({ username, role, disabled, createdAt: 1, lastSignInAt: null });

describe('users selectors', () => {
  it('knows the last enabled manager', () => {
    const list = [user('a', 'manager'), user('b', 'manager', true), user('c', 'reviewer')];
    expect(selectEnabledManagers(list)).toBe(1);
    expect(selectIsLastManager(list, list[0]!)).toBe(true);
    expect(selectIsLastManager(list, list[1]!)).toBe(false);
    expect(selectIsLastManager([...list, user('d', 'manager')], list[0]!)).toBe(false);
  });

  it('says when someone last signed in, in words', () => {
    const now = 10 * 86_400_000;
    expect(formatLastSignIn(null, now)).toBe('never');
    expect(formatLastSignIn(now - 20_000, now)).toBe('just now');
    expect(formatLastSignIn(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatLastSignIn(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatLastSignIn(now - 4 * 86_400_000, now)).toBe('4 days ago');
  });
});
