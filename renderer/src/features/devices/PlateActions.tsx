// Tare and calibrate for one plate. Both ask first, because both change what the plate weighs from
// now on: tare says "the plate is empty now", calibrate asks for the reference weight lying on it.
// A reason is recorded with the audit entry the host writes.
import { useState, type FormEvent } from 'react';
import type { PlateView } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';

type Mode = null | 'tare' | 'calibrate';

export function PlateActions({ plate }: { plate: PlateView }) {
  const tare = useAppStore((state) => state.devices.tare);
  const calibrate = useAppStore((state) => state.devices.calibrate);
  const busy = useAppStore((state) => state.devices.busy === `plate:${plate.id}`);
  const [mode, setMode] = useState<Mode>(null);
  const [grams, setGrams] = useState('');
  const [reason, setReason] = useState('');
  const known = Number(grams);
  const offline = plate.status === 'offline';

  if (mode === null) {
    return (
      <div className="devices__actions">
        <button type="button" className="button" disabled={busy || offline} onClick={() => setMode('tare')} aria-label={`Tare plate ${plate.id}`}>
          Tare
        </button>
        <button type="button" className="button" disabled={busy || offline} onClick={() => setMode('calibrate')} aria-label={`Calibrate plate ${plate.id}`}>
          Calibrate
        </button>
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
    const done = mode === 'tare' ? tare(plate.id, reason.trim()) : calibrate(plate.id, known, reason.trim());
    void done.then((ok) => ok && close());
  };
  return (
    <form className="devices__action-form" onSubmit={submit} data-testid={`plate-${mode}-form`}>
      <p className="devices__action-hint">{mode === 'tare' ? 'The plate must be empty: what it weighs now becomes zero.' : 'Put a reference weight on the plate, then enter it.'}</p>
      {mode === 'calibrate' ? (
        <label>
          Reference weight (g)
          <input type="number" min="0.1" step="any" required value={grams} onChange={(e) => setGrams(e.target.value)} autoFocus aria-label={`Reference weight on plate ${plate.id}, grams`} />
        </label>
      ) : null}
      <label>
        Reason
        <input type="text" maxLength={500} value={reason} placeholder="optional" onChange={(e) => setReason(e.target.value)} autoFocus={mode === 'tare'} aria-label={`Reason for the ${mode} of plate ${plate.id}`} />
      </label>
      <div className="devices__actions">
        <button type="submit" className="button button--primary" disabled={busy || (mode === 'calibrate' && !(known > 0))}>
          {mode === 'tare' ? 'Tare now' : 'Calibrate now'}
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
