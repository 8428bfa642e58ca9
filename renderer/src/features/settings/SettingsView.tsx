// Settings: the store this suite runs and, for managers, its user accounts. The store's layout,
// catalog and planogram are files checked by `walkout store check`; editing them here is not built.
import { useAppStore } from '../../state/StoreContext';
import { selectMay } from '../account/account-selectors';
import { UsersPanel } from './users/UsersPanel';
import './settings.css';

export function SettingsView() {
  const system = useAppStore((state) => state.shell.system);
  const mayManage = useAppStore((state) => selectMay(state.account, 'manage'));
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Settings</h1>
        <p className="page__meta">The store’s configuration and the people who use the suite.</p>
      </header>
      <section className="panel" aria-labelledby="store-title">
        <h2 id="store-title" className="panel__subtitle">
          Store
        </h2>
        {system.status === 'ready' ? (
          <dl className="settings__store" data-testid="settings-store">
            <dt>Name</dt>
            <dd>{system.data.store.name}</dd>
            <dt>Id</dt>
            <dd>{system.data.store.id}</dd>
            <dt>Time zone</dt>
            <dd>{system.data.store.timezone}</dd>
            <dt>Database</dt>
            <dd>
              {system.data.database.path} (schema {system.data.database.schemaVersion})
            </dd>
          </dl>
        ) : (
          <p className="page__meta">{system.status === 'error' ? system.error.message : 'Loading…'}</p>
        )}
        <p className="page__meta">The layout, catalog and planogram are the store folder’s files; `walkout store check DIR` validates them before the suite loads them.</p>
      </section>
      {mayManage ? (
        <UsersPanel />
      ) : (
        <p className="panel__status" data-testid="users-not-allowed">
          Only managers manage accounts.
        </p>
      )}
    </div>
  );
}
