// The feature navigation. Plain links to hash routes, so the browser's history, middle-click and
// keyboard navigation all work without extra code.
import { selectMay } from '../features/account/account-selectors';
import { useAppStore } from '../state/StoreContext';
import { hrefFor, routePermissions, routes, type RouteId } from './routes';

export function Sidebar({ current }: { current: RouteId | null }) {
  const account = useAppStore((state) => state.account);
  const allowed = routes.filter((route) => !route.fullScreen && selectMay(account, routePermissions[route.id]));
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">Walkout</div>
      <nav aria-label="Features">
        <ul className="sidebar__list">
          {allowed.map((route) => (
            <li key={route.id}>
              <a
                className="sidebar__link"
                href={hrefFor(route.id)}
                aria-current={route.id === current ? 'page' : undefined}
                data-testid={`nav-${route.id}`}
              >
                <span>{route.label}</span>
                {route.built ? null : <span className="sidebar__tag">not built</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
