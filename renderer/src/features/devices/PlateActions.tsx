// Tare, calibrate and (for a plate a POS scale weighs) zero the scale, for one plate. Each asks
// first, because each changes what the plate weighs from now on, and says before it is sent what
// the step will do to the engine: staff work in restock mode, below notice on an empty plate, or
// refused by the host because a shopper would be charged for it. A reason is recorded with the
// audit entry the host writes.
import { useState, type FormEvent } from 'react';
import type { FixtureView, PlateView } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { plateStepAdvice, type PlateAction } from './devices-selectors';

const verbs: Record<PlateAction, { button: string; submit: string; what: string; hint: string }> = {
  tare: { button: 'Tare', submit: 'Tare now', what: 'tare', hint: 'The plate must be empty: what it weighs now becomes zero.' },
  calibrate: { button: 'Calibrate', submit: 'Calibrate now', what: 'calibrate', hint: 'Put a reference weight on the plate, then enter it.' },
  zero: { button: 'Zero scale', submit: 'Zero the scale now', what: 'zero', hint: 'The scale zeroes itself: what lies on it now reads zero.' },
};

export interface PlateActionsProps {
  plate: PlateView;
  fixture: Pick<FixtureView, 'name' | 'restocking'>;
  toleranceG: number;
  /** A POS scale weighs the plate, so it can be zeroed on the scale itself. */
  scale: boolean;
}

export function PlateActions({ plate, fixture, toleranceG, scale }: PlateActionsProps) {
  const tare = useAppStore((state) => state.devices.tare);
  const calibrate = useAppStore((state) => state.devices.calibrate);
  const zeroScale = useAppStore((state) => state.devices.zeroScale);
  const busy = useAppStore((state) => state.devices.busy === `plate:${plate.id}`);
  const [mode, setMode] = useState<PlateAction | null>(null);
  const [grams, setGrams] = useState('');
  const [reason, setReason] = useState('');
  const known = Number(grams);
  const offline = plate.status === 'offline';

  if (mode === null) {
    const actions: PlateAction[] = scale ? ['tare', 'zero', 'calibrate'] : ['tare', 'calibrate'];
    return (
      <div className="devices__actions">
        {actions.map((action) => (
          <button key={action} type="button" className="button" disabled={busy || offline} onClick={() => setMode(action)} aria-label={`${verbs[action].button} plate ${plate.id}`}>
            {verbs[action].button}
          </button>
        ))}
      </div>
    );
  }
  const close = () => {
    setMode(null);
    setGrams('');
    setReason('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const why = reason.trim();
    const done = mode === 'tare' ? tare(plate.id, why) : mode === 'zero' ? zeroScale(plate.id, why) : calibrate(plate.id, known, why);
    void done.then((ok) => ok && close());
  };
  const advice = plateStepAdvice(mode, plate, fixture, toleranceG);
  const verb = verbs[mode];
  return (
    <form className="devices__action-form" onSubmit={submit} data-testid={`plate-${mode}-form`}>
      <p className="devices__action-hint">{verb.hint}</p>
      <p className={`devices__advice devices__advice--${advice.tone}`} data-testid="plate-step-advice">
        {advice.text}
      </p>
      {mode === 'calibrate' ? (
        <label>
          Reference weight (g)
          <input type="number" min="0.1" step="any" required value={grams} onChange={(e) => setGrams(e.target.value)} autoFocus aria-label={`Reference weight on plate ${plate.id}, grams`} />
        </label>
      ) : null}
      <label>
        Reason
        <input type="text" maxLength={500} value={reason} placeholder="optional" onChange={(e) => setReason(e.target.value)} autoFocus={mode !== 'calibrate'} aria-label={`Reason for the ${verb.what} of plate ${plate.id}`} />
      </label>
      <div className="devices__actions">
        <button type="submit" className="button button--primary" disabled={busy || (mode === 'calibrate' && !(known > 0))}>
          {verb.submit}
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
