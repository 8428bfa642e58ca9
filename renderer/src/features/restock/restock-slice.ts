// The Restock view's state: the host's restock overview (low plates, fixtures and their restock
// mode), refreshed while the view is shown, and the two things staff do here — acknowledge an
// alert, switch restock mode at a fixture. Each is one call the host audits; its answer replaces
// the row it concerns, so the page shows the host's truth, never a guess.
import type { RestockAlert, RestockFixture, RestockOverview } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';

export interface RestockState {
  overview: LoadState<RestockOverview>;
  /** A refresh failed while earlier data is shown: the data may be stale. */
  refreshError: ErrorInfo | null;
  /** What is being changed: `plate:<id>` or `fixture:<id>`; null when idle. */
  busy: string | null;
  /** The last change's failure, shown above the list. */
  changeError: ErrorInfo | null;
  notice: string | null;
  hideAcknowledged: boolean;
}

export interface RestockActions {
  /** First load: shows the loading state. */
  load: () => Promise<void>;
  /** Re-reads the overview in place (polling); loads instead when nothing is shown yet. */
  refresh: () => Promise<void>;
  acknowledge: (alert: Pick<RestockAlert, 'plate' | 'since' | 'product'>, note: string) => Promise<boolean>;
  setRestockMode: (fixture: Pick<RestockFixture, 'id' | 'name'>, on: boolean) => Promise<boolean>;
  setHideAcknowledged: (hide: boolean) => void;
  reset: () => void;
}

export type RestockSlice = RestockState & RestockActions;

export const initialRestockState: RestockState = { overview: idle, refreshError: null, busy: null, changeError: null, notice: null, hideAcknowledged: false };

/** The overview with one alert replaced by the host's answer. */
export function withAlert(overview: RestockOverview, alert: RestockAlert): RestockOverview {
  return { ...overview, alerts: overview.alerts.map((a) => (a.plate === alert.plate ? alert : a)) };
}

/** The overview with one fixture replaced by the host's answer. */
export function withFixture(overview: RestockOverview, fixture: RestockFixture): RestockOverview {
  return { ...overview, fixtures: overview.fixtures.map((f) => (f.id === fixture.id ? fixture : f)) };
}

export function createRestockSlice({ set, get }: SliceApi<RestockSlice>, { client }: StoreDeps): RestockSlice {
  // Every load, refresh and reset takes a number; only the latest may write its answer, so a slow
  // poll cannot put back data older than a change just made.
  let request = 0;

  const fetchOverview = async (showLoading: boolean): Promise<void> => {
    const mine = ++request;
    if (showLoading) set({ overview: { status: 'loading' } });
    try {
      const data = await client.call('getRestock', {});
      if (mine === request) set({ overview: { status: 'ready', data }, refreshError: null });
    } catch (error) {
      if (mine !== request) return;
      if (get().overview.status === 'ready') set({ refreshError: toErrorInfo(error) });
      else set({ overview: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  const change = async <T>(busy: string, call: () => Promise<T>, apply: (overview: RestockOverview, answer: T) => RestockOverview, notice: string): Promise<boolean> => {
    set({ busy, changeError: null, notice: null });
    request++;
    try {
      const answer = await call();
      const { overview } = get();
      set({ busy: null, notice, overview: overview.status === 'ready' ? { status: 'ready', data: apply(overview.data, answer) } : overview });
      return true;
    } catch (error) {
      set({ busy: null, changeError: toErrorInfo(error) });
      return false;
    }
  };

  return {
    ...initialRestockState,
    load: () => fetchOverview(true),
    refresh: () => fetchOverview(get().overview.status !== 'ready'),
    acknowledge: (alert, note) =>
      change(`plate:${alert.plate}`, () => client.call('acknowledgeRestockAlert', { plate: alert.plate, since: alert.since, note }), withAlert, `Acknowledged: ${alert.product} (plate ${alert.plate}).`),
    setRestockMode: (fixture, on) =>
      change(
        `fixture:${fixture.id}`,
        () => client.call('setRestockMode', { fixture: fixture.id, on }),
        withFixture,
        on ? `Restock mode on at ${fixture.name}: its shelf events are charged to nobody.` : `Restock mode off at ${fixture.name}.`,
      ),
    setHideAcknowledged: (hide) => set({ hideAcknowledged: hide }),
    reset: () => {
      request++;
      set(initialRestockState);
    },
  };
}
