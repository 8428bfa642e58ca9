// The signed-in person in the header, with sign-out where they signed in (the local operator of
// this computer has nothing to sign out of).
import { useAppStore } from '../../state/StoreContext';
import { selectSignedInLabel } from './account-selectors';

export function UserMenu() {
  const label = useAppStore((state) => selectSignedInLabel(state.account));
  const via = useAppStore((state) => state.account.caller?.via);
  const signOut = useAppStore((state) => state.account.signOut);
  if (!label) return null;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__name">{label}</span>
      {via === 'login' ? (
        <button className="button" type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      ) : null}
    </div>
  );
}
