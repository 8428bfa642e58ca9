// Small hooks the review and replay views share: store time as a time of day in the store's own
// time zone, and money in its currency.
import { useCallback } from 'react';
import { dataOf } from '../../state/load-state';
import { useAppStore } from '../../state/StoreContext';
import { formatTimeOfDay } from '../floor-map/live/live-selectors';
import { formatMoney } from '../floor-map/live/live-words';

export function useTimeOfDay(): (t: number) => string {
  const timeZone = useAppStore((state) => dataOf(state.shell.system)?.store.timezone);
  return useCallback((t: number) => formatTimeOfDay(t, timeZone), [timeZone]);
}

/** Money in a currency the caller knows (a session carries its store's), minor units in. */
export function useMoneyIn(currency: string | undefined): (minor: number) => string {
  return useCallback((minor: number) => formatMoney(minor, currency), [currency]);
}
