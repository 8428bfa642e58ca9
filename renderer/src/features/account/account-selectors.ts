// Pure reads of the account state: whether the app may be shown, and what the signed-in person may do.
import { roleAllows, type Permission } from '../../../../native-bridge/contract';
import type { AccountState } from './account-slice';

export type AccountGate = 'checking' | 'sign-in' | 'open' | 'error';

/** What the window shows: the app, the sign-in form, a check in progress or a failure. */
export function selectGate(account: Pick<AccountState, 'status' | 'caller' | 'loginRequired'>): AccountGate {
  if (account.status === 'checking') return 'checking';
  if (account.status === 'error') return 'error';
  if (account.caller) return 'open';
  return 'sign-in';
}

export function selectMay(account: Pick<AccountState, 'caller'>, permission: Permission): boolean {
  return account.caller !== null && roleAllows(account.caller.role, permission);
}

/** "maria · manager", or the operator of this computer. */
export function selectSignedInLabel(account: Pick<AccountState, 'caller'>): string | null {
  const { caller } = account;
  if (!caller) return null;
  return caller.via === 'local' ? `${caller.username} · ${caller.role} (this computer)` : `${caller.username} · ${caller.role}`;
}
