// Hands the app store to components through React context, so the composition root (or a test)
// chooses the store and its client instead of components importing a global.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs an <AppStoreProvider> above it');
  return store;
}

/**
 * Subscribes to one piece of the app state. Selectors must return something stable (a primitive or
 * an object already in the state); building a new object here would re-render on every change.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
