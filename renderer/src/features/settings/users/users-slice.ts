// Settings → Users: the store's accounts, for managers. Each change is one call; the host audits
// it and answers with the account as it now is, which replaces the row here.
import type { Role, UserSummary } from '../../../../../native-bridge/contract';
import type { StoreDeps } from '../../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../../state/load-state';
import type { SliceApi } from '../../../state/slice';

export interface UsersState {
  list: LoadState<UserSummary[]>;
  /** The username being changed, or '' while creating; null when idle. */
  busy: string | null;
  /** The last change's failure, shown next to the form that made it. */
  changeError: ErrorInfo | null;
  /** A line saying what the last change did. */
  notice: string | null;
}

export interface UsersActions {
  load: () => Promise<void>;
  create: (input: { username: string; role: Role; password: string }) => Promise<boolean>;
  setRole: (username: string, role: Role) => Promise<boolean>;
  setDisabled: (username: string, disabled: boolean) => Promise<boolean>;
  resetPassword: (username: string, password: string) => Promise<boolean>;
  reset: () => void;
}

export type UsersSlice = UsersState & UsersActions;

export const initialUsersState: UsersState = { list: idle, busy: null, changeError: null, notice: null };

/** Puts the host's answer in place of the old row (or adds it), keeping the list sorted. */
export function upsertUser(list: UserSummary[], user: UserSummary): UserSummary[] {
  return [...list.filter((u) => u.username !== user.username), user].sort((a, b) => a.username.localeCompare(b.username));
}

export function createUsersSlice({ set, get }: SliceApi<UsersSlice>, { client }: StoreDeps): UsersSlice {
  let request = 0;

  const change = async (busy: string, notice: string, call: () => Promise<UserSummary>): Promise<boolean> => {
    set({ busy, changeError: null, notice: null });
    try {
      const user = await call();
      const { list } = get();
      set({ busy: null, notice, list: list.status === 'ready' ? { status: 'ready', data: upsertUser(list.data, user) } : list });
      return true;
    } catch (error) {
      set({ busy: null, changeError: toErrorInfo(error) });
      return false;
    }
  };

  return {
    ...initialUsersState,
    load: async () => {
      const mine = ++request;
      set({ list: { status: 'loading' } });
      try {
        const data = await client.call('listUsers', {});
        if (mine === request) set({ list: { status: 'ready', data } });
      } catch (error) {
        if (mine === request) set({ list: { status: 'error', error: toErrorInfo(error) } });
      }
    },
    create: (input) => change('', `Created ${input.username} (${input.role}).`, () => client.call('createUser', input)),
    setRole: (username, role) => change(username, `${username} is now ${role === 'analyst' ? 'an' : 'a'} ${role}.`, () => client.call('updateUser', { username, role })),
    setDisabled: (username, disabled) =>
      change(username, `${username} is ${disabled ? 'disabled and signed out everywhere' : 'enabled'}.`, () => client.call('updateUser', { username, disabled })),
    resetPassword: (username, password) =>
      change(username, `New password set for ${username}; their open sessions were signed out.`, () => client.call('resetPassword', { username, password })),
    reset: () => {
      request++;
      set(initialUsersState);
    },
  };
}
