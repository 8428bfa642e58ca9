import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type UserSummary } from '../../../../../native-bridge/contract';
import { createAppStore, resetAppStore, type AppStore } from '../../../state/app-store';
import { TestDoubleApiClient } from '../../../testing/test-double-api-client';
import { initialUsersState, upsertUser } from './users-slice';

const user = (username: string, role: UserSummary['role'], disabled = false): UserSummary => ({ username, role, disabled, createdAt: 1, lastSignInAt: null });

let client: TestDoubleApiClient;
let store: AppStore;
const users = () => store.getState().users;

beforeEach(() => {
  client = new TestDoubleApiClient('open')
    .answer('listUsers', () => [user('maria', 'manager'), user('rui', 'reviewer')])
    .answer('createUser', ({ username, role }) => user(username, role))
    .answer('updateUser', ({ username, role, disabled }) => user(username, role ?? 'reviewer', disabled ?? false))
    .answer('resetPassword', ({ username }) => user(username, 'reviewer'));
  store = createAppStore({ client });
});

describe('users slice', () => {
  it('loads the accounts', async () => {
    const loading = users().load();
    expect(users().list.status).toBe('loading');
    await loading;
    expect(users().list).toEqual({ status: 'ready', data: [user('maria', 'manager'), user('rui', 'reviewer')] });
  });

  it('puts each changed account in place and says what happened', async () => {
    await users().load();
    expect(await users().create({ username: 'ana', role: 'analyst', password: 'analyst-password' })).toBe(true);
    expect(users().notice).toBe('Created ana (analyst).');
    await users().setDisabled('rui', true);
    const list = users().list;
    expect(list.status === 'ready' && list.data.map((u) => `${u.username}:${u.disabled}`)).toEqual(['ana:false', 'maria:false', 'rui:true']);
    expect(users().busy).toBeNull();
  });

  it('keeps the list and shows the host’s refusal when a change fails', async () => {
    await users().load();
    client.answer('updateUser', () => {
      throw new ApiError('invalid_input', 'maria is the last enabled manager: make someone else a manager first');
    });
    expect(await users().setRole('maria', 'analyst')).toBe(false);
    expect(users().changeError?.message).toMatch(/last enabled manager/);
    expect(users().list.status === 'ready' && users().list).toBeTruthy();
  });

  it('shows a load failure and resets', async () => {
    client.answer('listUsers', () => {
      throw new ApiError('forbidden', 'listUsers: the analyst role may not do this');
    });
    await users().load();
    expect(users().list).toEqual({ status: 'error', error: { code: 'forbidden', message: 'listUsers: the analyst role may not do this' } });
    resetAppStore(store);
    expect(users()).toMatchObject(initialUsersState);
  });
});

describe('upsertUser', () => {
  it('replaces by username and keeps the list sorted', () => {
    expect(upsertUser([user('b', 'analyst'), user('c', 'analyst')], user('a', 'manager')).map((u) => u.username)).toEqual(['a', 'b', 'c']);
    expect(upsertUser([user('a', 'analyst')], user('a', 'manager'))).toEqual([user('a', 'manager')]);
  });
});
