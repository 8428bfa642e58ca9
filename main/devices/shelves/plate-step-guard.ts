// Tare, calibrate and zeroing a POS scale each change what a plate reads at once, and the engine
// sees any step in a plate's reading as weight taken or put down: a shelf event, charged to the
// shopper nearest the shelf. This decides when such an action may go ahead.
//
// The rule: not unless the step is too small for the engine to record, or the fixture is in restock
// mode (its shelf events are staff work, charged to nobody). We refuse rather than quietly treating
// the step as staff work, because the charge is only half the harm: a tare declares the plate empty,
// so on a loaded plate it moves the zero by the load and the engine's stock for that plate would be
// short by that load from then on, restock alerts included. Refusing spares the shopper and the
// stock; restock mode is the deliberate way through when the empty reading itself has changed (a
// new tray, a divider), and then staff are at the shelf anyway. A calibration cannot be made safe by
// the call at all (the reference weight goes on before it and comes off after, both weight changes),
// so it needs restock mode whatever the plate reads.
import { defaultShelfStageOptions } from '../../engine/shelves/options';

/** A reading closer to zero than this may be tared outside restock mode: the shelf stage records no change smaller. */
export const EMPTY_TOLERANCE_G = defaultShelfStageOptions.minDeltaG;

export type PlateStepAction = 'tare' | 'calibrate' | 'zero';

export interface PlateStepContext {
  /** What the plate reads now, grams; null when it has no calibration (the engine gets no weight from it yet). */
  grams: number | null;
  /** Whether it has a calibration: a calibrated plate without a reading cannot be judged. */
  calibrated: boolean;
  fixtureName: string;
  /** Restock mode is on at the plate's fixture. */
  restocking: boolean;
}

/** Why `action` must not go ahead now, in words for the person asking; undefined when it may. */
export function plateStepRefusal(action: PlateStepAction, { grams, calibrated, fixtureName, restocking }: PlateStepContext): string | undefined {
  if (restocking) return undefined;
  if (action === 'calibrate') {
    return `calibrate: the reference weight going on and coming off the plate are weight changes the engine would charge to a shopper; switch restock mode on at ${fixtureName} first`;
  }
  if (grams === null) return calibrated ? `${action}: the plate has no steady reading yet, so whether it is empty cannot be told; wait for it to report` : undefined;
  if (Math.abs(grams) < EMPTY_TOLERANCE_G) return undefined;
  const load = `${Math.abs(grams).toFixed(1)} g`;
  return (
    `${action}: the plate reads ${grams.toFixed(1)} g, not empty. Zeroing it now is a ${load} step the engine would record as a shelf event charged to a shopper, ` +
    `and the plate's stock would be off by ${load} from then on. Take everything off the plate first, or switch restock mode on at ${fixtureName} so the step is staff work.`
  );
}
