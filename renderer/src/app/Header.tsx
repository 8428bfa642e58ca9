// The top bar: which store this window is operating, and whether it can reach the host.
import { useAppStore } from '../state/StoreContext';
import { UserMenu } from '../features/account/UserMenu';
import { ConnectionIndicator } from './ConnectionIndicator';
import { selectStoreTitle } from './shell-selectors';

export function Header() {
  const system = useAppStore((state) => state.shell.system);
  const title = selectStoreTitle({ system });
  const details = system.status === 'ready' ? `${system.data.store.id} · ${system.data.store.timezone}` : null;
  return (
    <header className="app-header">
      <div className="app-header__store">
        {/* Not a heading: each view's own title is the page's one h1. */}
        <p className="app-header__name" data-testid="store-name" data-state={system.status}>
          {title}
        </p>
        {details ? <span className="app-header__details">{details}</span> : null}
        {system.status === 'error' ? (
          <span className="app-header__error" title={system.error.message}>
            {system.error.message}
          </span>
        ) : null}
      </div>
      <div className="app-header__end">
        <UserMenu />
        <ConnectionIndicator />
      </div>
    </header>
  );
}
