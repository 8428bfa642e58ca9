// Follows the location hash as React state. useSyncExternalStore keeps every reader in step with
// the URL, including back/forward navigation.
import { useSyncExternalStore } from 'react';
import { routeFromHash, type RouteId } from './routes';

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
