// The navigation table and hash routing. Hash routes need no server support, so the same build
// works from Electron's file:// page and from the browser host.
import type { Permission } from '../../../native-bridge/contract';

export const routeIds = ['floor-map', 'replay', 'restock', 'review', 'analytics', 'devices', 'settings', 'gate'] as const;
export type RouteId = (typeof routeIds)[number];

export interface RouteInfo {
  id: RouteId;
  label: string;
  /** False while the view is only a placeholder; the sidebar says so rather than pretend. */
  built: boolean;
  /** A screen of its own (a gate's display): no sidebar, header or status bar, and not in the navigation. */
  fullScreen?: true;
}

export const routes: readonly RouteInfo[] = [
  { id: 'floor-map', label: 'Floor map', built: true },
  { id: 'replay', label: 'Replay', built: true },
  { id: 'restock', label: 'Restock', built: true },
  { id: 'review', label: 'Review', built: true },
  { id: 'analytics', label: 'Analytics', built: true },
  { id: 'devices', label: 'Devices', built: true },
  { id: 'settings', label: 'Settings', built: true },
  { id: 'gate', label: 'Gate display', built: true, fullScreen: true },
];

/** What a person needs to see a route in the navigation; the host enforces the same on every call. */
export const routePermissions: Record<RouteId, Permission> = {
  'floor-map': 'view',
  replay: 'view',
  restock: 'view',
  review: 'review',
  analytics: 'view',
  devices: 'view',
  settings: 'view',
  gate: 'view',
};

export const defaultRoute: RouteId = 'floor-map';

export function hrefFor(id: RouteId, param?: string): string {
  return param === undefined ? `#/${id}` : `#/${id}/${encodeURIComponent(param)}`;
}

/** What a hash names inside its route: `#/replay/r3.S12` gives "r3.S12"; null when nothing (or garbage). */
export function routeParam(hash: string): string | null {
  const part = hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[1];
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
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
