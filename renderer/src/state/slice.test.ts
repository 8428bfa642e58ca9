import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { scopeSlice } from './slice';

interface Root {
  a: { n: number; label: string };
  b: { n: number };
}

function makeStore() {
  return createStore<Root>()(() => ({ a: { n: 1, label: 'a' }, b: { n: 10 } }));
}

describe('scopeSlice', () => {
  it('merges a patch into its own key only', () => {
    const store = makeStore();
    const a = scopeSlice(store, 'a');
    a.set({ n: 2 });
    expect(store.getState()).toEqual({ a: { n: 2, label: 'a' }, b: { n: 10 } });
  });

  it('passes the current slice to a function patch', () => {
    const store = makeStore();
    const b = scopeSlice(store, 'b');
    b.set((current) => ({ n: current.n + 5 }));
    expect(b.get()).toEqual({ n: 15 });
  });

  it('gives the slice a new object so subscribers see the change', () => {
    const store = makeStore();
    const before = store.getState().a;
    scopeSlice(store, 'a').set({ label: 'changed' });
    expect(store.getState().a).not.toBe(before);
    expect(store.getState().b).toBe(store.getState().b);
  });
});
