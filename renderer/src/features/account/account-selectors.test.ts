import { describe, expect, it } from 'vitest';
import { selectGate, selectMay, selectSignedInLabel } from './account-selectors';

describe('account selectors', () => {
  it('opens the app only with someone signed in', () => {
    expect(selectGate({ status: 'checking', caller: null, loginRequired: false })).toBe('checking');
    expect(selectGate({ status: 'error', caller: null, loginRequired: true })).toBe('error');
    expect(selectGate({ status: 'signed-out', caller: null, loginRequired: true })).toBe('sign-in');
    expect(selectGate({ status: 'signed-in', caller: { username: 'a', role: 'analyst', via: 'login' }, loginRequired: true })).toBe('open');
  });

  it('grants each role its permissions and nobody anything when signed out', () => {
    const as = (role: 'manager' | 'reviewer' | 'analyst') => ({ caller: { username: 'x', role, via: 'login' as const } });
    expect(selectMay(as('analyst'), 'export')).toBe(true);
    expect(selectMay(as('analyst'), 'review')).toBe(false);
    expect(selectMay(as('reviewer'), 'review')).toBe(true);
    expect(selectMay(as('reviewer'), 'manage')).toBe(false);
    expect(selectMay(as('manager'), 'manage')).toBe(true);
    expect(selectMay({ caller: null }, 'view')).toBe(false);
  });

  it('labels the local operator apart from a signed-in account', () => {
    expect(selectSignedInLabel({ caller: { username: 'op', role: 'manager', via: 'local' } })).toBe('op · manager (this computer)');
    expect(selectSignedInLabel({ caller: { username: 'rui', role: 'reviewer', via: 'login' } })).toBe('rui · reviewer');
    expect(selectSignedInLabel({ caller: null })).toBeNull();
  });
});
