// Settings → Users (managers only): every account with its role and last sign-in; add an account,
// change a role, disable or enable, set a new password. The host checks and audits each change.
import { useEffect, useState, type FormEvent } from 'react';
import { roles, type Role, type UserSummary } from '../../../../../native-bridge/contract';
import { useAppStore } from '../../../state/StoreContext';
import { StatePanel } from '../../../ui/StatePanel';
import { formatLastSignIn, roleDescriptions, selectIsLastManager } from './users-selectors';
import './users.css';

function AddUserForm() {
  const create = useAppStore((state) => state.users.create);
  const busy = useAppStore((state) => state.users.busy === '');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create({ username: username.trim(), role, password }).then((ok) => {
      if (ok) {
        setUsername('');
        setPassword('');
      }
    });
  };
  return (
    <form className="users__add" onSubmit={submit} aria-label="Add an account">
      <input aria-label="New user name" placeholder="user name" value={username} onChange={(e) => setUsername(e.target.value)} required />
      <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <input aria-label="Password" type="password" autoComplete="new-password" placeholder="password (10+ characters)" value={password} onChange={(e) => setPassword(e.target.value)} required />
      <button className="button button--primary" type="submit" disabled={busy}>
        Add account
      </button>
    </form>
  );
}

function UserRow({ user, users, now }: { user: UserSummary; users: UserSummary[]; now: number }) {
  const { setRole, setDisabled, resetPassword } = useAppStore((state) => state.users);
  const busy = useAppStore((state) => state.users.busy === user.username);
  const [password, setPassword] = useState<string | null>(null);
  const lastManager = selectIsLastManager(users, user);
  return (
    <tr data-testid={`user-${user.username}`} className={user.disabled ? 'users__row--disabled' : undefined}>
      <td>{user.username}</td>
      <td>
        <select aria-label={`Role of ${user.username}`} value={user.role} disabled={busy || lastManager} onChange={(e) => void setRole(user.username, e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? 'disabled' : 'active'}</td>
      <td>{formatLastSignIn(user.lastSignInAt, now)}</td>
      <td className="users__actions">
        <button className="button" type="button" disabled={busy || (lastManager && !user.disabled)} onClick={() => void setDisabled(user.username, !user.disabled)}>
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        {password === null ? (
          <button className="button" type="button" disabled={busy} onClick={() => setPassword('')}>
            New password…
          </button>
        ) : (
          <form
            className="users__password"
            onSubmit={(e) => {
              e.preventDefault();
              void resetPassword(user.username, password).then((ok) => ok && setPassword(null));
            }}
          >
            <input aria-label={`New password for ${user.username}`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
            <button className="button button--primary" type="submit" disabled={busy}>
              Set
            </button>
            <button className="button" type="button" onClick={() => setPassword(null)}>
              Cancel
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function UsersPanel() {
  const list = useAppStore((state) => state.users.list);
  const load = useAppStore((state) => state.users.load);
  const changeError = useAppStore((state) => state.users.changeError);
  const notice = useAppStore((state) => state.users.notice);
  useEffect(() => {
    void load();
  }, [load]);
  const now = Date.now();

  return (
    <section className="panel users" aria-labelledby="users-title">
      <h2 id="users-title" className="panel__subtitle">
        Users and roles
      </h2>
      <ul className="users__roles">
        {roles.map((r) => (
          <li key={r}>
            <strong>{r}</strong>: {roleDescriptions[r]}
          </li>
        ))}
      </ul>
      {list.status === 'loading' || list.status === 'idle' ? <StatePanel tone="info" title="Loading accounts…" /> : null}
      {list.status === 'error' ? (
        <StatePanel tone="error" title="Could not load the accounts" action={<button className="button" type="button" onClick={() => void load()}>Retry</button>}>
          {list.error.message}
        </StatePanel>
      ) : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <p className="panel__status" data-testid="users-empty">
          No accounts yet. On this computer you are signed in as its operator; add accounts so people can sign in from other screens.
        </p>
      ) : null}
      {list.status === 'ready' && list.data.length > 0 ? (
        <table className="users__table">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>State</th>
              <th>Last sign-in</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((user) => (
              <UserRow key={user.username} user={user} users={list.data} now={now} />
            ))}
          </tbody>
        </table>
      ) : null}
      {changeError ? (
        <p className="users__error" role="alert">
          {changeError.message}
        </p>
      ) : null}
      {notice ? (
        <p className="users__notice" role="status">
          {notice}
        </p>
      ) : null}
      <AddUserForm />
    </section>
  );
}
