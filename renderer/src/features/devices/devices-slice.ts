// The Devices view's state for shelves: the host's devices overview (every shelf and plate with
// status and calibration), refreshed while the view is shown; the selected shelf and the live
// weights the host streams for it; and what people do here — tare, calibrate, zero a POS scale, and
// switch restock mode at the shelf's fixture so those steps are staff work — each one call the host
// audits. An answer replaces what it concerns, so the page shows the host's truth, never a guess.
import type { DevicesOverview, FixtureView, PlateStatus, PlateView, RestockFixture, ShelfWeightsFrame } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';

export type StatusFilter = PlateStatus | 'all';

export interface DevicesState {
  overview: LoadState<DevicesOverview>;
  /** A refresh failed while earlier data is shown. */
  refreshError: ErrorInfo | null;
  selectedShelf: string | null;
  /** The latest weights frame of the selected shelf. */
  weights: ShelfWeightsFrame | null;
  filter: StatusFilter;
  /** `plate:<id>` or `fixture:<id>` while a change to it is on its way. */
  busy: string | null;
  changeError: ErrorInfo | null;
  notice: string | null;
}

export interface DevicesActions {
  load: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Selects a shelf and asks the host to stream its weights (renew with `renewWatch`). */
  selectShelf: (shelf: string | null) => void;
  renewWatch: () => Promise<void>;
  /** Subscribes to the `shelfWeights` stream; the returned function unsubscribes. */
  attachWeights: () => () => void;
  receiveWeights: (frame: ShelfWeightsFrame) => void;
  setFilter: (filter: StatusFilter) => void;
  tare: (plate: string, reason: string) => Promise<boolean>;
  calibrate: (plate: string, knownGrams: number, reason: string) => Promise<boolean>;
  zeroScale: (plate: string, reason: string) => Promise<boolean>;
  setRestockMode: (fixture: Pick<FixtureView, 'id' | 'name'>, on: boolean) => Promise<boolean>;
  reset: () => void;
}

export type DevicesSlice = DevicesState & DevicesActions;

export const initialDevicesState: DevicesState = {
  overview: idle,
  refreshError: null,
  selectedShelf: null,
  weights: null,
  filter: 'all',
  busy: null,
  changeError: null,
  notice: null,
};

/** The overview with one plate replaced by the host's answer (and the counts kept in step). */
export function withPlate(overview: DevicesOverview, plate: PlateView): DevicesOverview {
  let previous: PlateStatus | undefined;
  const fixtures = overview.fixtures.map((f) => ({
    ...f,
    shelves: f.shelves.map((s) => ({
      ...s,
      plates: s.plates.map((p) => {
        if (p.id !== plate.id) return p;
        previous = p.status;
        return plate;
      }),
    })),
  }));
  const counts = { ...overview.counts };
  if (previous !== undefined) {
    counts[previous]--;
    counts[plate.status]++;
  }
  return { ...overview, fixtures, counts };
}

/** The overview with one fixture's restock mode as the host answered it. */
export function withRestockMode(overview: DevicesOverview, fixture: Pick<RestockFixture, 'id' | 'restocking'>): DevicesOverview {
  return { ...overview, fixtures: overview.fixtures.map((f) => (f.id === fixture.id ? { ...f, restocking: fixture.restocking } : f)) };
}

/** Whether restock mode is on at the plate's fixture in the overview shown. */
function restockingAt(overview: DevicesState['overview'], plate: string): FixtureView | undefined {
  if (overview.status !== 'ready') return undefined;
  return overview.data.fixtures.find((f) => f.restocking && f.shelves.some((s) => s.plates.some((p) => p.id === plate)));
}

export function createDevicesSlice({ set, get }: SliceApi<DevicesSlice>, { client }: StoreDeps): DevicesSlice {
  // Only the latest load may write its answer: a slow poll must not put back data older than a
  // calibration just made.
  let request = 0;

  const fetchOverview = async (showLoading: boolean): Promise<void> => {
    const mine = ++request;
    if (showLoading) set({ overview: { status: 'loading' } });
    try {
      const data = await client.call('getDevices', {});
      if (mine !== request) return;
      const { selectedShelf } = get();
      const first = data.fixtures.flatMap((f) => f.shelves)[0]?.id ?? null;
      set({ overview: { status: 'ready', data }, refreshError: null });
      if (selectedShelf === null && first !== null) selectShelf(first);
    } catch (error) {
      if (mine !== request) return;
      if (get().overview.status === 'ready') set({ refreshError: toErrorInfo(error) });
      else set({ overview: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  const renewWatch = async (): Promise<void> => {
    const shelf = get().selectedShelf;
    if (shelf === null) return;
    try {
      await client.call('watchShelfWeights', { shelf });
    } catch (error) {
      if (get().selectedShelf === shelf) set({ refreshError: toErrorInfo(error) });
    }
  };

  const selectShelf = (shelf: string | null): void => {
    if (shelf === get().selectedShelf) return;
    set({ selectedShelf: shelf, weights: null });
    void renewWatch();
  };

  const change = async <T>(busy: string, call: () => Promise<T>, apply: (overview: DevicesOverview, answer: T) => DevicesOverview, notice: (answer: T) => string): Promise<boolean> => {
    set({ busy, changeError: null, notice: null });
    request++;
    try {
      const answer = await call();
      const { overview } = get();
      set({ busy: null, notice: notice(answer), overview: overview.status === 'ready' ? { status: 'ready', data: apply(overview.data, answer) } : overview });
      return true;
    } catch (error) {
      set({ busy: null, changeError: toErrorInfo(error) });
      return false;
    }
  };

  return {
    ...initialDevicesState,
    load: () => fetchOverview(true),
    refresh: () => fetchOverview(get().overview.status !== 'ready'),
    selectShelf,
    renewWatch,
    attachWeights: () => client.subscribe('shelfWeights', (frame) => get().receiveWeights(frame)),
    receiveWeights: (frame) => {
      if (frame.shelf === get().selectedShelf) set({ weights: frame });
    },
    setFilter: (filter) => set({ filter }),
    tare: (plate, reason) => {
      const staff = restockingAt(get().overview, plate);
      return change(`plate:${plate}`, () => client.call('tarePlate', { plate, reason }), withPlate, () =>
        staff ? `Plate ${plate} tared: it reads zero, and the step was staff work at ${staff.name} (restock mode), charged to nobody.` : `Plate ${plate} tared: what it holds now reads as zero.`,
      );
    },
    calibrate: (plate, knownGrams, reason) =>
      change(`plate:${plate}`, () => client.call('calibratePlate', { plate, knownGrams, reason }), withPlate, (p) => `Plate ${plate} calibrated with ${knownGrams} g: ${p.calibration.scale.toPrecision(4)} g per raw unit.`),
    zeroScale: (plate, reason) =>
      change(`plate:${plate}`, () => client.call('zeroScale', { plate, reason }), withPlate, (p) => `Scale ${p.device} zeroed: plate ${plate} reads zero from the scale’s next report.`),
    setRestockMode: (fixture, on) =>
      change(`fixture:${fixture.id}`, () => client.call('setRestockMode', { fixture: fixture.id, on }), withRestockMode, () =>
        on ? `Restock mode on at ${fixture.name}: weight changes there, tare and calibration included, are staff work, charged to nobody.` : `Restock mode off at ${fixture.name}.`,
      ),
    reset: () => {
      request++;
      set(initialDevicesState);
    },
  };
}
