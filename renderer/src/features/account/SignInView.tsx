// The sign-in form, shown instead of the app where the host requires login (served beyond this
// computer). Errors from the host are shown as they are: wrong credentials, lockout, expiry.
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../state/StoreContext';
import './account.css';

export function SignInView() {
  const storeName = useAppStore((state) => state.account.storeName);
  const signingIn = useAppStore((state) => state.account.signingIn);
  const error = useAppStore((state) => state.account.error);
  const signIn = useAppStore((state) => state.account.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(username.trim(), password).then((ok) => {
      if (ok) setPassword('');
    });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="sign-in__brand">Walkout</p>
        <h1 id="sign-in-title" className="sign-in__title">
          Sign in{storeName ? ` to ${storeName}` : ''}
        </h1>
        <label className="sign-in__field">
          <span>User name</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="sign-in__field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error ? (
          <p className="sign-in__error" role="alert" data-testid="sign-in-error">
            {error.message}
          </p>
        ) : null}
        <button className="button button--primary" type="submit" disabled={signingIn || !username || !password}>
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="sign-in__hint">Accounts are created by a manager (Settings → Users) or with `walkout users add`.</p>
      </form>
    </main>
  );
}
