import { describe, expect, it } from 'vitest';
import { defaultRoute, hrefFor, routeFromHash, routeIds, routeInfo, routes } from './routes';

describe('routes', () => {
  it('has one navigation entry per feature, in order', () => {
    expect(routes.map((route) => route.id)).toEqual([...routeIds]);
    expect(routes.map((route) => route.label)).toEqual(['Floor map', 'Replay', 'Restock', 'Review', 'Analytics', 'Devices', 'Settings']);
  });

  it('round-trips every route through its hash', () => {
    for (const id of routeIds) expect(routeFromHash(hrefFor(id))).toBe(id);
  });

  it('opens the default view for an empty hash', () => {
    expect(routeFromHash('')).toBe(defaultRoute);
    expect(routeFromHash('#')).toBe(defaultRoute);
    expect(routeFromHash('#/')).toBe(defaultRoute);
  });

  it('ignores anything after the view name', () => {
    expect(routeFromHash('#/review/session-42')).toBe('review');
    expect(routeFromHash('#/analytics?from=2025-01-01')).toBe('analytics');
  });

  it('gives null for a view that does not exist', () => {
    expect(routeFromHash('#/nowhere')).toBeNull();
  });

  it('marks only the floor map as built', () => {
    expect(routeInfo('floor-map').built).toBe(true);
    expect(routes.filter((route) => route.built).map((route) => route.id)).toEqual(['floor-map']);
  });
});
