// Small hooks the live components share: the plan's names for sentences, money in the store's
// currency, and a clock that ticks so time-based states (a stalled feed) show without a new frame.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dataOf } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { formatMoney, planNames, type PlanNames } from './live-words';

export function usePlanNames(): PlanNames {
  const plan = useAppStore((state) => state.floorMap.plan);
  return useMemo(() => planNames(dataOf(plan)), [plan]);
}

export function useMoney(): (minor: number) => string {
  const currency = useAppStore((state) => dataOf(state.shell.system)?.store.currency);
  return useCallback((minor: number) => formatMoney(minor, currency), [currency]);
}

/** performance.now(), refreshed every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
