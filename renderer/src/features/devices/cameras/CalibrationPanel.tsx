// The calibration draft as a table (image point, floor point, reprojection error of each pair),
// the overall error of the host's fit, and saving it with a reason (audited), or removing a
// calibration made here.
import { useState } from 'react';
import type { CameraView } from '../../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { completePairs, nextStep } from './calibration-draft';
import { metresText } from './cameras-selectors';

const fmt = (p: readonly number[] | null, digits: number) => (p ? `${p[0]!.toFixed(digits)}, ${p[1]!.toFixed(digits)}` : '—');

export function CalibrationPanel({ camera }: { camera: CameraView }) {
  const api = useAppStoreApi();
  const draft = useAppStore((state) => state.cameras.draft);
  const fit = useAppStore((state) => state.cameras.fit);
  const busy = useAppStore((state) => state.cameras.busy);
  const [reason, setReason] = useState('');
  const cameras = () => api.getState().cameras;
  const complete = completePairs(draft);
  // Residuals come in the order of the complete pairs; map them back to the draft's rows.
  let k = 0;
  const residualOf = draft.pairs.map((p) => (p.image && p.floor && fit.status === 'ready' ? (fit.data.residualsM[k++] ?? null) : null));

  return (
    <section className="panel cameras__calibration" aria-labelledby="calibration-title" data-testid="camera-calibration">
      <h3 id="calibration-title" className="cameras__h3">
        Floor calibration
      </h3>
      <p className="cameras__muted" data-testid="calibration-placement">
        {camera.calibration
          ? `Calibrated here by ${camera.calibration.updatedBy} on ${new Date(camera.calibration.updatedAt).toLocaleString()}: ${camera.calibration.pairs.length} pairs, reprojection error ${metresText(camera.calibration.rmsM)} RMS, ${metresText(camera.calibration.maxM)} at worst.`
          : `Placed by the store's ${camera.placement === 'pose' ? 'installed pose' : 'floor homography'} (cameras.json).`}
      </p>
      <p className="cameras__step" data-testid="calibration-step">
        {nextStep(draft)}
      </p>
      {draft.pairs.length > 0 ? (
        <table className="cameras__pairs" data-testid="calibration-pairs">
          <thead>
            <tr>
              <th>#</th>
              <th>image (px)</th>
              <th>floor (m)</th>
              <th>error</th>
              <th aria-label="remove" />
            </tr>
          </thead>
          <tbody>
            {draft.pairs.map((p, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{fmt(p.image, 0)}</td>
                <td>{fmt(p.floor, 2)}</td>
                <td>{residualOf[i] === null || residualOf[i] === undefined ? '' : metresText(residualOf[i]!)}</td>
                <td>
                  <button type="button" className="cameras__link" onClick={() => cameras().editDraft({ type: 'remove-pair', index: i })} aria-label={`remove pair ${i + 1}`}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {fit.status === 'ready' ? (
        <p className="cameras__fit" data-testid="calibration-error">
          Reprojection error: <strong>{metresText(fit.data.rmsM)} RMS</strong>, {metresText(fit.data.maxM)} at worst
          {fit.data.exact ? ' (4 pairs fit exactly: add more to measure the calibration)' : ''}.
        </p>
      ) : null}
      {fit.status === 'loading' ? <p className="cameras__muted">Fitting…</p> : null}
      {fit.status === 'error' ? (
        <p className="cameras__error" role="alert" data-testid="calibration-fit-error">
          {fit.error.message}
        </p>
      ) : null}
      <form
        className="cameras__form"
        onSubmit={(event) => {
          event.preventDefault();
          void cameras()
            .saveCalibration(reason)
            .then((ok) => ok && setReason(''));
        }}
      >
        <input className="cameras__input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (kept in the audit log)" aria-label="calibration reason" />
        <button type="submit" className="button button--primary" disabled={busy !== null || fit.status !== 'ready' || complete.length < 4 || reason.trim().length < 3} data-testid="calibration-save">
          Save calibration
        </button>
        {draft.pairs.length > 0 ? (
          <button type="button" className="button" onClick={() => cameras().editDraft({ type: 'clear' })}>
            Clear points
          </button>
        ) : null}
        {camera.calibration && draft.pairs.length === 0 ? (
          <button type="button" className="button" onClick={() => cameras().editDraft({ type: 'load', pairs: camera.calibration!.pairs })}>
            Edit saved points
          </button>
        ) : null}
        {camera.calibration ? (
          <button
            type="button"
            className="button"
            disabled={busy !== null || reason.trim().length < 3}
            onClick={() => void cameras().clearCalibration(reason).then((ok) => ok && setReason(''))}
            data-testid="calibration-clear"
          >
            Remove calibration
          </button>
        ) : null}
      </form>
    </section>
  );
}
