// The navigation table and hash routing. Hash routes need no server support, so the same build
// works from Electron's file:// page and from the browser host.
export const routeIds = ['floor-map', 'replay', 'restock', 'review', 'analytics', 'devices', 'settings'] as const;
export type RouteId = (typeof routeIds)[number];

export interface RouteInfo {
  id: RouteId;
  label: string;
  /** False while the view is only a placeholder; the sidebar says so rather than pretend. */
  built: boolean;
}

export const routes: readonly RouteInfo[] = [
  { id: 'floor-map', label: 'Floor map', built: true },
  { id: 'replay', label: 'Replay', built: false },
  { id: 'restock', label: 'Restock', built: false },
  { id: 'review', label: 'Review', built: false },
  { id: 'analytics', label: 'Analytics', built: false },
  { id: 'devices', label: 'Devices', built: false },
  { id: 'settings', label: 'Settings', built: false },
];

export const defaultRoute: RouteId = 'floor-map';

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

/**
 * The route a location hash names. An empty hash opens the default view; anything unknown gives
 * null so the app can say "no such page" instead of silently showing something else.
 */
export function routeFromHash(hash: string): RouteId | null {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  if (path === '') return defaultRoute;
  return (routeIds as readonly string[]).includes(path) ? (path as RouteId) : null;
}

export function routeInfo(id: RouteId): RouteInfo {
  const info = routes.find((route) => route.id === id);
  if (!info) throw new Error(`no route ${id}`);
  return info;
}
