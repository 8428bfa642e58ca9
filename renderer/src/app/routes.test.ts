import { describe, expect, it } from 'vitest';
import { defaultRoute, hrefFor, routeFromHash, routeIds, routeInfo, routeParam, routePermissions, routes } from './routes';

describe('routes', () => {
  it('has one navigation entry per feature, in order', () => {
    expect(routes.map((route) => route.id)).toEqual([...routeIds]);
    expect(routes.map((route) => route.label)).toEqual(['Floor map', 'Replay', 'Restock', 'Review', 'Analytics', 'Devices', 'Settings', 'Gate display']);
    expect(routes.filter((route) => route.fullScreen).map((route) => route.id)).toEqual(['gate']);
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

  it('reads what a hash names inside its view, round-tripping through hrefFor', () => {
    expect(routeParam(hrefFor('replay', 'r3.S12'))).toBe('r3.S12');
    expect(routeFromHash(hrefFor('replay', 'r3.S12'))).toBe('replay');
    expect(routeParam('#/review/a%2Fb?x=1')).toBe('a/b');
    expect(routeParam('#/review')).toBeNull();
    expect(routeParam('#/review/%E0%A4%A')).toBeNull();
  });

  it('gives null for a view that does not exist', () => {
    expect(routeFromHash('#/nowhere')).toBeNull();
  });

  it('shows the review queue only to people who may review', () => {
    expect(routeInfo('floor-map').built).toBe(true);
    expect(routes.filter((route) => routePermissions[route.id] !== 'view').map((route) => route.id)).toEqual(['review']);
    expect(routePermissions.review).toBe('review');
  });
});
