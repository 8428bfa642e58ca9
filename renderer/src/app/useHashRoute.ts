// Follows the location hash as React state. useSyncExternalStore keeps every reader in step with
// the URL, including back/forward navigation.
import { useSyncExternalStore } from 'react';
import { routeFromHash, routeParam, type RouteId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}

export function useHashRoute(): RouteId | null {
  return routeFromHash(useSyncExternalStore(subscribe, readHash, readHash));
}

/** The part of the hash after the route (`#/replay/r3.S12` → "r3.S12"), or null. */
export function useHashParam(): string | null {
  return routeParam(useSyncExternalStore(subscribe, readHash, readHash));
}
