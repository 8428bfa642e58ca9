// The feature navigation. Plain links to hash routes, so the browser's history, middle-click and
// keyboard navigation all work without extra code.
import { hrefFor, routes, type RouteId } from './routes';

export function Sidebar({ current }: { current: RouteId | null }) {
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">Walkout</div>
      <nav aria-label="Features">
        <ul className="sidebar__list">
          {routes.map((route) => (
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
