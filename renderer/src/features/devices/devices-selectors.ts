// Pure reads of the devices state for the view: which panel to show, the shelf list (worst plate
// status first within the filter), the selected shelf and its fixture, the plot's data, what a plate
// action will do to the engine, and the words for statuses and numbers, tested without a DOM.
import type { ConnectionState, DevicesOverview, FixtureView, PlateStatus, PlateView, ShelfView, ShelfWeightsFrame } from '../../../../native-bridge/contract';
import { pendingPhase, type PendingPhase } from '../../state/load-state';
import type { DevicesState, StatusFilter } from './devices-slice';

export type DevicesPhase =
  | PendingPhase
  /** The store has no weighed plates at all. */
  | { kind: 'empty'; overview: DevicesOverview }
  | { kind: 'ready'; overview: DevicesOverview };

export function selectDevicesPhase(state: Pick<DevicesState, 'overview'>, connection: ConnectionState): DevicesPhase {
  const { overview } = state;
  if (overview.status !== 'ready') return pendingPhase(overview, connection)!;
  const plates = overview.data.fixtures.reduce((n, f) => n + f.shelves.reduce((m, s) => m + s.plates.length, 0), 0);
  return plates === 0 ? { kind: 'empty', overview: overview.data } : { kind: 'ready', overview: overview.data };
}

/** Worst first: what needs a person most. */
export const statusSeverity: Record<PlateStatus, number> = { offline: 4, uncalibrated: 3, noisy: 2, drifting: 1, online: 0 };

export const statusLabel: Record<PlateStatus, string> = {
  online: 'Online',
  offline: 'Offline',
  uncalibrated: 'Not calibrated',
  noisy: 'Noisy',
  drifting: 'Drifting',
};

export function worstStatus(plates: readonly Pick<PlateView, 'status'>[]): PlateStatus {
  let worst: PlateStatus = 'online';
  for (const p of plates) if (statusSeverity[p.status] > statusSeverity[worst]) worst = p.status;
  return worst;
}

export interface ShelfListItem {
  shelf: string;
  fixture: string;
  fixtureName: string;
  plates: number;
  worst: PlateStatus;
  /** Plates not online. */
  attention: number;
}

/** Every shelf in store order, or with the filter only those with a plate in that status. */
export function shelfList(overview: DevicesOverview, filter: StatusFilter): ShelfListItem[] {
  const items: ShelfListItem[] = [];
  for (const f of overview.fixtures) {
    for (const s of f.shelves) {
      if (filter !== 'all' && !s.plates.some((p) => p.status === filter)) continue;
      items.push({ shelf: s.id, fixture: f.id, fixtureName: f.name, plates: s.plates.length, worst: worstStatus(s.plates), attention: s.plates.filter((p) => p.status !== 'online').length });
    }
  }
  return items;
}

export function findShelf(overview: DevicesOverview, shelf: string | null): ShelfView | null {
  if (shelf === null) return null;
  for (const f of overview.fixtures) for (const s of f.shelves) if (s.id === shelf) return s;
  return null;
}

export function fixtureOfShelf(overview: DevicesOverview, shelf: string): FixtureView | null {
  return overview.fixtures.find((f) => f.shelves.some((s) => s.id === shelf)) ?? null;
}

export function fixtureOfPlate(overview: DevicesOverview, plate: string): FixtureView | null {
  return overview.fixtures.find((f) => f.shelves.some((s) => s.plates.some((p) => p.id === plate))) ?? null;
}

/** A POS scale weighs the plate (it can be zeroed on the scale itself); shelf controllers and the simulator cannot. */
export function isScalePlate(overview: DevicesOverview, plate: Pick<PlateView, 'device'>): boolean {
  return overview.devices.some((d) => d.serial === plate.device && d.kind === 'pos-scale');
}

export type PlateAction = 'tare' | 'calibrate' | 'zero';

export interface StepAdvice {
  /** 'refused': the host will refuse it now, for the reason given. */
  tone: 'ok' | 'refused';
  text: string;
}

/**
 * What a plate action will do, as the host decides it (main/devices/shelves/plate-step-guard.ts):
 * every one steps the plate's reading, which the engine records as a shelf event, so outside restock
 * mode only a negligible step is allowed and a calibration not at all.
 */
export function plateStepAdvice(action: PlateAction, plate: Pick<PlateView, 'grams' | 'calibration'>, fixture: Pick<FixtureView, 'name' | 'restocking'>, toleranceG: number): StepAdvice {
  const step = action === 'calibrate' ? 'Putting the reference weight on and taking it off are' : action === 'zero' ? 'The scale’s step to zero is' : 'The step to zero is';
  if (fixture.restocking) return { tone: 'ok', text: `Restock mode is on at ${fixture.name}: ${step.charAt(0).toLowerCase()}${step.slice(1)} staff work, charged to nobody.` };
  if (action === 'calibrate') return { tone: 'refused', text: `${step} weight changes the engine would charge to a shopper: switch restock mode on at ${fixture.name} first.` };
  const calibrated = plate.calibration.source !== 'none' && plate.calibration.scale !== 0;
  if (plate.grams === null) {
    return calibrated
      ? { tone: 'refused', text: 'The plate has no reading yet, so whether it is empty cannot be told: wait for it to report.' }
      : { tone: 'ok', text: 'The plate is not calibrated yet, so the engine gets no weight from it: the step is charged to nobody.' };
  }
  if (Math.abs(plate.grams) < toleranceG) return { tone: 'ok', text: `The plate reads ${formatGrams(plate.grams)}: the step is below what the engine records as a weight change.` };
  return {
    tone: 'refused',
    text: `The plate reads ${formatGrams(plate.grams)}, not empty: the step would be charged to a shopper as a shelf event, so it is refused. Empty the plate, or switch restock mode on at ${fixture.name}.`,
  };
}

/**
 * uPlot's data for the selected shelf: x = times (s), one series per plate in the shelf's order;
 * null is a gap. Undefined when there is no frame for this shelf yet.
 */
export function plotData(frame: ShelfWeightsFrame | null, shelf: ShelfView | null): (number | null)[][] | undefined {
  if (!frame || !shelf || frame.shelf !== shelf.id) return undefined;
  const byPlate = new Map(frame.plates.map((p) => [p.plate, p.grams]));
  return [frame.times, ...shelf.plates.map((p) => byPlate.get(p.id) ?? frame.times.map(() => null))];
}

export function formatGrams(grams: number | null): string {
  if (grams === null) return '—';
  return Math.abs(grams) >= 1000 ? `${(grams / 1000).toFixed(2)} kg` : `${grams.toFixed(1)} g`;
}

export function calibrationLabel(plate: Pick<PlateView, 'calibration'>): string {
  const c = plate.calibration;
  switch (c.source) {
    case 'none':
      return 'not calibrated';
    case 'simulator':
      return 'simulated load cell (1 g per unit)';
    case 'device':
      return `from the controller: ${c.scale.toPrecision(4)} g/count`;
    case 'database':
      return c.scale === 0 ? `tared by ${c.updatedBy ?? '?'}, not spanned yet` : `${c.scale.toPrecision(4)} g/unit, by ${c.updatedBy ?? '?'}`;
  }
}

/** A colour per plate series, stable by position on the shelf. */
export function seriesColour(index: number): string {
  const palette = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#9333ea', '#ea580c', '#0f766e', '#b91c1c'];
  return palette[index % palette.length]!;
}
